// SPDX-License-Identifier: GPL-2.0
/*
 * Guest test of kbind null_blk's zoned mode through the zone ioctls:
 * report, open, close, finish and reset, with direct I/O at and off the
 * write pointer. Usage: nullb_zoned_test CASE; the device is $ZDEV
 * (/dev/kbnullb0), and its configfs directory $ZCFS for ro_offline. Each
 * case names the configuration it expects.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/blkzoned.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "kbtest.h"

#define MIB_SECTS	2048ULL	/* 512-byte sectors in a MiB */

static const char *zdev(void)
{
	const char *d = getenv("ZDEV");

	return d ? d : "/dev/kbnullb0";
}

static int dev_open(void)
{
	int fd = open(zdev(), O_RDWR | O_DIRECT);

	CHECK(fd >= 0);
	return fd;
}

/* Zone @zno of a device whose zones are @zsects sectors. */
static struct blk_zone zone_get(int fd, unsigned long long zsects,
				unsigned int zno)
{
	struct {
		struct blk_zone_report rep;
		struct blk_zone zone;
	} r;

	memset(&r, 0, sizeof(r));
	r.rep.sector = zsects * zno;
	r.rep.nr_zones = 1;
	CHECK(ioctl(fd, BLKREPORTZONE, &r) == 0);
	CHECK(r.rep.nr_zones == 1);
	CHECK(r.rep.flags & BLK_ZONE_REP_CAPACITY);
	CHECK(r.zone.start == zsects * zno);
	return r.zone;
}

static int zone_op(int fd, unsigned long op, unsigned long long zsects,
		   unsigned int zno)
{
	struct blk_zone_range range = { zsects * zno, zsects };

	return ioctl(fd, op, &range);
}

static void *buf_get(size_t len, int c)
{
	void *p;

	CHECK(!posix_memalign(&p, 4096, len));
	memset(p, c, len);
	return p;
}

static ssize_t write_at(int fd, unsigned long long sector, size_t len, int c)
{
	void *p = buf_get(len, c);
	ssize_t n = pwrite(fd, p, len, sector * 512);

	free(p);
	return n;
}

/* Report the zone at @sector, for nothing but that. */
static void zone_sync(int fd, unsigned long long sector)
{
	struct {
		struct blk_zone_report rep;
		struct blk_zone zone;
	} r;

	memset(&r, 0, sizeof(r));
	r.rep.sector = sector;
	r.rep.nr_zones = 1;
	CHECK(ioctl(fd, BLKREPORTZONE, &r) == 0);
}

/*
 * A write expected to fail with @err. 6.10+ then stop writes to the zone
 * until a zone report (or reset, finish) syncs its write pointer again:
 * report it.
 */
static void write_fails(int fd, unsigned long long sector, size_t len,
			int err)
{
	CHECK_ERRNO(write_at(fd, sector, len, 'x'), err);
	zone_sync(fd, sector);
}

/* Whether the @len bytes at @sector are all @c. */
static int reads_as(int fd, unsigned long long sector, size_t len, int c)
{
	unsigned char *p = buf_get(len, ~c);
	size_t i;
	int ok = pread(fd, p, len, sector * 512) == (ssize_t)len;

	for (i = 0; ok && i < len; i++)
		ok = p[i] == (unsigned char)c;
	free(p);
	return ok;
}

#define ZS	(4 * MIB_SECTS)		/* zone_size=4 */

/*
 * zoned=1 memory_backed=1 gb=1 zone_size=4 zone_capacity=2 zone_nr_conv=2:
 * the zone geometry and every transition of a sequential zone.
 */
