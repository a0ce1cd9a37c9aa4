// SPDX-License-Identifier: GPL-2.0
/*
 * traps.c - what happens on a CPU exception.
 *
 * In order: a fault the code expected (an exception-table entry) is fixed up
 * and execution continues at the fixup; a ud2 that is a WARN is reported and
 * skipped; anything else is an oops, reported like Linux's and ended by
 * oops_end() (the current shell command is abandoned, or the kernel panics).
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
#include <smp.h>
#include <stack.h>

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

static void do_exception(struct pt_regs *regs)
{
	if (regs->trapnr == X86_TRAP_PF) {
		do_page_fault(regs, read_cr2());
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
	unsigned long bottom = this_cpu_read(cpu_stack_bottom);
	unsigned long guard = bottom - PAGE_SIZE;
	bool overflow = t->sp >= guard - 64 && t->sp < bottom + 256;

	pr_emerg("PANIC: double fault, error_code: 0x0 on CPU#%u\n",
		 smp_processor_id());
	if (overflow)
		pr_emerg(
			"kernel stack overflow (double-fault): ESP %08x is in the guard page %08lx-%08lx below the %s stack\n",
			t->sp, guard, guard + 4096,
			smp_processor_id() ? "CPU's" : "boot");
	pr_emerg("EIP: %pS\n", (void *)(unsigned long)t->ip);
	pr_emerg("EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n", t->ax, t->bx,
		 t->cx, t->dx);
	pr_emerg("ESI: %08x EDI: %08x EBP: %08x ESP: %08x\n", t->si, t->di,
		 t->bp, t->sp);
	pr_emerg("CR2: %08lx CR3: %08x\n", read_cr2(), t->cr3);
	panic("double fault");
}
