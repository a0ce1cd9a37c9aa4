/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpumask.h - sets of CPUs, as Linux's cpumask_t (one word: NR_CPUS <= 32).
 *
 * Three masks describe the machine, each a subset of the one before:
 *  - possible: CPUs the firmware listed (per-CPU areas exist for these);
 *  - present: the same here (no hotplug);
 *  - online: CPUs that have finished starting and answer interrupts.
 * A CPU number is an index 0..nr_cpu_ids-1 chosen at boot (0 is the boot
 * CPU); the local APIC ID the hardware uses is cpu_physical_id(cpu).
 */
#ifndef _CPUMASK_H
#define _CPUMASK_H

#include <asm/atomic.h>
#include <kernel.h>
#include <threads.h>
#include <types.h>

typedef struct cpumask {
	unsigned long bits;
} cpumask_t;

_Static_assert(NR_CPUS <= 32, "a cpumask is one unsigned long");

extern cpumask_t __cpu_possible_mask, __cpu_online_mask;
/* CPUs found at boot: valid CPU numbers are below this. */
extern unsigned int nr_cpu_ids;

#define cpu_possible_mask (&__cpu_possible_mask)
#define cpu_present_mask (&__cpu_possible_mask)
#define cpu_online_mask (&__cpu_online_mask)

static inline void cpumask_set_cpu(unsigned int cpu, cpumask_t *mask)
{
	set_bit(cpu, &mask->bits);
}

static inline void cpumask_clear_cpu(unsigned int cpu, cpumask_t *mask)
{
	clear_bit(cpu, &mask->bits);
}

static inline bool cpumask_test_cpu(unsigned int cpu, const cpumask_t *mask)
{
	return cpu < NR_CPUS && test_bit(cpu, &mask->bits);
}

static inline unsigned int cpumask_weight(const cpumask_t *mask)
{
	return hweight32(READ_ONCE(mask->bits));
}

/* The first CPU in mask at or after cpu; NR_CPUS if none. */
static inline unsigned int cpumask_next_from(unsigned int cpu,
					     const cpumask_t *mask)
{
	for (; cpu < NR_CPUS; cpu++)
		if (test_bit(cpu, &mask->bits))
			return cpu;
	return NR_CPUS;
}

#define for_each_cpu(cpu, mask)                                   \
	for ((cpu) = cpumask_next_from(0, mask); (cpu) < NR_CPUS; \
	     (cpu) = cpumask_next_from((cpu) + 1, mask))
#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_present_cpu(cpu) for_each_cpu(cpu, cpu_present_mask)
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)

#define cpu_online(cpu) cpumask_test_cpu(cpu, cpu_online_mask)
#define cpu_possible(cpu) cpumask_test_cpu(cpu, cpu_possible_mask)
#define num_online_cpus() cpumask_weight(cpu_online_mask)
#define num_possible_cpus() cpumask_weight(cpu_possible_mask)

static inline void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

#endif /* _CPUMASK_H */
