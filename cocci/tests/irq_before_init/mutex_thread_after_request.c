// SPDX-License-Identifier: GPL-2.0
/*
 * A shared threaded IRQ whose thread function takes a mutex initialised
 * only after the request; with no primary handler, the thread runs on
 * every interrupt on the line.
 */
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/spi/spi.h>

struct tp_dev {
	struct spi_device *spi;
	struct mutex mutex;
	struct mutex notify_mutex;
	void (*notify)(void *ctx);
	void *ctx;
};

static irqreturn_t tp_thread_isr(int irq, void *data)
{
	struct tp_dev *tp = data;

	mutex_lock(&tp->notify_mutex);
	if (tp->notify)
		tp->notify(tp->ctx);
	mutex_unlock(&tp->notify_mutex);
	return IRQ_HANDLED;
}

static int tp_probe(struct spi_device *spi)
{
	struct tp_dev *tp;
	int ret;

	tp = devm_kzalloc(&spi->dev, sizeof(*tp), GFP_KERNEL);
	if (!tp)
		return -ENOMEM;
	tp->spi = spi;

	ret = request_threaded_irq(spi->irq, NULL, tp_thread_isr, /* EXPECT */
				   IRQF_SHARED | IRQF_ONESHOT,
				   dev_name(&spi->dev), tp);
	if (ret)
		return ret;

	mutex_init(&tp->mutex);
	mutex_init(&tp->notify_mutex);
	spi_set_drvdata(spi, tp);
	return 0;
}
