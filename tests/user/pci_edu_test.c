// SPDX-License-Identifier: GPL-2.0
/*
 * Guest test of the kbind edu sample on QEMU's edu device (-device edu).
 * Usage: pci_edu_test CASE.
 */
#include <glob.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "samples/pci/kbind_edu.h"
#include "kbtest.h"

#define DRV "/sys/bus/pci/drivers/kbind_edu/"
#define DEVS "/sys/bus/pci/devices/"

static char addr[32];	/* the device's PCI address, e.g. 0000:00:03.0 */

/*
 * How many unbind/bind cycles a case runs: @n, or a fifth of it on the
 * debug kernel, where one cycle takes about 1.5 s under TCG (the 100-cycle
 * stress_test case keeps the debug kernel's count there).
 */
static int cycles(int n)
{
	struct utsname u;

	CHECK(uname(&u) == 0);
	return strstr(u.release, "kbind-debug") ? n / 5 : n;
}

/* Find the bound edu device; fail the case if there is none. */
static void find_edu(void)
{
	glob_t g;

	CHECK(glob(DRV "0000:*", 0, NULL, &g) == 0 && g.gl_pathc == 1);
	snprintf(addr, sizeof(addr), "%s", g.gl_pathv[0] + strlen(DRV));
	globfree(&g);
}

static int open_edu(void)
{
	char path[64];

	snprintf(path, sizeof(path), "/dev/kbind-edu-%s", addr);
	return OPEN_RW(path);
}

static void devattr_write(const char *attr, const char *val)
{
	char path[128];

	snprintf(path, sizeof(path), DEVS "%s/%s", addr, attr);
	sysfs_write(path, val);
}

static unsigned long long irq_count(int fd)
{
	unsigned long long n = ~0ULL;

	CHECK(ioctl(fd, KB_EDU_GET_IRQ_COUNT, &n) == 0);
	return n;
}

static void identify(void)
{
	unsigned int id = 0, v = 0x12345678;
	int fd = open_edu();

	CHECK(ioctl(fd, KB_EDU_GET_ID, &id) == 0);
	CHECK(id == 0x010000ed);
	CHECK(ioctl(fd, KB_EDU_LIVENESS, &v) == 0 && v == ~0x12345678U);
	v = 0;
	CHECK(ioctl(fd, KB_EDU_LIVENESS, &v) == 0 && v == ~0U);
	CHECK_ERRNO(ioctl(fd, KB_EDU_GET_ID, NULL), EFAULT);
	CHECK_ERRNO(ioctl(fd, _IO(KB_EDU_MAGIC, 99)), ENOTTY);
	close(fd);
}

/* n! on the device, each result announced by an interrupt. */
static void factorial(void)
{
	unsigned int n, v, want = 1;
	int fd = open_edu();
	unsigned long long irqs = irq_count(fd);

	for (n = 0; n <= 12; n++) {
		want *= n ? n : 1;
		v = n;
		CHECK(ioctl(fd, KB_EDU_FACTORIAL, &v) == 0);
		CHECK(v == want);
	}
	CHECK(irq_count(fd) == irqs + 13);
	v = 13;
	CHECK_ERRNO(ioctl(fd, KB_EDU_FACTORIAL, &v), EOVERFLOW);
	CHECK(v == 13);
	CHECK_ERRNO(ioctl(fd, KB_EDU_FACTORIAL, NULL), EFAULT);
	close(fd);
}

/* Every interrupt raised is delivered and acknowledged exactly once. */
static void irq_delivery(void)
{
	int fd = open_edu(), i;
	unsigned long long irqs = irq_count(fd);

	for (i = 0; i < 200; i++)
		CHECK(ioctl(fd, KB_EDU_RAISE) == 0);
	CHECK(irq_count(fd) == irqs + 200);
	close(fd);
}

static void rebind(int i)
{
	char path[64];

	devattr_write("driver/unbind", addr);
	snprintf(path, sizeof(path), "/dev/kbind-edu-%s", addr);
	CHECK(access(path, F_OK) == -1);
	if (i % 2) {
		devattr_write("driver_override", "kbind_edu");
		sysfs_write("/sys/bus/pci/drivers_probe", addr);
		devattr_write("driver_override", "\n");
	} else {
		sysfs_write(DRV "bind", addr);
	}
}

/* 100 cycles (20 on the debug kernel), through bind and driver_override in turn. */
static void unbind_bind_100(void)
{
	unsigned int id;
	int i, fd, n = cycles(100);

	for (i = 0; i < n; i++) {
		rebind(i);
		fd = open_edu();
		CHECK(ioctl(fd, KB_EDU_GET_ID, &id) == 0 && id == 0x010000ed);
		CHECK(ioctl(fd, KB_EDU_RAISE) == 0 && irq_count(fd) == 1);
		close(fd);
	}
}

