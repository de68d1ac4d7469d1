// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: a managed regulator, a bulk enable undone on every error,
 * and a power-off helper called on the error path.
 */
#include <linux/i2c.h>
#include <linux/regulator/consumer.h>

struct foo_chip {
	struct regulator *vdd;
	struct regulator_bulk_data supplies[2];
	struct regmap *map;
};

static void foo_power_off(struct foo_chip *chip)
{
	regmap_write(chip->map, 0, 0);
	regulator_bulk_disable(ARRAY_SIZE(chip->supplies), chip->supplies);
}

static int foo_power_on(struct foo_chip *chip)
{
	int ret;

	ret = regulator_bulk_enable(ARRAY_SIZE(chip->supplies), chip->supplies);
	if (ret)
		return ret;

	ret = regmap_write(chip->map, 0, 1);
	if (ret) {
		regulator_bulk_disable(ARRAY_SIZE(chip->supplies), chip->supplies);
		return ret;
	}
	return 0;
}

static int foo_i2c_probe(struct i2c_client *client)
{
	struct foo_chip *chip;
	int ret;

	chip = devm_kzalloc(&client->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;

	ret = devm_regulator_get_enable(&client->dev, "vio");
	if (ret)
		return ret;

	ret = foo_power_on(chip);
	if (ret)
		return ret;

	ret = regmap_write(chip->map, 1, 0x80);
	if (ret)
		goto err_off;

	i2c_set_clientdata(client, chip);
	return 0;

err_off:
	foo_power_off(chip);
	return ret;
}

static int bar_probe(struct i2c_client *client)
{
	struct regulator *vdd;
	int ret;

	vdd = devm_regulator_get(&client->dev, "vdd");
	if (IS_ERR(vdd))
		return PTR_ERR(vdd);
	ret = regulator_enable(vdd);
	if (ret)
		return ret;
	ret = devm_add_action_or_reset(&client->dev, bar_regulator_disable, vdd);
	if (ret)
		return ret;
	if (!i2c_check_functionality(client->adapter, I2C_FUNC_I2C))
		return -EOPNOTSUPP;
	return 0;
}

static void bar_regulator_disable(void *data)
{
	regulator_disable(data);
}
