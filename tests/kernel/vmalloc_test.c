// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc_test.c - verifies that vmalloc gives one contiguous range of
 * addresses over pages taken one by one (highmem first), that every page is
 * where the page tables say, that the guard page after each area is unmapped
 * and a write there is reported as such, that freed ranges come back (after
 * the batched TLB flush) and merge, that the address space can be exhausted
 * and recovered, that vmap and ioremap map what they are given, and that
 * every misuse is a WARN the kernel survives.  A per-case hook checks that
 * the number of areas is back where it was.
 */
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <bug.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <panic.h>
#include <seq_file.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <uaccess.h>
#include <vmalloc.h>

static void vmalloc_buffer_is_usable_across_page_boundaries(struct ktest *test)
{
	unsigned long size = 5 * PAGE_SIZE + 100;
	u8 *buf = vmalloc(size);

	KTEST_ASSERT_NOT_NULL(test, buf);
	for (unsigned long i = 0; i < size; i++)
		buf[i] = (u8)(i * 31 + 7);
	for (unsigned long i = 0; i < size; i++)
		if (buf[i] != (u8)(i * 31 + 7)) {
			ktest_fail(test, "byte %lu reads %#x", i, buf[i]);
			break;
		}
	vfree(buf);
}

static void vmalloc_returns_page_aligned_vmalloc_addresses(struct ktest *test)
{
	void *buf = vmalloc(1);
	struct vm_struct *area;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr(buf));
	KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)buf, PAGE_SIZE));
	KTEST_EXPECT_GE(test, (unsigned long)buf, VMALLOC_START);
	area = find_vm_area(buf);
	KTEST_ASSERT_NOT_NULL(test, area);
	/* One page of data and the guard page, as Linux counts it. */
	KTEST_EXPECT_EQ(test, area->size, 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, area->nr_pages, 1);
	KTEST_EXPECT_TRUE(test, area->flags & VM_ALLOC);
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr(mem_map)); /* lowmem */
	vfree(buf);
}

static void vmalloc_to_page_finds_every_mapped_page(struct ktest *test)
{
	unsigned int n = 40;
	char *buf = vmalloc(n * PAGE_SIZE);
	struct vm_struct *area;

	KTEST_ASSERT_NOT_NULL(test, buf);
	area = find_vm_area(buf);
	KTEST_ASSERT_NOT_NULL(test, area);
	KTEST_ASSERT_EQ(test, area->nr_pages, n);
	for (unsigned int i = 0; i < n; i++) {
		KTEST_EXPECT_PTR_EQ(test,
				    vmalloc_to_page(buf + i * PAGE_SIZE + 5),
				    area->pages[i]);
		KTEST_EXPECT_EQ(test, vmalloc_to_pfn(buf + i * PAGE_SIZE),
				page_to_pfn(area->pages[i]));
		KTEST_EXPECT_TRUE(test, PageVmalloc(area->pages[i]));
	}
	/* Through the page's own mapping, the same bytes. */
	buf[3 * PAGE_SIZE + 9] = 0x5c;
	{
		u8 *k = kmap_local_page(area->pages[3]);

		KTEST_EXPECT_EQ(test, k[9], 0x5c);
		kunmap_local(k);
	}
	KTEST_EXPECT_NULL(test, vmalloc_to_page(buf + n * PAGE_SIZE));
	vfree(buf);
}

