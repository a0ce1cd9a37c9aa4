// SPDX-License-Identifier: GPL-2.0
/*
 * reclaim_test.c - Verifies reclaim (boots with the virtio disk; without
 * it every case skips): clean page cache is freed before dirty pages,
 * which are written first and never lost; a page someone holds is not
 * freed; kswapd wakes when every zone a request may use is below its low
 * watermark and sleeps once one is above its high watermark, having freed
 * only part of the cache; GFP_ATOMIC fails while reclaimable cache
 * remains and GFP_KERNEL then succeeds by reclaiming it itself; GFP_NOIO
 * reclaim writes nothing; allocations only fail once no reclaimable cache
 * is left; a whole cycle (read, write, reclaim, sync, drop) gives back
 * every page; a process's anonymous pages are on the LRU lists but never
 * scanned (no swap); a program that needs memory held by clean cache gets
 * it without the OOM killer.  Cases that need a quiet kswapd hold it in Linux's
 * "unreclaimable node" state for their duration.
 */
#include <cmdline.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <umh.h>
#include <slab.h>
#include <swap.h>
#include <timer.h>
#include <vmstat.h>
#include <writeback.h>

#include "pagecache_test_helpers.h"

/* Blocks this suite uses (pagecache_test.c uses 1000-1999). */
#define RC_BLOCK 4000

/* Every populated zone down to its low watermark: the next request of
 * the highest zone's kind takes the slow path. */
static void rc_fill_to_low(struct hoard *h)
{
	for (int z = MAX_NR_ZONES - 1; z >= 0; z--)
		if (populated_zone(&zones[z]))
			pc_fill_zone_to(h, &zones[z], 0);
}

static void reclaim_frees_clean_pages_before_dirty_ones(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long steal = sum_vm_event(PGSTEAL_DIRECT);
	unsigned long freed, clean_freed, dirty_freed;

	pc_kswapd_hold();
	/*
	 * Nothing else on the file lists: a page the cases before left
	 * (written back after their hooks dropped the cache) would sit at
	 * the inactive tail, below these, and be freed first.
	 */
	sync_bdevs();
	drop_caches(1);
	/* 32 dirty pages at the inactive list's tail, 64 clean above. */
	for (unsigned long b = RC_BLOCK; b < RC_BLOCK + 32; b++)
		KTEST_EXPECT_EQ(test,
				pc_write_header(bdev, b, "reclaim: dirty"), 0);
	KTEST_EXPECT_EQ(test, pc_cache_blocks(bdev, RC_BLOCK + 32, 64), 0);
	freed = shrink_all_memory(32, GFP_KERNEL);
	clean_freed = 64 - pc_cached(bdev, RC_BLOCK + 32, 64);
	dirty_freed = 32 - pc_cached(bdev, RC_BLOCK, 32);
	KTEST_EXPECT_GE(test, freed, 32);
	KTEST_EXPECT_GE(test, sum_vm_event(PGSTEAL_DIRECT) - steal, 32);
	KTEST_EXPECT_GE(test, clean_freed + dirty_freed, 32);
	/*
	 * Clean pages went, though the dirty ones were nearer the tail: the
	 * scan starts a dirty page's write and passes it over (a reclaim
	 * that wrote and freed in list order would free no clean page).  A
	 * dirty page whose write ends during the call comes back clean to
	 * the tail (PG_reclaim's rotation) and may go too, as on Linux.
	 */
	KTEST_EXPECT_GT(test, clean_freed, 0);
	/* A dirty page that left the cache had been written first. */
	filemap_fdatawait(pc_mapping(bdev));
	for (unsigned long b = RC_BLOCK; b < RC_BLOCK + 32; b++)
		if (!pc_cached(bdev, b, 1))
			KTEST_EXPECT_TRUE(test,
					  pc_disk_has_header(bdev, b,
							     "reclaim: dirty"));
	sync_bdevs();
	pc_kswapd_release();
	pc_disk_expect(RC_BLOCK, "reclaim: dirty");
}

