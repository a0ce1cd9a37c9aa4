// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc.c - virtually contiguous mappings of scattered pages.
 *
 * vmalloc(size) takes an address range of size + one guard page from the
 * vmalloc space (vmap_area.c), then allocates the pages one at a time with
 * GFP_KERNEL | GFP_HIGHMEM, highmem first (they need no direct-map address:
 * the vmalloc mapping is their address), and writes one PTE per page.  Page
 * tables for the range are created on demand in the kernel page directory
 * (there is only one: no process page tables to keep in sync).  The guard
 * page stays unmapped, so running off the end faults, and the fault report
 * names the area and who allocated it.
 *
 * vfree() clears the PTEs, gives the pages back and hands the range to the
 * lazy purge: no TLB flush now, one global flush later for many vfrees.  The
 * range is not reused before that flush.
 *
 * vmap() maps pages the caller owns; ioremap() maps a physical range with
 * caching off, for device registers (or RAM, in the tests); both share the
 * same address space and trees.
 *
 * On several CPUs: an area is found and taken out of the busy tree in one
 * hold of vmap_area_lock, so two CPUs freeing the same address cannot
 * both succeed (the second is told it was already freed).  Mapping and
 * unmapping an area's PTEs needs no lock: the range is the caller's alone
 * from alloc_vmap_area() to free_vmap_area_lazy(), and page tables come
 * from pte_alloc_kernel(), which has its own.  vmalloc(), vmap(),
 * ioremap() and vfree() may sleep (they allocate, or purge): reported
 * from atomic context.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <bug.h>
#include <errno.h>
#include <fault.h>
#include <kernel.h>
#include <kmemleak.h>
#include <mm.h>
#include <printk.h>
#include <seq_file.h>
#include <slab.h>
#include <sprintf.h>
#include <vmalloc.h>

#include "internal.h"

static atomic_long_t nr_vmalloc_pages;

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/* Clear the PTEs of [addr, end); the caller decides about the TLB. */
static void vunmap_range_noflush(unsigned long addr, unsigned long end)
{
	for (; addr < end; addr += PAGE_SIZE) {
		pgd_t *pgd = pgd_offset_k(addr);

		if (pgd_present(*pgd) && !pgd_large(*pgd))
			pte_clear(pte_offset_kernel(pgd, addr));
	}
}

/*
 * Map `count` pages (or, with pages == NULL, the physical range from pfn) at
 * addr.  The range was unmapped and flushed before it was handed out, so no
 * flush is needed.  On failure everything mapped so far is unmapped.
 */
static int vmap_range(unsigned long addr, struct page **pages,
		      unsigned long pfn, unsigned int count, pgprot_t prot)
{
	for (unsigned int i = 0; i < count; i++) {
		pte_t *pte = pte_alloc_kernel(addr + i * PAGE_SIZE);

		if (!pte) {
			vunmap_range_noflush(addr, addr + i * PAGE_SIZE);
			return -ENOMEM;
		}
		WARN_ON(pte_present(*pte));
		set_pte(pte,
			pfn_pte(pages ? page_to_pfn(pages[i]) : pfn + i, prot));
	}
	return 0;
}

/* A range for `size` bytes of mapping plus the guard page, as vm_struct. */
static struct vm_struct *get_vm_area(unsigned long size, unsigned long flags,
				     const void *caller)
{
	struct vm_struct *area = kzalloc(sizeof(*area), GFP_KERNEL);

	if (!area)
		return NULL;
	kmemleak_ignore(area); /* only vmap_area points to it: not scanned */
	area->size = size + PAGE_SIZE;
	area->flags = flags;
	area->caller = caller;
	if (!alloc_vmap_area(size + PAGE_SIZE, PAGE_SIZE, area, caller)) {
		pr_warn("vmap allocation for size %lu failed: use vmalloc=<size> to increase size\n",
			size + PAGE_SIZE);
		kfree(area);
		return NULL;
	}
	return area;
}

/*
 * Take a busy area out of the busy tree, unmap it and hand its range to
 * the lazy purge (Linux's remove_vm_area()), under vmap_area_lock: from
 * here on no other CPU can find it.  Returns its vm_struct, which the
 * caller frees; *purge says that the caller must purge, lock dropped.
 */
static struct vm_struct *__remove_vm_area(struct vmap_area *va, bool *purge)
{
	struct vm_struct *area = va->vm;

	unlink_vmap_area(va);
	vunmap_range_noflush(va->va_start,
			     va->va_start + area->size - PAGE_SIZE);
	va->vm = NULL;
	*purge = __free_vmap_area_lazy(va);
	return area;
}

