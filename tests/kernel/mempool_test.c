// SPDX-License-Identifier: GPL-2.0
/*
 * mempool_test.c - verifies that a mempool fills its reserve at creation,
 * asks its allocator first, serves from the reserve when the allocator
 * fails (lowmem really exhausted, for page, kmalloc and slab pools),
 * refills the reserve before freeing; that GFP_ATOMIC reaches below the
 * min watermark where GFP_KERNEL stops; and that kref releases at zero and
 * warns on a use after release.
 */
#include <kernel.h>
#include <kref.h>
#include <ktest.h>
#include <mempool.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

/* --- taking all of lowmem, and giving it back --------------------------- */

struct hog {
	struct hog *next; /* the next block taken */
	unsigned int order; /* this block's order */
};

/* Every block a `gfp` request can get, biggest first, chained in place. */
static struct hog *exhaust_lowmem(gfp_t gfp)
{
	struct hog *list = NULL;

	for (int order = MAX_ORDER - 1; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(gfp | __GFP_NOWARN,
					   (unsigned)order))) {
			struct hog *h = lowmem_page_address(page);

			h->next = list;
			h->order = (unsigned int)order;
			list = h;
		}
	}
	return list;
}

static void give_back(struct hog *list)
{
	while (list) {
		struct hog *next = list->next;

		free_pages((unsigned long)list, list->order);
		list = next;
	}
}

/* --- a pool whose allocator fails on demand ------------------------------ */

struct flaky {
	bool fail; /* make the allocator fail */
	int allocs, frees; /* calls that reached the allocator */
};

static void *flaky_alloc(gfp_t gfp, void *data)
{
	struct flaky *f = data;

	if (f->fail)
		return NULL;
	f->allocs++;
	return kmalloc(32, gfp);
}

static void flaky_free(void *element, void *data)
{
	struct flaky *f = data;

	f->frees++;
	kfree(element);
}

static void mempool_create_fills_the_reserve(struct ktest *test)
{
	mempool_t *pool = mempool_create_kmalloc_pool(4, 100);

	KTEST_ASSERT_NOT_NULL(test, pool);
	KTEST_EXPECT_EQ(test, pool->min_nr, 4);
	KTEST_EXPECT_EQ(test, pool->curr_nr, 4);
	for (int i = 0; i < 4; i++)
		KTEST_EXPECT_STREQ(test, virt_to_cache(pool->elements[i])->name,
				   "kmalloc-128");
	mempool_destroy(pool);
	KTEST_EXPECT_NULL(test,
			  mempool_create(0, flaky_alloc, flaky_free, NULL));
}

static void mempool_asks_the_allocator_first(struct ktest *test)
{
	struct flaky f = { 0 };
	mempool_t *pool = mempool_create(3, flaky_alloc, flaky_free, &f);
	void *e[10];

	KTEST_ASSERT_NOT_NULL(test, pool);
	KTEST_EXPECT_EQ(test, f.allocs, 3);
	for (int i = 0; i < 10; i++)
		e[i] = mempool_alloc(pool, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, f.allocs, 13);
	KTEST_EXPECT_EQ(test, pool->curr_nr, 3); /* untouched */
	for (int i = 0; i < 10; i++)
		mempool_free(e[i], pool); /* reserve full: to the allocator */
	KTEST_EXPECT_EQ(test, f.frees, 10);
	mempool_destroy(pool);
	KTEST_EXPECT_EQ(test, f.frees, 13);
}

