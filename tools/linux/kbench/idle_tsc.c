// SPDX-License-Identifier: GPL-2.0
/*
 * idle_tsc.c - a Linux kernel module that gives Debian's Linux the idle
 * clock kmem386 keeps (kmem386's include/tick.h and
 * kernel/sched/idle_time.c), as the same file: /proc/idle_tsc, a line per
 * CPU, "cpu0 123456789", the TSC ticks the CPU has been idle.
 *
 * Why: under QEMU's -icount the TSC counts instructions while a CPU runs
 * and jumps to the next timer deadline while it is halted; a benchmark
 * that waits for the disk subtracts the idle time to count only what the
 * CPU executed (user/include/ubench.h: exclude_idle).  Debian's 686
 * kernel ticks periodically (HZ_PERIODIC: no NO_HZ idle_sleeptime), has
 * no cpuidle driver under QEMU, and its /proc/stat counts idle in ticks of
 * 4 ms; so this module measures, with the same rule as kmem386:
 *
 *  - an idle period starts at the power:cpu_idle tracepoint that enters
 *    idle (default_idle_call(), just before the halt);
 *  - it ends at the first device interrupt (irq:irq_handler_entry, the
 *    handler about to run), or when the idle task gives the CPU to a task
 *    (seen lazily: the idle task's switch count moved since the last
 *    cpu_idle exit, which is then the end);
 *  - a timer tick that wakes the CPU and finds nothing to do leaves
 *    cpu_idle, loops and enters it again: the same period goes on.
 *
 * What differs from kmem386, and in which direction: Linux's window starts
 * a few dozen instructions before its halt (ct_idle_enter(), the static
 * call to default_idle) and ends after its interrupt entry (irqentry_enter,
 * irq_enter_rcu, the flow handler), so those instructions count as idle
 * and Linux's figure is a little low; the probes themselves add some
 * instructions to Linux's (docs/benchmarks.md has the measure).  The
 * probes are attached with tracepoint_probe_register(), the kernel's own
 * hook for tracers; unloading the module detaches them.
 *
 * Only the CPU itself writes its clock, from its idle task or its
 * interrupts (interrupts off); the file reads it as it stands.
 */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <asm/msr.h>

#define PWR_EVENT_EXIT ((unsigned int)-1) /* cpu_idle's state on exit */

struct idle_clock {
	bool active; /* an idle period runs, since entry */
	bool leaving; /* cpu_idle exited at `exit`: a tick, or the end */
	u64 entry; /* the TSC when the period began */
	u64 exit; /* the TSC at the last cpu_idle exit */
	unsigned long switches; /* the idle task's nivcsw at that exit */
	u64 sleep; /* TSC ticks of the periods that ended */
	struct task_struct *idle; /* this CPU's idle task */
};

static DEFINE_PER_CPU(struct idle_clock, idle_clock);

/* Has the idle task given the CPU away since its last cpu_idle exit? */
static bool idle_clock_left(const struct idle_clock *ic)
{
	return ic->leaving && READ_ONCE(ic->idle->nivcsw) != ic->switches;
}

/* End the running period at `end`. */
static void idle_clock_end(struct idle_clock *ic, u64 end)
{
	ic->sleep += end - ic->entry;
	ic->active = false;
	ic->leaving = false;
}

static void probe_cpu_idle(void *data, unsigned int state, unsigned int cpu)
{
	struct idle_clock *ic = this_cpu_ptr(&idle_clock);
	u64 now = rdtsc();

	if (state == PWR_EVENT_EXIT) {
		if (ic->active) {
			ic->exit = now;
			ic->switches = current->nivcsw;
			ic->leaving = true;
		}
		return;
	}
	ic->idle = current;
	if (ic->active) {
		if (ic->leaving && current->nivcsw == ic->switches) {
			ic->leaving = false; /* a tick found nothing: go on */
			return;
		}
		idle_clock_end(ic, ic->leaving ? ic->exit : now);
	}
	ic->entry = now;
	ic->active = true;
}

static void probe_irq_handler_entry(void *data, int irq, void *action)
{
	struct idle_clock *ic = this_cpu_ptr(&idle_clock);

	if (ic->active)
		idle_clock_end(ic, idle_clock_left(ic) ? ic->exit : rdtsc());
}

static u64 idle_clock_read(const struct idle_clock *ic, u64 now)
{
	if (!ic->active)
		return ic->sleep;
	return ic->sleep + (idle_clock_left(ic) ? ic->exit : now) - ic->entry;
}

static int idle_tsc_show(struct seq_file *m, void *v)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		seq_printf(m, "cpu%u %llu\n", cpu,
			   idle_clock_read(per_cpu_ptr(&idle_clock, cpu),
					   rdtsc()));
	return 0;
}

static int idle_tsc_open(struct inode *inode, struct file *file)
{
	return single_open(file, idle_tsc_show, NULL);
}

static const struct proc_ops idle_tsc_ops = {
	.proc_open = idle_tsc_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static struct idle_tsc_probe {
	const char *name;
	void *probe;
	struct tracepoint *tp;
} probes[] = {
	{ "cpu_idle", probe_cpu_idle },
	{ "irq_handler_entry", probe_irq_handler_entry },
};

static void idle_tsc_find(struct tracepoint *tp, void *priv)
{
	for (int i = 0; i < ARRAY_SIZE(probes); i++)
		if (!strcmp(tp->name, probes[i].name))
			probes[i].tp = tp;
}

static void idle_tsc_detach(void)
{
	for (int i = 0; i < ARRAY_SIZE(probes); i++)
		if (probes[i].tp)
			tracepoint_probe_unregister(probes[i].tp,
						    probes[i].probe, NULL);
	tracepoint_synchronize_unregister();
}

static int __init idle_tsc_init(void)
{
	int err = 0;

	for_each_kernel_tracepoint(idle_tsc_find, NULL);
	for (int i = 0; i < ARRAY_SIZE(probes) && !err; i++) {
		if (!probes[i].tp) {
			pr_err("idle_tsc: no tracepoint %s\n", probes[i].name);
			err = -ENOENT;
		} else {
			err = tracepoint_probe_register(probes[i].tp,
							probes[i].probe, NULL);
			if (err)
				probes[i].tp = NULL;
		}
	}
	if (!err && !proc_create("idle_tsc", 0444, NULL, &idle_tsc_ops))
		err = -ENOMEM;
	if (err)
		idle_tsc_detach();
	else
		pr_info("idle_tsc: /proc/idle_tsc counts idle TSC ticks\n");
	return err;
}

static void __exit idle_tsc_exit(void)
{
	remove_proc_entry("idle_tsc", NULL);
	idle_tsc_detach();
}

module_init(idle_tsc_init);
module_exit(idle_tsc_exit);
MODULE_DESCRIPTION(
	"Each CPU's idle time in TSC ticks, as kmem386's /proc/idle_tsc");
MODULE_LICENSE("GPL");
