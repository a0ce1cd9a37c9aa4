// SPDX-License-Identifier: GPL-2.0
/*
 * memory.c - demand paging: what a page fault in a process's region
 * maps, as Linux's handle_mm_fault().
 *
 * Nothing is mapped when a region is made (mm/mmap.c); the first access
 * to each page faults, and handle_mm_fault() decides from the PTE it
 * finds and the kind of access:
 *  - no PTE, anonymous memory, a read: the shared zero page, read-only
 *    (one page of zeroes for every such read in every process);
 *  - no PTE, anonymous memory, a write: a fresh page, GFP_HIGHUSER_MOVABLE
 *    (highmem first: the kernel needs no address for it), zeroed through
 *    a kmap_local (clear_user_highpage), PG_anon;
 *  - no PTE, a region with a backing (a file, shared anonymous memory):
 *    its fault() gives the page; a read maps that very page (read-only in
 *    a private mapping: a program's text is the file's page), a write to
 *    a shared mapping maps it writable, a write to a private mapping maps
 *    a private copy (copy_user_highpage: two kmap_locals);
 *  - a present read-only PTE and a write to a writable region (do_wp_page,
 *    copy-on-write): a shared region's page is just made writable; an
 *    anonymous page nobody else holds (_refcount 1) too; anything else,
 *    the zero page, a file's page, an anonymous page fork shares, is
 *    copied into a new anonymous page and the old one is let go.
 * fork (mm/memory_range.c) relies on the last rule: it shares anonymous
 * pages read-only and lets the first write in either process copy.
 *
 * The PTE is mapped once (a kmap_local of its page table, in highmem with
 * HIGHPTE) for the whole fault and read without the lock, to decide;
 * then what the fault needs is allocated (that may sleep: the switch
 * keeps a task's kmap_local slots) and the PTE is checked, under the
 * address space's page_table_lock, to be unchanged before the new entry
 * goes in, as Linux does.  Here the caller holds mmap_lock, so it cannot
 * have changed; the check costs one compare and keeps the code right if
 * it ever could.  (Linux unmaps the PTE before it allocates and maps it
 * again after: its kmap_local did not always survive a sleep; a second
 * kmap_local of a highmem table costs about 100 instructions here.)
 *
 * TLB: an address space is loaded on one CPU at a time (one thread per
 * process, CR3 switched at every context switch), so a changed PTE needs
 * this CPU's INVLPG only, and only when that address space is loaded.
 */
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <sched.h>
#include <swap.h>
#include <vmstat.h>
#include "memory_internal.h"

struct page *zero_page;
unsigned long zero_pfn;
static void (*fault_trace)(const struct fault_trace *t);

void set_fault_trace(void (*fn)(const struct fault_trace *t))
{
	WRITE_ONCE(fault_trace, fn);
}

struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (vma->vm_flags & VM_PFNMAP)
		return NULL; /* a driver's frames: not ours to count */
	if (is_zero_pfn(pfn) || !pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

static struct page *alloc_user_page(void)
{
	return alloc_page(GFP_HIGHUSER_MOVABLE);
}

/* Install entry at vmf's address if the PTE is still what the fault saw. */
static bool fault_set_pte(struct vm_fault *vmf, pte_t entry)
{
	struct mm_struct *mm = vmf->vma->vm_mm;
	bool same;

	spin_lock(&mm->page_table_lock);
	same = *vmf->pte == vmf->orig_pte;
	if (same) {
		set_pte(vmf->pte, entry);
		if (pte_mapped(vmf->orig_pte))
			flush_user_page(mm, vmf->address);
		vmf->trace.pte = entry;
		vmf->trace.pte_vaddr = (unsigned long)vmf->pte;
	}
	spin_unlock(&mm->page_table_lock);
	return same;
}

/*
 * Map page (a new anonymous page, or the backing's own) at the fault's
 * address with entry: its rmap and rss counted; if the PTE changed
 * meanwhile, the page is let go instead.
 */
static bool fault_map_page(struct vm_fault *vmf, struct page *page, pte_t entry)
{
	vmf->trace.pfn = page_to_pfn(page);
	if (!fault_set_pte(vmf, entry)) {
		page_remove_rmap(page);
		put_page(page);
		return false;
	}
	add_mm_counter(vmf->vma->vm_mm, mm_counter(page, vmf->vma), 1);
	return true;
}

/*
 * A new anonymous page, writable: the entry a write fault installs.  It
 * joins the inactive anonymous LRU list (listed, never reclaimed: there
 * is no swap to write it to).
 */
static bool fault_map_new_anon(struct vm_fault *vmf, struct page *page)
{
	page_add_new_anon_rmap(page);
	lru_cache_add(page);
	return fault_map_page(
		vmf, page,
		pte_mkwrite_dirty(
			pfn_pte(page_to_pfn(page), vmf->vma->vm_page_prot)));
}

static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;

	if (!(vmf->flags & FAULT_FLAG_WRITE)) {
		vmf->trace.kind = FAULT_ZERO_PAGE;
		vmf->trace.pfn = zero_pfn;
		fault_set_pte(vmf, pfn_pte(zero_pfn,
					   pte_wrprotect(vma->vm_page_prot)));
		return 0;
	}
	page = alloc_user_page();
	if (!page)
		return VM_FAULT_OOM;
	clear_user_highpage(page, vmf->address);
	vmf->trace.kind = FAULT_ANON;
	fault_map_new_anon(vmf, page);
	return 0;
}

