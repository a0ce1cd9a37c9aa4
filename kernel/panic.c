// SPDX-License-Identifier: GPL-2.0
/*
 * panic.c - the end of the line, and the recovery points that let a shell
 * command's oops end only that command.
 *
 * Recovery points form a stack per task (run_protected() may nest; the
 * shell's command, a test case and an `oncpu` command on another CPU's
 * idle task each have their own).  An oops in process context with a
 * recovery point armed unwinds to it: the frames in between are simply
 * abandoned, and allocations made by the abandoned code are the only loss
 * (reported by the leak checks of the tests, if a test was running).  A
 * lock held by the abandoned code stays held, as when a Linux task dies
 * holding one: the report says so ("exited with preempt_count"), and the
 * count is put back.  An oops in a user process's system call with no
 * point armed kills the process, as Linux's make_task_dead() does; in an
 * interrupt handler, or in a kernel thread with nothing armed, it panics;
 * a panic stops the other CPUs.
 */
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <bug.h>
#include <errno.h>
#include <panic.h>
#include <printk.h>
#include <reboot.h>
#include <sched.h>
#include <signal.h>
#include <setjmp.h>
#include <sprintf.h>
#include <string.h>
#include <stack.h>

bool panic_exits_qemu;
bool panic_in_progress;
int oops_count;

struct recovery_point {
	jmp_buf env; /* where run_protected() resumes */
	struct recovery_point *prev; /* the enclosing point */
	char saved_comm[TASK_COMM_LEN]; /* the task's name to restore */
	unsigned int saved_preempt; /* preempt_count when it was armed */
};

const char *current_comm_str(void)
{
	return current->comm;
}

void set_current_comm(const char *comm)
{
	set_task_comm(current, comm);
}

int run_protected(const char *comm, void (*fn)(void *arg), void *arg)
{
	struct task_struct *tsk = current;
	struct recovery_point point = {
		.prev = tsk->recovery_top,
		.saved_preempt = preempt_count(),
	};

	memcpy(point.saved_comm, tsk->comm, sizeof(point.saved_comm));
	if (setjmp(point.env)) {
		unsigned int count = preempt_count();

		tsk->recovery_top = point.prev;
		if (count != point.saved_preempt) {
			printk(KERN_ERR
			       "note: %s[%d] exited with preempt_count %u\n",
			       tsk->comm, tsk->pid,
			       count - point.saved_preempt);
			this_cpu_write(__preempt_count, point.saved_preempt);
		}
		set_task_comm(tsk, point.saved_comm);
		local_irq_enable();
		return -EFAULT;
	}
	tsk->recovery_top = &point;
	set_task_comm(tsk, comm);
	fn(arg);
	tsk->recovery_top = point.prev;
	set_task_comm(tsk, point.saved_comm);
	return 0;
}

void *oops_recovery_save(void)
{
	return current->recovery_top;
}

void oops_recovery_restore(void *state)
{
	current->recovery_top = state;
}

/*
 * Called at the end of an oops report: unwind to a recovery point, end
 * the user process whose system call it was, or panic.
 */
void oops_end(void)
{
	struct task_struct *tsk = current;
	struct recovery_point *point = tsk->recovery_top;

	if (in_interrupt())
		panic("Fatal exception in interrupt");
	if (!point && tsk->mm && !panic_exits_qemu &&
	    !(tsk->flags & PF_EXITING)) {
		unsigned int count = preempt_count();

		if (count) {
			printk(KERN_ERR
			       "note: %s[%d] exited with preempt_count %u\n",
			       tsk->comm, tsk->pid, count);
			this_cpu_write(__preempt_count, 0);
		}
		local_irq_enable();
		do_exit(SIGSEGV); /* as if killed by SIGSEGV */
	}
	if (!point || panic_exits_qemu)
		panic("Fatal exception");
	printk(KERN_WARNING
	       "%s: killed by the oops above; the kernel goes on\n",
	       tsk->comm);
	longjmp(point->env, 1);
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
