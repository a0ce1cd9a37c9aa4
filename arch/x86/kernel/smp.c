// SPDX-License-Identifier: GPL-2.0
/*
 * smp.c - the x86 inter-processor interrupts.
 *
 * An IPI is a write to the sender's local APIC: destination APIC ID and
 * vector (asm/irq_vectors.h).  The receiving CPU takes it as an interrupt
 * on that vector and, like any local APIC interrupt, acknowledges it with
 * an EOI to its own APIC.  Four kinds, as in Linux:
 *  - CALL_FUNCTION(_SINGLE): "run what I queued for you" (kernel/smp.c);
 *    every TLB shootdown travels this way.  Counted as CAL;
 *  - RESCHEDULE: "wake up and look": an idle CPU leaves hlt and checks its
 *    work (smp_call_on_cpu).  Counted as RES;
 *  - REBOOT: "stop": the CPU halts with interrupts off (panic).
 */
#include <asm/apic.h>
#include <asm/hardirq.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <cpumask.h>
#include <kernel.h>
#include <reboot.h>
#include <smp.h>
#include <time.h>

void arch_send_call_function_single_ipi(unsigned int cpu)
{
	apic_send_IPI(cpu, CALL_FUNCTION_SINGLE_VECTOR);
}

void arch_send_call_function_ipi(unsigned int cpu)
{
	apic_send_IPI(cpu, CALL_FUNCTION_VECTOR);
}

void smp_send_reschedule(unsigned int cpu)
{
	apic_send_IPI(cpu, RESCHEDULE_VECTOR);
}

void smp_call_function_interrupt(void)
{
	apic_eoi();
	inc_irq_stat(irq_call_count);
	generic_smp_call_function_interrupt();
}

void smp_reschedule_interrupt(void)
{
	apic_eoi();
	inc_irq_stat(irq_resched_count);
	/* Nothing else: leaving hlt is the point (the idle loop looks). */
}

static __noreturn void stop_this_cpu(void)
{
	set_cpu_online(smp_processor_id(), false);
	machine_halt();
}

void smp_reboot_interrupt(void)
{
	apic_eoi();
	stop_this_cpu();
}

void smp_send_stop(void)
{
	unsigned int cpu, me;

	if (!apic_enabled || num_online_cpus() < 2)
		return;
	me = smp_processor_id();
	for_each_online_cpu(cpu)
		if (cpu != me)
			apic_send_IPI(cpu, REBOOT_VECTOR);
	/* Give them a moment to stop (Linux waits up to a second). */
	for (unsigned int i = 0; i < 1000 && num_online_cpus() > 1; i++)
		udelay(1000);
}
