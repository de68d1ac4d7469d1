// SPDX-License-Identifier: GPL-2.0
/*
 * A debounce that cancels and re-queues its work in the IRQ handler is
 * not a teardown: remove() still has to cancel it (reported). Near
 * misses: a pullup callback that cancels its work when turned off (the
 * gadget core calls it on unbind); a per-event object that a function
 * reached from probe and from the handler initialises and queues; a work
 * queued only on the framework's workqueue.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/usb/gadget.h>
#include <linux/workqueue.h>

struct qux_event {
	struct work_struct work;
	u32 status;
};

struct qux_core {
	struct workqueue_struct *wq;
};

struct qux_udc {
	struct usb_gadget gadget;
	struct qux_core core;
	struct delayed_work debounce;
	struct work_struct ep0_work;
	struct work_struct ibi_work;
	int irq;
};

static void qux_work(struct work_struct *work)
{
}

static void qux_event_work(struct work_struct *work)
{
	kfree(container_of(work, struct qux_event, work));
}

static void qux_post_event(struct qux_udc *udc, u32 status)
{
	struct qux_event *ev = kzalloc(sizeof(*ev), GFP_ATOMIC);

	if (!ev)
		return;
	ev->status = status;
	INIT_WORK(&ev->work, qux_event_work);
	schedule_work(&ev->work);
}

static irqreturn_t qux_irq(int irq, void *data)
{
	struct qux_udc *udc = data;

	cancel_delayed_work(&udc->debounce);
	schedule_delayed_work(&udc->debounce, HZ / 10);
	queue_work(udc->core.wq, &udc->ibi_work);
	qux_post_event(udc, 1);
	return IRQ_HANDLED;
}

static int qux_pullup(struct usb_gadget *gadget, int is_on)
{
	struct qux_udc *udc = container_of(gadget, struct qux_udc, gadget);

	if (is_on) {
		schedule_work(&udc->ep0_work);
		return 0;
	}
	cancel_work_sync(&udc->ep0_work);
	return 0;
}

static const struct usb_gadget_ops qux_gadget_ops = {
	.pullup = qux_pullup,
};

static int qux_probe(struct platform_device *pdev)
{
	struct qux_udc *udc;

	udc = devm_kzalloc(&pdev->dev, sizeof(*udc), GFP_KERNEL);
	if (!udc)
		return -ENOMEM;
	INIT_DELAYED_WORK(&udc->debounce, qux_work); /* EXPECT */
	INIT_WORK(&udc->ep0_work, qux_work);
	INIT_WORK(&udc->ibi_work, qux_work);
	udc->gadget.ops = &qux_gadget_ops;
	qux_post_event(udc, 0);
	udc->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, udc);
	return devm_request_irq(&pdev->dev, udc->irq, qux_irq, 0, "qux", udc);
}

static void qux_remove(struct platform_device *pdev)
{
	struct qux_udc *udc = platform_get_drvdata(pdev);

	usb_del_gadget_udc(&udc->gadget);
}

static struct platform_driver qux_driver = {
	.probe = qux_probe,
	.remove_new = qux_remove,
	.driver = {
		.name = "qux",
	},
};
module_platform_driver(qux_driver);
