// SPDX-License-Identifier: GPL-2.0
/*
 * handle.c - running a line's handlers, and noticing lines that nobody
 * handles (Linux's kernel/irq/handle.c, chip.c and spurious.c in one).
 *
 * When the controller takes an interrupt it calls generic_handle_irq():
 * the interrupt is counted for this CPU, then every handler on the line
 * runs in turn, each answering IRQ_HANDLED if its device asked.  On a
 * shared line several may answer; on any line, none may: a device that
 * raised its line and then dropped it, or a device with no driver whose
 * level-triggered line stays up and interrupts again as soon as it is
 * acknowledged.  The second kind would take the CPU forever, so, as in
 * Linux, every 100,000 interrupts of a line the unhandled ones are
 * counted: above 99,900 the line is reported ("nobody cared", with its
 * handlers) and disabled.
 *
 * desc->in_progress is set while the handlers run, under the desc's lock,
 * so that free_irq() on another CPU can wait for a handler it is removing
 * to finish before freeing it (synchronize_irq()).  The handlers themselves
 * run without the lock, as in Linux: one may call disable_irq_nosync() on
 * its own line.
 */
#include <asm/processor.h>
#include <cpumask.h>
#include <irqdesc.h>
#include <kernel.h>
#include <percpu.h>
#include <printk.h>
#include <time.h>

#define SPURIOUS_WINDOW 100000 /* interrupts between two verdicts */
#define SPURIOUS_LIMIT 99900 /* unhandled ones that disable the line */

static struct irq_desc irq_descs[NR_IRQS] = {
	[0 ... NR_IRQS - 1] = { .depth = 1 },
};
/* Interrupts handled per line, on each CPU (Linux's kstat_irqs). */
static DEFINE_PER_CPU(unsigned int[NR_IRQS], kstat_irqs);
/* The interrupted registers, while a handler runs on this CPU. */
static DEFINE_PER_CPU(struct pt_regs *, irq_regs);

struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_descs[irq] : NULL;
}

void irq_set_chip(unsigned int irq, const struct irq_chip *chip)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc)
		return;
	raw_spin_lock_init(&desc->lock);
	desc->chip = chip;
}

struct pt_regs *set_irq_regs(struct pt_regs *new_regs)
{
	struct pt_regs *old = this_cpu_read(irq_regs);

	this_cpu_write(irq_regs, new_regs);
	return old;
}

struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(irq_regs);
}

/* "irq 10: nobody cared", the handlers on the line, and the line off. */
static void report_bad_irq(unsigned int irq, struct irq_desc *desc)
{
	pr_err("irq %u: nobody cared (try booting with the \"irqpoll\" option)\n",
	       irq);
	pr_err("handlers:\n");
	for (struct irqaction *a = desc->action; a; a = a->next)
		pr_err("[<%08lx>] %pS (%s)\n", (unsigned long)a->handler,
		       a->handler, a->name);
	pr_emerg("Disabling IRQ #%u\n", irq);
}

/* Count this interrupt's verdict; switch the line off if nobody cares. */
static void note_interrupt(unsigned int irq, struct irq_desc *desc,
			   irqreturn_t ret)
{
	if (ret == IRQ_NONE) {
		desc->irqs_unhandled++;
		desc->last_unhandled = (unsigned long)jiffies;
	}
	if (++desc->irq_count < SPURIOUS_WINDOW)
		return;
	desc->irq_count = 0;
	if (desc->irqs_unhandled > SPURIOUS_LIMIT) {
		report_bad_irq(irq, desc);
		desc->spurious_disabled = true;
		desc->depth++;
		desc->chip->irq_mask(irq);
	}
	desc->irqs_unhandled = 0;
}

/**
 * generic_handle_irq - run the handlers of a line that interrupted
 * @irq: the line; the controller has not acknowledged it yet
 *
 * Called with interrupts off, inside irq_enter()/irq_exit().  A line that
 * is disabled, or has no handler, is masked again: its device keeps
 * asking, and nobody is there to answer.
 */
void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	irqreturn_t ret = IRQ_NONE;

	if (!desc)
		return;
	this_cpu_inc(kstat_irqs[irq]);
	raw_spin_lock(&desc->lock);
	if (!desc->action || desc->depth) {
		if (desc->chip)
			desc->chip->irq_mask(irq);
		raw_spin_unlock(&desc->lock);
		return;
	}
	desc->in_progress = true;
	raw_spin_unlock(&desc->lock);

	for (struct irqaction *a = READ_ONCE(desc->action); a;
	     a = READ_ONCE(a->next))
		ret |= a->handler((int)irq, a->dev_id);

	raw_spin_lock(&desc->lock);
	note_interrupt(irq, desc, ret);
	desc->in_progress = false;
	raw_spin_unlock(&desc->lock);
}

void irq_handler_abandoned(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc)
		WRITE_ONCE(desc->in_progress, false);
	set_irq_regs(NULL);
}

unsigned long kstat_irqs_cpu(unsigned int irq, unsigned int cpu)
{
	return irq < NR_IRQS ? per_cpu(kstat_irqs, cpu)[irq] : 0;
}

unsigned long irq_count(unsigned int irq)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += kstat_irqs_cpu(irq, cpu);
	return sum;
}
