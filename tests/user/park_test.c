// SPDX-License-Identifier: GPL-2.0
/*
 * park_test: a file operation parked where user space controls it, then its
 * owner torn down (a module's nested owner, a platform device, a PCI
 * device); teardown must finish within 2 s (plus twice what the same
 * teardown takes with nothing parked: about 1 s on the debug kernel under
 * TCG, milliseconds elsewhere) whatever the parked operation waits for, and
 * the operation must end with ENODEV once it is let go.
 *
 * Usage: park_test CASE (no argument lists the cases). A case parks one
 * operation in a second thread, in one of these ways:
 *   uffd-write   write(2) from a userfaultfd page nobody fills;
 *   uffd-ioctl   an _IOW/_IOWR ioctl whose argument is on such a page;
 *   uffd-read    read(2) into such a page;
 *   wait         an ioctl that sleeps for an event that does not come.
 * It passes if the operation was parked (the userfaultfd reported the
 * fault, or the thread still sleeps after 300 ms), the teardown returned
 * within that bound with the operation still parked, and, once the page is filled,
 * the operation failed with ENODEV (a uffd-read may instead complete: its
 * data was read before the teardown). The owner is set up again after.
 */
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <glob.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#include "kb_misc_owner.h"
#include "kbtest.h"
#include "samples/pci/kbind_edu.h"
#include "samples/platform/kbind_platform_sample.h"

enum how { UFFD_WRITE, UFFD_IOCTL, UFFD_READ, WAIT };

static struct {
	enum how how;
	int fd;
	unsigned long cmd, get;
	char *page;
	unsigned long long value;
	int done;		/* atomic: set by the operation's thread */
	long ret;
	int err;
} op;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *run_op(void *unused)
{
	long ret;

	(void)unused;
	switch (op.how) {
	case UFFD_WRITE:
		ret = write(op.fd, op.page, 16);
		break;
	case UFFD_READ:
		ret = read(op.fd, op.page, 16);
		break;
	case UFFD_IOCTL:
		ret = ioctl(op.fd, op.cmd, op.page);
		break;
	default:
		ret = ioctl(op.fd, op.cmd, &op.value);
	}
	op.err = errno;
	op.ret = ret;
	__atomic_store_n(&op.done, 1, __ATOMIC_RELEASE);
	return NULL;
}

/* Do an "ioctl:PATH:CMD" or "write:FILE=TEXT" action; 0 on success. */
static int action(const char *spec)
{
	char buf[256], *path, *arg;
	int fd, ret;

	snprintf(buf, sizeof(buf), "%s", spec);
	path = strchr(buf, ':');
	CHECK(path);
	*path++ = 0;
	if (!strcmp(buf, "ioctl")) {
		arg = strrchr(path, ':');
		CHECK(arg);
		*arg++ = 0;
		fd = open(path, O_RDWR);
		CHECK(fd >= 0);
		ret = ioctl(fd, strtoul(arg, NULL, 0));
		close(fd);
		return ret < 0 ? -1 : 0;
	}
	CHECK(!strcmp(buf, "write"));
	arg = strchr(path, '=');
	CHECK(arg);
	*arg++ = 0;
	fd = open(path, O_WRONLY);
	CHECK(fd >= 0);
	ret = write(fd, arg, strlen(arg)) == (ssize_t)strlen(arg) ? 0 : -1;
	close(fd);
	return ret;
}

/* Run @spec in a child; true if it finished (successfully) within @limit s. */
static int action_within(const char *spec, double limit, double *took)
{
	double t0 = now();
	pid_t pid = fork();
	int status;

	CHECK(pid >= 0);
	if (!pid)
		_exit(action(spec) ? 1 : 0);
	while (now() - t0 < limit) {
		if (waitpid(pid, &status, WNOHANG) == pid) {
			*took = now() - t0;
			return WIFEXITED(status) && !WEXITSTATUS(status);
		}
		usleep(5000);
	}
	/* report how long it really took, so that the owner can be restored */
	while (now() - t0 < 60.0 && waitpid(pid, &status, WNOHANG) != pid)
		usleep(10000);
	*took = now() - t0;
	fprintf(stderr, "teardown %s still running after %.3f s (ended after %.3f s)\n",
		spec, limit, *took);
	return 0;
}

