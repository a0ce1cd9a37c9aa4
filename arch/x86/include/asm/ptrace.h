/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ptrace.h - the registers of an interrupted context, as the entry code
 * (arch/x86/kernel/entry.S) saves them on the stack, lowest address first.
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

/* The vector of Linux's i386 system calls, `int $0x80`. */
#define IA32_SYSCALL_VECTOR 0x80

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
	union {
		unsigned long error_code; /* by the CPU, or 0 by the stub */
		unsigned long orig_ax; /* int 0x80: the system call number */
	};
	unsigned long ip; /* pushed by the CPU */
	unsigned long cs;
	unsigned long flags;
	/* Only when coming from user mode: */
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

/* Was this entry a system call (int $0x80)? */
static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->trapnr == IA32_SYSCALL_VECTOR;
}

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) != 0;
}

#endif /* __ASSEMBLY__ */

/* Offsets used by entry.S. */
#define PT_TRAPNR 44
#define PT_ERROR_CODE 48
#define PT_CS 56
#define PT_SIZE 72 /* with sp and ss: a user-mode frame */

#endif /* _ASM_X86_PTRACE_H */
