// SPDX-License-Identifier: GPL-2.0
/*
 * allocators.c - ex04 2.7.9.c, d and g: kmalloc, vmalloc, their contrast,
 * and the GFP flags that steer them.
 *
 * my_kmalloc/my_vmalloc are the real kmalloc/vmalloc (the exercise called
 * them simulations; here they are not).  Each explain_* prints the lesson in
 * a few lines and then what this boot shows right now: the lesson is only as
 * good as the evidence behind it.
 */
#include <asm/memlayout.h>
#include <kernel.h>
#include <kernel_memory.h>
#include <mm.h>
#include <printk.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <vmalloc.h>

#define GFP_STRING_SLOTS 8 /* a printf may hold several results at once */

void *my_kmalloc(size_t size, gfp_flags_t flags)
{
	return kmalloc(size, flags);
}

void my_kfree(void *ptr)
{
	kfree(ptr);
}

void *my_vmalloc(size_t size)
{
	return vmalloc(size);
}

void my_vfree(void *ptr)
{
	vfree(ptr);
}

/* Physically contiguous runs among the pages of a buffer. */
static unsigned int phys_runs(const void *buf, unsigned long pages)
{
	unsigned int runs = 0;
	uint64_t prev = 0;

	for (unsigned long i = 0; i < pages; i++) {
		uint64_t phys =
			virt_to_phys((unsigned long)buf + i * PAGE_SIZE);

		if (i == 0 || phys != prev + PAGE_SIZE)
			runs++;
		prev = phys;
	}
	return runs;
}

void explain_kmalloc(void)
{
	unsigned int caches = 0;
	struct kmem_cache *s;

	kprintf("kmalloc (d):\n"
		"  - Physically contiguous memory, from the direct map (lowmem)\n"
		"  - Fast: a size class (kmalloc-8 ... kmalloc-8k) is a slab cache,\n"
		"    one pop from its free list\n"
		"  - Above 8 KB, whole pages from the buddy allocator, at most 4 MB\n"
		"  - Good for: small objects, DMA buffers, anything a device touches\n");
	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list)
		caches += !strncmp(s->name, "kmalloc-", 8) ||
			  !strncmp(s->name, "dma-kmalloc-", 12);
	mutex_unlock(&slab_mutex);
	kprintf("  now: %u kmalloc caches; kmalloc-64 has %lu object(s) in use;\n"
		"       the largest kmalloc (%lu KB) needs a free order-%d block: lowmem has %lu\n",
		caches, kmem_cache_active_objects(kmalloc_slab(64, GFP_KERNEL)),
		KMALLOC_MAX_SIZE >> 10, MAX_ORDER - 1,
		zones[ZONE_NORMAL].free_area[MAX_ORDER - 1].nr_free +
			zones[ZONE_DMA].free_area[MAX_ORDER - 1].nr_free);
}

static void vmalloc_lesson(void)
{
	kprintf("vmalloc (c):\n"
		"  - Virtually contiguous, physically scattered: one page at a time\n"
		"  - Slower: a page-table entry per page, TLB pressure\n"
		"  - Large regions, limited by the vmalloc area, not by fragmentation\n"
		"  - Not for DMA (no single physical range)\n"
		"  - Good for: large buffers only the CPU touches, module images\n");
	kprintf("  now: vmalloc area %#lx-%#lx (%lu MB), %lu pages in use,\n"
		"       largest free range %lu KB\n",
		VMALLOC_START, VMALLOC_END, (VMALLOC_END - VMALLOC_START) >> 20,
		vmalloc_nr_pages(), vmalloc_largest_free() >> 10);
}

/* Where the pages of one vmalloc buffer of `pages` pages are: returns runs. */
static unsigned int vmalloc_sample(const char *buf, unsigned long pages)
{
	unsigned long high = 0;
	unsigned int runs = phys_runs(buf, pages);

	for (unsigned long i = 0; i < pages; i++)
		high += PageHighMem(vmalloc_to_page(buf + i * PAGE_SIZE));
	kprintf("  vmalloc(%lu KB) at %p: %lu of its %lu pages are highmem,\n"
		"       in %u physical run(s)\n",
		(pages * PAGE_SIZE) >> 10, buf, high, pages, runs);
	if (runs == 1)
		kprintf("  (one run only by luck: this boot's free lists are still in order; nothing\n"
			"   keeps vmalloc's pages together: `demo vmalloc` shows them scattered)\n");
	return runs;
}

