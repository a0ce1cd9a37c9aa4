// SPDX-License-Identifier: GPL-2.0
/*
 * paging_test.c - verifies that swapper_pg_dir is the address space
 * memlayout.h draws: lowmem is direct-mapped at PAGE_OFFSET (so __pa/__va,
 * page_address/virt_to_page and the page tables agree), with 4 MB pages
 * wherever a whole chunk needs no page-granular protection unless `nopse`
 * says otherwise; page 0, user space, the guard gap past lowmem and the
 * boot stack guard are not mapped; kernel text and rodata are read-only and
 * data is writable; pkmap and the fixmap have their page tables; and the
 * regions above lowmem are ordered as Linux orders them, with the classic
 * addresses at the default layout and a smaller lowmem under `vmalloc=`.
 *
 * Unmapped is proven by a nofault read returning -EFAULT, and mappings are
 * checked on a sample of lowmem pages spread over the whole direct map.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <cmdline.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <params.h>
#include <string.h>
#include <uaccess.h>

extern char _text[], _etext[], _srodata[], _erodata[];
extern char boot_stack_guard[], boot_stack[];

#define SAMPLES 4096 /* direct-map pages a walk checks */

/* The classic i386 layout: 896 MB of lowmem and a 128 MB vmalloc reserve. */
#define CLASSIC_LOWMEM_END 0xf8000000UL
#define CLASSIC_VMALLOC_START 0xf8800000UL
#define CLASSIC_VMALLOC_END 0xff7fe000UL
#define CLASSIC_PKMAP_BASE 0xff800000UL

static int paging_data_probe = 1; /* a word in .data */

/* The pfn that the kernel page tables map addr to, or -1 if none. */
static long mapped_pfn(unsigned long addr)
{
	enum pg_level level;
	pte_t *pte = lookup_address(addr, &level);

	if (!pte || !pte_present(*pte))
		return -1;
	if (level == PG_LEVEL_4M)
		return (long)(((*pte & PGDIR_MASK) | (addr & ~PGDIR_MASK)) >>
			      PAGE_SHIFT);
	return (long)pte_pfn(*pte);
}

/*
 * Lowmem pfns that are deliberately left unmapped in the direct map: page
 * 0, the boot stack's guard page, and with debug_pagealloc every free page.
 */
static bool pfn_is_unmapped_by_design(unsigned long pfn)
{
	struct page *head;
	enum page_use use;

	if (pfn == 0 || pfn == __pa(boot_stack_guard) >> PAGE_SHIFT)
		return true;
	if (!debug_pagealloc_enabled() || !pfn_valid(pfn))
		return false;
	use = page_use(pfn_to_page(pfn), &head);
	return use == PAGE_USE_FREE || use == PAGE_USE_PCP;
}

static unsigned long sample_stride(unsigned long pages)
{
	return max(pages / SAMPLES, 1UL);
}

static bool readable(const void *addr)
{
	u8 byte;

	return get_kernel_nofault(byte, (const u8 *)addr) == 0;
}

static void paging_direct_map_round_trips_pa_and_va(struct ktest *test)
{
	unsigned long stride = sample_stride(max_low_pfn);

	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn += stride) {
		/* Some offset inside the page, different for each sample. */
		unsigned long phys = (pfn << PAGE_SHIFT) | ((pfn * 41) & 0xfff);
		void *virt = __va(phys);

		KTEST_EXPECT_EQ(test, (unsigned long)virt, PAGE_OFFSET + phys);
		KTEST_EXPECT_EQ(test, __pa(virt), phys);
		KTEST_EXPECT_PTR_EQ(test, __va(__pa(virt)), virt);
		KTEST_EXPECT_TRUE(test, virt_addr_valid(virt));
	}
	KTEST_EXPECT_TRUE(test, virt_addr_valid((char *)high_memory - 1));
	KTEST_EXPECT_FALSE(test, virt_addr_valid(high_memory));
	KTEST_EXPECT_FALSE(test, virt_addr_valid((void *)(PAGE_OFFSET - 1)));
	KTEST_EXPECT_EQ(test, __pa(_text), LOAD_PHYSICAL_ADDR);
}

