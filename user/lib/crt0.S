/* SPDX-License-Identifier: GPL-2.0 */
/*
 * crt0.S - where a program starts, and the three entry points that must
 * be written in assembly.
 *
 * _start: Linux's i386 ELF loader leaves %esp on argc, then argv[] and a
 * NULL, envp[] and a NULL, then the auxiliary vector (type, value pairs
 * up to AT_NULL); every other register is zero except %edx, an atexit
 * function from a dynamic loader (zero for a static binary: ignored).
 * __libc_start() reads that block through the pointer it is given.
 *
 * __syscall: the i386 system call ABI, number in %eax, arguments in %ebx,
 * %ecx, %edx, %esi, %edi, %ebp, result (or -errno) in %eax.  %ebx, %esi,
 * %edi and %ebp belong to the caller in the C ABI, so they are saved.
 *
 * vfork: the child borrows the parent's stack until it execs or exits,
 * so vfork() must not keep its return address on that stack across the
 * call (the child's own calls would overwrite it before the parent runs
 * again): it is held in %ecx, which the kernel preserves.
 *
 * __restore and __restore_rt: where a signal handler returns
 * (SA_RESTORER).  i386 Linux builds two kinds of signal frame: the old
 * one (handler(sig)), undone by sigreturn after the signal number is
 * popped, and the rt one for SA_SIGINFO (handler(sig, info, uc)), undone
 * by rt_sigreturn.
 */
#include <asm/unistd_32.h>

	.text
	.globl _start
	.type _start, @function
_start:
	xorl %ebp, %ebp			/* the outermost frame, for debuggers */
	movl %esp, %eax			/* &argc */
	andl $-16, %esp			/* the i386 psABI's 16-byte alignment */
	subl $12, %esp
	pushl %eax
	call __libc_start
	hlt				/* not reached: __libc_start exits */
	.size _start, . - _start

	.globl __syscall
	.type __syscall, @function
__syscall:
	pushl %ebp
	pushl %edi
	pushl %esi
	pushl %ebx
	movl 20(%esp), %eax		/* nr */
	movl 24(%esp), %ebx
	movl 28(%esp), %ecx
	movl 32(%esp), %edx
	movl 36(%esp), %esi
	movl 40(%esp), %edi
	movl 44(%esp), %ebp
	int $0x80
	popl %ebx
	popl %esi
	popl %edi
	popl %ebp
	ret
	.size __syscall, . - __syscall

	.globl vfork
	.type vfork, @function
vfork:
	popl %ecx			/* the return address, off the stack */
	movl $__NR_vfork, %eax
	int $0x80
	pushl %ecx
	cmpl $-4095, %eax		/* -4095..-1: -errno */
	jae 1f
	ret
1:	negl %eax
	movl %eax, errno
	movl $-1, %eax
	ret
	.size vfork, . - vfork

	.globl __restore
	.type __restore, @function
__restore:
	popl %eax			/* the handler's argument, sig */
	movl $__NR_sigreturn, %eax
	int $0x80
	hlt				/* not reached */
	.size __restore, . - __restore

	.globl __restore_rt
	.type __restore_rt, @function
__restore_rt:
	movl $__NR_rt_sigreturn, %eax
	int $0x80
	hlt				/* not reached */
	.size __restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
