// SPDX-License-Identifier: GPL-2.0
/*
 * page-writeback.c - dirty pages: marking them, counting them, holding
 * writers back when there are too many, and writing them (writeback.h).
 *
 * A page becomes dirty when a write copies into it (or, for a shared
 * mapping, when a process wrote to it): set_page_dirty() sets PG_dirty,
 * tags it in its mapping's radix tree (so that writeback finds the dirty
 * pages without looking at the clean ones), counts it (nr_dirty, per node
 * and per zone) and puts its inode on its flusher's list.  Writing it
 * back: under the page lock, clear_page_dirty_for_io() clears PG_dirty,
 * set_page_writeback() moves the tag from dirty to writeback, and the
 * disk's interrupt ends it (end_page_writeback(), filemap.c).  A write
 * that comes while the page is being written dirties it again: it will
 * be written again.
 *
 * The limits, Linux's: the "dirtyable" memory is what is free plus the
 * page cache, less the zones' reserves, and without highmem unless
 * vm.highmem_is_dirtyable (Linux on 32-bit: highmem is plenty but the
 * kernel's structures that dirty pages need live in lowmem).  Above
 * dirty_background_ratio of it the flusher starts writing; above the
 * middle of the two limits a writer pauses after each batch of pages it
 * dirtied (a short sleep that grows towards dirty_ratio); above
 * dirty_ratio it sleeps until the flusher brought the count back down.
 * The _bytes knobs replace the ratios when set, as in Linux.
 *
 * Simpler than Linux: no per-device share of the limits, no estimate of
 * the disk's bandwidth to size the pauses (they are proportional to the
 * excess, at most 200 ms), no laptop mode.
 */
#include <bio.h>
#include <bug.h>
#include <errno.h>
#include <kernel.h>
#include <pagemap.h>
#include <percpu.h>
#include <sched.h>
#include <seq_file.h>
#include <swap.h>
#include <timer.h>
#include <vmstat.h>
#include <writeback.h>

int dirty_background_ratio = 10;
unsigned long dirty_background_bytes;
int vm_dirty_ratio = 20;
unsigned long vm_dirty_bytes;
unsigned int dirty_writeback_interval = 5 * 100;
unsigned int dirty_expire_interval = 30 * 100;
int vm_highmem_is_dirtyable;
unsigned long nr_dirty_throttle_pauses;

/* Pages a task dirties between two looks at the limits (per CPU). */
#define RATELIMIT_PAGES 32
static DEFINE_PER_CPU(int, bdp_ratelimits);

/* What every zone keeps back: its high watermark and largest reserve. */
static unsigned long zone_reserve_pages(const struct zone *zone)
{
	unsigned long max = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		max = max(max, zone->lowmem_reserve[z]);
	return min(max + high_wmark_pages(zone), zone->managed_pages);
}

static unsigned long zone_dirtyable_memory(const struct zone *zone)
{
	unsigned long free = zone_free_pages(zone);
	unsigned long reserve = zone_reserve_pages(zone);

	return (free > reserve ? free - reserve : 0) +
	       zone_page_state(zone, NR_ZONE_INACTIVE_FILE) +
	       zone_page_state(zone, NR_ZONE_ACTIVE_FILE);
}

unsigned long global_dirtyable_memory(void)
{
	unsigned long x = 0;
	const struct zone *zone;

	for_each_populated_zone(zone)
		if (vm_highmem_is_dirtyable || !is_highmem(zone))
			x += zone_dirtyable_memory(zone);
	return x + 1; /* never 0: the ratios must give something */
}

void global_dirty_limits(unsigned long *pbackground, unsigned long *pdirty)
{
	unsigned long available = global_dirtyable_memory();
	unsigned long bg, thresh;

	if (vm_dirty_bytes)
		thresh = DIV_ROUND_UP(vm_dirty_bytes, PAGE_SIZE);
	else
		thresh = (unsigned long)vm_dirty_ratio * available / 100;
	if (dirty_background_bytes)
		bg = DIV_ROUND_UP(dirty_background_bytes, PAGE_SIZE);
	else
		bg = (unsigned long)dirty_background_ratio * available / 100;
	if (bg >= thresh)
		bg = thresh / 2;
	*pbackground = bg;
	*pdirty = thresh;
}

