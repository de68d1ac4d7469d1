// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: a network driver cancels its reset work and stops its
 * watchdog timer in .ndo_stop, which unregister_netdev() in remove runs
 * for an interface that is up; a work item the driver data does not own
 * (a global object); a one-shot kthread that does not wait for
 * kthread_stop(); and the managed devm_delayed_work_autocancel().
 */
#include <linux/devm-helpers.h>
#include <linux/etherdevice.h>
#include <linux/kthread.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

struct eth_priv {
	struct net_device *ndev;
	struct work_struct reset_task;
	struct delayed_work stats_work;
	struct timer_list watchdog;
	struct task_struct *fw_loader;
};

static struct work_struct eth_global_work;

static void eth_reset_task(struct work_struct *work)
{
}

static void eth_watchdog(struct timer_list *t)
{
	struct eth_priv *priv = from_timer(priv, t, watchdog);

	schedule_delayed_work(&priv->stats_work, 0);
	mod_timer(&priv->watchdog, jiffies + HZ);
}

static void eth_tx_timeout(struct net_device *ndev, unsigned int txq)
{
	struct eth_priv *priv = netdev_priv(ndev);

	schedule_work(&priv->reset_task);
	schedule_work(&eth_global_work);
}

static int eth_open(struct net_device *ndev)
{
	struct eth_priv *priv = netdev_priv(ndev);

	mod_timer(&priv->watchdog, jiffies + HZ);
	return 0;
}

static int eth_close(struct net_device *ndev)
{
	struct eth_priv *priv = netdev_priv(ndev);

	del_timer_sync(&priv->watchdog);
	cancel_work_sync(&priv->reset_task);
	return 0;
}

static const struct net_device_ops eth_netdev_ops = {
	.ndo_open = eth_open,
	.ndo_stop = eth_close,
	.ndo_tx_timeout = eth_tx_timeout,
};

static int eth_load_fw(void *data)
{
	struct eth_priv *priv = data;

	netdev_info(priv->ndev, "firmware loaded\n");
	return 0;
}

static int eth_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	struct eth_priv *priv;
	int ret;

	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*priv));
	if (!ndev)
		return -ENOMEM;
	priv = netdev_priv(ndev);
	priv->ndev = ndev;
	ndev->netdev_ops = &eth_netdev_ops;
	INIT_WORK(&priv->reset_task, eth_reset_task);
	INIT_WORK(&eth_global_work, eth_reset_task);
	ret = devm_delayed_work_autocancel(&pdev->dev, &priv->stats_work,
					   eth_reset_task);
	if (ret)
		return ret;
	timer_setup(&priv->watchdog, eth_watchdog, 0);
	priv->fw_loader = kthread_run(eth_load_fw, priv, "eth-fw");
	pci_set_drvdata(pdev, ndev);
	return register_netdev(ndev);
}

static void eth_remove(struct pci_dev *pdev)
{
	struct net_device *ndev = pci_get_drvdata(pdev);

	unregister_netdev(ndev);
}

static struct pci_driver eth_driver = {
	.name = "eth",
	.probe = eth_probe,
	.remove = eth_remove,
};
module_pci_driver(eth_driver);