static void reclaim_writes_dirty_pages_and_loses_none(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long pgpgout = sum_vm_event(PGPGOUT), first = RC_BLOCK + 100;
	unsigned long left = 256;

	pc_kswapd_hold();
	for (unsigned long b = first; b < first + 256; b++)
		KTEST_EXPECT_EQ(
			test, pc_write_header(bdev, b, "reclaim: written"), 0);
	/* Reclaim alone (no sync): it writes each page, then frees it. */
	for (int round = 0; round < 100 && left; round++) {
		shrink_all_memory(256, GFP_KERNEL);
		filemap_fdatawait(pc_mapping(bdev));
		left = pc_cached(bdev, first, 256);
	}
	pc_kswapd_release();
	KTEST_EXPECT_EQ(test, left, 0);
	KTEST_EXPECT_EQ(test, sum_vm_event(PGPGOUT) - pgpgout, 256 * 8);
	KTEST_EXPECT_GT(test, sum_vm_event(PGROTATED), 0);
	KTEST_EXPECT_EQ(test, node_page_state(NR_FILE_DIRTY), 0);
	for (unsigned long b = first; b < first + 256; b++)
		if (!pc_disk_has_header(bdev, b, "reclaim: written"))
			ktest_fail(test, "block %lu lost its write", b);
	pc_disk_expect(first, "reclaim: written");
	pc_disk_expect(first + 255, "reclaim: written");
}

static void reclaim_keeps_a_page_someone_holds(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	struct page *page;

	pc_kswapd_hold();
	KTEST_EXPECT_EQ(test, pc_cache_blocks(bdev, RC_BLOCK, 8), 0);
	page = find_get_page(pc_mapping(bdev), RC_BLOCK);
	KTEST_ASSERT_NOT_NULL(test, page);
	shrink_all_memory(64, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, RC_BLOCK, 1), 1);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, RC_BLOCK + 1, 7), 0);
	put_page(page);
	shrink_all_memory(64, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, RC_BLOCK, 1), 0);
	pc_kswapd_release();
}

static void reclaim_noio_request_writes_nothing(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long pgpgout = sum_vm_event(PGPGOUT);

	pc_kswapd_hold();
	for (unsigned long b = RC_BLOCK + 500; b < RC_BLOCK + 516; b++)
		KTEST_EXPECT_EQ(test, pc_write_header(bdev, b, "reclaim: noio"),
				0);
	/* A request from the disk's own path: only clean pages; none here. */
	KTEST_EXPECT_EQ(test, shrink_all_memory(16, GFP_NOIO), 0);
	KTEST_EXPECT_EQ(test, sum_vm_event(PGPGOUT), pgpgout);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, RC_BLOCK + 500, 16), 16);
	/* GFP_KERNEL's reclaim writes them (pgpgout counts sectors). */
	shrink_all_memory(16, GFP_KERNEL);
	KTEST_EXPECT_GT(test, sum_vm_event(PGPGOUT), pgpgout);
	sync_bdevs();
	KTEST_EXPECT_EQ(test, sum_vm_event(PGPGOUT), pgpgout + 16 * 8);
	pc_kswapd_release();
	pc_disk_expect(RC_BLOCK + 515, "reclaim: noio");
}

static void
reclaim_kswapd_wakes_below_low_and_sleeps_above_high(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	struct zone *zone = test_highmem_zone();
	unsigned long wakeups = nr_kswapd_wakeups;
	unsigned long steal = sum_vm_event(PGSTEAL_KSWAPD), nr;
	struct hoard h;
	struct page *page;

	/* Enough cache to lift the zone from low to high, and more. */
	nr = high_wmark_pages(zone) - low_wmark_pages(zone) + 2048;
	KTEST_ASSERT_TRUE(test, pc_wait_kswapd_idle());
	pc_kswapd_release();
	KTEST_ASSERT_EQ(test, pc_cache_blocks(bdev, RC_BLOCK, nr), 0);
	hoard_init(&h);
	rc_fill_to_low(&h);
	/* All below low: this one takes the slow path and wakes kswapd. */
	page = alloc_page(test_zone_gfp(zone) | __GFP_NOWARN);
	if (page)
		hoard_add(&h, page, 0);
	KTEST_EXPECT_NOT_NULL(test, page);
	msleep(20); /* kswapd runs (on this CPU too when we sleep) */
	KTEST_EXPECT_TRUE(test, pc_wait_kswapd_idle());
	KTEST_EXPECT_GT(test, nr_kswapd_wakeups, wakeups);
	KTEST_EXPECT_GT(test, sum_vm_event(PGSTEAL_KSWAPD), steal);
	/* Asleep above the high watermark, with some cache still there. */
	drain_all_pages();
	KTEST_EXPECT_GT(test, zone->free_pages, high_wmark_pages(zone));
	KTEST_EXPECT_GT(test, pc_cached(bdev, RC_BLOCK, nr), 0);
	hoard_release(&h);
}