/* The backing's page for vmf->pgoff, referenced, into vmf->page. */
static vm_fault_t __do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	int err;

	if (!vma->vm_ops || !vma->vm_ops->fault)
		return VM_FAULT_SIGBUS; /* a driver's region filled at mmap */
	err = vma->vm_ops->fault(vmf);
	if (err)
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	return 0;
}

/* A backing's page for a read: read-only when writes must be seen. */
static pte_t backing_read_pte(struct vm_area_struct *vma, struct page *page)
{
	pte_t entry = pfn_pte(page_to_pfn(page), vma->vm_page_prot);

	return vma->vm_ops->page_mkwrite ? pte_wrprotect(entry) : entry;
}

/*
 * Linux's fault-around: a read fault first maps the backing's ready pages
 * of the FAULT_AROUND_PAGES-aligned window around it (64 KB, Linux's
 * fault_around_bytes), inside the region; the window never leaves the
 * fault's page table (4 MB).  True if that mapped the faulting page.
 */
#define FAULT_AROUND_PAGES 16UL

static bool do_fault_around(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long start =
		max(vmf->address & ~(FAULT_AROUND_PAGES * PAGE_SIZE - 1),
		    vma->vm_start);
	unsigned long end =
		min((vmf->address | (FAULT_AROUND_PAGES * PAGE_SIZE - 1)) + 1,
		    vma->vm_end);
	unsigned long first =
		vmf->pgoff - ((vmf->address - start) >> PAGE_SHIFT);

	vma->vm_ops->map_pages(vmf, first,
			       first + ((end - start) >> PAGE_SHIFT) - 1);
	return !pte_none(READ_ONCE(*vmf->pte));
}

bool map_page_around(struct vm_fault *vmf, struct page *page)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long address =
		vma->vm_start + ((page->index - vma->vm_pgoff) << PAGE_SHIFT);
	pte_t *pte = vmf->pte + ((long)(address - vmf->address) >> PAGE_SHIFT);
	pte_t entry = backing_read_pte(vma, page);
	bool mapped;

	page_add_file_rmap(page);
	spin_lock(&vma->vm_mm->page_table_lock);
	mapped = pte_none(*pte);
	if (mapped)
		set_pte(pte, entry);
	spin_unlock(&vma->vm_mm->page_table_lock);
	if (!mapped) {
		page_remove_rmap(page);
		return false;
	}
	add_mm_counter(vma->vm_mm, mm_counter(page, vma), 1);
	if (address == vmf->address) {
		vmf->trace.kind = FAULT_FILE_READ;
		vmf->trace.pfn = page_to_pfn(page);
		vmf->trace.pte = entry;
		vmf->trace.pte_vaddr = (unsigned long)pte;
	}
	return true;
}

/* Map the backing's own page: a read, or a write to a shared region. */
static vm_fault_t do_read_or_shared_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;
	pte_t entry;

	if (!(vmf->flags & FAULT_FLAG_WRITE) && vma->vm_ops &&
	    vma->vm_ops->map_pages && do_fault_around(vmf))
		return 0;
	ret = __do_fault(vmf);
	if (ret)
		return ret;
	entry = pfn_pte(page_to_pfn(vmf->page), vma->vm_page_prot);
	if ((vmf->flags & FAULT_FLAG_WRITE) && vma->vm_ops->page_mkwrite &&
	    vma->vm_ops->page_mkwrite(vmf)) {
		put_page(vmf->page);
		return VM_FAULT_SIGBUS;
	}
	if (vmf->flags & FAULT_FLAG_WRITE)
		entry = pte_mkwrite_dirty(
			entry); /* shared: access_error let it */
	else if (vma->vm_ops->page_mkwrite)
		entry = pte_wrprotect(entry); /* the first write must fault */
	vmf->trace.kind = (vmf->flags & FAULT_FLAG_WRITE) ? FAULT_SHARED :
							    FAULT_FILE_READ;
	page_add_file_rmap(vmf->page);
	fault_map_page(vmf, vmf->page, entry);
	return 0;
}

/* A write to a private mapping of a backing: a private copy of its page. */
static vm_fault_t do_cow_fault(struct vm_fault *vmf)
{
	struct page *copy = alloc_user_page();
	vm_fault_t ret;

	if (!copy)
		return VM_FAULT_OOM;
	ret = __do_fault(vmf);
	if (ret) {
		put_page(copy);
		return ret;
	}
	copy_user_highpage(copy, vmf->page, vmf->address);
	vmf->trace.kind = FAULT_COW_FILE;
	vmf->trace.old_pfn = page_to_pfn(vmf->page);
	put_page(vmf->page); /* the backing keeps it; we keep the copy */
	fault_map_new_anon(vmf, copy);
	return 0;
}

