// SPDX-License-Identifier: GPL-2.0
/*
 * slab_test.c - verifies that kmem_cache lays objects out and sizes slabs as
 * Linux does, honours alignment and constructors, grows by whole slabs from
 * the buddy allocator and gives them back, keeps every slab on the list its
 * state says, hardens its free pointers, frees in bulk with the checks of
 * a free one at a time, and that /proc/slabinfo reads like Linux's.
 *
 * Caches made with SLAB_NO_USER_FLAGS have a known layout whatever
 * slub_debug= says; the others get the boot's debugging (all of it in
 * `ktest` boots), which the tests must then not depend on.
 */
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <cmdline.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <seq_file.h>
#include <slab.h>
#include <string.h>

#include "../../mm/slab_internal.h"

#define NO_DEBUG SLAB_NO_USER_FLAGS

static struct kmem_cache *create(struct ktest *test, const char *name,
				 unsigned int size, unsigned int align,
				 slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s =
		kmem_cache_create(name, size, align, flags, ctor);

	KTEST_ASSERT_NOT_NULL(test, s);
	return s;
}

/* A small deterministic generator for "random" orders. */
static u32 next_random(u32 *state)
{
	*state = *state * 1664525U + 1013904223U;
	return *state >> 8;
}

static void slab_order_and_objects_match_linux_slabinfo(struct ktest *test)
{
	/* kmalloc-512 .. kmalloc-8k on Linux: objperslab, pagesperslab. */
	static const struct {
		unsigned int size, objects, pages;
	} expect[] = {
		{ 8, 512, 1 },	{ 64, 64, 1 },	 { 96, 42, 1 },
		{ 192, 21, 1 }, { 512, 8, 1 },	 { 1024, 8, 2 },
		{ 2048, 8, 4 }, { 4096, 8, 8 },	 { 8192, 4, 8 },
		{ 160, 25, 1 }, { 3072, 10, 8 }, { 1888, 17, 8 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(expect); i++) {
		struct kmem_cache *s = create(
			test, "test-order", expect[i].size, 8, NO_DEBUG, NULL);

		KTEST_EXPECT_EQ(test, s->size, expect[i].size);
		KTEST_EXPECT_EQ(test, s->objects, expect[i].objects);
		KTEST_EXPECT_EQ(test, 1U << s->order, expect[i].pages);
		kmem_cache_destroy(s);
	}
}

static void slab_layout_puts_the_free_pointer_mid_object(struct ktest *test)
{
	struct kmem_cache *s =
		create(test, "test-layout", 100, 0, NO_DEBUG, NULL);

	KTEST_EXPECT_EQ(test, s->object_size, 100);
	KTEST_EXPECT_EQ(test, s->size, 104); /* 8-byte minimum alignment */
	KTEST_EXPECT_EQ(test, s->offset, 48); /* the middle, word aligned */
	KTEST_EXPECT_EQ(test, s->red_left_pad, 0);
	KTEST_EXPECT_EQ(test, s->objects, 39);
	kmem_cache_destroy(s);
}

static void slab_hwcache_align_uses_cache_lines(struct ktest *test)
{
	unsigned int line = cache_line_size();
	struct kmem_cache *big = create(test, "test-hw-big", line / 2 + 1, 0,
					SLAB_HWCACHE_ALIGN | NO_DEBUG, NULL);
	struct kmem_cache *small = create(test, "test-hw-small", line / 4, 0,
					  SLAB_HWCACHE_ALIGN | NO_DEBUG, NULL);
	void *p = kmem_cache_alloc(big, GFP_KERNEL);
	void *q = kmem_cache_alloc(big, GFP_KERNEL);

	KTEST_EXPECT_EQ(test, big->align, line);
	KTEST_EXPECT_EQ(test, big->size, line);
	/* Objects of a quarter line share lines instead of wasting them. */
	KTEST_EXPECT_EQ(test, small->align, max(line / 4, 8U));
	KTEST_EXPECT_EQ(test, (unsigned long)p % line, 0);
	KTEST_EXPECT_EQ(test, (unsigned long)q % line, 0);
	kmem_cache_free(big, p);
	kmem_cache_free(big, q);
	kmem_cache_destroy(big);
	kmem_cache_destroy(small);
}

static void slab_explicit_alignment_holds_for_every_object(struct ktest *test)
{
	/* Debugging (if the boot has it) must not break the alignment. */
	struct kmem_cache *s = create(test, "test-align", 40, 256, 0, NULL);
	void *objs[20];

	for (int i = 0; i < 20; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_EXPECT_EQ(test, (unsigned long)objs[i] % 256, 0);
	}
	for (int i = 0; i < 20; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
}

static int ctor_calls;

static void count_ctor(void *object)
{
	ctor_calls++;
	memset(object, 0x42, 24);
}

static void slab_constructor_runs_once_per_object(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-ctor", 24, 0, 0, count_ctor);
	unsigned int per_slab = s->objects;
	u8 **objs = kmalloc_array(per_slab + 1, sizeof(u8 *), GFP_KERNEL);
	u8 *p;

	KTEST_ASSERT_NOT_NULL(test, objs);
	ctor_calls = 0;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	/* The whole slab was constructed when it was made. */
	KTEST_EXPECT_EQ(test, ctor_calls, per_slab);
	KTEST_EXPECT_EQ(test, p[0], 0x42);
	KTEST_EXPECT_EQ(test, p[23], 0x42);
	p[0] = 0x99; /* constructed state is the user's to keep or restore */
	kmem_cache_free(s, p);
	p[0] = 0x42;
	objs[0] = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, ctor_calls, per_slab); /* reuse: no new call */
	for (unsigned int i = 1; i <= per_slab; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, ctor_calls, 2 * per_slab); /* a second slab */
	for (unsigned int i = 0; i <= per_slab; i++)
		kmem_cache_free(s, objs[i]);
	kfree(objs);
	kmem_cache_destroy(s);
}

static void slab_zalloc_returns_zeroed_objects(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-zalloc", 72, 0, 0, NULL);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	memset(p, 0xee, 72);
	kmem_cache_free(s, p);
	p = kmem_cache_zalloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_NULL(test, memchr_inv(p, 0, 72));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void slab_grows_by_whole_slabs_and_shrinks_back(struct ktest *test)
{
	struct kmem_cache *s =
		create(test, "test-grow", 256, 0, NO_DEBUG, NULL);
	unsigned int n = 3 * s->objects + 1;
	unsigned long free_before = nr_free_pages();
	void **objs = kmalloc_array(n, sizeof(void *), GFP_KERNEL);
	unsigned long after_kmalloc = nr_free_pages();

	KTEST_ASSERT_NOT_NULL(test, objs);
	for (unsigned int i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, atomic_long_read(&get_node(s, 0)->nr_slabs), 4);
	KTEST_EXPECT_EQ(test, atomic_long_read(&get_node(s, 0)->total_objects),
			4 * s->objects);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), n);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_full,
			3); /* the 4th is the cpu slab */
	KTEST_EXPECT_EQ(test, after_kmalloc - nr_free_pages(), 4UL << s->order);
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(test, atomic_long_read(&get_node(s, 0)->nr_slabs), 0);
	kfree(objs);
	kmem_cache_shrink(kmalloc_slab(n * sizeof(void *), GFP_KERNEL));
	drain_all_pages(); /* freed slabs wait on the per-CPU lists */
	KTEST_EXPECT_EQ(test, nr_free_pages(), free_before);
	kmem_cache_destroy(s);
}

