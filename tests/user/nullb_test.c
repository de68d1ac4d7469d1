// SPDX-License-Identifier: GPL-2.0
/*
 * Guest test of kbind null_blk's polled queues: io_uring with IOPOLL sends
 * direct I/O to a poll queue, where it completes only through the driver's
 * .poll. Usage: nullb_test CASE, on /dev/kbnullb0 loaded memory-backed
 * with irqmode=2 and a completion time of 250 ms, so that its 32 requests,
 * completed any other way, would take 8 s instead of well under 3.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "kbtest.h"

#define DEV "/dev/kbnullb0"
#define LEN (64 * 1024)

/* A minimal io_uring, through its system calls (no liburing here). */
struct ring {
	int fd;
	unsigned int *sq_tail, *sq_mask, *sq_array;
	unsigned int *cq_head, *cq_tail, *cq_mask;
	struct io_uring_sqe *sqes;
	struct io_uring_cqe *cqes;
};

static void *ring_map(int fd, size_t len, off_t what)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_POPULATE, fd, what);

	CHECK(p != MAP_FAILED);
	return p;
}

static void ring_init(struct ring *r, unsigned int flags)
{
	struct io_uring_params p = { .flags = flags };
	size_t sq_len, cq_len;
	char *sq, *cq;

	r->fd = syscall(__NR_io_uring_setup, 4, &p);
	CHECK(r->fd >= 0);
	sq_len = p.sq_off.array + p.sq_entries * sizeof(unsigned int);
	cq_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
	CHECK(p.features & IORING_FEAT_SINGLE_MMAP);
	sq = ring_map(r->fd, sq_len > cq_len ? sq_len : cq_len,
		      IORING_OFF_SQ_RING);
	cq = sq;
	r->sq_tail = (unsigned int *)(sq + p.sq_off.tail);
	r->sq_mask = (unsigned int *)(sq + p.sq_off.ring_mask);
	r->sq_array = (unsigned int *)(sq + p.sq_off.array);
	r->cq_head = (unsigned int *)(cq + p.cq_off.head);
	r->cq_tail = (unsigned int *)(cq + p.cq_off.tail);
	r->cq_mask = (unsigned int *)(cq + p.cq_off.ring_mask);
	r->cqes = (struct io_uring_cqe *)(cq + p.cq_off.cqes);
	r->sqes = ring_map(r->fd, p.sq_entries * sizeof(struct io_uring_sqe),
			   IORING_OFF_SQES);
}

/* One read or write of @len bytes at @off; its result. */
static int ring_rw(struct ring *r, int op, int fd, void *buf,
		   unsigned int len, off_t off)
{
	unsigned int tail = *r->sq_tail, idx = tail & *r->sq_mask, head;
	struct io_uring_sqe *sqe = &r->sqes[idx];
	int res;

	memset(sqe, 0, sizeof(*sqe));
	sqe->opcode = op;
	sqe->fd = fd;
	sqe->addr = (uintptr_t)buf;
	sqe->len = len;
	sqe->off = off;
	r->sq_array[idx] = idx;
	__atomic_store_n(r->sq_tail, tail + 1, __ATOMIC_RELEASE);
	CHECK(syscall(__NR_io_uring_enter, r->fd, 1, 1,
		      IORING_ENTER_GETEVENTS, NULL, 0) == 1);
	head = *r->cq_head;
	while (head == __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE))
		CHECK(syscall(__NR_io_uring_enter, r->fd, 0, 1,
			      IORING_ENTER_GETEVENTS, NULL, 0) >= 0);
	res = r->cqes[head & *r->cq_mask].res;
	__atomic_store_n(r->cq_head, head + 1, __ATOMIC_RELEASE);
	return res;
}

/* Polled writes read back by polled reads, at several offsets, quickly. */
static void polled_io(void)
{
	int fd = open(DEV, O_RDWR | O_DIRECT), i;
	struct timespec t0, t1;
	struct ring r;
	char *out, *in;

	CHECK(fd >= 0);
	CHECK(!posix_memalign((void **)&out, 4096, LEN));
	CHECK(!posix_memalign((void **)&in, 4096, LEN));
	ring_init(&r, IORING_SETUP_IOPOLL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < 16; i++) {
		off_t off = (off_t)i * 1024 * 1024 + 4096;

		memset(out, 'a' + i, LEN);
		out[i] = (char)i;
		memset(in, 0, LEN);
		CHECK(ring_rw(&r, IORING_OP_WRITE, fd, out, LEN, off) == LEN);
		CHECK(ring_rw(&r, IORING_OP_READ, fd, in, LEN, off) == LEN);
		CHECK(!memcmp(in, out, LEN));
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK((t1.tv_sec - t0.tv_sec) * 1000000000L + t1.tv_nsec - t0.tv_nsec <
	      3000000000L);
	free(out);
	free(in);
	close(r.fd);
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
