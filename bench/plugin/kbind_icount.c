// SPDX-License-Identifier: GPL-2.0
/*
 * kbind_icount: a QEMU TCG plugin counting the guest instructions executed,
 * exactly, per kernel instruction address, for "make bench".
 *
 * Every instruction gets an inline add at translation: user-space ones
 * (the lower canonical half) into one counter, kernel ones into a counter
 * of their own address, or, with syms=FILE, of the function holding them:
 * FILE lists the kernel's function start addresses (hex, one a line,
 * ascending: System.map's text symbols, the guest booted with nokaslr) and
 * its last line is the end of the kernel's text; an address there counts
 * under the greatest start at or below it. The guest delimits phases with
 * a marker instruction, "nopl 0x4b4d424b(%rax)" (bytes 0f 1f 80 4b 42 4d
 * 4b, a no-op no compiler emits: see bench/user/kbmark.c). At each marker
 * the plugin appends to the file given as out=FILE what ran since the last
 * one:
 *
 *	M <marker number, from 1>
 *	U <user-space instructions>
 *	K <kernel address or function start, hex> <instructions there>
 *	E
 *
 * and the post-processing (bench/icount.py) names the addresses from the
 * guest's symbols.
 *
 * The counts are exact only when one host thread runs every vCPU: inline
 * adds are not atomic. Run QEMU with "-accel tcg,thread=single".
 *
 * Usage: qemu-system-x86_64 -accel tcg,thread=single \
 *	-plugin kbind_icount.so,out=FILE[,syms=FILE] ...
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define KERNEL_HALF	0x8000000000000000ULL
#define CHUNK		4096	/* counters allocated at a time */

static const unsigned char marker[] = {
	0x0f, 0x1f, 0x80, 0x4b, 0x42, 0x4d, 0x4b
};

/* One kernel instruction address; never moves once allocated. */
struct site {
	unsigned long long pc;
	unsigned long long count;		/* executed, by the inline adds */
	unsigned long long seen;		/* count at the last marker */
	struct site *next;	/* in its hash bucket */
	struct site *all;	/* every site, newest first */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER; /* the table */
static struct site **buckets;
static size_t nr_buckets = 1 << 16;
static size_t nr_sites;
static struct site *sites;	/* the "all" list */
static struct site *chunk;	/* sites not yet handed out */
static size_t chunk_left;

static unsigned long long *starts;	/* syms=: function starts, then the end */
static size_t nr_starts;

static unsigned long long user_count, user_seen;
static unsigned long long markers;
static FILE *out;

static size_t hash(unsigned long long pc)
{
	return (size_t)((pc * 0x9e3779b97f4a7c15ULL) >> 40) & (nr_buckets - 1);
}

static int grow(void)
{
	size_t n = nr_buckets * 2, i;
	struct site **b = calloc(n, sizeof(*b));
	struct site *s;

	if (!b)
		return -ENOMEM;
	nr_buckets = n;
	for (s = sites; s; s = s->all) {
		i = hash(s->pc);
		s->next = b[i];
		b[i] = s;
	}
	free(buckets);
	buckets = b;
	return 0;
}

/* The counter of kernel address @pc, allocated on first use; NULL if out
 * of memory. Under lock: vCPU threads translate concurrently.
 */
static struct site *site_of(unsigned long long pc)
{
	size_t i = hash(pc);
	struct site *s;

