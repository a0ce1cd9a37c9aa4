// SPDX-License-Identifier: GPL-2.0
/*
 * proc_misc.c - the /proc views of the core: version, cmdline, uptime
 * (/proc/interrupts is the arch's: arch/x86/kernel/irq_proc.c).
 *
 * As in Linux's fs/proc (once one proc_misc.c too), each is a function that
 * writes its text with seq_printf(); the format is Linux's, so the files can
 * be put beside a real machine's.  /proc/uptime's second number is the
 * idle time of all CPUs added (kernel/sched/idle_time.c).
 */
#include <asm/irq.h>
#include <config.h>
#include <cpumask.h>
#include <kernel.h>
#include <params.h>
#include <seq_file.h>
#include <tick.h>
#include <time.h>

static void proc_version_show(struct seq_file *m)
{
	seq_printf(m,
		   "kmem386 version %s (gcc %s) i386 non-PAE HIGHMEM 3G/1G\n",
		   KMEM386_VERSION, __VERSION__);
}
PROC_FILE("version", proc_version_show);

static void proc_cmdline_show(struct seq_file *m)
{
	seq_printf(m, "%s\n", saved_command_line);
}
PROC_FILE("cmdline", proc_cmdline_show);

/* Seconds since boot, and the idle seconds of all CPUs added (tick.h). */
static void proc_uptime_show(struct seq_file *m)
{
	u64 cs = local_clock() / (NSEC_PER_SEC / 100), idle = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		idle += get_cpu_idle_tsc(cpu);
	idle = tsc_khz ? idle / (tsc_khz * 10ULL) : 0; /* centiseconds */
	seq_printf(m, "%llu.%02llu %llu.%02llu\n", cs / 100, cs % 100,
		   idle / 100, idle % 100);
}
PROC_FILE("uptime", proc_uptime_show);
