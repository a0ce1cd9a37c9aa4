/* SPDX-License-Identifier: GPL-2.0 */
/*
 * current.h - `current`, the task this CPU runs, as i386 Linux has it: a
 * per-CPU pointer that the scheduler writes at every context switch, so
 * `current` is one instruction (movl %fs:current_task, %eax).
 */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

#include <asm/percpu.h>

struct task_struct;

extern __attribute__((
	section(PER_CPU_SECTION))) struct task_struct *current_task;

static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}

#define current get_current()

#endif /* _ASM_X86_CURRENT_H */
