// SPDX-License-Identifier: GPL-2.0
/*
 * Zero tests that only change the errno a failing probe returns: the
 * function handles -EPROBE_DEFER itself and a negative IRQ number makes
 * the checked request_irq() fail (wl1251's shape), or an early timer init
 * that is never retried (ingenic-sysost's). A negative errno passed on as
 * an IRQ number fails the request as cleanly as the right test would.
 */
#include <linux/clocksource.h>
#include <linux/interrupt.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>

struct foo_priv {
	int irq;
};

irqreturn_t foo_irq(int irq, void *data);

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int irq;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	irq = of_irq_get(pdev->dev.of_node, 0);
	if (irq == -EPROBE_DEFER)
		return -EPROBE_DEFER;
	if (!irq)
		return -ENODEV;
	return devm_request_irq(&pdev->dev, irq, foo_irq, 0, "foo", priv);
}

static int __init foo_percpu_timer_init(struct device_node *np)
{
	unsigned int virq;

	virq = of_irq_get(np, 0);
	if (!virq)
		return -EINVAL;
	return request_irq(virq, foo_irq, IRQF_TIMER, "foo-timer", NULL);
}

static int __init foo_timer_init(struct device_node *np)
{
	return foo_percpu_timer_init(np);
}
TIMER_OF_DECLARE(foo_timer, "foo,timer", foo_timer_init);
