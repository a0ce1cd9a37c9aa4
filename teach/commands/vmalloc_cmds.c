// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc_cmds.c - `vmalloc` and `vfree`: seeing that a vmalloc buffer is
 * one range of virtual addresses over pages from all over physical memory
 * (mostly highmem).  `demo vmalloc` (teach/demos/vmalloc_demo.c) contrasts
 * it with kmalloc, using vmalloc_show_pages() from here.  `vfree` frees only
 * the areas `vmalloc` handed out (the shell's list, teach/shell/held.c):
 * any other is in use by the kernel.
 */
#include <asm/memlayout.h>
#include <bug.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <slab.h>
#include <uaccess.h>
#include <vmalloc.h>

#define LIST_PAGES_MAX 24 /* pages listed one by one before summarising */

/* Physically contiguous runs among the pages of [addr, addr + n pages). */
static unsigned long contiguous_runs(const void *addr, unsigned long n)
{
	unsigned long runs = 0, prev = 0;

	for (unsigned long i = 0; i < n; i++) {
		unsigned long pfn =
			vmalloc_to_pfn((const char *)addr + i * PAGE_SIZE);

		if (i == 0 || pfn != prev + 1)
			runs++;
		prev = pfn;
	}
	return runs;
}

/* Every page of a vmalloc area: its pfn and zone, then a summary. */
void vmalloc_show_pages(const struct vm_struct *area)
{
	unsigned long per_zone[MAX_NR_ZONES] = { 0 };

	for (unsigned int i = 0; i < area->nr_pages; i++) {
		const char *va = (const char *)area->addr + i * PAGE_SIZE;
		struct page *page = vmalloc_to_page(va);

		per_zone[page_zonenum(page)]++;
		if (i < LIST_PAGES_MAX || i == area->nr_pages - 1)
			kprintf("  page %4u  %p -> pfn %#7lx  %s\n", i, va,
				page_to_pfn(page),
				PageHighMem(page) ? "highmem" : "lowmem");
		else if (i == LIST_PAGES_MAX)
			kprintf("  ...\n");
	}
	kprintf("  %u pages: %lu highmem, %lu lowmem (Normal %lu, DMA %lu)\n",
		area->nr_pages, per_zone[ZONE_HIGHMEM],
		per_zone[ZONE_NORMAL] + per_zone[ZONE_DMA],
		per_zone[ZONE_NORMAL], per_zone[ZONE_DMA]);
	kprintf("  in %lu physically contiguous run(s)\n",
		contiguous_runs(area->addr, area->nr_pages));
	kprintf("  guard page %p (unmapped)\n",
		(const char *)area->addr + area->size - PAGE_SIZE);
}

static int cmd_vmalloc(int argc, char **argv)
{
	unsigned long size;
	void *addr;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (shell_parse_size(argv[1], &size))
		return -EINVAL;
	addr = vmalloc(size);
	if (!addr) {
		kprintf("vmalloc: %lu bytes: failed (see the messages above)\n",
			size);
		return -ENOMEM;
	}
	if (!shell_hold(HELD_VMALLOC, addr, 0)) {
		vfree(addr);
		return -ENOSPC;
	}
	kprintf("vmalloc: %lu bytes at %p-%p\n", size, addr,
		(char *)addr + PAGE_ALIGN(size) - 1);
	kprintf("  area of %lu bytes with its guard page\n",
		find_vm_area(addr)->size);
	vmalloc_show_pages(find_vm_area(addr));
	kprintf("  give it back with: vfree %p\n", addr);
	return 0;
}
SHELL_COMMAND(vmalloc, "SIZE", "vmalloc a buffer, show where its pages are",
	      SHELL_TOPIC_VMALLOC, cmd_vmalloc,
	      .detail = "Allocates SIZE bytes (100000, 64K, 2M...) with "
			"vmalloc(): one range of addresses in the vmalloc "
			"area, backed by pages taken one at a time with "
			"GFP_KERNEL | GFP_HIGHMEM, so mostly highmem and "
			"physically scattered.  Lists each page's pfn and "
			"zone, counts the physically contiguous runs, and "
			"names the unmapped guard page after the area.",
	      .see = "vfree, cat /proc/vmallocinfo, walk VADDR (the guard "
		     "page), cat /proc/meminfo (VmallocUsed), demo vmalloc, "
		     "explain vmalloc");

/*
 * An area that some other part of the kernel made and still uses: not on
 * the shell's list.  (An address inside one of the shell's areas goes to
 * vfree(), whose WARN is the lesson.)
 */
static bool refuse_not_ours(unsigned long addr)
{
	const struct vm_struct *area = find_vm_area((void *)addr);

	if (!area || shell_holds(HELD_VMALLOC, area->addr))
		return false; /* not an area: vfree() itself says so */
	kprintf("vfree: %#lx is a vmalloc area of %lu bytes made by %pS, not by `vmalloc`: refused (its owner still uses it)\n",
		addr, area->size, area->caller);
	return true;
}

static int cmd_vfree(int argc, char **argv)
{
	unsigned long addr, warnings = nr_warnings;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (shell_parse_ulong(argv[1], &addr))
		return -EINVAL;
	if (refuse_not_ours(addr))
		return -EBUSY;
	vfree((void *)addr);
	if (nr_warnings != warnings) {
		kprintf("vfree: refused, see the report above\n");
		return -EINVAL;
	}
	shell_unhold(HELD_VMALLOC, (void *)addr);
	kprintf("vfree: %#lx released; its TLB flush is batched:\n", addr);
	kprintf("  until then /proc/vmallocinfo lists it as unpurged\n");
	return 0;
}
SHELL_COMMAND(vfree, "ADDR", "free a vmalloc buffer", SHELL_TOPIC_VMALLOC,
	      cmd_vfree,
	      .detail = "Frees a vmalloc area by its start address: the PTEs "
			"are cleared and the pages go back at once, but the "
			"range waits on a purge list and the TLB is flushed "
			"for many freed ranges together (every 32 MB), as "
			"Linux does.  An address that does not start an area "
			"(already freed, inside one, a kmalloc address) is a "
			"WARN and nothing is freed.",
	      .see = "vmalloc, cat /proc/vmallocinfo, demo vmalloc");
