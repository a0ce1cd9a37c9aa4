// SPDX-License-Identifier: GPL-2.0
/*
 * manage.c - installing and removing interrupt handlers (Linux's
 * kernel/irq/manage.c): request_irq(), free_irq(), and switching a line
 * off and on.
 *
 * Each line has a list of irqactions.  The first request_irq() on a line
 * unmasks it at the controller; the last free_irq() masks it again.  A
 * second handler may join only if both it and every handler already there
 * asked to share (IRQF_SHARED), as PCI INTx lines need: otherwise it is
 * Linux's "genirq: Flags mismatch" and -EBUSY.
 *
 * Changes to the list are made under the line's lock with interrupts off,
 * so the handler loop (handle.c), which reads the list without the lock,
 * always sees a whole list: an action is linked only once complete, and
 * an unlinked one is freed only after synchronize_irq() saw the line's
 * handlers finish.  Handlers run on CPU 0 (virtual wire); these functions
 * may run on any CPU, in process context.
 */
#include <asm/processor.h>
#include <bug.h>
#include <errno.h>
#include <irqdesc.h>
#include <kernel.h>
#include <printk.h>
#include <slab.h>

#define pr_fmt_genirq "genirq: "

static struct irq_desc *irq_desc_usable(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc && desc->chip ? desc : NULL;
}

/* Can `new` join the handlers already on the line? */
static bool irq_can_share(const struct irqaction *old,
			  const struct irqaction *new)
{
	for (; old; old = old->next)
		if (!(old->flags & new->flags &IRQF_SHARED))
			return false;
	return true;
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irq_desc *desc = irq_desc_usable(irq);
	struct irqaction *action, **p;
	unsigned long irqflags;

	if (!desc || !handler || ((flags & IRQF_SHARED) && !dev_id))
		return -EINVAL;
	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	*action = (struct irqaction){ .handler = handler,
				      .dev_id = dev_id,
				      .irq = irq,
				      .flags = (unsigned int)flags,
				      .name = name };

	raw_spin_lock_irqsave(&desc->lock, irqflags);
	if (desc->action && !irq_can_share(desc->action, action)) {
		struct irqaction *old = desc->action;

		raw_spin_unlock_irqrestore(&desc->lock, irqflags);
		pr_err(pr_fmt_genirq
		       "Flags mismatch irq %u. %08x (%s) vs. %08x (%s)\n",
		       irq, action->flags, name, old->flags, old->name);
		kfree(action);
		return -EBUSY;
	}
	for (p = &desc->action; *p; p = &(*p)->next)
		;
	WRITE_ONCE(*p, action); /* complete before it is visible */
	if (p == &desc->action) {
		/* The first handler: a fresh start for the line. */
		desc->depth = 0;
		desc->spurious_disabled = false;
		desc->irq_count = 0;
		desc->irqs_unhandled = 0;
		desc->chip->irq_unmask(irq);
	}
	raw_spin_unlock_irqrestore(&desc->lock, irqflags);
	return 0;
}

void synchronize_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc)
		return;
	while (READ_ONCE(desc->in_progress))
		cpu_relax();
}

const char *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_desc_usable(irq);
	struct irqaction *action = NULL, **p;
	unsigned long irqflags;
	const char *name;

	if (!desc) {
		WARN(1, "Trying to free IRQ %u which is not a line\n", irq);
		return NULL;
	}
	raw_spin_lock_irqsave(&desc->lock, irqflags);
	for (p = &desc->action; *p; p = &(*p)->next) {
		if ((*p)->dev_id == dev_id) {
			action = *p;
			WRITE_ONCE(*p, action->next);
			break;
		}
	}
	if (action && !desc->action) {
		desc->chip->irq_mask(irq); /* the last handler: line off */
		desc->depth = 1;
	}
	raw_spin_unlock_irqrestore(&desc->lock, irqflags);
	if (!action) {
		WARN(1, "Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	/* The handler loop may still be on this action: wait it out. */
	synchronize_irq(irq);
	name = action->name;
	kfree(action);
	return name;
}

void disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *desc = irq_desc_usable(irq);
	unsigned long irqflags;

	if (!desc)
		return;
	raw_spin_lock_irqsave(&desc->lock, irqflags);
	if (!desc->depth++)
		desc->chip->irq_mask(irq);
	raw_spin_unlock_irqrestore(&desc->lock, irqflags);
}

void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}

void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_desc_usable(irq);
	unsigned long irqflags;

	if (!desc)
		return;
	raw_spin_lock_irqsave(&desc->lock, irqflags);
	if (!desc->depth)
		WARN(1, "Unbalanced enable for IRQ %u\n", irq);
	else if (!--desc->depth && desc->action)
		desc->chip->irq_unmask(irq);
	raw_spin_unlock_irqrestore(&desc->lock, irqflags);
}
