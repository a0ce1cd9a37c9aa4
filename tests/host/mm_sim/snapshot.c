// SPDX-License-Identifier: GPL-2.0
/*
 * snapshot.c - the machine at power-on, and a booted machine kept.
 *
 * Everything the simulated kernel is lives in two places: its variables
 * (mm/, lib/ and the kernel side of this simulation, linked into the
 * sections host_os.c copies) and the pages of RAM it is using.  At power-on
 * the variables are as the program loaded them (sim_power_on()).  A
 * snapshot keeps both right after a boot: the variables, and the RAM pages
 * that are not free and not merely reserved (mem_map, the page tables, the
 * per-CPU area, the boot's slabs: whatever mm_core_init() left allocated).  Free pages need
 * not be kept: nothing reads a free page's bytes (a new slab is written
 * before it is used).  Restoring one is a boot without mm_core_init(): a
 * fuzz input starts from a copy of the booted machine in a fraction of the
 * time, and the harness's tests (sim_test.c) check that what it restores is
 * what the boot left, counter for counter and byte for byte of mem_map.
 *
 * This file's own variables (the power-on image, the snapshots) are not the
 * kernel's: they stay out of those sections, as tlb.c's do.
 */
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <errno.h>
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <string.h>

#include "host_os.h"
#include "sim.h"
#include "sim_internal.h"

void *malloc(size_t size);
void free(void *ptr);

/* A run of RAM pages kept by a snapshot. */
struct snap_run {
	unsigned long pfn, pages;
};

struct sim_snapshot {
	struct sim_machine machine;
	void *state; /* the kernel's variables (host_state_save()) */
	struct snap_run *runs;
	unsigned long nr_runs;
	char *bytes; /* the runs' pages, one after the other */
};

static void *power_on_state;

void sim_power_on(void)
{
	if (!power_on_state) {
		power_on_state = malloc(host_state_size());
		if (!power_on_state)
			host_abort();
		host_state_save(power_on_state);
	}
	host_state_load(power_on_state);
}

/* Is pfn in a memblock reservation whose bytes the kernel reads? */
static bool snap_reserved_kept(unsigned long pfn)
{
	phys_addr_t addr = (phys_addr_t)pfn << PAGE_SHIFT;

	for (unsigned long i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		if (addr >= r->base && addr < r->base + r->size)
			return r->name && (!strcmp(r->name, "mem_map") ||
					   !strcmp(r->name, "page tables") ||
					   !strcmp(r->name, "per-CPU areas"));
	}
	return false;
}

/*
 * The pages to keep, as runs (runs == NULL: count them only).  Returns
 * the number of runs, or -1 if a highmem page is in use (no direct map to
 * copy it through: such a machine is not kept).
 */
static long snap_find_runs(struct snap_run *runs, unsigned long *pages)
{
	unsigned long next = ~0UL; /* the pfn that extends the last run */
	long nr = 0;

	*pages = 0;
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (PageBuddy(page) || PagePcp(page)) {
			pfn += (1UL << page->private) - 1;
			continue;
		}
		if (PageReserved(page) && !snap_reserved_kept(pfn))
			continue;
		if (pfn >= max_low_pfn)
			return -1;
		if (pfn != next) {
			if (runs)
				runs[nr] = (struct snap_run){ pfn, 0 };
			nr++;
		}
		if (runs)
			runs[nr - 1].pages++;
		(*pages)++;
		next = pfn + 1;
	}
	return nr;
}

struct sim_snapshot *sim_snapshot_take(void)
{
	struct sim_snapshot *snap;
	unsigned long pages;
	long nr = snap_find_runs(NULL, &pages);
	char *p;

	if (nr < 0)
		return NULL;
	snap = malloc(sizeof(*snap));
	if (!snap)
		return NULL;
	snap->machine = sim_machine;
	snap->state = malloc(host_state_size());
	snap->runs = malloc(sizeof(*snap->runs) * (unsigned long)nr);
	snap->bytes = malloc(pages << PAGE_SHIFT);
	if (!snap->state || !snap->runs || !snap->bytes)
		host_abort();
	snap->nr_runs = (unsigned long)snap_find_runs(snap->runs, &pages);
	host_state_save(snap->state);
	p = snap->bytes;
	for (unsigned long i = 0; i < snap->nr_runs; i++) {
		unsigned long len = snap->runs[i].pages << PAGE_SHIFT;

		memcpy(p, __va(snap->runs[i].pfn << PAGE_SHIFT), len);
		p += len;
	}
	return snap;
}

int sim_snapshot_restore(const struct sim_snapshot *snap)
{
	const char *p = snap->bytes;

	if (host_ram_resize((unsigned long long)snap->machine.ram_mb << 20))
		return -ENOMEM;
	host_state_load(snap->state);
	sim_kernel_reset();
	tlb_boot();
	for (unsigned long i = 0; i < snap->nr_runs; i++) {
		unsigned long len = snap->runs[i].pages << PAGE_SHIFT;

		memcpy(__va(snap->runs[i].pfn << PAGE_SHIFT), p, len);
		p += len;
	}
	/*
	 * The direct map as the restored tables say: a kept one if they map
	 * the same (no debug_pagealloc holes), else refilled from them.
	 */
	tlb_resync();
	return 0;
}

void sim_snapshot_free(struct sim_snapshot *snap)
{
	if (!snap)
		return;
	free(snap->state);
	free(snap->runs);
	free(snap->bytes);
	free(snap);
}
