// SPDX-License-Identifier: GPL-2.0
/*
 * Functions that own the count they take, though the file has an off
 * half that puts without getting: a start_streaming() that puts on its
 * later error path (the core calls stop_streaming() only after a start
 * that succeeded), and a void register dump that puts when it is done.
 */
#include <linux/pm_runtime.h>

struct baz {
	struct device *dev;
};

int baz_hw_start(struct baz *baz);
void baz_hw_stop(struct baz *baz);
void baz_hw_dump(struct baz *baz, u32 *regs);

static int baz_start_streaming(struct baz *baz)
{
	int ret;

	ret = pm_runtime_get_sync(baz->dev); /* EXPECT */
	if (ret < 0)
		return ret;

	ret = baz_hw_start(baz);
	if (ret)
		goto err_put;
	return 0;

err_put:
	pm_runtime_put(baz->dev);
	return ret;
}

static void baz_stop_streaming(struct baz *baz)
{
	baz_hw_stop(baz);
	pm_runtime_put(baz->dev);
}

static void baz_get_regs(struct baz *baz, u32 *regs)
{
	if (pm_runtime_get_sync(baz->dev) < 0) /* EXPECT */
		return;
	baz_hw_dump(baz, regs);
	pm_runtime_put_autosuspend(baz->dev);
}
