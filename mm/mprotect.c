// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect.c - changing the protection of a range of regions.
 *
 * The range is cut out of the regions that hold it (split_vma at its
 * ends), each region gets its new flags and PTE protection, and the
 * pages already present get the new protection at once
 * (change_protection).  A piece whose new flags match a neighbour's is
 * merged with it instead (vma_merge), as Linux does, so mprotect()ing a
 * page and then giving it its old protection back leaves one region, not
 * three.  A hole in the range ends the walk with ENOMEM, the regions
 * before it changed, as Linux does.  Asking for an access the backing
 * forbids (PROT_WRITE on a read-only file's shared mapping: no
 * VM_MAYWRITE) is EACCES; making private memory writable commits it
 * (VM_ACCOUNT), which the overcommit heuristic may refuse (ENOMEM).
 *
 * A private writable region's PTEs stay read-only (copy-on-write's
 * protection, vm_get_page_prot()), except an anonymous page that this
 * mapping alone holds and already wrote: it stays writable, which saves
 * the write fault that would only find it is the last user (Linux's
 * can_change_pte_writable()).  The zero page is never writable.
 */
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <mman.h>
#include <sched.h>
#include <syscalls.h>
#include "memory_internal.h"

/* Can this present PTE be writable without a write fault first? */
static bool can_change_pte_writable(struct vm_area_struct *vma,
				    unsigned long addr, pte_t pte)
{
	struct page *page;

	if (!(vma->vm_flags & VM_WRITE) || !pte_dirty(pte))
		return false;
	if (vma->vm_flags & VM_SHARED)
		return true;
	page = vm_normal_page(vma, addr, pte);
	return page && PageAnon(page) && page_count(page) == 1;
}

/* One page table's worth of change_protection(). */
static void change_pte_run(struct vm_area_struct *vma, pte_t *pte,
			   unsigned long addr, unsigned long end,
			   pgprot_t newprot)
{
	struct mm_struct *mm = vma->vm_mm;

	for (; addr < end; addr += PAGE_SIZE, pte++) {
		pte_t old = *pte, entry;

		if (!pte_mapped(old))
			continue;
		/* The frame and what the CPU recorded (A, D) stay. */
		entry = pfn_pte(pte_pfn(old), newprot) |
			(old & (_PAGE_ACCESSED | _PAGE_DIRTY));
		if (!pte_write(entry) && (newprot & _PAGE_PRESENT) &&
		    !is_zero_pfn(pte_pfn(old)) &&
		    can_change_pte_writable(vma, addr, old))
			entry |= _PAGE_RW;
		if (entry != old) {
			set_pte(pte, entry);
			flush_user_page(mm, addr);
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
		spinlock_t *ptl;
		pte_t *pte = pte_offset_map_lock(mm, pgd, addr, &ptl);

		change_pte_run(vma, pte, addr, next, newprot);
		pte_unmap_unlock(pte, ptl);
		addr = next;
	}
}

/* Private memory made writable is committed: VM_ACCOUNT, or ENOMEM. */
static int mprotect_account(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, unsigned long *newflags)
{
	if (!(*newflags & VM_WRITE) ||
	    (vma->vm_flags & (VM_ACCOUNT | VM_NORESERVE | VM_SHARED)) ||
	    !vma_is_anonymous(vma))
		return 0;
	if (__vm_enough_memory(vma->vm_mm, (long)((end - start) >> PAGE_SHIFT)))
		return -ENOMEM;
	*newflags |= VM_ACCOUNT;
	return 0;
}

/*
 * Give [start, end) of vma (prev: the region before it) newflags: merged
 * into a neighbour, or cut out of vma.  *pprev: the region now ending at
 * end, for the next step.
 */
static int mprotect_fixup(struct vm_area_struct *vma,
			  struct vm_area_struct **pprev, unsigned long start,
			  unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	long nrpages = (long)((end - start) >> PAGE_SHIFT);
	struct vm_area_struct *merged;
	int err;

	if (newflags == vma->vm_flags) {
		*pprev = vma;
		return 0;
	}
	err = mprotect_account(vma, start, end, &newflags);
	if (err)
		return err;
	merged = vma_merge(mm, *pprev, start, end, newflags, vma->vm_file,
			   linear_page_index(vma, start), vma->vm_ops);
	if (merged) {
		vma = merged;
	} else {
		if (start > vma->vm_start && split_vma(mm, vma, start, true))
			return -ENOMEM;
		if (end < vma->vm_end && split_vma(mm, vma, end, false))
			return -ENOMEM;
	}
	*pprev = vma;
	vm_stat_account(mm, vma->vm_flags, -nrpages);
	vm_stat_account(mm, newflags, nrpages);
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	change_protection(vma, start, end, vma->vm_page_prot);
	return 0;
}

int do_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev;
	unsigned long end, nstart;
	int error = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC |
				    PROT_SEM | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if ((prot & PROT_GROWSDOWN) && (prot & PROT_GROWSUP))
		return -EINVAL;
	prot &= PROT_READ | PROT_WRITE | PROT_EXEC;

	mutex_lock(&mm->mmap_lock);
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start) {
		error = -ENOMEM;
		goto out;
	}
	prev = start > vma->vm_start ? vma : vma->vm_prev;
	for (nstart = start;;) {
		unsigned long newflags = (vma->vm_flags & ~VM_ACCESS_FLAGS) |
					 (prot & PROT_READ ? VM_READ : 0) |
					 (prot & PROT_WRITE ? VM_WRITE : 0) |
					 (prot & PROT_EXEC ? VM_EXEC : 0);
		unsigned long tmp = min(vma->vm_end, end);

		/* Each VM_x needs its VM_MAYx (four bits up). */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS) {
			error = -EACCES;
			break;
		}
		error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			break;
		nstart = tmp;
		if (nstart < prev->vm_end)
			nstart = prev->vm_end; /* merged with what follows */
		if (nstart >= end)
			break;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart) {
			error = -ENOMEM; /* a hole */
			break;
		}
	}
out:
	mutex_unlock(&mm->mmap_lock);
	return error;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long,
		prot)
{
	return do_mprotect(start, len, prot);
}
