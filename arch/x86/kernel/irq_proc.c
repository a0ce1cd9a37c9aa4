// SPDX-License-Identifier: GPL-2.0
/*
 * irq_proc.c - /proc/interrupts: every interrupt source, one column per
 * online CPU, in Linux's format (kernel/irq/proc.c's show_interrupts and
 * arch/x86/kernel/irq.c's arch_show_interrupts):
 *
 *	           CPU0       CPU1
 *	  0:        312          0    XT-PIC   0-edge      timer
 *	 10:          6          0    XT-PIC  10-level     edu, edu
 *	NMI:          0          0   Non-maskable interrupts
 *	LOC:        315        311   Local timer interrupts
 *	...
 *	CAL:          2         40   Function call interrupts
 *	TLB:          0         38   TLB shootdowns
 *	ERR:          0
 *
 * The device lines are the PIC's (all on CPU 0: virtual wire mode): the
 * chip, the line number on it and how it triggers (Linux prints the flow
 * handler's name there; the 8259's edge or level, from the ELCR, is what
 * the lesson needs), then every handler sharing the line.  A line is
 * listed while it has a handler or has ever interrupted.  The named rows
 * are the per-CPU counters of asm/hardirq.h.  Rows Linux prints
 * for hardware this kernel does not drive (PMI, IWI, MCE ...) are left out.
 */
#include <asm/apic.h>
#include <asm/hardirq.h>
#include <asm/irq.h>
#include <cpumask.h>
#include <irqdesc.h>
#include <kernel.h>
#include <seq_file.h>

#define PREC 3 /* width of the first column: fewer than 1000 IRQs */

static void show_row(struct seq_file *m, const char *name, size_t offset,
		     const char *what)
{
	unsigned int cpu;

	seq_printf(m, "%*s: ", PREC, name);
	for_each_online_cpu(cpu)
		seq_printf(m, "%10u ",
			   *(unsigned int *)((char *)irq_stats(cpu) + offset));
	seq_printf(m, "  %s\n", what);
}

#define SHOW_ROW(m, name, member, what) \
	show_row(m, name, offsetof(irq_cpustat_t, member), what)

/* One device line: counts per CPU, chip, line-trigger, the handlers. */
static void show_irq_line(struct seq_file *m, unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	unsigned int cpu;

	if (!desc->chip || (!READ_ONCE(desc->action) && !irq_count(irq)))
		return;
	seq_printf(m, "%*u: ", PREC, irq);
	for_each_online_cpu(cpu)
		seq_printf(m, "%10lu ", kstat_irqs_cpu(irq, cpu));
	seq_printf(m, " %8s %*u-%-8s", desc->chip->name, PREC, irq,
		   desc->chip->irq_is_level(irq) ? "level" : "edge");
	raw_spin_lock_irqsave(&desc->lock, flags);
	for (struct irqaction *a = desc->action; a; a = a->next)
		seq_printf(m, "%s%s", a == desc->action ? "  " : ", ", a->name);
	raw_spin_unlock_irqrestore(&desc->lock, flags);
	seq_putc(m, '\n');
}

static void interrupts_show(struct seq_file *m)
{
	unsigned int cpu;

	seq_printf(m, "%*s", PREC + 8, "");
	for_each_online_cpu(cpu)
		seq_printf(m, "CPU%-8u", cpu);
	seq_putc(m, '\n');
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		show_irq_line(m, irq);
	SHOW_ROW(m, "NMI", __nmi_count, "Non-maskable interrupts");
	if (apic_enabled) {
		SHOW_ROW(m, "LOC", apic_timer_irqs, "Local timer interrupts");
		SHOW_ROW(m, "SPU", irq_spurious_count, "Spurious interrupts");
		SHOW_ROW(m, "RES", irq_resched_count,
			 "Rescheduling interrupts");
		SHOW_ROW(m, "CAL", irq_call_count, "Function call interrupts");
		SHOW_ROW(m, "TLB", irq_tlb_count, "TLB shootdowns");
	}
	seq_printf(m, "%*s: %10u\n", PREC, "ERR", atomic_read(&irq_err_count));
}
PROC_FILE("interrupts", interrupts_show);
