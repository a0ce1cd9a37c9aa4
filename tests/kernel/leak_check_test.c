// SPDX-License-Identifier: GPL-2.0
/*
 * leak_check_test.c - verifies that the per-case leak checks (leak_check.c)
 * pass a case that gives everything back, even when what it gave back
 * waits in a reserve (a per-CPU page list, a cache's empty slab, a lazily
 * freed vmalloc area, a stale pkmap slot), and fail a case that keeps a
 * page, a kmalloc object, a vmalloc area, a kmap or a kmap_local mapping.
 *
 * Each case runs the checks around a piece of work as around a case of its
 * own, on a scratch struct ktest, and looks at its verdict; the failures it
 * provokes print their diagnostics ("    # leak check: ...") inside this
 * case's output.  The work takes everything it uses and its undo gives it
 * all back, so that the real checks around this case, whose counts the
 * scratch run replaced, still compare the state before the work with the
 * state after the undo: nothing left behind.
 */
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <slab.h>
#include <vmalloc.h>
#include <smp.h>

struct leak_work {
	void (*leak)(struct leak_work *w); /* the work the checks watch */
	void (*undo)(struct leak_work *w); /* after the checks: give back */
	struct page *page; /* what the work kept */
	void *ptr;
};

/* The verdict of the leak checks on w->leak(), as if it were a case. */
static enum ktest_status leak_verdict(struct leak_work *w)
{
	struct ktest scratch = { .name = "scratch", .status = KTEST_PASS };

	ktest_hooks_before(&scratch);
	w->leak(w);
	ktest_hooks_after(&scratch);
	if (w->undo)
		w->undo(w);
	return scratch.status;
}

static bool have_highmem(void)
{
	return populated_zone(&zones[ZONE_HIGHMEM]);
}

/* --- what settles is not a leak ------------------------------------------ */

static void give_everything_back(struct leak_work *w)
{
	struct kmem_cache *s =
		kmem_cache_create("leak-check-test", 100, 0, 0, NULL);
	struct page *page = alloc_page(GFP_KERNEL);
	void *v = vmalloc(3 * PAGE_SIZE);

	kfree(kmalloc(64, GFP_KERNEL));
	if (s)
		kmem_cache_free(s, kmem_cache_alloc(s, GFP_KERNEL));
	kmem_cache_destroy(s);
	if (page)
		__free_page(page); /* waits on the per-CPU list */
	vfree(v); /* waits for the lazy purge */
	page = alloc_page(GFP_HIGHMEM);
	if (page) {
		kmap(page);
		kunmap(page); /* a highmem page: leaves a stale pkmap slot */
		kunmap_local(kmap_local_page(page));
		__free_page(page);
	}
}

static void
leak_check_passes_a_case_that_gives_everything_back(struct ktest *test)
{
	struct leak_work w = { .leak = give_everything_back };

	KTEST_EXPECT_EQ(test, leak_verdict(&w), KTEST_PASS);
}

/* --- what is kept is a leak ---------------------------------------------- */

static void keep_page(struct leak_work *w)
{
	w->page = alloc_page(GFP_KERNEL);
}

static void free_kept_page(struct leak_work *w)
{
	if (w->page)
		__free_page(w->page);
}

static void leak_check_catches_a_kept_page(struct ktest *test)
{
	struct leak_work w = { .leak = keep_page, .undo = free_kept_page };

	KTEST_EXPECT_EQ(test, leak_verdict(&w), KTEST_FAIL);
	KTEST_EXPECT_NOT_NULL(test, w.page);
}

static void keep_kmalloc(struct leak_work *w)
{
	w->ptr = kmalloc(64, GFP_KERNEL);
}

static void kfree_kept(struct leak_work *w)
{
	kfree(w->ptr);
}

static void leak_check_catches_a_kept_kmalloc_object(struct ktest *test)
{
	struct leak_work w = { .leak = keep_kmalloc, .undo = kfree_kept };

	KTEST_EXPECT_EQ(test, leak_verdict(&w), KTEST_FAIL);
	KTEST_EXPECT_NOT_NULL(test, w.ptr);
}

static void keep_vmalloc(struct leak_work *w)
{
	w->ptr = vmalloc(PAGE_SIZE);
}

static void vfree_kept(struct leak_work *w)
{
	vfree(w->ptr);
}

static void leak_check_catches_a_kept_vmalloc_area(struct ktest *test)
{
	struct leak_work w = { .leak = keep_vmalloc, .undo = vfree_kept };

	KTEST_EXPECT_EQ(test, leak_verdict(&w), KTEST_FAIL);
	KTEST_EXPECT_NOT_NULL(test, w.ptr);
}

/*
 * The page stays too (a kmapped page is a kept page as well), so the kmap
 * check's own part shows in what it repaired: the mapping is gone.
 */
static void keep_kmap(struct leak_work *w)
{
	w->page = alloc_page(GFP_HIGHMEM);
	w->ptr = w->page ? kmap(w->page) : NULL;
}

static void leak_check_catches_a_kmap_and_drops_it(struct ktest *test)
{
	struct leak_work w = { .leak = keep_kmap, .undo = free_kept_page };

	if (!have_highmem())
		ktest_skip(test, "no highmem at this memory size");
	KTEST_EXPECT_EQ(test, leak_verdict(&w), KTEST_FAIL);
	KTEST_ASSERT_NOT_NULL(test, w.ptr);
	/* The check gave the slot back: stale, no users left. */
	KTEST_EXPECT_EQ(test, pkmap_slot_count(PKMAP_NR((unsigned long)w.ptr)),
			1);
}

static void keep_kmap_local(struct leak_work *w)
{
	w->page = alloc_page(GFP_HIGHMEM);
	w->ptr = w->page ? kmap_local_page(w->page) : NULL;
}

static void leak_check_catches_a_kmap_local_and_pops_it(struct ktest *test)
{
	struct leak_work w = { .leak = keep_kmap_local,
			       .undo = free_kept_page };
	int depth = kmap_local_depth(smp_processor_id());

	if (!have_highmem())
		ktest_skip(test, "no highmem at this memory size");
	KTEST_EXPECT_EQ(test, leak_verdict(&w), KTEST_FAIL);
	KTEST_ASSERT_NOT_NULL(test, w.ptr);
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), depth);
}

static const struct ktest_case leak_check_cases[] = {
	KTEST_CASE(leak_check_passes_a_case_that_gives_everything_back),
	KTEST_CASE(leak_check_catches_a_kept_page),
	KTEST_CASE(leak_check_catches_a_kept_kmalloc_object),
	KTEST_CASE(leak_check_catches_a_kept_vmalloc_area),
	KTEST_CASE(leak_check_catches_a_kmap_and_drops_it),
	KTEST_CASE(leak_check_catches_a_kmap_local_and_pops_it),
	{}
};
KTEST_SUITE(leak_check, leak_check_cases);
