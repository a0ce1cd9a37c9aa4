/* SPDX-License-Identifier: GPL-2.0 */
/*
 * percpu.h - variables with one copy per CPU, as Linux's <linux/percpu.h>.
 *
 *	DEFINE_PER_CPU(int, my_counter);        one int per CPU
 *	this_cpu_inc(my_counter);               this CPU's: incl %fs:my_counter
 *	per_cpu(my_counter, 2) = 0;             CPU 2's copy, from anywhere
 *	int *p = per_cpu_ptr(&my_counter, cpu); the address of CPU cpu's copy
 *	int __percpu *c = alloc_percpu(int);    a dynamic one, zeroed on each CPU
 *
 * A per-CPU variable is linked into the .data..percpu section, which is only
 * a template: at boot every CPU gets a copy (its per-CPU area, see
 * arch/x86/kernel/setup_percpu.c) and the variable's own address is a
 * handle, valid only through this_cpu_*(), per_cpu() and friends.  Copy i
 * lives at the handle + __per_cpu_offset[i]; this CPU's offset is also in
 * %fs (asm/percpu.h), which makes this_cpu_read/write/add/inc/dec single
 * instructions.
 *
 * Using a per-CPU variable of *this* CPU across code that could move to
 * another CPU needs preemption off: get_cpu_var()/put_cpu_var() and
 * get_cpu()/put_cpu() do that (there is no scheduler yet, so preemption
 * is a count that only the debug checks read, as in Linux without
 * CONFIG_PREEMPT).
 */
#ifndef _PERCPU_H
#define _PERCPU_H

#include <asm/percpu.h>
#include <preempt.h>
#include <threads.h>
#include <types.h>

/* Marks a pointer to per-CPU data (sparse's address space in Linux). */
#define __percpu

#define DECLARE_PER_CPU(type, name) \
	extern __section(PER_CPU_SECTION) __typeof__(type) name
#define DEFINE_PER_CPU(type, name) \
	__section(PER_CPU_SECTION) __typeof__(type) name
/* Data that several CPUs write: a cache line of its own. */
#define DEFINE_PER_CPU_ALIGNED(type, name) \
	DEFINE_PER_CPU(type, name) __aligned(64)

/* Where each CPU's area is, relative to the template. */
extern unsigned long __per_cpu_offset[NR_CPUS];
#define per_cpu_offset(cpu) (__per_cpu_offset[cpu])

/* The template, as linked (arch/x86/kernel.ld). */
extern char __per_cpu_start[], __per_cpu_end[];

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + per_cpu_offset(cpu)))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))

/* This CPU's copy, with preemption off until put_cpu_var(). */
#define get_cpu_var(var)              \
	(*({                          \
		preempt_disable();    \
		this_cpu_ptr(&(var)); \
	}))
#define put_cpu_var(var)          \
	do {                      \
		(void)&(var);     \
		preempt_enable(); \
	} while (0)
#define get_cpu_ptr(var)           \
	({                         \
		preempt_disable(); \
		this_cpu_ptr(var); \
	})
#define put_cpu_ptr(var)          \
	do {                      \
		(void)(var);      \
		preempt_enable(); \
	} while (0)

/*
 * Dynamic per-CPU memory (mm/percpu.c): the same offset in every CPU's
 * area, zeroed on every CPU.  NULL (and a warning) when the dynamic part
 * of the areas is full.
 */
void __percpu *__alloc_percpu(size_t size, size_t align);
#define alloc_percpu(type) \
	((type __percpu *)__alloc_percpu(sizeof(type), __alignof__(type)))
void free_percpu(void __percpu *ptr);

/* Bytes of the dynamic area in use and in all (for the tests). */
size_t pcpu_nr_used_bytes(void);
size_t pcpu_dynamic_size(void);
/* Hand the dynamic part of the first chunk to the allocator (boot). */
void pcpu_setup_first_chunk(size_t static_size, size_t dyn_size);

#endif /* _PERCPU_H */
