// SPDX-License-Identifier: GPL-2.0
/*
 * reset_cmds.c - `reset`: back to the state right after boot, and the list
 * of what the shell's commands handed out, which it needs for that.
 *
 * A class leaves things behind: a page from `alloc` never freed, a slot
 * from `kmap` never unmapped, a cache from `slab create`.  The shell's list
 * of what its commands handed out (teach/shell/held.c) has them all, so
 * `reset` gives back whatever is still out, in the order that is safe:
 * kmaps, objects, the caches they came from, vmalloc areas, pages.  Before
 * each it checks that the thing is still what the shell got (a page block
 * still allocated with that order by `alloc`, an object not on its free
 * list, an area still at that address): the user may have freed it some
 * other way, and freeing twice is the bug `reset` must never add.
 *
 * Then it settles what the allocators cache (memstate.h: the per-CPU page
 * lists, the lazy vmalloc purge, the stale pkmap slots, the empty slabs),
 * puts the pkmap cursor back at slot 0 and zeroes /proc/pkmap's counts, so
 * the next kmap takes the slot it took after boot.  Last, it counts the
 * state and compares it with the count made when the shell started: free
 * pages per zone, objects per cache, vmalloc areas, kmaps.  What it cannot
 * reset it names: the taint and the event counters of /proc/vmstat and
 * /proc/interrupts, which Linux never resets either (a later report must
 * say that the kernel once oopsed), and the log.
 */
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <memstate.h>
#include <mm.h>
#include <mutex.h>
#include <panic.h>
#include <printk.h>
#include <shell.h>
#include <slab.h>
#include <string.h>
#include <vmalloc.h>

/* Whether an object is still live: mm's inside view, as slab_cmds.c. */
#include "../../mm/slab_internal.h"

/* --- giving back, each kind checked first -------------------------------- */

static bool cache_exists(const struct kmem_cache *cache)
{
	struct kmem_cache *s;
	bool found = false;

	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list)
		if (s == cache)
			found = true;
	mutex_unlock(&slab_mutex);
	return found;
}

/*
 * Is p an object of a slab of `cache` (any cache if NULL), not free?  A
 * free object may wait on a CPU's own freelist, which on_freelist() does
 * not see: the CPUs give their slabs back first (flush_all()).
 */
static bool object_live(void *p, const struct kmem_cache *cache)
{
	struct page *slab = virt_to_slab(p);

	if (!slab || (cache && slab->slab_cache != cache))
		return false;
	flush_all(slab->slab_cache);
	return check_valid_pointer(slab->slab_cache, slab, p) &&
	       !on_freelist(slab->slab_cache, slab, p);
}

/* Is page the head of a block of this order from alloc_pages(), in use? */
static bool block_live(struct page *page, unsigned long order)
{
	struct page *head;

	return page_ptr_valid(page) &&
	       page_use(page, &head) == PAGE_USE_ALLOCATED && head == page &&
	       page->private == order && page_count(page) == 1;
}

/* Is p the start of a kmalloc_large block, in use? */
static bool large_kmalloc_live(void *p)
{
	struct page *head;

	return virt_addr_valid(p) &&
	       page_use(virt_to_page(p), &head) == PAGE_USE_LARGE_KMALLOC &&
	       lowmem_page_address(head) == p;
}

/* Is the thing still what the shell got?  Then give it back. */
static bool held_give_back(const struct shell_held *h)
{
	struct page *page = h->ptr;
	struct vm_struct *area;

	/* A block or area freed some other way and then reused is not ours. */
	if (h->owner != shell_held_owner(h->kind, h->ptr))
		return false;
	switch (h->kind) {
	case HELD_KMAP:
		if (!PageHighMem(page) || !page_address(page) ||
		    pkmap_slot_count(
			    PKMAP_NR((unsigned long)page_address(page))) < 2)
			return false;
		kunmap(page);
		return true;
	case HELD_KMALLOC:
		if (!object_live(h->ptr, NULL) && !large_kmalloc_live(h->ptr))
			return false;
		kfree(h->ptr);
		return true;
	case HELD_OBJECT:
		if (!cache_exists((void *)h->arg) ||
		    !object_live(h->ptr, (void *)h->arg))
			return false;
		kmem_cache_free((struct kmem_cache *)h->arg, h->ptr);
		return true;
	case HELD_CACHE:
		if (!cache_exists(h->ptr))
			return false;
		kmem_cache_destroy(h->ptr);
		return !cache_exists(h->ptr);
	case HELD_VMALLOC:
		area = find_vm_area(h->ptr);
		if (!area || area->addr != h->ptr)
			return false;
		vfree(h->ptr);
		return true;
	case HELD_PAGES:
		if (!block_live(page, h->arg))
			return false;
		__free_pages(page, (unsigned int)h->arg);
		return true;
	default:
		return false;
	}
}

