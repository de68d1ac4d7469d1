// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the kbind PCI binding's BAR accessors: constant-offset
 * accesses hit the right bytes, and the try accessors refuse every access
 * that would leave the BAR or is misaligned, without touching the device.
 * The "BAR" is ordinary memory here (on x86 the MMIO accessors are plain
 * loads and stores), so no device is needed.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include <kbind/pci.h>

#define KP_LEN	32	/* the BAR's real size */

struct kp_dev {
	KB_PCI_BAR(16) regs;	/* the driver uses the first 16 bytes */
};

/* A device whose BAR 0 is @mem, as kb_pci_bar_map() would leave it. */
static void kp_fake_map(struct kp_dev *d, u8 *mem)
{
	d->regs.raw.base = (void __force __iomem *)mem;
	d->regs.raw.len = KP_LEN;
}

static u8 *kp_mem(struct kunit *test)
{
	u8 *mem = kunit_kzalloc(test, KP_LEN, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, mem);
	return mem;
}

static void constant_offsets(struct kunit *test)
{
	u8 *mem = kp_mem(test);
	struct kp_dev d;

	kp_fake_map(&d, mem);
	kb_bar_write(&d.regs, 32, 0xc, 0x11223344);
	kb_bar_write(&d.regs, 8, 0x1, 0xab);
	kb_bar_write(&d.regs, 16, 0x4, 0xbeef);
	KUNIT_EXPECT_EQ(test, mem[0xc], 0x44);
	KUNIT_EXPECT_EQ(test, mem[0xf], 0x11);
	KUNIT_EXPECT_EQ(test, mem[0x1], 0xab);
	KUNIT_EXPECT_EQ(test, kb_bar_read(&d.regs, 32, 0xc), 0x11223344U);
	KUNIT_EXPECT_EQ(test, kb_bar_read(&d.regs, 16, 0x4), 0xbeef);
	KUNIT_EXPECT_EQ(test, kb_bar_read(&d.regs, 8, 0x0), 0);
	kb_bar_write(&d.regs, 64, 0x8, 0x0102030405060708ULL);
	KUNIT_EXPECT_EQ(test, kb_bar_read(&d.regs, 64, 0x8),
			0x0102030405060708ULL);
}

static void try_accessors_bounds(struct kunit *test)
{
	u8 *mem = kp_mem(test);
	struct kp_dev d;
	u32 v32 = 0x5a5a5a5a;
	u64 v64 = 0;
	u8 v8 = 0;

	kp_fake_map(&d, mem);
	memset(mem, 0x77, KP_LEN);
	/* beyond the declared size but inside the real BAR: allowed */
	KUNIT_EXPECT_EQ(test, kb_bar_try_read(&d.regs, 32, 28, &v32), 0);
	KUNIT_EXPECT_EQ(test, v32, 0x77777777U);
	KUNIT_EXPECT_EQ(test, kb_bar_try_read(&d.regs, 8, KP_LEN - 1, &v8), 0);
	KUNIT_EXPECT_EQ(test, kb_bar_try_read(&d.regs, 64, 24, &v64), 0);
	/* past the end, straddling it, overflowing, misaligned: refused */
	v32 = 0x5a5a5a5a;
	KUNIT_EXPECT_EQ(test, kb_bar_try_read(&d.regs, 32, KP_LEN, &v32),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, kb_bar_try_read(&d.regs, 64, 28, &v64), -EINVAL);
	KUNIT_EXPECT_EQ(test, kb_bar_try_read(&d.regs, 32, SIZE_MAX - 1, &v32),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, kb_bar_try_read(&d.regs, 32, 2, &v32), -EINVAL);
	KUNIT_EXPECT_EQ(test, v32, 0x5a5a5a5aU);	/* untouched on error */
	KUNIT_EXPECT_EQ(test, kb_bar_try_write(&d.regs, 32, KP_LEN - 2, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, kb_bar_try_write(&d.regs, 16, 3, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, mem[KP_LEN - 1], 0x77);	/* nothing written */
	KUNIT_EXPECT_EQ(test, mem[3], 0x77);
	KUNIT_EXPECT_EQ(test, kb_bar_try_write(&d.regs, 8, KP_LEN - 1, 0x12), 0);
	KUNIT_EXPECT_EQ(test, mem[KP_LEN - 1], 0x12);
}

static struct kunit_case kbind_pci_cases[] = {
	KUNIT_CASE(constant_offsets),
	KUNIT_CASE(try_accessors_bounds),
	{}
};

static struct kunit_suite kbind_pci_suite = {
	.name = "kbind_pci",
	.test_cases = kbind_pci_cases,
};

kunit_test_suite(kbind_pci_suite);

MODULE_DESCRIPTION("KUnit tests of the kbind PCI binding's BAR accessors");
MODULE_LICENSE("GPL");
