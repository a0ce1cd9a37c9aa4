/* SPDX-License-Identifier: GPL-2.0 */
/*
 * syscalls.h - defining a system call, as Linux's <linux/syscalls.h>.
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf,
 *			size_t, count)
 *	{
 *		...
 *	}
 *
 * defines __ia32_sys_read(const struct pt_regs *regs), the entry of the
 * system call table (arch/x86/kernel/syscall_32.c), which takes the
 * arguments from the registers the i386 ABI passes them in (ebx, ecx,
 * edx, esi, edi, ebp), converts each to its declared type and calls the
 * body, a static function with an ordinary C signature.  The result (or
 * -errno) goes back to user space in eax.
 */
#ifndef _SYSCALLS_H
#define _SYSCALLS_H

#include <asm/ptrace.h>
#include <compiler.h>
#include <types.h>

/* Marks a pointer that user space gave: only uaccess.h may follow it. */
#ifndef __user
#define __user
#endif

typedef long (*sys_call_ptr_t)(const struct pt_regs *regs);

#define __SYSCALL_WRAPPER(name, call)                       \
	long __ia32_sys_##name(const struct pt_regs *regs); \
	long __ia32_sys_##name(const struct pt_regs *regs)  \
	{                                                   \
		(void)regs;                                 \
		return call;                                \
	}

#define SYSCALL_DEFINE0(name)                      \
	static long __do_sys_##name(void);         \
	__SYSCALL_WRAPPER(name, __do_sys_##name()) \
	static long __do_sys_##name(void)

#define SYSCALL_DEFINE1(name, t1, a1)                          \
	static long __do_sys_##name(t1 a1);                    \
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->bx)) \
	static long __do_sys_##name(t1 a1)

#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)                                \
	static long __do_sys_##name(t1 a1, t2 a2);                           \
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->bx, (t2)regs->cx)) \
	static long __do_sys_##name(t1 a1, t2 a2)

#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3)                       \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3);                   \
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->bx, (t2)regs->cx, \
						(t3)regs->dx))              \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3)

#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4)                \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4);             \
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->bx, (t2)regs->cx,  \
						(t3)regs->dx, (t4)regs->si)) \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4)

#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)       \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5);     \
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->bx, (t2)regs->cx, \
						(t3)regs->dx, (t4)regs->si, \
						(t5)regs->di))              \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5)

#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)  \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6); \
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->bx, (t2)regs->cx,    \
						(t3)regs->dx, (t4)regs->si,    \
						(t5)regs->di, (t6)regs->bp))   \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6)

/*
 * A system call that needs the whole register frame (fork's child starts
 * from it, sigreturn rewrites it): the wrapper hands it on.
 */
#define SYSCALL_DEFINE_REGS(name)                                        \
	static long __do_sys_##name(struct pt_regs *regs);               \
	__SYSCALL_WRAPPER(name, __do_sys_##name((struct pt_regs *)regs)) \
	static long __do_sys_##name(struct pt_regs *regs)

/* The table's entries (arch/x86/kernel/syscall_32.c). */
#define __SYSCALL(nr, name) long __ia32_sys_##name(const struct pt_regs *regs);
#include <asm/syscall_32_list.h>
#undef __SYSCALL

/* The highest number the table has, + 1. */
extern const unsigned int NR_syscalls;

/* The entry of int $0x80 (entry_32.c). */
void do_int80_syscall_32(struct pt_regs *regs);
/* Before any return to user mode: reschedule, deliver signals. */
void exit_to_user_mode_prepare(struct pt_regs *regs);
/* A new task's first C code (ret_from_fork). */
void ret_from_fork_c(struct pt_regs *regs);

#endif /* _SYSCALLS_H */
