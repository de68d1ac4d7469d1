// SPDX-License-Identifier: GPL-2.0
/*
 * Near miss: the IRQ is requested with IRQF_NO_AUTOEN, so it stays off
 * until enable_irq(), which comes after the initialisation.  And a second
 * device whose dev_id is a different structure from the one initialised.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>

struct qux_port {
	spinlock_t lock;
	int irq;
};

struct qux_priv {
	struct qux_port port;
	spinlock_t lock;
};

static irqreturn_t qux_irq(int irq, void *dev_id)
{
	struct qux_port *port = dev_id;

	spin_lock(&port->lock);
	spin_unlock(&port->lock);
	return IRQ_HANDLED;
}

static int qux_probe(struct platform_device *pdev)
{
	struct qux_priv *priv;
	struct qux_port *port;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	port = &priv->port;

	port->irq = platform_get_irq(pdev, 0);
	if (port->irq < 0)
		return port->irq;
	ret = devm_request_irq(&pdev->dev, port->irq, qux_irq, IRQF_NO_AUTOEN,
			       "qux", port);
	if (ret)
		return ret;

	spin_lock_init(&port->lock);
	spin_lock_init(&priv->lock);
	enable_irq(port->irq);
	platform_set_drvdata(pdev, priv);
	return 0;
}
