// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc_demo.c - `demo vmalloc`: kmalloc against vmalloc, side by side.
 *
 * The same 256 KB both ways: kmalloc gives one physically contiguous run of
 * lowmem, usable for DMA; vmalloc gives contiguous addresses over pages
 * taken one at a time, highmem first, from wherever the free lists have
 * them, each with its own PTE, and an unmapped guard page after the end.
 *
 * The buffers live in `vd` for as long as the sections need them; each
 * section allocates what it shows if an earlier one has not (or has freed
 * it), so a paced demo can go back and forward.
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
#define DEMO_SIZE (64 * PAGE_SIZE) /* both buffers: 256 KB */

static struct {
	void *kbuf; /* kmalloc(DEMO_SIZE) */
	void *vbuf; /* vmalloc(DEMO_SIZE) */
	struct page *held[DEMO_HOLES]; /* pages kept to scatter the free lists */
	bool aged; /* held[] was filled */
} vd;

/*
 * A freshly booted allocator hands out consecutive pages, which would hide
 * the point: take pages and give every other one back, as a machine that has
 * been running a while would have them, so that vmalloc's one-at-a-time
 * allocation visibly picks them up from all over.
 */
static void vd_age_free_lists(void)
{
	struct page *pages[2 * DEMO_HOLES];

	if (vd.aged)
		return;
	for (int i = 0; i < 2 * DEMO_HOLES; i++)
		pages[i] = alloc_page(GFP_HIGHMEM | __GFP_NOWARN);
	for (int i = 0; i < 2 * DEMO_HOLES; i++) {
		if (i % 2 && pages[i])
			__free_page(pages[i]);
		else
			vd.held[i / 2] = pages[i];
	}
	vd.aged = true;
}

static void vd_kmalloc(void)
{
	unsigned long kpfn;

	if (!vd.kbuf)
		vd.kbuf = kmalloc(DEMO_SIZE, GFP_KERNEL);
	if (!vd.kbuf) {
		kprintf("   kmalloc(%lu) failed: no 256 KB run of lowmem free\n",
			DEMO_SIZE);
		return;
	}
	kpfn = __pa(vd.kbuf) >> PAGE_SHIFT;
	kprintf("   kmalloc(%lu) -> %p = physical %#lx (virtual - PAGE_OFFSET)\n",
		DEMO_SIZE, vd.kbuf, __pa(vd.kbuf));
	kprintf("   pages: pfn %#lx .. %#lx, one run, all lowmem: usable for DMA\n",
		kpfn, kpfn + (DEMO_SIZE >> PAGE_SHIFT) - 1);
}

static bool vd_need_vbuf(void)
{
	if (!vd.vbuf) {
		vd_age_free_lists();
		vd.vbuf = vmalloc(DEMO_SIZE);
	}
	if (!vd.vbuf)
		kprintf("   vmalloc(%lu) failed (see the messages above)\n",
			DEMO_SIZE);
	return vd.vbuf;
}

static void vd_vmalloc(void)
{
	if (!vd_need_vbuf())
		return;
	kprintf("   (the demo first took %d %spages and gave every other one back, as a\n"
		"   machine that has run a while has them: vmalloc takes one page at a time,\n"
		"   from wherever the free lists have one)\n",
		2 * DEMO_HOLES, totalhigh_pages() ? "highmem " : "");
	kprintf("   vmalloc(%lu) -> %p, in the vmalloc area %#lx-%#lx\n",
		DEMO_SIZE, vd.vbuf, VMALLOC_START, VMALLOC_END);
	vmalloc_show_pages(find_vm_area(vd.vbuf));
	kprintf("   Every page needed its own PTE.  No device could DMA into this.\n");
	if (totalhigh_pages())
		kprintf("   Highmem pages are fine here: the vmalloc mapping *is* their\n"
			"   kernel address.\n");
	else
		kprintf("   With highmem (-m 2G) vmalloc takes highmem pages first: the\n"
			"   vmalloc mapping is then their only kernel address.\n");
}

static void vd_guard(void)
{
	char *end;
	char byte = 0;

	if (!vd_need_vbuf())
		return;
	end = (char *)vd.vbuf + DEMO_SIZE;
	kprintf("   the buffer ends at %p; %p is the unmapped guard page.\n",
		end - 1, end);
	kprintf("   copy_to_kernel_nofault(%p): %s\n", end,
		copy_to_kernel_nofault(end, &byte, 1) ?
			"-EFAULT, the write faulted" :
			"it succeeded?!");
	kprintf("   Without the probe this write is an oops whose report says:\n"
		"   \"in the guard page after vmalloc area ... allocated by ...\"\n"
		"   (demo fault shows one)\n");
}

static void vd_vfree(void)
{
	if (!vd_need_vbuf())
		return;
	vfree(vd.vbuf);
	vd.vbuf = NULL;
	kprintf("   vfree(vbuf): its PTEs are cleared and its pages are back in the\n"
		"   buddy allocator; the range waits for the next batched TLB flush\n"
		"   before reuse (%lu area(s) waiting: cat /proc/vmallocinfo)\n",
		vmalloc_nr_lazy_areas());
}

static void vd_leave(void)
{
	vfree(vd.vbuf);
	kfree(vd.kbuf);
	for (int i = 0; i < DEMO_HOLES; i++)
		if (vd.aged && vd.held[i])
			__free_page(vd.held[i]);
	vd.vbuf = vd.kbuf = NULL;
	vd.aged = false;
}

static const struct demo_section vmalloc_sections[] = {
	{ "kmalloc(256 KB): memory from the direct map, physically contiguous",
	  vd_kmalloc },
	{ "vmalloc(256 KB): contiguous addresses, scattered pages",
	  vd_vmalloc },
	{ "Writing past the end: the guard page", vd_guard },
	{ "vfree: PTEs cleared, pages back to the buddy allocator", vd_vfree },
};
DEMO(vmalloc, "kmalloc vs vmalloc: contiguous pages vs a contiguous mapping",
     vmalloc_sections, vd_leave);