static void paging_page_address_and_virt_to_page_are_inverse(struct ktest *test)
{
	unsigned long stride = sample_stride(max_low_pfn);
	struct page *page;

	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn += stride) {
		struct page *p = pfn_to_page(pfn);
		char *addr = page_address(p);

		KTEST_EXPECT_PTR_EQ(test, addr, __va(pfn << PAGE_SHIFT));
		KTEST_EXPECT_PTR_EQ(test, virt_to_page(addr), p);
		KTEST_EXPECT_PTR_EQ(test, virt_to_page(addr + PAGE_SIZE - 1),
				    p);
		KTEST_EXPECT_EQ(test, page_to_pfn(p), pfn);
	}
	page = pfn_to_page(max_low_pfn - 1);
	KTEST_EXPECT_PTR_EQ(test, virt_to_page(page_address(page)), page);

	/*
	 * A highmem page has no address until it is mapped.  (A page freed
	 * while an earlier case's stale pkmap slot still held it would keep
	 * that address until the next flush: flush them first.)
	 */
	if (max_pfn == max_low_pfn)
		return;
	kmap_flush_unused();
	page = alloc_page(GFP_HIGHMEM | __GFP_NOWARN);
	KTEST_ASSERT_NOT_NULL(test, page);
	if (PageHighMem(page))
		KTEST_EXPECT_NULL(test, page_address(page));
	__free_page(page);
}

static void paging_lookup_address_finds_the_direct_map_pfn(struct ktest *test)
{
	unsigned long stride = sample_stride(max_low_pfn);
	enum pg_level level;

	for (unsigned long pfn = 1; pfn < max_low_pfn; pfn += stride) {
		unsigned long addr = (unsigned long)__va(pfn << PAGE_SHIFT) +
				     ((pfn * 67) & 0xfff);

		if (pfn_is_unmapped_by_design(pfn))
			continue;
		KTEST_EXPECT_EQ(test, mapped_pfn(addr), pfn);
	}
	KTEST_EXPECT_EQ(test,
			mapped_pfn((unsigned long)high_memory - PAGE_SIZE),
			max_low_pfn - 1);
	KTEST_EXPECT_EQ(test, mapped_pfn((unsigned long)_text),
			__pa(_text) >> PAGE_SHIFT);
	/* Nothing at all below PAGE_OFFSET: not even a page table. */
	KTEST_EXPECT_NULL(test, lookup_address(0, &level));
	KTEST_EXPECT_EQ(test, level, PG_LEVEL_NONE);
}

/* Must this 4 MB chunk of lowmem be mapped with page-granular protection? */
static bool chunk_needs_4k_pages(unsigned long base)
{
	unsigned long end = base + PGDIR_SIZE;

	return base == 0 || end > max_low_pfn << PAGE_SHIFT ||
	       (__pa(_text) < end && __pa(_erodata) > base) ||
	       (__pa(boot_stack_guard) >= base && __pa(boot_stack_guard) < end);
}

static void paging_direct_map_uses_4mb_pages_unless_nopse(struct ktest *test)
{
	const char *val;
	bool nopse_given = cmdline_find_option("nopse", &val);
	bool pse = boot_cpu_data.has_pse && !nopse &&
		   !debug_pagealloc_enabled();
	unsigned long large = 0, full_chunks = 0;

	KTEST_EXPECT_EQ(test, nopse, nopse_given);
	KTEST_EXPECT_EQ(test, direct_map_uses_pse(), pse);
	for (unsigned long base = 0; base < max_low_pfn << PAGE_SHIFT;
	     base += PGDIR_SIZE) {
		pgd_t pgd = *pgd_offset_k((unsigned long)__va(base));

		KTEST_EXPECT_TRUE(test, pgd_present(pgd));
		if (!chunk_needs_4k_pages(base))
			full_chunks++;
		if (pse && !chunk_needs_4k_pages(base)) {
			KTEST_EXPECT_TRUE(test, pgd_large(pgd));
			KTEST_EXPECT_EQ(test, pgd & PGDIR_MASK, base);
			KTEST_EXPECT_TRUE(test, pgd & _PAGE_RW);
		} else {
			KTEST_EXPECT_FALSE(test, pgd_large(pgd));
		}
		if (pgd_large(pgd))
			large++;
	}
	KTEST_EXPECT_EQ(test, large, direct_pages_4m);
	KTEST_EXPECT_EQ(test, large, pse ? full_chunks : 0);
	if (pse)
		KTEST_EXPECT_TRUE(test, read_cr4() & X86_CR4_PSE);
}

