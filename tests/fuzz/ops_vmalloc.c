// SPDX-License-Identifier: GPL-2.0
/*
 * ops_vmalloc.c - vmalloc's operations: vmalloc(), vzalloc(), vmalloc_32()
 * of 1 to 32 pages, vfree(), vmap() of the harness's own pages, vunmap(),
 * the lazy purge, and the misuse vfree() and vunmap() must refuse: an
 * address inside an area, the wrong kind of area, a second free, what is
 * no vmalloc address at all; and an area's pages and page table freed by
 * __free_pages() or kfree(), which must refuse them.
 *
 * An area is checked page by page through the page tables
 * (vmalloc_to_page()) and through its mapping: a vmalloc area carries tags
 * at its start and its end, a vmap area must show the tags of the pages it
 * maps.  After the purge, every area freed before it must really fault:
 * its PTEs are gone and the TLB was flushed.
 */
#include <asm/pgtable.h>
#include <errno.h>
#include <kernel.h>

#include "../../mm/internal.h"
#include "fuzz.h"
#include "sim.h"

static int fz_free_area_slot(void)
{
	for (int i = 0; i < FZ_AREAS; i++)
		if (!fz.areas[i].addr)
			return i;
	return -1;
}

/* An area's pages: mapped, distinct, owned by it (vmalloc) or the harness. */
static void fz_expect_area_pages(const struct fz_area *a, gfp_t gfp)
{
	struct page *pages[32];
	struct vm_struct *vm = find_vm_area(a->addr);

	FZ_CHECK(vm && vm->nr_pages == a->pages &&
			 vm->size == (a->pages + 1) * PAGE_SIZE,
		 "area %p: vm_struct %p does not describe %lu pages", a->addr,
		 vm, a->pages);
	for (unsigned long i = 0; i < a->pages && i < ARRAY_SIZE(pages); i++) {
		char *addr = (char *)a->addr + i * PAGE_SIZE;

		pages[i] = vmalloc_to_page(addr);
		FZ_CHECK(pages[i], "area %p: page %lu is not mapped", a->addr,
			 i);
		if (a->is_vmap) {
			FZ_CHECK(pages[i] == fz.blocks[a->blocks[i]].page,
				 "vmap %p: page %lu maps pfn %#lx", a->addr, i,
				 page_to_pfn(pages[i]));
			continue;
		}
		FZ_CHECK(PageVmalloc(pages[i]) && page_count(pages[i]) == 1,
			 "area %p: pfn %#lx is no vmalloc page (flags %#lx)",
			 a->addr, page_to_pfn(pages[i]), pages[i]->flags);
		if (gfp & GFP_DMA32)
			FZ_CHECK(!PageHighMem(pages[i]),
				 "vmalloc_32 area %p has a highmem page",
				 a->addr);
		for (unsigned long j = 0; j < i; j++)
			FZ_CHECK(pages[j] != pages[i],
				 "area %p maps pfn %#lx twice", a->addr,
				 page_to_pfn(pages[i]));
	}
	/* The guard page after it is not mapped. */
	FZ_CHECK(!vmalloc_to_page((char *)a->addr + a->pages * PAGE_SIZE),
		 "the guard page of area %p is mapped", a->addr);
}

static void fz_vmalloc(struct fz_input *in)
{
	u8 n = fz_u8(in), kind = fz_u8(in);
	unsigned long pages = 1 + n % 32;
	unsigned long size = pages * PAGE_SIZE - (kind & 0x30) * 16;
	int slot = fz_free_area_slot();
	struct fz_area *a;
	gfp_t gfp;
	void *p;

	if (slot < 0)
		return;
	switch (kind % 3) {
	case 0:
		p = vmalloc(size);
		gfp = GFP_KERNEL;
		break;
	case 1:
		p = vzalloc(size);
		gfp = GFP_ZERO;
		break;
	default:
		p = vmalloc_32(size);
		gfp = GFP_DMA32;
		break;
	}
	if (!p)
		return;
	FZ_CHECK(is_vmalloc_addr(p) && !offset_in_page(p), "vmalloc gave %p",
		 p);
	a = &fz.areas[slot];
	*a = (struct fz_area){ .addr = p, .pages = pages, .tag = fz_new_tag() };
	fz_expect_area_pages(a, gfp);
	if (gfp & GFP_ZERO)
		fz_expect_tag_range(p, pages * PAGE_SIZE, 0, "vzalloc area");
	fz_tag_range(p, pages * PAGE_SIZE, a->tag);
}