/* Undo get_vm_area() when a mapping could not be completed. */
static void free_vm_area(struct vm_struct *area)
{
	bool purge;

	spin_lock(&vmap_area_lock);
	area = __remove_vm_area(__find_vmap_area((unsigned long)area->addr),
				&purge);
	spin_unlock(&vmap_area_lock);
	if (purge)
		vmalloc_purge();
	kfree(area);
}

static void vmalloc_free_pages(struct page **pages, unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++) {
		ClearPageVmalloc(pages[i]);
		pages[i]->vm_area = NULL;
		__free_page(pages[i]);
	}
}

static int vmalloc_alloc_pages(struct vm_struct *area, gfp_t gfp)
{
	gfp_t page_gfp = (gfp & ~(gfp_t)__GFP_NOWARN) | __GFP_NOWARN;

	area->pages = kmalloc_array(area->nr_pages, sizeof(struct page *),
				    GFP_KERNEL | __GFP_NOWARN);
	if (!area->pages)
		return -ENOMEM;
	kmemleak_ignore(area->pages);
	for (unsigned int i = 0; i < area->nr_pages; i++) {
		struct page *page = alloc_page(page_gfp);

		if (!page) {
			if (!(gfp & __GFP_NOWARN))
				pr_warn("vmalloc error: size %lu, failed to allocate page %u of %u\n",
					(unsigned long)area->nr_pages
						<< PAGE_SHIFT,
					i, area->nr_pages);
			vmalloc_free_pages(area->pages, i);
			kfree(area->pages);
			return -ENOMEM;
		}
		/* Whose page it is: __free_pages() refuses it, reports say. */
		SetPageVmalloc(page);
		page->vm_area = area;
		area->pages[i] = page;
	}
	return 0;
}

void *__vmalloc(unsigned long size, gfp_t gfp, const void *caller)
{
	struct vm_struct *area;
	unsigned long nr_pages;

	might_sleep();
	if (WARN(!size,
		 "vmalloc: size 0 requested by %pS: nothing to allocate\n",
		 caller))
		return NULL;
	/* Pages, rounded up without PAGE_ALIGN(): that wraps near 4 GB. */
	nr_pages = size / PAGE_SIZE + !!(size % PAGE_SIZE);
	if (nr_pages > totalram_pages()) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("vmalloc: size %lu from %pS is more than all of RAM (%lu kB)\n",
				size, caller, totalram_pages() << 2);
		return NULL;
	}
	size = nr_pages << PAGE_SHIFT;
	area = get_vm_area(size, VM_ALLOC, caller);
	if (!area)
		return NULL;
	area->nr_pages = (unsigned int)nr_pages;
	if (vmalloc_alloc_pages(area, gfp))
		goto out_free_area;
	if (vmap_range((unsigned long)area->addr, area->pages, 0,
		       area->nr_pages, PAGE_KERNEL))
		goto out_free_pages;
	atomic_long_add((long)nr_pages, &nr_vmalloc_pages);
	/* Linux's kmemleak_vmalloc(): the area itself is what its user holds. */
	kmemleak_alloc(area->addr, size, 1, gfp);
	return area->addr;

out_free_pages:
	vmalloc_free_pages(area->pages, area->nr_pages);
	kfree(area->pages);
out_free_area:
	area->nr_pages = 0;
	free_vm_area(area);
	return NULL;
}

void *vmalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | GFP_HIGHMEM,
			 __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | GFP_HIGHMEM | GFP_ZERO,
			 __builtin_return_address(0));
}

void *vmalloc_32(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | GFP_DMA32,
			 __builtin_return_address(0));
}

/* Why addr is no area an unmap of kind `want` may take, or NULL if it is. */
static const char *vm_area_refuse(const struct vmap_area *va, const void *addr,
				  unsigned long want)
{
	if (!va)
		return "";
	if (va->va_start != (unsigned long)addr)
		return ": not the start of its area";
	if (!(va->vm->flags & want))
		return ": another kind of area";
	return NULL;
}

/* The report for an unmap of addr that vm_area_refuse() refused. */
static noinline void vm_area_bad_free(const void *addr, const char *why,
				      const struct vmap_area *va,
				      unsigned long flags, const char *fn)
{
	if (!*why) {
		WARN(1, "Trying to %s() nonexistent vm area (%p)%s\n", fn, addr,
		     vmap_area_lazily_freed((unsigned long)addr) ?
			     ": it was already freed (double free)" :
			     "");
	} else if (va && va->va_start != (unsigned long)addr) {
		WARN(1,
		     "Trying to %s() nonexistent vm area (%p): inside the area %#lx-%#lx, not its start\n",
		     fn, addr, va->va_start, va->va_end);
	} else {
		WARN(1, "%s(%p): the area was made by %s; free it with %s()\n",
		     fn, addr,
		     flags & VM_ALLOC ? "vmalloc" :
		     flags & VM_MAP   ? "vmap" :
					"ioremap",
		     flags & VM_ALLOC ? "vfree" :
		     flags & VM_MAP   ? "vunmap" :
					"iounmap");
	}
}

