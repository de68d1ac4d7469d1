// SPDX-License-Identifier: GPL-2.0
/// Find resources obtained from a managed (devm_/dmam_/pcim_) interface that
/// are also released by hand with the unmanaged release function: free_irq()
/// of a devm_request_irq() IRQ, iounmap()
/// of a devm_ioremap() mapping, clk_put() of a devm_clk_get() clock,
/// pci_disable_device() after pcim_enable_device(), and the like.  devres
/// releases the resource again when the device is unbound, so this is a
/// double free (or a double disable, or a use after free in between).
/// The managed value and the manual release are tied by the same local
/// variable within one function, by the same field of the same structure
/// type anywhere in the file, or (for the IRQ, region, GPIO and device-enable
/// cases) by the same argument expression.  A value that the file also gets
/// from an unmanaged allocator is left alone (for a local variable: one
/// assigned anything else in the text between the managed call and the
/// release, as in an of_iomap() else-branch).  devm_kfree(), devm_free_irq(),
/// devm_iounmap() and friends are the correct early-release forms.
/// kfree() of devm_k*alloc() memory is not covered here: devm_kzalloc() and
/// kfree() share some 850 driver files, and parsing them more than doubles
/// the rule's cost over drivers/ (the kernel's free/devm_free.cocci looks at
/// that case).
/// pci_disable_device() of a pcim-enabled device is left alone in suspend
/// paths and in a .shutdown callback: the function calls pci_save_state()
/// or pci_set_power_state(), its name says suspend, freeze, poweroff,
/// hibernate or shutdown, or a struct pci_driver names it as .shutdown or a
/// suspend-side callback (but not also as .remove).  Resume enables the
/// device again, and devres does not run at shutdown.
///
// Confidence: High
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: devm, devres, pcim, dmam, double free

virtual report
virtual org

@initialize:python@
@@
CLASSES = [
	(("devm_get_free_pages",), ("free_pages",), "devm_free_pages()"),
	(("devm_ioremap", "devm_ioremap_uc", "devm_ioremap_wc", "devm_ioremap_np",
	  "devm_ioremap_resource", "devm_ioremap_resource_wc",
	  "devm_platform_ioremap_resource",
	  "devm_platform_ioremap_resource_byname",
	  "devm_platform_get_and_ioremap_resource", "devm_of_iomap"),
	 ("iounmap",), "devm_iounmap()"),
	(("devm_ioport_map",), ("ioport_unmap",), "devm_ioport_unmap()"),
	(("pcim_iomap",), ("pci_iounmap",), "pcim_iounmap()"),
	(("dmam_alloc_coherent",), ("dma_free_coherent",), "dmam_free_coherent()"),
	(("devm_clk_get", "devm_clk_get_optional", "devm_clk_get_enabled",
	  "devm_clk_get_prepared", "devm_clk_get_optional_enabled",
	  "devm_clk_get_optional_prepared", "devm_get_clk_from_child"),
	 ("clk_put",), "devm_clk_put()"),
	(("devm_gpiod_get", "devm_gpiod_get_optional", "devm_gpiod_get_index",
	  "devm_gpiod_get_index_optional", "devm_fwnode_gpiod_get",
	  "devm_fwnode_gpiod_get_index"), ("gpiod_put",), "devm_gpiod_put()"),
	(("devm_regulator_get", "devm_regulator_get_optional",
	  "devm_regulator_get_exclusive"), ("regulator_put",),
	 "devm_regulator_put()"),
	(("devm_reset_control_get", "devm_reset_control_get_exclusive",
	  "devm_reset_control_get_shared", "devm_reset_control_get_optional",
	  "devm_reset_control_get_optional_exclusive",
	  "devm_reset_control_get_optional_shared",
	  "devm_reset_control_array_get",
	  "devm_reset_control_array_get_exclusive",
	  "devm_reset_control_array_get_optional_exclusive",
	  "devm_reset_control_get_by_index"), ("reset_control_put",),
	 "drop the call"),
	(("devm_pinctrl_get",), ("pinctrl_put",), "devm_pinctrl_put()"),
	(("devm_phy_get", "devm_phy_optional_get", "devm_of_phy_get"),
	 ("phy_put",), "devm_phy_put()"),
	(("devm_usb_get_phy", "devm_usb_get_phy_by_phandle"), ("usb_put_phy",),
	 "devm_usb_put_phy()"),
	(("devm_iio_device_alloc",), ("iio_device_free",),
	 "drop the call"),
	(("devm_alloc_etherdev", "devm_alloc_etherdev_mqs"), ("free_netdev",),
	 "drop the call"),
	(("devm_spi_alloc_master", "devm_spi_alloc_host", "devm_spi_alloc_slave",
	  "devm_spi_alloc_target"),
	 ("spi_master_put", "spi_controller_put", "spi_slave_put",
	  "spi_target_put"), "drop the call"),
	(("devm_nvmem_cell_get",), ("nvmem_cell_put",), "devm_nvmem_cell_put()"),
	(("devm_pwm_get",), ("pwm_put",), "drop the call"),
	(("devm_iio_channel_get",), ("iio_channel_release",),
	 "drop the call"),
]
PAIR = {}
MANAGED = set(a for allocs, _, _ in CLASSES for a in allocs)
for allocs, rels, instead in CLASSES:
	for a in allocs:
		for r in rels:
			PAIR[(a, r)] = instead

