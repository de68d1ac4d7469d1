// SPDX-License-Identifier: GPL-2.0
/*
 * kbind_edu_ctl: command-line client of the kbind edu sample (the first
 * bound edu device).
 *
 *   kbind_edu_ctl id           print the identification register
 *   kbind_edu_ctl live VALUE   liveness check: the device inverts VALUE
 *   kbind_edu_ctl fact N       N! computed by the device (N <= 12)
 *   kbind_edu_ctl raise        raise an interrupt, wait for the handler
 *   kbind_edu_ctl irqs         interrupts handled since the device was bound
 *   kbind_edu_ctl dma TEXT     TEXT through the device's DMA engine and back
 */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "kbind_edu.h"

static int bad_usage(void)
{
	fprintf(stderr,
		"usage: kbind_edu_ctl id | live VALUE | fact N | raise | irqs | dma TEXT\n");
	return 2;
}

static int open_edu(void)
{
	glob_t g;
	int fd;

	if (glob("/dev/kbind-edu-*", 0, NULL, &g)) {
		fprintf(stderr, "no /dev/kbind-edu-* node: is kbind_edu bound?\n");
		return -1;
	}
	fd = open(g.gl_pathv[0], O_RDWR);
	if (fd < 0)
		perror(g.gl_pathv[0]);
	globfree(&g);
	return fd;
}

static int edu_dma(const char *text)
{
	static struct kb_edu_dma d;
	size_t len = strlen(text);
	int fd, ret;

	if (!len || len > KB_EDU_DMA_MAX)
		return bad_usage();
	fd = open_edu();
	if (fd < 0)
		return 1;
	d.len = len;
	memcpy(d.data, text, len);
	ret = ioctl(fd, KB_EDU_DMA, &d);
	if (ret < 0)
		fprintf(stderr, "dma: %s\n", strerror(errno));
	else
		printf("%u bytes to the device and back: \"%.*s\"\n", d.len,
		       (int)d.len, (const char *)d.data);
	close(fd);
	return ret < 0;
}

int main(int argc, char **argv)
{
	unsigned long long irqs;
	unsigned int v = 0;
	int fd, ret;
	char *end;

	if (argc < 2)
		return bad_usage();
	if (argc == 3 && !strcmp(argv[1], "dma"))
		return edu_dma(argv[2]);
	if (argc == 3) {
		errno = 0;
		v = strtoul(argv[2], &end, 0);
		if (errno || *end || end == argv[2])
			return bad_usage();
	}
	fd = open_edu();
	if (fd < 0)
		return 1;
	if (!strcmp(argv[1], "id") && argc == 2) {
		ret = ioctl(fd, KB_EDU_GET_ID, &v);
		if (!ret)
			printf("id = %#010x (version %u.%u)\n", v, v >> 24,
			       (v >> 16) & 0xff);
	} else if (!strcmp(argv[1], "live") && argc == 3) {
		ret = ioctl(fd, KB_EDU_LIVENESS, &v);
		if (!ret)
			printf("%s -> %#x\n", argv[2], v);
	} else if (!strcmp(argv[1], "fact") && argc == 3) {
		ret = ioctl(fd, KB_EDU_FACTORIAL, &v);
		if (!ret)
			printf("%s! = %u\n", argv[2], v);
	} else if (!strcmp(argv[1], "raise") && argc == 2) {
		ret = ioctl(fd, KB_EDU_RAISE);
	} else if (!strcmp(argv[1], "irqs") && argc == 2) {
		ret = ioctl(fd, KB_EDU_GET_IRQ_COUNT, &irqs);
		if (!ret)
			printf("%llu interrupts handled\n", irqs);
	} else {
		close(fd);
		return bad_usage();
	}
	if (ret < 0)
		fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
	close(fd);
	return ret < 0;
}