/* Another driver forced onto the device gets no match info: refused. */
static void override_other_driver(void)
{
	char path[128];

	devattr_write("driver_override", "kbind_pci_testdev");
	devattr_write("driver/unbind", addr);
	sysfs_write("/sys/bus/pci/drivers_probe", addr);
	snprintf(path, sizeof(path), DEVS "%s/driver", addr);
	CHECK(access(path, F_OK) == -1);
	devattr_write("driver_override", "\n");
	sysfs_write(DRV "bind", addr);
	CHECK(access(path, F_OK) == 0);
}

/* A file open across unbind gets -ENODEV, then closes cleanly. */
static void unbind_while_open(void)
{
	unsigned int id = 0;
	int fd = open_edu();

	CHECK(ioctl(fd, KB_EDU_RAISE) == 0);
	devattr_write("driver/unbind", addr);
	CHECK_ERRNO(ioctl(fd, KB_EDU_GET_ID, &id), ENODEV);
	CHECK_ERRNO(ioctl(fd, KB_EDU_RAISE), ENODEV);
	CHECK(close(fd) == 0);
	sysfs_write(DRV "bind", addr);
	fd = open_edu();
	CHECK(ioctl(fd, KB_EDU_GET_ID, &id) == 0 && id == 0x010000ed);
	close(fd);
}

/* Raise interrupts from two processes until unbind cuts them off. */
static void raiser(int fd)
{
	unsigned int v;
	int i;

	for (i = 0; ; i++) {
		v = 12;
		if ((i % 2 ? ioctl(fd, KB_EDU_FACTORIAL, &v) :
			     ioctl(fd, KB_EDU_RAISE)) < 0) {
			if (errno == ENODEV && i > 0)
				_exit(0);
			fprintf(stderr, "%s: call %d failed: %s\n", __func__, i,
				strerror(errno));
			_exit(1);
		}
	}
}