static void slab_keeps_a_small_reserve_of_empty_slabs(struct ktest *test)
{
	struct kmem_cache *s =
		create(test, "test-reserve", 1024, 0, NO_DEBUG, NULL);
	unsigned int n = 20 * s->objects;
	void **objs = kmalloc_array(n, sizeof(void *), GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, objs);
	for (unsigned int i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, atomic_long_read(&get_node(s, 0)->nr_slabs), 20);
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	/* min_partial empty slabs stay, and the cpu slab; the rest went back. */
	KTEST_EXPECT_GE(test, s->min_partial, 5);
	KTEST_EXPECT_LE(test, s->min_partial, 10);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_empty, s->min_partial);
	KTEST_EXPECT_EQ(test, atomic_long_read(&get_node(s, 0)->nr_slabs),
			s->min_partial + 1);
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(test, atomic_long_read(&get_node(s, 0)->nr_slabs), 0);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_empty, 0);
	kfree(objs);
	kmem_cache_destroy(s);
}

static void slab_lists_follow_each_slab_state(struct ktest *test)
{
	struct kmem_cache *s =
		create(test, "test-lists", 512, 0, NO_DEBUG, NULL);
	unsigned int per = s->objects;
	void *objs[3 * 8];

	KTEST_ASSERT_EQ(test, per, 8);
	for (unsigned int i = 0; i < 2 * per + 1; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_full, 2);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_partial, 0);
	kmem_cache_free(s, objs[0]); /* the first slab: full -> partial */
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_full, 1);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_partial, 1);
	for (unsigned int i = 1; i < per; i++) /* partial -> empty */
		kmem_cache_free(s, objs[i]);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_partial, 0);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_empty, 1);
	for (unsigned int i = per; i < 2 * per + 1; i++)
		kmem_cache_free(s, objs[i]);
	KTEST_EXPECT_EQ(
		test, get_node(s, 0)->nr_full + get_node(s, 0)->nr_partial, 0);
	KTEST_EXPECT_EQ(test, get_node(s, 0)->nr_empty, 2);
	/* The cpu slab is kept: empty, its objects on this CPU's freelist. */
	KTEST_EXPECT_NOT_NULL(test, this_cpu_ptr(s->cpu_slab)->slab);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	kmem_cache_destroy(s);
}

