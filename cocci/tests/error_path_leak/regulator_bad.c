// SPDX-License-Identifier: GPL-2.0
/* Regulators left on when a later probe step fails. */
#include <linux/i2c.h>
#include <linux/regulator/consumer.h>

struct foo_chip {
	struct regulator *vdd;
	struct regulator_bulk_data supplies[2];
	struct regmap *map;
};

static int foo_i2c_probe(struct i2c_client *client)
{
	struct foo_chip *chip;
	unsigned int id;
	int ret;

	chip = devm_kzalloc(&client->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;

	chip->vdd = devm_regulator_get(&client->dev, "vdd");
	if (IS_ERR(chip->vdd))
		return PTR_ERR(chip->vdd);

	ret = regulator_enable(chip->vdd);
	if (ret) {
		dev_err(&client->dev, "failed to enable vdd: %d\n", ret);
		return ret;
	}

	chip->map = devm_regmap_init_i2c(client, &foo_regmap_config);
	if (IS_ERR(chip->map))
		return PTR_ERR(chip->map); /* EXPECT */

	ret = regmap_read(chip->map, 0, &id);
	if (ret < 0)
		goto err_disable;
	if (id != 0x42) {
		dev_err(&client->dev, "unknown chip id %#x\n", id);
		ret = -ENODEV;
		goto err_disable;
	}
	i2c_set_clientdata(client, chip);
	return 0;

err_disable:
	regulator_disable(chip->vdd);
	return ret;
}

static int bar_power_on(struct foo_chip *chip)
{
	int ret;

	ret = regulator_bulk_enable(ARRAY_SIZE(chip->supplies), chip->supplies);
	if (ret)
		return ret;

	ret = regmap_write(chip->map, 0, 1);
	if (ret)
		return dev_err_probe(regmap_get_device(chip->map), ret, /* EXPECT */
				     "cannot wake up\n");

	usleep_range(1000, 2000);
	return 0;
}
