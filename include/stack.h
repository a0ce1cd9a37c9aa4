/* SPDX-License-Identifier: GPL-2.0 */
/* stack.h - call traces (arch/x86/kernel/dumpstack.c). */
#ifndef _STACK_H
#define _STACK_H

#include <types.h>

/* "Call Trace:" from the caller of dump_stack(). */
void dump_stack(void);
/* "Call Trace:" walking the frame-pointer chain from `bp`. */
void show_stack(unsigned long bp);
/*
 * The return addresses of the callers of the caller, innermost first, the
 * first skipnr left out (Linux's stack_trace_save()); how many were stored.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr);
/* The end of an oops report: unwind to a recovery point or panic. */
__attribute__((noreturn)) void oops_end(void);

#endif /* _STACK_H */
