// SPDX-License-Identifier: GPL-2.0
/*
 * madvise.c - madvise() and msync(): advice about a range, and writing a
 * range back to its file.
 *
 * Of the advice, MADV_DONTNEED does something here: the range's pages
 * are dropped from the page tables (zap_page_range).  A private
 * anonymous page is gone (the next read sees zeroes); a shared region's
 * page stays in its backing and comes back at the next fault with its
 * data, as on Linux.  The other advice Linux accepts is accepted and
 * changes nothing (there is no swap, no readahead, no huge page).
 * msync() checks its arguments and the range, and with MS_SYNC writes
 * the files its shared regions map (a disk's pages: /dev/vda) and waits
 * for them.  Both report a hole in the range with ENOMEM after doing what
 * they could.
 */
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <mman.h>
#include <sched.h>
#include <syscalls.h>

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_FREE:
	case MADV_REMOVE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
	case MADV_MERGEABLE:
	case MADV_UNMERGEABLE:
	case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_WIPEONFORK:
	case MADV_KEEPONFORK:
	case MADV_COLD:
	case MADV_PAGEOUT:
		return true;
	}
	return false;
}

static int madvise_vma(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, int behavior)
{
	switch (behavior) {
	case MADV_DONTNEED:
	case MADV_FREE:
		/* A driver's raw frames cannot be faulted back: Linux refuses. */
		if (vma->vm_flags & VM_PFNMAP)
			return -EINVAL;
		zap_page_range(vma, start, end);
		break;
	case MADV_DONTFORK:
		vma->vm_flags |= VM_DONTCOPY;
		break;
	case MADV_DOFORK:
		vma->vm_flags &= ~VM_DONTCOPY;
		break;
	}
	return 0;
}

/*
 * Walk the regions of [start, end) and call fn on each piece (fn may be
 * NULL): 0, or -ENOMEM if part of the range is not mapped.
 */
static int walk_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end, int behavior)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int unmapped_error = 0;

	while (start < end) {
		unsigned long tmp;

		if (!vma || vma->vm_start >= end)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
		}
		tmp = min(vma->vm_end, end);
		if (behavior >= 0) {
			int err = madvise_vma(vma, start, tmp, behavior);

			if (err)
				return err;
		}
		start = tmp;
		vma = vma->vm_next;
	}
	return unmapped_error;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, len;
	int error;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	mutex_lock(&mm->mmap_lock);
	error = walk_range(mm, start, end, behavior);
	mutex_unlock(&mm->mmap_lock);
	return error;
}

/*
 * MS_SYNC: the files behind the shared regions of [start, end), one at a
 * time, fsync()ed, as Linux's msync() does: their pages written through
 * the mapping are dirty already (the first write faulted, and writeback
 * reads the PTEs' dirty bits), written, waited for.  Without mmap_lock:
 * writeback looks at every process's page tables, this one's too.
 */
static int msync_files(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	while (start < end) {
		struct vm_area_struct *vma;
		struct file *file = NULL;
		int err;

		mutex_lock(&mm->mmap_lock);
		for (vma = find_vma(mm, start); vma && vma->vm_start < end;
		     vma = vma->vm_next) {
			if ((vma->vm_flags & VM_SHARED) && vma->vm_file &&
			    vma->vm_file->f_op->fsync) {
				file = get_file(vma->vm_file);
				break;
			}
		}
		start = vma ? vma->vm_end : end;
		mutex_unlock(&mm->mmap_lock);
		if (!file)
			return 0;
		err = file->f_op->fsync(file, 1);
		fput(file);
		if (err)
			return err;
	}
	return 0;
}

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	int error;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	mutex_lock(&mm->mmap_lock);
	error = walk_range(mm, start, end, -1);
	mutex_unlock(&mm->mmap_lock);
	if (error || !(flags & MS_SYNC))
		return error;
	return msync_files(mm, start, end);
}
