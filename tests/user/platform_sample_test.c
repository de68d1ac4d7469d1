// SPDX-License-Identifier: GPL-2.0
/*
 * Guest test of the kbind platform sample (with kb_platform_dev.ko's
 * devices). Usage: platform_sample_test CASE.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
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
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return kbtest_main(cases, argc, argv);
}
