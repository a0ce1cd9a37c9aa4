/* SPDX-License-Identifier: GPL-2.0 */
/* stack.h - call traces (arch/x86/kernel/dumpstack.c). */
#ifndef _STACK_H
#define _STACK_H

/* "Call Trace:" from the caller of dump_stack(). */
void dump_stack(void);
/* "Call Trace:" walking the frame-pointer chain from `bp`. */
void show_stack(unsigned long bp);
/* The end of an oops report: unwind to a recovery point or panic. */
__attribute__((noreturn)) void oops_end(void);

#endif /* _STACK_H */
