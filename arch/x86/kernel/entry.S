/*
 * entry.S - the way into the kernel from an exception or an interrupt.
 *
 * Each vector has a stub that makes the stack look the same for all of
 * them: an error code (the CPU's, or 0) and the vector number above the
 * CPU's EIP/CS/EFLAGS.  The common code then saves the registers as a
 * struct pt_regs (asm/ptrace.h), calls handle_trap(regs) with kernel data
 * segments loaded (the pointer goes on the stack: handle_trap is
 * asmlinkage), and returns with iret.  A handler may change regs->ip
 * (exception fixups, WARN) and the change takes effect on the way out.
 *
 * Vector 8, the double fault, has no stub: it is a task gate (idt.c).
 * The local APIC's vectors (236..255, asm/irq_vectors.h) have stubs of the
 * same kind, in a table of their own.  %fs is loaded with this CPU's
 * per-CPU segment on every entry, as Linux i386 does: C code may use
 * this_cpu_*() whatever the interrupted code had in %fs.  %gs is saved
 * and restored but never loaded: the kernel does not use it, and a user
 * program's TLS selector stays in it while the kernel runs.
 *
 * From user mode the CPU first switches to the task's kernel stack (the
 * TSS's esp0) and pushes the user %ss and %esp as well, so the frame is a
 * whole struct pt_regs at the top of that stack.
 *
 * System calls: `int $0x80` (a gate user mode may use) comes to
 * entry_INT80_32, which saves the same frame with the system call number
 * in orig_ax and calls do_int80_syscall_32() (entry_32.c): the result
 * goes back in eax.  Every return to user mode, from a system call, an
 * exception or an interrupt, first does the work its task has pending
 * (reschedule, deliver a signal) in exit_to_user_mode_prepare().
 *
 * Popping the segment registers can fault if a selector became invalid
 * (a signal handler's sigreturn restored a bad one, a TLS entry changed):
 * each pop has an exception-table entry whose fixup loads 0 instead, as
 * Linux's does.  A new task starts at ret_from_fork, on the frame
 * copy_thread() built.
 */
#include <asm/segment.h>
#include <asm/extable.h>
#include <asm/ptrace.h>


	.text

.macro VECTOR_STUB vec
	.balign 8
vector_\vec:
	.if !((\vec == 8) || (\vec >= 10 && \vec <= 14) || (\vec == 17) || (\vec == 21))
	pushl	$0
	.endif
	pushl	$\vec
	jmp	common_entry
.endm

	.globl vector_stubs_start
vector_stubs_start:
	.irp vec, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
	VECTOR_STUB \vec
	.endr

	/* The stub addresses, for idt_init(). */
	.section .rodata
	.balign 4
	.globl vector_stub_table
vector_stub_table:
	.irp vec, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
	.long	vector_\vec
	.endr

	/* The local APIC's vectors, FIRST_SYSTEM_VECTOR (236) to 255. */
	.text
	.irp vec, 236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255
	VECTOR_STUB \vec
	.endr

	.section .rodata
	.balign 4
	.globl system_vector_stub_table
system_vector_stub_table:
	.irp vec, 236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255
	.long	vector_\vec
	.endr

	.text
.macro SAVE_ALL
	pushl	%gs
	pushl	%fs
	pushl	%es
	pushl	%ds
	pushl	%eax
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%edx
	pushl	%ecx
	pushl	%ebx
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	$__KERNEL_PERCPU, %eax
	movl	%eax, %fs
	cld
.endm

common_entry:
	SAVE_ALL
	movl	%esp, %eax
	pushl	%eax			/* struct pt_regs * */
	call	handle_trap
	addl	$4, %esp
	.globl	ret_from_trap
ret_from_trap:
restore_all:
	popl	%ebx
	popl	%ecx
	popl	%edx
	popl	%esi
	popl	%edi
	popl	%ebp
	popl	%eax
1:	popl	%ds
2:	popl	%es
3:	popl	%fs
4:	popl	%gs
	addl	$8, %esp		/* vector number and error code */
	iret

	/* A selector that no longer loads: load 0 (the null selector). */
5:	movl	$0, (%esp)
	jmp	1b
6:	movl	$0, (%esp)
	jmp	2b
7:	movl	$0, (%esp)
	jmp	3b
8:	movl	$0, (%esp)
	jmp	4b
	_ASM_EXTABLE(1b, 5b)
	_ASM_EXTABLE(2b, 6b)
	_ASM_EXTABLE(3b, 7b)
	_ASM_EXTABLE(4b, 8b)

/*
 * int $0x80: Linux's i386 system call.  eax: the number; ebx, ecx, edx,
 * esi, edi, ebp: the arguments; eax on return: the result or -errno.
 */
	.balign 8
	.globl	entry_INT80_32
entry_INT80_32:
	pushl	%eax			/* orig_ax: the number */
	pushl	$IA32_SYSCALL_VECTOR	/* trapnr */
	SAVE_ALL
	movl	%esp, %eax
	call	do_int80_syscall_32	/* regparm: eax = regs */
	jmp	restore_all

/*
 * A new task's first instructions, on its own stack: eax is the task it
 * was switched from (__switch_to returns it).  ret_from_fork_c() runs a
 * kernel thread's function or does a user task's work before user mode;
 * then the frame copy_thread() (or an execve) left is restored.
 */
	.globl	ret_from_fork
ret_from_fork:
	call	schedule_tail		/* regparm: eax = prev */
	movl	%esp, %eax
	call	ret_from_fork_c		/* regparm: eax = regs */
	jmp	restore_all
