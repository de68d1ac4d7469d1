// SPDX-License-Identifier: GPL-2.0
/*
 * The line is not shared and the chip's interrupt sources are masked
 * before the request, but the handler schedules its work on every
 * interrupt and the work item is set up after the request: an interrupt
 * already pending (or a spurious one) queues an uninitialised work item.
 * request_irq() says the handler may run from the call on: reported.
 */
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>

struct pmic {
	struct i2c_client *client;
	struct mutex lock;
	struct work_struct work;
};

static irqreturn_t pmic_irq(int irq, void *data)
{
	struct pmic *pmic = data;

	disable_irq_nosync(irq);
	schedule_work(&pmic->work);
	return IRQ_HANDLED;
}

static void pmic_work(struct work_struct *work)
{
}

static int pmic_probe(struct i2c_client *client)
{
	struct pmic *pmic;
	int err;

	pmic = devm_kzalloc(&client->dev, sizeof(*pmic), GFP_KERNEL);
	if (!pmic)
		return -ENOMEM;
	pmic->client = client;

	/* mask every interrupt source */
	i2c_smbus_write_byte_data(client, 0x17, 0xff);
	i2c_smbus_write_byte_data(client, 0x18, 0xff);

	err = request_irq(client->irq, pmic_irq, 0, "pmic", pmic); /* EXPECT */
	if (err)
		return err;

	mutex_init(&pmic->lock);
	INIT_WORK(&pmic->work, pmic_work);
	i2c_set_clientdata(client, pmic);
	return 0;
}
