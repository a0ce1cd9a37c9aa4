/* SPDX-License-Identifier: GPL-2.0 */
/*
 * smp.h - running code on other CPUs, as Linux's <linux/smp.h>.
 *
 *	smp_call_function_single(cpu, fn, info, wait)  fn(info) on that CPU,
 *	                                               in its IPI handler
 *	smp_call_function(fn, info, wait)              on every other CPU
 *	on_each_cpu(fn, info, wait)                    ... and on this one
 *	smp_call_on_cpu(cpu, fn, arg, false)           fn(arg) on that CPU in
 *	                                               process context (its idle
 *	                                               loop), the caller waits
 *
 * The first three run `fn` with interrupts off on the target, so it must
 * be short and must not wait for anything; they are how TLB shootdowns
 * reach other CPUs.  smp_call_on_cpu() is for long work: a shell command
 * run on another CPU.
 */
#ifndef _SMP_H
#define _SMP_H

#include <asm/smp.h>
#include <cpumask.h>
#include <preempt.h>
#include <types.h>

typedef void (*smp_call_func_t)(void *info);

/* A request queued on a CPU (Linux's call_single_data_t). */
typedef struct __call_single_data {
	struct __call_single_data *next; /* in the target's queue */
	smp_call_func_t func;
	void *info;
	unsigned int flags; /* CSD_FLAG_* */
} call_single_data_t;

#define CSD_FLAG_LOCK 0x01 /* queued or running: not reusable yet */
#define CSD_FLAG_SYNCHRONOUS 0x02 /* the sender waits for func's end */

#define smp_processor_id() raw_smp_processor_id()

/* This CPU's number, with preemption off until put_cpu(). */
#define get_cpu()                   \
	({                          \
		preempt_disable();  \
		smp_processor_id(); \
	})
#define put_cpu() preempt_enable()

/* 0, or -ENXIO if cpu is not online. */
int smp_call_function_single(unsigned int cpu, smp_call_func_t func, void *info,
			     bool wait);
void smp_call_function_many(const cpumask_t *mask, smp_call_func_t func,
			    void *info, bool wait);
void smp_call_function(smp_call_func_t func, void *info, bool wait);
void on_each_cpu(smp_call_func_t func, void *info, bool wait);
/* func(par) in process context on cpu; its return value, or -ENXIO. */
int smp_call_on_cpu(unsigned int cpu, int (*func)(void *), void *par,
		    bool phys);

/* The IPI handlers' work: run what other CPUs queued for this one. */
void generic_smp_call_function_interrupt(void);

/* Boot: the queues (after the per-CPU areas), then start the other CPUs. */
void call_function_init(void);
void smp_init(void);
/* An AP's idle loop: hlt, and run smp_call_on_cpu() work. Never returns. */
__noreturn void cpu_startup_entry(void);

/* `nosmp`, `maxcpus=`: how many CPUs smp_init() brings up. */
extern unsigned int setup_max_cpus;

#endif /* _SMP_H */
