/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irqdesc.h - what the generic interrupt layer (kernel/irq/) knows about
 * each line, and what it asks of the interrupt controller (the 8259A PICs,
 * arch/x86/kernel/irq.c): Linux's struct irq_desc and struct irq_chip,
 * reduced to what one controller with 16 lines needs.
 *
 * The controller's entry code calls generic_handle_irq(irq) for a real
 * interrupt; the desc then runs the line's handlers (interrupt.h) and
 * counts the interrupt for /proc/interrupts on the CPU that took it.
 */
#ifndef _IRQDESC_H
#define _IRQDESC_H

#include <asm/irq.h>
#include <interrupt.h>
#include <spinlock.h>

/* How to drive a line on its interrupt controller. */
struct irq_chip {
	const char *name; /* /proc/interrupts' chip column ("XT-PIC") */
	void (*irq_mask)(unsigned int irq); /* stop the line reaching a CPU */
	void (*irq_unmask)(unsigned int irq);
	bool (*irq_is_level)(unsigned int irq); /* level or edge triggered */
};

struct irq_desc {
	struct irqaction *action; /* the handlers, NULL: line unused */
	const struct irq_chip *chip; /* its controller */
	raw_spinlock_t lock; /* action list changes, depth, in_progress */
	unsigned int depth; /* disable nesting: 0 = enabled */
	bool in_progress; /* its handlers are running (synchronize_irq) */
	bool spurious_disabled; /* switched off: "nobody cared" */
	unsigned int irq_count; /* interrupts in the current window of 100,000 */
	unsigned int irqs_unhandled; /* of those, claimed by no handler */
	unsigned long last_unhandled; /* jiffies of the last unhandled one */
};

struct irq_desc *irq_to_desc(unsigned int irq);
/* The controller registers each line it drives (init_IRQ()). */
void irq_set_chip(unsigned int irq, const struct irq_chip *chip);
/* Run the handlers of `irq`: called by the controller's entry code. */
void generic_handle_irq(unsigned int irq);
/*
 * The handler of `irq` will not return (the test watchdog left it with
 * longjmp): forget that it was running.
 */
void irq_handler_abandoned(unsigned int irq);
/* For the entry code: the registers of the interrupted context. */
struct pt_regs *set_irq_regs(struct pt_regs *new_regs);

/* Interrupts taken per line since boot: on all CPUs, and on one. */
unsigned long irq_count(unsigned int irq);
unsigned long kstat_irqs_cpu(unsigned int irq, unsigned int cpu);

#endif /* _IRQDESC_H */
