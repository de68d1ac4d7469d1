// SPDX-License-Identifier: GPL-2.0
/*
 * Error paths that kfree() devm memory, as in a pinctrl driver that
 * shrinks a devm_kcalloc() table with devm_krealloc_array(), and a name
 * from devm_kasprintf() dropped when registration fails.
 */
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>

struct rp_func {
	const char *name;
	unsigned int ngroups;
};

struct rp_priv {
	struct device *dev;
	unsigned int npins;
	unsigned int nfuncs;
	struct rp_func *funcs;
};

static int rp_build_functions(struct rp_priv *rp)
{
	struct rp_func *funcs, *new_funcs;

	funcs = devm_kcalloc(rp->dev, rp->npins * 8, sizeof(*funcs),
			     GFP_KERNEL);
	if (!funcs)
		return -ENOMEM;

	rp->nfuncs = rp->npins;

	new_funcs = devm_krealloc_array(rp->dev, funcs, rp->nfuncs,
					sizeof(*new_funcs), GFP_KERNEL);
	if (!new_funcs) {
		kfree(funcs); /* EXPECT */
		return -ENOMEM;
	}
	rp->funcs = new_funcs;
	return 0;
}

static int rp_register(struct rp_priv *rp, int id);

static int rp_add_port(struct rp_priv *rp, int id)
{
	char *name;
	int ret;

	name = devm_kasprintf(rp->dev, GFP_KERNEL, "rp-port%d", id);
	if (!name)
		return -ENOMEM;

	ret = rp_register(rp, id);
	if (ret)
		goto err_name;
	return 0;

err_name:
	kfree_sensitive(name); /* EXPECT */
	return ret;
}