static int uffd_setup(void)
{
	struct uffdio_api api = { .api = UFFD_API };
	struct uffdio_register reg = { .mode = UFFDIO_REGISTER_MODE_MISSING };
	long psz = sysconf(_SC_PAGESIZE);
	int uffd = syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK);

	CHECK(uffd >= 0);
	CHECK(ioctl(uffd, UFFDIO_API, &api) == 0);
	op.page = mmap(NULL, psz, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(op.page != MAP_FAILED);
	reg.range.start = (unsigned long)op.page;
	reg.range.len = psz;
	CHECK(ioctl(uffd, UFFDIO_REGISTER, &reg) == 0);
	return uffd;
}

/* Wait up to 5 s for the parked operation's fault; consume the event. */
static void uffd_wait_fault(int uffd)
{
	struct pollfd pfd = { .fd = uffd, .events = POLLIN };
	struct uffd_msg msg;

	CHECK(poll(&pfd, 1, 5000) == 1);
	CHECK(read(uffd, &msg, sizeof(msg)) == sizeof(msg));
	CHECK(msg.event == UFFD_EVENT_PAGEFAULT);
}

static void uffd_fill(int uffd)
{
	struct uffdio_zeropage zp = {
		.range = { .start = (unsigned long)op.page,
			   .len = sysconf(_SC_PAGESIZE) },
	};

	CHECK(ioctl(uffd, UFFDIO_ZEROPAGE, &zp) == 0);
}

/* Wait up to 2 s for the operation to return. */
static int op_returned(void)
{
	double t0 = now();

	while (now() - t0 < 2.0) {
		if (__atomic_load_n(&op.done, __ATOMIC_ACQUIRE))
			return 1;
		usleep(5000);
	}
	return 0;
}

/*
 * Park an operation on @node (see the top of this file), run the @teardown
 * action, let the operation go, check it failed, then run @restore.
 */
static void park(enum how how, unsigned long cmd, unsigned long get,
		 const char *node, const char *teardown, const char *restore)
{
	double took, plain, limit;
	pthread_t thread;
	int uffd = -1;
	int bounded;

	/* what the teardown costs with nothing parked */
	plain = now();
	CHECK(action(teardown) == 0);
	plain = now() - plain;
	CHECK(action(restore) == 0);
	limit = 2.0 + 2 * plain;

	op.how = how;
	op.cmd = cmd;
	op.get = get;
	op.fd = OPEN_RW(node);
	if (how == WAIT && get)
		CHECK(ioctl(op.fd, get, &op.value) == 0);
	if (how != WAIT)
		uffd = uffd_setup();

	CHECK(pthread_create(&thread, NULL, run_op, NULL) == 0);
	if (uffd >= 0) {
		uffd_wait_fault(uffd);
	} else {
		usleep(300000);
		CHECK(!__atomic_load_n(&op.done, __ATOMIC_ACQUIRE));
	}

	bounded = action_within(teardown, limit, &took);
	if (!bounded && uffd >= 0)
		uffd_fill(uffd);
	if (!bounded)
		action(restore);
	CHECK(bounded);
	printf("teardown took %.3f s with the operation parked, %.3f s without\n",
	       took, plain);
	if (uffd >= 0) {
		CHECK(!__atomic_load_n(&op.done, __ATOMIC_ACQUIRE));
		uffd_fill(uffd);
	}
	CHECK(op_returned());
	CHECK(pthread_join(thread, NULL) == 0);
	printf("operation returned %ld (%s)\n", op.ret,
	       op.ret < 0 ? strerror(op.err) : "ok");
	if (how == UFFD_READ)
		CHECK(op.ret > 0 || (op.ret == -1 && op.err == ENODEV));
	else
		CHECK(op.ret == -1 && op.err == ENODEV);
	/* the open file still answers, with the owner gone */
	CHECK_ERRNO(ioctl(op.fd, 0), ENODEV);
	close(op.fd);
	CHECK(action(restore) == 0);
}

