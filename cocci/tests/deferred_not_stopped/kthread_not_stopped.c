// SPDX-License-Identifier: GPL-2.0
/*
 * A polling kthread started in probe that loops until kthread_stop(), and
 * a USB driver whose disconnect() never stops it: the thread keeps running
 * on the freed driver data.
 */
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/usb.h>

struct baz_dev {
	struct usb_device *udev;
	struct task_struct *poll_thread;
	int count;
};

static int baz_poll(void *data)
{
	struct baz_dev *baz = data;

	while (!kthread_should_stop()) {
		baz->count++;
		msleep(100);
	}
	return 0;
}

static int baz_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct baz_dev *baz;

	baz = kzalloc(sizeof(*baz), GFP_KERNEL);
	if (!baz)
		return -ENOMEM;
	baz->udev = interface_to_usbdev(intf);
	baz->poll_thread = kthread_run(baz_poll, baz, "baz-poll"); /* EXPECT */
	if (IS_ERR(baz->poll_thread)) {
		kfree(baz);
		return PTR_ERR(baz->poll_thread);
	}
	usb_set_intfdata(intf, baz);
	return 0;
}

static void baz_disconnect(struct usb_interface *intf)
{
	struct baz_dev *baz = usb_get_intfdata(intf);

	usb_set_intfdata(intf, NULL);
	kfree(baz);
}

static struct usb_driver baz_driver = {
	.name = "baz",
	.probe = baz_probe,
	.disconnect = baz_disconnect,
};
module_usb_driver(baz_driver);
