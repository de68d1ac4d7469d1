// SPDX-License-Identifier: GPL-2.0
/*
 * adf7242's shape: the devm IRQ is disabled right after its request and
 * enabled only by .start, disabled again by .stop, which the core runs
 * before the driver is removed: the cancel in remove is final. Left alone.
 */
#include <linux/interrupt.h>
#include <linux/spi/spi.h>
#include <linux/workqueue.h>

struct foo {
	struct spi_device *spi;
	struct workqueue_struct *wqueue;
	struct delayed_work work;
};

static irqreturn_t foo_isr(int irq, void *data)
{
	struct foo *foo = data;

	mod_delayed_work(foo->wqueue, &foo->work, 0);
	return IRQ_HANDLED;
}

static int foo_start(struct foo *foo)
{
	enable_irq(foo->spi->irq);
	return 0;
}

static void foo_stop(struct foo *foo)
{
	disable_irq(foo->spi->irq);
}

static int foo_probe(struct spi_device *spi)
{
	struct foo *foo = spi_get_drvdata(spi);
	int ret;

	ret = devm_request_threaded_irq(&spi->dev, spi->irq, NULL, foo_isr,
					IRQF_ONESHOT, "foo", foo);
	if (ret)
		return ret;
	disable_irq(spi->irq);
	return 0;
}

static void foo_remove(struct spi_device *spi)
{
	struct foo *foo = spi_get_drvdata(spi);

	cancel_delayed_work_sync(&foo->work);
	destroy_workqueue(foo->wqueue);
}

static struct spi_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
};
