// SPDX-License-Identifier: GPL-2.0
/// Block device setup and teardown out of order.
///
/// - add_disk()/device_add_disk() is __must_check (since 5.15): when it
///   fails the disk is not live, and the driver must put_disk() it and
///   unwind instead of carrying on as if it were registered.
/// - The gendisk is live (openable, partitions scanned, I/O issued) as
///   soon as add_disk() returns, so everything the fops and the queue use
///   (disk->private_data, disk->fops, the capacity, the tag set) must be set
///   up before it, not after it.
/// - del_gendisk() still drains and exits the request queue, which uses the
///   tag set, the disk and the driver data: freeing the tag set
///   (blk_mq_free_tag_set()), dropping the disk (put_disk()) or freeing the
///   structure holding it before del_gendisk() is a use after free. The
///   order is del_gendisk(), then put_disk() and blk_mq_free_tag_set().
/// - A disk that was added must be removed with del_gendisk(): a file that
///   adds a disk and has a teardown (module_exit, a .remove callback) but
///   never calls del_gendisk() leaves a live disk behind on unload/unbind.
///
// Confidence: High
// Options: --no-includes --include-headers
// Keywords: add_disk, device_add_disk, del_gendisk, put_disk, blk_mq_free_tag_set

virtual report

@initialize:python@
@@
seen = set()

def once(p, msg):
	key = (p[0].file, p[0].line)
	if key not in seen:
		seen.add(key)
		coccilib.report.print_report(p[0], msg)

def never_deleted(p):
	import re
	with open(p[0].file, errors="replace") as f:
		code = re.sub(r"/\*.*?\*/|//[^\n]*", "", f.read(), flags=re.S)
	teardown = re.search(r"\bmodule_exit\s*\(|\.remove(_new)?\s*=", code)
	if teardown and re.search(r"\bdel_gendisk\s*\(", code) is None:
		once(p,
			"disk added but del_gendisk() is never called in this file, though it has a teardown: unload/unbind leaves a live disk whose fops and queue point at freed driver data; del_gendisk() before put_disk()")

// ---------------------------------------------------------------------
// add_disk() result ignored

@unchecked depends on report@
position p;
expression list es;
@@
(
 add_disk@p(es);
|
 device_add_disk@p(es);
|
 (void)add_disk@p(es);
|
 (void)device_add_disk@p(es);
)

@script:python depends on report@
p << unchecked.p;
@@
once(p,
	"add_disk() result ignored: it is __must_check, and on failure the disk is not live; check it, put_disk() and unwind")

// ---------------------------------------------------------------------
// disk set up after it went live

@late exists@
expression D, E, E2, P;
expression list es;
statement S;
position p, q;
identifier fld = {private_data, fops, queue, major, first_minor, minors};
@@
(
 E2 = add_disk@p(D);
|
 E2 = device_add_disk@p(P, D, ...);
|
 if (add_disk@p(D)) S
|
 if (device_add_disk@p(P, D, ...)) S
)
 ... when != D = E
(
 D->fld@q = E
|
 set_capacity@q(D, E)
|
 blk_mq_alloc_tag_set@q(es)
)

// a path around a loop (the next unit set up after this one was added)
// is no bug: only a setup below the add_disk() counts
@script:python depends on report@
p << late.p;
q << late.q;
@@
if int(q[0].line) > int(p[0].line):
    once(p,
	"disk made live before it is set up (line %s): the disk can be opened and get I/O as soon as add_disk() returns; set private_data, fops, capacity and the tag set before add_disk()" % q[0].line)

// ---------------------------------------------------------------------
// tag set, disk or driver data freed before del_gendisk()

// The free and the del_gendisk() on one straight teardown: a probe error
// path that frees the tag set of a unit not yet added and jumps to an
// unwind loop (del_gendisk() of the units added before) is fine.
@early_free exists@
expression D, S;
identifier L, fld;
identifier fr = {kfree, kvfree};
position p, q;
@@
(
 blk_mq_free_tag_set@p(S);
 ... when != S = ...
     when != del_gendisk(...)
     when != goto L;
 del_gendisk@q(...);
|
 put_disk@p(D);
 ... when != D = ...
     when != goto L;
 del_gendisk@q(D);
|
 fr@p(D);
 ... when != D = ...
     when != goto L;
 del_gendisk@q(D->fld);
)

// a path around a loop (one unit torn down, then the next) is no bug:
// only a del_gendisk() below the free counts
@script:python depends on report@
p << early_free.p;
q << early_free.q;
@@
if int(q[0].line) > int(p[0].line):
    once(p,
	"freed before del_gendisk(): del_gendisk() still drains the queue, which uses the tag set, the disk and the driver data; call del_gendisk() first, then put_disk(), blk_mq_free_tag_set() and kfree()")

// ---------------------------------------------------------------------
// disk added, never deleted (del_gendisk() nowhere in the file), though the
// file has a teardown (module_exit(), a .remove/.remove_new callback).
// Both are looked for in the file's text, not matched: a function spatch
// cannot parse (bcache's CLOSURE_CALLBACK()) would hide a del_gendisk(),
// and separate rules on module_exit/.remove would widen spatch's file
// prefilter to every driver with a teardown.

@never_deleted depends on report@
position p;
@@
(
 add_disk@p(...)
|
 device_add_disk@p(...)
)

@script:python depends on report@
p << never_deleted.p;
@@
never_deleted(p)
