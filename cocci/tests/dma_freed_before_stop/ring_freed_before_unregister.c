// SPDX-License-Identifier: GPL-2.0
/*
 * remove() frees the descriptor rings while the net device is still
 * registered: until unregister_netdev() the stack can call start_xmit(),
 * which writes into the freed tx ring, and the NIC still DMAs into it.
 */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

struct nic_desc {
	__le32 addr;
	__le32 len;
};

struct nic_priv {
	void __iomem *mem;
	struct nic_desc *tx_ring;
	dma_addr_t tx_ring_dma;
	unsigned int cur_tx;
};

static netdev_tx_t nic_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct nic_priv *np = netdev_priv(dev);

	np->tx_ring[np->cur_tx].len = cpu_to_le32(skb->len);
	np->cur_tx++;
	return NETDEV_TX_OK;
}

static const struct net_device_ops nic_netdev_ops = {
	.ndo_start_xmit = nic_start_xmit,
};

static int nic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *dev;
	struct nic_priv *np;

	dev = alloc_etherdev(sizeof(*np));
	if (!dev)
		return -ENOMEM;
	np = netdev_priv(dev);
	np->tx_ring = dma_alloc_coherent(&pdev->dev, PAGE_SIZE,
					 &np->tx_ring_dma, GFP_KERNEL);
	if (!np->tx_ring) {
		free_netdev(dev);
		return -ENOMEM;
	}
	dev->netdev_ops = &nic_netdev_ops;
	pci_set_drvdata(pdev, dev);
	return register_netdev(dev);
}

static void nic_remove(struct pci_dev *pdev)
{
	struct net_device *dev = pci_get_drvdata(pdev);
	struct nic_priv *np = netdev_priv(dev);

	dma_free_coherent(&pdev->dev, PAGE_SIZE, np->tx_ring, /* EXPECT */
			  np->tx_ring_dma);
	unregister_netdev(dev);
	free_netdev(dev);
}

static struct pci_driver nic_driver = {
	.name = "nic",
	.probe = nic_probe,
	.remove = nic_remove,
};
module_pci_driver(nic_driver);