static void vmalloc_takes_highmem_pages_when_there_are_some(struct ktest *test)
{
	unsigned int n = 16, high = 0;
	void *buf;

	if (zones[ZONE_HIGHMEM].free_pages < 4 * n)
		ktest_skip(test, "no free highmem at this memory size");
	buf = vmalloc(n * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, buf);
	for (unsigned int i = 0; i < n; i++)
		high += PageHighMem(
			vmalloc_to_page((char *)buf + i * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, high, n);
	vfree(buf);
}

static void vmalloc_32_pages_are_all_lowmem(struct ktest *test)
{
	unsigned int n = 16;
	void *buf = vmalloc_32(n * PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(test, buf);
	for (unsigned int i = 0; i < n; i++)
		KTEST_EXPECT_FALSE(test, PageHighMem(vmalloc_to_page(
						 (char *)buf + i * PAGE_SIZE)));
	vfree(buf);
}

static void vzalloc_returns_zeroed_memory(struct ktest *test)
{
	unsigned long size = 8 * PAGE_SIZE;
	char *dirty = vmalloc(size), *clean;

	KTEST_ASSERT_NOT_NULL(test, dirty);
	memset(dirty, 0xa5, size);
	vfree(dirty);
	clean = vzalloc(size);
	KTEST_ASSERT_NOT_NULL(test, clean);
	KTEST_EXPECT_NULL(test, memchr_inv(clean, 0, size));
	vfree(clean);
}

static void vmalloc_guard_page_is_unmapped(struct ktest *test)
{
	unsigned long size = 3 * PAGE_SIZE;
	char *buf = vmalloc(size);
	char byte;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_EXPECT_EQ(test, get_kernel_nofault(byte, buf + size - 1), 0);
	KTEST_EXPECT_EQ(test, get_kernel_nofault(byte, buf + size), -EFAULT);
	KTEST_EXPECT_EQ(test, put_kernel_nofault(buf + size + PAGE_SIZE - 1, 1),
			-EFAULT);
	vfree(buf);
}

static void write_past_end(void *arg)
{
	*(volatile char *)arg = 1;
}

static void
vmalloc_write_past_the_end_is_reported_in_the_guard_page(struct ktest *test)
{
	unsigned long size = 2 * PAGE_SIZE;
	char *buf = vmalloc(size);
	printk_mark_t mark = printk_mark();
	bool saved = panic_exits_qemu;
	char text[96];
	int ret;

	KTEST_ASSERT_NOT_NULL(test, buf);
	panic_exits_qemu = false;
	ret = run_protected("vmalloc-test", write_past_end, buf + size);
	panic_exits_qemu = saved;
	KTEST_EXPECT_EQ(test, ret, -EFAULT);
	snprintf(
		text, sizeof(text),
		"in the guard page after vmalloc area 0x%08lx-0x%08lx allocated by",
		(unsigned long)buf, (unsigned long)buf + size);
	KTEST_EXPECT_LOG(test, mark, text);
	KTEST_EXPECT_LOG(test, mark,
			 "allocated by vmalloc_write_past_the_end_is_reported");
	KTEST_EXPECT_LOG(test, mark, "#PF: supervisor write access");
	vfree(buf);
}

static void vmalloc_freed_range_is_reused_after_the_purge(struct ktest *test)
{
	void *a = vmalloc(4 * PAGE_SIZE), *b;

	KTEST_ASSERT_NOT_NULL(test, a);
	vfree(a);
	KTEST_EXPECT_GE(test, vmalloc_nr_lazy_areas(), 1);
	/* Not reused while its TLB entries may be stale... */
	b = vmalloc(4 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_EXPECT_PTR_NE(test, b, a);
	vfree(b);
	/* ...and reused, lowest address first, once flushed. */
	vmalloc_purge();
	KTEST_EXPECT_EQ(test, vmalloc_nr_lazy_areas(), 0);
	b = vmalloc(4 * PAGE_SIZE);
	KTEST_EXPECT_PTR_EQ(test, b, a);
	vfree(b);
}

static void vmalloc_use_after_vfree_is_reported(struct ktest *test)
{
	char *buf = vmalloc(PAGE_SIZE);
	printk_mark_t mark = printk_mark();
	bool saved = panic_exits_qemu;

	KTEST_ASSERT_NOT_NULL(test, buf);
	buf[0] = 1;
	vfree(buf);
	/*
	 * The range waits for the batched flush, so a stale TLB entry could
	 * still let this write through (as in Linux).  Flush, without purging,
	 * to see what the write really finds.
	 */
	__flush_tlb_all();
	panic_exits_qemu = false;
	KTEST_EXPECT_EQ(test,
			run_protected("vmalloc-test", write_past_end, buf),
			-EFAULT);
	panic_exits_qemu = saved;
	KTEST_EXPECT_LOG(test, mark,
			 "already freed by vfree() (a use after free)");
}

#define FRAG_AREAS 64

static void vmalloc_fragments_then_merges_back(struct ktest *test)
{
	static void *areas[FRAG_AREAS];
	unsigned long largest;
	void *big;

	vmalloc_purge();
	largest = vmalloc_largest_free();
	for (int i = 0; i < FRAG_AREAS; i++) {
		areas[i] = vmalloc(PAGE_SIZE);
		KTEST_ASSERT_NOT_NULL(test, areas[i]);
	}
	for (int i = 0; i < FRAG_AREAS; i += 2) {
		vfree(areas[i]);
		areas[i] = NULL;
	}
	vmalloc_purge();
	/* The holes are 2 pages: a 3-page area (4 with its guard) goes after. */
	big = vmalloc(3 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, big);
	KTEST_EXPECT_GT(test, (unsigned long)big,
			(unsigned long)areas[FRAG_AREAS - 1]);
	KTEST_EXPECT_TRUE(test, vmalloc_self_check());
	vfree(big);
	for (int i = 1; i < FRAG_AREAS; i += 2)
		vfree(areas[i]);
	vmalloc_purge();
	/* Every gap merged back into the one it was. */
	KTEST_EXPECT_EQ(test, vmalloc_largest_free(), largest);
	KTEST_EXPECT_TRUE(test, vmalloc_self_check());
}

#define RUN_AREAS 8

/*
 * Three runs of neighbouring areas, freed in address order, in reverse and
 * shuffled, each run fenced by a live area: after the purge each run is
 * one gap again, so an area as big as the whole run fits exactly there.
 */
static void vmalloc_purge_gives_back_runs_freed_in_any_order(struct ktest *test)
{
	static const int order[3][RUN_AREAS] = {
		{ 0, 1, 2, 3, 4, 5, 6, 7 },
		{ 7, 6, 5, 4, 3, 2, 1, 0 },
		{ 3, 0, 6, 1, 7, 2, 5, 4 },
	};
	/* A run: RUN_AREAS areas of one page and a guard page each. */
	unsigned long run_size = (2 * RUN_AREAS - 1) * PAGE_SIZE;
	static void *areas[3][RUN_AREAS], *fence[3], *whole[3];
	unsigned long largest;

	vmalloc_purge();
	largest = vmalloc_largest_free();
	for (int r = 0; r < 3; r++) {
		for (int i = 0; i < RUN_AREAS; i++) {
			areas[r][i] = vmalloc(PAGE_SIZE);
			KTEST_ASSERT_NOT_NULL(test, areas[r][i]);
		}
		fence[r] = vmalloc(PAGE_SIZE);
		KTEST_ASSERT_NOT_NULL(test, fence[r]);
	}
	for (int r = 0; r < 3; r++)
		for (int i = 0; i < RUN_AREAS; i++)
			vfree(areas[r][order[r][i]]);
	vmalloc_purge();
	KTEST_EXPECT_TRUE(test, vmalloc_self_check());
	for (int r = 0; r < 3; r++) {
		whole[r] = vmalloc(run_size);
		KTEST_EXPECT_PTR_EQ(test, whole[r], areas[r][0]);
	}
	for (int r = 0; r < 3; r++) {
		vfree(whole[r]);
		vfree(fence[r]);
	}
	vmalloc_purge();
	KTEST_EXPECT_EQ(test, vmalloc_largest_free(), largest);
	KTEST_EXPECT_TRUE(test, vmalloc_self_check());
}

#define EXHAUST_MAX 512

static void vmalloc_exhaustion_returns_null_and_recovers(struct ktest *test)
{
	static void *areas[EXHAUST_MAX];
	unsigned long chunk = 4UL << 20, largest;
	int n = 0;

	vmalloc_purge();
	largest = vmalloc_largest_free();
	while (n < EXHAUST_MAX) {
		areas[n] = __vmalloc(chunk,
				     GFP_KERNEL | GFP_HIGHMEM | __GFP_NOWARN,
				     __builtin_return_address(0));
		if (!areas[n])
			break;
		n++;
	}
	KTEST_EXPECT_LT(test, n, EXHAUST_MAX);
	KTEST_EXPECT_TRUE(test, vmalloc_self_check());
	while (n--)
		vfree(areas[n]);
	vmalloc_purge();
	KTEST_EXPECT_EQ(test, vmalloc_largest_free(), largest);
	areas[0] = vmalloc(chunk / 2);
	KTEST_EXPECT_NOT_NULL(test, areas[0]);
	vfree(areas[0]);
}

static void
vmalloc_bigger_than_the_space_fails_with_linux_message(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	unsigned long space = VMALLOC_END - VMALLOC_START;

	/* ioremap needs no RAM: only the address space can refuse it. */
	KTEST_EXPECT_NULL(test, ioremap(0, space));
	KTEST_EXPECT_LOG(test, mark, "vmap allocation for size ");
	KTEST_EXPECT_LOG(test, mark,
			 "failed: use vmalloc=<size> to increase size");
	KTEST_EXPECT_TRUE(test, vmalloc_self_check());
}

static void vmalloc_of_zero_bytes_warns(struct ktest *test)
{
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();

	KTEST_EXPECT_NULL(test, vmalloc(0));
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "vmalloc: size 0 requested by");
}

static void vfree_of_null_does_nothing(struct ktest *test)
{
	unsigned long warnings = nr_warnings, areas = vmalloc_nr_areas();

	vfree(NULL);
	vunmap(NULL);
	iounmap(NULL);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings);
	KTEST_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

static void vfree_of_a_kmalloc_address_warns(struct ktest *test)
{
	void *obj = kmalloc(64, GFP_KERNEL);
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();

	KTEST_ASSERT_NOT_NULL(test, obj);
	vfree(obj);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "Trying to vfree() nonexistent vm area");
	KTEST_EXPECT_LOG(test, mark, "kfree()?");
	kfree(obj);
}

static void vfree_twice_warns_and_keeps_the_trees_valid(struct ktest *test)
{
	void *buf = vmalloc(2 * PAGE_SIZE);
	unsigned long warnings, pages;
	printk_mark_t mark;

	KTEST_ASSERT_NOT_NULL(test, buf);
	vfree(buf);
	warnings = nr_warnings;
	pages = vmalloc_nr_pages();
	mark = printk_mark();
	vfree(buf);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "already freed (double free)");
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), pages);
	KTEST_EXPECT_TRUE(test, vmalloc_self_check());
}

