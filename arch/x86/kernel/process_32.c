// SPDX-License-Identifier: GPL-2.0
/*
 * process_32.c - the CPU's side of tasks: the context switch, a new
 * task's first stack, a program's first registers, and the FPU.
 *
 * __switch_to() is the C half of switch_to() (asm/switch_to.h): with the
 * stacks already swapped, it points this CPU at the next task: the TSS's
 * esp0 (where the CPU puts the registers when the task next traps from
 * user mode), its TLS descriptors in this CPU's GDT, `current`, and the
 * FPU trap.  Everything else a task owns is on its stack or in its
 * task_struct.
 *
 * A new task (copy_thread) gets a stack whose top is a struct pt_regs:
 * the parent's user registers with eax = 0 (fork returns 0 in the
 * child), or, for a kernel thread, its function and argument.  Its saved
 * %eip is ret_from_fork (entry_32.S), which finishes the switch and goes
 * to user mode through the same exit as a system call.
 *
 * The FPU is switched lazily, as i386 Linux did until 4.2: after a
 * switch CR0.TS is set, so the first FPU instruction a task runs traps
 * (#NM, "device not available"); the trap loads that task's FPU state,
 * or a fresh one, and clears TS.  A task that never touches the FPU (the
 * kernel never does: -mgeneral-regs-only) costs nothing; the state of
 * one that did is saved when another task is about to use the FPU... or
 * when its task switches out while it owns the FPU (fnsave).
 */
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/switch_to.h>
#include <asm/tls.h>
#include <asm/traps.h>
#include <kernel.h>
#include <percpu.h>
#include <printk.h>
#include <sched.h>
#include <smp.h>
#include <string.h>

/* The task whose FPU state is in this CPU's FPU registers now, if any. */
static DEFINE_PER_CPU(struct task_struct *, fpu_owner);

static inline void stts(void)
{
	write_cr0(read_cr0() | X86_CR0_TS);
}

static inline void clts(void)
{
	__asm__ __volatile__("clts" ::: "memory");
}

/* Save the FPU registers of its owner (fnsave also resets the FPU). */
static void fpu_save_owner(void)
{
	struct task_struct *owner = this_cpu_read(fpu_owner);

	if (!owner)
		return;
	clts();
	__asm__ __volatile__("fnsave %0; fwait"
			     : "=m"(owner->thread.fpu_state)
			     :
			     : "memory");
	this_cpu_write(fpu_owner, NULL);
	stts();
}

/* Boot and each AP: a real FPU (EM off), its errors as #MF, TS set. */
void fpu__init_cpu(void)
{
	unsigned long cr0 = read_cr0();

	cr0 &= ~(unsigned long)X86_CR0_EM;
	cr0 |= X86_CR0_MP | X86_CR0_NE | X86_CR0_TS;
	write_cr0(cr0);
}

/*
 * #NM from user mode: current wants the FPU.  Give it its saved state,
 * or a freshly initialised FPU the first time.  Returns false for a #NM
 * in kernel mode, which is a bug.
 */
bool fpu__handle_nm(struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	if (!user_mode(regs))
		return false;
	if (this_cpu_read(fpu_owner) != tsk) {
		fpu_save_owner();
		clts();
		if (tsk->thread.fpu_used)
			__asm__ __volatile__("frstor %0"
					     :
					     : "m"(tsk->thread.fpu_state));
		else
			__asm__ __volatile__("fninit");
		tsk->thread.fpu_used = true;
		this_cpu_write(fpu_owner, tsk);
	}
	clts();
	return true;
}

/* Before a task's FPU state is copied (fork) or dropped (exec, exit). */
void fpu__flush_owner(struct task_struct *tsk)
{
	unsigned long flags;

	local_irq_save(flags);
	if (this_cpu_read(fpu_owner) == tsk)
		fpu_save_owner();
	local_irq_restore(flags);
}

struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next)
{
	this_cpu_write(cpu_tss.sp0, next->thread.sp0);
	/* Always, as Linux: three copies cost less than comparing first. */
	load_TLS(&next->thread, smp_processor_id());
	/*
	 * The FPU stays with its owner until someone else uses it; any
	 * task that runs next traps on its first FPU instruction.
	 */
	if (unlikely(this_cpu_read(fpu_owner)) && !(read_cr0() & X86_CR0_TS))
		stts();
	this_cpu_write(current_task, next);
	return prev;
}

/*
 * The new task's kernel stack: pt_regs at the top, and its first %esp
 * and %eip.  A user task's registers are its parent's (sp replaced for
 * clone with a new stack) with eax = 0; a kernel thread gets fn in ebx
 * and its argument in edi, as i386 Linux passes them to ret_from_fork.
 */
void copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct pt_regs *child = task_pt_regs(p);

	if (args->kthread) {
		memset(child, 0, sizeof(*child));
		child->bx = args->stack; /* fn */
		child->di = args->stack_size; /* arg */
		child->cs = __KERNEL_CS;
		child->ds = child->es = __USER_DS;
		child->fs = __KERNEL_PERCPU;
		child->flags = X86_EFLAGS_FIXED | X86_EFLAGS_IF;
		memset(p->thread.tls_array, 0, sizeof(p->thread.tls_array));
		p->thread.fpu_used = false;
	} else {
		fpu__flush_owner(current);
		*child = *task_pt_regs(current);
		child->ax = 0;
		if (args->stack)
			child->sp = args->stack;
	}
	p->thread.sp = (unsigned long)child;
	p->thread.ip = (unsigned long)ret_from_fork;
}

/* A freshly exec'd program's registers: user segments, entry, stack. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, offsetof(struct pt_regs, trapnr));
	regs->ds = regs->es = __USER_DS;
	regs->fs = regs->gs = 0;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->ip = ip;
	regs->sp = sp;
	regs->flags = X86_EFLAGS_FIXED | X86_EFLAGS_IF;
	fpu__flush_owner(current);
	current->thread.fpu_used = false;
}