static void paging_direct_map_ptes_cover_lowmem_exactly(struct ktest *test)
{
	unsigned long ro_start = __pa(_text) >> PAGE_SHIFT;
	unsigned long ro_end = PAGE_ALIGN(__pa(_erodata)) >> PAGE_SHIFT;
	unsigned long present = 0;

	for (unsigned long base = 0; base < max_low_pfn << PAGE_SHIFT;
	     base += PGDIR_SIZE) {
		pgd_t *pgd = pgd_offset_k((unsigned long)__va(base));
		pte_t *pte;

		if (pgd_large(*pgd))
			continue;
		KTEST_ASSERT_TRUE(test, pgd_present(*pgd));
		pte = pte_offset_kernel(pgd, (unsigned long)__va(base));
		for (unsigned long i = 0; i < PTRS_PER_PTE; i++) {
			unsigned long pfn = (base >> PAGE_SHIFT) + i;
			bool mapped = pfn < max_low_pfn &&
				      !pfn_is_unmapped_by_design(pfn);

			KTEST_EXPECT_EQ(test, pte_present(pte[i]), mapped);
			if (!mapped || !pte_present(pte[i]))
				continue;
			present++;
			KTEST_EXPECT_EQ(test, pte_pfn(pte[i]), pfn);
			/* Text and rodata read-only, everything else not. */
			KTEST_EXPECT_EQ(test, !!(pte[i] & _PAGE_RW),
					pfn < ro_start || pfn >= ro_end);
		}
	}
	/* What paging_init() mapped; debug_pagealloc has unmapped some since. */
	if (!debug_pagealloc_enabled())
		KTEST_EXPECT_EQ(test, present, direct_pages_4k);
}

static void paging_page_0_and_user_space_are_not_mapped(struct ktest *test)
{
	u32 val;

	KTEST_EXPECT_EQ(test, get_kernel_nofault(val, (u32 *)0), -EFAULT);
	KTEST_EXPECT_EQ(test, get_kernel_nofault(val, (u32 *)0x1000), -EFAULT);
	KTEST_EXPECT_EQ(test, get_kernel_nofault(val, (u32 *)0xbffff000),
			-EFAULT);
	KTEST_EXPECT_EQ(test, get_kernel_nofault(val, (u32 *)(TASK_SIZE - 4)),
			-EFAULT);
	/* Physical page 0 is not in the direct map either... */
	KTEST_EXPECT_EQ(test, get_kernel_nofault(val, (u32 *)PAGE_OFFSET),
			-EFAULT);
	/* ... while the page after it is. */
	KTEST_EXPECT_EQ(
		test, get_kernel_nofault(val, (u32 *)(PAGE_OFFSET + PAGE_SIZE)),
		0);
	for (unsigned long i = 0; i < pgd_index(TASK_SIZE); i++)
		KTEST_EXPECT_FALSE(test, pgd_present(kernel_pgdir[i]));
}

