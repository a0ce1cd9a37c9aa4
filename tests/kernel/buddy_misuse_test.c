// SPDX-License-Identifier: GPL-2.0
/*
 * buddy_misuse_test.c - verifies that every misuse of the page allocator is
 * reported in Linux's words and survived with the counts intact: an order
 * above 10, freeing a free page, a double free, freeing with the wrong order
 * (the recorded order is used), freeing a reserved page or the tail page of
 * a block, free_pages() of an address outside the direct map, a pointer that
 * is not in mem_map, GFP_DMA with GFP_HIGHMEM, unknown GFP bits; and a page
 * that something else uses and frees its own way (a vmalloc page, a page
 * table, a kmalloc() block) or that a kmap slot still maps: refused, with
 * what the page is used for and by whom, and nothing changes.  With
 * debug_pagealloc, a freed page leaves the direct map, a use after free
 * faults and the report names who freed the page.  After each,
 * buddy_self_check() confirms the free lists are still consistent.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <bug.h>
#include <errno.h>
#include <fault.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <printk.h>
#include <sched.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <uaccess.h>
#include <vmalloc.h>
#include <smp.h>

#include "mm_test_helpers.h"

extern char _text[];

static void buddy_order_above_max_is_refused_with_a_warning(struct ktest *test)
{
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();
	struct free_counts start;
	char text[64];

	free_counts_snapshot(&start);
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, MAX_ORDER));
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	snprintf(text, sizeof(text), "order %d is above MAX_ORDER-1",
		 MAX_ORDER);
	KTEST_EXPECT_LOG(test, mark, text);
	snprintf(text, sizeof(text),
		 "WARNING: CPU: %u PID: %d at %s:", smp_processor_id(),
		 current->pid, "mm/page_alloc.c");
	KTEST_EXPECT_LOG(test, mark, text);
	/* __GFP_NOWARN: refused just the same, silently. */
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					    MAX_ORDER + 5));
	KTEST_EXPECT_EQ(test,
			__get_free_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER),
			0);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	free_counts_expect(test, &start, "after the refused requests");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void buddy_freeing_a_free_page_is_reported(struct ktest *test)
{
	struct zone *zone = test_kernel_zone();
	unsigned long reports = nr_bad_page_reports;
	struct free_counts start;
	printk_mark_t mark;
	struct page *page;
	int o = MAX_ORDER - 1;

	while (o > 0 && !zone->free_area[o].nr_free)
		o--;
	KTEST_ASSERT_GT(test, zone->free_area[o].nr_free, 0);
	page = list_first_entry(&zone->free_area[o].free_list, struct page,
				buddy_list);

	free_counts_snapshot(&start);
	mark = printk_mark();
	__free_pages(page, (unsigned int)o);
	KTEST_EXPECT_EQ(test, nr_bad_page_reports, reports + 1);
	KTEST_EXPECT_LOG(test, mark, "BUG: Bad page state in process");
	KTEST_EXPECT_LOG(test, mark, "page is already free");
	KTEST_EXPECT_TRUE(test, PageBuddy(page));
	KTEST_EXPECT_EQ(test, page->private, o);
	/* A page inside the free block is just as free. */
	if (o > 0) {
		mark = printk_mark();
		__free_pages(page + 1, 0);
		KTEST_EXPECT_EQ(test, nr_bad_page_reports, reports + 2);
		KTEST_EXPECT_LOG(test, mark, "page is already free");
	}
	free_counts_expect(test, &start, "after freeing a free page");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void buddy_double_free_is_reported(struct ktest *test)
{
	unsigned long reports = nr_bad_page_reports;
	struct free_counts start, freed;
	struct page *page, *a, *b;
	printk_mark_t mark;
	struct hoard h;

	free_counts_snapshot(&start);
	page = alloc_pages(GFP_KERNEL, 1);
	KTEST_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 1);
	free_counts_expect(test, &start, "after the first free");

	/* The head of a free block... */
	mark = printk_mark();
	__free_pages(page, 1);
	KTEST_EXPECT_EQ(test, nr_bad_page_reports, reports + 1);
	KTEST_EXPECT_LOG(test, mark, "BUG: Bad page state in process");
	KTEST_EXPECT_LOG(test, mark, "double free");
	free_counts_expect(test, &start, "after the second free");

	/* ... or a page that merged into a block headed below it. */
	hoard_init(&h);
	if (alloc_buddy_pair(test, test_kernel_zone(), &h, &freed, &a, &b)) {
		__free_pages(a, 0);
		__free_pages(b, 0);
		free_counts_expect(test, &freed, "after freeing the buddies");
		mark = printk_mark();
		__free_pages(b, 0);
		KTEST_EXPECT_EQ(test, nr_bad_page_reports, reports + 2);
		KTEST_EXPECT_LOG(test, mark, "double free");
		free_counts_expect(test, &freed, "after freeing b again");
	}
	hoard_release(&h);
	free_counts_expect(test, &start, "after freeing everything");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void
buddy_free_with_the_wrong_order_uses_the_recorded_order(struct ktest *test)
{
	unsigned long warnings = nr_warnings;
	struct free_counts start;
	printk_mark_t mark;
	struct page *page;

	free_counts_snapshot(&start);
	mark = printk_mark();
	/* Too small: all four pages must still come back. */
	page = alloc_pages(GFP_KERNEL, 2);
	KTEST_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 0);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(
		test, mark,
		"was allocated with order 2 but is freed with order 0");
	free_counts_expect(test, &start, "after freeing order 2 as order 0");

	/* Too big: only the one page may come back. */
	page = alloc_pages(GFP_KERNEL, 0);
	KTEST_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 3);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 2);
	KTEST_EXPECT_LOG(
		test, mark,
		"was allocated with order 0 but is freed with order 3");
	free_counts_expect(test, &start, "after freeing order 0 as order 3");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void buddy_freeing_a_reserved_page_is_refused(struct ktest *test)
{
	struct page *text = virt_to_page(_text), *zero = pfn_to_page(0);
	unsigned long reports = nr_bad_page_reports;
	printk_mark_t mark = printk_mark();
	struct free_counts start;

	KTEST_ASSERT_TRUE(test, PageReserved(text));
	free_counts_snapshot(&start);
	__free_pages(text, 0);
	__free_pages(zero, 0);
	KTEST_EXPECT_EQ(test, nr_bad_page_reports, reports + 2);
	KTEST_EXPECT_LOG(test, mark, "BUG: Bad page state in process");
	KTEST_EXPECT_LOG(test, mark, "freeing a reserved page");
	KTEST_EXPECT_TRUE(test, PageReserved(text));
	KTEST_EXPECT_FALSE(test, PageBuddy(text));
	KTEST_EXPECT_TRUE(test, PageReserved(zero));
	free_counts_expect(test, &start, "after freeing reserved pages");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void buddy_freeing_a_tail_page_is_refused(struct ktest *test)
{
	unsigned long reports = nr_bad_page_reports;
	struct free_counts start, allocated;
	printk_mark_t mark;
	struct page *page;

	free_counts_snapshot(&start);
	page = alloc_pages(GFP_KERNEL, 2);
	KTEST_ASSERT_NOT_NULL(test, page);
	free_counts_snapshot(&allocated);

	mark = printk_mark();
	__free_pages(page + 1, 0);
	__free_pages(page + 3, 1);
	KTEST_EXPECT_EQ(test, nr_bad_page_reports, reports + 2);
	KTEST_EXPECT_LOG(test, mark, "BUG: Bad page state in process");
	KTEST_EXPECT_LOG(test, mark, "not the first page of the order-2 block");
	free_counts_expect(test, &allocated, "after freeing tail pages");
	/* The block is intact and still its owner's. */
	KTEST_EXPECT_TRUE(test, PageHead(page));
	KTEST_EXPECT_EQ(test, page_count(page), 1);
	__free_pages(page, 2);
	free_counts_expect(test, &start, "after freeing the block");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void
buddy_free_pages_of_a_non_direct_map_address_warns(struct ktest *test)
{
	unsigned long warnings = nr_warnings;
	struct free_counts start, allocated;
	printk_mark_t mark;
	unsigned long addr;

	free_counts_snapshot(&start);
	addr = __get_free_page(GFP_KERNEL);
	KTEST_ASSERT_NE(test, addr, 0);
	free_counts_snapshot(&allocated);

	mark = printk_mark();
	free_pages((unsigned long)high_memory, 0); /* past lowmem */
	free_pages(PKMAP_BASE, 0);
	free_pages(0x1000, 0); /* user space */
	free_pages(addr + 8, 0); /* not page-aligned */
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 4);
	KTEST_EXPECT_LOG(test, mark,
			 "is not the page-aligned direct-map address of RAM");
	free_pages(0, 0); /* as in Linux: a no-op, not an error */
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 4);
	free_counts_expect(test, &allocated, "after the bad frees");

	free_pages(addr, 0);
	free_counts_expect(test, &start, "after the real free");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void buddy_free_of_a_pointer_outside_mem_map_warns(struct ktest *test)
{
	static struct page fake;
	unsigned long warnings = nr_warnings;
	struct free_counts start, allocated;
	printk_mark_t mark;
	struct page *page;

	free_counts_snapshot(&start);
	page = alloc_pages(GFP_KERNEL, 0);
	KTEST_ASSERT_NOT_NULL(test, page);
	free_counts_snapshot(&allocated);

	mark = printk_mark();
	__free_pages(&fake, 0);
	__free_pages((struct page *)((char *)page + 4), 0); /* misaligned */
	__free_pages(mem_map + max_pfn, 0); /* one past the end */
	__free_pages(NULL, 0);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 4);
	KTEST_EXPECT_LOG(test, mark, "is not a struct page in mem_map");
	free_counts_expect(test, &allocated, "after the bad frees");
	KTEST_EXPECT_TRUE(test, PageHead(page));

	__free_pages(page, 0);
	free_counts_expect(test, &start, "after the real free");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void
buddy_gfp_dma_with_gfp_highmem_is_served_from_dma(struct ktest *test)
{
	static const char text[] = "GFP_DMA with GFP_HIGHMEM/GFP_DMA32";
	static bool seen; /* by an earlier run: the log may have moved on */
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();
	struct page *page[2];

	for (int i = 0; i < 2; i++) {
		page[i] = alloc_pages(GFP_DMA | GFP_HIGHMEM, 0);
		KTEST_EXPECT_NOT_NULL(test, page[i]);
		if (page[i])
			KTEST_EXPECT_EQ(test, page_zonenum(page[i]), ZONE_DMA);
	}
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_DMA | GFP_DMA32), ZONE_DMA);
	/* Reported once per boot: now, or by whoever asked first. */
	KTEST_EXPECT_LE(test, nr_warnings, warnings + 1);
	if (nr_warnings > warnings)
		KTEST_EXPECT_LOG(test, mark, text);
	else if (!seen)
		KTEST_EXPECT_LOG(test, 0, text);
	seen = true;
	for (int i = 1; i >= 0; i--)
		if (page[i])
			__free_pages(page[i], 0);
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void buddy_unknown_gfp_bits_are_warned_and_ignored(struct ktest *test)
{
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();
	struct page *page = alloc_pages(GFP_KERNEL | 0x400, 0);

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_PTR_EQ(test, page_zone(page), test_kernel_zone());
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "unknown GFP bits 0x400 ignored");
	__free_pages(page, 0);
}

