/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagecache_test_helpers.h - what the page cache and reclaim suites share:
 * the disk (vda, or a skip), its known contents (tools/mkdisk.py's
 * pattern), reading a block past the cache, writing one through it,
 * waiting for kswapd and the flusher, and filling zones down to a number
 * of free pages without entering the allocator's slow path.
 */
#ifndef _PAGECACHE_TEST_HELPERS_H
#define _PAGECACHE_TEST_HELPERS_H

#include <blkdev.h>
#include <ktest.h>
#include <pagemap.h>

#include "mm_test_helpers.h"

#define PC_HEADER 32 /* the block's first line: "kmem386 disk block N" */

/* vda, or skip the case ("needs a virtio disk"). */
struct block_device *pc_bdev_or_skip(struct ktest *test);
static inline struct address_space *pc_mapping(struct block_device *bdev)
{
	return bdev->bd_inode->i_mapping;
}

/* Does buf hold block's fresh contents (from header_from on)? */
bool pc_pattern_ok(const char *buf, unsigned long block, size_t header_from);
/* The fresh first line of a block, into line[PC_HEADER + 1]. */
void pc_pattern_header(unsigned long block, char *line);
/* Does the cached page hold the block's fresh contents? */
bool pc_page_pattern_ok(struct page *page, unsigned long block);
/* The block as the disk has it (a bio past the cache): 0 or -errno. */
int pc_disk_read(struct block_device *bdev, unsigned long block, char *buf);
/* Does the disk's block start with text (padded as pc_write_header)? */
bool pc_disk_has_header(struct block_device *bdev, unsigned long block,
			const char *text);
/* Write text as the block's first line through the cache (dirty): 0. */
int pc_write_header(struct block_device *bdev, unsigned long block,
		    const char *text);
/* Tell the runner what the image must hold after the boot. */
void pc_disk_expect(unsigned long block, const char *text);

/* Disk reads (requests) so far. */
static inline unsigned long pc_disk_reads(struct block_device *bdev)
{
	return READ_ONCE(bdev->bd_stats.ios[0]);
}

/* Read blocks [first, first + nr) into the cache, all uptodate: 0. */
int pc_cache_blocks(struct block_device *bdev, unsigned long first,
		    unsigned long nr);
/* Cached pages of [first, first + nr). */
unsigned long pc_cached(struct block_device *bdev, unsigned long first,
			unsigned long nr);

/* Until kswapd sleeps with nothing asked of it (at most 10 s): true. */
bool pc_wait_kswapd_idle(void);
/* kswapd woken no more (Linux's "unreclaimable node" state), and back. */
void pc_kswapd_hold(void);
void pc_kswapd_release(void);

/*
 * Allocate from `zone` alone until it has target free pages, or its low
 * watermark if that is higher (large blocks first), staying on the
 * allocator's fast path: pages held in h.  A zone left at its low mark
 * serves no more requests without the slow path.
 */
void pc_fill_zone_to(struct hoard *h, struct zone *zone, unsigned long target);

/* The vm sysctls, saved and restored around a case that changes them. */
struct pc_knobs {
	int bg_ratio, ratio, highmem;
	unsigned long bg_bytes, bytes;
	unsigned int expire, interval;
};
void pc_knobs_save(struct pc_knobs *k);
void pc_knobs_restore(const struct pc_knobs *k);

#endif /* _PAGECACHE_TEST_HELPERS_H */
