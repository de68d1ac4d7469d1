/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * User interface of the kbind platform sample: one node per bound device,
 * /dev/kbind-pf<N>, reading and writing the device's memory resource.
 */
#ifndef _KBIND_PLATFORM_SAMPLE_H
#define _KBIND_PLATFORM_SAMPLE_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define KB_PF_MAGIC		0xb9
/* The matched id-table entry's model number. */
#define KB_PF_GET_MODEL		_IOR(KB_PF_MAGIC, 1, unsigned int)
/* The size of the device's memory resource. */
#define KB_PF_GET_SIZE		_IOR(KB_PF_MAGIC, 2, unsigned long long)
/* Interrupts of the device's "kick" IRQ handled since it was bound. */
#define KB_PF_GET_IRQ_COUNT	_IOR(KB_PF_MAGIC, 3, unsigned int)
/*
 * Sleep until the interrupt count differs from the unsigned int given, then
 * return the new count in it; -ENODEV if the device is unbound meanwhile.
 */
#define KB_PF_WAIT_IRQ		_IOWR(KB_PF_MAGIC, 4, unsigned int)

/*
 * What the device's deferred work has done since it was bound. Each "kick"
 * interrupt is counted by the hard handler (irqs), which wakes the
 * threaded handler (threads: fewer if kicks came while it ran); that one
 * queues a work item on the device's workqueue (works), which wakes the
 * device's kernel thread (kthread). delayed, timer and hrtimer count the
 * callbacks of KB_PF_ARM.
 */
struct kb_pf_counts {
	__u32 irqs;
	__u32 threads;
	__u32 works;
	__u32 kthread;
	__u32 delayed;
	__u32 timer;
	__u32 hrtimer;
	__u32 pad;
};

#define KB_PF_GET_COUNTS	_IOR(KB_PF_MAGIC, 5, struct kb_pf_counts)

/* Arm one of the device's timers to fire once, msec from now. */
struct kb_pf_arm {
	__u32 what;		/* KB_PF_ARM_* */
	__u32 msec;		/* at most KB_PF_ARM_MAX_MSEC */
};

#define KB_PF_ARM_DELAYED_WORK	0
#define KB_PF_ARM_TIMER		1
#define KB_PF_ARM_HRTIMER	2
#define KB_PF_ARM_MAX_MSEC	(24 * 3600 * 1000)
/* -EINVAL for an unknown timer or a delay above the maximum. */
#define KB_PF_ARM		_IOW(KB_PF_MAGIC, 6, struct kb_pf_arm)

#endif /* _KBIND_PLATFORM_SAMPLE_H */
