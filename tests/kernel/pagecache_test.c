// SPDX-License-Identifier: GPL-2.0
/*
 * pagecache_test.c - Verifies the block device's page cache and its
 * write-back (boots with the 64 MB virtio disk of tools/mkdisk.py; without
 * it every case skips, saying so): a block read twice goes to the disk
 * once and the disk's contents arrive intact; a read of many missing
 * pages is one bio; the cache's pages are highmem pages on the LRU lists;
 * a write stays in the cache (dirty, the disk unchanged) until sync, or
 * until the flusher finds it old enough; drop_caches makes the next read
 * come from the disk and keeps dirty pages; a writer that dirties more
 * than dirty_bytes is made to wait; the /proc/sys/vm knobs take Linux's
 * values and refuse others; readers on every CPU at once share one read.
 * Blocks written here are announced as "# disk-expect:" lines: the runner
 * reads the image after the boot and checks them.
 */
#include <completion.h>
#include <highmem.h>
#include <kernel.h>
#include <kthread.h>
#include <seq_file.h>
#include <sched.h>
#include <slab.h>
#include <smp.h>
#include <string.h>
#include <swap.h>
#include <timer.h>
#include <vmstat.h>
#include <writeback.h>

#include "pagecache_test_helpers.h"

/* Blocks this suite uses (the user programs use 2000-2999). */
#define PC_BLOCK 1000

static void pagecache_second_read_comes_from_the_cache(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long reads = pc_disk_reads(bdev);
	struct page *page;

	KTEST_ASSERT_EQ(test, pc_cached(bdev, PC_BLOCK, 1), 0);
	page = read_mapping_page(pc_mapping(bdev), PC_BLOCK, NULL);
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	KTEST_EXPECT_EQ(test, pc_disk_reads(bdev), reads + 1);
	KTEST_EXPECT_TRUE(test, pc_page_pattern_ok(page, PC_BLOCK));
	put_page(page);
	page = read_mapping_page(pc_mapping(bdev), PC_BLOCK, NULL);
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	KTEST_EXPECT_EQ(test, pc_disk_reads(bdev), reads + 1);
	KTEST_EXPECT_TRUE(test, pc_page_pattern_ok(page, PC_BLOCK));
	put_page(page);
}

static void pagecache_many_missing_pages_are_one_bio(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long reads = pc_disk_reads(bdev);
	unsigned long sectors = bdev->bd_stats.sectors[0];

	KTEST_ASSERT_EQ(test, pc_cache_blocks(bdev, PC_BLOCK, 16), 0);
	KTEST_EXPECT_EQ(test, pc_disk_reads(bdev), reads + 1);
	KTEST_EXPECT_EQ(test, bdev->bd_stats.sectors[0], sectors + 16 * 8);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, PC_BLOCK, 16), 16);
	for (unsigned long b = PC_BLOCK; b < PC_BLOCK + 16; b++) {
		struct page *page = find_get_page(pc_mapping(bdev), b);

		KTEST_ASSERT_NOT_NULL(test, page);
		KTEST_EXPECT_TRUE(test, pc_page_pattern_ok(page, b));
		put_page(page);
	}
}

static void pagecache_pages_are_highmem_pages_on_the_lru(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long inactive = node_page_state(NR_INACTIVE_FILE);
	unsigned long buffers = nr_blockdev_pages();
	struct page *page;

	page = read_mapping_page(pc_mapping(bdev), PC_BLOCK, NULL);
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	/* GFP_HIGHUSER_MOVABLE: highmem when the machine has some. */
	KTEST_EXPECT_PTR_EQ(test, page_zone(page), test_highmem_zone());
	KTEST_EXPECT_TRUE(test, PageLRU(page));
	KTEST_EXPECT_FALSE(test, PageActive(page));
	KTEST_EXPECT_PTR_EQ(test, page->mapping, pc_mapping(bdev));
	KTEST_EXPECT_EQ(test, page->index, PC_BLOCK);
	KTEST_EXPECT_EQ(test, node_page_state(NR_INACTIVE_FILE), inactive + 1);
	KTEST_EXPECT_EQ(test, nr_blockdev_pages(), buffers + 1);
	/* Used twice: to the active list. */
	mark_page_accessed(page);
	mark_page_accessed(page);
	KTEST_EXPECT_TRUE(test, PageActive(page));
	KTEST_EXPECT_EQ(test, node_page_state(NR_INACTIVE_FILE), inactive);
	put_page(page);
}

