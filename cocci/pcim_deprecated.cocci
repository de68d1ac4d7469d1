// SPDX-License-Identifier: GPL-2.0
/// Find deprecated and "hybrid" uses of the managed PCI API.
///
/// Linux 6.12 marks pcim_iomap_table(), pcim_iomap_regions() and
/// pcim_iomap_regions_request_all() DEPRECATED in drivers/pci/devres.c:
/// they keep the legacy per-device iomap table alive. The replacements
/// return the mapping directly: pcim_iomap_region() (request and map one
/// BAR), pcim_request_region()/pcim_request_all_regions() with pcim_iomap().
///
/// pci_request_region(), pci_request_regions(), pci_request_regions_exclusive(),
/// pci_request_selected_regions[_exclusive]() and pci_request_mem_regions()
/// are "hybrid" functions (drivers/pci/pci.c): unmanaged normally, but
/// silently managed once the device was enabled with pcim_enable_device().
/// 6.12 documents this hybrid mode as DEPRECATED; such code should say what
/// it means with the pcim_* request functions.
///
/// Using a deprecated interface fails nothing by itself: these are style
/// findings (Confidence: Low, every message starts with "style:"), not
/// counted as bugs by the survey (6.12's pci_release_region() releases a
/// hybrid request through devres too, so releasing by hand is no double
/// release).
///
/// There is no patch mode: the replacements take a BAR, not a mask, and
/// the hybrid requests change meaning if the device was not enabled with
/// pcim_enable_device() on every path.
///
// Confidence: Low
// Options: --no-includes --include-headers
// Keywords: pcim_iomap_table, pcim_iomap_regions, pcim_enable_device, pci_request_regions

virtual report
virtual org
virtual context

@initialize:python@
@@

# Lines already reported as hybrid, so that the file-wide match does
# not report them a second time.
seen = set()

def token(p):
	"""The identifier at position p, read back from the source."""
	with open(p.file, errors="replace") as f:
		line = f.readlines()[int(p.line) - 1]
	return line[int(p.column):int(p.column_end)]

def hybrid_msg(rq, where):
	alt = "pcim_request_all_regions()" if rq.startswith("pci_request_regions") else "pcim_request_region()"
	return "%s() %s is silently managed (\"hybrid\" mode, deprecated in drivers/pci/pci.c, Linux 6.12); use %s instead" % (rq, where, alt)

// Calls of the deprecated functions themselves.
// (Spelled out as a disjunction, not an identifier set: that keeps
// spatch's token prefilter working.)
@dep@
position p;
@@

\(pcim_iomap_table@p\|pcim_iomap_regions@p\|pcim_iomap_regions_request_all@p\)(...)

// Hybrid: an unmanaged-looking region request on a device that this
// function enabled with pcim_enable_device().
@hyb exists@
expression E;
position p;
identifier rq = {pci_request_region, pci_request_regions,
		 pci_request_regions_exclusive, pci_request_selected_regions,
		 pci_request_selected_regions_exclusive, pci_request_mem_regions};
@@

pcim_enable_device(E)
...
rq@p(E, ...)

// Hybrid across functions: the file enables only with pcim_enable_device(),
// so every region request in it is on a managed device.
@managed_file@
@@

pcim_enable_device(...)

@unmanaged_file depends on managed_file@
@@

\(pci_enable_device\|pci_enable_device_mem\|pci_enable_device_io\)(...)

@hyb_file depends on managed_file && !unmanaged_file@
position p;
identifier rq = {pci_request_region, pci_request_regions,
		 pci_request_regions_exclusive, pci_request_selected_regions,
		 pci_request_selected_regions_exclusive, pci_request_mem_regions};
@@

rq@p(...)

@script:python depends on report@
p << dep.p;
@@

fn = token(p[0])
repl = {
	"pcim_iomap_table": "take each BAR's address from pcim_iomap_region() or pcim_iomap() instead",
	"pcim_iomap_regions": "request and map each BAR with pcim_iomap_region() instead",
	"pcim_iomap_regions_request_all": "use pcim_request_all_regions() and map the BARs with pcim_iomap() instead",
}
coccilib.report.print_report(p[0], "style: %s() is deprecated (drivers/pci/devres.c, Linux 6.12); %s" % (fn, repl[fn]))

@script:python depends on report@
p << hyb.p;
rq << hyb.rq;
@@

seen.add((p[0].file, p[0].line))
coccilib.report.print_report(p[0], "style: " + hybrid_msg(rq, "after pcim_enable_device()"))

@script:python depends on report@
p << hyb_file.p;
rq << hyb_file.rq;
@@

if (p[0].file, p[0].line) not in seen:
	coccilib.report.print_report(p[0], "style: " + hybrid_msg(rq, "in a driver that enables only with pcim_enable_device()"))

@script:python depends on org@
p << dep.p;
@@

fn = token(p[0])
cocci.print_main("%s() is deprecated since 6.12" % fn, p)

@script:python depends on org@
p << hyb.p;
rq << hyb.rq;
@@

cocci.print_main("%s() after pcim_enable_device() is hybrid-managed" % rq, p)

@script:python depends on org@
p << hyb_file.p;
rq << hyb_file.rq;
@@

cocci.print_main("%s() in a pcim_enable_device() driver is hybrid-managed" % rq, p)

@depends on context@
position dep.p;
@@

* \(pcim_iomap_table@p\|pcim_iomap_regions@p\|pcim_iomap_regions_request_all@p\)(...)