static void reclaim_atomic_fails_where_kernel_reclaims(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	struct zone *normal = test_kernel_zone();
	unsigned long stalls = sum_vm_event(ALLOCSTALL_NORMAL);
	unsigned long steal = sum_vm_event(PGSTEAL_DIRECT);
	/* More cache than GFP_ATOMIC can take below min: reclaim lifts it. */
	unsigned long nr = 2 * min_wmark_pages(normal) + 512;
	struct page *page, *cached;
	struct hoard h;

	pc_kswapd_hold();
	hoard_init(&h);
	/* Highmem full, the cache falls back to Normal. */
	if (populated_zone(&zones[ZONE_HIGHMEM]))
		pc_fill_zone_to(&h, &zones[ZONE_HIGHMEM], 0);
	KTEST_EXPECT_EQ(test, pc_cache_blocks(bdev, RC_BLOCK, nr), 0);
	cached = find_get_page(pc_mapping(bdev), RC_BLOCK);
	KTEST_ASSERT_NOT_NULL(test, cached);
	KTEST_EXPECT_PTR_EQ(test, page_zone(cached), normal);
	put_page(cached);
	pc_fill_zone_to(&h, normal, 0);
	/* GFP_ATOMIC takes what it may (below min), then fails ... */
	while ((page = alloc_page(GFP_ATOMIC | __GFP_NOWARN)))
		hoard_add(&h, page, 0);
	/* ... with the cache still there: it may not reclaim. */
	KTEST_EXPECT_EQ(test, pc_cached(bdev, RC_BLOCK, nr), nr);
	KTEST_EXPECT_EQ(test, sum_vm_event(ALLOCSTALL_NORMAL), stalls);
	/* GFP_KERNEL reclaims the cache itself and gets its page. */
	page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	KTEST_EXPECT_NOT_NULL(test, page);
	if (page)
		hoard_add(&h, page, 0);
	KTEST_EXPECT_GT(test, sum_vm_event(ALLOCSTALL_NORMAL), stalls);
	KTEST_EXPECT_GT(test, sum_vm_event(PGSTEAL_DIRECT), steal);
	KTEST_EXPECT_LT(test, pc_cached(bdev, RC_BLOCK, nr), nr);
	hoard_release(&h);
	pc_kswapd_release();
}

static void reclaim_allocations_fail_only_without_cache(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	struct hoard h;
	struct page *page;

	pc_kswapd_hold();
	hoard_init(&h);
	if (populated_zone(&zones[ZONE_HIGHMEM]))
		pc_fill_zone_to(&h, &zones[ZONE_HIGHMEM], 0);
	KTEST_EXPECT_EQ(test, pc_cache_blocks(bdev, RC_BLOCK, 256), 0);
	pc_fill_zone_to(&h, test_kernel_zone(), 0);
	/* GFP_KERNEL until it fails: by then reclaim took all the cache. */
	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN)))
		hoard_add(&h, page, 0);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, RC_BLOCK, 256), 0);
	KTEST_EXPECT_EQ(test, reclaimable_pages_below(ZONE_NORMAL), 0);
	hoard_release(&h);
	pc_kswapd_release();
}

static void reclaim_full_cycle_gives_every_page_back(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long before[MAX_NR_ZONES];

	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++)
		before[z] = zones[z].free_pages;
	KTEST_EXPECT_EQ(test, pc_cache_blocks(bdev, RC_BLOCK + 2000, 1024), 0);
	for (unsigned long b = RC_BLOCK + 2000; b < RC_BLOCK + 3024; b += 8)
		pc_write_header(bdev, b, "reclaim: cycle");
	shrink_all_memory(300, GFP_KERNEL);
	sync_bdevs();
	drop_caches(3);
	KTEST_EXPECT_EQ(test, pc_mapping(bdev)->nrpages, 0);
	KTEST_EXPECT_EQ(test, node_page_state(NR_FILE_DIRTY), 0);
	KTEST_EXPECT_EQ(test, node_page_state(NR_ISOLATED_FILE), 0);
	KTEST_EXPECT_EQ(test,
			node_page_state(NR_INACTIVE_FILE) +
				node_page_state(NR_ACTIVE_FILE),
			0);
	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++)
		KTEST_EXPECT_EQ(test, zones[z].free_pages, before[z]);
	pc_disk_expect(RC_BLOCK + 3016, "reclaim: cycle");
}

/* --- with a program: anonymous memory, the OOM killer ------------------------ */

static const char *const rc_envp[] = { "HOME=/", NULL };

/*
 * Start `hog MB` (user/hog.c: touches MB of anonymous memory, then
 * sleeps) and wait until it holds them or has ended: its pid, or <= 0.
 */
