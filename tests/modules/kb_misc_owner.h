/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kb_misc_owner test module: a misc node ("victim") owned by a lifecycle that
 * the test tears down and sets up again through a control node, while files
 * of the victim are open.
 */
#ifndef _KB_MISC_OWNER_H
#define _KB_MISC_OWNER_H

#include <linux/ioctl.h>

#define KB_OWNER_VICTIM		"kbind-victim"
#define KB_OWNER_CTL		"kbind-owner-ctl"
/* a second control node, with the module parameter extra_node=1 */
#define KB_OWNER_EXTRA		"kbind-owner-extra"

#define KB_OWNER_MAGIC		0xb8
/* control node: tear the victim's owner down / set it up again */
#define KB_OWNER_TEARDOWN	_IO(KB_OWNER_MAGIC, 1)
#define KB_OWNER_SETUP		_IO(KB_OWNER_MAGIC, 2)
/* victim node: returns the owner's generation (1 after the first setup) */
#define KB_VICTIM_PING		_IO(KB_OWNER_MAGIC, 3)
/* victim node: sleep the given milliseconds inside the operation, then
 * touch the owner's data; returns the generation.
 */
#define KB_VICTIM_SLOW		_IO(KB_OWNER_MAGIC, 4)
/* victim node: sleep until the owner is torn down, then -ENODEV */
#define KB_VICTIM_WAIT		_IO(KB_OWNER_MAGIC, 5)
/* victim node: the owner's generation, copied out to an unsigned int */
#define KB_VICTIM_GET_GEN	_IOWR(KB_OWNER_MAGIC, 6, unsigned int)

#endif /* _KB_MISC_OWNER_H */
