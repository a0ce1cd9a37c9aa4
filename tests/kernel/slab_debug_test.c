// SPDX-License-Identifier: GPL-2.0
/*
 * slab_debug_test.c - verifies that the misuse Linux's slub_kunit and KASAN
 * tests provoke is detected, reported in Linux's words, repaired, and
 * survived: red zones clobbered on either side, writes after free, a
 * corrupted free pointer, double frees, pointers that are not objects,
 * objects freed to the wrong cache, a cache destroyed with live objects,
 * a large kmalloc freed twice, red zones and double frees in a bulk free.
 * Each case checks the report's text and then that nothing leaked (the
 * per-case hooks check it once more).
 *
 * Most cases make a cache with explicit debug flags, so they run in any
 * boot; the kmalloc ones need `slub_debug` (which `ktest` boots imply) and
 * are skipped without it.
 */
#include <asm/memlayout.h>
#include <init.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

#include "../../mm/slab_internal.h"

#define FULL_DEBUG (SLAB_DEBUG_FLAGS | SLAB_NO_USER_FLAGS)

static struct kmem_cache *create(struct ktest *test, const char *name,
				 slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_create(name, 64, 0, flags, NULL);

	KTEST_ASSERT_NOT_NULL(test, s);
	return s;
}

/* kmalloc-SIZE, if this boot debugs it fully. */
static struct kmem_cache *debugged_kmalloc_cache(struct ktest *test,
						 size_t size)
{
	struct kmem_cache *s = kmalloc_slab(size, GFP_KERNEL);

	if ((s->flags & SLAB_DEBUG_FLAGS) != SLAB_DEBUG_FLAGS)
		ktest_skip(test, "kmalloc caches are not debugged in this boot "
				 "(boot with slub_debug; ktest boots have it)");
	return s;
}

static void slab_debug_layout_adds_red_zones_and_tracks(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-layout", FULL_DEBUG);

	/* | 8 red | 64 object | 4 red | 4 fp | 16 tracks | 4 red | 4 pad | */
	KTEST_EXPECT_EQ(test, s->red_left_pad, 8);
	KTEST_EXPECT_EQ(test, s->inuse, 68);
	KTEST_EXPECT_EQ(test, s->offset, 68); /* outside the object */
	KTEST_EXPECT_EQ(test, s->size, 104);
	kmem_cache_destroy(s);
}

static void slab_debug_poison_shows_free_and_uninitialised(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-poison", FULL_DEBUG);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_NULL(test, memchr_inv(p, POISON_INUSE, 64));
	KTEST_EXPECT_EQ(test, p[-1], SLUB_RED_ACTIVE);
	KTEST_EXPECT_EQ(test, p[64], SLUB_RED_ACTIVE);
	kmem_cache_free(s, p);
	/* Slab memory stays mapped: the freed object can be inspected. */
	KTEST_EXPECT_NULL(test, memchr_inv(p, POISON_FREE, 63));
	KTEST_EXPECT_EQ(test, p[63], POISON_END);
	KTEST_EXPECT_EQ(test, p[-1], SLUB_RED_INACTIVE);
	KTEST_EXPECT_EQ(test, p[64], SLUB_RED_INACTIVE);
	kmem_cache_destroy(s);
}

static void slab_debug_right_redzone_clobber_is_repaired(struct ktest *test)
{
	struct kmem_cache *s = debugged_kmalloc_cache(test, 64);
	printk_mark_t mark = printk_mark();
	u8 *p = kmalloc(64, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	p[64] = 0x78; /* one byte past the end */
	kfree(p);
	KTEST_EXPECT_LOG(test, mark, "BUG kmalloc-64 (");
	KTEST_EXPECT_LOG(test, mark, "): Right Redzone overwritten");
	KTEST_EXPECT_LOG(test, mark, "First byte 0x78 instead of 0xcc");
	KTEST_EXPECT_LOG(
		test, mark,
		"Allocated in slab_debug_right_redzone_clobber_is_repaired+");
	KTEST_EXPECT_LOG(test, mark, "Object   ");
	KTEST_EXPECT_LOG(test, mark, "Redzone  ");
	KTEST_EXPECT_LOG(test, mark, "FIX kmalloc-64: Restoring Right Redzone");
	/* Repaired and freed: nothing is left to find. */
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 0);
}

