// SPDX-License-Identifier: GPL-2.0
/*
 * A power-on/power-off pair (venus' poweron_coreid() and
 * poweroff_coreid()): the caller records that the core is on before it
 * calls the on half and calls the off half when it releases the core,
 * whether the on half failed or not. The off half puts the count, so a
 * put on the on half's error path would underflow it.
 */
#include <linux/pm_runtime.h>

struct foo_core {
	struct device *pd_devs[3];
	bool acquired;
};

int foo_core_control(struct foo_core *core, int id, bool on);

static int foo_poweron(struct foo_core *core)
{
	int ret;

	ret = pm_runtime_get_sync(core->pd_devs[1]);
	if (ret < 0)
		return ret;

	ret = foo_core_control(core, 1, true);
	if (ret)
		return ret;
	return 0;
}

static int foo_poweroff(struct foo_core *core)
{
	int ret;

	ret = foo_core_control(core, 1, false);
	if (ret)
		return ret;

	ret = pm_runtime_put_sync(core->pd_devs[1]);
	if (ret < 0)
		return ret;
	return 0;
}

int foo_acquire(struct foo_core *core)
{
	core->acquired = true;
	return foo_poweron(core);
}

void foo_release(struct foo_core *core)
{
	if (core->acquired)
		foo_poweroff(core);
	core->acquired = false;
}
