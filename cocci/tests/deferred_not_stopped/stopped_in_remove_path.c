// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: every object probe sets up is stopped on unbind, through a
 * helper remove calls, a local variable, a devm action, or the workqueue
 * the work runs on; one work item is only ever initialised, never queued.
 */
#include <linux/device.h>
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/platform_device.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

struct cor_priv {
	struct workqueue_struct *wq;
	struct work_struct rx_work;
	struct delayed_work poll_work;
	struct work_struct unused_work;
	struct work_struct reset_work;
	struct timer_list watchdog;
	struct hrtimer tick;
	struct task_struct *thread;
	int count;
};

static void cor_work(struct work_struct *work)
{
}

static void cor_poll(struct work_struct *work)
{
	struct cor_priv *priv = container_of(work, struct cor_priv,
					     poll_work.work);

	schedule_delayed_work(&priv->poll_work, HZ);
}

static void cor_watchdog(struct timer_list *t)
{
	struct cor_priv *priv = from_timer(priv, t, watchdog);

	queue_work(priv->wq, &priv->rx_work);
	mod_timer(&priv->watchdog, jiffies + HZ);
}

static enum hrtimer_restart cor_tick(struct hrtimer *t)
{
	struct cor_priv *priv = container_of(t, struct cor_priv, tick);

	schedule_work(&priv->reset_work);
	return HRTIMER_NORESTART;
}

static int cor_thread(void *data)
{
	struct cor_priv *priv = data;

	while (!kthread_should_stop()) {
		priv->count++;
		hrtimer_start(&priv->tick, ms_to_ktime(5), HRTIMER_MODE_REL);
		msleep(20);
	}
	return 0;
}

static void cor_cancel_reset(void *data)
{
	struct cor_priv *priv = data;

	cancel_work_sync(&priv->reset_work);
}

static void cor_stop(struct cor_priv *p)
{
	struct task_struct *t = p->thread;

	kthread_stop(t);
	hrtimer_cancel(&p->tick);
	cancel_delayed_work_sync(&p->poll_work);
}

static int cor_probe(struct platform_device *pdev)
{
	struct cor_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->wq = alloc_ordered_workqueue("cor", 0);
	if (!priv->wq)
		return -ENOMEM;
	INIT_WORK(&priv->rx_work, cor_work);
	INIT_DELAYED_WORK(&priv->poll_work, cor_poll);
	INIT_WORK(&priv->unused_work, cor_work);
	INIT_WORK(&priv->reset_work, cor_work);
	ret = devm_add_action_or_reset(&pdev->dev, cor_cancel_reset, priv);
	if (ret)
		return ret;
	timer_setup(&priv->watchdog, cor_watchdog, 0);
	hrtimer_init(&priv->tick, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	priv->tick.function = cor_tick;
	priv->thread = kthread_run(cor_thread, priv, "cor");
	if (IS_ERR(priv->thread))
		return PTR_ERR(priv->thread);
	schedule_delayed_work(&priv->poll_work, HZ);
	mod_timer(&priv->watchdog, jiffies + HZ);
	platform_set_drvdata(pdev, priv);
	return 0;
}

static void cor_remove(struct platform_device *pdev)
{
	struct cor_priv *priv = platform_get_drvdata(pdev);

	cor_stop(priv);
	timer_shutdown_sync(&priv->watchdog);
	destroy_workqueue(priv->wq);
}

static struct platform_driver cor_driver = {
	.probe = cor_probe,
	.remove_new = cor_remove,
	.driver = {
		.name = "cor",
	},
};
module_platform_driver(cor_driver);