static void vfree_inside_an_area_warns(struct ktest *test)
{
	char *buf = vmalloc(2 * PAGE_SIZE);
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();

	KTEST_ASSERT_NOT_NULL(test, buf);
	vfree(buf + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "not its start");
	KTEST_EXPECT_NOT_NULL(test, find_vm_area(buf));
	vfree(buf);
}

/* Four highmem-capable pages, each filled with its own byte. */
static bool alloc_marked_pages(struct ktest *test, struct page **pages, int n)
{
	for (int i = 0; i < n; i++) {
		u8 *k;

		pages[i] = alloc_page(GFP_HIGHMEM);
		if (!pages[i]) {
			while (i--)
				__free_page(pages[i]);
			ktest_fail(test, "no pages");
			return false;
		}
		k = kmap_local_page(pages[i]);
		memset(k, 0x10 + i, PAGE_SIZE);
		kunmap_local(k);
	}
	return true;
}

static void vmap_shows_scattered_pages_as_one_range(struct ktest *test)
{
	struct page *pages[4];
	u8 *v, *k;

	if (!alloc_marked_pages(test, pages, 4))
		return;
	v = vmap(pages, 4, 0, PAGE_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, v);
	for (int i = 0; i < 4; i++) {
		KTEST_EXPECT_EQ(test, v[i * PAGE_SIZE], 0x10 + i);
		KTEST_EXPECT_EQ(test, v[i * PAGE_SIZE + PAGE_SIZE - 1],
				0x10 + i);
		KTEST_EXPECT_PTR_EQ(test, vmalloc_to_page(v + i * PAGE_SIZE),
				    pages[i]);
	}
	/* A write through the vmap is seen through the page's own mapping. */
	v[2 * PAGE_SIZE + 7] = 0xee;
	vunmap(v);
	k = kmap_local_page(pages[2]);
	KTEST_EXPECT_EQ(test, k[7], 0xee);
	kunmap_local(k);
	KTEST_EXPECT_NULL(test, find_vm_area(v));
	for (int i = 0; i < 4; i++)
		__free_page(pages[i]); /* vunmap left them to us */
}

