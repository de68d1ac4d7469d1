// SPDX-License-Identifier: GPL-2.0
/*
 * Guest test of the kbind platform sample (with kb_platform_dev.ko's
 * devices). Usage: platform_sample_test CASE.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "samples/platform/kbind_platform_sample.h"
#include "kbtest.h"

#define UNBIND "/sys/bus/platform/drivers/kbind_platform_sample/unbind"
#define BIND "/sys/bus/platform/drivers/kbind_platform_sample/bind"
#define DEVS "/sys/bus/platform/devices/"
#define FIRE "/sys/module/kb_platform_dev/parameters/fire"

static int open_node(int id)
{
	char path[32];

	snprintf(path, sizeof(path), "/dev/kbind-pf%d", id);
	return OPEN_RW(path);
}

/* Each device's node reads the memory its resource describes. */
static void memory_resource(void)
{
	char buf[64] = { 0 };
	unsigned long long size = 0;
	int fd = open_node(1);

	CHECK(read(fd, buf, 24) == 24);
	CHECK(!memcmp(buf, "hello from kbind-pf-b\n", 22));
	CHECK(ioctl(fd, KB_PF_GET_SIZE, &size) == 0);
	CHECK(size == 4096);
	CHECK(pwrite(fd, "HELLO", 5, 0) == 5);
	CHECK(pread(fd, buf, 5, 0) == 5);
	CHECK(!memcmp(buf, "HELLO", 5));
	close(fd);
}

/* The model comes from the matched id-table entry. */
static void match_info(void)
{
	unsigned int a = 0, b = 0;
	int fa = open_node(0), fb = open_node(1);

	CHECK(ioctl(fa, KB_PF_GET_MODEL, &a) == 0);
	CHECK(ioctl(fb, KB_PF_GET_MODEL, &b) == 0);
	CHECK(a == 0xa && b == 0xb);
	close(fa);
	close(fb);
}

static void unbind_bind_100(void)
{
	int i, fd;

	for (i = 0; i < 100; i++) {
		sysfs_write(UNBIND, "kbind-pf-a.0");
		CHECK(access("/dev/kbind-pf0", F_OK) == -1);
		sysfs_write(BIND, "kbind-pf-a.0");
		fd = open_node(0);
		CHECK(read(fd, &i, 0) == 0);
		close(fd);
	}
}

/* A file open across unbind gets -ENODEV, then closes cleanly. */
static void unbind_while_open(void)
{
	char buf[8];
	unsigned int model;
	int fd = open_node(0);

	CHECK(read(fd, buf, sizeof(buf)) == sizeof(buf));
	sysfs_write(UNBIND, "kbind-pf-a.0");
	CHECK_ERRNO(read(fd, buf, sizeof(buf)), ENODEV);
	CHECK_ERRNO(write(fd, buf, 1), ENODEV);
	CHECK_ERRNO(ioctl(fd, KB_PF_GET_MODEL, &model), ENODEV);
	CHECK(close(fd) == 0);
	sysfs_write(BIND, "kbind-pf-a.0");
	fd = open_node(0);
	CHECK(ioctl(fd, KB_PF_GET_MODEL, &model) == 0 && model == 0xa);
	close(fd);
}

static unsigned int irq_count(int fd)
{
	unsigned int n = ~0U;

	CHECK(ioctl(fd, KB_PF_GET_IRQ_COUNT, &n) == 0);
	return n;
}

/* Each device's "kick" interrupt reaches its own handler, every time. */
static void irq_delivery(void)
{
	int fa = open_node(0), fb = open_node(1);
	unsigned int a0 = irq_count(fa), b0 = irq_count(fb);
	int i;

	for (i = 0; i < 50; i++)
		sysfs_write(FIRE, "1");
	sysfs_write(FIRE, "0");
	CHECK(irq_count(fb) == b0 + 50);
	CHECK(irq_count(fa) == a0 + 1);
	sysfs_write_fails(FIRE, "7", EINVAL);
	close(fa);
	close(fb);
}

/* Does /proc/interrupts list a handler requested for device @name? */
static int irq_listed(const char *name)
{
	char line[512];
	int found = 0;
	FILE *f = fopen("/proc/interrupts", "r");

	CHECK(f);
	while (fgets(line, sizeof(line), f))
		found |= !!strstr(line, name);
	fclose(f);
	return found;
}

