// SPDX-License-Identifier: GPL-2.0
/*
 * traps.c - what happens on a CPU exception.
 *
 * An exception in user mode is the program's: it becomes a signal to the
 * process (a divide error SIGFPE, an invalid opcode SIGILL, a general
 * protection fault SIGSEGV, int3 SIGTRAP...), with Linux's "traps:" line
 * when the signal will kill it; the kernel goes on.  The FPU's "device not
 * available" is the lazy FPU switch (process_32.c).
 *
 * In kernel mode, in order: a fault the code expected (an exception-table
 * entry) is fixed up and execution continues at the fixup; a ud2 that is a
 * WARN is reported and skipped; anything else is an oops, reported like
 * Linux's and ended by oops_end() (the task dies, the current shell
 * command is abandoned, or the kernel panics).
 * Page faults have their own handler with a richer report (mm/fault.c).
 * Interrupts from the PIC (vectors 32..47) go to do_IRQ(), the local APIC's
 * (timer, IPIs: 236..255) to do_system_vector().
 */
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/hardirq.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <bug.h>
#include <kernel.h>
#include <panic.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <smp.h>
#include <stack.h>
#include <syscalls.h>

static const char *const trap_names[] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "nmi",
	[X86_TRAP_BP] = "int3",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bounds",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack segment",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_SPURIOUS] = "spurious interrupt bug",
	[X86_TRAP_MF] = "coprocessor error",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XF] = "simd error",
};

const char *trap_name(unsigned long trapnr)
{
	if (trapnr < ARRAY_SIZE(trap_names) && trap_names[trapnr])
		return trap_names[trapnr];
	return "reserved exception";
}

/* The signal of each exception from user mode, and its si_code. */
static const struct {
	int signo;
	int code;
} trap_signals[] = {
	[X86_TRAP_DE] = { SIGFPE, FPE_INTDIV },
	[X86_TRAP_DB] = { SIGTRAP, TRAP_BRKPT },
	[X86_TRAP_BP] = { SIGTRAP, TRAP_BRKPT },
	[X86_TRAP_OF] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_BR] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_UD] = { SIGILL, ILL_ILLOPN },
	[X86_TRAP_OLD_MF] = { SIGFPE, SI_KERNEL },
	[X86_TRAP_TS] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_NP] = { SIGBUS, SI_KERNEL },
	[X86_TRAP_SS] = { SIGBUS, SI_KERNEL },
	[X86_TRAP_GP] = { SIGSEGV, SI_KERNEL },
	[X86_TRAP_MF] = { SIGFPE, SI_KERNEL },
	[X86_TRAP_AC] = { SIGBUS, BUS_ADRALN },
	[X86_TRAP_XF] = { SIGFPE, SI_KERNEL },
};

/* An exception in user mode: a signal for the process. */
static void do_user_trap(struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	unsigned long trapnr = regs->trapnr;
	int sig = SIGSEGV, code = SI_KERNEL;

	if (trapnr < ARRAY_SIZE(trap_signals) && trap_signals[trapnr].signo) {
		sig = trap_signals[trapnr].signo;
		code = trap_signals[trapnr].code;
	}
	tsk->thread.trap_nr = trapnr;
	tsk->thread.error_code = regs->error_code;
	if (unhandled_signal(tsk, sig)) {
		pr_info("traps: %s[%d] %s%s ip:%lx sp:%lx error:%lx", tsk->comm,
			tsk->pid, trapnr == X86_TRAP_GP ? "" : "trap ",
			trap_name(trapnr), regs->ip, regs->sp,
			regs->error_code);
		print_vma_addr(" in ", regs->ip);
		pr_cont("\n");
	}
	force_sig_fault(sig, code, regs->ip);
}

static void do_exception(struct pt_regs *regs)
{
	if (regs->trapnr == X86_TRAP_PF) {
		do_page_fault(regs, read_cr2());
		return;
	}
	if (regs->trapnr == X86_TRAP_NM && fpu__handle_nm(regs))
		return;
	if (user_mode(regs)) {
		do_user_trap(regs);
		return;
	}
	if (fixup_exception(regs))
		return;
	if (regs->trapnr == X86_TRAP_UD && report_bug(regs))
		return;
	if (regs->trapnr == X86_TRAP_NMI) {
		inc_irq_stat(__nmi_count);
		pr_emerg(
			"Uhhuh. NMI received. Dazed and confused, but trying to continue\n");
		return;
	}
	die(trap_name(regs->trapnr), regs, regs->error_code);
}

asmlinkage void handle_trap(struct pt_regs *regs)
{
	if (regs->trapnr >= FIRST_SYSTEM_VECTOR)
		do_system_vector(regs);
	else if (regs->trapnr >= FIRST_EXTERNAL_VECTOR)
		do_IRQ(regs);
	else
		do_exception(regs);
	/* Back to a process: its pending work first (entry_32.c). */
	if (user_mode(regs))
		exit_to_user_mode_prepare(regs);
}

/*
 * The double-fault task.  The CPU saved the main task's registers in this
 * CPU's cpu_tss; if its ESP is in or just above the guard page below this
 * CPU's stack (the boot stack's, or the unmapped page below a vmalloc'ed
 * AP stack), this was a kernel stack overflow, the most common reason for
 * a #DF.
 */
void doublefault_task(void)
{
	struct x86_hw_tss *t = this_cpu_ptr(&cpu_tss);
	unsigned long bottom = (unsigned long)current->stack;
	unsigned long guard = bottom - PAGE_SIZE;
	bool overflow = t->sp >= guard - 64 && t->sp < bottom + 256;

	pr_emerg("PANIC: double fault, error_code: 0x0 on CPU#%u\n",
		 smp_processor_id());
	if (overflow)
		pr_emerg(
			"kernel stack overflow (double-fault): ESP %08x is in the guard page %08lx-%08lx below the stack of %s/%d\n",
			t->sp, guard, guard + 4096, current->comm,
			current->pid);
	pr_emerg("EIP: %pS\n", (void *)(unsigned long)t->ip);
	pr_emerg("EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n", t->ax, t->bx,
		 t->cx, t->dx);
	pr_emerg("ESI: %08x EDI: %08x EBP: %08x ESP: %08x\n", t->si, t->di,
		 t->bp, t->sp);
	pr_emerg("CR2: %08lx CR3: %08x\n", read_cr2(), t->cr3);
	panic("double fault");
}
