/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/smp.h - which CPU am I, and the x86 side of SMP bring-up.
 *
 * The CPU number is a per-CPU variable, so smp_processor_id() is one
 * `movl %fs:cpu_number, %eax`.  The hardware's name for a CPU is its local
 * APIC ID (what an IPI is addressed to); the firmware's tables give the
 * APIC IDs and the kernel numbers the CPUs 0, 1, 2... in table order, the
 * boot CPU first.
 */
#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

#include <asm/percpu.h>
#include <threads.h>
#include <types.h>

extern __attribute__((section(PER_CPU_SECTION))) unsigned int cpu_number;

#define raw_smp_processor_id() this_cpu_read(cpu_number)

/* APIC ID of each CPU number (BAD_APICID if none). */
#define BAD_APICID 0xffU
extern u8 x86_cpu_to_apicid[NR_CPUS];
#define cpu_physical_id(cpu) (x86_cpu_to_apicid[cpu])

/* What each CPU's CPUID said (/proc/cpuinfo), filled as it starts. */
struct cpuinfo_x86;
extern __attribute__((section(PER_CPU_SECTION))) struct cpuinfo_x86 cpu_info;

/* The top and bottom of each CPU's kernel stack (dumpstack, #DF). */
extern __attribute__((section(PER_CPU_SECTION))) unsigned long cpu_stack_bottom;
extern __attribute__((section(PER_CPU_SECTION))) unsigned long cpu_stack_top;

/* smpboot.c: start CPU `cpu`; 0 once it is online, or -EIO. */
int __cpu_up(unsigned int cpu);
/* smpboot.c: before and after the APs are started. */
void smp_prepare_cpus(void);
void smp_cpus_done(void);
/* smpboot.c: where an AP enters C, on its own stack. */
void start_secondary(void);
/* mpparse.c: read the firmware's MP table (CPUs, local APIC address). */
void find_smp_config(void);
/* smpboot.c: keep a page below 1 MB for the real-mode trampoline. */
void reserve_real_mode(void);
/* setup_percpu.c: the per-CPU areas, and the boot CPU switched to its own. */
void setup_per_cpu_areas(void);

/* smp.c (arch): the IPIs generic code asks for. */
void arch_send_call_function_single_ipi(unsigned int cpu);
void arch_send_call_function_ipi(unsigned int cpu);
void smp_send_reschedule(unsigned int cpu);
/* Stop every other CPU (panic): they halt with interrupts off. */
void smp_send_stop(void);
/* The IPI handlers (smp.c), called by do_system_vector() after EOI-less entry. */
void smp_call_function_interrupt(void);
void smp_reschedule_interrupt(void);
void smp_reboot_interrupt(void);

#endif /* _ASM_X86_SMP_H */
