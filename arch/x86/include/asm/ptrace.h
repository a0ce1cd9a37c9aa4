/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ptrace.h - the registers of an interrupted context, as the entry code
 * (arch/x86/kernel/entry.S) saves them on the stack, lowest address first.
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#ifndef __ASSEMBLY__
#include <types.h>

struct pt_regs {
	unsigned long bx; /* general registers, pushed by entry.S */
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long bp;
	unsigned long ax;
	unsigned long ds; /* segment registers, pushed by entry.S */
	unsigned long es;
	unsigned long fs;
	unsigned long gs;
	unsigned long trapnr; /* vector number, pushed by the stub */
	unsigned long error_code; /* by the CPU, or 0 pushed by the stub */
	unsigned long ip; /* pushed by the CPU */
	unsigned long cs;
	unsigned long flags;
	/* Only when coming from user mode (never here): */
	unsigned long sp;
	unsigned long ss;
};

/*
 * A trap in kernel mode does not push ESP/SS: the interrupted stack pointer
 * is where `sp` would have been.
 */
static inline unsigned long kernel_stack_pointer(const struct pt_regs *regs)
{
	return (unsigned long)&regs->sp;
}

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) != 0;
}

#endif /* __ASSEMBLY__ */

/* Offsets used by entry.S. */
#define PT_TRAPNR 44
#define PT_ERROR_CODE 48

#endif /* _ASM_X86_PTRACE_H */