static void pagecache_write_stays_in_the_cache_until_sync(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long dirty = node_page_state(NR_FILE_DIRTY);
	unsigned long pgpgout = sum_vm_event(PGPGOUT);
	unsigned long b = PC_BLOCK + 20;

	KTEST_ASSERT_EQ(test,
			pc_write_header(bdev, b, "ktest: written, synced"), 0);
	KTEST_EXPECT_EQ(test, node_page_state(NR_FILE_DIRTY), dirty + 1);
	/* The disk still has the old block. */
	KTEST_EXPECT_FALSE(test, pc_disk_has_header(bdev, b,
						    "ktest: written, synced"));
	sync_bdevs();
	KTEST_EXPECT_EQ(test, node_page_state(NR_FILE_DIRTY), dirty);
	KTEST_EXPECT_EQ(test, node_page_state(NR_WRITEBACK), 0);
	KTEST_EXPECT_TRUE(test, pc_disk_has_header(bdev, b,
						   "ktest: written, synced"));
	KTEST_EXPECT_EQ(test, sum_vm_event(PGPGOUT), pgpgout + 8);
	pc_disk_expect(b, "ktest: written, synced");
}

static void pagecache_flusher_writes_old_dirty_pages(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long written = bdev->bd_wb.nr_written, b = PC_BLOCK + 21;
	struct pc_knobs saved;
	int waited = 0;

	pc_knobs_save(&saved);
	/* Old at once, looked at every second: the flusher's work, quickly. */
	KTEST_EXPECT_EQ(test,
			proc_write("sys/vm/dirty_expire_centisecs", "0", 1), 1);
	KTEST_EXPECT_EQ(
		test, proc_write("sys/vm/dirty_writeback_centisecs", "100", 3),
		3);
	KTEST_EXPECT_EQ(test, pc_write_header(bdev, b, "ktest: by the flusher"),
			0);
	while (bdev->bd_wb.nr_written == written && waited < 300) {
		msleep(10);
		waited++;
	}
	filemap_fdatawait(pc_mapping(bdev));
	pc_knobs_restore(&saved);
	KTEST_EXPECT_GT(test, bdev->bd_wb.nr_written, written);
	/* Within one interval (1 s) and a little. */
	KTEST_EXPECT_LT(test, waited, 250);
	KTEST_EXPECT_TRUE(test,
			  pc_disk_has_header(bdev, b, "ktest: by the flusher"));
	pc_disk_expect(b, "ktest: by the flusher");
}

static void pagecache_flusher_waits_for_the_expiry(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long written = bdev->bd_wb.nr_written, b = PC_BLOCK + 22;
	struct pc_knobs saved;

	pc_knobs_save(&saved);
	dirty_expire_interval = 3000; /* 30 s: Linux's default */
	dirty_writeback_interval = 50; /* a look every 0.5 s */
	KTEST_EXPECT_EQ(test, pc_write_header(bdev, b, "ktest: expired later"),
			0);
	msleep(1500); /* three looks: the page is 1.5 s old, not 30 */
	KTEST_EXPECT_EQ(test, bdev->bd_wb.nr_written, written);
	KTEST_EXPECT_FALSE(test,
			   pc_disk_has_header(bdev, b, "ktest: expired later"));
	pc_knobs_restore(&saved);
	sync_bdevs();
	KTEST_EXPECT_TRUE(test,
			  pc_disk_has_header(bdev, b, "ktest: expired later"));
	pc_disk_expect(b, "ktest: expired later");
}

static void pagecache_drop_caches_rereads_from_the_disk(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long reads;

	KTEST_ASSERT_EQ(test, pc_cache_blocks(bdev, PC_BLOCK, 4), 0);
	KTEST_EXPECT_EQ(test, proc_write("sys/vm/drop_caches", "1\n", 2), 2);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, PC_BLOCK, 4), 0);
	reads = pc_disk_reads(bdev);
	KTEST_ASSERT_EQ(test, pc_cache_blocks(bdev, PC_BLOCK, 4), 0);
	KTEST_EXPECT_EQ(test, pc_disk_reads(bdev), reads + 1);
}