/* Dirty pages and pages being written: what the limits are about. */
static unsigned long global_dirty_pages(void)
{
	return node_page_state(NR_FILE_DIRTY) + node_page_state(NR_WRITEBACK);
}

/*
 * Hold the writer back if dirty pages are above the middle of the two
 * limits: one pause that grows with the excess, repeated while they are
 * above dirty_ratio.  Starts the flusher above the background limit.
 */
static void balance_dirty_pages(struct bdi_writeback *wb)
{
	for (;;) {
		unsigned long bg, thresh, freerun, dirty = global_dirty_pages();
		long pause;

		global_dirty_limits(&bg, &thresh);
		if (dirty > bg && wb)
			wb_start_background_writeback(wb);
		freerun = (bg + thresh) / 2;
		if (dirty <= freerun)
			return;
		pause = (long)(HZ / 5 * (dirty - freerun) /
			       (thresh - freerun + 1));
		pause = clamp(pause, 1L, (long)HZ / 5);
		nr_dirty_throttle_pauses++;
		__set_current_state(TASK_KILLABLE);
		schedule_timeout(pause);
		if (dirty <= thresh || fatal_signal_pending(current))
			return;
	}
}

void balance_dirty_pages_ratelimited(struct address_space *mapping)
{
	int *p = this_cpu_ptr(&bdp_ratelimits);

	if (++*p < RATELIMIT_PAGES)
		return;
	*p = 0;
	balance_dirty_pages(inode_to_wb(mapping->host));
}

/* --- dirty and writeback bits --------------------------------------------- */

bool set_page_dirty(struct page *page)
{
	struct address_space *mapping;
	unsigned long flags;

	if (TestSetPageDirty(page))
		return false;
	mapping = page->mapping;
	if (!mapping)
		return true;
	spin_lock_irqsave(&mapping->i_pages_lock, flags);
	if (page->mapping == mapping) {
		mod_page_write_pending(page, NR_FILE_DIRTY, 1);
		radix_tree_tag_set(&mapping->i_pages, page->index,
				   PAGECACHE_TAG_DIRTY);
	}
	spin_unlock_irqrestore(&mapping->i_pages_lock, flags);
	__mark_inode_dirty(mapping->host, I_DIRTY_PAGES);
	return true;
}

bool clear_page_dirty_for_io(struct page *page)
{
	if (WARN_ONCE(!PageLocked(page),
		      "clear_page_dirty_for_io: pfn %#lx not locked\n",
		      page_to_pfn(page)))
		return false;
	if (!TestClearPageDirty(page))
		return false;
	if (page->mapping)
		mod_page_write_pending(page, NR_FILE_DIRTY, -1);
	return true;
}

void set_page_writeback(struct page *page)
{
	struct address_space *mapping = page->mapping;
	unsigned long flags;

	spin_lock_irqsave(&mapping->i_pages_lock, flags);
	if (!TestSetPageWriteback(page)) {
		radix_tree_tag_set(&mapping->i_pages, page->index,
				   PAGECACHE_TAG_WRITEBACK);
		mod_page_write_pending(page, NR_WRITEBACK, 1);
	}
	if (!PageDirty(page))
		radix_tree_tag_clear(&mapping->i_pages, page->index,
				     PAGECACHE_TAG_DIRTY);
	spin_unlock_irqrestore(&mapping->i_pages_lock, flags);
}

/* --- writing a mapping's dirty pages -------------------------------------- */

