// SPDX-License-Identifier: GPL-2.0
/*
 * Guest test of the kbind platform sample (with kb_platform_dev.ko's
 * devices). Usage: platform_sample_test CASE.
 */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "samples/platform/kbind_platform_sample.h"
#include "kbtest.h"

#define UNBIND "/sys/bus/platform/drivers/kbind_platform_sample/unbind"
#define BIND "/sys/bus/platform/drivers/kbind_platform_sample/bind"

static int open_node(int id)
{
	char path[32];

	snprintf(path, sizeof(path), "/dev/kbind-pf%d", id);
	return OPEN_RW(path);
}

static void sysfs_write(const char *file, const char *val)
{
	int fd = open(file, O_WRONLY);

	CHECK(fd >= 0);
	CHECK(write(fd, val, strlen(val)) == (ssize_t)strlen(val));
	close(fd);
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

static const struct kbtest_case cases[] = {
	{ "memory_resource", memory_resource },
	{ "match_info", match_info },
	{ "unbind_bind_100", unbind_bind_100 },
	{ "unbind_while_open", unbind_while_open },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return kbtest_main(cases, argc, argv);
}