static void unbind_while_raising(void)
{
	struct timespec t = { 0, 300 * 1000 * 1000 };
	int fd = open_edu(), i, status;
	pid_t pids[2];

	for (i = 0; i < 2; i++) {
		pids[i] = fork();
		CHECK(pids[i] >= 0);
		if (!pids[i])
			raiser(fd);
	}
	nanosleep(&t, NULL);
	devattr_write("driver/unbind", addr);
	for (i = 0; i < 2; i++) {
		CHECK(waitpid(pids[i], &status, 0) == pids[i]);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	close(fd);
	sysfs_write(DRV "bind", addr);
	fd = open_edu();
	CHECK(ioctl(fd, KB_EDU_RAISE) == 0 && irq_count(fd) == 1);
	close(fd);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Data of @len bytes through the device's DMA engine and back. */
static int dma_round_trip(int fd, unsigned int len, unsigned int seed)
{
	static struct kb_edu_dma d, want;
	unsigned int i;

	memset(&d, 0, sizeof(d));
	d.len = len;
	for (i = 0; i < len && i < KB_EDU_DMA_MAX; i++)
		d.data[i] = (unsigned char)(seed * 31 + i * 7 + (i >> 8));
	want = d;
	if (ioctl(fd, KB_EDU_DMA, &d))
		return -1;
	CHECK(d.len == len);
	CHECK(!memcmp(d.data, want.data, len));
	return 0;
}

/*
 * The coherent buffer goes to the device and the streaming one comes
 * back, within the 28 bits the device drives (a kernel warning for an
 * address beyond them would fail the case); bad lengths are refused
 * before the device sees them.
 */
static void dma_both_ways(void)
{
	static struct kb_edu_dma d;
	int fd = open_edu();

	CHECK(dma_round_trip(fd, 1, 1) == 0);
	CHECK(dma_round_trip(fd, 1000, 2) == 0);
	CHECK(dma_round_trip(fd, KB_EDU_DMA_MAX, 3) == 0);
	d.len = 0;
	CHECK_ERRNO(ioctl(fd, KB_EDU_DMA, &d), EINVAL);
	d.len = KB_EDU_DMA_MAX + 1;
	CHECK_ERRNO(ioctl(fd, KB_EDU_DMA, &d), EINVAL);
	CHECK(dma_round_trip(fd, 17, 4) == 0);
	close(fd);
}

/*
 * Unbind while a transfer is in flight (each takes 100 ms of the device's
 * time): the caller gets ENODEV, unbind waits for the engine (bounded)
 * before bus mastering is cleared and the buffers are freed, and the next
 * bind transfers again.
 */
static void unbind_during_dma(void)
{
	struct timespec t = { 0, 0 };
	int fd, i, status;
	double t0;
	pid_t pid;

	for (i = 0; i < 5; i++) {
		fd = open_edu();
		pid = fork();
		CHECK(pid >= 0);
		if (!pid) {
			for (;;)
				if (dma_round_trip(fd, KB_EDU_DMA_MAX, i))
					_exit(errno == ENODEV ? 0 : 1);
		}
		t.tv_nsec = (50 + 60 * i) * 1000 * 1000;
		nanosleep(&t, NULL);
		t0 = now_ms();
		devattr_write("driver/unbind", addr);
		CHECK(now_ms() - t0 < 10000);
		CHECK(waitpid(pid, &status, 0) == pid);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		close(fd);
		/*
		 * Past the 100 ms a transfer takes: one that kept running
		 * after the buffers were freed has landed in them by now,
		 * and the bind below reallocates them (page poisoning on
		 * the debug kernel reports it).
		 */
		t.tv_nsec = 300 * 1000 * 1000;
		nanosleep(&t, NULL);
		sysfs_write(DRV "bind", addr);
		fd = open_edu();
		CHECK(dma_round_trip(fd, 64, i) == 0);
		close(fd);
	}
}

static short poll_events(int fd, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	CHECK(poll(&p, 1, timeout_ms) >= 0);
	return p.revents;
}

/*
 * The node polls readable once an interrupt came since the file last read
 * the count, and sends SIGIO to a file opened for it.
 */
static void poll_and_sigio(void)
{
	struct timespec t = { 5, 0 };
	int fd = open_edu();
	sigset_t io;

	irq_count(fd);
	CHECK(poll_events(fd, 0) == 0);
	CHECK(ioctl(fd, KB_EDU_RAISE) == 0);
	CHECK(poll_events(fd, 1000) == POLLIN);
	irq_count(fd);
	CHECK(poll_events(fd, 0) == 0);

	sigemptyset(&io);
	sigaddset(&io, SIGIO);
	CHECK(sigprocmask(SIG_BLOCK, &io, NULL) == 0);
	CHECK(fcntl(fd, F_SETOWN, getpid()) == 0);
	CHECK(fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_ASYNC) == 0);
	CHECK(ioctl(fd, KB_EDU_RAISE) == 0);
	CHECK(sigtimedwait(&io, NULL, &t) == SIGIO);
	close(fd);
}

/*
 * poll(2) and epoll_wait() sleeping on the node when the device is
 * unbound: both wake with an error and hang-up, and the epoll instance
 * and the file are closed after the owner's data is gone (their wait
 * entries are on the node, which lives until the last close).
 */
static void unbind_while_polling(void)
{
	struct epoll_event ev = { .events = EPOLLIN }, got;
	int fd = open_edu(), ep, i, status;
	pid_t pids[2];

	irq_count(fd);
	ep = epoll_create1(0);
	CHECK(ep >= 0);
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0);
	for (i = 0; i < 2; i++) {
		pids[i] = fork();
		CHECK(pids[i] >= 0);
		if (!pids[i] && !i)
			_exit(poll_events(fd, 20000) == (POLLERR | POLLHUP) ?
			      0 : 1);
		if (!pids[i])
			_exit(epoll_wait(ep, &got, 1, 20000) == 1 &&
			      (got.events & (EPOLLERR | EPOLLHUP)) ? 0 : 1);
	}
	usleep(300000);
	devattr_write("driver/unbind", addr);
	for (i = 0; i < 2; i++) {
		CHECK(waitpid(pids[i], &status, 0) == pids[i]);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	CHECK(poll_events(fd, 0) == (POLLERR | POLLHUP));
	CHECK(close(ep) == 0);
	CHECK(close(fd) == 0);
	sysfs_write(DRV "bind", addr);
	fd = open_edu();
	CHECK(poll_events(fd, 0) == 0);
	close(fd);
}

/* Read (or write) *@p in a child; true if the child died of SIGBUS. */
static int child_gets_sigbus(unsigned int *p, int write)
{
	int status;
	pid_t pid = fork();

	CHECK(pid >= 0);
	if (!pid) {
		/* atomics: the compiler must not drop the access */
		if (write)
			__atomic_store_n(p, 1, __ATOMIC_RELAXED);
		_exit(__atomic_load_n(p, __ATOMIC_RELAXED) == 0xdead ? 2 : 0);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS;
}

/*
 * The registers map read-only (writable refused, mprotect too), the DMA
 * buffer read-write and shows what KB_EDU_DMA sent; lengths and offsets
 * beyond them are refused.
 */
static void mmap_regs_and_dma(void)
{
	static struct kb_edu_dma d = { .len = 11, .data = "hello edu\n" };
	int fd = open_edu();
	unsigned int *regs;
	char *buf;

	regs = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, KB_EDU_MMAP_REGS);
	CHECK(regs != MAP_FAILED);
	CHECK(regs[0] == 0x010000ed);
	CHECK(mprotect(regs, 4096, PROT_READ | PROT_WRITE) == -1);
	CHECK(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   KB_EDU_MMAP_REGS) == MAP_FAILED && errno == EACCES);
	buf = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   KB_EDU_MMAP_DMA);
	CHECK(buf != MAP_FAILED);
	CHECK(ioctl(fd, KB_EDU_DMA, &d) == 0);
	CHECK(!memcmp(buf, "hello edu\n", 11));
	CHECK(mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd,
		   KB_EDU_MMAP_DMA) == MAP_FAILED && errno == EINVAL);
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd,
		   8192) == MAP_FAILED && errno == EINVAL);
	CHECK(munmap(regs, 4096) == 0 && munmap(buf, 4096) == 0);
	close(fd);
}

