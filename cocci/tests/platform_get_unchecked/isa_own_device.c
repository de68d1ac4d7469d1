// SPDX-License-Identifier: GPL-2.0
/*
 * An ISA hwmon driver (the shape of dme1737, it87, w83627hf): the module
 * creates the platform device of its own driver, with the I/O resource it
 * found, so probe reads back a resource that always exists.  Left alone.
 */
#include <linux/hwmon.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#define DRVNAME "isa_fan"
#define ISA_FAN_EXTENT 8

static struct platform_device *isa_fan_pdev;

static int isa_fan_probe(struct platform_device *pdev)
{
	struct resource *res;

	res = platform_get_resource(pdev, IORESOURCE_IO, 0);
	if (!devm_request_region(&pdev->dev, res->start, ISA_FAN_EXTENT,
				 DRVNAME))
		return -EBUSY;
	return 0;
}

static struct platform_driver isa_fan_driver = {
	.driver = {
		.name	= DRVNAME,
	},
	.probe		= isa_fan_probe,
};

static int __init isa_fan_device_add(unsigned short address)
{
	struct resource res = {
		.start	= address,
		.end	= address + ISA_FAN_EXTENT - 1,
		.name	= DRVNAME,
		.flags	= IORESOURCE_IO,
	};
	int err;

	isa_fan_pdev = platform_device_alloc(DRVNAME, address);
	if (!isa_fan_pdev)
		return -ENOMEM;
	err = platform_device_add_resources(isa_fan_pdev, &res, 1);
	if (err)
		goto exit_device_put;
	err = platform_device_add(isa_fan_pdev);
	if (err)
		goto exit_device_put;
	return 0;

exit_device_put:
	platform_device_put(isa_fan_pdev);
	return err;
}
