// SPDX-License-Identifier: GPL-2.0
/*
 * paging.c - the kernel page directory, swapper_pg_dir.
 *
 * paging_init() replaces head.S's boot mapping (16 MB, mapped at 0 and at
 * PAGE_OFFSET) with the real one:
 *  - lowmem, physical [0, max_low_pfn), at PAGE_OFFSET: with 4 MB pages when
 *    the CPU has PSE (one PDE per 4 MB, no page table at all) and with 4 KB
 *    page tables under `nopse`, for the partial 4 MB at the end of lowmem,
 *    and for the 4 MB chunks that hold the kernel image, which needs
 *    page-granular protection: page 0 is not present, kernel text and
 *    read-only data are mapped read-only, the page below the boot stack is
 *    left unmapped as a guard;
 *  - one page table for pkmap and one (static) for the fixmap;
 *  - nothing below PAGE_OFFSET: the mapping at virtual 0 is gone, so a NULL
 *    pointer faults.
 * Page tables come from memblock (top-down in lowmem).  They are filled
 * before the direct map exists, so each is written through a temporary
 * fixmap slot.  Kernel mappings are global (CR4.PGE) when the CPU can.
 *
 * Later, vmalloc creates page tables on demand with pte_alloc_kernel()
 * (arch/x86/mm/kernel_pgtable.c), from the buddy allocator, and copies the
 * new entry into every process's page directory (sync_global_pgds,
 * arch/x86/mm/pgtable.c).
 *
 * debug_pagealloc=on (mm/debug_page_alloc.c) takes every free page out of
 * the direct map, page by page, through __kernel_map_pages(): it needs 4 KB
 * pages everywhere, so it turns PSE off for the direct map, as Linux does.
 * It flushes this CPU's TLB only, as Linux's does (it runs inside the page
 * allocator, where an IPI could wait on a CPU that waits on us): another
 * CPU may reach a freed page through a stale entry until its next flush,
 * which only makes a use after free there go unnoticed for a while.
 */
#include <asm/desc.h>
#include <asm/pgalloc.h>
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <spinlock.h>
#include <string.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
pgd_t *kernel_pgdir = boot_pgdir;

bool nopse; /* `nopse`: 4 KB pages for the direct map */
unsigned long direct_pages_4k; /* direct-map pages mapped by PTEs */
unsigned long direct_pages_4m; /* 4 MB PDEs of the direct map */
atomic_long_t nr_kernel_pgtables; /* page-table pages in use */

extern char _text[], _erodata[], boot_stack_guard[];

static int __init parse_nopse(char *arg)
{
	nopse = true;
	return 0;
}
early_param("nopse", parse_nopse);

/* debug_pagealloc unmaps single pages of lowmem: no 4 MB pages then. */
static bool use_pse(void)
{
	return boot_cpu_data.has_pse && !nopse && !debug_pagealloc_enabled();
}

bool direct_map_uses_pse(void)
{
	return use_pse();
}

static pgprot_t global_bit(void)
{
	return boot_cpu_data.has_pge ? _PAGE_GLOBAL : 0;
}

/* The protection of the direct-map page of physical page pfn (0: unmapped). */
static pgprot_t lowmem_page_prot(unsigned long pfn)
{
	unsigned long vaddr = (unsigned long)__va(pfn << PAGE_SHIFT);

	if (pfn == 0 || (vaddr & PAGE_MASK) == (unsigned long)boot_stack_guard)
		return 0;
	if (vaddr >= (unsigned long)_text && vaddr < (unsigned long)_erodata)
		return __PAGE_KERNEL_RO | global_bit();
	return __PAGE_KERNEL | global_bit();
}

/* Does the 4 MB chunk at physical `base` need page-granular protection? */
static bool chunk_needs_ptes(unsigned long base)
{
	unsigned long end = base + PGDIR_SIZE;

	return base == 0 || end > (max_low_pfn << PAGE_SHIFT) ||
	       (__pa(_text) < end && __pa(_erodata) > base) ||
	       (__pa(boot_stack_guard) >= base && __pa(boot_stack_guard) < end);
}

