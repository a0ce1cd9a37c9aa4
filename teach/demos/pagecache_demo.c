// SPDX-License-Identifier: GPL-2.0
/*
 * pagecache_demo.c - `demo pagecache` (`make run DISK=1`): what a cache
 * is, why writing is delayed, and what reclaim does with it.
 *
 *  1. A block read twice: the first read goes to the disk (a bio, the
 *     device's interrupt), the second is served from the page cache.
 *  2. A write goes to the cache only: the page is dirty, the disk still
 *     has the old block (read past the cache to see it).
 *  3. The flusher writes it later: dirty_expire_centisecs (30 s) is
 *     shortened for the lesson, and the flusher, which looks every
 *     dirty_writeback_centisecs (5 s), writes it at its next look.
 *  4. Or sync writes it at once.
 *  5. Memory fills: every zone down to its low watermark; the next request
 *     wakes kswapd, which frees page cache until a zone is above high.
 *  6. GFP_ATOMIC and GFP_KERNEL under pressure: with the cache in Normal
 *     and Normal exhausted, GFP_ATOMIC fails (it may not sleep, so it may
 *     not reclaim) and GFP_KERNEL reclaims the cache itself and succeeds.
 * Sections 5 and 6 take memory as the gfp demo does (whole blocks first)
 * and give it back at their end; `leave` writes and drops the cache and
 * puts the settings back, so the demo ends as it began.  For section 6
 * kswapd is held asleep (Linux's "unreclaimable node" state, what 16
 * fruitless runs lead to): what we see is the requests' own doing.
 */
#include <blkdev.h>
#include <cmdline.h>
#include <demo.h>
#include <errno.h>
#include <kernel.h>
#include <list.h>
#include <mm.h>
#include <pagemap.h>
#include <printk.h>
#include <sched.h>
#include <seq_file.h>
#include <signal.h>
#include <string.h>
#include <swap.h>
#include <timer.h>
#include <vmstat.h>
#include <writeback.h>

#define PD_BLOCK 100 /* the block sections 1-4 use */
#define PD_FILL 1000 /* the blocks sections 5 and 6 fill the cache with */

static struct list_head pd_held[MAX_ORDER]; /* pages the demo holds */
static unsigned long pd_nr_held;
static int pd_saved_expire = -1; /* dirty_expire_centisecs to put back */

static struct block_device *pd_bdev(void)
{
	struct block_device *bdev = blkdev_get_by_name("vda");

	if (!bdev) {
		kprintf("  This demo needs a disk: boot with make run DISK=1 (QEMU's\n"
			"  -drive if=virtio: a 64 MB image whose blocks say their number).\n");
		demo_end();
	}
	return bdev;
}

/* A /proc/meminfo row's kB, from its text. */
static unsigned long pd_kb(const char *text, const char *row)
{
	const char *p = strstr(text, row);

	if (!p)
		return 0;
	p += strlen(row);
	while (*p == ' ')
		p++;
	return simple_strtoul(p, NULL, 10);
}

/* The lines of /proc/meminfo that are the page cache's. */
static void pd_meminfo(void)
{
	static char text[2048];

	if (proc_read("meminfo", text, sizeof(text)) < 0)
		return;
	kprintf("  /proc/meminfo: Buffers %lu kB, Dirty %lu kB, Writeback %lu kB\n"
		"                 Active(file) %lu kB, Inactive(file) %lu kB\n",
		pd_kb(text, "Buffers:"), pd_kb(text, "Dirty:"),
		pd_kb(text, "Writeback:"), pd_kb(text, "Active(file):"),
		pd_kb(text, "Inactive(file):"));
}

static void pd_hold(struct page *page, unsigned int order)
{
	if (!pd_held[order].next)
		INIT_LIST_HEAD(&pd_held[order]);
	list_add(&page->buddy_list, &pd_held[order]);
	pd_nr_held += 1UL << order;
}

static void pd_give_back(void)
{
	for (int o = 0; o < MAX_ORDER; o++) {
		struct page *page, *next;

		if (!pd_held[o].next)
			INIT_LIST_HEAD(&pd_held[o]);
		list_for_each_entry_safe(page, next, &pd_held[o], buddy_list) {
			list_del(&page->buddy_list);
			__free_pages(page, (unsigned int)o);
		}
	}
	pd_nr_held = 0;
	drain_all_pages();
}

/* Take pages of zone (large blocks first) until it is at its low mark. */
static void pd_fill_zone(struct zone *zone)
{
	gfp_t gfp = (is_highmem(zone)	    ? GFP_HIGHUSER :
		     zone->type == ZONE_DMA ? GFP_DMA :
					      GFP_KERNEL) |
		    __GFP_NOWARN;

	while (zone->free_pages > low_wmark_pages(zone)) {
		unsigned int order =
			zone->free_pages > low_wmark_pages(zone) +
						   2 * MAX_ORDER_NR_PAGES ?
				MAX_ORDER - 1 :
				0;
		struct page *page = alloc_pages(gfp, order);

		if (!page && order) {
			order = 0;
			page = alloc_pages(gfp, 0);
		}
		if (!page)
			return;
		if (page_zone(page) != zone) {
			__free_pages(page, order);
			return;
		}
		pd_hold(page, order);
	}
}

