// SPDX-License-Identifier: GPL-2.0
/*
 * vmstat.c - the zone views: /proc/buddyinfo, /proc/pagetypeinfo,
 * /proc/zoneinfo and /proc/vmstat, column for column as Linux prints them.
 *
 * Everything shown is read from the zones at the moment of the `cat`; where a
 * Linux field has no counterpart here (LRU lists, reclaim, per-CPU vmstat
 * thresholds), the line is left out rather than filled with an invented
 * number.  The "pagesets" block has one entry per online CPU, as Linux's:
 * each CPU's list of that zone.  The events of /proc/vmstat (pgalloc,
 * pgfree, TLB flushes) are counted per CPU (include/vmstat.h) and added up
 * here; the zone views read a zone's counters without its lock, which
 * gives each number as it was at some instant of the `cat` (Linux's views
 * are no more exact).  The page counts the rest of the kernel asks for
 * (nr_free_pages(), totalram_pages(), ...) are here too, read the same way.
 */
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <cpumask.h>
#include <kernel.h>
#include <mm.h>
#include <seq_file.h>
#include <slab.h>
#include <vmstat.h>
#include <writeback.h>

DEFINE_PER_CPU(struct vm_event_state, vm_event_states);

unsigned long sum_vm_event(enum vm_event_item item)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(vm_event_states, cpu).event[item];
	return sum;
}

unsigned long nr_page_table_pages(void)
{
	unsigned long sum = READ_ONCE(nr_user_pgtables);

	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum += (unsigned long)atomic_long_read(
			&zones[z].nr_page_table_pages);
	return sum;
}

/* The page counts of the zones, for meminfo, the tests and the reports. */
unsigned long zone_free_pages(const struct zone *zone)
{
	return zone->free_pages;
}

unsigned long nr_free_pages(void)
{
	unsigned long sum = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum += zones[z].free_pages;
	return sum;
}

unsigned long nr_free_highpages(void)
{
	return zones[ZONE_HIGHMEM].free_pages + zones[ZONE_MOVABLE].free_pages;
}

unsigned long totalram_pages(void)
{
	unsigned long sum = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum += zones[z].managed_pages;
	return sum;
}

unsigned long totalhigh_pages(void)
{
	return zones[ZONE_HIGHMEM].managed_pages +
	       zones[ZONE_MOVABLE].managed_pages;
}

/* Node 0, zone   Normal      5      2      1 ... (free blocks per order) */
static void buddyinfo_show(struct seq_file *m)
{
	const struct zone *zone;

	for_each_populated_zone(zone) {
		seq_printf(m, "Node 0, zone %8s ", zone->name);
		for (int order = 0; order < MAX_ORDER; order++)
			seq_printf(m, "%6lu ", zone->free_area[order].nr_free);
		seq_putc(m, '\n');
	}
}
PROC_FILE("buddyinfo", buddyinfo_show);

/* One migratetype here ("Unmovable": nothing in this kernel can move). */
static void pagetypeinfo_show(struct seq_file *m)
{
	const struct zone *zone;

	seq_printf(m, "Page block order: %d\n", pageblock_order);
	seq_printf(m, "Pages per block:  %lu\n\n", pageblock_nr_pages);
	seq_printf(m, "%-43s ", "Free pages count per migrate type at order");
	for (int order = 0; order < MAX_ORDER; order++)
		seq_printf(m, "%6d ", order);
	seq_putc(m, '\n');
	for_each_populated_zone(zone) {
		seq_printf(m, "Node %4d, zone %8s, type %12s ", 0, zone->name,
			   "Unmovable");
		for (int order = 0; order < MAX_ORDER; order++)
			seq_printf(m, "%6lu ", zone->free_area[order].nr_free);
		seq_putc(m, '\n');
	}
	seq_printf(m, "\n%-23s %12s \n", "Number of blocks type", "Unmovable");
	for_each_populated_zone(zone)
		seq_printf(m, "Node 0, zone %8s %12lu \n", zone->name,
			   DIV_ROUND_UP(zone->spanned_pages,
					pageblock_nr_pages));
}
PROC_FILE("pagetypeinfo", pagetypeinfo_show);

