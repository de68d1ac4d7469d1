// SPDX-License-Identifier: GPL-2.0
/*
 * kbind platform sample: binds "kbind-pf-a" and "kbind-pf-b" platform
 * devices, maps their memory resource, counts the interrupts of their
 * "kick" IRQ, and publishes one misc node per device (/dev/kbind-pf<id>) to
 * read and write the memory and to wait for the next interrupt. The model
 * number comes from the matched entry (id table, or devicetree where there
 * is one), typed. Each interrupt runs a chain of deferred work (threaded
 * handler, work item on a private workqueue, kernel thread), and three
 * timers can be armed from user space; all are cancelled at unbind. The
 * memory is behind runtime PM (reads and writes resume the device), and a
 * debugfs directory named after the device shows every count and can make
 * runtime resume fail.
 */
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mutex.h>

#include <kbind/debugfs.h>
#include <kbind/irq.h>
#include <kbind/misc.h>
#include <kbind/platform.h>
#include <kbind/pm.h>
#include <kbind/wait.h>
#include <kbind/work.h>

#include "kbind_platform_sample.h"

struct pf_info {
	unsigned int model;
};

struct pf_dev {
	struct kb_iomem mem;
	struct kb_workqueue wq;
	struct kb_work kick_work;
	struct kb_kthread kthread;
	struct kb_delayed_work delayed;
	struct kb_timer timer;
	struct kb_hrtimer hrtimer;
	struct kb_irq irq;
	struct kb_waitq irq_wait;	/* woken by every interrupt */
	atomic_t nr_irqs;
	struct kb_waitq work_wait;	/* woken by every deferred callback */
	atomic_t counts[7];		/* struct kb_pf_counts order */
	struct mutex lock;	/* serialises access to the memory */
	const struct pf_info *info;
	struct kb_rpm rpm;
	bool fail_resume;	/* debugfs: runtime resume fails with -EIO */
	atomic_t pm_calls[4];	/* suspend, resume, runtime ones */
	struct kb_debugfs_dir debugfs;
};

/* pf_dev.counts[] indices; 0 is unused (irqs are nr_irqs) */
enum { PF_CNT_THREADS = 1, PF_CNT_WORKS, PF_CNT_KTHREAD, PF_CNT_DELAYED,
	PF_CNT_TIMER, PF_CNT_HRTIMER };

struct pf_file {
};

static const struct pf_info pf_info_a = { .model = 0xa };
static const struct pf_info pf_info_b = { .model = 0xb };

KB_PLATFORM_INFO_TYPE(kbind_platform_sample, struct pf_info);

static const struct platform_device_id kbind_platform_sample_ids[] = {
	KB_PLATFORM_INFO(kbind_platform_sample, "kbind-pf-a", &pf_info_a),
	KB_PLATFORM_INFO(kbind_platform_sample, "kbind-pf-b", &pf_info_b),
	{ }
};

static const struct of_device_id kbind_platform_sample_of_ids[] = {
	KB_PLATFORM_OF_INFO(kbind_platform_sample, "kbind,pf-a", &pf_info_a),
	KB_PLATFORM_OF_INFO(kbind_platform_sample, "kbind,pf-b", &pf_info_b),
	{ }
};

static void pf_count(struct pf_dev *pf, int what)
{
	atomic_inc(&pf->counts[what]);
	kb_wake_up(&pf->work_wait);
}