/*
 * Unbind with both mappings alive: they are zapped before the BAR is
 * unmapped and the buffer freed; a process touching them afterwards gets
 * SIGBUS (on the debug kernel, page poisoning would report a write that
 * reached the freed buffer); munmap and close still work.
 */
static void unbind_while_mapped(void)
{
	unsigned int *regs, *buf;
	int fd = open_edu();

	regs = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, KB_EDU_MMAP_REGS);
	buf = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   KB_EDU_MMAP_DMA);
	CHECK(regs != MAP_FAILED && buf != MAP_FAILED);
	CHECK(!child_gets_sigbus(regs, 0) && !child_gets_sigbus(buf, 1));
	devattr_write("driver/unbind", addr);
	CHECK(child_gets_sigbus(regs, 0));
	CHECK(child_gets_sigbus(buf, 0));
	CHECK(child_gets_sigbus(buf, 1));
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd,
		   KB_EDU_MMAP_REGS) == MAP_FAILED && errno == ENODEV);
	CHECK(munmap(regs, 4096) == 0 && munmap(buf, 4096) == 0);
	CHECK(close(fd) == 0);
	sysfs_write(DRV "bind", addr);
	fd = open_edu();
	regs = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, KB_EDU_MMAP_REGS);
	CHECK(regs != MAP_FAILED && regs[0] == 0x010000ed);
	munmap(regs, 4096);
	close(fd);
}

/*
 * Reset the function from two processes while the device is unbound and
 * bound 50 times (10 on the debug kernel): the reset takes device_lock, which unbind holds while it
 * waits for the operation; kbind's reset gives up with ENODEV instead of
 * deadlocking. Other answers: 0, or ENOTTY where the function has no reset
 * method (it still contends for the lock); ENOENT while the node is gone.
 */
static void resetter(int *stop)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/dev/kbind-edu-%s", addr);
	while (!__atomic_load_n(stop, __ATOMIC_RELAXED)) {
		fd = open(path, O_RDWR);
		if (fd < 0) {
			if (errno != ENOENT && errno != ENODEV)
				_exit(1);
			usleep(1000);
			continue;
		}
		while (!__atomic_load_n(stop, __ATOMIC_RELAXED) &&
		       (ioctl(fd, KB_EDU_RESET) == 0 || errno == ENOTTY))
			;
		if (!__atomic_load_n(stop, __ATOMIC_RELAXED) && errno != ENODEV)
			_exit(2);
		close(fd);
	}
	_exit(0);
}

static void reset_while_unbinding(void)
{
	int *stop = mmap(NULL, sizeof(*stop), PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int i, status, n = cycles(50);
	pid_t pids[2];

	CHECK(stop != MAP_FAILED);
	for (i = 0; i < 2; i++) {
		pids[i] = fork();
		CHECK(pids[i] >= 0);
		if (!pids[i])
			resetter(stop);
	}
	for (i = 0; i < n; i++) {
		usleep(2000);
		devattr_write("driver/unbind", addr);
		sysfs_write(DRV "bind", addr);
	}
	__atomic_store_n(stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < 2; i++) {
		CHECK(waitpid(pids[i], &status, 0) == pids[i]);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	i = open_edu();
	CHECK(ioctl(i, KB_EDU_RAISE) == 0);
	close(i);
}

static const struct kbtest_case cases[] = {
	{ "identify", identify },
	{ "factorial", factorial },
	{ "irq_delivery", irq_delivery },
	{ "unbind_bind_100", unbind_bind_100 },
	{ "override_other_driver", override_other_driver },
	{ "unbind_while_open", unbind_while_open },
	{ "unbind_while_raising", unbind_while_raising },
	{ "reset_while_unbinding", reset_while_unbinding },
	{ "dma_both_ways", dma_both_ways },
	{ "unbind_during_dma", unbind_during_dma },
	{ "poll_and_sigio", poll_and_sigio },
	{ "unbind_while_polling", unbind_while_polling },
	{ "mmap_regs_and_dma", mmap_regs_and_dma },
	{ "unbind_while_mapped", unbind_while_mapped },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	if (argc >= 2)
		find_edu();
	return kbtest_main(cases, argc, argv);
}