# (file, struct type, field) that the file also sets from something other
# than a managed allocator: the field may hold unmanaged memory.
unmanaged = set()
# (file, line) of a release whose variable is assigned from something other
# than the managed allocator between the managed assignment and the release.
localunmanaged = set()

def advice(instead):
	if instead == "drop the call":
		return instead
	return "drop it, or use %s for an early release" % instead

def pair_ok(a, r):
	return (a, r) in PAIR

def is_release(r, pairs):
	return any(r == rel for (_, rel) in pairs)

def msg(a, r):
	return "WARNING: %s() on a value from %s(): devres releases it again " \
	       "on unbind (double free); %s" % (r, a, advice(PAIR[(a, r)]))

ARGPAIR = {
	("devm_request_irq", "free_irq"): "devm_free_irq()",
	("devm_request_threaded_irq", "free_irq"): "devm_free_irq()",
	("devm_request_any_context_irq", "free_irq"): "devm_free_irq()",
	("devm_gpio_request", "gpio_free"): "devm_gpio_free()",
	("devm_gpio_request_one", "gpio_free"): "devm_gpio_free()",
	("devm_request_region", "release_region"): "devm_release_region()",
	("devm_request_mem_region", "release_mem_region"):
		"devm_release_mem_region()",
	("pcim_enable_device", "pci_disable_device"): "drop the call",
}

import re

# Functions (file, name) where a pci_disable_device() is a suspend or
# shutdown step, not a release: the PCI core or resume enables the device
# again, and devres does not run at shutdown.
pmfuncs = set()
removefuncs = set()
PMNAME = re.compile(r"suspend|freeze|poweroff|hibernat|shutdown")

def pm_path(file, fn):
	return ((file, fn) in pmfuncs or PMNAME.search(fn) is not None) and \
	       (file, fn) not in removefuncs


def pm_disable(rf, pos):
	return rf == "pci_disable_device" and pm_path(pos.file, pos.current_element)

def argpair_ok(a, r):
	return (a, r) in ARGPAIR

def argmsg(a, r):
	return "WARNING: %s() after %s() on the same value: devres releases " \
	       "it again on unbind; %s" % (r, a, advice(ARGPAIR[(a, r)]))

// Anchors: the file must call a managed API and an unmanaged release.

@managed depends on org || report@
@@

(
devm_get_free_pages(...)
|
devm_ioremap(...)
|
devm_ioremap_uc(...)
|
devm_ioremap_wc(...)
|
devm_ioremap_np(...)
|
devm_ioremap_resource(...)
|
devm_ioremap_resource_wc(...)
|
devm_platform_ioremap_resource(...)
|
devm_platform_ioremap_resource_byname(...)
|
devm_platform_get_and_ioremap_resource(...)
|
devm_of_iomap(...)
|
devm_ioport_map(...)
|
pcim_iomap(...)
|
dmam_alloc_coherent(...)
|
devm_clk_get(...)
|
devm_clk_get_optional(...)
|
devm_clk_get_enabled(...)
|
devm_clk_get_prepared(...)
|
devm_clk_get_optional_enabled(...)
|
devm_clk_get_optional_prepared(...)
|
devm_get_clk_from_child(...)
|
devm_gpiod_get(...)
|
devm_gpiod_get_optional(...)
|
devm_gpiod_get_index(...)
|
devm_gpiod_get_index_optional(...)
|
devm_fwnode_gpiod_get(...)
|
devm_fwnode_gpiod_get_index(...)
|
devm_regulator_get(...)
|
devm_regulator_get_optional(...)
|
devm_regulator_get_exclusive(...)
|
devm_reset_control_get(...)
|
devm_reset_control_get_exclusive(...)
|
devm_reset_control_get_shared(...)
|
devm_reset_control_get_optional(...)
|
devm_reset_control_get_optional_exclusive(...)
|
devm_reset_control_get_optional_shared(...)
|
devm_reset_control_array_get(...)
|
devm_reset_control_array_get_exclusive(...)
|
devm_reset_control_array_get_optional_exclusive(...)
|
devm_reset_control_get_by_index(...)
|
devm_pinctrl_get(...)
|
devm_phy_get(...)
|
devm_phy_optional_get(...)
|
devm_of_phy_get(...)
|
devm_usb_get_phy(...)
|
devm_usb_get_phy_by_phandle(...)
|
devm_iio_device_alloc(...)
|
devm_alloc_etherdev(...)
|
devm_alloc_etherdev_mqs(...)
|
devm_spi_alloc_master(...)
|
devm_spi_alloc_host(...)
|
devm_spi_alloc_slave(...)
|
devm_spi_alloc_target(...)
|
devm_nvmem_cell_get(...)
|
devm_pwm_get(...)
|
devm_iio_channel_get(...)
|
devm_request_irq(...)
|
devm_request_threaded_irq(...)
|
devm_request_any_context_irq(...)
|
devm_gpio_request(...)
|
devm_gpio_request_one(...)
|
devm_request_region(...)
|
devm_request_mem_region(...)
|
pcim_enable_device(...)
)

