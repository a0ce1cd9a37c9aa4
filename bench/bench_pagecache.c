// SPDX-License-Identifier: GPL-2.0
/*
 * bench_pagecache.c - benchmarks of the page cache and reclaim (boots
 * with the virtio disk; without it the rows are skipped).
 *
 * The kernel's half of a cached read: the lookup (find_get_page +
 * put_page), and the lookup with the copy out of the highmem page through
 * kmap_local (read_mapping_page, memcpy of 4 KB, put_page); the user rows
 * (user/bench/bench_pagecache.c) add the system call and copy_to_user.
 * And reclaim of clean page cache: shrink_all_memory() of n pages that
 * are cached, clean and inactive (read before the batch, untimed), per
 * page freed: the LRU scan, the isolation, the removal from the cache,
 * the free.  Linux does not export its reclaim to modules, so this row
 * has no twin; `make bench-user` compares dropping clean pages instead.
 */
#include <bench.h>
#include <blkdev.h>
#include <errno.h>
#include <highmem.h>
#include <pagemap.h>
#include <string.h>
#include <swap.h>

#define PC_BENCH_BLOCK 8000 /* the blocks the rows use */

static struct address_space *pc_mapping;
static char pc_buf[PAGE_SIZE];

static const char *pc_setup(void)
{
	struct block_device *bdev = blkdev_get_by_name("vda");
	struct page *page;

	if (!bdev)
		return "needs a virtio disk (-drive if=virtio)";
	pc_mapping = bdev->bd_inode->i_mapping;
	page = read_mapping_page(pc_mapping, PC_BENCH_BLOCK, NULL);
	if (IS_ERR(page))
		return "the disk cannot be read";
	put_page(page);
	return NULL;
}

static void pc_teardown(void)
{
	drop_caches(1);
}

static void bench_find_get_page(unsigned long n)
{
	while (n--)
		put_page(find_get_page(pc_mapping, PC_BENCH_BLOCK));
}

static void bench_read_page(unsigned long n)
{
	while (n--) {
		struct page *page =
			read_mapping_page(pc_mapping, PC_BENCH_BLOCK, NULL);
		char *kaddr = kmap_local_page(page);

		memcpy(pc_buf, kaddr, PAGE_SIZE);
		kunmap_local(kaddr);
		put_page(page);
	}
	bench_use(pc_buf[0]);
}

#define RECLAIM_SHIFT 2 /* 1,024 pages a batch at bench.iters=4096 */

/* Before each batch: the pages the batch will free, cached and clean. */
static void pc_prepare_reclaim(void)
{
	unsigned long n = max(bench_iters >> RECLAIM_SHIFT, 1UL);

	drop_caches(1);
	page_cache_read_range(NULL, pc_mapping, PC_BENCH_BLOCK, n);
	filemap_fdatawait(pc_mapping); /* (reads: nothing to wait for) */
	for (unsigned long i = 0; i < n; i++) {
		struct page *page =
			read_mapping_page(pc_mapping, PC_BENCH_BLOCK + i, NULL);

		if (!IS_ERR(page))
			put_page(page);
	}
}

static void bench_reclaim(unsigned long n)
{
	if (n)
		shrink_all_memory(n, GFP_KERNEL);
}

const struct bench_op bench_pagecache_ops[] = {
	{ .id = "pagecache_find_get_page",
	  .desc = "find_get_page + put_page, page cached",
	  .setup = pc_setup,
	  .run = bench_find_get_page,
	  .teardown = pc_teardown },
	{ .id = "pagecache_read_page_4k",
	  .desc = "read_mapping_page + kmap_local + 4 KB memcpy + put_page",
	  .shift = 2,
	  .setup = pc_setup,
	  .run = bench_read_page,
	  .teardown = pc_teardown },
	{ .id = "reclaim_clean_page",
	  .desc = "reclaim of a clean cached page (shrink_all_memory, 1,024)",
	  .shift = RECLAIM_SHIFT,
	  .setup = pc_setup,
	  .prepare = pc_prepare_reclaim,
	  .run = bench_reclaim,
	  .teardown = pc_teardown },
	{}
};