/* Unbind frees the handler; bind requests it again, with a fresh count. */
static void irq_freed_at_unbind(void)
{
	unsigned int n;
	int fd;

	CHECK(irq_listed(" kbind-pf-a.0"));
	sysfs_write(UNBIND, "kbind-pf-a.0");
	CHECK(!irq_listed(" kbind-pf-a.0"));
	sysfs_write(BIND, "kbind-pf-a.0");
	CHECK(irq_listed(" kbind-pf-a.0"));
	fd = open_node(0);
	n = irq_count(fd);
	CHECK(n == 0);
	sysfs_write(FIRE, "0");
	CHECK(irq_count(fd) == 1);
	close(fd);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static struct kb_pf_counts counts(int fd)
{
	struct kb_pf_counts c;

	memset(&c, 0xff, sizeof(c));
	CHECK(ioctl(fd, KB_PF_GET_COUNTS, &c) == 0);
	return c;
}

/* Poll the counts of @fd for up to 10 s until @cond (on c) holds. */
#define WAIT_COUNTS(fd, cond) do {					\
	double __end = now_ms() + 10000;				\
	struct kb_pf_counts c;						\
									\
	for (;;) {							\
		c = counts(fd);						\
		if (cond)						\
			break;						\
		CHECK(now_ms() < __end);				\
		usleep(1000);						\
	}								\
} while (0)

static void arm(int fd, unsigned int what, unsigned int msec)
{
	struct kb_pf_arm a = { .what = what, .msec = msec };

	CHECK(ioctl(fd, KB_PF_ARM, &a) == 0);
}

/*
 * An interrupt runs the chain: hard handler, threaded handler, work item
 * on the device's workqueue, kernel thread.
 */
static void deferred_chain(void)
{
	int fd = open_node(0), i;
	struct kb_pf_counts c0 = counts(fd);

	for (i = 0; i < 20; i++)
		sysfs_write(FIRE, "0");
	WAIT_COUNTS(fd, c.irqs == c0.irqs + 20 && c.threads > c0.threads &&
		    c.works > c0.works && c.kthread > c0.kthread &&
		    c.threads <= c0.threads + 20 && c.works <= c.threads);
	close(fd);
}

/* Each timer fires once when armed, with the device's data. */
static void timers_fire(void)
{
	int fd = open_node(1);
	struct kb_pf_counts c0 = counts(fd);

	arm(fd, KB_PF_ARM_DELAYED_WORK, 5);
	arm(fd, KB_PF_ARM_TIMER, 5);
	arm(fd, KB_PF_ARM_HRTIMER, 5);
	WAIT_COUNTS(fd, c.delayed == c0.delayed + 1 &&
		    c.timer == c0.timer + 1 && c.hrtimer == c0.hrtimer + 1);
	close(fd);
}

/* A bad timer or delay is refused and arms nothing. */
static void arm_bad_input(void)
{
	struct kb_pf_arm bad_what = { .what = 3, .msec = 1 };
	struct kb_pf_arm too_long = { .what = KB_PF_ARM_TIMER,
				      .msec = KB_PF_ARM_MAX_MSEC + 1 };
	int fd = open_node(1);
	struct kb_pf_counts c, c0 = counts(fd);

	CHECK_ERRNO(ioctl(fd, KB_PF_ARM, &bad_what), EINVAL);
	CHECK_ERRNO(ioctl(fd, KB_PF_ARM, &too_long), EINVAL);
	usleep(50000);
	c = counts(fd);
	CHECK(c.delayed == c0.delayed && c.timer == c0.timer &&
	      c.hrtimer == c0.hrtimer);
	close(fd);
}

/*
 * Unbind with every timer armed an hour ahead and work queued: unbind
 * cancels them at once, and a new bind starts from zero.
 */