static void mempool_free_refills_the_reserve_first(struct ktest *test)
{
	struct flaky f = { 0 };
	mempool_t *pool = mempool_create(4, flaky_alloc, flaky_free, &f);
	void *extra, *e[4];

	KTEST_ASSERT_NOT_NULL(test, pool);
	extra = mempool_alloc(pool, GFP_KERNEL);
	f.fail = true;
	for (int i = 0; i < 4; i++) {
		e[i] = mempool_alloc(pool, GFP_KERNEL);
		KTEST_EXPECT_NOT_NULL(test, e[i]);
	}
	KTEST_EXPECT_EQ(test, pool->curr_nr, 0);
	/* Nothing left and the allocator fails: no element (Linux waits). */
	KTEST_EXPECT_NULL(test, mempool_alloc(pool, GFP_KERNEL));
	f.fail = false;
	mempool_free(extra, pool);
	KTEST_EXPECT_EQ(test, pool->curr_nr, 1); /* the reserve, not kfree */
	KTEST_EXPECT_EQ(test, f.frees, 0);
	for (int i = 0; i < 4; i++)
		mempool_free(e[i], pool);
	KTEST_EXPECT_EQ(test, pool->curr_nr, 4);
	KTEST_EXPECT_EQ(test, f.frees, 1); /* only the one beyond min_nr */
	mempool_free(NULL, pool);
	mempool_destroy(pool);
}

static void mempool_page_pool_outlasts_exhausted_lowmem(struct ktest *test)
{
	mempool_t *pool = mempool_create_page_pool(3, 0);
	struct page *e[3];
	struct hog *hogs;

	KTEST_ASSERT_NOT_NULL(test, pool);
	hogs = exhaust_lowmem(GFP_KERNEL);
	KTEST_EXPECT_NULL(test, alloc_page(GFP_KERNEL | __GFP_NOWARN));
	for (int i = 0; i < 3; i++) {
		e[i] = mempool_alloc(pool, GFP_KERNEL);
		KTEST_EXPECT_NOT_NULL(test, e[i]);
	}
	KTEST_EXPECT_EQ(test, pool->curr_nr, 0);
	KTEST_EXPECT_NULL(test, mempool_alloc(pool, GFP_KERNEL));
	for (int i = 0; i < 3; i++)
		mempool_free(e[i], pool);
	give_back(hogs);
	KTEST_EXPECT_EQ(test, pool->curr_nr, 3);
	mempool_destroy(pool);
}