static void paging_first_byte_past_lowmem_is_not_mapped(struct ktest *test)
{
	char *end = high_memory;

	KTEST_EXPECT_FALSE(test, readable(end));
	KTEST_EXPECT_TRUE(test, readable(end - 1));
	KTEST_EXPECT_EQ(test, mapped_pfn((unsigned long)end), -1);
	/* The whole guard gap up to vmalloc is a hole. */
	KTEST_EXPECT_FALSE(test, readable((void *)(VMALLOC_START - 1)));
	KTEST_EXPECT_EQ(test, mapped_pfn(VMALLOC_START - PAGE_SIZE), -1);
}

/* Does a nofault write of the byte already at addr fault? */
static bool write_faults(unsigned long addr)
{
	u8 byte = *(volatile u8 *)addr;

	return copy_to_kernel_nofault((void *)addr, &byte, 1) == -EFAULT;
}

static void
paging_kernel_text_is_read_only_and_data_writable(struct ktest *test)
{
	unsigned long text = (unsigned long)_text;
	unsigned long etext = (unsigned long)_etext;
	unsigned long srodata = (unsigned long)_srodata;
	unsigned long erodata = (unsigned long)_erodata;
	int old = paging_data_probe, val = old + 1;
	enum pg_level level;
	pte_t *pte;

	KTEST_EXPECT_TRUE(test, write_faults(text));
	KTEST_EXPECT_TRUE(test, write_faults(etext - 1));
	if (erodata > srodata) {
		KTEST_EXPECT_TRUE(test, write_faults(srodata));
		KTEST_EXPECT_TRUE(test, write_faults(erodata - 1));
	}
	KTEST_EXPECT_TRUE(test, readable(_text));

	KTEST_EXPECT_EQ(test,
			copy_to_kernel_nofault(&paging_data_probe, &val,
					       sizeof(val)),
			0);
	KTEST_EXPECT_EQ(test, paging_data_probe, old + 1);
	paging_data_probe = old;

	pte = lookup_address(text, &level);
	KTEST_ASSERT_NOT_NULL(test, pte);
	KTEST_EXPECT_EQ(test, level, PG_LEVEL_4K);
	KTEST_EXPECT_FALSE(test, *pte & _PAGE_RW);
	pte = lookup_address((unsigned long)&paging_data_probe, &level);
	KTEST_ASSERT_NOT_NULL(test, pte);
	KTEST_EXPECT_TRUE(test, *pte & _PAGE_RW);
}

static void paging_boot_stack_guard_page_is_not_mapped(struct ktest *test)
{
	enum pg_level level;
	pte_t *pte;

	KTEST_ASSERT_TRUE(test, IS_ALIGNED((unsigned long)boot_stack_guard,
					   PAGE_SIZE));
	pte = lookup_address((unsigned long)boot_stack_guard, &level);
	KTEST_ASSERT_NOT_NULL(test, pte);
	KTEST_EXPECT_EQ(test, level, PG_LEVEL_4K);
	KTEST_EXPECT_FALSE(test, pte_present(*pte));
	KTEST_EXPECT_FALSE(test, readable(boot_stack_guard));
	KTEST_EXPECT_FALSE(test,
			   readable((void *)((unsigned long)boot_stack - 1)));
	KTEST_EXPECT_TRUE(test, readable(boot_stack));
	KTEST_EXPECT_EQ(test, mapped_pfn((unsigned long)boot_stack),
			__pa(boot_stack) >> PAGE_SHIFT);
}

