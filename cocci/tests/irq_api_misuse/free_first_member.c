// SPDX-License-Identifier: GPL-2.0
/*
 * The shape of liteuart: requested with the driver's port structure,
 * freed with the struct uart_port embedded in it as its first member.  The
 * two pointers are the same address, so free_irq() finds the action.  Left
 * alone (the rule only reports dev_ids that certainly differ).
 */
#include <linux/interrupt.h>
#include <linux/serial_core.h>

struct lite_port {
	struct uart_port port;
	u8 irq_reg;
};

#define to_lite_port(p)	container_of(p, struct lite_port, port)

static irqreturn_t lite_interrupt(int irq, void *data)
{
	return IRQ_HANDLED;
}

static int lite_startup(struct uart_port *port)
{
	struct lite_port *uart = to_lite_port(port);

	return request_irq(port->irq, lite_interrupt, 0, "lite", uart);
}

static void lite_shutdown(struct uart_port *port)
{
	free_irq(port->irq, port);
}
