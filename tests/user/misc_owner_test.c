// SPDX-License-Identifier: GPL-2.0
/*
 * Guest test of a kbind misc node whose owner is torn down while files are
 * open (kb_misc_owner.ko). Usage: misc_owner_test CASE.
 */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kb_misc_owner.h"
#include "kbtest.h"

static int open_node(const char *name)
{
	char path[64];

	snprintf(path, sizeof(path), "/dev/%s", name);
	return OPEN_RW(path);
}

static void ctl(unsigned long cmd)
{
	int fd = open_node(KB_OWNER_CTL);

	CHECK(ioctl(fd, cmd) == 0);
	close(fd);
}

/* Each case starts with a live victim, whatever the previous case left. */
static void victim_live(void)
{
	int fd = open_node(KB_OWNER_CTL);

	CHECK(ioctl(fd, KB_OWNER_SETUP) == 0 || errno == EBUSY);
	close(fd);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Every operation on a file open across teardown gets -ENODEV. */
static void open_across_teardown(void)
{
	char buf[16];
	int gen, fd;

	victim_live();
	fd = open_node(KB_OWNER_VICTIM);

	gen = ioctl(fd, KB_VICTIM_PING);
	CHECK(gen > 0);
	CHECK(read(fd, buf, sizeof(buf)) == 6);
	CHECK(write(fd, "x", 1) == 1);

	ctl(KB_OWNER_TEARDOWN);
	CHECK(access("/dev/" KB_OWNER_VICTIM, F_OK) == -1);
	CHECK_ERRNO(ioctl(fd, KB_VICTIM_PING), ENODEV);
	CHECK_ERRNO(read(fd, buf, sizeof(buf)), ENODEV);
	CHECK_ERRNO(write(fd, "x", 1), ENODEV);
	CHECK_ERRNO(ioctl(fd, 0x1234), ENODEV);
	CHECK(close(fd) == 0);

	/* a new owner publishes a new node; the old file is gone for good */
	ctl(KB_OWNER_SETUP);
	fd = open_node(KB_OWNER_VICTIM);
	CHECK(ioctl(fd, KB_VICTIM_PING) == gen + 1);
	CHECK(close(fd) == 0);
}

/* Several files, closed in any order after teardown, one still used. */
static void many_files(void)
{
	int fds[8], i;

	victim_live();
	for (i = 0; i < 8; i++)
		fds[i] = open_node(KB_OWNER_VICTIM);
	close(fds[3]);
	ctl(KB_OWNER_TEARDOWN);
	for (i = 7; i >= 0; i--) {
		if (i == 3)
			continue;
		CHECK_ERRNO(ioctl(fds[i], KB_VICTIM_PING), ENODEV);
		CHECK(close(fds[i]) == 0);
	}
	/* teardown twice is harmless; setup twice is refused */
	ctl(KB_OWNER_TEARDOWN);
	ctl(KB_OWNER_SETUP);
	{
		int c = open_node(KB_OWNER_CTL);

		CHECK_ERRNO(ioctl(c, KB_OWNER_SETUP), EBUSY);
		close(c);
	}
}

/*
 * Teardown waits for an operation in progress: a child sleeps 600 ms inside
 * an ioctl that then writes the owner's data; teardown started meanwhile
 * must not return before the child left, and the child's ioctl succeeds.
 */
static void teardown_waits_for_reader(void)
{
	double t0, waited;
	int status, fd;
	pid_t pid;

	victim_live();
	fd = open_node(KB_OWNER_VICTIM);

	pid = fork();
	CHECK(pid >= 0);
	if (!pid)
		_exit(ioctl(fd, KB_VICTIM_SLOW, 600) > 0 ? 0 : 1);
	usleep(150 * 1000);
	t0 = now();
	ctl(KB_OWNER_TEARDOWN);
	waited = now() - t0;
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	fprintf(stderr, "teardown waited %.3f s\n", waited);
	CHECK(waited > 0.3);
	CHECK_ERRNO(ioctl(fd, KB_VICTIM_SLOW, 1), ENODEV);
	close(fd);
	ctl(KB_OWNER_SETUP);
}

static void bad_input(void)
{
	int fd, c;

	victim_live();
	fd = open_node(KB_OWNER_VICTIM);
	c = open_node(KB_OWNER_CTL);

	CHECK_ERRNO(ioctl(fd, KB_VICTIM_SLOW, 100000), EINVAL);
	CHECK_ERRNO(ioctl(c, 0x5555), ENOTTY);
	/* a node without read or write behaves like a plain char device */
	CHECK_ERRNO(read(c, &fd, 1), EINVAL);
	CHECK_ERRNO(write(c, &fd, 1), EINVAL);
	CHECK_ERRNO(lseek(c, 0, SEEK_SET), ESPIPE);
	close(c);
	close(fd);
}

static const struct kbtest_case cases[] = {
	{ "open_across_teardown", open_across_teardown },
	{ "many_files", many_files },
	{ "teardown_waits_for_reader", teardown_waits_for_reader },
	{ "bad_input", bad_input },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return kbtest_main(cases, argc, argv);
}