/* __free_pages(page) must refuse with `why` in the report; nothing moves. */
static void expect_free_refused(struct ktest *test, struct page *page,
				unsigned int order, const char *why)
{
	unsigned long reports = nr_bad_page_reports;
	unsigned long flags = page->flags;
	printk_mark_t mark = printk_mark();
	struct free_counts start;

	free_counts_snapshot(&start);
	__free_pages(page, order);
	KTEST_EXPECT_EQ(test, nr_bad_page_reports, reports + 1);
	KTEST_EXPECT_LOG(test, mark, "BUG: Bad page state in process");
	KTEST_EXPECT_LOG(test, mark, why);
	KTEST_EXPECT_EQ(test, page->flags, flags);
	KTEST_EXPECT_EQ(test, page_count(page), 1);
	free_counts_expect(test, &start, "after the refused free");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static noinline void *vmalloc_for_buddy_test(void)
{
	void *p = vmalloc(2 * PAGE_SIZE);

	barrier(); /* a call, not a jump: the area names this function */
	return p;
}

static void buddy_freeing_a_vmalloc_page_is_refused(struct ktest *test)
{
	char *p = vmalloc_for_buddy_test();
	struct page *page;
	char text[96];

	KTEST_ASSERT_NOT_NULL(test, p);
	page = vmalloc_to_page(p + PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, page);
	snprintf(
		text, sizeof(text),
		"page 1 of vmalloc area 0x%08lx-0x%08lx allocated by vmalloc_for_buddy_test",
		(unsigned long)p, (unsigned long)p + 2 * PAGE_SIZE);
	expect_free_refused(test, page, 0, text);
	/* The area still owns it: it reads and writes, and vfree frees it. */
	p[PAGE_SIZE] = 42;
	KTEST_EXPECT_EQ(test, p[PAGE_SIZE], 42);
	KTEST_EXPECT_PTR_EQ(test, vmalloc_to_page(p + PAGE_SIZE), page);
	vfree(p);
	KTEST_EXPECT_FALSE(test, PageVmalloc(page));
}

static void buddy_freeing_a_page_table_is_refused(struct ktest *test)
{
	void *p = vmalloc(PAGE_SIZE); /* its PDE has a page table */
	pgd_t *pgd;
	struct page *table;
	char text[80];

	KTEST_ASSERT_NOT_NULL(test, p);
	pgd = pgd_offset_k((unsigned long)p);
	KTEST_ASSERT_TRUE(test, pgd_present(*pgd) && !pgd_large(*pgd));
	table = pfn_to_page((*pgd & PAGE_MASK) >> PAGE_SHIFT);
	KTEST_ASSERT_TRUE(test, PageTable(table));
	snprintf(text, sizeof(text), "a page table, mapping 0x%08lx-0x%08lx",
		 (unsigned long)p & PGDIR_MASK,
		 ((unsigned long)p & PGDIR_MASK) + PGDIR_SIZE - 1);
	expect_free_refused(test, table, 0, text);
	KTEST_EXPECT_NOT_NULL(test, vmalloc_to_page(p));
	vfree(p);
}

static void buddy_freeing_kmalloc_memory_is_refused(struct ktest *test)
{
	long slab_pages = atomic_long_read(&nr_slab_unreclaimable);
	void *p = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	struct page *page;

	KTEST_ASSERT_NOT_NULL(test, p);
	page = virt_to_page(p);
	KTEST_EXPECT_TRUE(test, PageLargeKmalloc(page));
	expect_free_refused(test, page, 2, "a kmalloc() block of 16 KB");
	free_pages((unsigned long)p, 2);
	KTEST_EXPECT_TRUE(test, PageLargeKmalloc(page));
	KTEST_EXPECT_EQ(test, atomic_long_read(&nr_slab_unreclaimable),
			slab_pages + 4);
	kfree(p);
	KTEST_EXPECT_EQ(test, atomic_long_read(&nr_slab_unreclaimable),
			slab_pages);
}

/* Free a kmapped block: a WARN naming `slot`; the block stays allocated. */
static void expect_free_warns_kmapped(struct ktest *test, struct page *page,
				      unsigned int order, const char *slot)
{
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();
	struct free_counts start;

	free_counts_snapshot(&start);
	__free_pages(page, order);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, slot);
	KTEST_EXPECT_LOG(test, mark, "not freed");
	KTEST_EXPECT_EQ(test, page_count(page), 1);
	KTEST_EXPECT_TRUE(test, PageHead(page));
	free_counts_expect(test, &start, "after the refused free");
}

