/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tiny helpers for kbind's guest test programs: each program runs one named
 * case given on its command line and exits 0 only if every check held.
 */
#ifndef _KBTEST_H
#define _KBTEST_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Fail the case unless @cond holds. */
#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s (errno %d: %s)\n", \
			__FILE__, __LINE__, #cond, errno, strerror(errno)); \
		exit(1);						\
	}								\
} while (0)

/* Fail the case unless @call returns -1 with errno @err. */
#define CHECK_ERRNO(call, err) do {					\
	int __want = (err);						\
	long __r;							\
	errno = 0;							\
	__r = (long)(call);						\
	if (__r != -1 || errno != __want) {				\
		fprintf(stderr, "%s:%d: %s returned %ld errno %d (%s), " \
			"expected -1 errno %d (%s)\n", __FILE__, __LINE__, \
			#call, __r, errno, strerror(errno), __want,	\
			strerror(__want));				\
		exit(1);						\
	}								\
} while (0)

/* Open the node @path read-write; fail the case if it cannot be opened. */
#define OPEN_RW(path) ({						\
	int __fd = open(path, O_RDWR);					\
	CHECK(__fd >= 0);						\
	__fd;								\
})

/* Write @val to the sysfs attribute @file; fail the case if it refuses. */
static inline void sysfs_write(const char *file, const char *val)
{
	int fd = open(file, O_WRONLY);

	CHECK(fd >= 0);
	CHECK(write(fd, val, strlen(val)) == (ssize_t)strlen(val));
	CHECK(close(fd) == 0);
}

/* As sysfs_write(), but the write must fail with errno @err. */
static inline void sysfs_write_fails(const char *file, const char *val,
				     int err)
{
	int fd = open(file, O_WRONLY);

	CHECK(fd >= 0);
	CHECK_ERRNO(write(fd, val, strlen(val)), err);
	close(fd);
}

struct kbtest_case {
	const char *name;
	void (*run)(void);
};

/* Run the case named by argv[1]; with no argument list the case names. */
static inline int kbtest_main(const struct kbtest_case *cases, int argc,
			      char **argv)
{
	const struct kbtest_case *c;

	for (c = cases; c->name; c++) {
		if (argc < 2) {
			puts(c->name);
			continue;
		}
		if (!strcmp(c->name, argv[1])) {
			c->run();
			return 0;
		}
	}
	if (argc >= 2) {
		fprintf(stderr, "unknown case %s\n", argv[1]);
		return 2;
	}
	return 0;
}

#endif /* _KBTEST_H */
