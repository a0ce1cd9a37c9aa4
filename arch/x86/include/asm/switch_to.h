/* SPDX-License-Identifier: GPL-2.0 */
/*
 * switch_to.h - the context switch itself: from prev's kernel stack to
 * next's.
 *
 * Only what the C calling convention does not already save needs saving:
 * the caller of switch_to() expects every register to be clobbered except
 * %ebp (the frame pointer), %esp and %eip.  So prev pushes %ebp, stores
 * %esp and the address of label 1 in prev->thread, loads next's, pushes
 * next's saved %eip and jumps to __switch_to() (process_32.c), whose `ret`
 * lands in next: at label 1 for a task that was switched out here (it
 * pops its %ebp and returns from its own switch_to()), at ret_from_fork
 * for a new one.  %eax carries prev across (__switch_to returns it), so
 * the new task knows which task it came from: `last`.
 *
 * This is i386 Linux's switch_to() up to 4.8, without the flags push
 * (every switch happens with interrupts off).
 */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

#include <sched.h>

struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next);

static __always_inline struct task_struct *switch_to(struct task_struct *prev,
						     struct task_struct *next)
{
	struct task_struct *last;
	unsigned long ebx, ecx, edx, esi, edi;

	__asm__ __volatile__(
		"pushl %%ebp\n\t"
		"movl %%esp, %[prev_sp]\n\t"
		"movl %[next_sp], %%esp\n\t"
		"movl $1f, %[prev_ip]\n\t"
		"pushl %[next_ip]\n\t"
		"jmp __switch_to\n"
		"1:\t"
		"popl %%ebp\n\t"
		: [prev_sp] "=m"(prev->thread.sp),
		  [prev_ip] "=m"(prev->thread.ip), "=a"(last), "=b"(ebx),
		  "=c"(ecx), "=d"(edx), "=S"(esi), "=D"(edi)
		: [next_sp] "m"(next->thread.sp), [next_ip] "m"(next->thread.ip),
		  "a"(prev), "d"(next)
		: "memory");
	return last;
}

/* Where a new task starts (entry_32.S): finishes the switch, then runs. */
void ret_from_fork(void);

#endif /* _ASM_X86_SWITCH_TO_H */
