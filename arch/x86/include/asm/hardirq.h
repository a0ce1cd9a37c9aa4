/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hardirq.h - the per-CPU interrupt counters of /proc/interrupts' named
 * rows (NMI, LOC, SPU, RES, CAL, TLB), as Linux's irq_cpustat_t.
 */
#ifndef _ASM_X86_HARDIRQ_H
#define _ASM_X86_HARDIRQ_H

#include <percpu.h>

typedef struct {
	unsigned int __nmi_count; /* NMI: non-maskable interrupts */
	unsigned int apic_timer_irqs; /* LOC: local APIC timer ticks */
	unsigned int irq_spurious_count; /* SPU: spurious APIC interrupts */
	unsigned int irq_resched_count; /* RES: rescheduling (wake-up) IPIs */
	unsigned int irq_call_count; /* CAL: function call IPIs */
	unsigned int irq_tlb_count; /* TLB: shootdowns done for others */
} irq_cpustat_t;

DECLARE_PER_CPU(irq_cpustat_t, irq_stat);

#define inc_irq_stat(member) this_cpu_inc(irq_stat.member)
#define irq_stats(cpu) (&per_cpu(irq_stat, cpu))

#endif /* _ASM_X86_HARDIRQ_H */
