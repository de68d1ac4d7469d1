// SPDX-License-Identifier: GPL-2.0
/*
 * A devm action registered after the IRQ runs before devres frees the IRQ:
 * it destroys the workqueue the thread function queues on.
 */
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct bar_chip {
	struct workqueue_struct *wq;
	struct delayed_work poll;
};

static irqreturn_t bar_thread(int irq, void *data)
{
	struct bar_chip *chip = data;

	queue_delayed_work(chip->wq, &chip->poll, 0);
	return IRQ_HANDLED;
}

static void bar_poll(struct work_struct *work)
{
}

static void bar_cleanup(void *data)
{
	struct bar_chip *chip = data;

	destroy_workqueue(chip->wq); /* EXPECT */
}

static int bar_probe(struct i2c_client *client)
{
	struct bar_chip *chip;
	int ret;

	chip = devm_kzalloc(&client->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;

	chip->wq = alloc_ordered_workqueue("bar", 0);
	if (!chip->wq)
		return -ENOMEM;
	INIT_DELAYED_WORK(&chip->poll, bar_poll);

	ret = devm_request_threaded_irq(&client->dev, client->irq, NULL,
					bar_thread, IRQF_ONESHOT, "bar", chip);
	if (ret) {
		destroy_workqueue(chip->wq);
		return ret;
	}

	return devm_add_action_or_reset(&client->dev, bar_cleanup, chip);
}
