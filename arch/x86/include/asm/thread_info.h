/* SPDX-License-Identifier: GPL-2.0 */
/*
 * thread_info.h - the kernel stack of a task, and the work flags that the
 * way back to user mode looks at.
 *
 * Every task has its own kernel stack of THREAD_SIZE bytes, 8 KB as on
 * i386 Linux.  It comes from vmalloc, so the page below it is unmapped (a
 * vmalloc area's guard page, or free space): an overflow faults, and the
 * CPU's double-fault task reports it, instead of silently overwriting the
 * next task's memory.  (Linux i386 takes its stacks from the direct map;
 * VMAP_STACK, which does what this kernel does, is 64-bit only there.)
 *
 * The top of the stack holds the user registers (struct pt_regs) of a
 * task that entered the kernel from user mode: the TSS's esp0 points just
 * above them, so the CPU pushes them there on a trap.
 *
 * TIF_* flags, in task_struct.ti_flags, are work to do before returning to
 * user mode (arch/x86/kernel/entry_32.c): reschedule, deliver a signal.
 */
#ifndef _ASM_X86_THREAD_INFO_H
#define _ASM_X86_THREAD_INFO_H

#include <asm/memlayout.h>

#define THREAD_SIZE_ORDER 1
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER) /* 8 KB, as Linux */

#define TIF_SIGPENDING 2 /* a signal is pending */
#define TIF_NEED_RESCHED 3 /* rescheduling necessary */
#define TIF_NOTIFY_RESUME 1 /* callback before returning to user */

#define _TIF_SIGPENDING (1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED (1UL << TIF_NEED_RESCHED)
#define _TIF_NOTIFY_RESUME (1UL << TIF_NOTIFY_RESUME)
/* What exit_to_user_mode_loop() acts on. */
#define _TIF_WORK_MASK \
	(_TIF_SIGPENDING | _TIF_NEED_RESCHED | _TIF_NOTIFY_RESUME)

#endif /* _ASM_X86_THREAD_INFO_H */