/*
 * Give back the empty slabs every cache keeps: with kmemleak=on its
 * records of our objects fill slabs of their own cache too.
 */
static void shrink_all_caches(void)
{
	struct kmem_cache *c;

	list_for_each_entry(c, &slab_caches, list)
		kmem_cache_shrink(c);
	drain_all_pages(); /* freed slabs wait on the per-CPU lists */
}

static void slab_thousands_in_random_order_restore_buddy(struct ktest *test)
{
	enum { N = 3000 };
	struct kmem_cache *s = create(test, "test-random", 48, 0, 0, NULL);
	void **objs = kmalloc_array(N, sizeof(void *), GFP_KERNEL);
	unsigned long free_before;
	u32 seed = 12345;

	KTEST_ASSERT_NOT_NULL(test, objs);
	shrink_all_caches();
	free_before = nr_free_pages();
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < N; i++) {
			objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
			KTEST_ASSERT_NOT_NULL(test, objs[i]);
		}
		/* Fisher-Yates, then free in that order. */
		for (int i = N - 1; i > 0; i--) {
			int j = (int)(next_random(&seed) % (u32)(i + 1));

			swap(objs[i], objs[j]);
		}
		for (int i = 0; i < N; i++)
			kmem_cache_free(s, objs[i]);
		KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	}
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 0);
	shrink_all_caches();
	KTEST_EXPECT_EQ(test, nr_free_pages(), free_before);
	KTEST_EXPECT_TRUE(test, buddy_self_check());
	kfree(objs);
	kmem_cache_destroy(s);
}

/* Free objs[0..n) in bulk, `chunk` at a time, as vmalloc's purge does. */
static void free_bulk_in_chunks(struct kmem_cache *s, void **objs,
				unsigned int n, unsigned int chunk)
{
	for (unsigned int i = 0; i < n; i += chunk)
		kmem_cache_free_bulk(s, min(chunk, n - i), objs + i);
}

