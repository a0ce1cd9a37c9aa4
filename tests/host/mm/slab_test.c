// SPDX-License-Identifier: GPL-2.0
/*
 * slab_test.c - verifies on the simulated machine that a freed object is
 * the next one handed out (the free list is LIFO), that a poisoned cache
 * fills a freed object with 0x6b..0xa5 and its red zones with 0xbb, that a
 * write past an object or after its free is reported and repaired, that a
 * double free is refused with the counts intact (in a bulk free too), and
 * that kmalloc picks the caches Linux picks and krealloc keeps the
 * contents.
 */
#include <errno.h>
#include <kernel.h>
#include <printk.h>
#include <slab.h>
#include <string.h>

#include "../../../mm/slab_internal.h"
#include "mm_host.h"

static void slab_freed_object_is_reused_first(struct kunit *test)
{
	struct kmem_cache *s;
	void *a, *b, *c;

	SIM_BOOT(test, .ram_mb = 32);
	s = kmem_cache_create("host-lifo", 48, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, a && b && a != b);
	kmem_cache_free(s, a);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, c, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 0UL);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(test, find_kmem_cache("host-lifo"));
}

static void slab_freed_object_is_poisoned(struct kunit *test)
{
	struct kmem_cache *s;
	u8 *p;

	SIM_BOOT(test, .ram_mb = 32);
	s = kmem_cache_create("host-poison", 40, 0, SLAB_POISON | SLAB_RED_ZONE,
			      NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p[0], POISON_INUSE);
	KUNIT_EXPECT_EQ(test, p[40], SLUB_RED_ACTIVE);
	memset(p, 0x11, 40);
	kmem_cache_free(s, p);
	for (int i = 0; i < 39; i++)
		KUNIT_EXPECT_EQ(test, p[i], POISON_FREE);
	KUNIT_EXPECT_EQ(test, p[39], POISON_END);
	KUNIT_EXPECT_EQ(test, p[40], SLUB_RED_INACTIVE);
	KUNIT_EXPECT_EQ(test, *(p - 1), SLUB_RED_INACTIVE);
	kmem_cache_destroy(s);
}

static void slab_overflow_and_use_after_free_are_repaired(struct kunit *test)
{
	unsigned long errors;
	struct kmem_cache *s;
	u64 mark;
	u8 *p;

	SIM_BOOT(test, .ram_mb = 32, .slub_debug = SLAB_DEBUG_FLAGS);
	s = find_kmem_cache("kmalloc-64");
	p = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, s && p && virt_to_cache(p) == s);
	mark = printk_mark();
	errors = slab_errors;
	p[64] = 0x78; /* one past the end: the right red zone */
	kfree(p);
	KUNIT_EXPECT_EQ(test, slab_errors, errors + 1);
	KUNIT_EXPECT_TRUE(
		test, printk_since_contains(mark, "Right Redzone overwritten"));
	KUNIT_EXPECT_EQ(test, p[64], SLUB_RED_INACTIVE);
	p[10] = 0; /* after the free: the poison */
	KUNIT_EXPECT_EQ(test, kmem_cache_validate(s), 1);
	KUNIT_EXPECT_TRUE(test,
			  printk_since_contains(mark, "Poison overwritten"));
	KUNIT_EXPECT_EQ(test, p[10], POISON_FREE);
	KUNIT_EXPECT_EQ(test, kmem_cache_validate(s), 0);
}

static void slab_double_free_is_refused(struct kunit *test)
{
	unsigned long errors;
	struct kmem_cache *s;
	void *a, *b;

	SIM_BOOT(test, .ram_mb = 32);
	s = kmem_cache_create("host-twice", 32, 0, SLAB_CONSISTENCY_CHECKS,
			      NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, a && b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b); /* a is no longer at the head of the list */
	errors = slab_errors;
	kmem_cache_free(s, a);
	KUNIT_EXPECT_EQ(test, slab_errors, errors + 1);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 0UL);
	KUNIT_EXPECT_EQ(test, kmem_cache_validate(s), 0);
	/* Two allocations still get two objects. */
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, a && b && a != b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/* A bulk free under ASan: every object back, none twice, across slabs. */
static void slab_free_bulk_returns_every_object(struct kunit *test)
{
	enum { N = 100 };
	void *objs[N + 1], *again[N];
	unsigned long errors;
	struct kmem_cache *s;

	SIM_BOOT(test, .ram_mb = 32);
	s = kmem_cache_create("host-bulk", 200, 0, SLAB_NO_USER_FLAGS, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	for (int i = 0; i < N; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
	}
	objs[N] = objs[N - 1]; /* the last one twice: refused */
	errors = slab_errors;
	kmem_cache_free_bulk(s, N + 1, objs);
	KUNIT_EXPECT_EQ(test, slab_errors, errors + 1);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 0UL);
	KUNIT_EXPECT_EQ(test, kmem_cache_validate(s), 0);
	for (int i = 0; i < N; i++) {
		again[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, again[i]);
		for (int j = 0; j < i; j++)
			KUNIT_EXPECT_TRUE(test, again[j] != again[i]);
	}
	kmem_cache_free_bulk(s, N, again);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 0UL);
	kmem_cache_destroy(s);
}

static void kmalloc_picks_linux_caches_and_krealloc_keeps(struct kunit *test)
{
	static const struct {
		size_t size;
		const char *cache;
	} sizes[] = { { 1, "kmalloc-8" },     { 65, "kmalloc-96" },
		      { 100, "kmalloc-128" }, { 150, "kmalloc-192" },
		      { 200, "kmalloc-256" }, { 8192, "kmalloc-8k" } };
	char *p, *q;

	SIM_BOOT(test, .ram_mb = 32);
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		p = kmalloc(sizes[i].size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_STREQ(test, virt_to_cache(p)->name,
				   sizes[i].cache);
		kfree(p);
	}
	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	p = kmalloc(8193, GFP_KERNEL); /* pages, not a cache */
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_NULL(test, virt_to_cache(p));
	KUNIT_EXPECT_EQ(test, ksize(p), 4 * PAGE_SIZE);
	strcpy(p, "kept across krealloc");
	q = krealloc(p, 20000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_STREQ(test, q, "kept across krealloc");
	q = krealloc(q, 40, GFP_KERNEL); /* fits: stays where it is */
	KUNIT_EXPECT_STREQ(test, q, "kept across krealloc");
	KUNIT_EXPECT_PTR_EQ(test, krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);
}

static struct kunit_case slab_cases[] = {
	KUNIT_CASE(slab_freed_object_is_reused_first),
	KUNIT_CASE(slab_freed_object_is_poisoned),
	KUNIT_CASE(slab_overflow_and_use_after_free_are_repaired),
	KUNIT_CASE(slab_double_free_is_refused),
	KUNIT_CASE(slab_free_bulk_returns_every_object),
	KUNIT_CASE(kmalloc_picks_linux_caches_and_krealloc_keeps),
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab_host",
	.test_cases = slab_cases,
};
kunit_test_suite(slab_suite);
