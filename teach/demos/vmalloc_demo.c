// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc_demo.c - `demo vmalloc`: kmalloc against vmalloc, side by side.
 *
 * The same 256 KB both ways: kmalloc gives one physically contiguous run of
 * lowmem, usable for DMA; vmalloc gives contiguous addresses over pages
 * taken one at a time, highmem first, from wherever the free lists have
 * them, each with its own PTE, and an unmapped guard page after the end.
 */
#include <asm/memlayout.h>
#include <demo.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <slab.h>
#include <uaccess.h>
#include <vmalloc.h>

#define DEMO_HOLES 32 /* pages the demo leaves out of the free lists */

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
	kprintf("   (the demo first took %d %spages and gave every other one back, as a\n"
		"   machine that has run a while has them: vmalloc takes one page at a time,\n"
		"   from wherever the free lists have one)\n",
		2 * DEMO_HOLES, totalhigh_pages() ? "highmem " : "");
	kprintf("   vmalloc -> %p, in the vmalloc area %#lx-%#lx\n", vbuf,
		VMALLOC_START, VMALLOC_END);
	vmalloc_show_pages(find_vm_area(vbuf));
	kprintf("   Every page needed its own PTE.  No device could DMA into this.\n");
	if (totalhigh_pages())
		kprintf("   Highmem pages are fine here: the vmalloc mapping *is* their\n"
			"   kernel address.\n");
	else
		kprintf("   With highmem (-m 2G) vmalloc takes highmem pages first: the\n"
			"   vmalloc mapping is then their only kernel address.\n");
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
	kprintf("   the range waits for the next batched TLB flush before reuse\n"
		"   (%lu area(s) waiting)\n",
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