@released depends on managed@
@@

(
free_pages(...)
|
iounmap(...)
|
ioport_unmap(...)
|
pci_iounmap(...)
|
dma_free_coherent(...)
|
clk_put(...)
|
gpiod_put(...)
|
regulator_put(...)
|
reset_control_put(...)
|
pinctrl_put(...)
|
phy_put(...)
|
usb_put_phy(...)
|
iio_device_free(...)
|
free_netdev(...)
|
spi_master_put(...)
|
spi_controller_put(...)
|
spi_slave_put(...)
|
spi_target_put(...)
|
nvmem_cell_put(...)
|
pwm_put(...)
|
iio_channel_release(...)
|
free_irq(...)
|
gpio_free(...)
|
release_region(...)
|
release_mem_region(...)
|
pci_disable_device(...)
)

// 1. A local variable, released later in the same function.

@loc depends on released exists@
identifier af = {
	devm_get_free_pages, devm_ioremap, devm_ioremap_uc, devm_ioremap_wc,
	devm_ioremap_np, devm_ioremap_resource, devm_ioremap_resource_wc,
	devm_platform_ioremap_resource, devm_platform_ioremap_resource_byname,
	devm_platform_get_and_ioremap_resource, devm_of_iomap, devm_ioport_map,
	pcim_iomap, dmam_alloc_coherent, devm_clk_get, devm_clk_get_optional,
	devm_clk_get_enabled, devm_clk_get_prepared,
	devm_clk_get_optional_enabled, devm_clk_get_optional_prepared,
	devm_get_clk_from_child, devm_gpiod_get, devm_gpiod_get_optional,
	devm_gpiod_get_index, devm_gpiod_get_index_optional,
	devm_fwnode_gpiod_get, devm_fwnode_gpiod_get_index, devm_regulator_get,
	devm_regulator_get_optional, devm_regulator_get_exclusive,
	devm_reset_control_get, devm_reset_control_get_exclusive,
	devm_reset_control_get_shared, devm_reset_control_get_optional,
	devm_reset_control_get_optional_exclusive,
	devm_reset_control_get_optional_shared, devm_reset_control_array_get,
	devm_reset_control_array_get_exclusive,
	devm_reset_control_array_get_optional_exclusive,
	devm_reset_control_get_by_index, devm_pinctrl_get, devm_phy_get,
	devm_phy_optional_get, devm_of_phy_get, devm_usb_get_phy,
	devm_usb_get_phy_by_phandle, devm_iio_device_alloc, devm_alloc_etherdev,
	devm_alloc_etherdev_mqs, devm_spi_alloc_master, devm_spi_alloc_host,
	devm_spi_alloc_slave, devm_spi_alloc_target, devm_nvmem_cell_get,
	devm_pwm_get, devm_iio_channel_get};
identifier rf = {
	free_pages, iounmap, ioport_unmap, pci_iounmap, dma_free_coherent,
	clk_put, gpiod_put, regulator_put, reset_control_put, pinctrl_put,
	phy_put, usb_put_phy, iio_device_free, free_netdev, spi_master_put,
	spi_controller_put, spi_slave_put, spi_target_put, nvmem_cell_put,
	pwm_put, iio_channel_release};
local idexpression x;
expression E, E1, E2;
position p, pa;
@@

x@pa = af(...)
... when != x = E
    when != &x
(
rf@p(x, ...)
|
rf@p(E1, x, ...)
|
rf@p(E1, E2, x, ...)
)