/* The events' names, in enum vm_event_item order (Linux's). */
static const char *const vm_event_names[NR_VM_EVENT_ITEMS] = {
	[PGPGIN] = "pgpgin",
	[PGPGOUT] = "pgpgout",
	[PGALLOC_DMA] = "pgalloc_dma",
	[PGALLOC_DMA32] = "pgalloc_dma32",
	[PGALLOC_NORMAL] = "pgalloc_normal",
	[PGALLOC_HIGH] = "pgalloc_high",
	[PGALLOC_MOVABLE] = "pgalloc_movable",
	[ALLOCSTALL_DMA] = "allocstall_dma",
	[ALLOCSTALL_DMA32] = "allocstall_dma32",
	[ALLOCSTALL_NORMAL] = "allocstall_normal",
	[ALLOCSTALL_HIGH] = "allocstall_high",
	[ALLOCSTALL_MOVABLE] = "allocstall_movable",
	[PGFREE] = "pgfree",
	[PGACTIVATE] = "pgactivate",
	[PGDEACTIVATE] = "pgdeactivate",
	[PGFAULT] = "pgfault",
	[PGMAJFAULT] = "pgmajfault",
	[PGREFILL] = "pgrefill",
	[PGSTEAL_KSWAPD] = "pgsteal_kswapd",
	[PGSTEAL_DIRECT] = "pgsteal_direct",
	[PGSCAN_KSWAPD] = "pgscan_kswapd",
	[PGSCAN_DIRECT] = "pgscan_direct",
	[PGSCAN_ANON] = "pgscan_anon",
	[PGSCAN_FILE] = "pgscan_file",
	[PGSTEAL_ANON] = "pgsteal_anon",
	[PGSTEAL_FILE] = "pgsteal_file",
	[PAGEOUTRUN] = "pageoutrun",
	[PGROTATED] = "pgrotated",
	[DROP_PAGECACHE] = "drop_pagecache",
	[DROP_SLAB] = "drop_slab",
	[OOM_KILL] = "oom_kill",
	[NR_TLB_REMOTE_FLUSH] = "nr_tlb_remote_flush",
	[NR_TLB_REMOTE_FLUSH_RECEIVED] = "nr_tlb_remote_flush_received",
	[NR_TLB_LOCAL_FLUSH_ALL] = "nr_tlb_local_flush_all",
	[NR_TLB_LOCAL_FLUSH_ONE] = "nr_tlb_local_flush_one",
};

static const char *const zone_stat_names[NR_VM_ZONE_STAT_ITEMS] = {
	"nr_zone_inactive_anon", "nr_zone_active_anon", "nr_zone_inactive_file",
	"nr_zone_active_file",	 "nr_zone_unevictable", "nr_zone_write_pending",
};

static const char *const node_stat_names[NR_VM_NODE_STAT_ITEMS] = {
	"nr_inactive_anon", "nr_active_anon", "nr_inactive_file",
	"nr_active_file",   "nr_unevictable", "nr_isolated_file",
	"nr_file_pages",    "nr_dirty",	      "nr_writeback",
};

static void zoneinfo_node_item(struct seq_file *m, const char *name,
			       unsigned long v)
{
	seq_printf(m, "      %-12s %lu\n", name, v);
}

/* Linux prints the node's own counters under the first zone's header. */
static void zoneinfo_show_node(struct seq_file *m)
{
	seq_printf(m, "  per-node stats\n");
	/* Linux's format: %-12s, in node_stat_item order. */
	for (int i = 0; i <= NR_UNEVICTABLE; i++)
		zoneinfo_node_item(m, node_stat_names[i],
				   node_page_state((enum node_stat_item)i));
	zoneinfo_node_item(
		m, "nr_slab_reclaimable",
		(unsigned long)atomic_long_read(&nr_slab_reclaimable));
	zoneinfo_node_item(
		m, "nr_slab_unreclaimable",
		(unsigned long)atomic_long_read(&nr_slab_unreclaimable));
	zoneinfo_node_item(m, "nr_isolated_file",
			   node_page_state(NR_ISOLATED_FILE));
	zoneinfo_node_item(m, "nr_anon_pages", READ_ONCE(nr_anon_mapped));
	zoneinfo_node_item(m, "nr_mapped", READ_ONCE(nr_file_mapped));
	for (int i = NR_FILE_PAGES; i < NR_VM_NODE_STAT_ITEMS; i++)
		zoneinfo_node_item(m, node_stat_names[i],
				   node_page_state((enum node_stat_item)i));
	zoneinfo_node_item(m, "nr_shmem", READ_ONCE(nr_shmem_pages));
	zoneinfo_node_item(m, "nr_kernel_stack", READ_ONCE(nr_kernel_stack_kb));
	zoneinfo_node_item(m, "nr_page_table_pages", nr_page_table_pages());
}

