// SPDX-License-Identifier: GPL-2.0
/*
 * Guest test of kbind null_blk's polled queues: direct I/O with RWF_HIPRI
 * goes to a poll queue and completes only through the driver's .poll.
 * Usage: nullb_test CASE (on /dev/kbnullb0, loaded memory-backed).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/uio.h>
#include <unistd.h>

#include "kbtest.h"

#define DEV "/dev/kbnullb0"
#define LEN (64 * 1024)

/* Polled writes read back by polled reads, at several offsets. */
static void polled_io(void)
{
	char *out, *in, poll;
	int fd = open(DEV, O_RDWR | O_DIRECT), i;
	int pfd = open("/sys/block/kbnullb0/queue/io_poll", O_RDONLY);
	struct iovec wv, rv;

	CHECK(fd >= 0 && pfd >= 0);
	CHECK(!posix_memalign((void **)&out, 4096, LEN));
	CHECK(!posix_memalign((void **)&in, 4096, LEN));
	wv = (struct iovec){ out, LEN };
	rv = (struct iovec){ in, LEN };
	CHECK(read(pfd, &poll, 1) == 1 && poll == '1');
	close(pfd);
	for (i = 0; i < 16; i++) {
		off_t off = (off_t)i * 1024 * 1024 + 4096;

		memset(out, 'a' + i, LEN);
		out[i] = (char)i;
		memset(in, 0, LEN);
		CHECK(pwritev2(fd, &wv, 1, off, RWF_HIPRI) == LEN);
		CHECK(preadv2(fd, &rv, 1, off, RWF_HIPRI) == LEN);
		CHECK(!memcmp(in, out, LEN));
	}
	free(out);
	free(in);
	close(fd);
}

static const struct kbtest_case cases[] = {
	{ "polled_io", polled_io },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return kbtest_main(cases, argc, argv);
}
