// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc_cmds.c - `vmalloc`, `vfree` and `demo vmalloc`: seeing that a
 * vmalloc buffer is one range of virtual addresses over pages from all over
 * physical memory (mostly highmem), and what kmalloc gives instead.
 */
#include <asm/memlayout.h>
#include <bug.h>
#include <demo.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <slab.h>
#include <uaccess.h>
#include <vmalloc.h>

#define LIST_PAGES_MAX 24 /* pages listed one by one before summarising */
#define DEMO_HOLES 32 /* pages the demo leaves out of the free lists */

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
static void show_vmalloc_pages(const struct vm_struct *area)
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
	kprintf("  %u pages: %lu highmem, %lu lowmem (Normal %lu, DMA %lu); %lu physically contiguous run(s)\n",
		area->nr_pages, per_zone[ZONE_HIGHMEM],
		per_zone[ZONE_NORMAL] + per_zone[ZONE_DMA],
		per_zone[ZONE_NORMAL], per_zone[ZONE_DMA],
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
	kprintf("vmalloc: %lu bytes at %p-%p, area of %lu bytes with its guard page\n",
		size, addr, (char *)addr + PAGE_ALIGN(size) - 1,
		find_vm_area(addr)->size);
	show_vmalloc_pages(find_vm_area(addr));
	kprintf("  give it back with: vfree %p\n", addr);
	return 0;
}
SHELL_COMMAND(vmalloc, "SIZE", "vmalloc a buffer, show where its pages are",
	      SHELL_TOPIC_VMALLOC, cmd_vmalloc);

static int cmd_vfree(int argc, char **argv)
{
	unsigned long addr, warnings = nr_warnings;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (shell_parse_ulong(argv[1], &addr))
		return -EINVAL;
	vfree((void *)addr);
	if (nr_warnings != warnings) {
		kprintf("vfree: refused, see the report above\n");
		return -EINVAL;
	}
	kprintf("vfree: %#lx released (the TLB flush is batched: see unpurged areas in /proc/vmallocinfo)\n",
		addr);
	return 0;
}
SHELL_COMMAND(vfree, "ADDR", "free a vmalloc buffer", SHELL_TOPIC_VMALLOC,
	      cmd_vfree);

static void demo_vmalloc_contrast(void *kbuf, void *vbuf, unsigned long size)
{
	unsigned long kpfn = __pa(kbuf) >> PAGE_SHIFT;

	demo_step(
		"1. kmalloc(%lu): memory from the direct map, physically contiguous",
		size);
	kprintf("   kmalloc -> %p = physical %#lx (virtual - PAGE_OFFSET)\n",
		kbuf, __pa(kbuf));
	kprintf("   pages: pfn %#lx .. %#lx, one run, all lowmem: usable for DMA\n",
		kpfn, kpfn + (size >> PAGE_SHIFT) - 1);

	demo_step("2. vmalloc(%lu): contiguous addresses, scattered pages",
		  size);
	kprintf("   (the demo first took %d highmem pages and gave every other one back, as a\n"
		"   machine that has run a while has them: vmalloc takes one page at a time,\n"
		"   from wherever the free lists have one)\n",
		2 * DEMO_HOLES);
	kprintf("   vmalloc -> %p, in the vmalloc area %#lx-%#lx\n", vbuf,
		VMALLOC_START, VMALLOC_END);
	show_vmalloc_pages(find_vm_area(vbuf));
	kprintf("   Every page needed its own PTE; highmem pages are fine here because the\n"
		"   vmalloc mapping *is* their kernel address.  No device could DMA into this.\n");
}

static void demo_vmalloc_guard(void *vbuf, unsigned long size)
{
	char *end = (char *)vbuf + size;
	char byte = 0;

	demo_step("3. Writing past the end: the guard page");
	kprintf("   the buffer ends at %p; %p is the unmapped guard page.\n",
		end - 1, end);
	kprintf("   copy_to_kernel_nofault(%p): %s\n", end,
		copy_to_kernel_nofault(end, &byte, 1) ?
			"-EFAULT, the write faulted" :
			"it succeeded?!");
	kprintf("   Without the probe this write is an oops whose report says:\n"
		"   \"in the guard page after vmalloc area ... allocated by ...\"\n");
}

/*
 * A freshly booted allocator hands out consecutive pages, which would hide
 * the point: take pages and give every other one back, as a machine that has
 * been running a while would have them, so that vmalloc's one-at-a-time
 * allocation visibly picks them up from all over.
 */
static void demo_vmalloc_age_free_lists(struct page **held)
{
	struct page *pages[2 * DEMO_HOLES];

	for (int i = 0; i < 2 * DEMO_HOLES; i++)
		pages[i] = alloc_page(GFP_HIGHMEM | __GFP_NOWARN);
	for (int i = 0; i < 2 * DEMO_HOLES; i++) {
		if (i % 2 && pages[i])
			__free_page(pages[i]);
		else
			held[i / 2] = pages[i];
	}
}

static void demo_vmalloc(void)
{
	unsigned long size = 64 * PAGE_SIZE;
	struct page *held[DEMO_HOLES];
	void *kbuf, *vbuf;

	demo_vmalloc_age_free_lists(held);
	kbuf = kmalloc(size, GFP_KERNEL);
	vbuf = vmalloc(size);
	if (!kbuf || !vbuf) {
		kprintf("demo vmalloc: not enough memory for two %lu KB buffers\n",
			size >> 10);
		goto out;
	}
	demo_vmalloc_contrast(kbuf, vbuf, size);
	demo_vmalloc_guard(vbuf, size);
	demo_step("4. vfree: PTEs cleared, pages back to the buddy allocator");
	vfree(vbuf);
	vbuf = NULL;
	kprintf("   the range waits for the next batched TLB flush before reuse (%lu area(s) waiting)\n",
		vmalloc_nr_lazy_areas());
out:
	vfree(vbuf);
	kfree(kbuf);
	for (int i = 0; i < DEMO_HOLES; i++)
		if (held[i])
			__free_page(held[i]);
}
DEMO(vmalloc, "kmalloc vs vmalloc: contiguous pages vs a contiguous mapping",
     demo_vmalloc);