static void pagecache_drop_caches_keeps_dirty_pages(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long b = PC_BLOCK + 23;

	KTEST_ASSERT_EQ(test, pc_write_header(bdev, b, "ktest: kept dirty"), 0);
	drop_caches(1);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, b, 1), 1);
	KTEST_EXPECT_GE(test, node_page_state(NR_FILE_DIRTY), 1);
	sync_bdevs();
	drop_caches(1);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, b, 1), 0);
	KTEST_EXPECT_TRUE(test,
			  pc_disk_has_header(bdev, b, "ktest: kept dirty"));
	pc_disk_expect(b, "ktest: kept dirty");
}

static void pagecache_writer_is_throttled_above_dirty_bytes(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned long pauses = nr_dirty_throttle_pauses, peak = 0;
	unsigned long first = PC_BLOCK + 100, bg, thresh;
	struct pc_knobs saved;

	pc_knobs_save(&saved);
	KTEST_EXPECT_EQ(test, proc_write("sys/vm/dirty_bytes", "262144", 6), 6);
	KTEST_EXPECT_EQ(
		test, proc_write("sys/vm/dirty_background_bytes", "131072", 6),
		6);
	global_dirty_limits(&bg, &thresh);
	KTEST_EXPECT_EQ(test, thresh, 64);
	KTEST_EXPECT_EQ(test, bg, 32);
	KTEST_EXPECT_EQ(test, vm_dirty_ratio, 0);
	for (unsigned long b = first; b < first + 512; b++) {
		unsigned long now;

		if (pc_write_header(bdev, b, "ktest: throttled")) {
			ktest_fail(test, "block %lu could not be written", b);
			break;
		}
		balance_dirty_pages_ratelimited(pc_mapping(bdev));
		now = node_page_state(NR_FILE_DIRTY) +
		      node_page_state(NR_WRITEBACK);
		peak = max(peak, now);
	}
	sync_bdevs();
	pc_knobs_restore(&saved);
	KTEST_EXPECT_GT(test, nr_dirty_throttle_pauses, pauses);
	/* Held near the limit: 64 pages, plus a batch of 32 between looks. */
	KTEST_EXPECT_LE(test, peak, 64 + 32 + 16);
	KTEST_EXPECT_TRUE(test,
			  pc_disk_has_header(bdev, first, "ktest: throttled"));
	KTEST_EXPECT_TRUE(test, pc_disk_has_header(bdev, first + 511,
						   "ktest: throttled"));
	pc_disk_expect(first, "ktest: throttled");
	pc_disk_expect(first + 511, "ktest: throttled");
}

