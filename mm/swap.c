// SPDX-License-Identifier: GPL-2.0
/*
 * swap.c - the LRU lists: where page cache and anonymous pages wait to
 * be reclaimed, in the order they were last used (swap.h, mmzone.h).
 *
 * A new page goes to the head of its inactive list (file or anonymous).
 * mark_page_accessed() is called at each use: the first sets
 * PG_referenced, the second, if the page is still inactive, moves it to
 * the head of its active list.  So a page read once stays inactive and is
 * reclaimed first; a page used again is kept longer (Linux's two-list
 * "second chance").  Reclaim (vmscan.c) takes from the tails.
 *
 * The lists and their counters (per zone and for the node, vmstat.h)
 * change under the node's lru_lock, with interrupts off: the end of a
 * write for reclaim, in the disk's interrupt, moves its page to the tail
 * (rotate_reclaimable_page()).  PG_lru says a page is on a list.  The
 * lists hold no reference: a page's last put takes it off its list
 * (__page_cache_release(), from the page allocator's free), and reclaim
 * takes a page off only with a reference it got while the page still had
 * one (get_page_unless_zero()).
 *
 * Simpler than Linux: no per-CPU batches (pagevecs) in front of the lock,
 * no unevictable list (ramfs pages are only counted as unevictable).
 */
#include <bug.h>
#include <kernel.h>
#include <mm.h>
#include <pagemap.h>
#include <swap.h>
#include <vmstat.h>

#include "internal.h"

#define LRU_LIST_INIT(lru) LIST_HEAD_INIT(contig_page_data.__lruvec.lists[lru])

struct pglist_data contig_page_data = {
	.__lruvec.lists = {
		LRU_LIST_INIT(LRU_INACTIVE_ANON),
		LRU_LIST_INIT(LRU_ACTIVE_ANON),
		LRU_LIST_INIT(LRU_INACTIVE_FILE),
		LRU_LIST_INIT(LRU_ACTIVE_FILE),
		LRU_LIST_INIT(LRU_UNEVICTABLE),
	},
	.lru_lock = __SPIN_LOCK_UNLOCKED(contig_page_data.lru_lock),
	.kswapd_wait =
		__WAIT_QUEUE_HEAD_INITIALIZER(contig_page_data.kswapd_wait),
};

void add_page_to_lru_list(struct page *page, enum lru_list lru, bool tail)
{
	struct list_head *list = &contig_page_data.__lruvec.lists[lru];

	if (tail)
		list_add_tail(&page->lru, list);
	else
		list_add(&page->lru, list);
	mod_zone_page_state(page_zone(page), NR_ZONE_LRU_BASE + lru, 1);
	mod_node_page_state(NR_LRU_BASE + lru, 1);
}

void del_page_from_lru_list(struct page *page, enum lru_list lru)
{
	list_del(&page->lru);
	mod_zone_page_state(page_zone(page), NR_ZONE_LRU_BASE + lru, -1);
	mod_node_page_state(NR_LRU_BASE + lru, -1);
}

void lru_cache_add(struct page *page)
{
	unsigned long flags;

	spin_lock_irqsave(&contig_page_data.lru_lock, flags);
	if (!WARN_ONCE(PageLRU(page), "lru_cache_add: pfn %#lx is on a list\n",
		       page_to_pfn(page))) {
		ClearPageActive(page);
		add_page_to_lru_list(page, page_lru(page), false);
		SetPageLRU(page);
	}
	spin_unlock_irqrestore(&contig_page_data.lru_lock, flags);
}

static void activate_page(struct page *page)
{
	unsigned long flags;

	spin_lock_irqsave(&contig_page_data.lru_lock, flags);
	if (PageLRU(page) && !PageActive(page)) {
		del_page_from_lru_list(page, page_lru(page));
		SetPageActive(page);
		add_page_to_lru_list(page, page_lru(page), false);
		count_vm_event(PGACTIVATE);
	}
	spin_unlock_irqrestore(&contig_page_data.lru_lock, flags);
}

void __mark_page_accessed(struct page *page)
{
	if (!PageReferenced(page)) {
		SetPageReferenced(page);
	} else if (!PageActive(page)) {
		activate_page(page);
		ClearPageReferenced(page);
	}
}

void __page_cache_release(struct page *page)
{
	unsigned long flags;

	spin_lock_irqsave(&contig_page_data.lru_lock, flags);
	if (TestClearPageLRU(page))
		del_page_from_lru_list(page, page_lru(page));
	spin_unlock_irqrestore(&contig_page_data.lru_lock, flags);
	ClearPageActive(page);
}

void rotate_reclaimable_page(struct page *page)
{
	unsigned long flags;

	spin_lock_irqsave(&contig_page_data.lru_lock, flags);
	if (PageLRU(page) && !PageActive(page)) {
		enum lru_list lru = page_lru(page);

		del_page_from_lru_list(page, lru);
		add_page_to_lru_list(page, lru, true);
		count_vm_event(PGROTATED);
	}
	spin_unlock_irqrestore(&contig_page_data.lru_lock, flags);
}
