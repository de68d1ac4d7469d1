// SPDX-License-Identifier: GPL-2.0
/*
 * kb_insmod FILE.ko [PARAMS]: load a module with one finit_module() call.
 *
 * busybox's insmod retries a failed finit_module() with init_module(), so a
 * module whose init failed once (an injected fault) gets a second, clean
 * init. The fault sweep needs exactly one.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd;

	if (argc < 2) {
		fprintf(stderr, "usage: kb_insmod FILE.ko [PARAMS]\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0 || syscall(SYS_finit_module, fd, argc > 2 ? argv[2] : "", 0)) {
		fprintf(stderr, "kb_insmod: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	return 0;
}
