/* SPDX-License-Identifier: GPL-2.0 */
/* traps.h - CPU exception vectors and the handlers' entry points. */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <asm/ptrace.h>

enum {
	X86_TRAP_DE = 0, /* divide error */
	X86_TRAP_DB, /* debug */
	X86_TRAP_NMI, /* non-maskable interrupt */
	X86_TRAP_BP, /* int3 */
	X86_TRAP_OF, /* overflow */
	X86_TRAP_BR, /* bound range exceeded */
	X86_TRAP_UD, /* invalid opcode */
	X86_TRAP_NM, /* device not available */
	X86_TRAP_DF, /* double fault */
	X86_TRAP_OLD_MF, /* coprocessor segment overrun */
	X86_TRAP_TS, /* invalid TSS */
	X86_TRAP_NP, /* segment not present */
	X86_TRAP_SS, /* stack segment fault */
	X86_TRAP_GP, /* general protection fault */
	X86_TRAP_PF, /* page fault */
	X86_TRAP_SPURIOUS, /* reserved */
	X86_TRAP_MF, /* x87 floating point error */
	X86_TRAP_AC, /* alignment check */
	X86_TRAP_MC, /* machine check */
	X86_TRAP_XF, /* SIMD floating point error */
};

/* Page-fault error code bits (Intel SDM vol. 3, 4.7). */
#define X86_PF_PROT 0x01 /* 0: not-present page, 1: protection violation */
#define X86_PF_WRITE 0x02 /* 0: read, 1: write */
#define X86_PF_USER 0x04 /* 0: kernel mode, 1: user mode */
#define X86_PF_RSVD 0x08 /* reserved bit set in a paging entry */
#define X86_PF_INSTR 0x10 /* instruction fetch */

/* C entry from entry.S for every vector 0..47 except the double fault. */
asmlinkage void handle_trap(struct pt_regs *regs);
/* The page-fault handler (arch/x86/mm/fault.c). */
void do_page_fault(struct pt_regs *regs, unsigned long address);
/* Runs as its own task on a double fault (arch/x86/kernel/traps.c). */
void doublefault_task(void);
/* The name Linux gives exception `trapnr` ("general protection fault"). */
const char *trap_name(unsigned long trapnr);

/* Print the oops report for `regs` and end the current work (kernel/panic.c). */
__attribute__((noreturn)) void die(const char *str, struct pt_regs *regs,
				   unsigned long err);
/* Registers, code bytes and call trace of an interrupted context. */
void show_regs(struct pt_regs *regs);

struct task_struct;
/* " in prog[start+size]": the program file region that holds ip. */
void print_vma_addr(const char *prefix, unsigned long ip);
/* Would sig kill tsk (no handler)?  Then the kernel logs the fault. */
bool unhandled_signal(struct task_struct *tsk, int sig);
/* The FPU (process_32.c): boot setup, and the lazy switch's trap. */
void fpu__init_cpu(void);
bool fpu__handle_nm(struct pt_regs *regs);

#endif /* _ASM_X86_TRAPS_H */
