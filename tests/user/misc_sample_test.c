// SPDX-License-Identifier: GPL-2.0
/*
 * Guest test of the kbind misc sample: ioctls, read/write, bad input.
 * Usage: misc_sample_test CASE (no argument lists the cases).
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "samples/misc/kbind_misc_sample.h"
#include "kbtest.h"

/* Never mapped in user space; hidden from the compiler's buffer checks. */
static void *bad_ptr(void)
{
	void *p = (void *)16;

	__asm__("" : "+r" (p));
	return p;
}

#define BAD_PTR bad_ptr()

static int dev_open(void)
{
	return OPEN_RW("/dev/" KB_SAMPLE_NODE);
}

static void hello(void)
{
	int a = dev_open(), b = dev_open();

	/* HELLO counts per open file: typed per-open data */
	CHECK(ioctl(a, KB_SAMPLE_HELLO) == 1);
	CHECK(ioctl(a, KB_SAMPLE_HELLO) == 2);
	CHECK(ioctl(b, KB_SAMPLE_HELLO) == 1);
	CHECK(ioctl(a, KB_SAMPLE_HELLO) == 3);
	close(a);
	close(b);
}

static void value(void)
{
	int a = dev_open(), b = dev_open();
	int v = 1234, got = -1;

	CHECK(ioctl(a, KB_SAMPLE_SET_VALUE, &v) == 0);
	/* the value belongs to the device: another file sees it */
	CHECK(ioctl(b, KB_SAMPLE_GET_VALUE, &got) == 0);
	CHECK(got == 1234);
	v = 0;
	CHECK(ioctl(b, KB_SAMPLE_SET_VALUE, &v) == 0);
	CHECK(ioctl(a, KB_SAMPLE_GET_VALUE, &got) == 0);
	CHECK(got == 0);
	close(a);
	close(b);
}

static void value_invalid(void)
{
	int fd = dev_open();
	int v = 77, neg = -1, got = -1;

	CHECK(ioctl(fd, KB_SAMPLE_SET_VALUE, &v) == 0);
	CHECK_ERRNO(ioctl(fd, KB_SAMPLE_SET_VALUE, &neg), EINVAL);
	/* a rejected value changes nothing */
	CHECK(ioctl(fd, KB_SAMPLE_GET_VALUE, &got) == 0);
	CHECK(got == 77);
	close(fd);
}

static void bad_pointer(void)
{
	int fd = dev_open();
	int v = 5, got = -1;

	CHECK(ioctl(fd, KB_SAMPLE_SET_VALUE, &v) == 0);
	CHECK_ERRNO(ioctl(fd, KB_SAMPLE_GET_VALUE, BAD_PTR), EFAULT);
	CHECK_ERRNO(ioctl(fd, KB_SAMPLE_GET_VALUE, NULL), EFAULT);
	CHECK_ERRNO(ioctl(fd, KB_SAMPLE_SET_VALUE, BAD_PTR), EFAULT);
	CHECK(ioctl(fd, KB_SAMPLE_GET_VALUE, &got) == 0);
	CHECK(got == 5);
	CHECK(write(fd, "abc", 3) == 3);
	CHECK_ERRNO(write(fd, BAD_PTR, 8), EFAULT);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK_ERRNO(read(fd, BAD_PTR, 3), EFAULT);
	close(fd);
}

static void bad_ioctl(void)
{
	int fd = dev_open();
	int v = 0;

	CHECK_ERRNO(ioctl(fd, _IO(KB_SAMPLE_IOC_MAGIC, 0x7f)), ENOTTY);
	CHECK_ERRNO(ioctl(fd, _IO('T', 0x80)), ENOTTY);
	/* right number, wrong size or direction: another command */
	CHECK_ERRNO(ioctl(fd, _IOR(KB_SAMPLE_IOC_MAGIC, 0x81, long long), &v),
		    ENOTTY);
	CHECK_ERRNO(ioctl(fd, _IOR(KB_SAMPLE_IOC_MAGIC, 0x82, int), &v),
		    ENOTTY);
	close(fd);
}

static void read_write(void)
{
	int a = dev_open(), b = dev_open();
	char buf[64] = { 0 };

	CHECK(write(a, "hello kbind", 11) == 11);
	/* positions are per file, contents per device */
	CHECK(read(b, buf, sizeof(buf)) == 11);
	CHECK(!memcmp(buf, "hello kbind", 11));
	CHECK(read(b, buf, sizeof(buf)) == 0);
	CHECK(lseek(b, 6, SEEK_SET) == 6);
	CHECK(read(b, buf, 5) == 5);
	CHECK(!memcmp(buf, "kbind", 5));
	CHECK(lseek(b, -5, SEEK_END) == 6);
	CHECK(pwrite(b, "KBIND", 5, 6) == 5);
	CHECK(pread(a, buf, 11, 0) == 11);
	CHECK(!memcmp(buf, "hello KBIND", 11));
	close(a);
	close(b);
}

static void buffer_limits(void)
{
	static char big[KB_SAMPLE_BUF_SIZE + 100];
	int fd = dev_open();

	memset(big, 'x', sizeof(big));
	/* a write past the end is cut short, then refused */
	CHECK(write(fd, big, sizeof(big)) == KB_SAMPLE_BUF_SIZE);
	CHECK_ERRNO(write(fd, big, 1), ENOSPC);
	CHECK_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
	CHECK_ERRNO(pread(fd, big, 1, -1), EINVAL);
	CHECK(pread(fd, big, sizeof(big), 0) == KB_SAMPLE_BUF_SIZE);
	close(fd);
}

static const struct kbtest_case cases[] = {
	{ "hello", hello },
	{ "value", value },
	{ "value_invalid", value_invalid },
	{ "bad_pointer", bad_pointer },
	{ "bad_ioctl", bad_ioctl },
	{ "read_write", read_write },
	{ "buffer_limits", buffer_limits },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return kbtest_main(cases, argc, argv);
}
