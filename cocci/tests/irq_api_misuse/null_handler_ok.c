// SPDX-License-Identifier: GPL-2.0
/*
 * Threaded requests that are fine or cannot be judged: IRQF_ONESHOT in any
 * position (directly, through a macro, or in a variable), a real primary
 * handler, flags from the firmware (irq_get_trigger_type()), from a
 * parameter or from a variable that is or-ed into.
 */
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/irq.h>

#define GOOD_IRQF	(IRQF_TRIGGER_LOW | IRQF_ONESHOT)

struct good_chip {
	struct i2c_client *client;
	int irq2;
};

static irqreturn_t good_hard(int irq, void *data)
{
	return IRQ_WAKE_THREAD;
}

static irqreturn_t good_thread(int irq, void *data)
{
	return IRQ_HANDLED;
}

static int good_setup_irq(struct good_chip *chip, unsigned long irqflags)
{
	return devm_request_threaded_irq(&chip->client->dev, chip->irq2, NULL,
					 good_thread, irqflags, "good-2",
					 chip);
}

static int good_probe(struct i2c_client *client)
{
	struct good_chip *chip;
	unsigned long flags = IRQF_SHARED;
	int ret;

	chip = devm_kzalloc(&client->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;
	chip->client = client;

	ret = devm_request_threaded_irq(&client->dev, client->irq, NULL,
					good_thread,
					IRQF_TRIGGER_FALLING | IRQF_ONESHOT,
					"good", chip);
	if (ret)
		return ret;
	ret = request_threaded_irq(client->irq, NULL, good_thread, GOOD_IRQF,
				   "good-m", chip);
	if (ret)
		return ret;
	ret = request_threaded_irq(client->irq, good_hard, good_thread,
				   IRQF_SHARED, "good-h", chip);
	if (ret)
		return ret;
	ret = request_threaded_irq(client->irq, NULL, good_thread,
				   irq_get_trigger_type(client->irq) |
				   IRQF_SHARED, "good-t", chip);
	if (ret)
		return ret;
	flags |= IRQF_ONESHOT;
	ret = request_threaded_irq(client->irq, NULL, good_thread, flags,
				   "good-v", chip);
	if (ret)
		return ret;
	return good_setup_irq(chip, IRQF_ONESHOT);
}
