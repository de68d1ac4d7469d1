// SPDX-License-Identifier: GPL-2.0
/*
 * op_loop: the counted phases of one hot path for "make bench": opens
 * DEVICE, executes the marker of bench/plugin/kbind_icount.c, then runs
 * the operation N, 2N, N and 2N times, a marker after each run, so the
 * plugin's counts of the last four phases hold N, 2N, N and 2N operations
 * and nothing else but the loop. It runs on CPU 0 (where the guest script
 * sends the drivers' interrupts too, so that an interrupt round trip does
 * not depend on when another vCPU runs). Operations:
 *
 *	misc-get	ioctl KB_SAMPLE_GET_VALUE (the kbind misc sample, or its
 *			raw twin)
 *	edu-raise	ioctl KB_EDU_RAISE (the kbind edu sample, or its raw
 *			twin): an interrupt and its handler
 *
 * Usage: op_loop OPERATION DEVICE N
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "samples/misc/kbind_misc_sample.h"
#include "samples/pci/kbind_edu.h"

#include "kbmark.h"

static int misc_get(int fd)
{
	int val;

	return ioctl(fd, KB_SAMPLE_GET_VALUE, &val);
}

static int edu_raise(int fd)
{
	return ioctl(fd, KB_EDU_RAISE);
}

int main(int argc, char **argv)
{
	int (*op)(int fd);
	long i, n, run, runs[] = { 1, 2, 1, 2 };
	cpu_set_t cpu0;
	int fd;

	if (argc != 4 || atol(argv[3]) <= 0) {
		fprintf(stderr, "usage: op_loop misc-get|edu-raise DEVICE N\n");
		return 2;
	}
	if (!strcmp(argv[1], "misc-get")) {
		op = misc_get;
	} else if (!strcmp(argv[1], "edu-raise")) {
		op = edu_raise;
	} else {
		fprintf(stderr, "op_loop: unknown operation %s\n", argv[1]);
		return 2;
	}
	n = atol(argv[3]);
	CPU_ZERO(&cpu0);
	CPU_SET(0, &cpu0);
	if (sched_setaffinity(0, sizeof(cpu0), &cpu0)) {
		perror("sched_setaffinity");
		return 1;
	}
	fd = open(argv[2], O_RDWR);
	if (fd < 0) {
		perror(argv[2]);
		return 1;
	}
	kbmark();
	for (run = 0; run < 4; run++) {
		for (i = 0; i < runs[run] * n; i++) {
			if (op(fd)) {
				perror(argv[1]);
				return 1;
			}
		}
		kbmark();
	}
	return 0;
}