static void slab_debug_left_redzone_clobber_is_repaired(struct ktest *test)
{
	struct kmem_cache *s = debugged_kmalloc_cache(test, 64);
	printk_mark_t mark = printk_mark();
	u8 *p = kmalloc(64, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	p[-1] = 0x78; /* one byte before the start */
	kfree(p);
	KTEST_EXPECT_LOG(test, mark, "): Left Redzone overwritten");
	KTEST_EXPECT_LOG(test, mark, "First byte 0x78 instead of 0xcc");
	KTEST_EXPECT_LOG(test, mark, "FIX kmalloc-64: Restoring Left Redzone");
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 0);
}

static void slab_debug_write_after_free_is_caught_on_alloc(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-uaf", FULL_DEBUG);
	printk_mark_t mark = printk_mark();
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL), *q;

	kmem_cache_free(s, p);
	p[10] = 0x12; /* a stale pointer writes */
	q = kmem_cache_alloc(s, GFP_KERNEL); /* the same object, LIFO */
	KTEST_EXPECT_PTR_EQ(test, q, p);
	KTEST_EXPECT_LOG(test, mark, "BUG test-uaf (");
	KTEST_EXPECT_LOG(test, mark, "): Poison overwritten");
	KTEST_EXPECT_LOG(test, mark, "First byte 0x12 instead of 0x6b");
	KTEST_EXPECT_LOG(
		test, mark,
		"Freed in slab_debug_write_after_free_is_caught_on_alloc+");
	KTEST_EXPECT_LOG(test, mark, "FIX test-uaf: Restoring Poison");
	/* Handed out as any new object: uninitialised. */
	KTEST_EXPECT_NULL(test, memchr_inv(q, POISON_INUSE, 64));
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

static void slab_debug_first_word_after_free_is_caught(struct ktest *test)
{
	/* slub_kunit's test_first_word: where SLUB keeps no free pointer. */
	struct kmem_cache *s =
		create(test, "test-1st-word", SLAB_POISON | SLAB_NO_USER_FLAGS);
	printk_mark_t mark = printk_mark();
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	kmem_cache_free(s, p);
	*p = 0x78;
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 1);
	KTEST_EXPECT_LOG(test, mark, "BUG test-1st-word (");
	KTEST_EXPECT_LOG(test, mark, "First byte 0x78 instead of 0x6b");
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 0); /* repaired */
	p[50] = 0x9a; /* test_clobber_50th_byte */
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 1);
	KTEST_EXPECT_LOG(test, mark, "First byte 0x9a instead of 0x6b");
	kmem_cache_destroy(s);
}

static void slab_debug_corrupt_free_pointer_is_isolated(struct ktest *test)
{
	/* slub_kunit's test_next_pointer, step by step. */
	struct kmem_cache *s =
		create(test, "test-next-ptr",
		       SLAB_POISON | SLAB_RED_ZONE | SLAB_NO_USER_FLAGS);
	printk_mark_t mark = printk_mark();
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);
	unsigned long *slot, saved;

	kmem_cache_free(s, p);
	slot = (unsigned long *)(p + s->offset);
	saved = *slot;
	p[s->offset] = (u8)~p[s->offset];
	/* The chain, the object count, the first object cut off. */
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 3);
	KTEST_EXPECT_LOG(test, mark, "): Freechain corrupt");
	KTEST_EXPECT_LOG(test, mark,
			 "FIX test-next-ptr: Isolate corrupted freechain");
	KTEST_EXPECT_LOG(
		test, mark,
		"): Wrong object count. Counter is 0 but counted were ");
	KTEST_EXPECT_LOG(test, mark,
			 "FIX test-next-ptr: Object count adjusted");
	/* The lost objects count as used: the slab moved to the partial list. */
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_partial, 1);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_empty, 0);
	/* Put the pointer back: the count is wrong the other way now. */
	*slot = saved;
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 2);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_empty, 1);
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 0);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	kmem_cache_destroy(s);
	KTEST_EXPECT_NULL(test, find_kmem_cache("test-next-ptr"));
}

static void slab_debug_hardening_catches_a_corrupt_pointer(struct ktest *test)
{
	/* No debugging at all: the fast path's check of the next pointer. */
	struct kmem_cache *s =
		create(test, "test-hardened", SLAB_NO_USER_FLAGS);
	unsigned int n = s->objects;
	void **objs = kmalloc_array(n, sizeof(void *), GFP_KERNEL);
	printk_mark_t mark;
	u8 *victim;

	KTEST_ASSERT_NOT_NULL(test, objs);
	for (unsigned int i = 0; i < n; i++) /* the slab, all used */
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	victim = objs[5];
	kmem_cache_free(s, victim); /* the only free object */
	victim[s->offset] ^= 0x40;
	mark = printk_mark();
	KTEST_EXPECT_PTR_EQ(test, kmem_cache_alloc(s, GFP_KERNEL), victim);
	KTEST_EXPECT_LOG(test, mark, "BUG test-hardened (");
	KTEST_EXPECT_LOG(test, mark, "): Freepointer corrupt");
	KTEST_EXPECT_LOG(test, mark,
			 "FIX test-hardened: Marking all objects used");
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), n);
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	kfree(objs);
	kmem_cache_destroy(s);
}

