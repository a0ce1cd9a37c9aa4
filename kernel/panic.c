// SPDX-License-Identifier: GPL-2.0
/*
 * panic.c - the end of the line, and the recovery points that let a shell
 * command's oops end only that command.
 *
 * Recovery points form a stack (run_protected() may nest).  An oops in
 * process context with a recovery point armed unwinds to it: the frames in
 * between are simply abandoned, which is safe here because this kernel holds
 * no locks and allocations made by the abandoned code are the only loss
 * (reported by the leak checks of the tests, if a test was running).  An oops
 * in an interrupt handler, or with nothing armed, panics, as Linux does.
 */
#include <asm/irq.h>
#include <asm/processor.h>
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
const char *current_comm = "swapper";

struct recovery_point {
	jmp_buf env; /* where run_protected() resumes */
	struct recovery_point *prev; /* the enclosing point */
	const char *saved_comm; /* current_comm to restore */
	unsigned int saved_hardirq; /* always 0: process context */
};

static struct recovery_point *recovery_top;

int run_protected(const char *comm, void (*fn)(void *arg), void *arg)
{
	struct recovery_point point = {
		.prev = recovery_top,
		.saved_comm = current_comm,
	};

	if (setjmp(point.env)) {
		recovery_top = point.prev;
		current_comm = point.saved_comm;
		local_irq_enable();
		return -EFAULT;
	}
	recovery_top = &point;
	current_comm = comm;
	fn(arg);
	recovery_top = point.prev;
	current_comm = point.saved_comm;
	return 0;
}

void *oops_recovery_save(void)
{
	return recovery_top;
}

void oops_recovery_restore(void *state)
{
	recovery_top = state;
}

/* Called at the end of an oops report: unwind to a recovery point or panic. */
void oops_end(void)
{
	if (in_interrupt())
		panic("Fatal exception in interrupt");
	if (!recovery_top || panic_exits_qemu)
		panic("Fatal exception");
	printk(KERN_WARNING
	       "%s: killed by the oops above; the kernel goes on\n",
	       current_comm);
	longjmp(recovery_top->env, 1);
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