static void pagecache_vm_knobs_take_linux_values(struct ktest *test)
{
	struct pc_knobs saved;
	char buf[32];

	pc_knobs_save(&saved);
	KTEST_EXPECT_EQ(test, proc_read("sys/vm/dirty_ratio", buf, sizeof(buf)),
			3);
	KTEST_EXPECT_STREQ(test, buf, "20\n");
	KTEST_EXPECT_GT(test,
			proc_read("sys/vm/dirty_expire_centisecs", buf,
				  sizeof(buf)),
			0);
	KTEST_EXPECT_STREQ(test, buf, "3000\n");
	proc_read("sys/vm/dirty_writeback_centisecs", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "500\n");
	proc_read("sys/vm/dirty_background_ratio", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "10\n");
	KTEST_EXPECT_EQ(test, proc_write("sys/vm/dirty_ratio", "101", 3),
			-EINVAL);
	KTEST_EXPECT_EQ(test, proc_write("sys/vm/dirty_ratio", "-1", 2),
			-EINVAL);
	KTEST_EXPECT_EQ(test, proc_write("sys/vm/dirty_ratio", "x", 1),
			-EINVAL);
	KTEST_EXPECT_EQ(test, proc_write("sys/vm/dirty_bytes", "4096", 4),
			-EINVAL); /* under two pages */
	KTEST_EXPECT_EQ(test, proc_write("sys/vm/drop_caches", "5", 1),
			-EINVAL);
	KTEST_EXPECT_EQ(test, proc_write("meminfo", "1", 1), -EACCES);
	KTEST_EXPECT_EQ(test, proc_write("sys/vm/dirty_ratio", " 15\n", 4), 4);
	KTEST_EXPECT_EQ(test, vm_dirty_ratio, 15);
	proc_read("sys/vm/drop_caches", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(test, buf, "0\n");
	pc_knobs_restore(&saved);
}

/* --- readers on every CPU ------------------------------------------------- */

struct pc_reader {
	struct block_device *bdev;
	unsigned long first, nr;
	bool ok;
	struct completion done;
	struct task_struct *task; /* held until it has ended */
};

static int pc_reader_fn(void *data)
{
	struct pc_reader *r = data;

	r->ok = true;
	for (unsigned long b = r->first; b < r->first + r->nr; b++) {
		struct page *page =
			read_mapping_page(pc_mapping(r->bdev), b, NULL);

		if (IS_ERR(page) || !pc_page_pattern_ok(page, b))
			r->ok = false;
		if (!IS_ERR(page))
			put_page(page);
	}
	complete(&r->done);
	return 0;
}

static void pagecache_readers_on_every_cpu_share_one_read(struct ktest *test)
{
	struct block_device *bdev = pc_bdev_or_skip(test);
	unsigned int cpus = num_online_cpus(), n = 0;
	struct pc_reader *r = kcalloc(cpus, sizeof(*r), GFP_KERNEL);
	unsigned long sectors = bdev->bd_stats.sectors[0];
	unsigned int cpu;

	KTEST_ASSERT_NOT_NULL(test, r);
	for_each_online_cpu(cpu) {
		struct task_struct *t;

		r[n] = (struct pc_reader){ .bdev = bdev,
					   .first = PC_BLOCK + 700,
					   .nr = 64 };
		init_completion(&r[n].done);
		t = kthread_create(pc_reader_fn, &r[n], "pcread/%u", cpu);
		if (IS_ERR(t))
			break;
		kthread_bind(t, cpu);
		get_task_struct(t);
		r[n].task = t;
		wake_up_process(t);
		n++;
	}
	for (unsigned int i = 0; i < n; i++) {
		wait_for_completion(&r[i].done);
		KTEST_EXPECT_TRUE(test, r[i].ok);
		/*
		 * Ended, not only done: a thread still on its way out after
		 * complete() is not dying yet, and the leak check, which
		 * waits for dying tasks only, would count its stack.
		 */
		kthread_stop(r[i].task);
		put_task_struct(r[i].task);
	}
	KTEST_EXPECT_EQ(test, n, cpus);
	/* Every block came from the disk exactly once. */
	KTEST_EXPECT_EQ(test, bdev->bd_stats.sectors[0], sectors + 64 * 8);
	KTEST_EXPECT_EQ(test, pc_cached(bdev, PC_BLOCK + 700, 64), 64);
	kfree(r);
}

static const struct ktest_case pagecache_cases[] = {
	KTEST_CASE(pagecache_second_read_comes_from_the_cache),
	KTEST_CASE(pagecache_many_missing_pages_are_one_bio),
	KTEST_CASE(pagecache_pages_are_highmem_pages_on_the_lru),
	KTEST_CASE(pagecache_write_stays_in_the_cache_until_sync),
	KTEST_CASE(pagecache_flusher_writes_old_dirty_pages),
	KTEST_CASE(pagecache_flusher_waits_for_the_expiry),
	KTEST_CASE(pagecache_drop_caches_rereads_from_the_disk),
	KTEST_CASE(pagecache_drop_caches_keeps_dirty_pages),
	KTEST_CASE(pagecache_writer_is_throttled_above_dirty_bytes),
	KTEST_CASE(pagecache_vm_knobs_take_linux_values),
	KTEST_CASE(pagecache_readers_on_every_cpu_share_one_read),
	{}
};
KTEST_SUITE(pagecache, pagecache_cases);
