// SPDX-License-Identifier: GPL-2.0
/*
 * panic.c - the end of the line, and the recovery points that let a shell
 * command's oops end only that command.
 *
 * Recovery points form a stack per CPU (run_protected() may nest, and a
 * command run on CPU 1 by `oncpu` has its own).  An oops in process context
 * with a recovery point armed unwinds to it: the frames in between are
 * simply abandoned, and allocations made by the abandoned code are the
 * only loss (reported by the leak checks of the tests, if a test was
 * running).  A lock held by the abandoned code stays held, as when a Linux
 * task dies holding one: the report says so ("exited with preempt_count"),
 * and the count is put back.  An oops in an interrupt handler, or with
 * nothing armed, panics, as Linux does; a panic stops the other CPUs.
 */
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <bug.h>
#include <errno.h>
#include <panic.h>
#include <printk.h>
#include <reboot.h>
#include <setjmp.h>
#include <sprintf.h>
#include <stack.h>

bool panic_exits_qemu;
bool panic_in_progress;
int oops_count;
DEFINE_PER_CPU(const char *, cpu_current_comm) = "swapper";

struct recovery_point {
	jmp_buf env; /* where run_protected() resumes */
	struct recovery_point *prev; /* the enclosing point */
	const char *saved_comm; /* current_comm to restore */
	unsigned int saved_preempt; /* preempt_count when it was armed */
};

/* This CPU's innermost recovery point. */
static DEFINE_PER_CPU(struct recovery_point *, recovery_top);

int run_protected(const char *comm, void (*fn)(void *arg), void *arg)
{
	struct recovery_point point = {
		.prev = this_cpu_read(recovery_top),
		.saved_comm = current_comm,
		.saved_preempt = preempt_count(),
	};

	if (setjmp(point.env)) {
		unsigned int count = preempt_count();

		this_cpu_write(recovery_top, point.prev);
		if (count != point.saved_preempt) {
			printk(KERN_ERR
			       "note: %s[0] exited with preempt_count %u\n",
			       current_comm, count - point.saved_preempt);
			this_cpu_write(__preempt_count, point.saved_preempt);
		}
		current_comm = point.saved_comm;
		local_irq_enable();
		return -EFAULT;
	}
	this_cpu_write(recovery_top, &point);
	current_comm = comm;
	fn(arg);
	this_cpu_write(recovery_top, point.prev);
	current_comm = point.saved_comm;
	return 0;
}

void *oops_recovery_save(void)
{
	return this_cpu_read(recovery_top);
}

void oops_recovery_restore(void *state)
{
	this_cpu_write(recovery_top, state);
}

/* Called at the end of an oops report: unwind to a recovery point or panic. */
void oops_end(void)
{
	struct recovery_point *point = this_cpu_read(recovery_top);

	if (in_interrupt())
		panic("Fatal exception in interrupt");
	if (!point || panic_exits_qemu)
		panic("Fatal exception");
	printk(KERN_WARNING
	       "%s: killed by the oops above; the kernel goes on\n",
	       current_comm);
	longjmp(point->env, 1);
}

static unsigned long taint_mask;

void add_taint(enum taint_flag flag)
{
	taint_mask |= 1UL << flag;
}

/* Linux's letters: B bad page, D died (oops), W warning. */
const char *print_tainted(void)
{
	static const char letters[NR_TAINT_FLAGS] = {
		[TAINT_BAD_PAGE] = 'B',
		[TAINT_DIE] = 'D',
		[TAINT_WARN] = 'W',
	};
	static char buf[32];
	int n;

	if (oops_count)
		add_taint(TAINT_DIE);
	if (nr_warnings)
		add_taint(TAINT_WARN);
	if (!taint_mask)
		return "Not tainted";
	n = scnprintf(buf, sizeof(buf), "Tainted: G");
	for (int flag = 0; flag < NR_TAINT_FLAGS; flag++)
		if (taint_mask & (1UL << flag))
			n += scnprintf(buf + n, sizeof(buf) - (size_t)n, " %c",
				       letters[flag]);
	return buf;
}

void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;

	local_irq_disable();
	if (panic_in_progress)
		machine_halt(); /* a panic while panicking: just stop */
	panic_in_progress = true;
	smp_send_stop();
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (!oops_count)
		dump_stack();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (panic_exits_qemu)
		qemu_exit(QEMU_EXIT_PANIC);
	machine_halt();
}