static void pd_read_twice(void)
{
	if (!pd_bdev())
		return;
	demo_type("echo 1 > /proc/sys/vm/drop_caches");
	kprintf("  (the cache dropped: the demo starts from the disk)\n");
	demo_type("vda read %d", PD_BLOCK);
	demo_type("vda read %d", PD_BLOCK);
	kprintf("  The first read sent a bio to the disk and slept until its\n"
		"  interrupt; the second found the page in the cache: no disk read,\n"
		"  a small fraction of the time.  The page is a HighMem page (when\n"
		"  there is highmem), copied out through kmap_local_page().\n");
	pd_meminfo();
	kprintf("  A block device's cache is what Linux calls Buffers.\n");
}

static void pd_write_delayed(void)
{
	if (!pd_bdev())
		return;
	demo_type("vda write %d written by the demo", PD_BLOCK);
	pd_meminfo();
	demo_type("vda disk %d", PD_BLOCK);
	kprintf("  write() only copied into the cached page and marked it dirty:\n"
		"  the disk (QEMU's image file) still has the old block.  The\n"
		"  writer did not wait for the disk at all.\n");
}

static void pd_flusher(void)
{
	struct block_device *bdev = pd_bdev();
	unsigned long written, start;
	unsigned int expire;

	if (!bdev)
		return;
	if (!node_page_state(NR_FILE_DIRTY))
		pd_write_delayed();
	demo_type("cat /proc/sys/vm/dirty_expire_centisecs");
	demo_type("cat /proc/sys/vm/dirty_writeback_centisecs");
	kprintf("  A dirty page waits 30 s; the flusher looks every 5 s.  For the\n"
		"  lesson, any dirty page is old enough:\n");
	expire = dirty_expire_interval;
	pd_saved_expire = (int)expire;
	demo_type("echo 0 > /proc/sys/vm/dirty_expire_centisecs");
	written = bdev->bd_wb.nr_written;
	start = jiffies_ul;
	while (bdev->bd_wb.nr_written == written &&
	       time_before(jiffies_ul, start + 12 * HZ) &&
	       !signal_pending(current))
		msleep(100);
	filemap_fdatawait(bdev->bd_inode->i_mapping);
	kprintf("  ... the flusher (%s) wrote it %s.\n",
		bdev->bd_wb.task ? bdev->bd_wb.task->comm : "?",
		bdev->bd_wb.nr_written != written ?
			"at its next look, within 5 s" :
			"not yet (12 s)");
	demo_type("vda disk %d", PD_BLOCK);
	pd_meminfo();
	dirty_expire_interval = expire;
	pd_saved_expire = -1;
	kprintf("  (dirty_expire_centisecs back to %u)\n", expire);
}

static void pd_sync(void)
{
	if (!pd_bdev())
		return;
	demo_type("vda write %d written, then synced", PD_BLOCK + 1);
	demo_type("vda disk %d", PD_BLOCK + 1);
	demo_type("sync");
	demo_type("vda disk %d", PD_BLOCK + 1);
	kprintf("  sync(2) writes every dirty page now and waits for the disk\n"
		"  (then asks it to flush its own cache): what fsync(2) does for one\n"
		"  file.  Delaying writes lets a page written ten times go to the disk\n"
		"  once, and lets the writer go on at memory speed.\n");
}

/* Read nr blocks from PD_FILL into the cache: how many are cached. */
static unsigned long pd_cache_blocks(struct block_device *bdev,
				     unsigned long nr)
{
	struct address_space *mapping = bdev->bd_inode->i_mapping;

	page_cache_read_range(NULL, mapping, PD_FILL, nr);
	for (unsigned long i = 0; i < nr; i++) {
		struct page *page =
			read_mapping_page(mapping, PD_FILL + i, NULL);

		if (!IS_ERR(page))
			put_page(page);
	}
	return mapping->nrpages;
}