static int rc_start_hog(struct ktest *test, struct umh_info *info,
			const char **argv)
{
	int pid, tries = 0;
	/* MB to pages: hog's argument. */
	unsigned long want = simple_strtoul(argv[1], NULL, 10)
			     << (20 - PAGE_SHIFT);

	if (IS_ERR_OR_NULL(path_lookup("/user/hog", NULL, NULL)))
		ktest_skip(
			test,
			"needs the initramfs (/user/hog): boot with -initrd");
	*info = (struct umh_info){ .path = "/user/hog",
				   .argv = argv,
				   .envp = rc_envp,
				   .quiet = true };
	pid = umh_spawn(info, false);
	while (pid > 0 && tries++ < 1000) {
		struct task_struct *task = find_get_task_by_vpid(pid);
		bool there;

		if (!task)
			break;
		/* Exec'd (its own name), holding its pages, asleep; or dead. */
		there = (task->flags & PF_EXITING) ||
			(!strcmp(task->comm, "hog") && task->mm &&
			 get_mm_counter(task->mm, MM_ANONPAGES) >= want &&
			 READ_ONCE(task->__state) != TASK_RUNNING);
		put_task_struct(task);
		if (there)
			break;
		schedule_timeout_uninterruptible(1);
	}
	return pid;
}

static void rc_stop_hog(struct umh_info *info, int pid)
{
	struct task_struct *task;

	if (pid <= 0)
		return;
	task = find_get_task_by_vpid(pid);
	if (task) {
		send_sig(SIGKILL, task);
		put_task_struct(task);
	}
	umh_wait(info, pid);
}

static void reclaim_anonymous_pages_are_listed_not_reclaimed(struct ktest *test)
{
	const char *argv[] = { "hog", "4", NULL };
	unsigned long anon = node_page_state(NR_INACTIVE_ANON) +
			     node_page_state(NR_ACTIVE_ANON);
	unsigned long scanned = sum_vm_event(PGSCAN_ANON);
	struct umh_info info;
	int pid;

	pc_bdev_or_skip(test);
	pid = rc_start_hog(test, &info, argv);
	KTEST_EXPECT_GT(test, pid, 0);
	/* 4 MB of a process's pages: on the anonymous LRU list ... */
	KTEST_EXPECT_GE(test,
			node_page_state(NR_INACTIVE_ANON) +
				node_page_state(NR_ACTIVE_ANON),
			anon + 1024);
	/* ... and reclaim passes them by: there is no swap. */
	shrink_all_memory(4096, GFP_KERNEL);
	KTEST_EXPECT_EQ(test, sum_vm_event(PGSCAN_ANON), scanned);
	KTEST_EXPECT_GE(test,
			node_page_state(NR_INACTIVE_ANON) +
				node_page_state(NR_ACTIVE_ANON),
			anon + 1024);
	rc_stop_hog(&info, pid);
	KTEST_EXPECT_LT(test,
			node_page_state(NR_INACTIVE_ANON) +
				node_page_state(NR_ACTIVE_ANON),
			anon + 1024);
}

static void reclaim_no_oom_kill_while_cache_remains(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	const char *argv[] = { "hog", "8", NULL };
	unsigned long kills = sum_vm_event(OOM_KILL);
	struct umh_info info;
	struct hoard h;
	int pid;

	/* 16 MB of clean cache, and memory otherwise at its low marks. */
	KTEST_EXPECT_EQ(test, pc_cache_blocks(bdev, RC_BLOCK, 4096), 0);
	hoard_init(&h);
	rc_fill_to_low(&h);
	/* A program needs 8 MB: reclaim gives it the cache's pages. */
	pid = rc_start_hog(test, &info, argv);
	KTEST_EXPECT_GT(test, pid, 0);
	KTEST_EXPECT_EQ(test, sum_vm_event(OOM_KILL), kills);
	KTEST_EXPECT_LT(test, pc_cached(bdev, RC_BLOCK, 4096), 4096);
	KTEST_EXPECT_GT(test, pc_cached(bdev, RC_BLOCK, 4096), 0);
	rc_stop_hog(&info, pid);
	hoard_release(&h);
}

static const struct ktest_case reclaim_cases[] = {
	KTEST_CASE(reclaim_frees_clean_pages_before_dirty_ones),
	KTEST_CASE(reclaim_writes_dirty_pages_and_loses_none),
	KTEST_CASE(reclaim_keeps_a_page_someone_holds),
	KTEST_CASE(reclaim_noio_request_writes_nothing),
	KTEST_CASE(reclaim_kswapd_wakes_below_low_and_sleeps_above_high),
	KTEST_CASE(reclaim_atomic_fails_where_kernel_reclaims),
	KTEST_CASE(reclaim_allocations_fail_only_without_cache),
	KTEST_CASE(reclaim_full_cycle_gives_every_page_back),
	KTEST_CASE(reclaim_anonymous_pages_are_listed_not_reclaimed),
	KTEST_CASE(reclaim_no_oom_kill_while_cache_remains),
	{}
};
KTEST_SUITE(reclaim, reclaim_cases);
