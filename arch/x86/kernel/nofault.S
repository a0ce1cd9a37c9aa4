/*
 * nofault.S - memory copies that report a fault instead of oopsing.
 *
 *   long copy_from_kernel_nofault(void *dst, const void *src, size_t size);
 *   long copy_to_kernel_nofault(void *dst, const void *src, size_t size);
 *
 * Both return 0, or -EFAULT (-14) when the copy touched an address that is
 * not mapped (or not writable).  The one instruction that may fault is the
 * `rep movsb`; its extable entry sends the page-fault handler to the -EFAULT
 * return below.  Arguments on the stack: asmlinkage (include/uaccess.h).  This is how the shell's peek/poke, the oops report's code
 * dump and the tests prove that an address is unmapped.
 */
#include <asm/extable.h>

#define EFAULT 14

	.text
	.globl copy_from_kernel_nofault
	.globl copy_to_kernel_nofault
copy_from_kernel_nofault:
copy_to_kernel_nofault:
	pushl	%esi
	pushl	%edi
	movl	12(%esp), %edi
	movl	16(%esp), %esi
	movl	20(%esp), %ecx
1:	rep movsb
	xorl	%eax, %eax
2:	popl	%edi
	popl	%esi
	ret
3:	movl	$-EFAULT, %eax
	jmp	2b
	_ASM_EXTABLE(1b, 3b)