static void slab_debug_double_free_is_refused(struct ktest *test)
{
	struct kmem_cache *s = debugged_kmalloc_cache(test, 64);
	unsigned long active = kmem_cache_active_objects(s);
	printk_mark_t mark = printk_mark();
	void *p = kmalloc(64, GFP_KERNEL);
	void *q = kmalloc(64, GFP_KERNEL);

	kfree(p);
	kfree(q); /* p is no longer the head of the free list */
	kfree(p);
	KTEST_EXPECT_LOG(test, mark, "): Object already free");
	/* The tracks name this function, though kfree() jumps to its slow half. */
	KTEST_EXPECT_LOG(test, mark,
			 "Freed in slab_debug_double_free_is_refused+");
	KTEST_EXPECT_LOG(test, mark, "FIX kmalloc-64: Object at ");
	KTEST_EXPECT_LOG(test, mark, " not freed");
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), active);
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 0);
}

/* kmem_cache_free_bulk() of a debug cache: each object checked as alone. */
static void slab_debug_bulk_free_checks_each_object(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-bulk-debug", FULL_DEBUG);
	printk_mark_t mark = printk_mark();
	u8 *a = kmem_cache_alloc(s, GFP_KERNEL), *b, *c;
	void *p[4];

	b = kmem_cache_alloc(s, GFP_KERNEL);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_TRUE(test, a && b && c);
	b[64] = 0x78; /* one byte past b */
	p[0] = a;
	p[1] = b;
	p[2] = c;
	p[3] = a; /* again, and not the head of any free list */
	kmem_cache_free_bulk(s, ARRAY_SIZE(p), p);
	KTEST_EXPECT_LOG(test, mark, "BUG test-bulk-debug (");
	KTEST_EXPECT_LOG(test, mark, "): Right Redzone overwritten");
	KTEST_EXPECT_LOG(test, mark, "): Object already free");
	KTEST_EXPECT_LOG(test, mark,
			 "Freed in slab_debug_bulk_free_checks_each_object+");
	KTEST_EXPECT_NULL(test, memchr_inv(c, POISON_FREE, 63));
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 0);
	kmem_cache_destroy(s);
}

static void slab_debug_double_free_without_debugging(struct ktest *test)
{
	/* The hardened check: freeing the head of the list again. */
	struct kmem_cache *s = create(test, "test-double", SLAB_NO_USER_FLAGS);
	printk_mark_t mark = printk_mark();
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	kmem_cache_free(s, p);
	kmem_cache_free(s, p);
	KTEST_EXPECT_LOG(test, mark, "BUG test-double (");
	KTEST_EXPECT_LOG(test, mark, "): Object already free");
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	KTEST_EXPECT_PTR_EQ(test, kmem_cache_alloc(s, GFP_KERNEL), p);
	KTEST_EXPECT_NE(test, (unsigned long)kmem_cache_alloc(s, GFP_KERNEL),
			(unsigned long)p);
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 2);
	kmem_cache_free(s, p);
	/* The second object: the one after p, the list is in address order. */
	kmem_cache_free(s, (char *)p + s->size);
	kmem_cache_destroy(s);
}

static void slab_debug_pointer_inside_an_object_is_refused(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-invalid", FULL_DEBUG);
	printk_mark_t mark = printk_mark();
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	kmem_cache_free(s, p + 1);
	KTEST_EXPECT_LOG(test, mark, "): Invalid object pointer ");
	KTEST_EXPECT_LOG(test, mark, "FIX test-invalid: Object at ");
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 1);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void slab_debug_non_slab_pointers_are_refused(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-outside", FULL_DEBUG);
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long free = nr_free_pages();
	printk_mark_t mark = printk_mark();
	char local[8];

	KTEST_ASSERT_NOT_NULL(test, page);
	kfree(&local[3]); /* the stack */
	KTEST_EXPECT_LOG(test, mark, "kfree: Invalid object pointer ");
	kfree((void *)0xfffff000); /* never mapped */
	KTEST_EXPECT_LOG(test, mark, "FIX_HOLE");
	kmem_cache_free(s, (char *)page_address(page) + 64);
	KTEST_EXPECT_LOG(test, mark, "BUG test-outside (");
	KTEST_EXPECT_LOG(test, mark, "): Attempt to free object(");
	KTEST_EXPECT_LOG(test, mark, ") outside of slab");
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
	__free_page(page);
	kmem_cache_destroy(s);
}

