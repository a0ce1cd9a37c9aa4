// SPDX-License-Identifier: GPL-2.0
/*
 * idle_time.c - how long each CPU sat idle, in TSC ticks (tick.h), and
 * the views that show it: /proc/idle_tsc, and /proc/uptime's second
 * number (fs: kernel/proc_misc.c).
 *
 * The idle loop starts an idle period just before it halts; the period
 * ends at the entry of the first interrupt that is not a timer tick (the
 * PIT's IRQ 0 or the local APIC timer), or when the loop gives the CPU to
 * a task or to smp_call_on_cpu() work.  A tick taken meanwhile wakes the
 * CPU, finds nothing to do and halts again inside the same period: it
 * would not have come had there been work, and how many come during a
 * wait depends on how long the wait lasts, not on what the CPU does.
 * Linux with NO_HZ keeps such a clock (tick_sched's idle_sleeptime, also
 * stopped by interrupts: tick_nohz_irq_enter()); Debian's 686 kernel
 * ticks periodically and has none, so the Linux side of the benchmarks
 * gets the same clock from a module on Linux's own idle and interrupt
 * tracepoints (tools/linux/kbench/idle_tsc.c, docs/benchmarks.md).
 *
 * Why TSC ticks: under QEMU's -icount the TSC advances one per guest
 * instruction while a CPU runs and jumps to the next timer deadline while
 * every CPU is halted.  A TSC interval minus the idle time inside it is
 * then the instructions executed, however long the host's disk took: the
 * benchmark of an uncached read (user/bench/bench_pagecache.c) counts so.
 * Outside QEMU the numbers are the TSC's cycles.
 *
 * Only this CPU writes its own clock, with interrupts off (the idle loop
 * before it halts, an interrupt's entry); another CPU reads it twice until
 * two reads agree (a 64-bit value is two loads on i386).
 */
#include <asm/processor.h>
#include <cpumask.h>
#include <kernel.h>
#include <seq_file.h>
#include <tick.h>

DEFINE_PER_CPU(struct idle_time, idle_time);

void idle_time_start(void)
{
	struct idle_time *it = this_cpu_ptr(&idle_time);

	if (it->active)
		return; /* woken by a tick: the same period goes on */
	it->entrytime = rdtsc();
	barrier(); /* entrytime is set before the period shows as running */
	it->active = true;
}

void __idle_time_stop(void)
{
	struct idle_time *it = this_cpu_ptr(&idle_time);

	it->sleeptime += rdtsc() - it->entrytime;
	barrier();
	it->active = false;
}

/* One consistent look at CPU cpu's clock, from any CPU. */
static u64 idle_time_read(const struct idle_time *it, u64 now)
{
	for (;;) {
		u64 sleep = READ_ONCE(it->sleeptime);
		bool active = READ_ONCE(it->active);
		u64 entry = READ_ONCE(it->entrytime);

		barrier();
		if (sleep == READ_ONCE(it->sleeptime) &&
		    active == READ_ONCE(it->active) &&
		    entry == READ_ONCE(it->entrytime))
			return sleep + (active ? now - entry : 0);
	}
}

u64 get_cpu_idle_tsc(unsigned int cpu)
{
	return cpu < nr_cpu_ids ?
		       idle_time_read(per_cpu_ptr(&idle_time, cpu), rdtsc()) :
		       0;
}

/* "cpu0 123456789": each online CPU's idle time in TSC ticks. */
static void proc_idle_tsc_show(struct seq_file *m)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		seq_printf(m, "cpu%u %llu\n", cpu, get_cpu_idle_tsc(cpu));
}
PROC_FILE("idle_tsc", proc_idle_tsc_show);