static void states(void)
{
	int fd = dev_open();
	struct blk_zone z;
	unsigned int i;
	__u32 nr;

	CHECK(ioctl(fd, BLKGETNRZONES, &nr) == 0 && nr == 256);
	CHECK(ioctl(fd, BLKGETZONESZ, &nr) == 0 && nr == ZS);
	for (i = 0; i < 256; i += 85) {
		z = zone_get(fd, ZS, i);
		CHECK(z.len == ZS);
		if (i < 2) {
			CHECK(z.type == BLK_ZONE_TYPE_CONVENTIONAL);
			CHECK(z.cond == BLK_ZONE_COND_NOT_WP);
			CHECK(z.capacity == ZS);
		} else {
			CHECK(z.type == BLK_ZONE_TYPE_SEQWRITE_REQ);
			CHECK(z.cond == BLK_ZONE_COND_EMPTY);
			CHECK(z.wp == z.start && z.capacity == ZS / 2);
		}
	}
	z = zone_get(fd, ZS, 1);
	CHECK(z.cond == BLK_ZONE_COND_NOT_WP);
	/* conventional: anywhere, and no zone operation */
	CHECK(write_at(fd, ZS + 800, 8192, 'c') == 8192);
	CHECK(reads_as(fd, ZS + 800, 8192, 'c'));
	CHECK(zone_op(fd, BLKRESETZONE, ZS, 1) == -1);
	CHECK(zone_op(fd, BLKOPENZONE, ZS, 1) == -1);

	/* at the write pointer only; data below it, 0xff above */
	CHECK(write_at(fd, ZS * 2, 65536, 'a') == 65536);
	z = zone_get(fd, ZS, 2);
	CHECK(z.cond == BLK_ZONE_COND_IMP_OPEN && z.wp == z.start + 128);
	write_fails(fd, ZS * 2, 4096, EIO);
	write_fails(fd, ZS * 2 + 136, 4096, EIO);
	CHECK(write_at(fd, ZS * 2 + 128, 4096, 'b') == 4096);
	CHECK(reads_as(fd, ZS * 2, 65536, 'a'));
	CHECK(reads_as(fd, ZS * 2 + 128, 4096, 'b'));
	CHECK(reads_as(fd, ZS * 2 + 136, 4096, 0xff));

	CHECK(zone_op(fd, BLKCLOSEZONE, ZS, 2) == 0);
	CHECK(zone_get(fd, ZS, 2).cond == BLK_ZONE_COND_CLOSED);
	CHECK(zone_op(fd, BLKCLOSEZONE, ZS, 2) == 0);	/* closed: no error */
	CHECK(zone_op(fd, BLKOPENZONE, ZS, 2) == 0);
	CHECK(zone_get(fd, ZS, 2).cond == BLK_ZONE_COND_EXP_OPEN);
	CHECK(zone_op(fd, BLKOPENZONE, ZS, 2) == 0);
	CHECK(zone_op(fd, BLKFINISHZONE, ZS, 2) == 0);
	z = zone_get(fd, ZS, 2);
	CHECK(z.cond == BLK_ZONE_COND_FULL && z.wp == z.start + z.len);
	write_fails(fd, z.wp - 8, 4096, EIO);
	CHECK(zone_op(fd, BLKOPENZONE, ZS, 2) == -1);
	CHECK(zone_op(fd, BLKCLOSEZONE, ZS, 2) == -1);
	CHECK(zone_op(fd, BLKRESETZONE, ZS, 2) == 0);
	z = zone_get(fd, ZS, 2);
	CHECK(z.cond == BLK_ZONE_COND_EMPTY && z.wp == z.start);
	CHECK(reads_as(fd, ZS * 2, 65536, 0xff));	/* data gone */

	/* an empty zone closes to empty; open then close */
	CHECK(zone_op(fd, BLKOPENZONE, ZS, 3) == 0);
	CHECK(zone_op(fd, BLKCLOSEZONE, ZS, 3) == 0);
	CHECK(zone_get(fd, ZS, 3).cond == BLK_ZONE_COND_EMPTY);
	CHECK(zone_op(fd, BLKCLOSEZONE, ZS, 3) == -1);

	/* the capacity: full at 2 MiB, nothing past it */
	CHECK(write_at(fd, ZS * 4, 1 << 20, 'd') == 1 << 20);
	CHECK(write_at(fd, ZS * 4 + MIB_SECTS, 1 << 20, 'e') == 1 << 20);
	z = zone_get(fd, ZS, 4);
	CHECK(z.cond == BLK_ZONE_COND_FULL && z.wp == z.start + ZS / 2);
	write_fails(fd, ZS * 4 + ZS / 2, 4096, EIO);
	CHECK(reads_as(fd, ZS * 4 + MIB_SECTS, 1 << 20, 'e'));

	/* reset of the whole device: every sequential zone, not the rest */
	CHECK(write_at(fd, ZS * 200, 4096, 'f') == 4096);
	{
		struct blk_zone_range all = { 0, 256 * ZS };

		CHECK(ioctl(fd, BLKRESETZONE, &all) == 0);
	}
	for (i = 2; i < 256; i++) {
		z = zone_get(fd, ZS, i);
		CHECK(z.cond == BLK_ZONE_COND_EMPTY && z.wp == z.start);
	}
	CHECK(reads_as(fd, ZS + 800, 8192, 'c'));
	close(fd);
}

/*
 * zoned=1 gb=1 zone_size=4 zone_max_open=2 zone_max_active=3: implicit
 * closes, and the open and active limits' errors.
 */
