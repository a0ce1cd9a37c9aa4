// SPDX-License-Identifier: GPL-2.0
/*
 * zones.c - ex04 2.7.9.h-i: memory zones and high memory.
 *
 * The zones are the kernel's (mm/mm_init.c), listed in enum order, the
 * empty DMA32 and Movable included so that the exercise's enum has an
 * answer for each value.  A zone's span is [zone_start_pfn, + spanned): an
 * empty zone is given a zero-length span where it would sit, so that the
 * list tiles [first RAM pfn, max_pfn) with no gap.
 */
#include <asm/memlayout.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <kernel_memory.h>
#include <mm.h>
#include <printk.h>
#include <slab.h>

/* Where an empty zone would start: the end of the zones below it. */
static unsigned long empty_zone_pfn(int z)
{
	unsigned long pfn = zones[ZONE_DMA].zone_start_pfn;

	for (int i = 0; i < z; i++)
		if (populated_zone(&zones[i]))
			pfn = zone_end_pfn(&zones[i]);
	return pfn;
}

static void fill_zone_info(zone_info_t *info, int z)
{
	const struct zone *zone = &zones[z];
	unsigned long start = zone->spanned_pages ? zone->zone_start_pfn :
						    empty_zone_pfn(z);

	*info = (zone_info_t){
		.type = (zone_type_t)z,
		.name = zone->name,
		.start_pfn = start,
		.end_pfn = start + zone->spanned_pages,
		.free_pages = zone->free_pages,
		.managed_pages = zone->managed_pages,
	};
}

int get_zone_info(zone_info_t **zones_out, int *count)
{
	zone_info_t *array;

	if (!zones_out || !count)
		return -EINVAL;
	array = kmalloc_array(MAX_NR_ZONES, sizeof(*array), GFP_KERNEL);
	if (!array)
		return -ENOMEM;
	for (int z = 0; z < MAX_NR_ZONES; z++)
		fill_zone_info(&array[z], z);
	*zones_out = array;
	*count = MAX_NR_ZONES;
	return 0;
}

void print_zone_info(void)
{
	zone_info_t *info;
	int count;

	if (get_zone_info(&info, &count)) {
		kprintf("print_zone_info: out of memory\n");
		return;
	}
	kprintf("%-10s %10s %10s %12s %12s\n", "Zone", "Start PFN", "End PFN",
		"Free Pages", "Managed");
	for (int i = 0; i < count; i++) {
		if (info[i].start_pfn == info[i].end_pfn) {
			/* DMA32 and Movable are always empty here; HighMem
			 * only when all of RAM fits in the direct map. */
			kprintf("%-10s %10s %10s %12s %12s   %s\n",
				info[i].name, "-", "-", "-", "-",
				i == ZONE_HIGHMEM ? "(empty: RAM < 896 MB)" :
						    "(empty on i386)");
			continue;
		}
		kprintf("%-10s %10llu %10llu %12llu %12llu\n", info[i].name,
			info[i].start_pfn, info[i].end_pfn, info[i].free_pages,
			info[i].managed_pages);
	}
	kfree(info);
}

void explain_highmem(void)
{
	kprintf("High Memory (32-bit systems):\n"
		"  - Physical memory above ~896MB (the end of the direct map)\n"
		"  - Not permanently mapped in the kernel's 1 GB of address space\n"
		"  - Must use kmap() (or kmap_local_page()) to access it\n"
		"  - Returns a temporary virtual address: one of 1024 pkmap slots,\n"
		"    or one of 16 fixmap slots for kmap_local\n\n"
		"64-bit systems:\n"
		"  - No highmem problem: all physical memory is directly mapped\n"
		"  - Up to 64TB direct map on x86-64\n");
	kprintf("\nThis boot: lowmem ends at physical %#lx (virtual %p);\n",
		max_low_pfn << PAGE_SHIFT, high_memory);
	if (totalhigh_pages())
		kprintf("  %lu MB of highmem, %lu MB of it free\n",
			totalhigh_pages() >> 8, nr_free_highpages() >> 8);
	else
		kprintf("  no highmem here: boot with -m 2G, or with highmem=64M\n");
}

bool needs_highmem(uint64_t phys_addr)
{
	return phys_addr >= (u64)max_low_pfn << PAGE_SHIFT;
}
