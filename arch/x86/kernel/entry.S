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
 * this_cpu_*() whatever the interrupted code had in %fs.
 */
#include <asm/segment.h>


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
common_entry:
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
	movl	%esp, %eax
	pushl	%eax			/* struct pt_regs * */
	call	handle_trap
	addl	$4, %esp
	.globl	ret_from_trap
ret_from_trap:
	popl	%ebx
	popl	%ecx
	popl	%edx
	popl	%esi
	popl	%edi
	popl	%ebp
	popl	%eax
	popl	%ds
	popl	%es
	popl	%fs
	popl	%gs
	addl	$8, %esp		/* vector number and error code */
	iret