static void slab_debug_wrong_cache_is_reported_and_fixed(struct ktest *test)
{
	struct kmem_cache *a = create(test, "test-cache-a", FULL_DEBUG);
	struct kmem_cache *b = create(test, "test-cache-b", FULL_DEBUG);
	printk_mark_t mark = printk_mark();
	void *p = kmem_cache_alloc(a, GFP_KERNEL);

	kmem_cache_free(b, p);
	KTEST_EXPECT_LOG(
		test, mark,
		"kmem_cache_free: Wrong slab cache. test-cache-b but object is from test-cache-a");
	/* Freed where it belongs, as Linux does. */
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(a), 0);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(b), 0);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void slab_debug_destroy_with_live_objects_keeps_it(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-destroy", FULL_DEBUG);
	printk_mark_t mark = printk_mark();
	void *p = kmem_cache_alloc(s, GFP_KERNEL);
	void *q = kmem_cache_alloc(s, GFP_KERNEL);

	kmem_cache_destroy(s);
	KTEST_EXPECT_LOG(
		test, mark,
		"): Objects remaining in test-destroy on __kmem_cache_shutdown()");
	KTEST_EXPECT_LOG(
		test, mark,
		"Allocated in slab_debug_destroy_with_live_objects_keeps_it+");
	KTEST_EXPECT_LOG(
		test, mark,
		"kmem_cache_destroy test-destroy: Slab cache still has objects when called from ");
	KTEST_EXPECT_PTR_EQ(test, find_kmem_cache("test-destroy"), s);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
	KTEST_EXPECT_NULL(test, find_kmem_cache("test-destroy"));
}

