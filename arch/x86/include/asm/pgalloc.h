/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pgalloc.h - page directories and user page tables of processes
 * (arch/x86/mm/pgtable.c), and the way to their entries.
 *
 *	pgd_t *pgd = pgd_offset(mm, addr);
 *	if (pgd_none(*pgd) && __pte_alloc(mm, pgd)) -> -ENOMEM (may sleep)
 *	pte_t *pte = pte_offset_map_lock(mm, pgd, addr, &ptl);
 *	... *pte ...                      (a spinlock: no sleeping here)
 *	pte_unmap_unlock(pte, ptl);
 *
 * A user page table lives in highmem when it can (CONFIG_HIGHPTE, as
 * Debian's 686 kernel; `nohighpte` on the command line keeps them in
 * lowmem): it has no kernel address, so pte_offset_map() maps it with a
 * kmap_local and pte_unmap() unmaps it.  Always in pairs, last mapped
 * first unmapped; the entries of one table may be walked through one
 * mapping (`pte + 1` is the next page).  A sleep without the lock keeps
 * the mapping (the switch saves a task's kmap_local slots): the fault
 * handler holds its PTE mapped while it allocates.
 */
#ifndef _ASM_X86_PGALLOC_H
#define _ASM_X86_PGALLOC_H

#include <asm/pgtable.h>
#include <highmem.h>
#include <mm_types.h>
#include <spinlock.h>

/* Are user page tables taken from highmem (not `nohighpte`)? */
extern bool highpte_enabled;
/* Page tables of processes, all of them. */
extern unsigned long nr_user_pgtables;

/* A process's page directory, the kernel's quarter copied in; NULL. */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
/* swapper_pg_dir's entry for addr changed: copy it to every process. */
void sync_global_pgds(unsigned long addr);

/* A zeroed page table for *pgd unless it has one: 0 or -ENOMEM. */
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

/* The page that holds the page table *pgd points to. */
static inline struct page *pgd_page(pgd_t pgd)
{
	return pfn_to_page(pgd >> PAGE_SHIFT);
}

/* The PTE of addr in the page table *pgd points to, mapped for now. */
static inline pte_t *pte_offset_map(pgd_t *pgd, unsigned long addr)
{
	return (pte_t *)kmap_local_page(pgd_page(*pgd)) + pte_index(addr);
}

static inline void pte_unmap(pte_t *pte)
{
	kunmap_local(pte);
}

/* pte_offset_map() with the address space's page_table_lock held. */
static inline pte_t *pte_offset_map_lock(struct mm_struct *mm, pgd_t *pgd,
					 unsigned long addr, spinlock_t **ptlp)
{
	*ptlp = &mm->page_table_lock;
	spin_lock(*ptlp);
	return pte_offset_map(pgd, addr);
}

static inline void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl)
{
	pte_unmap(pte);
	spin_unlock(ptl);
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

static inline bool pte_dirty(pte_t pte)
{
	return pte & _PAGE_DIRTY;
}

static inline bool pte_young(pte_t pte)
{
	return pte & _PAGE_ACCESSED;
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return pte & ~(pte_t)_PAGE_RW;
}

static inline pte_t pte_mkwrite_dirty(pte_t pte)
{
	return pte | _PAGE_RW | _PAGE_DIRTY;
}

#endif /* _ASM_X86_PGALLOC_H */