	for (s = buckets[i]; s; s = s->next)
		if (s->pc == pc)
			return s;
	if (!chunk_left) {
		chunk = calloc(CHUNK, sizeof(*chunk));
		if (!chunk)
			return NULL;
		chunk_left = CHUNK;
	}
	s = chunk++;
	chunk_left--;
	s->pc = pc;
	s->next = buckets[i];
	buckets[i] = s;
	s->all = sites;
	sites = s;
	if (++nr_sites > nr_buckets && grow())
		return NULL;
	return s;
}

/* The function start of @pc if it is in the kernel text syms= listed. */
static unsigned long long function_of(unsigned long long pc)
{
	size_t lo = 0, hi = nr_starts, mid;

	if (nr_starts < 2 || pc < starts[0] || pc >= starts[nr_starts - 1])
		return pc;
	while (hi - lo > 1) {	/* starts[lo] <= pc < starts[hi] */
		mid = lo + (hi - lo) / 2;
		if (starts[mid] <= pc)
			lo = mid;
		else
			hi = mid;
	}
	return starts[lo];
}

static int read_syms(const char *path)
{
	FILE *f = fopen(path, "r");
	unsigned long long a;
	size_t cap = 0;

	if (!f)
		return -errno;
	while (fscanf(f, "%llx", &a) == 1) {
		if (nr_starts == cap) {
			unsigned long long *p;

			cap = cap ? cap * 2 : 65536;
			p = realloc(starts, cap * sizeof(*starts));
			if (!p) {
				fclose(f);
				return -ENOMEM;
			}
			starts = p;
		}
		if (nr_starts && a < starts[nr_starts - 1]) {
			fclose(f);
			return -EINVAL;	/* not ascending */
		}
		starts[nr_starts++] = a;
	}
	fclose(f);
	return 0;
}

static void on_marker(unsigned int vcpu, void *udata)
{
	struct site *s;

	markers++;
	fprintf(out, "M %llu\nU %llu\n", markers, user_count - user_seen);
	user_seen = user_count;
	for (s = sites; s; s = s->all) {
		if (s->count == s->seen)
			continue;
		fprintf(out, "K %llx %llu\n", s->pc, s->count - s->seen);
		s->seen = s->count;
	}
	fputs("E\n", out);
	fflush(out);
}

static bool is_marker(struct qemu_plugin_insn *insn)
{
	return qemu_plugin_insn_size(insn) == sizeof(marker) &&
	       !memcmp(qemu_plugin_insn_data(insn), marker, sizeof(marker));
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	const enum qemu_plugin_op add = QEMU_PLUGIN_INLINE_ADD_U64;
	const enum qemu_plugin_cb_flags no_regs = QEMU_PLUGIN_CB_NO_REGS;
	size_t i, n = qemu_plugin_tb_n_insns(tb);

	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		unsigned long long pc = qemu_plugin_insn_vaddr(insn);
		unsigned long long *counter = &user_count;
		struct site *s;

		if (pc >= KERNEL_HALF) {
			pthread_mutex_lock(&lock);
			s = site_of(function_of(pc));
			pthread_mutex_unlock(&lock);
			if (!s) {
				fputs("kbind_icount: out of memory\n", stderr);
				abort();
			}
			counter = &s->count;
		}
		qemu_plugin_register_vcpu_insn_exec_inline(insn, add, counter,
							   1);
		if (is_marker(insn))
			qemu_plugin_register_vcpu_insn_exec_cb(insn, on_marker,
							       no_regs, NULL);
	}
}

static void on_qemu_exit(qemu_plugin_id_t id, void *p)
{
	fclose(out);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
					   const qemu_info_t *info,
					   int argc, char **argv)
{
	const char *path = NULL;
	int i, ret;

	for (i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "out=", 4)) {
			path = argv[i] + 4;
		} else if (!strncmp(argv[i], "syms=", 5)) {
			ret = read_syms(argv[i] + 5);
			if (ret) {
				fprintf(stderr, "kbind_icount: %s: %s\n",
					argv[i] + 5, strerror(-ret));
				return ret;
			}
		} else {
			fprintf(stderr, "kbind_icount: unknown argument %s\n",
				argv[i]);
			return -EINVAL;
		}
	}
	if (!path) {
		fputs("kbind_icount: out=FILE is required\n", stderr);
		return -EINVAL;
	}
	out = fopen(path, "w");
	buckets = calloc(nr_buckets, sizeof(*buckets));
	if (!out || !buckets) {
		fprintf(stderr, "kbind_icount: %s: %s\n", path,
			strerror(errno));
		return -EINVAL;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
	qemu_plugin_register_atexit_cb(id, on_qemu_exit, NULL);
	return 0;
}