static void slab_debug_large_kmalloc_freed_twice(struct ktest *test)
{
	long slab_pages = atomic_long_read(&nr_slab_unreclaimable);
	printk_mark_t mark = printk_mark();
	void *p = kmalloc(16384, GFP_KERNEL);
	unsigned long free;

	KTEST_ASSERT_NOT_NULL(test, p);
	kfree(p);
	free = nr_free_pages();
	kfree(p);
	/* No longer a kmalloc() block: refused, and said what it is now. */
	KTEST_EXPECT_LOG(test, mark, "kfree: Invalid object pointer");
	KTEST_EXPECT_LOG(test, mark, ": free (on the");
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
	KTEST_EXPECT_EQ(test, atomic_long_read(&nr_slab_unreclaimable),
			slab_pages);
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void slab_debug_large_kmalloc_inner_pointer(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	u8 *p = kmalloc(16384, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	kfree(p + 1); /* KASAN's kmalloc_pagealloc_invalid_free */
	KTEST_EXPECT_LOG(test, mark, "kfree: Invalid object pointer ");
	kfree(p + PAGE_SIZE); /* a later page of the block */
	KTEST_EXPECT_LOG(test, mark, "page 1 of the order-2 block");
	kfree(p);
}

/* The barriers keep the calls from becoming jumps, which names the caller. */
static noinline void *alloc_for_tracking(struct kmem_cache *s)
{
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	barrier();
	return p;
}

static noinline void free_for_tracking(struct kmem_cache *s, void *p)
{
	kmem_cache_free(s, p);
	barrier();
}

static void slab_debug_store_user_names_both_callers(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-track", FULL_DEBUG);
	printk_mark_t mark = printk_mark();
	u8 *p = alloc_for_tracking(s);

	free_for_tracking(s, p);
	p[0] = 1;
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 1);
	KTEST_EXPECT_LOG(test, mark, "Allocated in alloc_for_tracking+0x");
	KTEST_EXPECT_LOG(test, mark, "Freed in free_for_tracking+0x");
	KTEST_EXPECT_LOG(test, mark, " age=");
	kmem_cache_destroy(s);
}

static void slab_debug_option_parses_letters_and_caches(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	char caches[64];
	slab_flags_t f;

	KTEST_EXPECT_EQ(test, slub_debug_parse("FZ", &f, caches, 64), 0);
	KTEST_EXPECT_EQ(test, f, SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE);
	KTEST_EXPECT_STREQ(test, caches, "");
	slub_debug_parse(NULL, &f, caches, 64); /* bare `slub_debug` */
	KTEST_EXPECT_EQ(test, f, SLAB_DEBUG_FLAGS);
	slub_debug_parse("-", &f, caches, 64);
	KTEST_EXPECT_EQ(test, f, 0);
	slub_debug_parse(",kmalloc-64", &f, caches, 64);
	KTEST_EXPECT_EQ(test, f, SLAB_DEBUG_FLAGS);
	KTEST_EXPECT_STREQ(test, caches, "kmalloc-64");
	slub_debug_parse("pu,kmalloc-*,dentry", &f, caches, 64);
	KTEST_EXPECT_EQ(test, f, SLAB_POISON | SLAB_STORE_USER);
	KTEST_EXPECT_STREQ(test, caches, "kmalloc-*,dentry");
	slub_debug_parse("Fx", &f, caches, 64);
	KTEST_EXPECT_EQ(test, f, SLAB_CONSISTENCY_CHECKS);
	KTEST_EXPECT_LOG(test, mark, "slub_debug option 'x' unknown. skipped");
}

static void
slab_debug_flags_reach_new_caches_unless_excluded(struct ktest *test)
{
	slab_flags_t saved = slub_debug;
	struct kmem_cache *a, *b;

	slub_debug = SLAB_POISON;
	a = kmem_cache_create("test-user-flags", 64, 0, 0, NULL);
	b = kmem_cache_create("test-no-user-flags", 64, 0, SLAB_NO_USER_FLAGS,
			      NULL);
	slub_debug = saved;
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	/* slub_debug=F,CACHE... names the caches it reaches: maybe not a. */
	KTEST_EXPECT_EQ(test, !!(a->flags & SLAB_POISON),
			slub_debug_applies("test-user-flags"));
	KTEST_EXPECT_FALSE(test, b->flags & SLAB_DEBUG_FLAGS);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void slab_debug_is_on_everywhere_in_ktest_boots(struct ktest *test)
{
	if (!boot_mode_is("ktest") || slub_debug_given)
		ktest_skip(test,
			   "a ktest boot without slub_debug= checks this");
	KTEST_EXPECT_EQ(test, slub_debug, SLAB_DEBUG_FLAGS);
	KTEST_EXPECT_EQ(test,
			kmalloc_slab(64, GFP_KERNEL)->flags & SLAB_DEBUG_FLAGS,
			SLAB_DEBUG_FLAGS);
	KTEST_EXPECT_EQ(test, kmem_cache->flags & SLAB_DEBUG_FLAGS,
			SLAB_DEBUG_FLAGS);
	/*
	 * The boot line "SLUB: debugging FZPU for every cache" is not checked:
	 * by the time this suite runs, earlier suites' reports have pushed the
	 * boot messages out of the 128 KB log ring.
	 */
}

static const struct ktest_case slab_debug_cases[] = {
	KTEST_CASE(slab_debug_layout_adds_red_zones_and_tracks),
	KTEST_CASE(slab_debug_poison_shows_free_and_uninitialised),
	KTEST_CASE(slab_debug_right_redzone_clobber_is_repaired),
	KTEST_CASE(slab_debug_left_redzone_clobber_is_repaired),
	KTEST_CASE(slab_debug_write_after_free_is_caught_on_alloc),
	KTEST_CASE(slab_debug_first_word_after_free_is_caught),
	KTEST_CASE(slab_debug_corrupt_free_pointer_is_isolated),
	KTEST_CASE(slab_debug_hardening_catches_a_corrupt_pointer),
	KTEST_CASE(slab_debug_double_free_is_refused),
	KTEST_CASE(slab_debug_bulk_free_checks_each_object),
	KTEST_CASE(slab_debug_double_free_without_debugging),
	KTEST_CASE(slab_debug_pointer_inside_an_object_is_refused),
	KTEST_CASE(slab_debug_non_slab_pointers_are_refused),
	KTEST_CASE(slab_debug_wrong_cache_is_reported_and_fixed),
	KTEST_CASE(slab_debug_destroy_with_live_objects_keeps_it),
	KTEST_CASE(slab_debug_large_kmalloc_freed_twice),
	KTEST_CASE(slab_debug_large_kmalloc_inner_pointer),
	KTEST_CASE(slab_debug_store_user_names_both_callers),
	KTEST_CASE(slab_debug_option_parses_letters_and_caches),
	KTEST_CASE(slab_debug_flags_reach_new_caches_unless_excluded),
	KTEST_CASE(slab_debug_is_on_everywhere_in_ktest_boots),
	{}
};
KTEST_SUITE(slab_debug, slab_debug_cases);