static void vfree_of_a_vmap_area_is_refused(struct ktest *test)
{
	struct page *pages[2];
	unsigned long warnings;
	void *v;

	if (!alloc_marked_pages(test, pages, 2))
		return;
	v = vmap(pages, 2, 0, PAGE_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, v);
	warnings = nr_warnings;
	vfree(v);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_NOT_NULL(test, find_vm_area(v));
	vunmap(v);
	__free_page(pages[0]);
	__free_page(pages[1]);
}

static void ioremap_of_a_ram_page_maps_the_same_bytes(struct ktest *test)
{
	unsigned long addr = get_zeroed_page(GFP_KERNEL);
	volatile u8 *io;

	KTEST_ASSERT_NE(test, addr, 0);
	((u8 *)addr)[100] = 0x42;
	io = ioremap(__pa(addr) + 100, 16);
	KTEST_ASSERT_NOT_NULL(test, (void *)io);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr((void *)io));
	KTEST_EXPECT_EQ(test, (unsigned long)io & ~PAGE_MASK, 100);
	KTEST_EXPECT_EQ(test, io[0], 0x42);
	io[1] = 0x43;
	KTEST_EXPECT_EQ(test, ((u8 *)addr)[101], 0x43);
	KTEST_EXPECT_EQ(
		test,
		find_vm_area((void *)((unsigned long)io & PAGE_MASK))->phys_addr,
		__pa(addr));
	iounmap(io);
	free_page(addr);
}

