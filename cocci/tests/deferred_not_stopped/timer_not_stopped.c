// SPDX-License-Identifier: GPL-2.0
/*
 * A polling timer and an hrtimer, set up in a helper that probe calls and
 * re-armed by their own callbacks, that remove() never stops; and a
 * delayed work whose only cancel is on probe's error path.
 */
#include <linux/hrtimer.h>
#include <linux/i2c.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

struct bar_chip {
	struct i2c_client *client;
	struct timer_list poll_timer;
	struct hrtimer sample_timer;
	struct delayed_work calib_work;
	int value;
};

static void bar_poll(struct timer_list *t)
{
	struct bar_chip *chip = from_timer(chip, t, poll_timer);

	chip->value = i2c_smbus_read_byte(chip->client);
	mod_timer(&chip->poll_timer, jiffies + HZ);
}

static enum hrtimer_restart bar_sample(struct hrtimer *t)
{
	struct bar_chip *chip = container_of(t, struct bar_chip, sample_timer);

	chip->value++;
	hrtimer_forward_now(t, ms_to_ktime(10));
	return HRTIMER_RESTART;
}

static void bar_calib(struct work_struct *work)
{
}

static void bar_init_timers(struct bar_chip *chip)
{
	timer_setup(&chip->poll_timer, bar_poll, 0); /* EXPECT */
	hrtimer_init(&chip->sample_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL); /* EXPECT */
	chip->sample_timer.function = bar_sample;
}

static int bar_probe(struct i2c_client *client)
{
	struct bar_chip *chip;
	int ret;

	chip = devm_kzalloc(&client->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;
	chip->client = client;
	bar_init_timers(chip);
	INIT_DELAYED_WORK(&chip->calib_work, bar_calib); /* EXPECT */
	schedule_delayed_work(&chip->calib_work, HZ);

	ret = i2c_smbus_write_byte(client, 0x01);
	if (ret < 0) {
		cancel_delayed_work_sync(&chip->calib_work);
		return ret;
	}
	i2c_set_clientdata(client, chip);
	mod_timer(&chip->poll_timer, jiffies + HZ);
	hrtimer_start(&chip->sample_timer, ms_to_ktime(10), HRTIMER_MODE_REL);
	return 0;
}

static void bar_remove(struct i2c_client *client)
{
	i2c_smbus_write_byte(client, 0x00);
}

static struct i2c_driver bar_driver = {
	.driver = {
		.name = "bar",
	},
	.probe = bar_probe,
	.remove = bar_remove,
};
module_i2c_driver(bar_driver);
