// SPDX-License-Identifier: GPL-2.0
/*
 * anx7625's shape: the devm IRQ is requested IRQF_NO_AUTOEN, but probe
 * enables it itself once set up, so it is live when remove cancels the
 * work it queues: reported.
 */
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct foo {
	int irq;
	struct workqueue_struct *wq;
	struct work_struct work;
};

static irqreturn_t foo_intr(int irq, void *data)
{
	struct foo *foo = data;

	queue_work(foo->wq, &foo->work);
	return IRQ_HANDLED;
}

static int foo_probe(struct i2c_client *client)
{
	struct foo *foo = i2c_get_clientdata(client);
	int ret;

	ret = devm_request_threaded_irq(&client->dev, foo->irq, NULL, foo_intr,
					IRQF_ONESHOT | IRQF_NO_AUTOEN, "foo", foo);
	if (ret)
		return ret;
	enable_irq(foo->irq);
	return 0;
}

static void foo_remove(struct i2c_client *client)
{
	struct foo *foo = i2c_get_clientdata(client);

	destroy_workqueue(foo->wq); /* EXPECT */
}

static struct i2c_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
};