static void ioremap_of_vga_text_memory_reads_the_screen(struct ktest *test)
{
	volatile u16 *io = ioremap(0xb8000, 80 * 25 * 2);
	const u16 *direct = __va(0xb8000);

	KTEST_ASSERT_NOT_NULL(test, (void *)io);
	for (int i = 0; i < 80; i++)
		KTEST_EXPECT_EQ(test, io[i], direct[i]);
	iounmap(io);
}

static void vmallocinfo_lists_areas_with_their_caller(struct ktest *test)
{
	static char text[8192];
	void *a = vmalloc(3 * PAGE_SIZE), *b = vmalloc(PAGE_SIZE);
	char line[96];

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_ASSERT_GT(test, proc_read("vmallocinfo", text, sizeof(text)), 0);
	snprintf(line, sizeof(line),
		 "0x%08lx-0x%08lx   16384 vmallocinfo_lists", (unsigned long)a,
		 (unsigned long)a + 4 * PAGE_SIZE);
	KTEST_EXPECT_NOT_NULL(test, strstr(text, line));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "pages=3 vmalloc\n"));
	/* Address order: a was allocated first, below b. */
	snprintf(line, sizeof(line), "0x%08lx-", (unsigned long)b);
	KTEST_EXPECT_GT(test, (long)(strstr(text, line) - text),
			(long)(strstr(text, "pages=3 vmalloc") - text));
	vfree(a);
	vfree(b);
}