static void
buddy_freeing_a_kmapped_page_warns_naming_the_slot(struct ktest *test)
{
	struct page *page = test_highmem_zone() ?
				    alloc_page(GFP_HIGHMEM | __GFP_NOWARN) :
				    NULL;
	char text[64];
	void *addr;

	if (!page || !PageHighMem(page)) {
		if (page)
			__free_page(page);
		ktest_skip(test, "no free highmem page to kmap");
	}
	addr = kmap(page);
	KTEST_ASSERT_NOT_NULL(test, addr);
	snprintf(text, sizeof(text), "at pkmap slot %lu",
		 PKMAP_NR((unsigned long)addr));
	expect_free_warns_kmapped(test, page, 0, text);
	kunmap(page);

	addr = kmap_local_page(page);
	KTEST_ASSERT_NOT_NULL(test, addr);
	snprintf(text, sizeof(text), "at kmap_local slot %d",
		 kmap_local_depth(smp_processor_id()) - 1);
	expect_free_warns_kmapped(test, page, 0, text);
	kunmap_local(addr);

	/* Unmapped (the pkmap slot is stale: no users), it goes. */
	__free_page(page);
	KTEST_EXPECT_FALSE(test, PageHead(page));
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

/*
 * A slot maps one page, which may be any page of a block: the free of the
 * block is refused whichever it is (the fuzzer's first finding after
 * issue 12, tests/fuzz: only the first page was looked at).
 */
static void
buddy_freeing_a_block_with_a_kmapped_tail_page_is_refused(struct ktest *test)
{
	struct page *block =
		test_highmem_zone() ?
			alloc_pages(GFP_HIGHMEM | __GFP_NOWARN, 2) :
			NULL;
	char text[64];
	void *addr;

	if (!block || !PageHighMem(block)) {
		if (block)
			__free_pages(block, 2);
		ktest_skip(test, "no free highmem block to kmap");
	}
	addr = kmap(block + 3);
	KTEST_ASSERT_NOT_NULL(test, addr);
	snprintf(text, sizeof(text), "at pkmap slot %lu",
		 PKMAP_NR((unsigned long)addr));
	expect_free_warns_kmapped(test, block, 2, text);
	kunmap(block + 3);

	addr = kmap_local_page(block + 1);
	KTEST_ASSERT_NOT_NULL(test, addr);
	snprintf(text, sizeof(text), "at kmap_local slot %d",
		 kmap_local_depth(smp_processor_id()) - 1);
	expect_free_warns_kmapped(test, block, 2, text);
	kunmap_local(addr);

	__free_pages(block, 2);
	KTEST_EXPECT_FALSE(test, PageHead(block));
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static noinline void free_for_pagealloc_test(struct page *page)
{
	__free_page(page);
	barrier(); /* a call, not a jump: the freer is this function */
}

static void buddy_debug_pagealloc_unmaps_freed_pages(struct ktest *test)
{
	struct page *page, *again;
	char why[320], text[96];
	u32 *addr, word;

	if (!debug_pagealloc_enabled())
		ktest_skip(test, "boot with debug_pagealloc=on to check");
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, page);
	addr = page_address(page);
	*addr = 0x4b4d3338; /* allocated: mapped */
	free_for_pagealloc_test(page);
	KTEST_EXPECT_EQ(test, get_kernel_nofault(word, addr), -EFAULT);
	explain_address((unsigned long)addr, 0, why, sizeof(why));
	snprintf(
		text, sizeof(text),
		"a use after free: pfn %#lx was freed by free_for_pagealloc_test",
		page_to_pfn(page));
	KTEST_EXPECT_NOT_NULL(test, strstr(why, text));
	/* The per-CPU list hands the same page out next: mapped again. */
	again = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, again);
	KTEST_EXPECT_EQ(
		test, get_kernel_nofault(word, (u32 *)page_address(again)), 0);
	if (again == page)
		KTEST_EXPECT_EQ(test, word, 0x4b4d3338);
	__free_page(again);
}

