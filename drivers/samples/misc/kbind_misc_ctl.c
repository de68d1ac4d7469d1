// SPDX-License-Identifier: GPL-2.0
/*
 * kbind-misc-ctl: command-line client of the kbind misc sample.
 *
 *   kbind_misc_ctl hello       say hello, print this file's hello count
 *   kbind_misc_ctl get         print the device's value
 *   kbind_misc_ctl set VALUE   set the device's value
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "kbind_misc_sample.h"

static int bad_usage(void)
{
	fprintf(stderr, "usage: kbind_misc_ctl hello | get | set VALUE\n");
	return 2;
}

int main(int argc, char **argv)
{
	int fd, val, ret;
	char *end;

	if (argc < 2)
		return bad_usage();
	fd = open("/dev/" KB_SAMPLE_NODE, O_RDWR);
	if (fd < 0) {
		perror("/dev/" KB_SAMPLE_NODE);
		return 1;
	}
	if (!strcmp(argv[1], "hello")) {
		ret = ioctl(fd, KB_SAMPLE_HELLO);
		if (ret >= 0)
			printf("hello #%d on this open file\n", ret);
	} else if (!strcmp(argv[1], "get")) {
		ret = ioctl(fd, KB_SAMPLE_GET_VALUE, &val);
		if (!ret)
			printf("value = %d\n", val);
	} else if (!strcmp(argv[1], "set") && argc == 3) {
		errno = 0;
		val = strtol(argv[2], &end, 0);
		if (errno || *end || end == argv[2])
			return bad_usage();
		ret = ioctl(fd, KB_SAMPLE_SET_VALUE, &val);
	} else {
		return bad_usage();
	}
	if (ret < 0)
		fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
	close(fd);
	return ret < 0;
}