// Another assignment of the variable between the managed one and the
// release (an of_iomap() else-branch beside a devm_ioremap() one): the
// variable may hold an unmanaged value there.
@locother@
local idexpression loc.x;
identifier loc.af;
expression E;
position po;
@@

(
x = NULL
|
x = af(...)
|
x@po = E
)

@script:python@
p << loc.p;
pa << loc.pa;
po << locother.po;
@@
if po[0].current_element == p[0].current_element and \
   int(pa[0].line) < int(po[0].line) < int(p[0].line):
	localunmanaged.add((p[0].file, p[0].line))

@script:python depends on report@
p << loc.p;
af << loc.af;
rf << loc.rf;
@@
if pair_ok(af, rf) and (p[0].file, p[0].line) not in localunmanaged:
	coccilib.report.print_report(p[0], msg(af, rf))

@script:python depends on org@
p << loc.p;
af << loc.af;
rf << loc.rf;
@@
if pair_ok(af, rf) and (p[0].file, p[0].line) not in localunmanaged:
	coccilib.org.print_todo(p[0], msg(af, rf))

// 2. A structure field, released anywhere in the file.

@fld depends on released@
identifier af = {
	devm_get_free_pages, devm_ioremap, devm_ioremap_uc, devm_ioremap_wc,
	devm_ioremap_np, devm_ioremap_resource, devm_ioremap_resource_wc,
	devm_platform_ioremap_resource, devm_platform_ioremap_resource_byname,
	devm_platform_get_and_ioremap_resource, devm_of_iomap, devm_ioport_map,
	pcim_iomap, dmam_alloc_coherent, devm_clk_get, devm_clk_get_optional,
	devm_clk_get_enabled, devm_clk_get_prepared,
	devm_clk_get_optional_enabled, devm_clk_get_optional_prepared,
	devm_get_clk_from_child, devm_gpiod_get, devm_gpiod_get_optional,
	devm_gpiod_get_index, devm_gpiod_get_index_optional,
	devm_fwnode_gpiod_get, devm_fwnode_gpiod_get_index, devm_regulator_get,
	devm_regulator_get_optional, devm_regulator_get_exclusive,
	devm_reset_control_get, devm_reset_control_get_exclusive,
	devm_reset_control_get_shared, devm_reset_control_get_optional,
	devm_reset_control_get_optional_exclusive,
	devm_reset_control_get_optional_shared, devm_reset_control_array_get,
	devm_reset_control_array_get_exclusive,
	devm_reset_control_array_get_optional_exclusive,
	devm_reset_control_get_by_index, devm_pinctrl_get, devm_phy_get,
	devm_phy_optional_get, devm_of_phy_get, devm_usb_get_phy,
	devm_usb_get_phy_by_phandle, devm_iio_device_alloc, devm_alloc_etherdev,
	devm_alloc_etherdev_mqs, devm_spi_alloc_master, devm_spi_alloc_host,
	devm_spi_alloc_slave, devm_spi_alloc_target, devm_nvmem_cell_get,
	devm_pwm_get, devm_iio_channel_get};
type T;
T *e;
identifier f;
@@

e->f = af(...)

// Any other assignment of the field (not NULL, not a managed allocator)
// means it may hold an unmanaged value.
@other@
identifier af2 = {
	devm_get_free_pages, devm_ioremap, devm_ioremap_uc, devm_ioremap_wc,
	devm_ioremap_np, devm_ioremap_resource, devm_ioremap_resource_wc,
	devm_platform_ioremap_resource, devm_platform_ioremap_resource_byname,
	devm_platform_get_and_ioremap_resource, devm_of_iomap, devm_ioport_map,
	pcim_iomap, dmam_alloc_coherent, devm_clk_get, devm_clk_get_optional,
	devm_clk_get_enabled, devm_clk_get_prepared,
	devm_clk_get_optional_enabled, devm_clk_get_optional_prepared,
	devm_get_clk_from_child, devm_gpiod_get, devm_gpiod_get_optional,
	devm_gpiod_get_index, devm_gpiod_get_index_optional,
	devm_fwnode_gpiod_get, devm_fwnode_gpiod_get_index, devm_regulator_get,
	devm_regulator_get_optional, devm_regulator_get_exclusive,
	devm_reset_control_get, devm_reset_control_get_exclusive,
	devm_reset_control_get_shared, devm_reset_control_get_optional,
	devm_reset_control_get_optional_exclusive,
	devm_reset_control_get_optional_shared, devm_reset_control_array_get,
	devm_reset_control_array_get_exclusive,
	devm_reset_control_array_get_optional_exclusive,
	devm_reset_control_get_by_index, devm_pinctrl_get, devm_phy_get,
	devm_phy_optional_get, devm_of_phy_get, devm_usb_get_phy,
	devm_usb_get_phy_by_phandle, devm_iio_device_alloc, devm_alloc_etherdev,
	devm_alloc_etherdev_mqs, devm_spi_alloc_master, devm_spi_alloc_host,
	devm_spi_alloc_slave, devm_spi_alloc_target, devm_nvmem_cell_get,
	devm_pwm_get, devm_iio_channel_get};