static const struct ktest_case buddy_misuse_cases[] = {
	KTEST_CASE(buddy_order_above_max_is_refused_with_a_warning),
	KTEST_CASE(buddy_freeing_a_free_page_is_reported),
	KTEST_CASE(buddy_double_free_is_reported),
	KTEST_CASE(buddy_free_with_the_wrong_order_uses_the_recorded_order),
	KTEST_CASE(buddy_freeing_a_reserved_page_is_refused),
	KTEST_CASE(buddy_freeing_a_tail_page_is_refused),
	KTEST_CASE(buddy_free_pages_of_a_non_direct_map_address_warns),
	KTEST_CASE(buddy_free_of_a_pointer_outside_mem_map_warns),
	KTEST_CASE(buddy_gfp_dma_with_gfp_highmem_is_served_from_dma),
	KTEST_CASE(buddy_unknown_gfp_bits_are_warned_and_ignored),
	KTEST_CASE(buddy_freeing_a_vmalloc_page_is_refused),
	KTEST_CASE(buddy_freeing_a_page_table_is_refused),
	KTEST_CASE(buddy_freeing_kmalloc_memory_is_refused),
	KTEST_CASE(buddy_freeing_a_kmapped_page_warns_naming_the_slot),
	KTEST_CASE(buddy_freeing_a_block_with_a_kmapped_tail_page_is_refused),
	KTEST_CASE(buddy_debug_pagealloc_unmaps_freed_pages),
	{}
};
KTEST_SUITE(buddy_misuse, buddy_misuse_cases);