static void unbind_with_timers_armed(void)
{
	struct kb_pf_counts c;
	int fd = open_node(0);
	double t0;

	arm(fd, KB_PF_ARM_DELAYED_WORK, 3600 * 1000);
	arm(fd, KB_PF_ARM_TIMER, 3600 * 1000);
	arm(fd, KB_PF_ARM_HRTIMER, 3600 * 1000);
	sysfs_write(FIRE, "0");
	t0 = now_ms();
	sysfs_write(UNBIND, "kbind-pf-a.0");
	CHECK(now_ms() - t0 < 5000);
	CHECK_ERRNO(ioctl(fd, KB_PF_GET_COUNTS, &c), ENODEV);
	close(fd);
	sysfs_write(BIND, "kbind-pf-a.0");
	fd = open_node(0);
	WAIT_COUNTS(fd, c.irqs == 0 && c.delayed + c.timer + c.hrtimer == 0);
	close(fd);
}

/*
 * Interrupts keep coming (and queue work) and timers keep being armed
 * while the device is unbound and bound again: every unbind stops them
 * all before the device's data is freed (a splat fails the case).
 */
static void unbind_during_storm(void)
{
	pid_t firer, armer;
	int i, fd, status;

	firer = fork();
	CHECK(firer >= 0);
	if (!firer) {
		int f = open(FIRE, O_WRONLY);

		for (;;)
			pwrite(f, "0", 1, 0);
	}
	armer = fork();
	CHECK(armer >= 0);
	if (!armer) {
		for (;;) {
			int f = open("/dev/kbind-pf0", O_RDWR), w;

			for (w = 0; f >= 0 && w < 3; w++) {
				struct kb_pf_arm a = { .what = w, .msec = w };

				if (ioctl(f, KB_PF_ARM, &a))
					break;
			}
			if (f >= 0)
				close(f);
		}
	}
	for (i = 0; i < 30; i++) {
		usleep(20000);
		sysfs_write(UNBIND, "kbind-pf-a.0");
		usleep(5000);
		sysfs_write(BIND, "kbind-pf-a.0");
	}
	kill(firer, SIGKILL);
	kill(armer, SIGKILL);
	CHECK(waitpid(firer, &status, 0) == firer);
	CHECK(waitpid(armer, &status, 0) == armer);
	fd = open_node(0);
	i = counts(fd).irqs;
	sysfs_write(FIRE, "0");
	WAIT_COUNTS(fd, c.irqs == (unsigned int)i + 1);
	close(fd);
}

/*
 * driver_override binds a listed device with its entry's info; an unlisted
 * one is refused before the driver's code runs.
 */
static void override_binds_listed_only(void)
{
	unsigned int model = 0;
	int fd;

	sysfs_write(UNBIND, "kbind-pf-b.1");
	sysfs_write(DEVS "kbind-pf-b.1/driver_override", "kbind_platform_sample");
	sysfs_write("/sys/bus/platform/drivers_probe", "kbind-pf-b.1");
	fd = open_node(1);
	CHECK(ioctl(fd, KB_PF_GET_MODEL, &model) == 0 && model == 0xb);
	close(fd);
	sysfs_write(DEVS "kbind-pf-b.1/driver_override", "\n");

	sysfs_write(DEVS "kbind-pf-unlisted.2/driver_override",
		    "kbind_platform_sample");
	sysfs_write_fails(BIND, "kbind-pf-unlisted.2", ENODEV);
	CHECK(access(DEVS "kbind-pf-unlisted.2/driver", F_OK) == -1);
	CHECK(access("/dev/kbind-pf2", F_OK) == -1);
	sysfs_write(DEVS "kbind-pf-unlisted.2/driver_override", "\n");
}

static const struct kbtest_case cases[] = {
	{ "memory_resource", memory_resource },
	{ "match_info", match_info },
	{ "unbind_bind_100", unbind_bind_100 },
	{ "unbind_while_open", unbind_while_open },
	{ "irq_delivery", irq_delivery },
	{ "irq_freed_at_unbind", irq_freed_at_unbind },
	{ "override_binds_listed_only", override_binds_listed_only },
	{ "deferred_chain", deferred_chain },
	{ "timers_fire", timers_fire },
	{ "arm_bad_input", arm_bad_input },
	{ "unbind_with_timers_armed", unbind_with_timers_armed },
	{ "unbind_during_storm", unbind_during_storm },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return kbtest_main(cases, argc, argv);
}