static irqreturn_t pf_irq(struct pf_dev *pf)
{
	atomic_inc(&pf->nr_irqs);
	kb_wake_up(&pf->irq_wait);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t pf_irq_thread(struct pf_dev *pf)
{
	pf_count(pf, PF_CNT_THREADS);
	kb_work_queue(&pf->kick_work);
	return IRQ_HANDLED;
}

KB_IRQ_THREADED(pf_irq, struct pf_dev, pf_irq, pf_irq_thread);

static void pf_kick_work(struct pf_dev *pf)
{
	pf_count(pf, PF_CNT_WORKS);
}

KB_WORK(pf_kick_work, struct pf_dev, pf_kick_work);

/* Counts the work items it saw run; stops at unbind. */
static int pf_kthread(struct pf_dev *pf)
{
	atomic_t *works = &pf->counts[PF_CNT_WORKS];
	int seen = atomic_read(works);

	while (!kthread_should_stop()) {
		if (kb_wait_event_interruptible(&pf->work_wait,
						atomic_read(works) != seen ||
						kthread_should_stop()))
			break;	/* the device is being unbound */
		if (atomic_read(works) != seen) {
			seen = atomic_read(works);
			pf_count(pf, PF_CNT_KTHREAD);
		}
	}
	return 0;
}

KB_KTHREAD(pf_kthread, struct pf_dev, pf_kthread);

static void pf_delayed(struct pf_dev *pf)
{
	pf_count(pf, PF_CNT_DELAYED);
}

KB_DELAYED_WORK(pf_delayed, struct pf_dev, pf_delayed);

static void pf_timer(struct pf_dev *pf)
{
	pf_count(pf, PF_CNT_TIMER);
}

KB_TIMER(pf_timer, struct pf_dev, pf_timer);

static enum hrtimer_restart pf_hrtimer(struct pf_dev *pf, struct kb_hrtimer *t)
{
	pf_count(pf, PF_CNT_HRTIMER);
	return HRTIMER_NORESTART;
}

KB_HRTIMER(pf_hrtimer, struct pf_dev, pf_hrtimer);

static int pf_arm(struct pf_dev *pf, const struct kb_pf_arm *arm)
{
	unsigned long delay = msecs_to_jiffies(arm->msec);

	if (arm->msec > KB_PF_ARM_MAX_MSEC)
		return -EINVAL;
	switch (arm->what) {
	case KB_PF_ARM_DELAYED_WORK:
		kb_delayed_work_mod(&pf->delayed, delay);
		return 0;
	case KB_PF_ARM_TIMER:
		kb_timer_mod(&pf->timer, jiffies + delay);
		return 0;
	case KB_PF_ARM_HRTIMER:
		kb_hrtimer_start(&pf->hrtimer, ms_to_ktime(arm->msec),
				 HRTIMER_MODE_REL);
		return 0;
	default:
		return -EINVAL;
	}
}

static void pf_counts(struct pf_dev *pf, struct kb_pf_counts *c)
{
	u32 *out[] = { &c->irqs, &c->threads, &c->works, &c->kthread,
		       &c->delayed, &c->timer, &c->hrtimer };
	int i;

	c->irqs = atomic_read(&pf->nr_irqs);
	for (i = PF_CNT_THREADS; i < ARRAY_SIZE(out); i++)
		*out[i] = atomic_read(&pf->counts[i]);
}

static ssize_t pf_read(struct pf_dev *pf, struct pf_file *f,
		       char *buf, size_t len, loff_t *pos)
{
	CLASS(kb_rpm_active, active)(&pf->rpm);
	ssize_t ret;

	if (active.ret)
		return active.ret;
	mutex_lock(&pf->lock);
	ret = memory_read_from_buffer(buf, len, pos, kb_iomem_mem(&pf->mem),
				      kb_iomem_size(&pf->mem));
	mutex_unlock(&pf->lock);
	return ret;
}

static ssize_t pf_write(struct pf_dev *pf, struct pf_file *f,
			const char *buf, size_t len, loff_t *pos)
{
	CLASS(kb_rpm_active, active)(&pf->rpm);
	size_t size = kb_iomem_size(&pf->mem);

	if (active.ret)
		return active.ret;
	if (*pos < 0)
		return -EINVAL;
	if (*pos >= size)
		return len ? -ENOSPC : 0;
	len = min_t(size_t, len, size - *pos);
	mutex_lock(&pf->lock);
	memcpy(kb_iomem_mem(&pf->mem) + *pos, buf, len);
	mutex_unlock(&pf->lock);
	*pos += len;
	return len;
}

static loff_t pf_llseek(struct pf_dev *pf, struct pf_file *f,
			struct file *file, loff_t off, int whence)
{
	/* SAFETY: @file is the file this call is for; the generic helper
	 * only updates its f_pos.
	 */
	return fixed_size_llseek(file, off, whence, kb_iomem_size(&pf->mem));
}

static unsigned int pf_irq_count(struct pf_dev *pf)
{
	return atomic_read(&pf->nr_irqs);
}

static long pf_ioctl(struct pf_dev *pf, struct pf_file *f, unsigned int cmd,
		     struct kb_ioctl *arg)
{
	unsigned int *count;
	int ret;

	switch (cmd) {
	case KB_PF_GET_MODEL:
		*kb_ioctl_data(arg, KB_PF_GET_MODEL, unsigned int) =
			pf->info->model;
		return 0;
	case KB_PF_GET_SIZE:
		*kb_ioctl_data(arg, KB_PF_GET_SIZE, unsigned long long) =
			kb_iomem_size(&pf->mem);
		return 0;
	case KB_PF_GET_IRQ_COUNT:
		*kb_ioctl_data(arg, KB_PF_GET_IRQ_COUNT, unsigned int) =
			atomic_read(&pf->nr_irqs);
		return 0;
	case KB_PF_WAIT_IRQ:
		count = kb_ioctl_data(arg, KB_PF_WAIT_IRQ, unsigned int);
		ret = kb_wait_event_interruptible(&pf->irq_wait,
						  pf_irq_count(pf) != *count);
		if (ret)
			return ret;
		*count = atomic_read(&pf->nr_irqs);
		return 0;
	case KB_PF_GET_COUNTS:
		pf_counts(pf, kb_ioctl_data(arg, KB_PF_GET_COUNTS,
					    struct kb_pf_counts));
		return 0;
	case KB_PF_ARM:
		return pf_arm(pf, kb_ioctl_data(arg, KB_PF_ARM,
						struct kb_pf_arm));
	default:
		return -ENOTTY;
	}
}

KB_MISC_DEVICE(pf_misc, struct pf_dev, struct pf_file,
	       .read = pf_read,
	       .write = pf_write,
	       .llseek = pf_llseek,
	       .ioctl = pf_ioctl);

enum { PF_PM_SUSPEND, PF_PM_RESUME, PF_PM_RT_SUSPEND, PF_PM_RT_RESUME };

static int pf_pm_count(struct pf_dev *pf, int what)
{
	atomic_inc(&pf->pm_calls[what]);
	return 0;
}

static int pf_suspend(struct pf_dev *pf)
{
	return pf_pm_count(pf, PF_PM_SUSPEND);
}

static int pf_resume(struct pf_dev *pf)
{
	return pf_pm_count(pf, PF_PM_RESUME);
}

static int pf_rt_suspend(struct pf_dev *pf)
{
	return pf_pm_count(pf, PF_PM_RT_SUSPEND);
}

static int pf_rt_resume(struct pf_dev *pf)
{
	if (READ_ONCE(pf->fail_resume))
		return -EIO;
	return pf_pm_count(pf, PF_PM_RT_RESUME);
}

KB_PM_OPS_RUNTIME(kbind_platform_sample, struct pf_dev, pf_suspend, pf_resume,
		  pf_rt_suspend, pf_rt_resume);

static void pf_shutdown(struct pf_dev *pf)
{
	pr_info("kbind-pf model %#x: shut down after %d interrupts\n",
		pf->info->model, atomic_read(&pf->nr_irqs));
}

static int pf_debugfs_counts(struct seq_file *m, struct pf_dev *pf)
{
	static const char *const names[] = { "suspend", "resume",
					     "runtime_suspend",
					     "runtime_resume" };
	struct kb_pf_counts c;
	int i;

	pf_counts(pf, &c);
	seq_printf(m, "irqs %u\nthreads %u\nworks %u\nkthread %u\n",
		   c.irqs, c.threads, c.works, c.kthread);
	seq_printf(m, "delayed %u\ntimer %u\nhrtimer %u\n", c.delayed,
		   c.timer, c.hrtimer);
	for (i = 0; i < ARRAY_SIZE(names); i++)
		seq_printf(m, "%s %d\n", names[i],
			   atomic_read(&pf->pm_calls[i]));
	return 0;
}

KB_DEBUGFS_SHOW(pf_debugfs_counts, struct pf_dev, pf_debugfs_counts);

static int pf_acquire(struct kb_platform_probe *pp, struct pf_dev *pf,
		      const struct pf_info *info)
{
	mutex_init(&pf->lock);
	kb_waitq_init(&pp->core, &pf->irq_wait);
	kb_waitq_init(&pp->core, &pf->work_wait);
	pf->info = info;
	return kb_platform_memremap(pp, &pf->mem, 0) ?:
	       kb_workqueue_alloc(&pp->core, &pf->wq, WQ_UNBOUND,
				  dev_name(kb_probe_dev(&pp->core))) ?:
	       kb_platform_rpm_enable(pp, &pf->rpm);
}

static int pf_publish(struct kb_platform_publish *pp, struct pf_dev *pf)
{
	const char *dev = dev_name(kb_publish_dev(&pp->core));
	char name[32];
	int ret;

	kb_debugfs_dir_publish(&pp->core, &pf->debugfs, dev);
	pf_debugfs_counts_create(&pp->core, &pf->debugfs, "counts", pf);
	kb_debugfs_bool(&pp->core, &pf->debugfs, "fail_resume", 0600,
			&pf->fail_resume);
	ret = pf_kick_work_init(&pp->core, &pf->kick_work, &pf->wq, pf) ?:
	      pf_kthread_run(&pp->core, &pf->kthread, pf, dev) ?:
	      pf_delayed_init(&pp->core, &pf->delayed, NULL, pf) ?:
	      pf_timer_init(&pp->core, &pf->timer, pf) ?:
	      pf_hrtimer_init(&pp->core, &pf->hrtimer, pf, CLOCK_MONOTONIC,
			      HRTIMER_MODE_REL) ?:
	      pf_irq_request(&pp->core, &pf->irq,
			     kb_platform_irq_byname(pp, "kick"), 0, pf);
	if (ret)
		return ret;
	/* A devicetree device has no id: name it after the device then. */
	if (kb_platform_raw(pp)->id >= 0)
		snprintf(name, sizeof(name), "kbind-pf%d",
			 kb_platform_raw(pp)->id);
	else
		snprintf(name, sizeof(name), "kbind-pf-%s", dev);
	return pf_misc_publish(&pp->core, pf, name);
}

KB_PLATFORM_DRIVER_OF_PM(kbind_platform_sample, struct pf_dev, pf_acquire,
			 pf_publish, pf_shutdown);

MODULE_DESCRIPTION("kbind platform driver sample");
MODULE_LICENSE("GPL");
