// SPDX-License-Identifier: GPL-2.0
/// A driver built on kbind registers, publishes and tears down through its
/// lifecycle: probe acquires, then publishes, and teardown runs in the exact
/// reverse order, also after a failure at any step. A raw registration or
/// teardown call (misc_register, pci_register_driver, add_disk, request_irq,
/// module_pci_driver, ...) or a raw set-up of deferred work (INIT_WORK,
/// timer_setup, hrtimer_setup, kthread_run, alloc_workqueue, ...) or of DMA
/// memory (dma_alloc_coherent, ...: freed without the device quiesced
/// first), of sysfs or debugfs files (device_add_group, debugfs_create_file,
/// ...: created before or removed after what they read), or of runtime PM
/// (pm_runtime_enable, pm_runtime_get_sync, ...: a usage count left
/// unbalanced on some path) in such a driver escapes that order: nothing
/// withdraws it before the data it reaches is freed, or it is undone twice.
/// Use the binding's step (kb_misc_publish, KB_PCI_DRIVER, KB_BLK_MQ,
/// kb_irq_request, ...) instead. Where the raw call is needed, say why it is
/// safe in a comment starting "SAFETY:" right before the statement.
///
/// Files under include/kbind/ are the bindings: the raw calls belong there.
///
// Confidence: High
// Copyright: (C) 2026 The kbind authors. GPL-2.0.
// Comments: A file uses kbind when it includes <kbind/...> or names a kbind
//  handle type (struct kb_probe, struct kb_publish).
// Options: --no-includes --include-headers
// Keywords: kbind, lifecycle, registration, SAFETY

virtual report

@initialize:python@
@@
import re

__kb_lines = {}


def kb_lines(path):
    if path not in __kb_lines:
        with open(path, errors='replace') as f:
            __kb_lines[path] = f.read().split('\n')
    return __kb_lines[path]


def kb_is_binding(path):
    return re.search(r'(^|/)include/kbind/', path) is not None


def kb_justified(pos):
    """True if the statement holding pos follows a SAFETY: comment."""
    lines = kb_lines(pos.file)
    i = int(pos.line) - 1
    # Back to the first line of the statement.
    while i > 0:
        prev = lines[i - 1].strip()
        if (prev == '' or prev.endswith((';', '{', '}', '*/', ':')) or
                prev.startswith(('#', '//'))):
            break
        i -= 1
    # The comment right above it.
    text = []
    while i > 0:
        prev = lines[i - 1].strip()
        if not (prev.startswith(('/*', '*', '//')) or prev.endswith('*/')):
            break
        text.append(prev)
        i -= 1
    return 'SAFETY:' in ' '.join(text)


def kb_instead(f):
    """What the bindings offer in place of raw call f."""
    for pre, use in (('misc_', "KB_MISC_DEVICE's publish helper"),
                     ('pci_iomap', 'KB_PCI_BAR'),
                     ('pci_iounmap', 'KB_PCI_BAR'),
                     ('pci_request_', 'KB_PCI_BAR'),
                     ('pci_release_', 'KB_PCI_BAR'),
                     ('pci_set_master', 'kb_pci_set_master()'),
                     ('pci_alloc_irq', 'kb_pci_alloc_irq_vectors()'),
                     ('pci_enable', 'kb_pci_enable_mem()'),
                     ('pcim_enable', 'kb_pci_enable_mem()'),
                     ('pci_', 'KB_PCI_DRIVER'),
                     ('__pci_', 'KB_PCI_DRIVER'),
                     ('devm_platform_ioremap', 'kb_platform_ioremap()'),
                     ('devm_ioremap', 'kb_platform_ioremap()'),
                     ('platform_', 'KB_PLATFORM_DRIVER'),
                     ('__platform_', 'KB_PLATFORM_DRIVER'),
                     ('phy_', 'KB_PHY_MODULE'),
                     ('request_', 'kb_irq_request()'),
                     ('devm_request_', 'kb_irq_request()'),
                     ('free_irq', 'kb_irq_request()'),
                     ('devm_free_irq', 'kb_irq_request()'),
                     ('dev_set_drvdata', "the lifecycle's typed data"),
                     ('configfs_', 'KB_CONFIGFS_SUBSYS'),
                     ('sysfs_', 'KB_SYSFS_GROUP'),
                     ('device_add_group', 'KB_SYSFS_GROUP'),
                     ('device_remove_group', 'KB_SYSFS_GROUP'),
                     ('device_create_file', 'KB_SYSFS_GROUP'),
                     ('device_remove_file', 'KB_SYSFS_GROUP'),
                     ('debugfs_', 'kb_debugfs_dir_publish()'),
                     ('pm_runtime_get', 'kb_rpm_get()'),
                     ('pm_runtime_put', 'kb_rpm_put()'),
                     ('pm_runtime_', 'kb_pci_rpm_enable() or '
                      'kb_platform_rpm_enable()'),
                     ('devm_pm_runtime', 'kb_pci_rpm_enable() or '
                      'kb_platform_rpm_enable()'),
                     ('INIT_WORK', 'KB_WORK'),
                     ('INIT_DELAYED_WORK', 'KB_DELAYED_WORK'),
                     ('timer_setup', 'KB_TIMER'),
                     ('hrtimer_', 'KB_HRTIMER'),
                     ('kthread_', 'KB_KTHREAD'),
                     ('alloc_', 'kb_workqueue_alloc()'),
                     ('dma_', 'KB_DMA and its buffers'),
                     ('module_', 'KB_MODULE or the bus driver macro')):
        if f.startswith(pre):
            return use
    return 'KB_BLK_MQ' if 'disk' in f or 'blk' in f else 'a lifecycle step'