static vm_fault_t do_fault(struct vm_fault *vmf)
{
	if (!(vmf->flags & FAULT_FLAG_WRITE) ||
	    (vmf->vma->vm_flags & VM_SHARED))
		return do_read_or_shared_fault(vmf);
	return do_cow_fault(vmf);
}

/* Make the present read-only PTE writable where it is (no copy). */
static vm_fault_t wp_page_reuse(struct vm_fault *vmf, unsigned int kind)
{
	vmf->trace.kind = kind;
	vmf->trace.pfn = pte_pfn(vmf->orig_pte);
	fault_set_pte(vmf, pte_mkwrite_dirty(vmf->orig_pte));
	return 0;
}

/*
 * A write to a present, read-only page of a writable region: copy-on-
 * write.  old is the page mapped now (NULL: the zero page).
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *old = vm_normal_page(vma, vmf->address, vmf->orig_pte);
	struct page *page;

	if (vma->vm_flags & VM_SHARED) {
		/* Linux's do_shared_fault(): the backing hears of the write. */
		if (old && vma->vm_ops && vma->vm_ops->page_mkwrite) {
			vmf->page = old;
			if (vma->vm_ops->page_mkwrite(vmf))
				return VM_FAULT_SIGBUS;
		}
		return wp_page_reuse(vmf, FAULT_SHARED);
	}
	if (old && PageAnon(old) && page_count(old) == 1)
		return wp_page_reuse(vmf, FAULT_COW_REUSE); /* the last user */
	page = alloc_user_page();
	if (!page)
		return VM_FAULT_OOM;
	if (old)
		copy_user_highpage(page, old, vmf->address);
	else
		clear_user_highpage(page, vmf->address);
	vmf->trace.kind = old ? FAULT_COW_COPY : FAULT_ZERO_COW;
	vmf->trace.old_pfn = pte_pfn(vmf->orig_pte);
	if (fault_map_new_anon(vmf, page) && old) {
		add_mm_counter(mm, mm_counter(old, vma), -1);
		page_remove_rmap(old);
		put_page(old); /* the other holder keeps it */
	}
	return 0;
}

static vm_fault_t __handle_mm_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;

	if (pte_none(vmf->orig_pte)) {
		if (vma_is_anonymous(vma))
			return do_anonymous_page(vmf);
		return do_fault(vmf);
	}
	if (!pte_present(vmf->orig_pte))
		return VM_FAULT_SIGSEGV; /* PROT_NONE: access_error let it by */
	if ((vmf->flags & FAULT_FLAG_WRITE) && !pte_write(vmf->orig_pte))
		return do_wp_page(vmf);
	/* Present and allowed: another CPU's or a stale TLB entry. */
	vmf->trace.kind = FAULT_SPURIOUS;
	vmf->trace.pfn = pte_pfn(vmf->orig_pte);
	flush_user_page(mm, vmf->address);
	return 0;
}

static void fault_trace_emit(struct vm_fault *vmf, vm_fault_t ret)
{
	void (*fn)(const struct fault_trace *t) = READ_ONCE(fault_trace);

	if (!fn)
		return;
	vmf->trace.mm = vmf->vma->vm_mm;
	vmf->trace.address = vmf->address;
	vmf->trace.flags = vmf->flags;
	vmf->trace.vma = vmf->vma;
	vmf->trace.pte_table_pfn = vmf->pgd ? *vmf->pgd >> PAGE_SHIFT : 0;
	vmf->trace.result = ret;
	fn(&vmf->trace);
}

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = address & PAGE_MASK,
		.flags = flags,
		.pgoff = linear_page_index(vma, address),
	};
	vm_fault_t ret;

	count_vm_event(PGFAULT);
	vmf.pgd = pgd_offset(vma->vm_mm, vmf.address);
	if (pgd_none(*vmf.pgd) && __pte_alloc(vma->vm_mm, vmf.pgd))
		return VM_FAULT_OOM;
	/* Mapped for the whole fault: a sleep meanwhile keeps the slot. */
	vmf.pte = pte_offset_map(vmf.pgd, vmf.address);
	vmf.orig_pte = READ_ONCE(*vmf.pte);
	ret = __handle_mm_fault(&vmf);
	if (unlikely(fault_trace))
		fault_trace_emit(&vmf, ret);
	pte_unmap(vmf.pte);
	if (ret & VM_FAULT_ERROR)
		return ret;
	if (ret & VM_FAULT_MAJOR) {
		count_vm_event(PGMAJFAULT);
		current->maj_flt++;
	} else {
		current->min_flt++;
	}
	return ret;
}

void __init zero_page_init(void)
{
	zero_page = alloc_page(GFP_KERNEL | GFP_ZERO);
	if (!zero_page)
		panic("zero_page_init: no page for the zero page");
	zero_pfn = page_to_pfn(zero_page);
}