static void zoneinfo_show_zone(struct seq_file *m, const struct zone *zone)
{
	unsigned int cpu;

	seq_printf(m, "Node 0, zone %8s\n", zone->name);
	if (zone == &zones[0])
		zoneinfo_show_node(m);
	seq_printf(m, "  pages free     %lu\n", zone->free_pages);
	seq_printf(m, "        boost    0\n");
	seq_printf(m, "        min      %lu\n", min_wmark_pages(zone));
	seq_printf(m, "        low      %lu\n", low_wmark_pages(zone));
	seq_printf(m, "        high     %lu\n", high_wmark_pages(zone));
	seq_printf(m, "        spanned  %lu\n", zone->spanned_pages);
	seq_printf(m, "        present  %lu\n", zone->present_pages);
	seq_printf(m, "        managed  %lu\n", zone->managed_pages);
	seq_printf(m, "        cma      0\n");
	seq_printf(m, "        protection: (");
	for (int z = 0; z < MAX_NR_ZONES; z++)
		seq_printf(m, "%s%lu", z ? ", " : "", zone->lowmem_reserve[z]);
	seq_printf(m, ")\n");
	if (!populated_zone(zone))
		return;
	seq_printf(m, "      nr_free_pages %lu\n", zone->free_pages);
	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		seq_printf(m, "      %s %lu\n", zone_stat_names[i],
			   zone_page_state(zone, (enum zone_stat_item)i));
	seq_printf(m, "      nr_zone_alloc_failed %ld\n",
		   atomic_long_read(&zone->nr_alloc_fail));
	seq_printf(m, "      nr_page_table_pages %ld\n",
		   atomic_long_read(&zone->nr_page_table_pages));
	/* One block per online CPU: that CPU's list of this zone. */
	seq_printf(m, "  pagesets\n");
	for_each_online_cpu(cpu) {
		const struct per_cpu_pages *pcp =
			per_cpu_ptr(zone->per_cpu_pageset, cpu);

		seq_printf(m, "    cpu: %u\n", cpu);
		seq_printf(m, "              count: %d\n",
			   READ_ONCE(pcp->count));
		seq_printf(m, "              high:  %d\n", pcp->high);
		seq_printf(m, "              batch: %d\n", pcp->batch);
	}
	/* kswapd gave up: 16 balancing runs in a row freed nothing. */
	seq_printf(m, "  node_unreclaimable:  %u\n",
		   READ_ONCE(contig_page_data.kswapd_failures) >= 16);
	seq_printf(m, "  start_pfn:           %lu\n", zone->zone_start_pfn);
}

static void zoneinfo_show(struct seq_file *m)
{
	for (int z = 0; z < MAX_NR_ZONES; z++)
		zoneinfo_show_zone(m, &zones[z]);
}
PROC_FILE("zoneinfo", zoneinfo_show);

/*
 * Linux's order: zone counters (summed), node counters, the dirty
 * thresholds, then the events.  pgpgin and pgpgout are counted in sectors
 * and printed in kilobytes, as Linux does.
 */
static void vmstat_show(struct seq_file *m)
{
	unsigned long bg, thresh;

	seq_printf(m, "nr_free_pages %lu\n", nr_free_pages());
	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++) {
		unsigned long sum = 0;

		for (int z = 0; z < MAX_NR_ZONES; z++)
			sum += zone_page_state(&zones[z],
					       (enum zone_stat_item)i);
		seq_printf(m, "%s %lu\n", zone_stat_names[i], sum);
	}
	for (int i = 0; i <= NR_UNEVICTABLE; i++)
		seq_printf(m, "%s %lu\n", node_stat_names[i],
			   node_page_state((enum node_stat_item)i));
	seq_printf(m, "nr_slab_reclaimable %ld\n",
		   atomic_long_read(&nr_slab_reclaimable));
	seq_printf(m, "nr_slab_unreclaimable %ld\n",
		   atomic_long_read(&nr_slab_unreclaimable));
	seq_printf(m, "nr_isolated_file %lu\n",
		   node_page_state(NR_ISOLATED_FILE));
	seq_printf(m, "nr_anon_pages %lu\n", READ_ONCE(nr_anon_mapped));
	seq_printf(m, "nr_mapped %lu\n", READ_ONCE(nr_file_mapped));
	for (int i = NR_FILE_PAGES; i < NR_VM_NODE_STAT_ITEMS; i++)
		seq_printf(m, "%s %lu\n", node_stat_names[i],
			   node_page_state((enum node_stat_item)i));
	seq_printf(m, "nr_shmem %lu\n", READ_ONCE(nr_shmem_pages));
	seq_printf(m, "nr_kernel_stack %lu\n", READ_ONCE(nr_kernel_stack_kb));
	seq_printf(m, "nr_page_table_pages %lu\n", nr_page_table_pages());
	global_dirty_limits(&bg, &thresh);
	seq_printf(m, "nr_dirty_threshold %lu\n", thresh);
	seq_printf(m, "nr_dirty_background_threshold %lu\n", bg);
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++) {
		unsigned long v = sum_vm_event((enum vm_event_item)i);

		if (i == PGPGIN || i == PGPGOUT)
			v /= 2; /* sectors -> KB */
		seq_printf(m, "%s %lu\n", vm_event_names[i], v);
	}
}
PROC_FILE("vmstat", vmstat_show);

/* The reserve the watermarks come from, as this boot set it (sysctl's). */
static void min_free_kbytes_show(struct seq_file *m)
{
	seq_printf(m, "%d\n", min_free_kbytes);
}
PROC_FILE("sys/vm/min_free_kbytes", min_free_kbytes_show);
