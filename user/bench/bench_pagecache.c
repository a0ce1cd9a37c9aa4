// SPDX-License-Identifier: GPL-2.0
/*
 * bench_pagecache.c - what the page cache costs (issue 17's rows), on
 * /dev/vda, the same disk image on both kernels: a 4 KB read of a cached
 * block, of a block that is not cached, a 4 KB write that dirties a
 * cached clean block, a read fault of a shared mapping on a cached block,
 * and dropping 1,024 clean cached pages (posix_fadvise DONTNEED: what
 * reclaim does to a clean page, taking it out of the cache and freeing
 * it, without the LRU scan that finds it).
 *
 * The uncached row drops the cache before each batch (untimed) and reads
 * a different block each time, with POSIX_FADV_RANDOM so that Linux reads
 * no more than it is asked (kmem386 has no readahead anyway).  The wait
 * for the disk is not instructions: under -icount the guest's clock jumps
 * while it is idle, so the row counts the CPU work of a read from the
 * disk, both kernels' alike.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <ubench.h>
#include <unistd.h>

#define PAGE 4096UL
#define FIRST 6000 /* the blocks the rows use: 6000 on */

static int fd = -1;
static char buf[PAGE];
static volatile char *map;

static const char *open_vda(void)
{
	if (fd < 0)
		fd = open("/dev/vda", O_RDWR);
	if (fd < 0)
		return "needs /dev/vda (a virtio disk)";
	posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);
	return NULL;
}

static void close_vda(void)
{
	if (fd >= 0)
		close(fd);
	fd = -1;
}

static loff_t block(unsigned long i)
{
	return (loff_t)(FIRST + i) * PAGE;
}

/* Blocks [0, n) in the cache and clean. */
static void cache_blocks(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		if (pread(fd, buf, PAGE, block(i)) != (long)PAGE)
			ubench_fail("pread of block %lu failed", FIRST + i);
	fsync(fd);
}

static void drop_blocks(unsigned long n)
{
	posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
}

static const char *setup_cached(void)
{
	const char *why = open_vda();

	if (!why)
		cache_blocks(1);
	return why;
}

static void run_read_cached(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		pread(fd, buf, PAGE, block(0));
}

static void run_read_uncached(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		pread(fd, buf, PAGE, block(i));
}

static void run_write(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		pwrite(fd, buf, PAGE, block(i));
}

static void prepare_map(unsigned long n)
{
	cache_blocks(n);
	map = n ? mmap(NULL, n * PAGE, PROT_READ, MAP_SHARED, fd, block(0)) :
		  NULL;
	if (map == MAP_FAILED) {
		ubench_fail("mmap of %lu blocks failed", n);
		map = NULL;
	}
}

static void run_read_faults(unsigned long n)
{
	for (unsigned long i = 0; map && i < n; i++)
		(void)map[i * PAGE];
}

static void finish_map(unsigned long n)
{
	if (map)
		munmap((void *)map, n * PAGE);
	map = NULL;
}

static void run_drop(unsigned long n)
{
	if (n) /* (0 would mean the whole device) */
		posix_fadvise(fd, block(0), (loff_t)n * PAGE,
			      POSIX_FADV_DONTNEED);
}

static const struct ubench_op ops[] = {
	{ .id = "pagecache_read_cached",
	  .desc = "pread of 4 KB of /dev/vda from the page cache",
	  .setup = setup_cached,
	  .run = run_read_cached,
	  .teardown = close_vda },
	{ .id = "pagecache_read_uncached",
	  .desc = "pread of 4 KB of /dev/vda not cached: a bio, the disk",
	  .shift = 2,
	  .exclude_idle = true,
	  .setup = open_vda,
	  .prepare = drop_blocks,
	  .run = run_read_uncached,
	  .teardown = close_vda },
	{ .id = "pagecache_write_dirty",
	  .desc = "pwrite of 4 KB to a cached clean block: it becomes dirty",
	  .shift = 2,
	  .setup = open_vda,
	  .prepare = cache_blocks,
	  .run = run_write,
	  .finish = cache_blocks,
	  .teardown = close_vda },
	{ .id = "pagecache_mmap_read_fault",
	  .desc = "read fault of a shared mapping of /dev/vda, page cached",
	  .shift = 2,
	  .setup = open_vda,
	  .prepare = prepare_map,
	  .run = run_read_faults,
	  .finish = finish_map,
	  .teardown = close_vda },
	{ .id = "pagecache_drop_clean",
	  .desc = "a clean cached page dropped (fadvise DONTNEED of 1,024)",
	  .setup = open_vda,
	  .prepare = cache_blocks,
	  .run = run_drop,
	  .teardown = close_vda },
	{}
};

int main(int argc, char **argv)
{
	return ubench_main("bench_pagecache", ops, argc, argv);
}
