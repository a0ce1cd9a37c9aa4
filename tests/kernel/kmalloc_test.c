// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc_test.c - verifies that kmalloc() picks the smallest fitting cache
 * for every size up to 8 KB and pages above, aligns powers of two to their
 * size, honours GFP_ZERO, GFP_DMA and (by refusing it) GFP_HIGHMEM, and
 * that kcalloc, krealloc, ksize, kfree_sensitive, kmemdup and kstrdup keep
 * their Linux contracts; and that kfree() and kmem_cache_free() of memory
 * that is not theirs (a page from alloc_pages()) are refused with what the
 * page is, leaving every count as it was (Slab: never drops below zero).
 */
#include <asm/memlayout.h>
#include <errno.h>
#include <bug.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <printk.h>
#include <slab.h>
#include <string.h>
#include <uaccess.h>
#include <smp.h>

static const unsigned int kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};

/* The smallest kmalloc size that holds `size` bytes. */
static unsigned int expected_class(size_t size)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		if (size <= kmalloc_sizes[i])
			return kmalloc_sizes[i];
	return 0;
}

static void kmalloc_picks_the_smallest_class_for_1_to_8192(struct ktest *test)
{
	/* Run time (a table) and compile time (kmalloc_index) alike. */
	for (size_t size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		struct kmem_cache *s = kmalloc_slab(size, GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(test, s);
		if (s->object_size != expected_class(size)) {
			KTEST_EXPECT_EQ(test, s->object_size,
					expected_class(size));
			return;
		}
		/* The compile-time choice (constant sizes) agrees. */
		if (kmalloc_caches[KMALLOC_NORMAL][kmalloc_index(size)] != s) {
			ktest_fail(test, "kmalloc_index(%zu) picks %s, not %s",
				   size,
				   kmalloc_caches[KMALLOC_NORMAL]
						 [kmalloc_index(size)]
							 ->name,
				   s->name);
			return;
		}
	}
	KTEST_EXPECT_NULL(test, kmalloc_slab(0, GFP_KERNEL));
	KTEST_EXPECT_NULL(test, kmalloc_slab(8193, GFP_KERNEL));
}

static void kmalloc_serves_each_size_from_that_class(struct ktest *test)
{
	/* Every size up to 256, then both sides of each class boundary. */
	for (size_t size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		bool edge = false;
		void *p;

		for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
			edge |= size == kmalloc_sizes[i] ||
				size == kmalloc_sizes[i] + 1;
		if (size > 256 && !edge)
			continue;
		p = kmalloc(size, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, p);
		KTEST_EXPECT_PTR_EQ(test, virt_to_cache(p),
				    kmalloc_slab(size, GFP_KERNEL));
		KTEST_EXPECT_EQ(test, ksize(p), expected_class(size));
		kfree(p);
	}
}

static void kmalloc_names_its_caches_as_linux(struct ktest *test)
{
	static const char *const names[] = {
		"kmalloc-8",	  "kmalloc-16",	   "kmalloc-32",
		"kmalloc-64",	  "kmalloc-96",	   "kmalloc-128",
		"kmalloc-192",	  "kmalloc-256",   "kmalloc-512",
		"kmalloc-1k",	  "kmalloc-2k",	   "kmalloc-4k",
		"kmalloc-8k",	  "dma-kmalloc-8", "dma-kmalloc-96",
		"dma-kmalloc-8k",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
		KTEST_EXPECT_NOT_NULL(test, find_kmem_cache(names[i]));
	KTEST_EXPECT_STREQ(test, kmalloc_slab(100, GFP_KERNEL)->name,
			   "kmalloc-128");
	KTEST_EXPECT_STREQ(test, kmalloc_slab(100, GFP_DMA)->name,
			   "dma-kmalloc-128");
}

static void kmalloc_large_sizes_come_from_the_page_allocator(struct ktest *test)
{
	long before = atomic_long_read(&nr_slab_unreclaimable);
	u8 *p = kmalloc(8193, GFP_KERNEL);
	struct page *page;

	KTEST_ASSERT_NOT_NULL(test, p);
	page = virt_to_page(p);
	KTEST_EXPECT_EQ(test, offset_in_page(p), 0);
	KTEST_EXPECT_FALSE(test, PageSlab(page));
	KTEST_EXPECT_TRUE(test, PageHead(page));
	KTEST_EXPECT_EQ(test, page->private, 2); /* 12 KB -> order 2 */
	KTEST_EXPECT_EQ(test, ksize(p), 16384);
	KTEST_EXPECT_NULL(test, virt_to_cache(p));
	KTEST_EXPECT_EQ(test, atomic_long_read(&nr_slab_unreclaimable),
			before + 4);
	p[16383] = 1;
	kfree(p);
	KTEST_EXPECT_EQ(test, atomic_long_read(&nr_slab_unreclaimable), before);
	/* The largest: 4 MB, if a free order-10 block exists. */
	p = kmalloc(KMALLOC_MAX_SIZE, GFP_KERNEL | __GFP_NOWARN);
	if (p) {
		KTEST_EXPECT_EQ(test, ksize(p), KMALLOC_MAX_SIZE);
		kfree(p);
	}
}

static void kmalloc_above_max_size_warns_and_fails(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	unsigned long free = nr_free_pages();

	KTEST_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	KTEST_EXPECT_LOG(test, mark, "is above KMALLOC_MAX_SIZE (4194304)");
	KTEST_EXPECT_LOG(test, mark, "WARNING: CPU: 0 PID: 0 at mm/kmalloc.c");
	KTEST_EXPECT_NULL(test, kmalloc(~(size_t)0, GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
}

static void kmalloc_zero_bytes_is_zero_size_ptr(struct ktest *test)
{
	void *p = kmalloc(0, GFP_KERNEL);

	KTEST_EXPECT_PTR_EQ(test, p, ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(test, (unsigned long)ZERO_SIZE_PTR, 16);
	KTEST_EXPECT_EQ(test, ksize(p), 0);
	kfree(p); /* accepted */
	kfree(NULL); /* a no-op */
	KTEST_EXPECT_PTR_EQ(test, kzalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
}

static void kmalloc_aligns_powers_of_two_to_their_size(struct ktest *test)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		unsigned int size = kmalloc_sizes[i];
		void *a = kmalloc(size, GFP_KERNEL);
		void *b = kmalloc(size, GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(test, a);
		KTEST_ASSERT_NOT_NULL(test, b);
		if (is_power_of_2(size)) {
			KTEST_EXPECT_EQ(test, (unsigned long)a % size, 0);
			KTEST_EXPECT_EQ(test, (unsigned long)b % size, 0);
		}
		/* Every kmalloc pointer holds a u64 (ARCH_KMALLOC_MINALIGN). */
		KTEST_EXPECT_EQ(test, (unsigned long)a % 8, 0);
		kfree(a);
		kfree(b);
	}
}

static void kmalloc_gfp_zero_zeroes_small_and_large(struct ktest *test)
{
	u8 *p = kmalloc(100, GFP_KERNEL), *q;

	memset(p, 0xee, 100);
	kfree(p);
	p = kzalloc(100, GFP_KERNEL);
	q = kmalloc(20000, GFP_KERNEL | GFP_ZERO);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_NULL(test, memchr_inv(p, 0, ksize(p)));
	KTEST_EXPECT_NULL(test, memchr_inv(q, 0, 20000));
	kfree(p);
	kfree(q);
}

static void kmalloc_kcalloc_overflow_returns_null(struct ktest *test)
{
	u32 *p;

	KTEST_EXPECT_NULL(test, kcalloc(SIZE_MAX / 2, 4, GFP_KERNEL));
	KTEST_EXPECT_NULL(test,
			  kmalloc_array(1UL << 16, 1UL << 16, GFP_KERNEL));
	p = kcalloc(10, sizeof(u32), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_NULL(test, memchr_inv(p, 0, 10 * sizeof(u32)));
	KTEST_EXPECT_PTR_EQ(test, virt_to_cache(p),
			    kmalloc_slab(40, GFP_KERNEL));
	kfree(p);
}

static void fill(u8 *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (u8)(i * 7 + 3);
}

static bool filled(const u8 *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (u8)(i * 7 + 3))
			return false;
	return true;
}

static void kmalloc_krealloc_grows_and_shrinks_keeping_data(struct ktest *test)
{
	u8 *p = kmalloc(20, GFP_KERNEL), *q;

	KTEST_ASSERT_NOT_NULL(test, p);
	fill(p, 20);
	q = krealloc(p, 30, GFP_KERNEL); /* kmalloc-32 still fits: in place */
	KTEST_EXPECT_PTR_EQ(test, q, p);
	fill(q, 30);
	p = krealloc(q, 100, GFP_KERNEL); /* moves to kmalloc-128 */
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_PTR_NE(test, p, q);
	KTEST_EXPECT_STREQ(test, virt_to_cache(p)->name, "kmalloc-128");
	KTEST_EXPECT_TRUE(test, filled(p, 30));
	fill(p, 100);
	q = krealloc(p, 10, GFP_KERNEL); /* shrinking stays in place */
	KTEST_EXPECT_PTR_EQ(test, q, p);
	KTEST_EXPECT_TRUE(test, filled(q, 10));
	p = krealloc(q, 20000, GFP_KERNEL); /* to pages */
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, filled(p, 100));
	KTEST_EXPECT_NULL(test, virt_to_cache(p));
	fill(p, 20000);
	q = krealloc(p, 40000, GFP_KERNEL); /* a bigger block of pages */
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_TRUE(test, filled(q, 20000));
	KTEST_EXPECT_PTR_EQ(test, krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	p = krealloc(NULL, 16, GFP_KERNEL); /* NULL: plain kmalloc */
	KTEST_EXPECT_PTR_EQ(test, virt_to_cache(p),
			    kmalloc_slab(16, GFP_KERNEL));
	kfree(p);
}

static void kmalloc_ksize_is_the_usable_size(struct ktest *test)
{
	u8 *p = kmalloc(100, GFP_KERNEL);
	size_t n = ksize(p);

	KTEST_EXPECT_EQ(test, n, 128);
	memset(p, 0x11, n); /* the whole usable size may be written */
	kfree(p);
	KTEST_EXPECT_EQ(test, ksize(NULL), 0);
}

static void kmalloc_kfree_sensitive_clears_before_freeing(struct ktest *test)
{
	u8 *p = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0x5e, 3 * PAGE_SIZE);
	kfree_sensitive(p);
	kfree_sensitive(NULL);
	/*
	 * Pages of the direct map stay readable after the free, unless
	 * debug_pagealloc took them out of it: then reading is the use
	 * after free it is there to catch.
	 */
	if (debug_pagealloc_enabled()) {
		u8 byte;

		KTEST_EXPECT_EQ(test, get_kernel_nofault(byte, p), -EFAULT);
		return;
	}
	KTEST_EXPECT_NULL(test, memchr_inv(p, 0, 4 * PAGE_SIZE));
}

static void kmalloc_kmemdup_and_kstrdup_copy(struct ktest *test)
{
	static const char text[] = "kmem386";
	char *copy = kstrdup(text, GFP_KERNEL);
	char local[8] = "abcdefg";
	u8 *dup = kmemdup(local, sizeof(local), GFP_KERNEL);
	char *s;

	KTEST_ASSERT_NOT_NULL(test, copy);
	KTEST_EXPECT_STREQ(test, copy, text);
	KTEST_EXPECT_PTR_NE(test, copy, text);
	KTEST_EXPECT_EQ(test, ksize(copy), 8);
	KTEST_ASSERT_NOT_NULL(test, dup);
	KTEST_EXPECT_EQ(test, memcmp(dup, local, sizeof(local)), 0);
	KTEST_EXPECT_NULL(test, kstrdup(NULL, GFP_KERNEL));
	/* kstrdup_const shares what cannot change: a string constant. */
	KTEST_EXPECT_PTR_EQ(test, kstrdup_const("constant", GFP_KERNEL),
			    "constant");
	s = (char *)kstrdup_const(local, GFP_KERNEL);
	KTEST_EXPECT_PTR_NE(test, s, local);
	kfree_const(s);
	kfree_const("constant");
	kfree(copy);
	kfree(dup);
}

static void kmalloc_highmem_flag_warns_and_gives_lowmem(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	void *p = kmalloc(64, GFP_KERNEL | GFP_HIGHMEM);
	void *q = kmalloc(64 * 1024, GFP_HIGHUSER);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_LOG(test, mark, "kmalloc: GFP_HIGHMEM (0x8) ignored");
	KTEST_EXPECT_TRUE(test, virt_addr_valid(p));
	KTEST_EXPECT_TRUE(test, virt_addr_valid(q));
	KTEST_EXPECT_FALSE(test, PageHighMem(virt_to_page(q)));
	kfree(p);
	kfree(q);
}

static void kmalloc_dma_comes_from_zone_dma(struct ktest *test)
{
	void *p = kmalloc(64, GFP_DMA);
	void *q = kmalloc(3 * PAGE_SIZE * 4, GFP_DMA);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_STREQ(test, virt_to_cache(p)->name, "dma-kmalloc-64");
	KTEST_EXPECT_EQ(test, page_zonenum(virt_to_page(p)), ZONE_DMA);
	KTEST_EXPECT_EQ(test, page_zonenum(virt_to_page(q)), ZONE_DMA);
	kfree(p);
	kfree(q);
}

static void
kmalloc_kfree_of_page_allocator_memory_is_refused(struct ktest *test)
{
	long slab_pages = atomic_long_read(&nr_slab_unreclaimable);
	unsigned long warnings = nr_warnings, free;
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	printk_mark_t mark;
	void *addr;

	KTEST_ASSERT_NOT_NULL(test, page);
	addr = page_address(page);
	free = nr_free_pages();
	mark = printk_mark();
	kfree(addr);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "kfree: Invalid object pointer");
	KTEST_EXPECT_LOG(test, mark, "allocated by alloc_pages() (order 2)");
	KTEST_EXPECT_EQ(test, atomic_long_read(&nr_slab_unreclaimable),
			slab_pages);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
	KTEST_EXPECT_TRUE(test, PageHead(page));
	KTEST_EXPECT_EQ(test, ksize(addr), 0);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 2);

	mark = printk_mark();
	kmem_cache_free(kmalloc_caches[KMALLOC_NORMAL][6], addr);
	KTEST_EXPECT_LOG(test, mark, "outside of slab");
	KTEST_EXPECT_LOG(test, mark, "allocated by alloc_pages() (order 2)");
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
	__free_pages(page, 2);
	KTEST_EXPECT_EQ(test, atomic_long_read(&nr_slab_unreclaimable),
			slab_pages);
}

static const struct ktest_case kmalloc_cases[] = {
	KTEST_CASE(kmalloc_picks_the_smallest_class_for_1_to_8192),
	KTEST_CASE(kmalloc_serves_each_size_from_that_class),
	KTEST_CASE(kmalloc_names_its_caches_as_linux),
	KTEST_CASE(kmalloc_large_sizes_come_from_the_page_allocator),
	KTEST_CASE(kmalloc_above_max_size_warns_and_fails),
	KTEST_CASE(kmalloc_zero_bytes_is_zero_size_ptr),
	KTEST_CASE(kmalloc_aligns_powers_of_two_to_their_size),
	KTEST_CASE(kmalloc_gfp_zero_zeroes_small_and_large),
	KTEST_CASE(kmalloc_kcalloc_overflow_returns_null),
	KTEST_CASE(kmalloc_krealloc_grows_and_shrinks_keeping_data),
	KTEST_CASE(kmalloc_ksize_is_the_usable_size),
	KTEST_CASE(kmalloc_kfree_sensitive_clears_before_freeing),
	KTEST_CASE(kmalloc_kmemdup_and_kstrdup_copy),
	KTEST_CASE(kmalloc_highmem_flag_warns_and_gives_lowmem),
	KTEST_CASE(kmalloc_dma_comes_from_zone_dma),
	KTEST_CASE(kmalloc_kfree_of_page_allocator_memory_is_refused),
	{}
};
KTEST_SUITE(kmalloc, kmalloc_cases);
