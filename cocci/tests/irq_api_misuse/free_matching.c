// SPDX-License-Identifier: GPL-2.0
/*
 * Frees that match their request: the same dev_id (through a cast, or a
 * local of another name but the same type), a dev_id whose type spatch
 * cannot tell (a field of a structure from a header), an IRQ requested
 * twice with two dev_ids, and a free of an IRQ requested in no function of
 * this file.
 */
#include <linux/interrupt.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>

struct baz_priv {
	struct net_device *ndev;
	int irq;
	int irq_tx;
};

struct baz_port {
	int irq;
};

static irqreturn_t baz_isr(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static int baz_open(struct net_device *ndev)
{
	struct baz_priv *priv = netdev_priv(ndev);
	int ret;

	ret = request_irq(priv->irq, baz_isr, IRQF_SHARED, ndev->name, ndev);
	if (ret)
		return ret;
	ret = request_irq(priv->irq_tx, baz_isr, 0, ndev->name,
			  (void *)priv);
	if (ret) {
		free_irq(priv->irq, ndev);
		return ret;
	}
	return 0;
}

static int baz_stop(struct net_device *dev)
{
	struct baz_priv *bp = netdev_priv(dev);

	free_irq(bp->irq_tx, bp);
	free_irq(bp->irq, bp->ndev);
	return 0;
}

static int baz_port_start(struct baz_port *port, struct baz_priv *priv,
			  bool shared)
{
	if (shared)
		return request_irq(port->irq, baz_isr, IRQF_SHARED, "baz", priv);
	return request_irq(port->irq, baz_isr, 0, "baz", port);
}

static void baz_port_stop(struct baz_port *port, struct platform_device *pdev)
{
	free_irq(port->irq, port);
	free_irq(pdev->irq, pdev);
}