static void pd_kswapd(void)
{
	struct block_device *bdev = pd_bdev();
	struct zone *top = zones[ZONE_HIGHMEM].managed_pages ?
				   &zones[ZONE_HIGHMEM] :
				   &zones[ZONE_NORMAL];
	unsigned long wakeups = nr_kswapd_wakeups, cached;
	unsigned long steal = sum_vm_event(PGSTEAL_KSWAPD);
	unsigned long nr = high_wmark_pages(top) - low_wmark_pages(top) + 2048;
	struct page *page;

	if (!bdev)
		return;
	WRITE_ONCE(NODE_DATA(0)->kswapd_failures, 0);
	cached = pd_cache_blocks(bdev, nr);
	kprintf("  %lu blocks read: %lu pages of cache, mostly in %s.\n", nr,
		cached, top->name);
	pd_meminfo();
	for (int z = MAX_NR_ZONES - 1; z >= 0; z--)
		if (populated_zone(&zones[z]))
			pd_fill_zone(&zones[z]);
	kprintf("  Memory taken by the demo: %lu MB; every zone at its low mark\n"
		"  (%s: %lu pages free, low %lu, high %lu).  One page more:\n",
		pd_nr_held >> 8, top->name, top->free_pages,
		low_wmark_pages(top), high_wmark_pages(top));
	page = alloc_page((is_highmem(top) ? GFP_HIGHUSER : GFP_KERNEL) |
			  __GFP_NOWARN);
	if (page)
		pd_hold(page, 0);
	kprintf("  the allocator's slow path woke kswapd0 (it was asleep).\n");
	for (int i = 0;
	     i < 200 && (nr_kswapd_wakeups == wakeups || !kswapd_idle()); i++)
		msleep(10);
	drain_all_pages();
	kprintf("  kswapd0 ran %lu time%s, freed %lu pages of cache, and went back\n"
		"  to sleep with %s at %lu free pages, above high (%lu).\n",
		nr_kswapd_wakeups - wakeups,
		nr_kswapd_wakeups - wakeups == 1 ? "" : "s",
		sum_vm_event(PGSTEAL_KSWAPD) - steal, top->name,
		top->free_pages, high_wmark_pages(top));
	pd_meminfo();
	pd_give_back();
	kprintf("  (the demo's pages given back)\n");
}

static void pd_atomic_vs_kernel(void)
{
	struct block_device *bdev = pd_bdev();
	struct zone *normal = &zones[ZONE_NORMAL];
	unsigned long nr = 2 * min_wmark_pages(normal) + 512, atomic = 0;
	unsigned long stalls = sum_vm_event(ALLOCSTALL_NORMAL);
	unsigned long steal = sum_vm_event(PGSTEAL_DIRECT), cached;
	struct page *page;

	if (!bdev)
		return;
	drop_caches(1);
	WRITE_ONCE(NODE_DATA(0)->kswapd_failures, 16); /* kswapd stays asleep */
	if (populated_zone(&zones[ZONE_HIGHMEM]))
		pd_fill_zone(
			&zones[ZONE_HIGHMEM]); /* the cache goes to Normal */
	cached = pd_cache_blocks(bdev, nr);
	pd_fill_zone(normal);
	kprintf("  %lu pages of cache in Normal, Normal at its low mark; kswapd held\n"
		"  asleep (as after 16 fruitless runs).  GFP_ATOMIC until it fails:\n",
		cached);
	while ((page = alloc_page(GFP_ATOMIC | __GFP_NOWARN))) {
		pd_hold(page, 0);
		atomic++;
	}
	kprintf("  GFP_ATOMIC: %lu pages more (below min), then NULL, with %lu pages\n"
		"  of clean cache still there: it may not sleep, so it may not\n"
		"  reclaim.  GFP_KERNEL:\n",
		atomic, bdev->bd_inode->i_mapping->nrpages);
	page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	if (page)
		pd_hold(page, 0);
	kprintf("  GFP_KERNEL: %s, after direct reclaim (allocstall_normal +%lu)\n"
		"  freed %lu pages of cache (pgsteal_direct).\n",
		page ? "a page" : "NULL",
		sum_vm_event(ALLOCSTALL_NORMAL) - stalls,
		sum_vm_event(PGSTEAL_DIRECT) - steal);
	pd_give_back();
	WRITE_ONCE(NODE_DATA(0)->kswapd_failures, 0);
	kprintf("  (the demo's pages given back, kswapd free to run again)\n");
}

static void pd_leave(void)
{
	pd_give_back();
	WRITE_ONCE(NODE_DATA(0)->kswapd_failures, 0);
	if (pd_saved_expire >= 0)
		dirty_expire_interval = (unsigned int)pd_saved_expire;
	pd_saved_expire = -1;
	if (!blkdev_get_by_name("vda"))
		return;
	sync_bdevs();
	drop_caches(1);
}

static const struct demo_section pd_sections[] = {
	{ "A block read twice: the disk, then the page cache", pd_read_twice },
	{ "A write stays in the cache: dirty, the disk not written",
	  pd_write_delayed },
	{ "The flusher writes it later", pd_flusher },
	{ "Or sync writes it at once", pd_sync },
	{ "Memory fills: kswapd wakes, the cache shrinks", pd_kswapd },
	{ "GFP_ATOMIC fails where GFP_KERNEL reclaims", pd_atomic_vs_kernel },
};
DEMO(pagecache, "the disk's page cache: delayed writes, kswapd, reclaim",
     pd_sections, pd_leave);
