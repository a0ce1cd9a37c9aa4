/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tick.h - how long each CPU sat idle (kernel/sched/idle_time.c), in TSC
 * ticks: the measure Linux keeps as tick_sched's idle_sleeptime when its
 * tick stops in idle (NO_HZ), and reports through get_cpu_idle_time_us().
 *
 * Idle time starts when the idle loop halts the CPU and ends at the first
 * interrupt that is not a timer tick, or when the loop gives the CPU to a
 * task or to smp_call_on_cpu() work, whichever comes first; the ticks
 * taken meanwhile count as idle (they would not have come had there been
 * work).  Under QEMU's -icount the TSC counts instructions while a CPU
 * runs and jumps to the next timer deadline while all are halted, so a
 * TSC interval minus the idle time in it is what the CPU executed.
 */
#ifndef _TICK_H
#define _TICK_H

#include <compiler.h>
#include <percpu.h>
#include <types.h>

/* This CPU's idle clock (the idle loop and the interrupts change it). */
struct idle_time {
	bool active; /* an idle period is running (since entrytime) */
	u64 entrytime; /* the TSC when it began */
	u64 sleeptime; /* TSC ticks of the idle periods that ended */
};

DECLARE_PER_CPU(struct idle_time, idle_time);

/* The idle loop, interrupts off, about to halt: idle time runs. */
void idle_time_start(void);
void __idle_time_stop(void);

/*
 * The CPU has work: the idle loop leaves, or an interrupt other than the
 * timer's came.  Nothing when no idle period runs (one load and a test).
 */
static __always_inline void idle_time_stop(void)
{
	if (unlikely(this_cpu_read(idle_time.active)))
		__idle_time_stop();
}

/* TSC ticks CPU cpu has been idle since boot, the running period too. */
u64 get_cpu_idle_tsc(unsigned int cpu);

#endif /* _TICK_H */