static void meminfo_vmallocused_counts_vmalloc_pages(struct ktest *test)
{
	unsigned long before = vmalloc_nr_pages();
	void *buf = vmalloc(10 * PAGE_SIZE);
	static char text[2048];

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), before + 10);
	KTEST_ASSERT_GT(test, proc_read("meminfo", text, sizeof(text)), 0);
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "VmallocUsed:"));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "VmallocChunk:"));
	vfree(buf);
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), before);
}

#define MANY_AREAS 3000

static void vmalloc_thousands_of_areas_stay_found(struct ktest *test)
{
	static void *areas[MANY_AREAS];
	int n;

	for (n = 0; n < MANY_AREAS; n++) {
		areas[n] = vmalloc(PAGE_SIZE);
		if (!areas[n])
			break;
	}
	if (n < 100) {
		while (n--)
			vfree(areas[n]);
		ktest_skip(test, "not enough memory for many areas");
	}
	for (int i = 0; i < n; i++)
		KTEST_EXPECT_PTR_EQ(test, find_vm_area(areas[i])->addr,
				    areas[i]);
	KTEST_EXPECT_TRUE(test, vmalloc_self_check());
	/* Free in a scrambled order: merging must still work. */
	for (int i = 0; i < n; i++) {
		int j = (i * 1103 + 17) % n;

		vfree(areas[j]);
		areas[j] = NULL;
	}
	for (int i = 0; i < n; i++)
		vfree(areas[i]);
	vmalloc_purge();
	KTEST_EXPECT_TRUE(test, vmalloc_self_check());
}

static const struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(vmalloc_buffer_is_usable_across_page_boundaries),
	KTEST_CASE(vmalloc_returns_page_aligned_vmalloc_addresses),
	KTEST_CASE(vmalloc_to_page_finds_every_mapped_page),
	KTEST_CASE(vmalloc_takes_highmem_pages_when_there_are_some),
	KTEST_CASE(vmalloc_32_pages_are_all_lowmem),
	KTEST_CASE(vzalloc_returns_zeroed_memory),
	KTEST_CASE(vmalloc_guard_page_is_unmapped),
	KTEST_CASE(vmalloc_write_past_the_end_is_reported_in_the_guard_page),
	KTEST_CASE(vmalloc_freed_range_is_reused_after_the_purge),
	KTEST_CASE(vmalloc_use_after_vfree_is_reported),
	KTEST_CASE(vmalloc_fragments_then_merges_back),
	KTEST_CASE(vmalloc_purge_gives_back_runs_freed_in_any_order),
	KTEST_CASE(vmalloc_exhaustion_returns_null_and_recovers),
	KTEST_CASE(vmalloc_bigger_than_the_space_fails_with_linux_message),
	KTEST_CASE(vmalloc_of_zero_bytes_warns),
	KTEST_CASE(vfree_of_null_does_nothing),
	KTEST_CASE(vfree_of_a_kmalloc_address_warns),
	KTEST_CASE(vfree_twice_warns_and_keeps_the_trees_valid),
	KTEST_CASE(vfree_inside_an_area_warns),
	KTEST_CASE(vmap_shows_scattered_pages_as_one_range),
	KTEST_CASE(vfree_of_a_vmap_area_is_refused),
	KTEST_CASE(ioremap_of_a_ram_page_maps_the_same_bytes),
	KTEST_CASE(ioremap_of_vga_text_memory_reads_the_screen),
	KTEST_CASE(vmallocinfo_lists_areas_with_their_caller),
	KTEST_CASE(meminfo_vmallocused_counts_vmalloc_pages),
	KTEST_CASE(vmalloc_thousands_of_areas_stay_found),
	{}
};
KTEST_SUITE(vmalloc, vmalloc_cases);
