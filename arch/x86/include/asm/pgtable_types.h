/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pgtable_types.h - the bits of a 32-bit PDE/PTE (Intel SDM vol. 3, 4.3).
 * Names are Linux's, so that a `walk` output reads like Linux's page-table dumps.
 */
#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

#define _PAGE_PRESENT 0x001 /* P: the entry is valid */
#define _PAGE_RW 0x002 /* R/W: writable */
#define _PAGE_USER 0x004 /* U/S: user accessible */
#define _PAGE_PWT 0x008 /* write-through */
#define _PAGE_PCD 0x010 /* cache disabled */
#define _PAGE_ACCESSED 0x020 /* A: set by the CPU on access */
#define _PAGE_DIRTY 0x040 /* D: set by the CPU on write (PTE, 4 MB PDE) */
#define _PAGE_PSE 0x080 /* PS in a PDE: a 4 MB page */
#define _PAGE_GLOBAL 0x100 /* G: survives CR3 reloads (needs CR4.PGE) */
/*
 * Not present, but a page is there: PROT_NONE.  The CPU ignores every bit
 * of a non-present entry, so G is free to mean this (Linux's trick): the
 * page keeps its frame, and any access faults.
 */
#define _PAGE_PROTNONE _PAGE_GLOBAL

#define _PAGE_FLAGS_MASK 0xfff

/* A user page: present, user, read-only (COW) or read-write (shared). */
#define __PAGE_USER_RO (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define __PAGE_USER_RW (__PAGE_USER_RO | _PAGE_RW)
#define __PAGE_NONE (_PAGE_PROTNONE | _PAGE_ACCESSED)
/* The PDE of a user page table: everything allowed, the PTE decides. */
#define _PAGE_TABLE \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY)

/* Kernel data, kernel text and the page-table entries that point to tables. */
#define __PAGE_KERNEL (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define __PAGE_KERNEL_RO (_PAGE_PRESENT | _PAGE_ACCESSED)
#define _KERNPG_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

#endif /* _ASM_X86_PGTABLE_TYPES_H */
