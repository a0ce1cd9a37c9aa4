// SPDX-License-Identifier: GPL-2.0
/*
 * reset_test.c - verifies that the shell's `reset` gives back everything
 * the shell's commands handed out (pages, kmalloc and slab objects, a
 * cache, a vmalloc area, kmaps) and nothing else: a thing freed some other
 * way is left alone, not freed twice, and so is a block of the kernel's
 * that took the place of one the shell held; that it puts the pkmap cursor back
 * at slot 0 with no stale slot and its counts at 0; and that the counts it
 * compares (teach/shell/memstate.c) do see what a caller kept.
 *
 * The per-case leak checks (leak_check.c) are the judge of the first case:
 * without `reset`, its allocations would fail it.
 */
#include <bug.h>
#include <highmem.h>
#include <kernel.h>
#include <kmemleak.h>
#include <ktest.h>
#include <memstate.h>
#include <mm.h>
#include <shell.h>
#include <slab.h>
#include <sprintf.h>

/* A pfn of highmem to kmap, or 0 without highmem. */
static unsigned long reset_highmem_pfn(void)
{
	return totalhigh_pages() ? zones[ZONE_HIGHMEM].zone_start_pfn : 0;
}

static void reset_gives_back_everything_the_shell_handed_out(struct ktest *test)
{
	static const char *const commands[] = {
		"alloc 3",
		"alloc 0 highmem",
		"kmalloc 100",
		"kmalloc 20000",
		"vmalloc 20000",
		"slab create reset-test 40",
		"slab alloc reset-test",
		"slab alloc reset-test",
	};
	char line[32];

	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		KTEST_EXPECT_EQ(test, shell_exec(commands[i]), 0);
	if (reset_highmem_pfn()) {
		snprintf(line, sizeof(line), "kmap %#lx", reset_highmem_pfn());
		KTEST_EXPECT_EQ(test, shell_exec(line), 0);
		KTEST_EXPECT_EQ(test, shell_exec(line), 0);
	}
	KTEST_EXPECT_EQ(test, shell_exec("reset"), 0);
	KTEST_EXPECT_PTR_EQ(test, find_kmem_cache("reset-test"), NULL);
}

static void reset_leaves_alone_what_was_freed_some_other_way(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	unsigned long warnings = nr_warnings;
	unsigned long bad_pages = nr_bad_page_reports;
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	void *object = kmalloc(64, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_ASSERT_NOT_NULL(test, object);
	shell_hold(HELD_PAGES, page, 2);
	shell_hold(HELD_KMALLOC, object, 0);
	__free_pages(page, 2); /* not through `free`: still on the list */
	kfree(object);
	KTEST_EXPECT_EQ(test, shell_exec("reset"), 0);
	KTEST_EXPECT_NO_LOG(test, mark, "BUG");
	KTEST_EXPECT_EQ(test, nr_warnings, warnings);
	KTEST_EXPECT_EQ(test, nr_bad_page_reports, bad_pages);
}

/* Another caller, for the block's owner to be another than the shell's. */
static noinline struct page *reset_alloc_again(unsigned int order)
{
	return alloc_pages(GFP_KERNEL, order);
}

static void reset_leaves_alone_a_block_reused_by_the_kernel(struct ktest *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2), *again, *head;

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_ASSERT_TRUE(test, shell_hold(HELD_PAGES, page, 2));
	__free_pages(page, 2); /* not through `free`: still on the list */
	again = reset_alloc_again(2); /* the per-CPU list gives it back */
	KTEST_ASSERT_NOT_NULL(test, again);
	if (again != page) {
		__free_pages(again, 2);
		KTEST_EXPECT_EQ(test, shell_exec("reset"), 0);
		ktest_skip(test, "the block was not reused at once");
	}
	KTEST_EXPECT_EQ(test, shell_exec("reset"), 0);
	/* Same pfn, same order, allocated: only its owner tells. */
	KTEST_EXPECT_EQ(test, page_use(again, &head), PAGE_USE_ALLOCATED);
	KTEST_EXPECT_EQ(test, page_count(again), 1);
	__free_pages(again, 2);
}

static void reset_puts_the_pkmap_cursor_back_at_slot_0(struct ktest *test)
{
	struct page *page = alloc_page(GFP_HIGHMEM);
	struct pkmap_state s;

	KTEST_ASSERT_NOT_NULL(test, page);
	if (!PageHighMem(page)) {
		__free_page(page);
		ktest_skip(test, "no highmem in this boot");
	}
	kmap(page);
	kunmap(page); /* a stale slot, the cursor on it */
	pkmap_get_state(&s);
	KTEST_EXPECT_GT(test, s.cursor, 0);
	KTEST_EXPECT_GE(test, s.stale, 1);
	__free_page(page);
	KTEST_EXPECT_EQ(test, shell_exec("reset"), 0);
	pkmap_get_state(&s);
	KTEST_EXPECT_EQ(test, s.cursor, 0);
	KTEST_EXPECT_EQ(test, s.stale, 0);
	KTEST_EXPECT_EQ(test, s.flushes, 0);
	KTEST_EXPECT_EQ(test, s.failures, 0);
}

static void reset_memstate_sees_a_page_and_an_object_kept(struct ktest *test)
{
	static struct memstate was, now;
	struct page *page;
	void *object;

	memstate_settle(NULL);
	memstate_take(&was);
	page = alloc_page(GFP_KERNEL);
	object = kmalloc(32, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_ASSERT_NOT_NULL(test, object);
	memstate_settle(NULL);
	memstate_take(&now);
	/*
	 * Normal has fewer free pages, kmalloc-32 one more object (and with
	 * kmemleak=on, kmemleak_object one more: the object's record).
	 */
	KTEST_EXPECT_EQ(test, memstate_compare(&was, &now, "before"),
			2 + (kmemleak_enabled ? 1 : 0));
	__free_page(page);
	kfree(object);
	memstate_settle(NULL);
	memstate_take(&now);
	KTEST_EXPECT_EQ(test, memstate_compare(&was, &now, "before"), 0);
}

static const struct ktest_case reset_cases[] = {
	KTEST_CASE(reset_gives_back_everything_the_shell_handed_out),
	KTEST_CASE(reset_leaves_alone_what_was_freed_some_other_way),
	KTEST_CASE(reset_leaves_alone_a_block_reused_by_the_kernel),
	KTEST_CASE(reset_puts_the_pkmap_cursor_back_at_slot_0),
	KTEST_CASE(reset_memstate_sees_a_page_and_an_object_kept),
	{}
};
KTEST_SUITE(reset, reset_cases);
