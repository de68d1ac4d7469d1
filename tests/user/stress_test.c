// SPDX-License-Identifier: GPL-2.0
/*
 * stress_test: tear an owner down and set it up again CYCLES times while
 * two processes open its misc node, read, write, ioctl and close in a loop.
 *
 * Usage: stress_test CASE [CYCLES] (no argument lists the cases; CYCLES
 * defaults to 100). Cases: victim (the nested owner of
 * tests/modules/kb_misc_owner.ko, torn down through its control node),
 * pf (the platform sample's kbind-pf-a.0, unbound and bound), edu (the edu
 * sample's device, unbound and bound).
 *
 * The workers accept only the answers a node can give across teardown:
 * success, ENOENT or ENODEV at open, ENODEV from an operation. The case
 * fails on any other answer, a worker that stopped, or a worker that never
 * got through a single operation.
 */
#include <glob.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#include "kb_misc_owner.h"
#include "kbtest.h"
#include "samples/pci/kbind_edu.h"
#include "samples/platform/kbind_platform_sample.h"

struct target {
	char node[96];
	unsigned long get;	/* an _IOR ioctl of at most 8 bytes */
	int (*down)(void);
	int (*up)(void);
};

static struct target t;
static char edu_addr[32];

static int ctl(unsigned long cmd)
{
	int fd = open("/dev/" KB_OWNER_CTL, O_RDWR), ret;

	if (fd < 0)
		return -1;
	ret = ioctl(fd, cmd);
	close(fd);
	return ret;
}

static int victim_down(void)
{
	return ctl(KB_OWNER_TEARDOWN);
}

static int victim_up(void)
{
	return ctl(KB_OWNER_SETUP);
}

static int write_attr(const char *file, const char *val)
{
	int fd = open(file, O_WRONLY), ret;

	if (fd < 0)
		return -1;
	ret = write(fd, val, strlen(val)) == (ssize_t)strlen(val) ? 0 : -1;
	close(fd);
	return ret;
}

#define PF_DRV	"/sys/bus/platform/drivers/kbind_platform_sample/"
#define EDU_DRV	"/sys/bus/pci/drivers/kbind_edu/"

static int pf_down(void)
{
	return write_attr(PF_DRV "unbind", "kbind-pf-a.0");
}

static int pf_up(void)
{
	return write_attr(PF_DRV "bind", "kbind-pf-a.0");
}

static int edu_down(void)
{
	return write_attr(EDU_DRV "unbind", edu_addr);
}

static int edu_up(void)
{
	return write_attr(EDU_DRV "bind", edu_addr);
}

/* An answer a node may give across teardown; else the worker fails. */
static void allowed(long ret, int ok_errno)
{
	if (ret < 0 && errno != ENODEV && errno != ok_errno) {
		fprintf(stderr, "worker %d: unexpected errno %d (%s)\n",
			getpid(), errno, strerror(errno));
		_exit(1);
	}
}

static void worker(int *stop, unsigned long *done)
{
	unsigned long long v;
	char buf[32];
	int fd;

	while (!__atomic_load_n(stop, __ATOMIC_RELAXED)) {
		fd = open(t.node, O_RDWR);
		if (fd < 0) {
			allowed(-1, ENOENT);
			usleep(500);
			continue;
		}
		/* edu has neither read nor write: EINVAL, as for any node */
		allowed(read(fd, buf, sizeof(buf)), EINVAL);
		allowed(write(fd, "stress", 6), EINVAL);
		allowed(ioctl(fd, t.get, &v), 0);
		allowed(close(fd), 0);
		__atomic_add_fetch(done, 1, __ATOMIC_RELAXED);
	}
	_exit(0);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void stress(unsigned long cycles)
{
	double start, took, down_ms = 0, up_ms = 0, down_max = 0;
	int *stop = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	unsigned long *done = (unsigned long *)(stop + 16);
	unsigned long i;
	pid_t pids[2];
	int status;

	CHECK(stop != MAP_FAILED);
	for (i = 0; i < 2; i++) {
		pids[i] = fork();
		CHECK(pids[i] >= 0);
		if (!pids[i])
			worker(stop, done + i);
	}
	for (i = 0; i < cycles; i++) {
		start = now_ms();
		CHECK(t.down() == 0);
		took = now_ms() - start;
		down_ms += took;
		if (took > down_max)
			down_max = took;
		start = now_ms();
		CHECK(t.up() == 0);
		up_ms += now_ms() - start;
	}
	usleep(100000);
	__atomic_store_n(stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < 2; i++) {
		CHECK(waitpid(pids[i], &status, 0) == pids[i]);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		CHECK(done[i] > 0);
	}
	printf("%lu cycles; workers got through %lu and %lu open-to-close rounds\n",
	       cycles, done[0], done[1]);
	printf("teardown %.1f ms on average (longest %.1f ms), setup %.1f ms\n",
	       down_ms / cycles, down_max, up_ms / cycles);
}

static unsigned long cycles = 100;

static void victim_case(void)
{
	snprintf(t.node, sizeof(t.node), "/dev/%s", KB_OWNER_VICTIM);
	t.get = KB_VICTIM_GET_GEN;
	t.down = victim_down;
	t.up = victim_up;
	stress(cycles);
}

static void pf_case(void)
{
	snprintf(t.node, sizeof(t.node), "/dev/kbind-pf0");
	t.get = KB_PF_GET_IRQ_COUNT;
	t.down = pf_down;
	t.up = pf_up;
	stress(cycles);
}

static void edu_case(void)
{
	glob_t g;

	CHECK(glob(EDU_DRV "0000:*", 0, NULL, &g) == 0 && g.gl_pathc == 1);
	snprintf(edu_addr, sizeof(edu_addr), "%s",
		 g.gl_pathv[0] + strlen(EDU_DRV));
	globfree(&g);
	snprintf(t.node, sizeof(t.node), "/dev/kbind-edu-%s", edu_addr);
	t.get = KB_EDU_GET_IRQ_COUNT;
	t.down = edu_down;
	t.up = edu_up;
	stress(cycles);
}

static const struct kbtest_case cases[] = {
	{ "victim", victim_case },
	{ "pf", pf_case },
	{ "edu", edu_case },
	{ }
};

int main(int argc, char **argv)
{
	if (argc >= 3)
		cycles = strtoul(argv[2], NULL, 0);
	return kbtest_main(cases, argc, argv);
}