static void slab_free_bulk_gives_back_every_object(struct ktest *test)
{
	struct kmem_cache *s =
		create(test, "test-bulk", 1024, 0, NO_DEBUG, NULL);
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned int nr = 20 * s->objects;
	void **objs = kmalloc_array(nr, sizeof(void *), GFP_KERNEL);
	u32 seed = 4242;

	KTEST_ASSERT_NOT_NULL(test, objs);
	/* In allocation order (runs of whole slabs), then shuffled. */
	for (int round = 0; round < 2; round++) {
		for (unsigned int i = 0; i < nr; i++) {
			objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
			KTEST_ASSERT_NOT_NULL(test, objs[i]);
		}
		for (unsigned int i = nr - 1; round && i > 0; i--) {
			unsigned int j = next_random(&seed) % (i + 1);

			swap(objs[i], objs[j]); /* a macro: j computed once */
		}
		free_bulk_in_chunks(s, objs, nr, 32);
		KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
		KTEST_EXPECT_EQ(test, n->nr_full + n->nr_partial, 0);
		/* The reserve that frees one at a time keep, and the cpu slab. */
		KTEST_EXPECT_EQ(test, n->nr_empty, s->min_partial);
		KTEST_EXPECT_EQ(test, atomic_long_read(&n->nr_slabs),
				s->min_partial + 1);
		KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 0);
	}
	kfree(objs);
	kmem_cache_destroy(s);
}

static void slab_free_bulk_refuses_double_frees(struct ktest *test)
{
	struct kmem_cache *s =
		create(test, "test-bulk-double", 512, 0, NO_DEBUG, NULL);
	unsigned long errors = slab_errors;
	printk_mark_t mark = printk_mark();
	void *full[8], *p[8 + 4], *again[9], *b;

	KTEST_ASSERT_EQ(test, s->objects, 8);
	for (int i = 0; i < 8; i++)
		full[i] = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL); /* the next slab: the cpu slab */
	KTEST_ASSERT_PTR_EQ(test, virt_to_slab(b),
			    this_cpu_ptr(s->cpu_slab)->slab);
	/*
	 * The full slab's objects, its first again (more than it has in
	 * use), the cpu slab's object, the full slab's second (its slab is
	 * empty by then), the cpu slab's object again (the head it joins).
	 */
	memcpy(p, full, sizeof(full));
	p[8] = full[0];
	p[9] = b;
	p[10] = full[1];
	p[11] = b;
	kmem_cache_free_bulk(s, ARRAY_SIZE(p), p);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 3);
	KTEST_EXPECT_LOG(test, mark, "BUG test-bulk-double (");
	KTEST_EXPECT_LOG(test, mark, "): Object already free");
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	KTEST_EXPECT_EQ(test, kmem_cache_validate(s), 0);
	/* No object is handed out twice. */
	for (int i = 0; i < 9; i++) {
		again[i] = kmem_cache_alloc(s, GFP_KERNEL);
		for (int j = 0; j < i; j++)
			KTEST_EXPECT_NE(test, (unsigned long)again[j],
					(unsigned long)again[i]);
	}
	kmem_cache_free_bulk(s, ARRAY_SIZE(again), again);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	kmem_cache_destroy(s);
}