static void paging_pkmap_and_fixmap_page_tables_are_present(struct ktest *test)
{
	pgd_t pkmap = *pgd_offset_k(PKMAP_BASE);
	pgd_t fixmap = *pgd_offset_k(FIXADDR_START);
	struct page *page;
	void *addr;

	/* One page table each, covering the whole region. */
	KTEST_EXPECT_TRUE(test, pgd_present(pkmap));
	KTEST_EXPECT_FALSE(test, pgd_large(pkmap));
	KTEST_EXPECT_EQ(test, pgd_index(PKMAP_END - 1), pgd_index(PKMAP_BASE));
	KTEST_EXPECT_TRUE(test, pgd_present(fixmap));
	KTEST_EXPECT_FALSE(test, pgd_large(fixmap));
	KTEST_EXPECT_EQ(test, fixmap & PAGE_MASK, __pa(fixmap_pgtable));
	KTEST_EXPECT_EQ(test, pgd_index(FIXADDR_TOP), pgd_index(FIXADDR_START));
	KTEST_EXPECT_EQ(test, mapped_pfn(FIXADDR_TOP), -1); /* FIX_HOLE */

	/* A kmap_local slot maps through that table. */
	if (max_pfn == max_low_pfn)
		return;
	page = alloc_page(GFP_HIGHMEM | __GFP_NOWARN);
	KTEST_ASSERT_NOT_NULL(test, page);
	addr = kmap_local_page(page);
	KTEST_EXPECT_NOT_NULL(test, addr);
	if (addr && PageHighMem(page)) {
		KTEST_EXPECT_GE(test, (unsigned long)addr, FIXADDR_START);
		KTEST_EXPECT_EQ(test, mapped_pfn((unsigned long)addr),
				page_to_pfn(page));
	}
	if (addr)
		kunmap_local(addr);
	if (addr && PageHighMem(page))
		KTEST_EXPECT_EQ(test, mapped_pfn((unsigned long)addr), -1);
	__free_page(page);
}

static void paging_cr3_points_at_swapper_pg_dir(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, read_cr3() & PAGE_MASK, __pa(swapper_pg_dir));
	KTEST_EXPECT_PTR_EQ(test, kernel_pgdir, swapper_pg_dir);
	/* head.S's identity mapping of low memory is gone. */
	KTEST_EXPECT_FALSE(test, pgd_present(swapper_pg_dir[0]));
}

static void paging_high_memory_is_the_end_of_lowmem(struct ktest *test)
{
	KTEST_EXPECT_PTR_EQ(test, high_memory, __va(max_low_pfn << PAGE_SHIFT));
	KTEST_EXPECT_LE(test, max_low_pfn, max_pfn);
	KTEST_EXPECT_LE(test, max_low_pfn, MAXMEM_PFN);
	KTEST_EXPECT_LE(test, (unsigned long)high_memory - PAGE_OFFSET, MAXMEM);
	if (max_pfn > MAXMEM_PFN)
		KTEST_EXPECT_EQ(test, max_low_pfn, MAXMEM_PFN);
	else if (!mem_options.highmem_given)
		KTEST_EXPECT_EQ(test, max_low_pfn, max_pfn);
}

static void paging_layout_regions_are_ordered(struct ktest *test)
{
	unsigned long high = (unsigned long)high_memory;

	KTEST_EXPECT_EQ(test, TASK_SIZE, PAGE_OFFSET);
	KTEST_EXPECT_LT(test, PAGE_OFFSET, high);
	KTEST_EXPECT_LT(test, high, VMALLOC_START);
	KTEST_EXPECT_LE(test, VMALLOC_START - high, VMALLOC_OFFSET);
	KTEST_EXPECT_TRUE(test, IS_ALIGNED(VMALLOC_START, VMALLOC_OFFSET));
	KTEST_EXPECT_LT(test, VMALLOC_START, VMALLOC_END);
	KTEST_EXPECT_EQ(test, VMALLOC_END + 2 * PAGE_SIZE, PKMAP_BASE);
	KTEST_EXPECT_TRUE(test, IS_ALIGNED(PKMAP_BASE, PGDIR_SIZE));
	KTEST_EXPECT_EQ(test, PKMAP_END - PKMAP_BASE, LAST_PKMAP * PAGE_SIZE);
	KTEST_EXPECT_LE(test, PKMAP_END, FIXADDR_START);
	KTEST_EXPECT_EQ(test, FIXADDR_START + FIXADDR_SIZE, FIXADDR_TOP);
	KTEST_EXPECT_EQ(test, __fix_to_virt(FIX_HOLE), FIXADDR_TOP);
	/* The fixmap hole is the last page of the 4 GB. */
	KTEST_EXPECT_EQ(test, FIXADDR_TOP + PAGE_SIZE, 0);
}

