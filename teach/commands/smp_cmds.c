// SPDX-License-Identifier: GPL-2.0
/*
 * smp_cmds.c - the shell's view of the CPUs: `cpus`, and `oncpu N CMD`,
 * which runs any shell command on CPU N.
 *
 * `oncpu` hands the command line to smp_call_on_cpu(): CPU N's idle loop
 * runs it in process context, with its own oops recovery point and its
 * own current_comm, while this CPU waits (still taking its interrupts:
 * the keyboard and the serial line arrive here).  What the command prints
 * goes to the same consoles.  So `oncpu 1 cat /proc/interrupts` shows the
 * counters as CPU 1 sees them, and `oncpu 2 cpus` marks CPU 2 as the one
 * running.  A Ctrl-C meanwhile is for the command on CPU N (the console's
 * foreground moves there while it runs).  Bad input is an error line: a CPU number this machine does
 * not have, or a CPU that is offline (it did not start, or maxcpus= or
 * nosmp kept it off).
 */
#include <asm/hardirq.h>
#include <asm/smp.h>
#include <console.h>
#include <cpumask.h>
#include <errno.h>
#include <kernel.h>
#include <percpu.h>
#include <printk.h>
#include <shell.h>
#include <smp.h>
#include <sprintf.h>
#include <string.h>

static int cmd_cpus(int argc, char **argv)
{
	unsigned int cpu, me = smp_processor_id();

	if (argc > 1)
		return shell_usage(argv[0]);
	kprintf("CPU  APIC ID  state    %-17s %10s %10s %10s\n", "stack", "LOC",
		"CAL", "TLB");
	for_each_possible_cpu(cpu) {
		const irq_cpustat_t *st = irq_stats(cpu);

		kprintf("%3u  %7u  %-7s  %08lx-%08lx %10u %10u %10u%s\n", cpu,
			cpu_physical_id(cpu),
			cpu_online(cpu) ? "online" : "offline",
			per_cpu(cpu_stack_bottom, cpu),
			per_cpu(cpu_stack_top, cpu), st->apic_timer_irqs,
			st->irq_call_count, st->irq_tlb_count,
			cpu == me ? "   <- running `cpus`" : "");
	}
	kprintf("%u of %u CPUs online\n", num_online_cpus(), nr_cpu_ids);
	return 0;
}
SHELL_COMMAND(cpus, "", "the CPUs: APIC IDs, stacks, interrupt counts",
	      SHELL_TOPIC_SYSTEM, cmd_cpus);

static int oncpu_run(void *line)
{
	return shell_exec(line);
}

static int cmd_oncpu(int argc, char **argv)
{
	char line[SHELL_LINE_MAX];
	unsigned long cpu;
	unsigned int prev;
	int n = 0, ret;

	if (argc < 3)
		return shell_usage(argv[0]);
	if (shell_parse_ulong(argv[1], &cpu))
		return -EINVAL;
	if (cpu >= nr_cpu_ids && nr_cpu_ids == 1) {
		kprintf("oncpu: no CPU %lu: this machine has one CPU, CPU 0\n",
			cpu);
		return -EINVAL;
	}
	if (cpu >= nr_cpu_ids) {
		kprintf("oncpu: no CPU %lu: this machine has CPUs 0-%u\n", cpu,
			nr_cpu_ids - 1);
		return -EINVAL;
	}
	if (!cpu_online(cpu)) {
		kprintf("oncpu: CPU %lu is offline (it did not start, or maxcpus=/nosmp kept it off)\n",
			cpu);
		return -ENXIO;
	}
	for (int i = 2; i < argc; i++)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, "%s%s",
			       i > 2 ? " " : "", argv[i]);
	/* A ^C is for the command on that CPU now (a signal for its job). */
	prev = console_set_foreground((unsigned int)cpu);
	ret = smp_call_on_cpu((unsigned int)cpu, oncpu_run, line, false);
	console_set_foreground(prev);
	return ret;
}
SHELL_COMMAND(oncpu, "CPU COMMAND...",
	      "run a command on another CPU, this one waits",
	      SHELL_TOPIC_SYSTEM, cmd_oncpu,
	      .detail = "Hands the command line to CPU N's idle loop "
			"(smp_call_on_cpu(): a RESCHEDULE IPI, then process "
			"context there) while this CPU waits, still taking "
			"the keyboard and serial interrupts.  What the command "
			"shows is what CPU N sees: its per-CPU counters, its "
			"kmap_local slots, its stack.  A Ctrl-C meanwhile is "
			"for the command on CPU N.  Calls nest: oncpu 1 "
			"oncpu 0 CMD.",
	      .see = "cpus, cat /proc/interrupts, test smp");
