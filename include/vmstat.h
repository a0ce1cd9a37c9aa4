/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmstat.h - event counters of /proc/vmstat that are counted per CPU.
 *
 * Linux counts its vm events (pgalloc, pgfault, TLB flushes ...) in a
 * per-CPU array, so counting is one `incl %fs:...` with no lock and no
 * shared cache line, and /proc/vmstat adds the CPUs up when it is read.
 * Here every event is (/proc/vmstat lists them in this enum's order,
 * which is Linux's).
 */
#ifndef _VMSTAT_H
#define _VMSTAT_H

#include <mm.h>
#include <percpu.h>

enum vm_event_item {
	PGPGIN, /* sectors read from disks (/proc/vmstat prints KB) */
	PGPGOUT, /* sectors written to disks */
	PGALLOC_DMA, /* pages allocated, by zone, in enum zone_type order */
	PGALLOC_DMA32,
	PGALLOC_NORMAL,
	PGALLOC_HIGH,
	PGALLOC_MOVABLE,
	ALLOCSTALL_DMA, /* direct reclaims, by the request's highest zone */
	ALLOCSTALL_DMA32,
	ALLOCSTALL_NORMAL,
	ALLOCSTALL_HIGH,
	ALLOCSTALL_MOVABLE,
	PGFREE, /* pages freed, all zones */
	PGACTIVATE, /* pages moved to an active LRU list */
	PGDEACTIVATE, /* ... to an inactive one */
	PGFAULT, /* page faults served (handle_mm_fault) */
	PGMAJFAULT, /* ... that had to wait for a read (a file's page) */
	PGREFILL, /* active pages reclaim looked at */
	PGSTEAL_KSWAPD, /* pages kswapd reclaimed */
	PGSTEAL_DIRECT, /* pages direct reclaim reclaimed */
	PGSCAN_KSWAPD, /* inactive pages kswapd looked at */
	PGSCAN_DIRECT, /* inactive pages direct reclaim looked at */
	PGSCAN_ANON, /* ... of them anonymous (none: no swap) */
	PGSCAN_FILE, /* ... of them page cache */
	PGSTEAL_ANON,
	PGSTEAL_FILE,
	PAGEOUTRUN, /* kswapd balancing runs */
	PGROTATED, /* pages written for reclaim, back at the list's tail */
	DROP_PAGECACHE, /* writes of 1 or 3 to drop_caches */
	DROP_SLAB, /* writes of 2 or 3 */
	OOM_KILL, /* processes the OOM killer killed */
	NR_TLB_REMOTE_FLUSH, /* shootdowns this CPU sent to other CPUs */
	NR_TLB_REMOTE_FLUSH_RECEIVED, /* shootdowns another CPU asked of us */
	NR_TLB_LOCAL_FLUSH_ALL, /* whole-TLB flushes for our own requests */
	NR_TLB_LOCAL_FLUSH_ONE, /* single pages (INVLPG) for our own requests */
	NR_VM_EVENT_ITEMS
};

struct vm_event_state {
	unsigned long event[NR_VM_EVENT_ITEMS];
};

DECLARE_PER_CPU(struct vm_event_state, vm_event_states);

static inline void count_vm_event(enum vm_event_item item)
{
	this_cpu_inc(vm_event_states.event[item]);
}

static inline void count_vm_events(enum vm_event_item item, long delta)
{
	this_cpu_add(vm_event_states.event[item], delta);
}

/* pgalloc_<zone>: the zone's type picks the counter (Linux's zid). */
#define __count_zid_vm_events(item, zid, delta) \
	count_vm_events((enum vm_event_item)(item##_DMA + (zid)), delta)

#define count_vm_tlb_event(x) count_vm_event(x)
#define count_vm_tlb_events(x, y) count_vm_events(x, y)

/* The event summed over every CPU (what /proc/vmstat prints). */
unsigned long sum_vm_event(enum vm_event_item item);

/*
 * Page counts of the node and its zones (mmzone.h): atomic, so any CPU
 * and the disk's interrupt may change them (Linux keeps per-CPU deltas
 * and folds them; this kernel has few CPUs and few pages of cache).
 */
static inline void mod_node_page_state(enum node_stat_item item, long delta)
{
	atomic_long_add(delta, &contig_page_data.vm_stat[item]);
}

static inline unsigned long node_page_state(enum node_stat_item item)
{
	long x = atomic_long_read(&contig_page_data.vm_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

static inline void mod_zone_page_state(struct zone *zone,
				       enum zone_stat_item item, long delta)
{
	atomic_long_add(delta, &zone->vm_stat[item]);
}

static inline unsigned long zone_page_state(const struct zone *zone,
					    enum zone_stat_item item)
{
	long x = atomic_long_read(&zone->vm_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}

/* A page cache page's dirty/writeback count, in its zone and node. */
static inline void mod_page_write_pending(struct page *page,
					  enum node_stat_item item, long delta)
{
	mod_node_page_state(item, delta);
	mod_zone_page_state(page_zone(page), NR_ZONE_WRITE_PENDING, delta);
}

#endif /* _VMSTAT_H */
