// SPDX-License-Identifier: GPL-2.0
/*
 * Probe errors after misc_register() unwind through misc_deregister(), or
 * a devm action owns the deregistration; remove deregisters before freeing.
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct fifo {
	struct miscdevice miscdev;
	void *buf;
	int irq;
};

static const struct file_operations fifo_fops = {
	.owner = THIS_MODULE,
};

static void fifo_dereg(void *data)
{
	misc_deregister(data);
}

static int fifo_probe(struct platform_device *pdev)
{
	struct fifo *f;
	int rc;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->miscdev.minor = MISC_DYNAMIC_MINOR;
	f->miscdev.name = "fifo";
	f->miscdev.fops = &fifo_fops;
	rc = misc_register(&f->miscdev);
	if (rc)
		goto err_free;

	f->buf = kmalloc(4096, GFP_KERNEL);
	if (!f->buf) {
		rc = -ENOMEM;
		goto err_dereg;
	}
	f->irq = platform_get_irq(pdev, 0);
	if (f->irq < 0) {
		rc = f->irq;
		goto err_buf;
	}
	platform_set_drvdata(pdev, f);
	return 0;

err_buf:
	kfree(f->buf);
err_dereg:
	misc_deregister(&f->miscdev);
err_free:
	kfree(f);
	return rc;
}

static int fifo2_probe(struct platform_device *pdev, struct fifo *f)
{
	int rc;

	rc = misc_register(&f->miscdev);
	if (rc < 0)
		return rc;
	rc = devm_add_action_or_reset(&pdev->dev, fifo_dereg, &f->miscdev);
	if (rc)
		return rc;
	f->irq = platform_get_irq(pdev, 0);
	if (f->irq < 0)
		return f->irq;
	return 0;
}

/* serio_raw shape: a busy fixed minor is retried with a dynamic one */
static int fifo3_probe(struct platform_device *pdev, struct fifo *f)
{
	int err;

	err = misc_register(&f->miscdev);
	if (err) {
		f->miscdev.minor = MISC_DYNAMIC_MINOR;
		err = misc_register(&f->miscdev);
	}
	if (err) {
		dev_err(&pdev->dev, "failed to register\n");
		goto err_free;
	}
	return 0;

err_free:
	kfree(f);
	return err;
}

static void fifo_remove(struct platform_device *pdev)
{
	struct fifo *f = platform_get_drvdata(pdev);

	misc_deregister(&f->miscdev);
	kfree(f->buf);
	kfree(f);
}

static struct platform_driver fifo_driver = {
	.probe = fifo_probe,
	.remove_new = fifo_remove,
	.driver = {
		.name = "fifo",
	},
};
module_platform_driver(fifo_driver);
