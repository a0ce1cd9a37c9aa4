/* SPDX-License-Identifier: GPL-2.0 */
/* setjmp.h - non-local jumps within the kernel stack (arch/x86/kernel/setjmp.S). */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <compiler.h>

struct jmp_buf_regs {
	unsigned long bx, si, di, bp, sp, ip; /* callee-saved state */
};
typedef struct jmp_buf_regs jmp_buf[1];

/* Returns 0 when called, and `val` (never 0) when jumped back to. */
asmlinkage __attribute__((returns_twice)) int setjmp(jmp_buf env);
asmlinkage __attribute__((noreturn)) void longjmp(jmp_buf env, int val);

#endif /* _SETJMP_H */
