# SPDX-License-Identifier: GPL-2.0
"""PCI probe classes: enable and regions not undone on an error path."""

from corpus import mutclass
from mutate import arg, drop_release, early_return

ENABLE = r"pci_enable_device|pci_enable_device_mem"
REQUEST = (r"pci_request_regions|pci_request_region|"
           r"pci_request_selected_regions|pci_request_mem_regions")
RELEASE = (r"pci_release_regions|pci_release_region|"
           r"pci_release_selected_regions|pci_release_mem_regions")


def probes(src, gen):
    """Only what gen yields inside PCI probe functions."""
    for line, desc, new in gen:
        fn = desc.split(":")[0]
        f = src.function(fn)
        if f and "pci_device_id" in f.params:
            yield line, desc, new


@mutclass("pci_enable_error_path", ["pci_enable_unbalanced"],
          ["pci_enable_device", "pci_disable_device"])
def enable_error_path(src):
    """pci_disable_device() dropped from one error path of probe"""
    return probes(src, drop_release(src, ENABLE, arg(0),
                                    "pci_disable_device", arg(0)))


@mutclass("pci_enable_early_return", ["pci_enable_unbalanced"],
          ["pci_enable_device", "pci_disable_device"])
def enable_early_return(src):
    """probe returns -ENODEV right after pci_enable_device() succeeded"""
    return probes(src, early_return(
        src, ENABLE, lambda c: "!pci_resource_len(%s, 0)" % c.args[0]))


@mutclass("pci_region_error_path", ["pci_region_unbalanced"],
          ["pci_request_", "pci_release_"])
def region_error_path(src):
    """pci_release_region(s)() dropped from one error path of probe

    Not in a file that enables the device with pcim_enable_device(): in
    6.12 the requests are managed then (the "hybrid" mode documented at
    pci_request_region() in drivers/pci/pci.c), so the release is
    redundant and its absence no bug."""
    if src.calls("pcim_enable_device"):
        return iter(())
    return probes(src, drop_release(src, REQUEST, arg(0), RELEASE, arg(0)))