type fld.T;
T *e3;
identifier fld.f;
expression E;
position po;
@@

(
e3->f = NULL
|
e3->f = af2(...)
|
e3->f@po = E
)

@script:python@
T << fld.T;
f << fld.f;
po << other.po;
@@
unmanaged.add((po[0].file, T, f))

@fldrel@
identifier rf : script:python () { is_release(rf, PAIR) };
type fld.T;
T *e2;
identifier fld.f;
expression E1, E2;
position p;
@@

(
rf@p(e2->f, ...)
|
rf@p(E1, e2->f, ...)
|
rf@p(E1, E2, e2->f, ...)
)

@script:python depends on report@
p << fldrel.p;
af << fld.af;
rf << fldrel.rf;
T << fld.T;
f << fld.f;
@@
if pair_ok(af, rf) and (p[0].file, T, f) not in unmanaged:
	coccilib.report.print_report(p[0], msg(af, rf))

@script:python depends on org@
p << fldrel.p;
af << fld.af;
rf << fldrel.rf;
T << fld.T;
f << fld.f;
@@
if pair_ok(af, rf) and (p[0].file, T, f) not in unmanaged:
	coccilib.org.print_todo(p[0], msg(af, rf))

// 3. The same argument: IRQ number, GPIO number, region start, PCI device.

@arg depends on released@
identifier af = {
	devm_request_irq, devm_request_threaded_irq, devm_request_any_context_irq,
	devm_gpio_request, devm_gpio_request_one, devm_request_region,
	devm_request_mem_region, pcim_enable_device};
expression D, X;
@@

(
af(X)
|
af(D, X, ...)
)

@argother@
expression arg.X;
position po;
@@

(
request_irq@po(X, ...)
|
request_threaded_irq@po(X, ...)
|
request_any_context_irq@po(X, ...)
|
gpio_request@po(X, ...)
|
gpio_request_one@po(X, ...)
|
request_region@po(X, ...)
|
request_mem_region@po(X, ...)
|
pci_enable_device@po(X)
|
pci_enable_device_mem@po(X)
|
pci_enable_device_io@po(X)
)

@script:python@
X << arg.X;
po << argother.po;
@@
unmanaged.add((po[0].file, X))

@argrel@
identifier rf : script:python () { is_release(rf, ARGPAIR) };
expression arg.X;
position p;
@@

rf@p(X, ...)

// Suspend and shutdown paths, for pci_disable_device().

@pmcall depends on arg@
position q;
@@

(
pci_save_state@q(...)
|
pci_set_power_state@q(...)
)

@script:python@
q << pmcall.q;
@@
pmfuncs.add((q[0].file, q[0].current_element))

@pmcb depends on arg@
identifier I, fn;
identifier cb = {
	shutdown, suspend, suspend_late, suspend_noirq, freeze, freeze_late,
	freeze_noirq, poweroff, poweroff_late, poweroff_noirq, runtime_suspend};
position q;
@@

struct pci_driver I@q = { ..., .cb = fn, ..., };

@script:python@
fn << pmcb.fn;
q << pmcb.q;
@@
pmfuncs.add((q[0].file, str(fn)))

@rmcb depends on arg@
identifier I, fn;
position q;
@@

struct pci_driver I@q = { ..., .remove = fn, ..., };

@script:python@
fn << rmcb.fn;
q << rmcb.q;
@@
removefuncs.add((q[0].file, str(fn)))

@script:python depends on report@
p << argrel.p;
af << arg.af;
rf << argrel.rf;
X << arg.X;
@@
if argpair_ok(af, rf) and (p[0].file, X) not in unmanaged and \
   not pm_disable(rf, p[0]):
	coccilib.report.print_report(p[0], argmsg(af, rf))

@script:python depends on org@
p << argrel.p;
af << arg.af;
rf << argrel.rf;
X << arg.X;
@@
if argpair_ok(af, rf) and (p[0].file, X) not in unmanaged and \
   not pm_disable(rf, p[0]):
	coccilib.org.print_todo(p[0], argmsg(af, rf))