/*
 * The vm_struct of addr for an unmap of kind `want`, its area found,
 * taken out of the busy tree, unmapped and put on the purge list in one
 * hold of the lock (of two CPUs freeing it, only one gets it); or NULL
 * after a WARN.
 */
static struct vm_struct *vm_area_take(const void *addr, unsigned long want,
				      const char *fn)
{
	struct vmap_area *va, copy;
	struct vm_struct *area = NULL;
	const char *why;
	bool purge = false;

	if (!is_vmalloc_addr(addr)) {
		WARN(1,
		     "Trying to %s() nonexistent vm area (%p): not a vmalloc address%s\n",
		     fn, addr,
		     virt_addr_valid(addr) ?
			     " (a direct-map address: kfree()?)" :
			     "");
		return NULL;
	}
	spin_lock(&vmap_area_lock);
	va = __find_vmap_area((unsigned long)addr);
	why = vm_area_refuse(va, addr, want);
	if (!why)
		area = __remove_vm_area(va, &purge);
	else if (va)
		copy = *va;
	spin_unlock(&vmap_area_lock);
	if (purge)
		vmalloc_purge();
	if (!why)
		return area;
	vm_area_bad_free(addr, why, va ? &copy : NULL, va ? copy.vm->flags : 0,
			 fn);
	return NULL;
}

void vfree(const void *addr)
{
	struct vm_struct *area;

	might_sleep(); /* it may purge */
	if (!addr)
		return;
	area = vm_area_take(addr, VM_ALLOC, "vfree");
	if (!area)
		return;
	kmemleak_free(addr);
	vmalloc_free_pages(area->pages, area->nr_pages);
	atomic_long_sub((long)area->nr_pages, &nr_vmalloc_pages);
	kfree(area->pages);
	kfree(area);
}

