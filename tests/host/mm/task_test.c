// SPDX-License-Identifier: GPL-2.0
/*
 * task_test.c - verifies on the simulated machine what mm/ does among
 * tasks (issues 14 and 15), with its one task that never sleeps for good
 * (tests/host/mm_sim/sched.c):
 *  - a GFP_KERNEL request that finds nothing waits for other processes
 *    (MAX_RECLAIM_RETRIES sleeps of RECLAIM_THROTTLE, which the machine
 *    idles through), asks the OOM killer, which finds nothing to kill,
 *    and returns NULL with the failure report; with no other process it
 *    does not wait at all;
 *  - a kmap() on a full pkmap by a task that may sleep goes to sleep on
 *    the wait queue: on a machine where nobody can kunmap, that is
 *    reported as a hang and the run ends (never a silent hang);
 *  - a task's kmap_local slots are saved when it is switched out (the
 *    slots really fault meanwhile) and written back when it returns;
 *  - every page handed out is mapped by no process (_mapcount -1, where
 *    the free lists kept their links), and the rmap counts go back to
 *    that when the last mapping goes.
 */
#include <bug.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <oom.h>
#include <printk.h>
#include <sched.h>
#include <time.h>
#include <vmstat.h>

#include "mm_host.h"

#define MAX_RECLAIM_RETRIES 16 /* page_alloc.c's waits for reclaim */
#define RECLAIM_THROTTLE (HZ / 50) /* and the length of each */

/* Every block GFP_KERNEL gives, largest first: the count of blocks. */
static unsigned int hoard_lowmem(struct page **blocks, unsigned int *orders,
				 unsigned int max)
{
	unsigned int n = 0;

	for (int order = MAX_ORDER - 1; order >= 0; order--)
		while (n < max &&
		       (blocks[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN,
						(unsigned int)order)))
			orders[n++] = (unsigned int)order;
	return n;
}

/* Order-0 GFP_ATOMIC pages until there are none: how many. */
static unsigned int hoard_atomic(struct page **blocks, unsigned int *orders,
				 unsigned int max)
{
	unsigned int n = 0;

	while (n < max && (blocks[n] = alloc_page(GFP_ATOMIC | __GFP_NOWARN)))
		orders[n++] = 0;
	return n;
}

static void
gfp_kernel_failure_waits_its_retries_then_returns_null(struct kunit *test)
{
	static struct page *blocks[1024];
	static unsigned int orders[1024];
	unsigned long waits, kills;
	unsigned int n, atomic;
	printk_mark_t mark;
	u64 start;

	SIM_BOOT(test, .ram_mb = 32);
	/* No other process: nothing to wait for, the requests fail at once. */
	waits = nr_alloc_waits;
	start = jiffies;
	n = hoard_lowmem(blocks, orders, ARRAY_SIZE(blocks));
	KUNIT_ASSERT_TRUE(test, n > 0 && n < ARRAY_SIZE(blocks));
	KUNIT_EXPECT_EQ(test, nr_alloc_waits, waits);
	KUNIT_EXPECT_EQ(test, jiffies, start);

	/*
	 * Another process is counted but none is on the task list (none the
	 * OOM killer can take memory from): the request sleeps its retries,
	 * the OOM killer finds nothing, and the request fails.
	 */
	nr_user_processes = 1;
	kills = sum_vm_event(OOM_KILL);
	mark = printk_mark();
	KUNIT_EXPECT_NULL(test, alloc_page(GFP_KERNEL));
	KUNIT_EXPECT_EQ(test, nr_alloc_waits, waits + MAX_RECLAIM_RETRIES);
	KUNIT_EXPECT_EQ(test, jiffies,
			start + MAX_RECLAIM_RETRIES * RECLAIM_THROTTLE);
	KUNIT_EXPECT_EQ(test, sum_vm_event(OOM_KILL), kills);
	KUNIT_EXPECT_FALSE(test, printk_since_contains(mark, "oom-killer"));
	KUNIT_EXPECT_TRUE(
		test,
		printk_since_contains(mark, "mm_sim: page allocation failure"));
	KUNIT_EXPECT_TRUE(test, task_is_running(current));
	/* GFP_ATOMIC goes below min, then fails without a sleep. */
	waits = nr_alloc_waits;
	atomic = hoard_atomic(blocks + n, orders + n, ARRAY_SIZE(blocks) - n);
	KUNIT_EXPECT_TRUE(test, atomic > 0 && n + atomic < ARRAY_SIZE(blocks));
	KUNIT_EXPECT_EQ(test, nr_alloc_waits, waits);
	n += atomic;
	nr_user_processes = 0;
	while (n--)
		__free_pages(blocks[n], orders[n]);
	KUNIT_EXPECT_NOT_NULL(test, alloc_page(GFP_KERNEL));
}

static void oom_killer_with_no_process_kills_nothing(struct kunit *test)
{
	unsigned long kills;
	printk_mark_t mark;

	SIM_BOOT(test, .ram_mb = 32);
	kills = sum_vm_event(OOM_KILL);
	mark = printk_mark();
	KUNIT_EXPECT_FALSE(test, out_of_memory(GFP_KERNEL, 0));
	KUNIT_EXPECT_EQ(test, sum_vm_event(OOM_KILL), kills);
	KUNIT_EXPECT_FALSE(test, printk_since_contains(mark, "oom-kill"));
}

static void kmap_of(void *page)
{
	kmap(page);
}

/*
 * The wait queue keeps the dead sleeper's entry afterwards: the case ends
 * here, and the next one boots a new machine.
 */