/* Give back every held thing, kind by kind; counts[kind] what was. */
static unsigned int held_give_back_all(unsigned int *counts)
{
	struct shell_held h;
	unsigned int skipped = 0;

	/* The enum's order is the safe one: kmaps first, pages last. */
	for (int kind = 0; kind < NR_HELD_KINDS; kind++)
		while (shell_held_take((enum held_kind)kind, &h)) {
			if (held_give_back(&h))
				counts[kind]++;
			else
				skipped++;
		}
	return skipped;
}

/* --- the command ---------------------------------------------------------- */

static void reset_say_given_back(const unsigned int *counts,
				 unsigned int skipped)
{
	bool any = false;

	kprintf("reset: given back:");
	for (int kind = 0; kind < NR_HELD_KINDS; kind++) {
		if (!counts[kind])
			continue;
		kprintf("%s %u %s%s", any ? "," : "", counts[kind],
			shell_held_name((enum held_kind)kind),
			counts[kind] == 1 ? "" : "s");
		any = true;
	}
	kprintf("%s\n", any ? "" : " nothing, the shell held nothing");
	if (skipped)
		kprintf("  (%u already freed some other way: left alone)\n",
			skipped);
}

static void reset_say_settled(const struct memstate_settled *d)
{
	kprintf("reset: settled: %lu page%s drained from the per-CPU lists, %lu vmalloc area%s purged, %u stale pkmap slot%s flushed, %lu empty slab%s freed; the pkmap cursor at slot 0, its flush and failure counts at 0\n",
		d->pcp_pages, d->pcp_pages == 1 ? "" : "s", d->lazy_areas,
		d->lazy_areas == 1 ? "" : "s", d->stale_slots,
		d->stale_slots == 1 ? "" : "s", d->slabs,
		d->slabs == 1 ? "" : "s");
	if (d->dirty_written || d->cache_dropped)
		kprintf("reset: the page cache: %lu dirty page%s written (sync), %lu page%s dropped (drop_caches)\n",
			d->dirty_written, d->dirty_written == 1 ? "" : "s",
			d->cache_dropped, d->cache_dropped == 1 ? "" : "s");
}

static void reset_say_kept(void)
{
	const char *taint = print_tainted();
	bool tainted = strcmp(taint, "Not tainted");

	kprintf("reset: kept, as Linux keeps them: %s%s%sthe counts of /proc/vmstat and /proc/interrupts, the log (dmesg)\n",
		tainted ? "the taint (" : "", tainted ? taint : "",
		tainted ? "), " : "");
}

static int cmd_reset(int argc, char **argv)
{
	static struct memstate now;
	unsigned int counts[NR_HELD_KINDS] = { 0 };
	const struct memstate *boot = memstate_at_boot();
	struct memstate_settled done;
	unsigned int skipped;

	if (argc != 1)
		return shell_usage(argv[0]);
	skipped = held_give_back_all(counts);
	reset_say_given_back(counts, skipped);
	memstate_settle(&done);
	kmap_set_cursor(0);
	pkmap_clear_stats();
	reset_say_settled(&done);
	memstate_take(&now);
	if (boot && !memstate_compare(boot, &now, "after boot"))
		kprintf("reset: as after boot: free pages per zone, slab objects, vmalloc areas, kmaps\n");
	else if (boot)
		kprintf("reset: the lines above differ from the state after boot\n");
	reset_say_kept();
	return 0;
}
SHELL_COMMAND(reset, "", "back to the state right after boot",
	      SHELL_TOPIC_SYSTEM, cmd_reset,
	      .detail = "Gives back what the shell's commands handed out "
			"and nobody gave back (kmaps, kmalloc and slab "
			"objects, caches from slab create, vmalloc areas, "
			"pages from alloc), drains the per-CPU page lists, "
			"purges the lazily freed vmalloc areas, flushes the "
			"stale pkmap slots and puts the pkmap cursor back at "
			"slot 0, gives the caches' empty slabs back, then "
			"compares free pages, slab objects, vmalloc areas and "
			"kmaps with the state after boot.  After it, a demo "
			"or a README walkthrough shows the pfns, slots and "
			"addresses it showed after boot.  The taint, the "
			"event counts and the log stay, as on Linux.",
	      .see = "demo, cat /proc/pkmap, cat /proc/buddyinfo, "
		     "cat /proc/vmallocinfo, slabtop");
