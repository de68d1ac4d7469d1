// SPDX-License-Identifier: GPL-2.0
/*
 * Threaded IRQs with no primary handler requested without IRQF_ONESHOT:
 * __setup_irq() rejects them with -EINVAL ("Threaded irq requested with
 * handler=NULL and !ONESHOT"), so the probe fails on every SoC interrupt
 * or GPIO controller.  The flags are constants: literal, a macro of this
 * file, or a local variable only ever set to constants.
 */
#include <linux/gpio/consumer.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>

#define QUX_IRQF	(IRQF_TRIGGER_FALLING | IRQF_SHARED)

struct qux_chip {
	struct i2c_client *client;
	struct gpio_desc *alert;
};

static irqreturn_t qux_thread(int irq, void *data)
{
	return IRQ_HANDLED;
}

static int qux_probe(struct i2c_client *client)
{
	struct qux_chip *chip;
	unsigned long flags;
	int ret;

	chip = devm_kzalloc(&client->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;
	chip->client = client;

	ret = devm_request_threaded_irq(&client->dev, client->irq, NULL, /* EXPECT */
					qux_thread, IRQF_TRIGGER_LOW,
					"qux", chip);
	if (ret)
		return ret;

	chip->alert = devm_gpiod_get(&client->dev, "alert", GPIOD_IN);
	if (IS_ERR(chip->alert))
		return PTR_ERR(chip->alert);
	ret = request_threaded_irq(gpiod_to_irq(chip->alert), NULL, /* EXPECT */
				   qux_thread, QUX_IRQF, "qux-alert", chip);
	if (ret)
		return ret;

	flags = IRQF_TRIGGER_RISING;
	if (device_property_read_bool(&client->dev, "qux,falling"))
		flags = IRQF_TRIGGER_FALLING;
	return devm_request_threaded_irq(&client->dev, client->irq, NULL, /* EXPECT */
					 qux_thread, flags, "qux-ev", chip);
}
