/*
 * setjmp.S - save and restore a kernel execution context.
 *
 * Used to abandon a computation that cannot go on: a shell command that
 * oopsed, a test case that hung (the watchdog) or failed an assertion.  The
 * saved context is what the C calling convention requires to survive a call:
 * EBX, ESI, EDI, EBP, ESP and the return address.  The interrupt flag is not
 * part of it: whoever resumes decides (the shell and the test runner turn
 * interrupts back on).
 *
 * Both take their arguments on the stack (asmlinkage in include/setjmp.h,
 * while the rest of the kernel passes them in registers).
 *
 * struct jmp_buf layout: bx, si, di, bp, sp, ip (include/setjmp.h).
 */
	.text
	.globl setjmp
setjmp:
	movl	4(%esp), %eax
	movl	%ebx, 0(%eax)
	movl	%esi, 4(%eax)
	movl	%edi, 8(%eax)
	movl	%ebp, 12(%eax)
	leal	4(%esp), %ecx		/* ESP as it will be after our ret */
	movl	%ecx, 16(%eax)
	movl	(%esp), %ecx		/* our return address */
	movl	%ecx, 20(%eax)
	xorl	%eax, %eax
	ret

	.globl longjmp
longjmp:
	movl	4(%esp), %edx
	movl	8(%esp), %eax
	testl	%eax, %eax		/* setjmp must not seem to return 0 */
	jnz	1f
	incl	%eax
1:	movl	0(%edx), %ebx
	movl	4(%edx), %esi
	movl	8(%edx), %edi
	movl	12(%edx), %ebp
	movl	16(%edx), %esp
	jmp	*20(%edx)