static void slab_free_bulk_reports_what_is_not_its_object(struct ktest *test)
{
	struct kmem_cache *a =
		create(test, "test-bulk-a", 64, 0, NO_DEBUG, NULL);
	struct kmem_cache *b =
		create(test, "test-bulk-b", 64, 0, NO_DEBUG, NULL);
	struct page *page = alloc_page(GFP_KERNEL);
	printk_mark_t mark = printk_mark();
	unsigned long free;
	void *p[4];

	KTEST_ASSERT_NOT_NULL(test, page);
	p[0] = kmem_cache_alloc(a, GFP_KERNEL);
	p[1] = kmem_cache_alloc(b, GFP_KERNEL);
	p[2] = (char *)page_address(page) + 64;
	p[3] = kmem_cache_alloc(a, GFP_KERNEL);
	free = nr_free_pages();
	kmem_cache_free_bulk(a, ARRAY_SIZE(p), p);
	KTEST_EXPECT_LOG(
		test, mark,
		"kmem_cache_free: Wrong slab cache. test-bulk-a but object is from test-bulk-b");
	KTEST_EXPECT_LOG(test, mark, ") outside of slab");
	/* Each object freed where it belongs, the page not at all. */
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(a), 0);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(b), 0);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
	KTEST_EXPECT_EQ(test, page_count(page), 1);
	__free_page(page);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void slab_pages_never_come_from_highmem(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-highmem", 64, 0, 0, NULL);
	printk_mark_t mark = printk_mark();
	void *p = kmem_cache_alloc(s, GFP_KERNEL | GFP_HIGHMEM);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_LOG(test, mark, "Unexpected gfp: 0x8 (GFP_HIGHMEM)");
	KTEST_EXPECT_TRUE(test, virt_addr_valid(p));
	KTEST_EXPECT_FALSE(test, PageHighMem(virt_to_page(p)));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void slab_dma_cache_takes_zone_dma_pages(struct ktest *test)
{
	struct kmem_cache *s =
		create(test, "test-dma", 128, 0, SLAB_CACHE_DMA, NULL);
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(test, page_zonenum(virt_to_page(p)), ZONE_DMA);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void slab_caches_are_objects_of_kmem_cache(struct ktest *test)
{
	struct kmem_cache *s = create(test, "test-self", 32, 0, 0, NULL);

	/* Bootstrapped: the kmem_cache cache is an object of itself. */
	KTEST_EXPECT_PTR_EQ(test, virt_to_cache(kmem_cache), kmem_cache);
	KTEST_EXPECT_PTR_EQ(test, virt_to_cache(s), kmem_cache);
	KTEST_EXPECT_PTR_EQ(test, virt_to_cache(kmalloc_caches[0][6]),
			    kmem_cache);
	KTEST_EXPECT_PTR_EQ(test, find_kmem_cache("test-self"), s);
	kmem_cache_destroy(s);
	KTEST_EXPECT_NULL(test, find_kmem_cache("test-self"));
}

static void slab_free_pointers_are_stored_hardened(struct ktest *test)
{
	struct kmem_cache *s =
		create(test, "test-hardened", 64, 0, NO_DEBUG, NULL);
	char *a = kmem_cache_alloc(s, GFP_KERNEL);
	char *b = kmem_cache_alloc(s, GFP_KERNEL);
	unsigned long slot, stored;

	kmem_cache_free(s, b);
	kmem_cache_free(s, a); /* a is the head, and points to b */
	slot = (unsigned long)a + s->offset;
	stored = *(unsigned long *)slot;
	KTEST_EXPECT_NE(test, stored, (unsigned long)b);
	KTEST_EXPECT_EQ(test, stored ^ s->random ^ slot, (unsigned long)b);
	KTEST_EXPECT_PTR_EQ(test, get_freepointer(s, a), b);
	kmem_cache_destroy(s);
}

static void slab_create_refuses_bad_arguments(struct ktest *test)
{
	printk_mark_t mark = printk_mark();

	KTEST_EXPECT_NULL(test, kmem_cache_create("test-bad", 0, 0, 0, NULL));
	KTEST_EXPECT_NULL(test, kmem_cache_create("test-bad", 64, 24, 0, NULL));
	KTEST_EXPECT_NULL(test,
			  kmem_cache_create("test-bad", KMALLOC_MAX_SIZE + 1, 0,
					    0, NULL));
	KTEST_EXPECT_NULL(test, kmem_cache_create(NULL, 64, 0, 0, NULL));
	KTEST_EXPECT_LOG(test, mark,
			 "kmem_cache_create(test-bad) failed with error -22");
	KTEST_EXPECT_NULL(test, find_kmem_cache("test-bad"));
}

/* "name  1 2 3 4 5 : tunables 0 0 0 : slabdata 6 7 8" */
static bool parse_slabinfo_line(char *line, unsigned long v[11])
{
	char *name = strsep(&line, " ");
	int n = 0;

	if (!name || !*name)
		return false;
	while (line && n < 11) {
		char *word = strsep(&line, " ");

		if (!*word)
			continue;
		if (!strcmp(word, ":") || !strcmp(word, "tunables") ||
		    !strcmp(word, "slabdata"))
			continue;
		if (kstrtoul(word, 10, &v[n++]))
			return false;
	}
	return n == 11 && !line;
}

static void slab_slabinfo_lines_parse_with_linux_columns(struct ktest *test)
{
	static char buf[8192];
	char *text = buf, *line;
	int len = proc_read("slabinfo", buf, sizeof(buf)), lines = 0;

	KTEST_ASSERT_GT(test, len, 0);
	line = strsep(&text, "\n");
	KTEST_EXPECT_STREQ(test, line, "slabinfo - version: 2.1");
	line = strsep(&text, "\n");
	KTEST_EXPECT_STREQ(
		test, line,
		"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>");
	while ((line = strsep(&text, "\n")) && *line) {
		unsigned long v[11];

		KTEST_ASSERT_TRUE(test, parse_slabinfo_line(line, v));
		KTEST_EXPECT_LE(test, v[0], v[1]); /* active <= total */
		KTEST_EXPECT_TRUE(test, is_power_of_2(v[4]));
		KTEST_EXPECT_LE(test, v[1], v[9] * v[3]);
		KTEST_EXPECT_EQ(test, v[5] + v[6] + v[7] + v[10], 0);
		KTEST_EXPECT_EQ(test, v[8], v[9]);
		lines++;
	}
	KTEST_EXPECT_GE(test, lines, 27); /* kmem_cache and 26 kmalloc */
}

static void slab_new_cache_is_listed_until_destroyed(struct ktest *test)
{
	static char buf[8192];
	struct kmem_cache *s = create(test, "test-listed", 200, 0, 0, NULL);
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	KTEST_ASSERT_GT(test, proc_read("slabinfo", buf, sizeof(buf)), 0);
	/* Newest first, right after the header. */
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\ntest-listed            1 "));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	KTEST_ASSERT_GT(test, proc_read("slabinfo", buf, sizeof(buf)), 0);
	KTEST_EXPECT_NULL(test, strstr(buf, "test-listed"));
}

static void slab_pages_show_in_meminfo(struct ktest *test)
{
	struct kmem_cache *s =
		create(test, "test-meminfo", 2048, 0, NO_DEBUG, NULL);
	long before = atomic_long_read(&nr_slab_unreclaimable);
	void *p = kmem_cache_alloc(s, GFP_KERNEL);
	static char buf[2048];

	KTEST_EXPECT_EQ(test, atomic_long_read(&nr_slab_unreclaimable),
			before + 4);
	KTEST_ASSERT_GT(test, proc_read("meminfo", buf, sizeof(buf)), 0);
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\nSlab:  "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\nSReclaimable:  "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "\nSUnreclaim:  "));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(test, atomic_long_read(&nr_slab_unreclaimable), before);
}

