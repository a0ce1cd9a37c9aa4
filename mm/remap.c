// SPDX-License-Identifier: GPL-2.0
/*
 * remap.c - kernel memory in a process's address space, and a process's
 * memory seen by the kernel from outside it.
 *
 * A driver's mmap() maps memory the kernel owns into the region the
 * process asked for, all of it at once (no fault will ever ask for it):
 *  - remap_pfn_range(): raw page frames, for memory that is physically
 *    contiguous (a kmalloc'd buffer, device memory).  The region becomes
 *    VM_IO | VM_PFNMAP: its frames are not the memory manager's business,
 *    so no page is referenced or counted (vm_normal_page() says NULL), and
 *    fork copies the PTEs as they are;
 *  - vm_insert_page(): one struct page, referenced and counted like a
 *    file's page (Mapped, RssFile), the region VM_MIXEDMAP;
 *    remap_vmalloc_range() inserts each page of a vmalloc area this way:
 *    the area is contiguous only in the kernel's addresses, so each page
 *    is found with vmalloc_to_page(), and may well be in highmem.
 * Both need the page tables of the region, which may sleep: they run in
 * the driver's mmap(), in process context, under mmap_lock.
 *
 * access_process_vm() goes the other way: the kernel reads or writes
 * another process's memory (its address space is not the one loaded):
 * it walks that process's page tables (each table through a kmap_local
 * with HIGHPTE), takes each page it finds and copies through a
 * kmap_local of it, as Linux's /proc/PID/mem and ptrace do (through
 * get_user_pages()).  Only pages already present are reached: no fault
 * is taken on the process's behalf.
 */
#include <asm/pgalloc.h>
#include <bug.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <string.h>
#include <vmalloc.h>
#include "memory_internal.h"

int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long end = addr + PAGE_ALIGN(size);

	if ((addr & ~PAGE_MASK) || addr < vma->vm_start || end > vma->vm_end ||
	    end <= addr)
		return -EINVAL;
	vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
	while (addr < end) {
		pgd_t *pgd = pgd_offset(mm, addr);
		unsigned long next = min((addr + PGDIR_SIZE) & PGDIR_MASK, end);
		spinlock_t *ptl;
		pte_t *pte;

		if (!next)
			next = end;
		if (pgd_none(*pgd) && __pte_alloc(mm, pgd))
			return -ENOMEM;
		pte = pte_offset_map_lock(mm, pgd, addr, &ptl);
		for (pte_t *p = pte; addr < next; addr += PAGE_SIZE, p++) {
			WARN_ON_ONCE(!pte_none(*p));
			set_pte(p, pfn_pte(pfn++, prot));
		}
		pte_unmap_unlock(pte, ptl);
	}
	return 0;
}

int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page)
{
	struct mm_struct *mm = vma->vm_mm;
	pgd_t *pgd = pgd_offset(mm, addr);
	spinlock_t *ptl;
	pte_t *pte;
	int err = 0;

	if (addr < vma->vm_start || addr >= vma->vm_end ||
	    (vma->vm_flags & VM_PFNMAP))
		return -EINVAL;
	vma->vm_flags |= VM_MIXEDMAP;
	if (pgd_none(*pgd) && __pte_alloc(mm, pgd))
		return -ENOMEM;
	pte = pte_offset_map_lock(mm, pgd, addr, &ptl);
	if (pte_none(*pte)) {
		get_page(page);
		page_add_file_rmap(page);
		add_mm_counter(mm, MM_FILEPAGES, 1);
		set_pte(pte, pfn_pte(page_to_pfn(page), vma->vm_page_prot));
	} else {
		err = -EBUSY;
	}
	pte_unmap_unlock(pte, ptl);
	return err;
}

int remap_vmalloc_range(struct vm_area_struct *vma, void *addr,
			unsigned long pgoff)
{
	struct vm_struct *area = find_vm_area(addr);
	unsigned long size = vma->vm_end - vma->vm_start, uaddr;
	char *kaddr = (char *)addr + (pgoff << PAGE_SHIFT);

	if (!area || (unsigned long)addr & ~PAGE_MASK ||
	    pgoff + (size >> PAGE_SHIFT) > area->nr_pages)
		return -EINVAL;
	for (uaddr = vma->vm_start; uaddr < vma->vm_end; uaddr += PAGE_SIZE) {
		int err = vm_insert_page(vma, uaddr, vmalloc_to_page(kaddr));

		if (err)
			return err;
		kaddr += PAGE_SIZE;
	}
	vma->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
	return 0;
}

/* The page mapped at addr in mm, referenced, or NULL (none, or not ours). */
static struct page *follow_page(struct vm_area_struct *vma, unsigned long addr,
				bool write)
{
	struct mm_struct *mm = vma->vm_mm;
	pgd_t *pgd = pgd_offset(mm, addr);
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *pte, entry;

	if (pgd_none(*pgd))
		return NULL;
	pte = pte_offset_map_lock(mm, pgd, addr, &ptl);
	entry = *pte;
	if (pte_present(entry) && (!write || pte_write(entry))) {
		page = vm_normal_page(vma, addr, entry);
		if (!page && !write && is_zero_pfn(pte_pfn(entry)))
			page = zero_page;
		if (page)
			get_page(page);
	}
	pte_unmap_unlock(pte, ptl);
	return page;
}

int access_process_vm(struct task_struct *tsk, unsigned long addr, void *buf,
		      int len, bool write)
{
	struct mm_struct *mm = get_task_mm(tsk);
	int done = 0;

	if (!mm)
		return 0;
	mutex_lock(&mm->mmap_lock);
	while (done < len) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned long off = addr & ~PAGE_MASK;
		int n = (int)min((unsigned long)(len - done), PAGE_SIZE - off);
		struct page *page;
		char *kaddr;

		if (!vma || vma->vm_start > addr)
			break;
		page = follow_page(vma, addr, write);
		if (!page)
			break;
		kaddr = kmap_local_page(page);
		if (write)
			memcpy(kaddr + off, (char *)buf + done, (size_t)n);
		else
			memcpy((char *)buf + done, kaddr + off, (size_t)n);
		kunmap_local(kaddr);
		put_page(page);
		done += n;
		addr += (unsigned long)n;
	}
	mutex_unlock(&mm->mmap_lock);
	mmput(mm);
	return done;
}
