// SPDX-License-Identifier: GPL-2.0
/*
 * regions.c - naming the part of the address space an address belongs to.
 *
 * The bounds come from memlayout.h at the moment of the call, because two of
 * them (high_memory and VMALLOC_START) are set at boot from the amount of RAM
 * and the vmalloc= option.
 */
#include <asm/memlayout.h>
#include <asm/regions.h>
#include <kernel.h>

static const char *const region_names[NR_REGIONS] = {
	[REGION_USER] = "user space",
	[REGION_LOWMEM] = "lowmem (direct map)",
	[REGION_LOWMEM_GAP] = "guard gap after lowmem",
	[REGION_VMALLOC] = "vmalloc",
	[REGION_PKMAP_GAP] = "guard pages before pkmap",
	[REGION_PKMAP] = "pkmap",
	[REGION_UNUSED] = "unused",
	[REGION_FIXMAP] = "fixmap",
	[REGION_TOP_HOLE] = "top hole (FIX_HOLE)",
};

struct region_info memlayout_region_info(enum mem_region region)
{
	unsigned long bounds[NR_REGIONS + 1] = {
		0,
		PAGE_OFFSET,
		(unsigned long)high_memory,
		VMALLOC_START,
		VMALLOC_END,
		PKMAP_BASE,
		PKMAP_END,
		FIXADDR_START,
		FIXADDR_TOP,
		0, /* 4 GB wraps to 0 */
	};

	return (struct region_info){ region, region_names[region],
				     bounds[region], bounds[region + 1] };
}

struct region_info memlayout_region(unsigned long addr)
{
	for (int r = NR_REGIONS - 1; r > 0; r--) {
		struct region_info info = memlayout_region_info(r);

		if (addr >= info.start)
			return info;
	}
	return memlayout_region_info(REGION_USER);
}
