/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmstat.h - event counters of /proc/vmstat that are counted per CPU.
 *
 * Linux counts its vm events (pgalloc, pgfault, TLB flushes ...) in a
 * per-CPU array, so counting is one `incl %fs:...` with no lock and no
 * shared cache line, and /proc/vmstat adds the CPUs up when it is read.
 * Here only the TLB events are counted this way so far (the allocation
 * counters are still the zones' own, mm/vmstat.c).
 */
#ifndef _VMSTAT_H
#define _VMSTAT_H

#include <percpu.h>

enum vm_event_item {
	PGALLOC_DMA, /* pages allocated, by zone, in enum zone_type order */
	PGALLOC_DMA32,
	PGALLOC_NORMAL,
	PGALLOC_HIGH,
	PGALLOC_MOVABLE,
	PGFREE, /* pages freed, all zones */
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

#endif /* _VMSTAT_H */