/* The module's nested owner (tests/modules/kb_misc_owner.ko). */
#define VICTIM		"/dev/" KB_OWNER_VICTIM

static void park_victim(enum how how, unsigned long cmd)
{
	char down[64], up[64];

	snprintf(down, sizeof(down), "ioctl:/dev/%s:%u", KB_OWNER_CTL,
		 KB_OWNER_TEARDOWN);
	snprintf(up, sizeof(up), "ioctl:/dev/%s:%u", KB_OWNER_CTL,
		 KB_OWNER_SETUP);
	park(how, cmd, 0, VICTIM, down, up);
}

static void victim_uffd_write(void)
{
	park_victim(UFFD_WRITE, 0);
}

static void victim_uffd_ioctl(void)
{
	park_victim(UFFD_IOCTL, KB_VICTIM_GET_GEN);
}

static void victim_uffd_read(void)
{
	park_victim(UFFD_READ, 0);
}

static void victim_wait(void)
{
	park_victim(WAIT, KB_VICTIM_WAIT);
}

/* The platform sample's device kbind-pf-a.0 (/dev/kbind-pf0). */
#define PF_DRV	"/sys/bus/platform/drivers/kbind_platform_sample/"

static void park_pf(enum how how, unsigned long cmd, unsigned long get)
{
	park(how, cmd, get, "/dev/kbind-pf0", "write:" PF_DRV "unbind=kbind-pf-a.0",
	     "write:" PF_DRV "bind=kbind-pf-a.0");
}

static void pf_uffd_write(void)
{
	park_pf(UFFD_WRITE, 0, 0);
}

static void pf_uffd_ioctl(void)
{
	park_pf(UFFD_IOCTL, KB_PF_WAIT_IRQ, 0);
}

static void pf_uffd_read(void)
{
	park_pf(UFFD_READ, 0, 0);
}

static void pf_wait(void)
{
	park_pf(WAIT, KB_PF_WAIT_IRQ, KB_PF_GET_IRQ_COUNT);
}

/* The edu sample's device, whichever its address. */
#define EDU_DRV	"/sys/bus/pci/drivers/kbind_edu/"

static void park_edu(enum how how, unsigned long cmd, unsigned long get)
{
	char node[96], down[128], up[128];
	const char *bdf;
	glob_t g;

	CHECK(glob(EDU_DRV "0000:*", 0, NULL, &g) == 0 && g.gl_pathc == 1);
	bdf = g.gl_pathv[0] + strlen(EDU_DRV);
	snprintf(node, sizeof(node), "/dev/kbind-edu-%s", bdf);
	snprintf(down, sizeof(down), "write:%sunbind=%s", EDU_DRV, bdf);
	snprintf(up, sizeof(up), "write:%sbind=%s", EDU_DRV, bdf);
	park(how, cmd, get, node, down, up);
	globfree(&g);
}

static void edu_uffd_ioctl(void)
{
	park_edu(UFFD_IOCTL, KB_EDU_LIVENESS, 0);
}

static void edu_wait(void)
{
	park_edu(WAIT, KB_EDU_WAIT_IRQ, KB_EDU_GET_IRQ_COUNT);
}

static const struct kbtest_case cases[] = {
	{ "victim_uffd_write", victim_uffd_write },
	{ "victim_uffd_ioctl", victim_uffd_ioctl },
	{ "victim_uffd_read", victim_uffd_read },
	{ "victim_wait", victim_wait },
	{ "pf_uffd_write", pf_uffd_write },
	{ "pf_uffd_ioctl", pf_uffd_ioctl },
	{ "pf_uffd_read", pf_uffd_read },
	{ "pf_wait", pf_wait },
	{ "edu_uffd_ioctl", edu_uffd_ioctl },
	{ "edu_wait", edu_wait },
	{ }
};

int main(int argc, char **argv)
{
	return kbtest_main(cases, argc, argv);
}