void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot)
{
	struct vm_struct *area;

	if (WARN(!count || !pages, "vmap: nothing to map\n"))
		return NULL;
	if (WARN(count > (VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT,
		 "vmap: %u pages are more than the vmalloc space holds (%lu kB)\n",
		 count, (VMALLOC_END - VMALLOC_START) >> 10))
		return NULL;
	area = get_vm_area((unsigned long)count << PAGE_SHIFT, VM_MAP | flags,
			   __builtin_return_address(0));
	if (!area)
		return NULL;
	if (vmap_range((unsigned long)area->addr, pages, 0, count, prot)) {
		free_vm_area(area);
		return NULL;
	}
	area->nr_pages = count;
	return area->addr;
}

void vunmap(const void *addr)
{
	might_sleep();
	if (addr)
		kfree(vm_area_take(addr, VM_MAP, "vunmap"));
}

void *ioremap(phys_addr_t phys, unsigned long size)
{
	unsigned long offset = (unsigned long)(phys & ~PAGE_MASK);
	phys_addr_t base = phys - offset;
	struct vm_struct *area;

	if (WARN(!size || base + size + offset > (1ULL << 32),
		 "ioremap: bad range %#llx + %#lx\n", phys, size))
		return NULL;
	size = PAGE_ALIGN(size + offset);
	area = get_vm_area(size, VM_IOREMAP, __builtin_return_address(0));
	if (!area)
		return NULL;
	area->phys_addr = base;
	if (vmap_range((unsigned long)area->addr, NULL,
		       (unsigned long)(base >> PAGE_SHIFT),
		       (unsigned int)(size >> PAGE_SHIFT),
		       PAGE_KERNEL_NOCACHE)) {
		free_vm_area(area);
		return NULL;
	}
	return (char *)area->addr + offset;
}

void iounmap(volatile void *addr)
{
	might_sleep();
	if (addr)
		kfree(vm_area_take((void *)((unsigned long)addr & PAGE_MASK),
				   VM_IOREMAP, "iounmap"));
}

struct page *vmalloc_to_page(const void *addr)
{
	enum pg_level level;
	pte_t *pte = lookup_address((unsigned long)addr, &level);
	unsigned long pfn;

	if (!pte || !pte_present(*pte))
		return NULL;
	pfn = level == PG_LEVEL_4M ?
		      (*pte >> PAGE_SHIFT) +
			      (((unsigned long)addr & ~PGDIR_MASK) >>
			       PAGE_SHIFT) :
		      pte_pfn(*pte);
	return pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;
}

unsigned long vmalloc_to_pfn(const void *addr)
{
	struct page *page = vmalloc_to_page(addr);

	return page ? page_to_pfn(page) : 0;
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va = find_vmap_area((unsigned long)addr);

	return va && va->va_start == (unsigned long)addr ? va->vm : NULL;
}

unsigned long vmalloc_nr_pages(void)
{
	return (unsigned long)atomic_long_read(&nr_vmalloc_pages);
}

/*
 * Fault reports: a guard page, or an area that vfree() already took back.
 * From a copy taken with trylocks: the fault may have come with one held.
 */
static bool vmalloc_explain(unsigned long addr, unsigned long err, char *buf,
			    size_t size)
{
	struct vmap_area va;

	if (!is_vmalloc_addr((void *)addr))
		return false;
	switch (vmap_area_snapshot(addr, &va)) {
	case VMAP_AREA_BUSY:
		if (addr < va.va_end - PAGE_SIZE)
			return false;
		snprintf(
			buf, size,
			"in the guard page after vmalloc area 0x%08lx-0x%08lx allocated by %pS: a write past the end of the buffer",
			va.va_start, va.va_end - PAGE_SIZE, va.caller);
		return true;
	case VMAP_AREA_LAZY:
		snprintf(
			buf, size,
			"in vmalloc area 0x%08lx-0x%08lx, already freed by vfree() (a use after free); it was allocated by %pS",
			va.va_start, va.va_end - PAGE_SIZE, va.caller);
		return true;
	}
	return false;
}

static void vmallocinfo_show_one(const struct vmap_area *va, void *arg)
{
	struct seq_file *m = arg;
	const struct vm_struct *v = va->vm;

	if (!v) {
		seq_printf(m, "0x%08lx-0x%08lx %7ld unpurged vm_area\n",
			   va->va_start, va->va_end, va->va_end - va->va_start);
		return;
	}
	seq_printf(m, "0x%08lx-0x%08lx %7ld", (unsigned long)v->addr,
		   (unsigned long)v->addr + v->size, v->size);
	if (v->caller)
		seq_printf(m, " %pS", v->caller);
	if (v->nr_pages)
		seq_printf(m, " pages=%u", v->nr_pages);
	if (v->phys_addr)
		seq_printf(m, " phys=0x%08llx", v->phys_addr);
	if (v->flags & VM_IOREMAP)
		seq_puts(m, " ioremap");
	if (v->flags & VM_ALLOC)
		seq_puts(m, " vmalloc");
	if (v->flags & VM_MAP)
		seq_puts(m, " vmap");
	seq_putc(m, '\n');
}

/* The lazily freed area after `after`, in address order (O(n), a view). */
static const struct vmap_area *next_unpurged(struct list_head *lazy,
					     unsigned long after)
{
	const struct vmap_area *va, *best = NULL;

	list_for_each_entry(va, lazy, list)
		if (va->va_start >= after &&
		    (!best || va->va_start < best->va_start))
			best = va;
	return best;
}

struct vmap_walk {
	void (*fn)(const struct vmap_area *va, void *arg);
	void *arg;
};

/* Both lists merged by address, with their locks held. */
static void vmap_walk_lists(struct list_head *busy, struct list_head *lazy,
			    void *arg)
{
	const struct vmap_walk *w = arg;
	const struct vmap_area *va, *purged = next_unpurged(lazy, 0);

	list_for_each_entry(va, busy, list) {
		while (purged && purged->va_start < va->va_start) {
			w->fn(purged, w->arg);
			purged = next_unpurged(lazy, purged->va_end);
		}
		w->fn(va, w->arg);
	}
	for (; purged; purged = next_unpurged(lazy, purged->va_end))
		w->fn(purged, w->arg);
}

/**
 * vmap_area_walk - every area, busy or waiting for the purge, by address
 * @fn: called for each area (va->vm is NULL for one awaiting the purge),
 *      with vmap_area_lock held: it must not sleep
 * @arg: passed to fn
 *
 * The view /proc/vmallocinfo and the `map` command share; O(n) per
 * unpurged area, which is what a view may cost.
 */
void vmap_area_walk(void (*fn)(const struct vmap_area *va, void *arg),
		    void *arg)
{
	struct vmap_walk w = { .fn = fn, .arg = arg };

	vmap_area_walk_locked(vmap_walk_lists, &w);
}

/* /proc/vmallocinfo: every area, busy or waiting for the purge, by address. */
static void vmallocinfo_show(struct seq_file *m)
{
	vmap_area_walk(vmallocinfo_show_one, m);
}
PROC_FILE("vmallocinfo", vmallocinfo_show);

void __init vmalloc_init(void)
{
	vmap_area_init();
	register_fault_explainer(vmalloc_explain);
	pr_info("vmalloc: %lu MB at 0x%08lx-0x%08lx, areas in rbtrees, lazy TLB purge every %d MB\n",
		(VMALLOC_END - VMALLOC_START) >> 20, VMALLOC_START, VMALLOC_END,
		32);
}
