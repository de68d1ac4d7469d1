// SPDX-License-Identifier: GPL-2.0
/// A PCI region released in teardown before the unmap of a mapping inside
/// it (pci_release_region[s]() before pci_iounmap()/iounmap()). This is
/// order hygiene, not a failure: the release only gives the range back
/// to the resource tree, iounmap() does not touch the device, and nothing
/// uses the mapping in between. Documentation/PCI/pci.rst lists the unmap
/// before the release; drivers that map before they request (enetc)
/// rightly release first. Every message starts with "style:"; the survey
/// does not count these as bugs.
///
// Confidence: Low
// Options: --no-includes --include-headers
// Keywords: pci_release_regions, pci_iounmap, iounmap

virtual report
virtual org

@initialize:python@
@@
# (file, line) already reported: one report per line.
reported = set()

def order_msg(rel, line):
	return "style: %s() before the unmap on line %s of a mapping in that region; unmap first, then release (Documentation/PCI/pci.rst's order)" % (rel, line)

def emit(p, msg):
	key = (p.file, p.line)
	if key not in reported:
		reported.add(key)
		coccilib.report.print_report(p, msg)

// Nothing to do in a file without an unmanaged request or mapping.
@acquired@
@@

\(pci_request_regions\|pci_request_region\|pci_request_selected_regions\|pci_request_mem_regions\|
  pci_request_regions_exclusive\|pci_request_selected_regions_exclusive\|
  pci_iomap\|pci_ioremap_bar\|pci_ioremap_wc_bar\|pci_iomap_wc\|
  pci_iomap_range\)(...)

@mapped depends on acquired@
expression E, b, n;
identifier fld;
identifier map = {pci_iomap, pci_ioremap_bar, pci_ioremap_wc_bar, pci_iomap_wc,
		  pci_iomap_range};
@@

b->fld = map(E, n, ...)

// pci_release_regions(), pci_release_selected_regions() and
// pci_release_mem_regions() cover several BARs (taken as covering the
// mapped one); pci_release_region() only the one it names.
@order exists@
expression E, E2, x;
identifier rel = {pci_release_regions, pci_release_selected_regions,
		  pci_release_mem_regions};
identifier mapped.fld;
position p1, p2;
@@

rel@p1(E, ...);
... when != E = E2
(
pci_iounmap@p2(E, x->fld);
|
iounmap@p2(x->fld);
)

@order_bar exists@
expression E, E2, x;
identifier rel = {pci_release_region};
identifier mapped.fld;
expression mapped.n;
position p1, p2;
@@

rel@p1(E, n);
... when != E = E2
(
pci_iounmap@p2(E, x->fld);
|
iounmap@p2(x->fld);
)

@order_local depends on acquired exists@
expression E, E2, x, n;
identifier rel = {pci_release_regions, pci_release_selected_regions,
		  pci_release_mem_regions};
identifier map = {pci_iomap, pci_ioremap_bar, pci_ioremap_wc_bar, pci_iomap_wc,
		  pci_iomap_range};
position p1, p2;
@@

x = map(E, n, ...);
...
rel@p1(E, ...);
... when != E = E2
    when != x = E2
\(pci_iounmap@p2(E, x)\|iounmap@p2(x)\);

@order_local_bar depends on acquired exists@
expression E, E2, x, n;
identifier map = {pci_iomap, pci_ioremap_bar, pci_ioremap_wc_bar, pci_iomap_wc,
		  pci_iomap_range};
position p1, p2;
@@

x = map(E, n, ...);
...
pci_release_region@p1(E, n);
... when != E = E2
    when != x = E2
\(pci_iounmap@p2(E, x)\|iounmap@p2(x)\);

@script:python depends on report@
p1 << order.p1;
p2 << order.p2;
rel << order.rel;
@@

emit(p1[0], order_msg(rel, p2[0].line))

@script:python depends on report@
p1 << order_bar.p1;
p2 << order_bar.p2;
@@

emit(p1[0], order_msg("pci_release_region", p2[0].line))

@script:python depends on report@
p1 << order_local.p1;
p2 << order_local.p2;
rel << order_local.rel;
@@

emit(p1[0], order_msg(rel, p2[0].line))

@script:python depends on report@
p1 << order_local_bar.p1;
p2 << order_local_bar.p2;
@@

emit(p1[0], order_msg("pci_release_region", p2[0].line))

@script:python depends on org@
p1 << order.p1;
p2 << order.p2;
@@

cocci.print_main("release before unmap", p1)
cocci.print_secs("unmap", p2)
