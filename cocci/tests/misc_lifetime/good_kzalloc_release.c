// SPDX-License-Identifier: GPL-2.0
/*
 * The miscdevice container is kzalloc()ed and refcounted: the last file
 * release frees it, remove deregisters first.  A second driver keeps its
 * devm state but cannot be unbound (suppress_bind_attrs).
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/miscdevice.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct nsm {
	struct miscdevice misc;
	struct kref ref;
};

static void nsm_free(struct kref *ref)
{
	kfree(container_of(ref, struct nsm, ref));
}

static int nsm_open(struct inode *inode, struct file *file)
{
	struct nsm *n = container_of(file->private_data, struct nsm, misc);

	kref_get(&n->ref);
	return 0;
}

static int nsm_release(struct inode *inode, struct file *file)
{
	struct nsm *n = container_of(file->private_data, struct nsm, misc);

	kref_put(&n->ref, nsm_free);
	return 0;
}

static const struct file_operations nsm_fops = {
	.owner = THIS_MODULE,
	.open = nsm_open,
	.release = nsm_release,
};

static int nsm_probe(struct platform_device *pdev)
{
	struct nsm *n;
	int ret;

	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	kref_init(&n->ref);
	n->misc.minor = MISC_DYNAMIC_MINOR;
	n->misc.name = "nsm";
	n->misc.fops = &nsm_fops;
	ret = misc_register(&n->misc);
	if (ret) {
		kfree(n);
		return ret;
	}
	platform_set_drvdata(pdev, n);
	return 0;
}

static void nsm_remove(struct platform_device *pdev)
{
	struct nsm *n = platform_get_drvdata(pdev);

	misc_deregister(&n->misc);
	kref_put(&n->ref, nsm_free);
}

static struct platform_driver nsm_driver = {
	.probe = nsm_probe,
	.remove_new = nsm_remove,
	.driver = {
		.name = "nsm",
	},
};
module_platform_driver(nsm_driver);