void explain_vmalloc(void)
{
	unsigned long pages = 16;
	char *buf;

	vmalloc_lesson();
	buf = vmalloc(pages * PAGE_SIZE);
	if (!buf)
		return;
	vmalloc_sample(buf, pages);
	vfree(buf);
}

/* Both lessons, then one buffer of each, measured once. */
void compare_kmalloc_vmalloc(void)
{
	unsigned long size = 16 * PAGE_SIZE;
	void *k = kmalloc(size, GFP_KERNEL), *v = vmalloc(size);
	unsigned int vruns = 0;

	explain_kmalloc();
	kprintf("\n");
	vmalloc_lesson();
	if (v)
		vruns = vmalloc_sample(v, size >> PAGE_SHIFT);
	if (k && v)
		kprintf("\n  side by side, 64 KB each:\n"
			"    kmalloc %p: %u physical run(s)\n"
			"    vmalloc %p: %u physical run(s), the buffer above\n",
			k, phys_runs(k, size >> PAGE_SHIFT), v, vruns);
	kfree(k);
	vfree(v);
}

const char *gfp_flags_string(gfp_flags_t flags)
{
	static char slots[GFP_STRING_SLOTS][96];
	static unsigned int next;
	char *buf = slots[next++ % GFP_STRING_SLOTS];

	gfp_snprint(buf, sizeof(slots[0]), (gfp_t)flags);
	return buf;
}

void explain_gfp_flags(void)
{
	const struct zone *normal = &zones[ZONE_NORMAL];
	unsigned long min = min_wmark_pages(normal);

	kprintf("Common GFP flags:\n\n"
		"GFP_KERNEL (0):\n"
		"  - Normal kernel allocation: may sleep, may reclaim\n"
		"  - Process context only\n\n"
		"GFP_ATOMIC (1):\n"
		"  - Cannot sleep: interrupt handlers, code holding spinlocks\n"
		"  - May dip into the reserve below the min watermark; may fail\n\n"
		"GFP_DMA (2):      memory below 16 MB (ISA DMA)\n"
		"GFP_DMA32 (4):    below 4 GB (32-bit devices; on i386 all of lowmem)\n"
		"GFP_HIGHMEM (8):  highmem allowed: the page may have no kernel address\n"
		"GFP_ZERO (16):    zero the memory\n"
		"GFP_NOFAIL (32):  must not fail\n\n"
		"Combining: GFP_KERNEL | GFP_ZERO = %#x: zeroed memory, may sleep\n",
		GFP_KERNEL | GFP_ZERO);
	if (populated_zone(normal))
		kprintf("  now: ZONE_NORMAL keeps min %lu pages: GFP_KERNEL stops there,\n"
			"       GFP_ATOMIC may go down to %lu\n",
			min, min - min / 2 - (min - min / 2) / 4);
}

gfp_flags_t recommend_gfp_flags(const char *context)
{
	static const struct {
		const char *context;
		gfp_t gfp;
	} table[] = {
		{ "process", GFP_KERNEL }, { "interrupt", GFP_ATOMIC },
		{ "dma", GFP_DMA },	   { "dma32", GFP_DMA32 },
		{ "user", GFP_USER },	   { "highuser", GFP_HIGHUSER },
	};

	for (size_t i = 0; context && i < ARRAY_SIZE(table); i++)
		if (!strcmp(context, table[i].context))
			return (gfp_flags_t)table[i].gfp;
	pr_notice(
		"recommend_gfp_flags: unknown context \"%s\" (known: process, interrupt, dma, dma32, user, highuser): GFP_KERNEL\n",
		context ? context : "(null)");
	return GFP_KERNEL;
}
