// SPDX-License-Identifier: GPL-2.0
/*
 * cpu.c - the simulated machine's one CPU: its per-CPU area, and the SMP
 * layer's arch side for a machine that never brings up a second one.
 *
 * The kernel's own SMP files are built into the simulation: kernel/smp.c
 * (cross-CPU calls, on_each_cpu(), schedule_on_each_cpu(), the cpumasks,
 * which start with the boot CPU alone), arch/x86/mm/tlb.c (shootdowns and
 * their counters), kernel/locking/ (the debugged spinlock, the mutex) and
 * kernel/might_sleep.c.  With one CPU online they run their local halves
 * only: a drain of every CPU's page lists, a flush_all() of the cpu slabs
 * and a TLB shootdown are the calls on this CPU, and no IPI is ever sent.
 * An IPI asked for all the same would go to a CPU that is not there: it
 * is reported and ends the run (a finding), as is a halt, which no
 * interrupt would ever end.
 *
 * setup_per_cpu_areas() is the kernel's (arch/x86/kernel/setup_percpu.c)
 * for one CPU: a unit of memblock memory holds a copy of the template
 * (.data..percpu, which sim.mk links as mm_percpu and the simulation puts
 * back at power-on) and the dynamic part alloc_percpu() hands out; from
 * then on __per_cpu_offset[0] leads every this_cpu access there
 * (asm/percpu.h of the simulation), as %fs does in the kernel.
 */
#include <asm/hardirq.h>
#include <asm/memlayout.h>
#include <asm/smp.h>
#include <cpumask.h>
#include <errno.h>
#include <kernel.h>
#include <memblock.h>
#include <percpu.h>
#include <printk.h>
#include <smp.h>
#include <string.h>

#include "host_os.h"
#include "sim_internal.h"

/* Bytes of the unit for alloc_percpu(), as the kernel's (8 KB). */
#define PERCPU_DYNAMIC_RESERVE (8UL << 10)

unsigned long __per_cpu_offset[NR_CPUS];

DEFINE_PER_CPU(unsigned int, cpu_number);
DEFINE_PER_CPU(unsigned int, __preempt_count);
DEFINE_PER_CPU(irq_cpustat_t, irq_stat);
/*
 * The stack kmemleak scans: none.  The simulated kernel runs on the host
 * program's stack, among the test harness's frames and AddressSanitizer's
 * red zones, which are not the kernel's references.
 */
DEFINE_PER_CPU(unsigned long, cpu_stack_bottom);
DEFINE_PER_CPU(unsigned long, cpu_stack_top);

/*
 * The template holds AddressSanitizer's red zones between the variables,
 * which a checked memcpy() would report: copied unchecked, a word at a
 * time (-fno-builtin keeps the loop a loop).  The unit is simulated RAM,
 * which has no red zones of its own.
 */
__attribute__((no_sanitize_address)) static void
percpu_copy_template(unsigned long *dst, size_t size)
{
	const unsigned long *src = (const unsigned long *)__per_cpu_start;

	for (size_t i = 0; i < size / sizeof(long); i++)
		dst[i] = src[i];
}

void __init setup_per_cpu_areas(void)
{
	size_t static_size = (size_t)(__per_cpu_end - __per_cpu_start);
	size_t unit_size = PAGE_ALIGN(static_size + PERCPU_DYNAMIC_RESERVE);
	char *unit;

	BUILD_BUG_ON(NR_CPUS < 1);
	unit = memblock_alloc_or_panic(unit_size, PAGE_SIZE, "per-CPU areas");
	pr_info("percpu: Embedded %zu pages/cpu s%zu r0 d%zu u%zu\n",
		unit_size >> PAGE_SHIFT, static_size, unit_size - static_size,
		unit_size);
	percpu_copy_template((unsigned long *)unit, static_size);
	__per_cpu_offset[0] =
		(unsigned long)unit - (unsigned long)__per_cpu_start;
	per_cpu(cpu_number, 0) = 0;
	pcpu_setup_first_chunk(static_size, unit_size - static_size);
	call_function_init();
}

void sim_percpu_bad_pair(const void *pcp1, const void *pcp2)
{
	pr_emerg(
		"sim: this_cpu_cmpxchg_double() of %p and %p: cmpxchg8b needs two adjacent words, 8-byte aligned\n",
		pcp1, pcp2);
	sim_bail();
}

void sim_halt(void)
{
	pr_emerg(
		"sim: CPU 0 halted with interrupts on, and no interrupt will come: a hang\n");
	sim_bail();
}

/* An IPI to a CPU that is not online: the callers never send one. */
static __noreturn void sim_no_ipi(const char *what, unsigned int cpu)
{
	pr_emerg("sim: %s IPI to CPU %u, which a machine of one CPU lacks\n",
		 what, cpu);
	sim_bail();
}

void arch_send_call_function_single_ipi(unsigned int cpu)
{
	sim_no_ipi("call-function-single", cpu);
}

void arch_send_call_function_ipi(unsigned int cpu)
{
	sim_no_ipi("call-function", cpu);
}

void smp_send_reschedule(unsigned int cpu)
{
	sim_no_ipi("reschedule", cpu);
}

/* smp_init()'s steps: the simulation never calls it; no CPU to start. */
void smp_prepare_cpus(void)
{
}

int __cpu_up(unsigned int cpu)
{
	return -ENODEV;
}

void smp_cpus_done(void)
{
}
