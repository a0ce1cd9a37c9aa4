/* SPDX-License-Identifier: GPL-2.0 */
/*
 * interrupt.h - device interrupt handlers, as Linux's linux/interrupt.h.
 *
 *	static irqreturn_t edu_irq(int irq, void *dev_id)
 *	{
 *		struct edu_device *edu = dev_id;
 *		u32 status = readl(edu->mmio + EDU_IRQ_STATUS);
 *
 *		if (!status)
 *			return IRQ_NONE;	// not ours: another device on the line
 *		writel(status, edu->mmio + EDU_IRQ_ACK);
 *		...
 *		return IRQ_HANDLED;
 *	}
 *
 *	err = request_irq(pdev->irq, edu_irq, IRQF_SHARED, "edu", edu);
 *	...
 *	free_irq(pdev->irq, edu);
 *
 * A line may be shared by several devices (PCI INTx lines are wired
 * together on the board): every handler on it runs at each interrupt and
 * says whether its device was the one asking.  All must agree to share
 * (IRQF_SHARED), and each passes a dev_id of its own, which is how
 * free_irq() knows which handler to remove.  A line on which no handler
 * claims 99,900 of 100,000 interrupts is switched off with Linux's
 * "nobody cared" report.  Handlers run on CPU 0 (the PIC's virtual-wire
 * mode) with interrupts off, and must not sleep.
 */
#ifndef _INTERRUPT_H
#define _INTERRUPT_H

#include <types.h>

typedef enum irqreturn {
	IRQ_NONE = 0, /* the interrupt was not from this device */
	IRQ_HANDLED = 1, /* it was, and it has been dealt with */
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED 0x00000080 /* other devices may share the line */

/* One handler on one line: the line's list of them is the desc's action. */
struct irqaction {
	irq_handler_t handler; /* the driver's function */
	void *dev_id; /* passed to it; identifies it for free_irq() */
	struct irqaction *next; /* the next handler sharing the line */
	unsigned int irq; /* the line */
	unsigned int flags; /* IRQF_* */
	const char *name; /* /proc/interrupts' last column */
};

/*
 * Install a handler and enable the line: 0, -EINVAL (no such line, no
 * handler, a shared request without dev_id), -EBUSY (the line is taken by
 * a handler that does not share), -ENOMEM.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
/*
 * Remove the handler registered with dev_id, wait until it is not running
 * on any CPU, disable the line if it was the last; returns its name, or
 * NULL (with a WARN) if there was none.
 */
const char *free_irq(unsigned int irq, void *dev_id);
/* Wait until no handler of the line is running. */
void synchronize_irq(unsigned int irq);
/* Mask the line (nesting: as many enable_irq() to unmask it again). */
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);

struct device;
/* request_irq() whose free_irq() happens when the driver unbinds (devres). */
int devm_request_irq(struct device *dev, unsigned int irq,
		     irq_handler_t handler, unsigned long irqflags,
		     const char *devname, void *dev_id);
void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);

/* The registers of the interrupted code, inside a handler (else NULL). */
struct pt_regs *get_irq_regs(void);

#endif /* _INTERRUPT_H */
