/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pgalloc.h - page directories and user page tables of processes
 * (arch/x86/mm/pgtable.c), and the way to their entries.
 *
 *	pgd_t *pgd = pgd_offset(mm, addr);
 *	if (pgd_none(*pgd) && __pte_alloc(mm, pgd)) -> -ENOMEM
 *	pte_t *pte = pte_offset_map(pgd, addr);
 *	... *pte ...
 *	pte_unmap(pte);
 *
 * Always in pairs: a page table may one day live in highmem (HIGHPTE),
 * where pte_offset_map() is a kmap_local and pte_unmap() its kunmap.
 */
#ifndef _ASM_X86_PGALLOC_H
#define _ASM_X86_PGALLOC_H

#include <asm/pgtable.h>
#include <mm_types.h>

/* A process's page directory, the kernel's quarter copied in; NULL. */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
/* swapper_pg_dir's entry for addr changed: copy it to every process. */
void sync_global_pgds(unsigned long addr);

/* A zeroed page table for the empty *pgd: 0 or -ENOMEM. */
int __pte_alloc(struct mm_struct *mm, pgd_t *pgd);
/* Free *pgd's page table and clear the entry. */
void pte_free(struct mm_struct *mm, pgd_t *pgd);

static inline pgd_t *pgd_offset(struct mm_struct *mm, unsigned long addr)
{
	return mm->pgd + pgd_index(addr);
}

static inline bool pgd_none(pgd_t pgd)
{
	return pgd == 0;
}

/* The PTE of addr in the page table *pgd points to (mapped for now). */
static inline pte_t *pte_offset_map(pgd_t *pgd, unsigned long addr)
{
	return (pte_t *)__va(*pgd & PAGE_MASK) + pte_index(addr);
}

static inline void pte_unmap(pte_t *pte)
{
	(void)pte;
}

static inline bool pte_none(pte_t pte)
{
	return pte == 0;
}

/* A user PTE that maps a page: present, or PROT_NONE with its frame. */
static inline bool pte_mapped(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline bool pte_write(pte_t pte)
{
	return pte & _PAGE_RW;
}

#endif /* _ASM_X86_PGALLOC_H */
