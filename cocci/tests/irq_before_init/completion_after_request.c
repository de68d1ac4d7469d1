// SPDX-License-Identifier: GPL-2.0
/*
 * The thread function completes, on every interrupt, a completion
 * initialised only after the request: an interrupt left pending before
 * probe walks its uninitialised wait list.  Reported.
 */
#include <linux/completion.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>

struct bar_chip {
	struct i2c_client *client;
	struct completion data_ready;
	struct mutex lock;
};

static irqreturn_t bar_thread(int irq, void *data)
{
	struct bar_chip *chip = data;

	complete(&chip->data_ready);
	return IRQ_HANDLED;
}

static int bar_probe(struct i2c_client *client)
{
	struct bar_chip *chip;
	int ret;

	chip = devm_kzalloc(&client->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;
	chip->client = client;
	mutex_init(&chip->lock);

	if (client->irq > 0) {
		ret = request_threaded_irq(client->irq, NULL, bar_thread, /* EXPECT */
					   IRQF_ONESHOT, "bar", chip);
		if (ret)
			return ret;
	}

	init_completion(&chip->data_ready);
	i2c_set_clientdata(client, chip);
	return 0;
}
