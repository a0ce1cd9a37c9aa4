/*
 * head.S - the first instructions: from the boot loader to start_kernel().
 *
 * A multiboot v1 loader (GRUB, or QEMU's -kernel) drops us at the physical
 * address of _start with paging off, EAX = the multiboot magic and EBX = the
 * physical address of the multiboot information.  The kernel is linked at
 * PAGE_OFFSET + 1 MB, so nothing here may touch a symbol's virtual address
 * until paging is on: every reference is written as (symbol - PAGE_OFFSET).
 *
 * The boot page directory maps the first BOOT_MAP_SIZE bytes of physical memory
 * twice: at virtual 0 (so the instruction after "mov %cr0" still runs) and at
 * PAGE_OFFSET (where the kernel is linked).  paging_init() later builds the
 * real kernel page directory and drops the mapping at 0.  4 KB page tables are
 * used rather than 4 MB pages so that a CPU without PSE still boots.
 */
#include <asm/memlayout.h>
#include <asm/multiboot.h>
#include <asm/pgtable_types.h>
#include <asm/processor-flags.h>

#define BOOT_PGTABLES	(BOOT_MAP_SIZE >> PGDIR_SHIFT)
#define PHYS(sym)	((sym) - PAGE_OFFSET)

	.section .multiboot, "a"
	.align 4
multiboot_header:
	.long MULTIBOOT_HEADER_MAGIC
	.long MULTIBOOT_HEADER_FLAGS
	.long -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

	.section .head.text, "ax"
	.globl _start
_start:
	/* The boot benchmark starts here: boot_tsc is in .data, not cleared. */
	movl	%eax, %esi
	rdtsc
	movl	%eax, PHYS(boot_tsc)
	movl	%edx, PHYS(boot_tsc) + 4
	movl	%esi, %eax
	cld
	/* The loader zeroes .bss for ELF images, but do not rely on it. */
	movl	%eax, %esi
	movl	$PHYS(__bss_start), %edi
	movl	$PHYS(__bss_stop), %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	xorl	%eax, %eax
	rep stosl
	movl	%esi, %eax

	/* Page tables: identity-map [0, BOOT_MAP_SIZE) with 4 KB pages. */
	movl	$PHYS(boot_pgtables), %edi
	movl	$(_PAGE_PRESENT | _PAGE_RW), %edx
	movl	$(BOOT_PGTABLES * PTRS_PER_PTE), %ecx
1:	movl	%edx, (%edi)
	addl	$PAGE_SIZE, %edx
	addl	$4, %edi
	loop	1b

	/* Point PDE i (virtual 0) and PDE 768 + i (PAGE_OFFSET) at table i. */
	movl	$PHYS(boot_pgtables) + (_PAGE_PRESENT | _PAGE_RW), %edx
	movl	$PHYS(boot_pgdir), %edi
	movl	$BOOT_PGTABLES, %ecx
2:	movl	%edx, (%edi)
	movl	%edx, (PAGE_OFFSET >> PGDIR_SHIFT) * 4(%edi)
	addl	$PAGE_SIZE, %edx
	addl	$4, %edi
	loop	2b

	movl	$PHYS(boot_pgdir), %edx
	movl	%edx, %cr3
	movl	%cr0, %edx
	orl	$(X86_CR0_PG | X86_CR0_WP), %edx
	movl	%edx, %cr0

	/* Paging is on; continue at the linked (higher-half) address. */
	movl	$1f, %edx
	jmp	*%edx
1:
	movl	$boot_stack_top, %esp
	xorl	%ebp, %ebp		/* the stack trace stops here */
	pushl	$0			/* eflags: interrupts off, clean */
	popfl
	pushl	%ebx			/* multiboot info (physical) */
	pushl	%eax			/* multiboot magic (start_kernel is asmlinkage) */
	call	start_kernel
3:	cli
	hlt
	jmp	3b

	.section .bss.page_aligned, "aw", @nobits
	.align PAGE_SIZE
	.globl boot_pgdir
boot_pgdir:
	.skip PAGE_SIZE
	.globl boot_pgtables
boot_pgtables:
	.skip BOOT_PGTABLES * PAGE_SIZE
	/*
	 * The page below the boot stack is unmapped by paging_init(), so that
	 * running off the bottom of the stack faults (a double fault, handled
	 * on its own stack) instead of silently overwriting the boot page
	 * tables below it.
	 */
	.globl boot_stack_guard
boot_stack_guard:
	.skip PAGE_SIZE
	.globl boot_stack
boot_stack:
	.skip BOOT_STACK_SIZE
	.globl boot_stack_top
boot_stack_top:
