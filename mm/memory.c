// SPDX-License-Identifier: GPL-2.0
/*
 * memory.c - the pages of a process: demand paging, and copying or
 * dropping a region's pages (fork, munmap, exit, mprotect).
 *
 * Nothing is mapped when a region is made (mm/mmap.c); the first access
 * to each page faults, and handle_mm_fault() decides what the page is:
 *  - anonymous memory, read: the shared zero page, read-only (one page of
 *    zeroes for every such read in every process);
 *  - anonymous memory, written: a fresh page, GFP_HIGHUSER_MOVABLE (from
 *    highmem first: the kernel needs no address for it) and zeroed
 *    through a kmap_local (clear_user_highpage);
 *  - a region with a backing (a file, a shared anonymous region): the
 *    backing's fault() gives its page; a shared region maps that page,
 *    a private one a copy of it (copy_user_highpage, two kmap_locals);
 *  - a write to a present read-only page of a writable private region
 *    (do_wp_page): the zero page is replaced by a fresh one, a page still
 *    shared is copied, a page this mapping alone holds is just made
 *    writable.  That is copy-on-write: fork may later share pages instead
 *    of copying them, and only this function needs to know.
 *
 * fork copies a private region's pages eagerly for now (copy_page_range:
 * a new page for each present one, the zero page and shared regions'
 * pages shared); COW at fork, and HIGHPTE page tables, are issue 15's.
 *
 * A user page's reference count is the number of PTEs that map it (plus
 * one for a shared region's backing), so zap_page_range() puts one
 * reference per PTE it clears and the page goes back to the allocator
 * with its last.  The zero page is never counted.  TLB: a process's
 * address space is loaded on one CPU at a time (one thread, and a CR3
 * switch at every context switch), so changing its PTEs needs only this
 * CPU's INVLPG.
 */
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <sched.h>
#include <panic.h>
#include <errno.h>

struct page *zero_page;
static unsigned long zero_pfn;

static bool is_zero_pfn(unsigned long pfn)
{
	return pfn == zero_pfn;
}

/* Drop a stale translation of addr if this address space is loaded. */
static void flush_user_page(struct mm_struct *mm, unsigned long addr)
{
	if (current->mm == mm)
		__flush_tlb_one(addr);
}

static void add_rss(struct mm_struct *mm, int member, long value)
{
	unsigned long rss;

	mm->rss_stat[member] += value;
	rss = mm->rss_stat[MM_ANONPAGES] + mm->rss_stat[MM_FILEPAGES] +
	      mm->rss_stat[MM_SHMEMPAGES];
	if (rss > mm->hiwater_rss)
		mm->hiwater_rss = rss;
}

static int rss_kind(const struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return vma->vm_file ? MM_FILEPAGES : MM_SHMEMPAGES;
	return MM_ANONPAGES;
}

/* The PTE of addr, its page table made if needed; NULL: no memory. */
static pte_t *pte_alloc_map(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);

	if (pgd_none(*pgd) && __pte_alloc(mm, pgd))
		return NULL;
	return pte_offset_map(pgd, addr);
}

static struct page *alloc_user_page(void)
{
	return alloc_page(GFP_HIGHUSER_MOVABLE);
}

static vm_fault_t do_anonymous_page(struct vm_area_struct *vma,
				    unsigned long addr, unsigned int flags,
				    pte_t *pte)
{
	struct page *page;

	if (!(flags & FAULT_FLAG_WRITE)) {
		set_pte(pte, pfn_pte(zero_pfn, vma->vm_page_prot & ~_PAGE_RW));
		return 0;
	}
	page = alloc_user_page();
	if (!page)
		return VM_FAULT_OOM;
	clear_user_highpage(page, addr);
	set_pte(pte, pfn_pte(page_to_pfn(page),
			     vma->vm_page_prot | _PAGE_RW | _PAGE_DIRTY));
	add_rss(vma->vm_mm, MM_ANONPAGES, 1);
	return 0;
}

/* A region with a backing: its page, or a private copy of it. */
static vm_fault_t do_fault(struct vm_area_struct *vma, unsigned long addr,
			   unsigned int flags, pte_t *pte)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = addr,
		.flags = flags,
		.pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT),
	};
	pgprot_t prot = vma->vm_page_prot;
	struct page *page;
	int err = vma->vm_ops->fault(&vmf);

	if (err)
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	page = vmf.page;
	if (!(vma->vm_flags & VM_SHARED)) {
		struct page *copy = alloc_user_page();

		if (!copy) {
			put_page(page);
			return VM_FAULT_OOM;
		}
		copy_user_highpage(copy, page, addr);
		put_page(page);
		page = copy;
		if (flags & FAULT_FLAG_WRITE)
			prot |= _PAGE_RW | _PAGE_DIRTY;
	}
	set_pte(pte, pfn_pte(page_to_pfn(page), prot));
	add_rss(vma->vm_mm, rss_kind(vma), 1);
	return 0;
}

/* A write to a present, read-only page of a writable region. */
static vm_fault_t do_wp_page(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *pte)
{
	unsigned long pfn = pte_pfn(*pte);
	pgprot_t prot = vma->vm_page_prot | _PAGE_RW | _PAGE_DIRTY;
	struct page *old = is_zero_pfn(pfn) ? NULL : pfn_to_page(pfn);
	struct page *page;

	if (old && ((vma->vm_flags & VM_SHARED) || page_count(old) == 1)) {
		set_pte(pte, *pte | _PAGE_RW | _PAGE_DIRTY); /* reuse it */
		flush_user_page(vma->vm_mm, addr);
		return 0;
	}
	page = alloc_user_page();
	if (!page)
		return VM_FAULT_OOM;
	if (old)
		copy_user_highpage(page, old, addr);
	else
		clear_user_highpage(page, addr);
	set_pte(pte, pfn_pte(page_to_pfn(page), prot));
	flush_user_page(vma->vm_mm, addr);
	if (old)
		put_page(old);
	else
		add_rss(vma->vm_mm, MM_ANONPAGES, 1);
	return 0;
}

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags)
{
	unsigned long addr = address & PAGE_MASK;
	pte_t *pte = pte_alloc_map(vma->vm_mm, addr);
	vm_fault_t ret = 0;
	pte_t entry;

	if (!pte)
		return VM_FAULT_OOM;
	entry = *pte;
	if (pte_none(entry)) {
		if (vma->vm_ops && vma->vm_ops->fault)
			ret = do_fault(vma, addr, flags, pte);
		else
			ret = do_anonymous_page(vma, addr, flags, pte);
	} else if (!(entry & _PAGE_PRESENT)) {
		ret = VM_FAULT_SIGSEGV; /* PROT_NONE: access_error() let it by */
	} else if ((flags & FAULT_FLAG_WRITE) && !pte_write(entry)) {
		ret = do_wp_page(vma, addr, pte);
	} else {
		flush_user_page(vma->vm_mm, addr); /* a stale TLB entry */
	}
	pte_unmap(pte);
	if (!(ret & VM_FAULT_ERROR))
		current->min_flt++;
	return ret;
}

/*
 * The next run of [*addr, end) that one page table maps: its end, with
 * its PDE in *pgdp; 0 when nothing is left.  Runs whose page table does
 * not exist are skipped (*addr moves past them).
 */
static unsigned long next_pte_run(struct mm_struct *mm, unsigned long *addr,
				  unsigned long end, pgd_t **pgdp)
{
	while (*addr < end) {
		pgd_t *pgd = pgd_offset(mm, *addr);
		unsigned long next =
			min((*addr + PGDIR_SIZE) & PGDIR_MASK, end);

		if (next == 0)
			next = end;
		if (!pgd_none(*pgd)) {
			*pgdp = pgd;
			return next;
		}
		*addr = next;
	}
	return 0;
}

/*
 * The pages of src's range for dst (fork).  Private pages are copied; a
 * shared region's pages and the zero page are mapped by both.
 */
int copy_page_range(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct mm_struct *dst_mm = dst->vm_mm, *src_mm = src->vm_mm;
	bool shared = src->vm_flags & VM_SHARED;
	unsigned long addr = src->vm_start, next;
	pgd_t *spgd;

	while ((next = next_pte_run(src_mm, &addr, src->vm_end, &spgd))) {
		for (; addr < next; addr += PAGE_SIZE) {
			pte_t *spte = pte_offset_map(spgd, addr), *dpte;
			pte_t entry = *spte;
			unsigned long pfn = pte_pfn(entry);

			pte_unmap(spte);
			if (!pte_mapped(entry))
				continue;
			dpte = pte_alloc_map(dst_mm, addr);
			if (!dpte)
				return -ENOMEM;
			if (!shared && !is_zero_pfn(pfn)) {
				struct page *page = alloc_user_page();

				if (!page) {
					pte_unmap(dpte);
					return -ENOMEM;
				}
				copy_user_highpage(page, pfn_to_page(pfn),
						   addr);
				entry = pfn_pte(page_to_pfn(page),
						entry & _PAGE_FLAGS_MASK);
			} else if (!is_zero_pfn(pfn)) {
				get_page(pfn_to_page(pfn));
			}
			set_pte(dpte, entry);
			pte_unmap(dpte);
			if (!is_zero_pfn(pfn))
				add_rss(dst_mm, rss_kind(src), 1);
		}
	}
	return 0;
}

void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	int kind = rss_kind(vma);
	unsigned long addr = start, next;
	pgd_t *pgd;

	while ((next = next_pte_run(mm, &addr, end, &pgd))) {
		for (; addr < next; addr += PAGE_SIZE) {
			pte_t *pte = pte_offset_map(pgd, addr);
			pte_t entry = *pte;

			if (pte_mapped(entry)) {
				pte_clear(pte);
				flush_user_page(mm, addr);
				if (!is_zero_pfn(pte_pfn(entry))) {
					put_page(pfn_to_page(pte_pfn(entry)));
					mm->rss_stat[kind]--;
				}
			}
			pte_unmap(pte);
		}
	}
}

void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr = start, next;
	pgd_t *pgd;

	while ((next = next_pte_run(mm, &addr, end, &pgd))) {
		for (; addr < next; addr += PAGE_SIZE) {
			pte_t *pte = pte_offset_map(pgd, addr);
			pte_t entry = *pte;

			if (pte_mapped(entry)) {
				pgprot_t prot = newprot;

				/* The zero page is never writable. */
				if (is_zero_pfn(pte_pfn(entry)))
					prot &= ~_PAGE_RW;
				set_pte(pte, pfn_pte(pte_pfn(entry), prot));
				flush_user_page(mm, addr);
			}
			pte_unmap(pte);
		}
	}
}

void free_pgtables(struct mm_struct *mm)
{
	for (unsigned long i = 0; i < pgd_index(TASK_SIZE); i++)
		if (!pgd_none(mm->pgd[i]))
			pte_free(mm, &mm->pgd[i]);
}

void __init zero_page_init(void)
{
	zero_page = alloc_page(GFP_KERNEL | GFP_ZERO);
	if (!zero_page)
		panic("zero_page_init: no page for the zero page");
	zero_pfn = page_to_pfn(zero_page);
}