@uses_include@
@@
#include <kbind/...>

@uses_type@
@@
(
struct kb_probe
|
struct kb_publish
)

@raw depends on uses_include || uses_type@
identifier f = {
	misc_register, misc_deregister,
	pci_register_driver, __pci_register_driver, pci_unregister_driver,
	pci_enable_device, pci_enable_device_mem, pcim_enable_device,
	pci_disable_device, pci_request_regions, pci_request_region,
	pci_release_regions, pci_release_region, pci_iomap, pcim_iomap,
	pci_iounmap, pci_set_master, pci_clear_master,
	pci_alloc_irq_vectors, pci_free_irq_vectors, pci_set_drvdata,
	platform_driver_register, __platform_driver_register,
	platform_driver_unregister, platform_driver_probe,
	__platform_driver_probe, platform_set_drvdata,
	devm_platform_ioremap_resource, devm_ioremap_resource,
	phy_drivers_register, phy_drivers_unregister, phy_driver_register,
	phy_driver_unregister,
	add_disk, device_add_disk, del_gendisk, put_disk,
	blk_mq_alloc_tag_set, blk_mq_free_tag_set, blk_mq_alloc_disk,
	__blk_mq_alloc_disk, blk_mq_destroy_queue, register_blkdev,
	unregister_blkdev,
	request_irq, request_threaded_irq, request_any_context_irq,
	devm_request_irq, devm_request_threaded_irq, free_irq, devm_free_irq,
	cdev_add, cdev_del, cdev_device_add, cdev_device_del,
	device_create, device_destroy, sysfs_create_group,
	sysfs_remove_group, device_create_file, device_remove_file,
	configfs_register_subsystem, configfs_unregister_subsystem,
	dev_set_drvdata,
	INIT_WORK, INIT_DELAYED_WORK, timer_setup, hrtimer_setup, hrtimer_init,
	kthread_create, kthread_run, alloc_workqueue, alloc_ordered_workqueue,
	dma_alloc_coherent, dma_free_coherent, dma_alloc_noncoherent,
	dma_free_noncoherent, dmam_alloc_coherent,
	device_add_group, device_remove_group, device_add_groups,
	device_remove_groups, sysfs_create_groups, sysfs_remove_groups,
	debugfs_create_dir, debugfs_create_file, debugfs_remove,
	debugfs_remove_recursive,
	pm_runtime_enable, pm_runtime_disable, devm_pm_runtime_enable,
	pm_runtime_get_sync, pm_runtime_resume_and_get, pm_runtime_get,
	pm_runtime_get_noresume, pm_runtime_put, pm_runtime_put_sync,
	pm_runtime_put_noidle, pm_runtime_put_autosuspend
};
position p;
@@
f@p(...)

@raw_module depends on uses_include || uses_type@
declarer d = {module_misc_device, module_pci_driver, module_platform_driver,
	module_platform_driver_probe, module_phy_driver, module_driver};
expression list es;
position p;
@@
d@p(es);

@script:python depends on report@
p << raw.p;
f << raw.f;
@@
if not kb_is_binding(p[0].file) and not kb_justified(p[0]):
    coccilib.report.print_report(p[0],
        "raw %s() in a driver on kbind: use %s, or say why it is safe in "
        "a SAFETY: comment" % (f, kb_instead(f)))

@script:python depends on report@
p << raw_module.p;
d << raw_module.d;
@@
if not kb_is_binding(p[0].file) and not kb_justified(p[0]):
    coccilib.report.print_report(p[0],
        "raw %s() in a driver on kbind: use %s" % (d, kb_instead(d)))
