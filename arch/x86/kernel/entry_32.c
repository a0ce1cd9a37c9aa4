// SPDX-License-Identifier: GPL-2.0
/*
 * entry_32.c - the C side of entering and leaving the kernel for a task:
 * the system call dispatch, the work done before returning to user mode,
 * and a new task's first steps (entry.S calls these).
 *
 * A system call is `int $0x80` with the number in eax and the arguments
 * in ebx, ecx, edx, esi, edi, ebp (Linux's i386 ABI).  The gate leaves
 * interrupts off; the call runs with them on, like any task code, and may
 * sleep.  A number outside the table, or a hole in it, is -ENOSYS, and
 * the first use of each such number is logged with the program's name,
 * so a missing call shows up once instead of flooding the log.
 *
 * Before any return to user mode the task's pending work is done, in a
 * loop with interrupts off between the checks (so nothing set by an
 * interrupt is missed): reschedule if the tick or a wake-up asked for it,
 * deliver pending signals (arch/x86/kernel/signal.c).  This is the only
 * place a task is switched away from without sleeping: the kernel is not
 * preemptible.
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <errno.h>
#include <kernel.h>
#include <printk.h>
#include <sched.h>
#include <syscalls.h>

extern const sys_call_ptr_t ia32_sys_call_table[];

/* Numbers already reported as unknown: 0..511, and "any above". */
static unsigned long ni_reported[512 / BITS_PER_LONG];
static bool ni_reported_high;

/* Out of line: its report would give the dispatch a stack frame. */
static noinline long sys_ni_syscall(unsigned long nr)
{
	bool first;

	if (nr < 512) {
		unsigned long bit = 1UL << (nr % BITS_PER_LONG);

		first = !(__atomic_fetch_or(&ni_reported[nr / BITS_PER_LONG],
					    bit, __ATOMIC_RELAXED) &
			  bit);
	} else
		first = !__atomic_exchange_n(&ni_reported_high, true,
					     __ATOMIC_RELAXED);
	if (first)
		pr_info("%s[%d]: system call %ld not implemented: -ENOSYS%s\n",
			current->comm, current->pid, (long)nr,
			nr < 512 ?
				"" :
				" (further unknown numbers above 511 are not logged)");
	return -ENOSYS;
}

static void exit_to_user_mode_loop(struct pt_regs *regs, unsigned long work)
{
	while (work & _TIF_WORK_MASK) {
		local_irq_enable();
		if (work & _TIF_NEED_RESCHED)
			schedule();
		if (work & _TIF_SIGPENDING)
			arch_do_signal_or_restart(regs);
		local_irq_disable();
		work = READ_ONCE(current->ti_flags);
	}
}

/* Inline in the system call's own exit: one load and a test, no call. */
static __always_inline void __exit_to_user_mode_prepare(struct pt_regs *regs)
{
	unsigned long work;

	local_irq_disable();
	work = READ_ONCE(current->ti_flags);
	if (unlikely(work & _TIF_WORK_MASK))
		exit_to_user_mode_loop(regs, work);
}

void exit_to_user_mode_prepare(struct pt_regs *regs)
{
	__exit_to_user_mode_prepare(regs);
}

void do_int80_syscall_32(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;
	sys_call_ptr_t fn = NULL;

	local_irq_enable();
	if (likely(nr < NR_syscalls))
		fn = ia32_sys_call_table[nr];
	regs->ax = (unsigned long)(fn ? fn(regs) : sys_ni_syscall(nr));
	__exit_to_user_mode_prepare(regs);
}

/*
 * A new task, after schedule_tail(): a kernel thread runs its function
 * (in ebx, its argument in edi) and exits with its result, unless the
 * function exec'd a program, in which case it returns to that program
 * like a user task; a user task (fork's child) goes to user mode with
 * eax = 0.
 */
void ret_from_fork_c(struct pt_regs *regs)
{
	if (unlikely(current->flags & PF_KTHREAD)) {
		int (*fn)(void *) = (int (*)(void *))regs->bx;
		int ret = fn((void *)regs->di);

		if (current->flags & PF_KTHREAD)
			do_exit(ret);
		regs->ax = 0; /* kernel_execve() succeeded */
	}
	exit_to_user_mode_prepare(regs);
}