int write_cache_pages(struct address_space *mapping,
		      struct writeback_control *wbc,
		      int (*writepage)(struct page *page,
				       struct writeback_control *wbc,
				       void *data),
		      void *data)
{
	struct page *pages[16];
	pgoff_t index = wbc->range_start;
	int ret = 0;

	while (index <= wbc->range_end && wbc->nr_to_write > 0) {
		unsigned int n = find_get_pages_tag(mapping, index,
						    PAGECACHE_TAG_DIRTY,
						    ARRAY_SIZE(pages), pages);

		if (!n)
			break;
		for (unsigned int i = 0; i < n; i++) {
			struct page *page = pages[i];

			index = page->index + 1;
			if (ret || page->index > wbc->range_end ||
			    wbc->nr_to_write <= 0) {
				put_page(page);
				continue;
			}
			if (wbc->sync_mode == WB_SYNC_ALL)
				lock_page(page);
			else if (!trylock_page(page)) {
				wbc->pages_skipped++;
				put_page(page);
				continue;
			}
			if (page->mapping != mapping || !PageDirty(page)) {
				unlock_page(
					page); /* cleaned or gone meanwhile */
				put_page(page);
				continue;
			}
			if (PageWriteback(page)) {
				if (wbc->sync_mode != WB_SYNC_ALL) {
					wbc->pages_skipped++;
					unlock_page(page);
					put_page(page);
					continue;
				}
				wait_on_page_writeback(page);
			}
			if (!clear_page_dirty_for_io(page)) {
				unlock_page(page);
				put_page(page);
				continue;
			}
			ret = writepage(page, wbc, data); /* unlocks it */
			wbc->nr_to_write--;
			put_page(page);
		}
		cond_resched();
	}
	return ret;
}

int do_writepages(struct address_space *mapping, struct writeback_control *wbc)
{
	if (!mapping->a_ops || !mapping->a_ops->writepages)
		return 0;
	/* Pages written through mappings: dirty from their PTEs first. */
	if (READ_ONCE(mapping->nr_mmap))
		mapping_mkclean(mapping);
	return mapping->a_ops->writepages(mapping, wbc);
}

/* --- /proc/sys/vm ----------------------------------------------------------- */

#define VM_INT_KNOB(name, var, min, max, also)                       \
	static void name##_show(struct seq_file *m)                  \
	{                                                            \
		seq_printf(m, "%ld\n", (long)(var));                 \
	}                                                            \
	static ssize_t name##_write(const char *buf, size_t count)   \
	{                                                            \
		long v;                                              \
		int err = proc_parse_long(buf, count, min, max, &v); \
                                                                     \
		if (err)                                             \
			return err;                                  \
		(var) = (__typeof__(var))v;                          \
		also;                                                \
		return (ssize_t)count;                               \
	}                                                            \
	PROC_FILE_RW("sys/vm/" #name, name##_show, name##_write)

/* Setting a ratio clears its _bytes twin, and the other way round. */
VM_INT_KNOB(dirty_background_ratio, dirty_background_ratio, 0, 100,
	    dirty_background_bytes = 0);
VM_INT_KNOB(dirty_background_bytes, dirty_background_bytes, 1, LONG_MAX,
	    dirty_background_ratio = 0);
VM_INT_KNOB(dirty_ratio, vm_dirty_ratio, 0, 100, vm_dirty_bytes = 0);
/* Linux's minimum: two pages. */
VM_INT_KNOB(dirty_bytes, vm_dirty_bytes, 2 * PAGE_SIZE, LONG_MAX,
	    vm_dirty_ratio = 0);
VM_INT_KNOB(dirty_expire_centisecs, dirty_expire_interval, 0, INT_MAX, );

/*
 * A new interval takes effect at once, as in Linux: a different non-zero
 * one wakes the flushers (which then write what is dirty); 0 stops the
 * periodic writeback.
 */
static void dirty_writeback_centisecs_show(struct seq_file *m)
{
	seq_printf(m, "%u\n", dirty_writeback_interval);
}

static ssize_t dirty_writeback_centisecs_write(const char *buf, size_t count)
{
	unsigned int old = dirty_writeback_interval;
	long v;
	int err = proc_parse_long(buf, count, 0, INT_MAX, &v);

	if (err)
		return err;
	dirty_writeback_interval = (unsigned int)v;
	if (dirty_writeback_interval && dirty_writeback_interval != old)
		wakeup_flusher_threads(WB_REASON_PERIODIC);
	return (ssize_t)count;
}
PROC_FILE_RW("sys/vm/dirty_writeback_centisecs", dirty_writeback_centisecs_show,
	     dirty_writeback_centisecs_write);
VM_INT_KNOB(highmem_is_dirtyable, vm_highmem_is_dirtyable, 0, 1, );
