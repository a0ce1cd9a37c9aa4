// SPDX-License-Identifier: GPL-2.0
/*
 * kernel_pgtable.c - the kernel's page tables after boot: finding a
 * kernel address's PTE (lookup_address) and adding a page table to
 * swapper_pg_dir when vmalloc needs one (pte_alloc_kernel).
 *
 * paging.c builds swapper_pg_dir at boot from memblock; from then on the
 * direct map's PDEs do not change, and only the vmalloc area, pkmap and
 * the fixmap gain page tables.  Nothing here runs at boot only, so the
 * host simulation of mm (tests/host/mm_sim) builds this file as it is.
 */
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <kernel.h>
#include <mm.h>
#include <spinlock.h>

/* Two CPUs must not both install a page table for one PDE (Linux:
 * init_mm.page_table_lock). */
static DEFINE_SPINLOCK(page_table_lock);

pte_t *lookup_address(unsigned long addr, enum pg_level *level)
{
	pgd_t *pgd = pgd_offset_k(addr);

	*level = PG_LEVEL_NONE;
	if (!pgd_present(*pgd))
		return NULL;
	if (pgd_large(*pgd)) {
		*level = PG_LEVEL_4M;
		return (pte_t *)pgd;
	}
	*level = PG_LEVEL_4K;
	return pte_offset_kernel(pgd, addr);
}

/*
 * A new page table goes in only if the PDE is still empty once the lock is
 * held: another CPU may have installed one for a neighbouring area since
 * the first look.  The page is allocated before the lock (GFP_KERNEL may
 * sleep) and given back if it lost the race, as Linux's
 * __pte_alloc_kernel() does.
 */
pte_t *pte_alloc_kernel(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);
	struct page *page;

	if (pgd_large(*pgd))
		return NULL;
	if (pgd_present(*pgd))
		return pte_offset_kernel(pgd, addr);
	page = alloc_page(GFP_KERNEL | GFP_ZERO);
	if (!page)
		return NULL;
	spin_lock(&page_table_lock);
	if (!pgd_present(*pgd)) {
		SetPageTable(page);
		atomic_long_inc(&nr_kernel_pgtables);
		atomic_long_inc(&page_zone(page)->nr_page_table_pages);
		set_pgd(pgd, page_to_phys(page) | _KERNPG_TABLE);
		/* Every process's directory shares the kernel's quarter. */
		sync_global_pgds(addr);
		page = NULL;
	}
	spin_unlock(&page_table_lock);
	if (page)
		__free_page(page); /* another CPU was first */
	return pte_offset_kernel(pgd, addr);
}
