// SPDX-License-Identifier: GPL-2.0
/*
 * setup_percpu.c - one per-CPU area for every CPU, and %fs pointing at it.
 *
 * The linker puts every DEFINE_PER_CPU variable into .data..percpu, between
 * __per_cpu_start and __per_cpu_end, inside the init section: that copy is
 * only a template.  setup_per_cpu_areas() runs once memblock works, before
 * any other CPU is started:
 *  - one block of memblock memory holds a unit per possible CPU; a unit is
 *    the template's size plus the dynamic part that alloc_percpu() hands
 *    out (mm/percpu.c), rounded to pages, so every variable keeps its
 *    offset and alignment in every unit;
 *  - each unit starts as a copy of the template, values included (what the
 *    boot CPU wrote so far, and the initialisers);
 *  - __per_cpu_offset[cpu] = unit - __per_cpu_start, which is also the base
 *    of that CPU's %fs segment (its GDT entry) and its this_cpu_off;
 *  - the boot CPU then loads its own GDT from its unit, and from that
 *    instruction on its %fs-relative accesses reach its unit, no longer the
 *    template (which is freed with the rest of the init memory).
 * The boot log says it as Linux does: "setup_percpu: NR_CPUS:8
 * nr_cpumask_bits:4 nr_cpu_ids:4 nr_node_ids:1" and "percpu: Embedded ...".
 */
#include <asm/desc.h>
#include <asm/memlayout.h>
#include <asm/smp.h>
#include <cpumask.h>
#include <kernel.h>
#include <memblock.h>
#include <percpu.h>
#include <printk.h>
#include <smp.h>
#include <string.h>

/* Bytes of each unit for alloc_percpu() (Linux: 20 KB on 32-bit). */
#define PERCPU_DYNAMIC_RESERVE (8UL << 10)

unsigned long __per_cpu_offset[NR_CPUS];

DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(unsigned int, cpu_number);
DEFINE_PER_CPU(unsigned int, __preempt_count);

void __init setup_per_cpu_areas(void)
{
	size_t static_size = (size_t)(__per_cpu_end - __per_cpu_start);
	size_t unit_size = PAGE_ALIGN(static_size + PERCPU_DYNAMIC_RESERVE);
	unsigned long flags;
	unsigned int cpu;
	char *base;

	pr_info("setup_percpu: NR_CPUS:%d nr_cpumask_bits:%u nr_cpu_ids:%u nr_node_ids:1\n",
		NR_CPUS, nr_cpu_ids, nr_cpu_ids);
	base = memblock_alloc_or_panic(unit_size * nr_cpu_ids, PAGE_SIZE,
				       "per-CPU areas");
	pr_info("percpu: Embedded %zu pages/cpu s%zu r0 d%zu u%zu\n",
		unit_size >> PAGE_SHIFT, static_size, unit_size - static_size,
		unit_size);

	local_irq_save(flags); /* nothing may write the template meanwhile */
	for_each_possible_cpu(cpu) {
		char *unit = base + cpu * unit_size;

		memcpy(unit, __per_cpu_start, static_size);
		__per_cpu_offset[cpu] =
			(unsigned long)unit - (unsigned long)__per_cpu_start;
		per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
		per_cpu(cpu_number, cpu) = cpu;
	}
	/* The boot CPU moves to its unit: GDT, %fs, TSSs, #DF stack. */
	cpu_gdt_setup(0);
	load_percpu_gdt(0);
	doublefault_init_cpu(0);
	local_irq_restore(flags);

	pcpu_setup_first_chunk(static_size, unit_size - static_size);
	call_function_init();
}
