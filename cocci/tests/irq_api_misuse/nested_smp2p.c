// SPDX-License-Identifier: GPL-2.0
/*
 * The shape of ipa_smp2p: the IRQ comes from Qualcomm SMP2P, whose
 * interrupts are nested threads (smp2p.c calls irq_set_nested_thread()),
 * so a NULL primary handler needs no IRQF_ONESHOT there.  Users of the
 * smem state API are left alone.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/soc/qcom/smem_state.h>

struct ready_smp2p {
	struct qcom_smem_state *state;
	u32 bit;
};

static irqreturn_t ready_handler(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static int ready_init(struct ready_smp2p *smp2p, struct platform_device *pdev)
{
	int irq;

	smp2p->state = qcom_smem_state_get(&pdev->dev, "ready", &smp2p->bit);
	if (IS_ERR(smp2p->state))
		return PTR_ERR(smp2p->state);

	irq = platform_get_irq_byname(pdev, "ready");
	if (irq < 0)
		return irq;
	return request_threaded_irq(irq, NULL, ready_handler, 0, "ready",
				    smp2p);
}