static void
kmap_on_full_pkmap_sleeps_and_the_sim_reports_a_hang(struct kunit *test)
{
	struct page *extra, *block;
	unsigned long waits;
	printk_mark_t mark;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	extra = alloc_page(GFP_HIGHMEM);
	block = alloc_pages(GFP_HIGHMEM, 10); /* LAST_PKMAP pages */
	KUNIT_ASSERT_TRUE(test, extra && block);
	for (int i = 0; i < LAST_PKMAP; i++)
		KUNIT_ASSERT_NOT_NULL(test, kmap(block + i));
	waits = nr_kmap_waits;
	mark = printk_mark();
	KUNIT_EXPECT_EQ(test, sim_catch_panic(kmap_of, extra), -EIO);
	KUNIT_EXPECT_EQ(test, nr_kmap_waits, waits + 1);
	KUNIT_EXPECT_TRUE(
		test,
		printk_since_contains(mark, "mm_sim/1 sleeps with no timeout"));
	KUNIT_EXPECT_TRUE(test, task_is_running(current));
	KUNIT_EXPECT_EQ(test, preempt_count(), 0U);
}

/*
 * Three slots, the middle one unmapped out of order (released): switched
 * out, every slot faults and the CPU's stack is empty; switched back in,
 * the two mapped slots show their pages again and the released one stays
 * unmapped until the top goes.
 */
static void kmap_local_slots_follow_their_task(struct kunit *test)
{
	struct task_struct *self;
	struct page *pages[3];
	unsigned long flags;
	void *addr[3];
	u32 val;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	self = current;
	for (int i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_HIGHMEM);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		addr[i] = kmap_local_page(pages[i]);
		KUNIT_ASSERT_NOT_NULL(test, addr[i]);
		KUNIT_EXPECT_EQ(test, poke32(addr[i], 0x500 + i), 0);
	}
	kunmap_local(addr[1]); /* a WARN: out of order */
	local_irq_save(flags);
	__kmap_local_sched_out(self);
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(0), 0);
	for (int i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, peek32(addr[i], &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, self->kmap_ctrl.idx, 3);

	local_irq_save(flags);
	__kmap_local_sched_in(self);
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(0), 3);
	KUNIT_EXPECT_EQ(test, self->kmap_ctrl.idx, 0);
	KUNIT_EXPECT_EQ(test, peek32(addr[1], &val), -EFAULT);
	for (int i = 0; i < 3; i += 2) {
		KUNIT_EXPECT_EQ(test, peek32(addr[i], &val), 0);
		KUNIT_EXPECT_EQ(test, val, 0x500U + i);
		KUNIT_EXPECT_PTR_EQ(test, kmap_local_slot_page(0, i), pages[i]);
	}
	kunmap_local(addr[2]); /* and the released slot below it */
	KUNIT_EXPECT_EQ(test, kmap_local_depth(0), 1);
	kunmap_local(addr[0]);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(0), 0);
	KUNIT_EXPECT_TRUE(test, kmap_self_check());
	for (int i = 0; i < 3; i++)
		__free_page(pages[i]);
}

static void new_pages_are_unmapped_and_rmap_counts_come_back(struct kunit *test)
{
	unsigned long anon, warnings;
	struct page *page, *again, *block;

	SIM_BOOT(test, .ram_mb = 32);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 0);
	anon = nr_anon_mapped;
	page_add_new_anon_rmap(page); /* a fault maps it */
	page_dup_rmap(page); /* fork shares it */
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 2);
	KUNIT_EXPECT_TRUE(test, PageAnon(page));
	KUNIT_EXPECT_EQ(test, nr_anon_mapped, anon + 1);
	page_remove_rmap(page);
	KUNIT_EXPECT_TRUE(test, page_mapped(page) && PageAnon(page));
	page_remove_rmap(page);
	KUNIT_EXPECT_FALSE(test, page_mapped(page));
	/* PG_anon stays until the page is freed: it names its LRU list. */
	KUNIT_EXPECT_TRUE(test, PageAnon(page));
	KUNIT_EXPECT_EQ(test, nr_anon_mapped, anon);
	/* One unmap too many: a WARN, and the count stays "unmapped". */
	warnings = nr_warnings;
	page_remove_rmap(page);
	KUNIT_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 0);
	KUNIT_EXPECT_EQ(test, nr_anon_mapped, anon);

	/* On a per-CPU list its links overlay _mapcount; handed out: -1. */
	__free_page(page);
	again = alloc_page(GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, again, page);
	KUNIT_EXPECT_EQ(test, page_mapcount(again), 0);
	/* The same through the free lists, merged and split again. */
	__free_page(again);
	drain_all_pages();
	block = alloc_pages(GFP_KERNEL, 3);
	KUNIT_ASSERT_NOT_NULL(test, block);
	KUNIT_EXPECT_EQ(test, page_mapcount(block), 0);
	__free_pages(block, 3);
}

static struct kunit_case task_cases[] = {
	KUNIT_CASE(gfp_kernel_failure_waits_its_retries_then_returns_null),
	KUNIT_CASE(oom_killer_with_no_process_kills_nothing),
	KUNIT_CASE(kmap_on_full_pkmap_sleeps_and_the_sim_reports_a_hang),
	KUNIT_CASE(kmap_local_slots_follow_their_task),
	KUNIT_CASE(new_pages_are_unmapped_and_rmap_counts_come_back),
	{}
};

static struct kunit_suite task_suite = {
	.name = "task_host",
	.test_cases = task_cases,
};
kunit_test_suite(task_suite);