static void fz_area_forget(struct fz_area *a)
{
	if (a->is_vmap)
		for (unsigned long i = 0; i < a->pages; i++)
			fz.blocks[a->blocks[i]].vmaps--;
	fz.freed_areas[fz.nr_freed_areas++ % FZ_FREED] = (unsigned long)a->addr;
	a->addr = NULL;
}

static void fz_area_free(int i)
{
	struct fz_area *a = &fz.areas[i];

	if (a->is_vmap) {
		vunmap(a->addr);
	} else {
		fz_expect_tag_range(a->addr, a->pages * PAGE_SIZE, a->tag,
				    "vmalloc area");
		vfree(a->addr);
	}
	fz_area_forget(a);
}

/* vmap() of the first pages of blocks the harness holds. */
static void fz_vmap(struct fz_input *in)
{
	u8 n = fz_u8(in), pick = fz_u8(in);
	unsigned int count = 1 + n % FZ_VMAP_PAGES;
	struct page *pages[FZ_VMAP_PAGES];
	int slot = fz_free_area_slot();
	struct fz_area *a;
	void *p;

	if (slot < 0)
		return;
	a = &fz.areas[slot];
	for (unsigned int i = 0; i < count; i++) {
		int b = fz_pick_block((u8)(pick + i * 7));

		if (b < 0)
			return;
		a->blocks[i] = b;
		pages[i] = fz.blocks[b].page;
	}
	p = vmap(pages, count, VM_MAP, PAGE_KERNEL);
	if (!p)
		return;
	a->addr = p;
	a->pages = count;
	a->is_vmap = true;
	for (unsigned int i = 0; i < count; i++)
		fz.blocks[a->blocks[i]].vmaps++;
	fz_expect_area_pages(a, 0);
	for (unsigned int i = 0; i < count; i++) {
		u32 tag;

		FZ_CHECK(!fz_peek((char *)p + i * PAGE_SIZE, &tag),
			 "vmap %p: page %u faults", p, i);
		FZ_CHECK(tag == fz.blocks[a->blocks[i]].tag,
			 "vmap %p: page %u shows %#x, not its page's tag %#x",
			 p, i, tag, fz.blocks[a->blocks[i]].tag);
	}
}

/* After the purge, an area freed before it faults (unless reused). */
static void fz_expect_freed_areas_fault(void)
{
	for (unsigned int k = 0; k < FZ_FREED && k < fz.nr_freed_areas; k++) {
		unsigned long addr = fz.freed_areas[k];
		u32 val;

		if (!addr || find_vmap_area(addr))
			continue;
		FZ_CHECK(fz_peek((void *)addr, &val) == -EFAULT,
			 "%#lx was vfree()d and purged but still reads %#x",
			 addr, val);
	}
}

/* The page table that maps addr, as its struct page. */
static struct page *fz_pgtable_page(const void *addr)
{
	pgd_t pgd = *pgd_offset_k((unsigned long)addr);

	return pgd_present(pgd) && !pgd_large(pgd) ?
		       pfn_to_page(pgd >> PAGE_SHIFT) :
		       NULL;
}

/*
 * What backs an area, freed by a free that is not vfree(): a vmalloc page
 * with __free_pages() or kfree(), the page table that maps it with
 * __free_pages().  Refused: the page says it is in use, and by what.
 */
