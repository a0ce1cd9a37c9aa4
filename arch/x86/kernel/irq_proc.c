// SPDX-License-Identifier: GPL-2.0
/*
 * irq_proc.c - /proc/interrupts: every interrupt source, one column per
 * online CPU, in Linux's format (kernel/irq/proc.c's show_interrupts and
 * arch/x86/kernel/irq.c's arch_show_interrupts):
 *
 *	           CPU0       CPU1
 *	  0:        312          0   XT-PIC  timer
 *	NMI:          0          0   Non-maskable interrupts
 *	LOC:        315        311   Local timer interrupts
 *	...
 *	CAL:          2         40   Function call interrupts
 *	TLB:          0         38   TLB shootdowns
 *	ERR:          0
 *
 * The device lines are the PIC's (all on CPU 0: virtual wire mode); the
 * named rows are the per-CPU counters of asm/hardirq.h.  Rows Linux prints
 * for hardware this kernel does not drive (PMI, IWI, MCE ...) are left out.
 */
#include <asm/apic.h>
#include <asm/hardirq.h>
#include <asm/irq.h>
#include <cpumask.h>
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

static void interrupts_show(struct seq_file *m)
{
	unsigned int cpu;

	seq_printf(m, "%*s", PREC + 8, "");
	for_each_online_cpu(cpu)
		seq_printf(m, "CPU%-8u", cpu);
	seq_putc(m, '\n');
	for (unsigned int irq = 0; irq < NR_IRQS; irq++) {
		if (!irq_name(irq))
			continue;
		seq_printf(m, "%*u: ", PREC, irq);
		for_each_online_cpu(cpu)
			seq_printf(m, "%10lu ", kstat_irqs_cpu(irq, cpu));
		seq_printf(m, "  XT-PIC  %s\n", irq_name(irq));
	}
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
