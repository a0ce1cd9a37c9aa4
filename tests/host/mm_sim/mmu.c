// SPDX-License-Identifier: GPL-2.0
/*
 * mmu.c - the simulated machine's page tables (tlb.c is its TLB).
 *
 * The page tables are real: swapper_pg_dir is a page directory of 1024 PDEs
 * as on the CPU, its page tables are pages of simulated RAM (from memblock
 * at boot, from the page allocator afterwards, as arch/x86/mm/paging.c takes
 * them), and mm/ reads and writes them with the kernel's own helpers
 * (pgd_offset_k(), pte_offset_kernel(), set_pte(), pte_clear()).  The
 * direct map is 4 MB pages (PSE) except where it needs 4 KB ones: the chunk
 * with physical page 0, which stays unmapped, and a partial last chunk.
 * There are a page table for pkmap and one for the fixmap, as paging_init()
 * makes them; vmalloc's come on demand (pte_alloc_kernel(), the kernel's
 * arch/x86/mm/kernel_pgtable.c, built as it is).  No kernel
 * image is mapped: the host runs the code.
 */
#include <asm/memlayout.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <string.h>

#include "sim_internal.h"

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
pgd_t *kernel_pgdir = swapper_pg_dir;
bool nopse;
unsigned long direct_pages_4k, direct_pages_4m;
atomic_long_t nr_kernel_pgtables;
pte_t *sim_fixmap_pgtable;
unsigned long sim_cr3; /* __pa(swapper_pg_dir), as mm_pgd_phys(NULL) */

/* A zeroed page table from memblock, in the direct map (boot only). */
static phys_addr_t pgtable_alloc_early(void)
{
	void *table =
		memblock_alloc_or_panic(PAGE_SIZE, PAGE_SIZE, "page tables");

	atomic_long_inc(&nr_kernel_pgtables);
	return __pa(table);
}

/* The direct map of the 4 MB at physical `base`, page by page. */
static pgd_t lowmem_pgtable(unsigned long base)
{
	phys_addr_t phys = pgtable_alloc_early();
	pte_t *pte = __va(phys);
	unsigned long pfn = base >> PAGE_SHIFT;

	for (int i = 0; i < PTRS_PER_PTE; i++, pfn++) {
		if (pfn == 0 || pfn >= max_low_pfn)
			continue; /* page 0 stays unmapped, as in the kernel */
		pte[i] = pfn_pte(pfn, PAGE_KERNEL | _PAGE_GLOBAL);
		direct_pages_4k++;
	}
	return (pgd_t)phys | _KERNPG_TABLE;
}

/*
 * paging_init() of the simulation: the direct map, an empty page table for
 * pkmap and one for the fixmap, then a full flush, which maps the direct
 * map on the host from these tables.  Until then the boot mapping of all of
 * lowmem (tlb_boot(); head.S maps the first 16 MB the same way) lets
 * memblock's allocations be written.
 */
void sim_paging_init(void)
{
	unsigned long end = max_low_pfn << PAGE_SHIFT;
	/* debug_pagealloc unmaps single pages of lowmem: no 4 MB pages then. */
	bool direct_pse = !nopse && !debug_pagealloc_enabled();

	tlb_boot();
	memset(swapper_pg_dir, 0, sizeof(swapper_pg_dir));
	sim_cr3 = __pa(swapper_pg_dir);
	direct_pages_4k = direct_pages_4m = 0;
	atomic_long_set(&nr_kernel_pgtables, 0);
	for (unsigned long base = 0; base < end; base += PGDIR_SIZE) {
		pgd_t *pgd = pgd_offset_k((unsigned long)__va(base));

		if (base == 0 || base + PGDIR_SIZE > end || !direct_pse) {
			*pgd = lowmem_pgtable(base);
		} else {
			*pgd = base | _PAGE_PSE | __PAGE_KERNEL | _PAGE_GLOBAL;
			direct_pages_4m++;
		}
	}
	*pgd_offset_k(PKMAP_BASE) = pgtable_alloc_early() | _KERNPG_TABLE;
	*pgd_offset_k(FIXADDR_START) = pgtable_alloc_early() | _KERNPG_TABLE;
	sim_fixmap_pgtable = __va(*pgd_offset_k(FIXADDR_START) & PAGE_MASK);
	__flush_tlb_all();
	pr_info("  mapped low ram: 0 - %08lx (%lu x 4 MB pages, %lu x 4 KB pages)\n",
		end, direct_pages_4m, direct_pages_4k);
}

/*
 * A CR3 load: the TLB is dropped (the global entries too, which a real TLB
 * may also drop at any time).  Only the kernel's directory can be loaded:
 * the host runs no user space, so a process's address space is never
 * switched to; loading one is a finding.
 */
void write_cr3(unsigned long val)
{
	if (val != sim_cr3) {
		pr_emerg(
			"sim: CR3 loaded with %#lx, not the kernel's page directory: the simulated CPU runs no address space of a process\n",
			val);
		sim_bail();
	}
	__flush_tlb_all();
}

/*
 * debug_pagealloc's hook (mm/debug_page_alloc.c), as arch/x86/mm/paging.c
 * has it: the direct-map PTEs of numpages pages cleared or set again, and
 * the TLB told, so that a use after free really faults.
 */
void __kernel_map_pages(struct page *page, int numpages, int enable)
{
	unsigned long pfn = page_to_pfn(page);

	for (int i = 0; i < numpages; i++, pfn++) {
		unsigned long addr = (unsigned long)__va(pfn << PAGE_SHIFT);
		enum pg_level level;
		pte_t *pte = lookup_address(addr, &level);

		if (!pte || level != PG_LEVEL_4K)
			continue; /* no 4 KB mapping to change */
		if (enable)
			set_pte(pte, pfn_pte(pfn, PAGE_KERNEL | _PAGE_GLOBAL));
		else
			pte_clear(pte);
		if (numpages <= 32)
			__flush_tlb_one(addr);
	}
	if (numpages > 32)
		__flush_tlb_all(); /* cheaper than an INVLPG per page */
}
