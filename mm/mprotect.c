// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect.c - changing the protection of a range of regions.
 *
 * The range is cut out of the regions that hold it (split_vma at its
 * ends), each region gets its new flags and PTE protection, and the
 * pages already present get the new protection at once
 * (change_protection).  A hole in the range ends the walk with ENOMEM,
 * the regions before it changed, as Linux does.  Asking for an access
 * the backing forbids (PROT_WRITE on a read-only file's shared mapping:
 * no VM_MAYWRITE) is EACCES.
 */
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <mman.h>
#include <sched.h>
#include <syscalls.h>

static int mprotect_fixup(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;

	if (newflags == vma->vm_flags)
		return 0;
	if (start > vma->vm_start) {
		if (split_vma_at(mm, vma, start, true))
			return -ENOMEM;
	}
	if (end < vma->vm_end) {
		if (split_vma_at(mm, vma, end, false))
			return -ENOMEM;
	}
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	change_protection(vma, vma->vm_start, vma->vm_end, vma->vm_page_prot);
	return 0;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long,
		prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
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
		error = mprotect_fixup(vma, nstart, tmp, newflags);
		if (error)
			break;
		nstart = tmp;
		if (nstart >= end)
			break;
		vma = find_vma(mm, nstart);
		if (!vma || vma->vm_start != nstart) {
			error = -ENOMEM; /* a hole */
			break;
		}
	}
out:
	mutex_unlock(&mm->mmap_lock);
	return error;
}
