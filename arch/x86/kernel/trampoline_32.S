/*
 * trampoline_32.S - how an application processor gets from real mode into
 * the kernel.
 *
 * INIT, then a STARTUP IPI with vector V, start the AP in 16-bit real mode
 * at CS:IP = (V << 8):0, i.e. at physical V * 4096.  smpboot.c copies the
 * code from trampoline_start to trampoline_end to such a page (reserved
 * below 1 MB at boot) and fills trampoline_header.  The code runs from
 * anywhere: it computes its own physical address from CS and patches the
 * two pointers that need it (its GDT's base, its far jump's target).
 *
 *  1. real mode: load a three-entry GDT (flat code and data), set CR0.PE,
 *     far jump to 32-bit code in the same page;
 *  2. protected mode, no paging: load CR4 (PSE, PGE as the boot CPU) and
 *     CR3 = head.S's boot page directory, which maps low memory both at 0
 *     (so this page keeps running when CR0.PG goes on) and at PAGE_OFFSET
 *     (where the kernel is linked); jump to startup_32_smp, linked high;
 *  3. startup_32_smp, in the kernel image: switch CR3 to swapper_pg_dir
 *     (the real page tables: this AP's stack and GDT live in memory the
 *     boot mapping does not cover), load the AP's own GDT and segments
 *     (%fs = its per-CPU segment), its stack, and call start_secondary().
 * Interrupts stay off throughout; there is no IDT until start_secondary().
 */
#include <asm/processor-flags.h>
#include <asm/segment.h>

#define TR_CS 0x08 /* the trampoline GDT's flat code segment */
#define TR_DS 0x10 /* and its flat data segment */
#define OFF(sym) ((sym) - trampoline_start)

	/* The copy source: needed only while CPUs are started at boot. */
	.section .init.data, "aw"
	.code16
	.balign 16
	.globl trampoline_start
trampoline_start:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	xorl	%ebx, %ebx
	movw	%cs, %bx
	shll	$4, %ebx			/* %ebx: this page's address */
	leal	OFF(tr_gdt)(%ebx), %eax
	movl	%eax, OFF(tr_gdt_base)
	leal	OFF(tr_pm)(%ebx), %eax
	movl	%eax, OFF(tr_pm_jump)
	lgdtl	OFF(tr_gdt_desc)
	movl	%cr0, %eax
	orl	$X86_CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	*OFF(tr_pm_jump)

	.code32
tr_pm:
	movl	$TR_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	movl	OFF(tr_cr4)(%ebx), %eax
	movl	%eax, %cr4
	movl	OFF(tr_cr3)(%ebx), %eax
	movl	%eax, %cr3
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_WP), %eax
	movl	%eax, %cr0
	movl	OFF(tr_entry)(%ebx), %eax
	jmp	*%eax

	.balign 8
tr_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff		/* TR_CS: base 0, 4 GB, code */
	.quad	0x00cf92000000ffff		/* TR_DS: base 0, 4 GB, data */
tr_gdt_desc:
	.word	3 * 8 - 1
tr_gdt_base:
	.long	0				/* patched: tr_gdt's address */
tr_pm_jump:
	.long	0				/* patched: tr_pm's address */
	.word	TR_CS

	.balign 4
	.globl trampoline_header		/* struct trampoline_header */
trampoline_header:
tr_cr3:
	.long	0
tr_cr4:
	.long	0
tr_entry:
	.long	0
	.globl trampoline_end
trampoline_end:

	/* Back in the kernel image: step 3. */
	.text
	.globl startup_32_smp
startup_32_smp:
	movl	initial_cr3, %eax
	movl	%eax, %cr3
	lgdt	early_gdt_descr
	ljmp	$__KERNEL_CS, $1f
1:	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	$__KERNEL_PERCPU, %eax
	movl	%eax, %fs
	xorl	%eax, %eax
	movl	%eax, %gs
	movl	initial_stack, %esp
	xorl	%ebp, %ebp			/* the stack trace stops here */
	pushl	$0
	popfl
	call	start_secondary
2:	cli
	hlt
	jmp	2b