static void mempool_kmalloc_pool_outlasts_exhausted_lowmem(struct ktest *test)
{
	mempool_t *pool = mempool_create_kmalloc_pool(2, 16384);
	struct hog *hogs;
	void *a, *b;

	KTEST_ASSERT_NOT_NULL(test, pool);
	hogs = exhaust_lowmem(GFP_KERNEL);
	KTEST_EXPECT_NULL(test, kmalloc(16384, GFP_KERNEL | __GFP_NOWARN));
	a = mempool_alloc(pool, GFP_KERNEL);
	b = mempool_alloc(pool, GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(test, a);
	KTEST_EXPECT_NOT_NULL(test, b);
	KTEST_EXPECT_EQ(test, ksize(a), 16384);
	mempool_free(a, pool);
	mempool_free(b, pool);
	give_back(hogs);
	mempool_destroy(pool);
}

static void mempool_slab_pool_outlasts_exhausted_lowmem(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("test-pool", 512, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	mempool_t *pool;
	void *e[16];
	struct hog *hogs;
	int n = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	pool = mempool_create_slab_pool(2, s);
	KTEST_ASSERT_NOT_NULL(test, pool);
	hogs = exhaust_lowmem(GFP_KERNEL);
	/* The slab's free objects first, then the two reserved ones. */
	while (n < 16 && (e[n] = mempool_alloc(pool, GFP_KERNEL)))
		n++;
	KTEST_EXPECT_EQ(test, n, (int)s->objects);
	KTEST_EXPECT_EQ(test, pool->curr_nr, 0);
	KTEST_EXPECT_EQ(test, atomic_long_read(&get_node(s, 0)->nr_slabs),
			1); /* no page for a second slab */
	while (n--)
		mempool_free(e[n], pool);
	give_back(hogs);
	mempool_destroy(pool);
	kmem_cache_destroy(s);
}

static void mempool_atomic_reaches_below_the_min_watermark(struct ktest *test)
{
	/* 2 KB objects: order-2 slabs, order 0 at a pinch (min_order). */
	struct kmem_cache *s = kmem_cache_create("test-atomic", 2048, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	struct hog *hogs;
	void *p;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_EXPECT_EQ(test, s->order, 2);
	KTEST_EXPECT_EQ(test, s->min_order, 0);
	hogs = exhaust_lowmem(GFP_KERNEL);
	KTEST_EXPECT_NULL(test, kmem_cache_alloc(s, GFP_KERNEL | __GFP_NOWARN));
	p = kmem_cache_alloc(s, GFP_ATOMIC | __GFP_NOWARN);
	KTEST_EXPECT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, atomic_long_read(&get_node(s, 0)->nr_slabs), 1);
	kmem_cache_free(s, p);
	give_back(hogs);
	kmem_cache_destroy(s);
}

/* --- kref ---------------------------------------------------------------- */

struct thing {
	struct kref ref;
	int *released; /* set by the release function */
};

static void thing_release(struct kref *ref)
{
	struct thing *t = container_of(ref, struct thing, ref);

	(*t->released)++;
	kfree(t);
}

static void kref_last_put_releases(struct ktest *test)
{
	struct thing *t = kmalloc(sizeof(*t), GFP_KERNEL);
	int released = 0;

	KTEST_ASSERT_NOT_NULL(test, t);
	t->released = &released;
	kref_init(&t->ref);
	KTEST_EXPECT_EQ(test, kref_read(&t->ref), 1);
	kref_get(&t->ref);
	kref_get(&t->ref);
	KTEST_EXPECT_EQ(test, kref_read(&t->ref), 3);
	KTEST_EXPECT_EQ(test, kref_put(&t->ref, thing_release), 0);
	KTEST_EXPECT_EQ(test, kref_put(&t->ref, thing_release), 0);
	KTEST_EXPECT_EQ(test, released, 0);
	KTEST_EXPECT_EQ(test, kref_put(&t->ref, thing_release), 1);
	KTEST_EXPECT_EQ(test, released, 1);
}

static void never_release(struct kref *ref)
{
}

static void kref_put_below_zero_warns_and_saturates(struct ktest *test)
{
	struct kref ref = KREF_INIT(1);
	printk_mark_t mark = printk_mark();
	unsigned long warnings = nr_warnings;

	KTEST_EXPECT_EQ(test, kref_put(&ref, never_release), 1);
	KTEST_EXPECT_EQ(test, kref_put(&ref, never_release), 0);
	KTEST_EXPECT_LOG(test, mark, "refcount_t: underflow; use-after-free.");
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	/* Stuck at the saturation value: later puts never release. */
	KTEST_EXPECT_EQ(test, kref_read(&ref), (unsigned)REFCOUNT_SATURATED);
}

static void kref_get_after_release_warns(struct ktest *test)
{
	struct kref ref;
	printk_mark_t mark = printk_mark();

	kref_init(&ref);
	kref_put(&ref, never_release);
	kref_get(&ref);
	KTEST_EXPECT_LOG(test, mark,
			 "refcount_t: addition on 0; use-after-free.");
	KTEST_EXPECT_EQ(test, kref_read(&ref), (unsigned)REFCOUNT_SATURATED);
}

static const struct ktest_case mempool_cases[] = {
	KTEST_CASE(mempool_create_fills_the_reserve),
	KTEST_CASE(mempool_asks_the_allocator_first),
	KTEST_CASE(mempool_free_refills_the_reserve_first),
	KTEST_CASE(mempool_page_pool_outlasts_exhausted_lowmem),
	KTEST_CASE(mempool_kmalloc_pool_outlasts_exhausted_lowmem),
	KTEST_CASE(mempool_slab_pool_outlasts_exhausted_lowmem),
	KTEST_CASE(mempool_atomic_reaches_below_the_min_watermark),
	KTEST_CASE(kref_last_put_releases),
	KTEST_CASE(kref_put_below_zero_warns_and_saturates),
	KTEST_CASE(kref_get_after_release_warns),
	{}
};
KTEST_SUITE(mempool, mempool_cases);