static void fz_area_pages_elsewhere(const struct fz_area *a, u8 n, u8 how)
{
	const char *addr = (const char *)a->addr + PAGE_SIZE * (n % a->pages);
	struct page *page = vmalloc_to_page(addr);

	switch (how % 3) {
	case 0:
		if (!a->is_vmap)
			fz_refuse_free_pages(page, 0,
					     "__free_pages of a vmalloc page");
		break;
	case 1:
		if (!a->is_vmap && !PageHighMem(page))
			fz_refuse_kfree(lowmem_page_address(page),
					"kfree of a vmalloc page");
		break;
	default:
		page = fz_pgtable_page(addr);
		FZ_CHECK(page && PageTable(page),
			 "area %p: its page table is no PG_table page", addr);
		fz_refuse_free_pages(page, 0, "__free_pages of a page table");
		break;
	}
}

static void fz_vmalloc_misuse(struct fz_input *in)
{
	u8 kind = fz_u8(in), n = fz_u8(in);
	int i = fz_pick_area(n);
	struct fz_reports r;
	struct fz_area *a = i >= 0 ? &fz.areas[i] : NULL;
	unsigned long addr;

	fz_reports_snap(&r);
	switch (kind % 6) {
	case 5: /* an area's pages by another allocator's free */
		if (a)
			fz_area_pages_elsewhere(a, n, kind >> 3);
		break;
	case 0: /* inside an area */
		if (!a)
			return;
		vfree((char *)a->addr + PAGE_SIZE * (1 + n % a->pages) - 8);
		fz_expect_report(&r, "vfree inside an area");
		break;
	case 1: /* the other kind of area */
		if (!a)
			return;
		if (a->is_vmap)
			vfree(a->addr);
		else
			vunmap(a->addr);
		fz_expect_report(&r, "freeing an area of the other kind");
		break;
	case 2: /* an area freed before, whose start no area has now */
		if (!fz.nr_freed_areas)
			return;
		addr = fz.freed_areas[(fz.nr_freed_areas - 1 - n % FZ_FREED) %
				      FZ_FREED];
		if (!addr || find_vm_area((void *)addr))
			return;
		vfree((void *)addr);
		fz_expect_report(&r, "a double vfree");
		break;
	case 3: /* no vmalloc address: the direct map, or user space */
		vfree(n & 1 ? (void *)(PAGE_OFFSET + 0x200000) :
			      (void *)0x1000);
		fz_expect_report(&r, "vfree of no vmalloc address");
		break;
	default: /* nothing to allocate, or far too much */
		FZ_CHECK(!vmalloc(0), "vmalloc(0) gave an area");
		fz_expect_report(&r, "vmalloc(0)");
		FZ_CHECK(!__vmalloc((unsigned long)(totalram_pages() + 1 + n)
					    << PAGE_SHIFT,
				    GFP_KERNEL | __GFP_NOWARN, NULL),
			 "vmalloc of more than all of RAM succeeded");
		break;
	}
}

void fz_op_vmalloc(struct fz_input *in, u8 op)
{
	int i;

	switch (op % 12) {
	case 0:
	case 1:
	case 2:
		fz_vmalloc(in);
		break;
	case 3:
	case 4:
		i = fz_pick_area(fz_u8(in));
		if (i >= 0)
			fz_area_free(i);
		break;
	case 5:
	case 6:
		fz_vmap(in);
		break;
	case 7:
		vmalloc_purge();
		FZ_CHECK(!vmalloc_nr_lazy_areas(),
			 "areas left after the purge");
		fz_expect_freed_areas_fault();
		break;
	case 8:
	case 9:
		fz_vmalloc_misuse(in);
		break;
	default:
		i = fz_pick_area(fz_u8(in));
		if (i >= 0)
			fz_expect_area_pages(&fz.areas[i], fz.areas[i].is_vmap ?
								   0 :
								   GFP_KERNEL);
		break;
	}
}

void fz_release_vmalloc(void)
{
	for (int i = 0; i < FZ_AREAS; i++)
		if (fz.areas[i].addr)
			fz_area_free(i);
}