/* Map a page-table page at a fixmap slot, for writing before the direct map. */
static pte_t *pgtable_map_early(phys_addr_t phys)
{
	__set_fixmap(FIX_BTMAP_BEGIN + 1, phys, PAGE_KERNEL);
	return (pte_t *)fix_to_virt(FIX_BTMAP_BEGIN + 1);
}

static void pgtable_unmap_early(void)
{
	clear_fixmap(FIX_BTMAP_BEGIN + 1);
}

static phys_addr_t __init alloc_pgtable_early(void)
{
	phys_addr_t phys =
		memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE, "page tables");

	if (!phys)
		panic("paging_init: no memory for page tables");
	atomic_long_inc(&nr_kernel_pgtables);
	return phys;
}

/* A page table mapping the 4 MB of lowmem at physical `base`, 4 KB pages. */
static phys_addr_t __init build_lowmem_pgtable(unsigned long base)
{
	phys_addr_t phys = alloc_pgtable_early();
	pte_t *pte = pgtable_map_early(phys);
	unsigned long pfn = base >> PAGE_SHIFT;

	for (int i = 0; i < PTRS_PER_PTE; i++, pfn++) {
		pgprot_t prot = pfn < max_low_pfn ? lowmem_page_prot(pfn) : 0;

		pte[i] = prot ? pfn_pte(pfn, prot) : 0;
		if (prot)
			direct_pages_4k++;
	}
	pgtable_unmap_early();
	return phys;
}

/* An empty page table for `vaddr` (pkmap). */
static void __init install_empty_pgtable(unsigned long vaddr)
{
	phys_addr_t phys = alloc_pgtable_early();

	memset(pgtable_map_early(phys), 0, PAGE_SIZE);
	pgtable_unmap_early();
	swapper_pg_dir[pgd_index(vaddr)] = (pgd_t)phys | _KERNPG_TABLE;
}

static void __init map_lowmem(void)
{
	unsigned long end = max_low_pfn << PAGE_SHIFT;

	for (unsigned long base = 0; base < end; base += PGDIR_SIZE) {
		pgd_t *pgd =
			&swapper_pg_dir[pgd_index((unsigned long)__va(base))];

		if (use_pse() && !chunk_needs_ptes(base)) {
			*pgd = base | _PAGE_PSE | __PAGE_KERNEL | global_bit();
			direct_pages_4m++;
		} else {
			*pgd = (pgd_t)build_lowmem_pgtable(base) |
			       _KERNPG_TABLE;
		}
	}
}

void __init paging_init(void)
{
	unsigned long cr4 = read_cr4();

	memset(swapper_pg_dir, 0, sizeof(swapper_pg_dir));
	map_lowmem();
	install_empty_pgtable(PKMAP_BASE);
	swapper_pg_dir[pgd_index(FIXADDR_START)] = __pa(fixmap_pgtable) |
						   _KERNPG_TABLE;

	if (use_pse())
		cr4 |= X86_CR4_PSE;
	if (boot_cpu_data.has_pge)
		cr4 |= X86_CR4_PGE;
	write_cr4(cr4);
	write_cr3(__pa(swapper_pg_dir));
	kernel_pgdir = swapper_pg_dir;
	doublefault_set_cr3(__pa(swapper_pg_dir));
	__flush_tlb_all();

	pr_info("  mapped low ram: 0 - %08lx (%lu x 4 MB pages, %lu x 4 KB pages%s)\n",
		max_low_pfn << PAGE_SHIFT, direct_pages_4m, direct_pages_4k,
		use_pse()		  ? "" :
		nopse			  ? ", nopse" :
		debug_pagealloc_enabled() ? ", debug_pagealloc: no PSE" :
					    ", no PSE");
	pr_info("  low ram: 0 - %08lx\n", max_low_pfn << PAGE_SHIFT);
}

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
			set_pte(pte, pfn_pte(pfn, lowmem_page_prot(pfn)));
		else
			pte_clear(pte);
		if (numpages <= 32)
			__flush_tlb_one(addr);
	}
	if (numpages > 32)
		__flush_tlb_all(); /* cheaper than an INVLPG per page */
}