static void paging_classic_layout_with_896mb_of_lowmem(struct ktest *test)
{
	if (max_pfn < MAXMEM_PFN ||
	    __VMALLOC_RESERVE != VMALLOC_RESERVE_DEFAULT)
		ktest_skip(
			test,
			"needs >= 896 MB of RAM and the default vmalloc reserve");
	KTEST_EXPECT_EQ(test, (unsigned long)high_memory, CLASSIC_LOWMEM_END);
	KTEST_EXPECT_EQ(test, max_low_pfn,
			__pa(CLASSIC_LOWMEM_END) >> PAGE_SHIFT);
	KTEST_EXPECT_EQ(test, VMALLOC_START, CLASSIC_VMALLOC_START);
	KTEST_EXPECT_EQ(test, VMALLOC_END, CLASSIC_VMALLOC_END);
	KTEST_EXPECT_EQ(test, PKMAP_BASE, CLASSIC_PKMAP_BASE);
}

static void paging_vmalloc_option_shrinks_lowmem(struct ktest *test)
{
	u64 max_size = SZ_1G - MIN_LOWMEM_SIZE - VMALLOC_OFFSET;
	unsigned long reserve, lowmem_pfns;
	u64 size = mem_options.vmalloc_size;

	/* Not given, or refused (for this machine): the default reserve. */
	if (!mem_options.vmalloc_given) {
		KTEST_EXPECT_EQ(test, __VMALLOC_RESERVE,
				VMALLOC_RESERVE_DEFAULT);
		return;
	}
	KTEST_EXPECT_LE(test, size, max_size);
	/* As Linux: the 8 MB guard gap comes on top of the requested size. */
	reserve = (unsigned long)size + VMALLOC_OFFSET;
	lowmem_pfns = (SZ_1G - reserve) >> PAGE_SHIFT;
	KTEST_EXPECT_EQ(test, __VMALLOC_RESERVE, reserve);
	KTEST_EXPECT_LE(test, max_low_pfn, lowmem_pfns);
	if (max_pfn >= lowmem_pfns)
		KTEST_EXPECT_EQ(test, max_low_pfn, lowmem_pfns);
	KTEST_EXPECT_LE(test, (unsigned long)high_memory,
			PAGE_OFFSET + (lowmem_pfns << PAGE_SHIFT));
	/* What is left for vmalloc is at least what the option promises. */
	KTEST_EXPECT_GE(test, VMALLOC_END - VMALLOC_START, 4 * SZ_1M);
}

static const struct ktest_case paging_cases[] = {
	KTEST_CASE(paging_direct_map_round_trips_pa_and_va),
	KTEST_CASE(paging_page_address_and_virt_to_page_are_inverse),
	KTEST_CASE(paging_lookup_address_finds_the_direct_map_pfn),
	KTEST_CASE(paging_direct_map_uses_4mb_pages_unless_nopse),
	KTEST_CASE(paging_direct_map_ptes_cover_lowmem_exactly),
	KTEST_CASE(paging_page_0_and_user_space_are_not_mapped),
	KTEST_CASE(paging_first_byte_past_lowmem_is_not_mapped),
	KTEST_CASE(paging_kernel_text_is_read_only_and_data_writable),
	KTEST_CASE(paging_boot_stack_guard_page_is_not_mapped),
	KTEST_CASE(paging_pkmap_and_fixmap_page_tables_are_present),
	KTEST_CASE(paging_cr3_points_at_swapper_pg_dir),
	KTEST_CASE(paging_high_memory_is_the_end_of_lowmem),
	KTEST_CASE(paging_layout_regions_are_ordered),
	KTEST_CASE(paging_classic_layout_with_896mb_of_lowmem),
	KTEST_CASE(paging_vmalloc_option_shrinks_lowmem),
	{}
};
KTEST_SUITE(paging, paging_cases);
