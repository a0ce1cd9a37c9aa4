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
 * Buffers is the page cache of block devices (/dev/vda read and written
 * directly: Linux calls it so), Cached the rest of the page cache (the
 * files of the initramfs, which are also Unevictable: ramfs cannot give
 * them back, and shared memory, Shmem); the LRU rows are the lists' lengths (mm/swap.c); Dirty and
 * Writeback the pages waiting to be written and being written.  There is
 * no swap: SwapTotal 0, and anonymous pages are never reclaimed.
 * AnonPages and Mapped are the pages processes map (anonymous, and
 * files' or shared memory's: mm/rmap.c), Shmem the pages of shared
 * anonymous memory; KernelStack every task's and every CPU's kernel
 * stack; PageTables the kernel's and the processes' page tables.
 * VmallocUsed counts the pages mapped by vmalloc(); VmallocChunk is the
 * largest free range of the vmalloc space (Linux stopped computing it and
 * prints 0; here it is cheap: the root of the free tree knows it).
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <blkdev.h>
#include <kernel.h>
#include <mm.h>
#include <seq_file.h>
#include <slab.h>
#include <vmalloc.h>
#include <vmstat.h>

static void show_val_kb(struct seq_file *m, const char *label,
			unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", label, pages << (PAGE_SHIFT - 10));
}

/*
 * Linux's si_mem_available(): free memory above the zones' high
 * watermarks, plus the page cache reclaim could free, less what the
 * cache keeps for itself (half of it, or the low watermarks if smaller),
 * plus half the reclaimable slab.
 */
static unsigned long mem_available(void)
{
	long avail = (long)nr_free_pages(), wmark_low = 0, pagecache, slab;

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		avail -= (long)high_wmark_pages(&zones[z]);
		wmark_low += (long)low_wmark_pages(&zones[z]);
	}
	pagecache = (long)(node_page_state(NR_ACTIVE_FILE) +
			   node_page_state(NR_INACTIVE_FILE));
	avail += pagecache - min(pagecache / 2, wmark_low);
	slab = atomic_long_read(&nr_slab_reclaimable);
	avail += slab - min(slab / 2, wmark_low);
	return avail > 0 ? (unsigned long)avail : 0;
}

static void meminfo_show(struct seq_file *m)
{
	unsigned long total = totalram_pages(), high = totalhigh_pages();
	unsigned long free = nr_free_pages(), highfree = nr_free_highpages();
	unsigned long vmalloc_total = VMALLOC_END - VMALLOC_START;
	unsigned long sreclaimable = atomic_long_read(&nr_slab_reclaimable);
	unsigned long sunreclaim = atomic_long_read(&nr_slab_unreclaimable);
	unsigned long buffers = nr_blockdev_pages();
	/* Shared memory is page cache too, in Linux (shmem). */
	unsigned long cached =
		node_page_state(NR_FILE_PAGES) + READ_ONCE(nr_shmem_pages);
	unsigned long lru[NR_LRU_LISTS];

	for (int i = 0; i < NR_LRU_LISTS; i++)
		lru[i] = node_page_state(NR_LRU_BASE + i);

	show_val_kb(m, "MemTotal:", total);
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", mem_available());
	show_val_kb(m, "Buffers:", buffers);
	show_val_kb(m, "Cached:", cached > buffers ? cached - buffers : 0);
	show_val_kb(m, "SwapCached:", 0);
	show_val_kb(m, "Active:", lru[LRU_ACTIVE_ANON] + lru[LRU_ACTIVE_FILE]);
	show_val_kb(m, "Inactive:",
		    lru[LRU_INACTIVE_ANON] + lru[LRU_INACTIVE_FILE]);
	show_val_kb(m, "Active(anon):", lru[LRU_ACTIVE_ANON]);
	show_val_kb(m, "Inactive(anon):", lru[LRU_INACTIVE_ANON]);
	show_val_kb(m, "Active(file):", lru[LRU_ACTIVE_FILE]);
	show_val_kb(m, "Inactive(file):", lru[LRU_INACTIVE_FILE]);
	show_val_kb(m, "Unevictable:", lru[LRU_UNEVICTABLE]);
	show_val_kb(m, "HighTotal:", high);
	show_val_kb(m, "HighFree:", highfree);
	show_val_kb(m, "LowTotal:", total - high);
	show_val_kb(m, "LowFree:", free - highfree);
	show_val_kb(m, "SwapTotal:", 0);
	show_val_kb(m, "SwapFree:", 0);
	show_val_kb(m, "Dirty:", node_page_state(NR_FILE_DIRTY));
	show_val_kb(m, "Writeback:", node_page_state(NR_WRITEBACK));
	show_val_kb(m, "AnonPages:", READ_ONCE(nr_anon_mapped));
	show_val_kb(m, "Mapped:", READ_ONCE(nr_file_mapped));
	show_val_kb(m, "Shmem:", READ_ONCE(nr_shmem_pages));
	show_val_kb(m, "Slab:", sreclaimable + sunreclaim);
	show_val_kb(m, "SReclaimable:", sreclaimable);
	show_val_kb(m, "SUnreclaim:", sunreclaim);
	seq_printf(m, "%-16s%8lu kB\n",
		   "KernelStack:", READ_ONCE(nr_kernel_stack_kb));
	show_val_kb(m, "PageTables:", nr_page_table_pages());
	seq_printf(m, "%-16s%8lu kB\n", "VmallocTotal:", vmalloc_total >> 10);
	show_val_kb(m, "VmallocUsed:", vmalloc_nr_pages());
	seq_printf(m, "%-16s%8lu kB\n",
		   "VmallocChunk:", vmalloc_largest_free() >> 10);
	seq_printf(m, "%-16s%8lu kB\n", "DirectMap4k:", direct_pages_4k << 2);
	seq_printf(m, "%-16s%8lu kB\n", "DirectMap4M:", direct_pages_4m << 12);
}
PROC_FILE("meminfo", meminfo_show);