static void limits(void)
{
	int fd = dev_open();

	CHECK(write_at(fd, 0, 4096, 'a') == 4096);
	CHECK(write_at(fd, ZS, 4096, 'a') == 4096);
	CHECK(zone_op(fd, BLKOPENZONE, ZS, 0) == 0);	/* imp -> exp */
	CHECK(zone_get(fd, ZS, 0).cond == BLK_ZONE_COND_EXP_OPEN);
	CHECK(zone_get(fd, ZS, 1).cond == BLK_ZONE_COND_IMP_OPEN);
	/* open limit: the implicitly open zone 1 is closed for zone 2 */
	CHECK(write_at(fd, ZS * 2, 4096, 'a') == 4096);
	CHECK(zone_get(fd, ZS, 1).cond == BLK_ZONE_COND_CLOSED);
	CHECK(zone_get(fd, ZS, 2).cond == BLK_ZONE_COND_IMP_OPEN);
	/* active limit: 3 (exp 0, closed 1, imp 2) */
	write_fails(fd, ZS * 3, 4096, EOVERFLOW);
	CHECK_ERRNO(zone_op(fd, BLKOPENZONE, ZS, 3), EOVERFLOW);
	/* reopening 1: closing 2 for it would need an active slot (stock) */
	CHECK_ERRNO(zone_op(fd, BLKOPENZONE, ZS, 1), ETOOMANYREFS);
	/* two explicitly open: no implicitly open one to close */
	CHECK(zone_op(fd, BLKOPENZONE, ZS, 2) == 0);
	CHECK_ERRNO(zone_op(fd, BLKOPENZONE, ZS, 1), ETOOMANYREFS);
	write_fails(fd, ZS + 8, 4096, ETOOMANYREFS);
	/* finishing gives the resources back */
	CHECK(zone_op(fd, BLKFINISHZONE, ZS, 0) == 0);
	CHECK(write_at(fd, ZS + 8, 4096, 'a') == 4096);
	CHECK(zone_get(fd, ZS, 1).cond == BLK_ZONE_COND_IMP_OPEN);
	CHECK(zone_op(fd, BLKRESETZONE, ZS, 2) == 0);
	CHECK(zone_op(fd, BLKRESETZONE, ZS, 1) == 0);
	CHECK(write_at(fd, ZS * 3, 4096, 'a') == 4096);
	CHECK(write_at(fd, ZS * 4, 4096, 'a') == 4096);
	close(fd);
}

static void cfs_write(const char *attr, const char *val, int err)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", getenv("ZCFS"), attr);
	if (err)
		sysfs_write_fails(path, val, err);
	else
		sysfs_write(path, val);
}

/*
 * A configfs device, zoned memory_backed size=64 zone_size=4
 * zone_nr_conv=1, powered: zone_readonly and zone_offline.
 */
static void ro_offline(void)
{
	int fd = dev_open();
	char s[32];
	struct blk_zone z;

	CHECK(write_at(fd, ZS, 8192, 'r') == 8192);
	snprintf(s, sizeof(s), "%llu", ZS + 5);
	cfs_write("zone_readonly", s, 0);
	z = zone_get(fd, ZS, 1);
	CHECK(z.cond == BLK_ZONE_COND_READONLY);
	write_fails(fd, ZS + 16, 4096, EIO);
	CHECK(reads_as(fd, ZS, 8192, 'r'));
	CHECK(zone_op(fd, BLKRESETZONE, ZS, 1) == -1);
	cfs_write("zone_readonly", s, 0);	/* again: back to empty */
	z = zone_get(fd, ZS, 1);
	CHECK(z.cond == BLK_ZONE_COND_EMPTY && z.wp == z.start);
	CHECK(write_at(fd, ZS, 4096, 'r') == 4096);

	snprintf(s, sizeof(s), "0x%llx", ZS * 2);
	cfs_write("zone_offline", s, 0);
	CHECK(zone_get(fd, ZS, 2).cond == BLK_ZONE_COND_OFFLINE);
	CHECK_ERRNO(pread(fd, buf_get(4096, 0), 4096, ZS * 2 * 512), EIO);
	write_fails(fd, ZS * 2, 4096, EIO);
	CHECK(zone_op(fd, BLKOPENZONE, ZS, 2) == -1);
	cfs_write("zone_offline", s, 0);
	CHECK(zone_get(fd, ZS, 2).cond == BLK_ZONE_COND_EMPTY);

	cfs_write("zone_offline", "0", EINVAL);		/* conventional */
	cfs_write("zone_readonly", "131072", EINVAL);	/* past the end */
	cfs_write("zone_readonly", "zone", EINVAL);
	close(fd);
}

/* zone_full=1 (and zone_size=4 zone_nr_conv=2): sequential zones full. */
static void full(void)
{
	int fd = dev_open();
	struct blk_zone z = zone_get(fd, ZS, 2);

	CHECK(z.cond == BLK_ZONE_COND_FULL && z.wp == z.start + z.capacity);
	CHECK(zone_get(fd, ZS, 1).cond == BLK_ZONE_COND_NOT_WP);
	write_fails(fd, ZS * 2, 4096, EIO);
	CHECK(zone_op(fd, BLKRESETZONE, ZS, 2) == 0);
	CHECK(write_at(fd, ZS * 2, 4096, 'a') == 4096);
	close(fd);
}

static const struct kbtest_case cases[] = {
	{ "states", states },
	{ "limits", limits },
	{ "ro_offline", ro_offline },
	{ "full", full },
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	return kbtest_main(cases, argc, argv);
}
