// SPDX-License-Identifier: GPL-2.0
/*
 * meminfo.c - /proc/meminfo, in Linux's format ("MemTotal:  2059868 kB").
 *
 * Only the lines this kernel can fill truthfully.  MemTotal is what the
 * buddy allocator manages (not the RAM size: the kernel image, mem_map and
 * firmware areas are not in it), as in Linux.  MemAvailable is free memory
 * minus the zones' high watermarks, Linux's estimate without page cache.
 * HighTotal/LowTotal split MemTotal at the end of the direct map.  Slab is
 * the pages held by slab caches (SReclaimable: SLAB_RECLAIM_ACCOUNT ones)
 * plus kmalloc_large() pages, as Linux 6.1 counts them.
 * VmallocUsed counts the pages mapped by vmalloc(); VmallocChunk is the
 * largest free range of the vmalloc space (Linux stopped computing it and
 * prints 0; here it is cheap: the root of the free tree knows it).
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <kernel.h>
#include <mm.h>
#include <seq_file.h>
#include <slab.h>
#include <vmalloc.h>

static void show_val_kb(struct seq_file *m, const char *label,
			unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", label, pages << (PAGE_SHIFT - 10));
}

static unsigned long mem_available(void)
{
	long avail = (long)nr_free_pages();

	for (int z = 0; z < MAX_NR_ZONES; z++)
		avail -= (long)high_wmark_pages(&zones[z]);
	return avail > 0 ? (unsigned long)avail : 0;
}

static void meminfo_show(struct seq_file *m)
{
	unsigned long total = totalram_pages(), high = totalhigh_pages();
	unsigned long free = nr_free_pages(), highfree = nr_free_highpages();
	unsigned long vmalloc_total = VMALLOC_END - VMALLOC_START;
	unsigned long sreclaimable = atomic_long_read(&nr_slab_reclaimable);
	unsigned long sunreclaim = atomic_long_read(&nr_slab_unreclaimable);

	show_val_kb(m, "MemTotal:", total);
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", mem_available());
	show_val_kb(m, "HighTotal:", high);
	show_val_kb(m, "HighFree:", highfree);
	show_val_kb(m, "LowTotal:", total - high);
	show_val_kb(m, "LowFree:", free - highfree);
	show_val_kb(m, "Slab:", sreclaimable + sunreclaim);
	show_val_kb(m, "SReclaimable:", sreclaimable);
	show_val_kb(m, "SUnreclaim:", sunreclaim);
	seq_printf(m, "%-16s%8lu kB\n", "KernelStack:", BOOT_STACK_SIZE >> 10);
	show_val_kb(m, "PageTables:",
		    (unsigned long)atomic_long_read(&nr_kernel_pgtables));
	seq_printf(m, "%-16s%8lu kB\n", "VmallocTotal:", vmalloc_total >> 10);
	show_val_kb(m, "VmallocUsed:", vmalloc_nr_pages());
	seq_printf(m, "%-16s%8lu kB\n",
		   "VmallocChunk:", vmalloc_largest_free() >> 10);
	seq_printf(m, "%-16s%8lu kB\n", "DirectMap4k:", direct_pages_4k << 2);
	seq_printf(m, "%-16s%8lu kB\n", "DirectMap4M:", direct_pages_4m << 12);
}
PROC_FILE("meminfo", meminfo_show);