static const struct ktest_case slab_cases[] = {
	KTEST_CASE(slab_order_and_objects_match_linux_slabinfo),
	KTEST_CASE(slab_layout_puts_the_free_pointer_mid_object),
	KTEST_CASE(slab_hwcache_align_uses_cache_lines),
	KTEST_CASE(slab_explicit_alignment_holds_for_every_object),
	KTEST_CASE(slab_constructor_runs_once_per_object),
	KTEST_CASE(slab_zalloc_returns_zeroed_objects),
	KTEST_CASE(slab_grows_by_whole_slabs_and_shrinks_back),
	KTEST_CASE(slab_keeps_a_small_reserve_of_empty_slabs),
	KTEST_CASE(slab_lists_follow_each_slab_state),
	KTEST_CASE(slab_thousands_in_random_order_restore_buddy),
	KTEST_CASE(slab_free_bulk_gives_back_every_object),
	KTEST_CASE(slab_free_bulk_refuses_double_frees),
	KTEST_CASE(slab_free_bulk_reports_what_is_not_its_object),
	KTEST_CASE(slab_pages_never_come_from_highmem),
	KTEST_CASE(slab_dma_cache_takes_zone_dma_pages),
	KTEST_CASE(slab_caches_are_objects_of_kmem_cache),
	KTEST_CASE(slab_free_pointers_are_stored_hardened),
	KTEST_CASE(slab_create_refuses_bad_arguments),
	KTEST_CASE(slab_slabinfo_lines_parse_with_linux_columns),
	KTEST_CASE(slab_new_cache_is_listed_until_destroyed),
	KTEST_CASE(slab_pages_show_in_meminfo),
	{}
};
KTEST_SUITE(slab, slab_cases);
