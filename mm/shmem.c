// SPDX-License-Identifier: GPL-2.0
/*
 * shmem.c - shared anonymous memory: mmap(MAP_SHARED | MAP_ANONYMOUS).
 *
 * The pages of a shared region must outlive any one process's page
 * tables: after fork both processes map the same pages, and a page
 * dropped from one process's page tables (MADV_DONTNEED) keeps its data
 * for the next fault.  So the region's pages belong to an object of their
 * own, an array indexed by page offset; each region that maps the object
 * (the original, a fork's copy, each half of a split) holds a reference,
 * and the pages go when the last region does.  A fault finds the page in
 * the array, or makes a zeroed one there (from highmem first), and gives
 * the page table its own reference.  Linux keeps these pages in a shmem
 * file's page cache; the array is that cache without the file.
 */
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <spinlock.h>
#include <vmalloc.h>

static unsigned long shmem_last_ino;

struct shmem_object {
	int count; /* regions that map it */
	unsigned long ino; /* its number in /proc/PID/maps */
	spinlock_t lock; /* pages[]: two processes may fault at once */
	unsigned long nr_pages;
	struct page **pages; /* NULL until first touched */
};

static void shmem_vm_open(struct vm_area_struct *vma)
{
	struct shmem_object *obj = vma->vm_private_data;

	__atomic_add_fetch(&obj->count, 1, __ATOMIC_SEQ_CST);
}

static void shmem_vm_close(struct vm_area_struct *vma)
{
	struct shmem_object *obj = vma->vm_private_data;

	if (__atomic_sub_fetch(&obj->count, 1, __ATOMIC_SEQ_CST))
		return;
	for (unsigned long i = 0; i < obj->nr_pages; i++) {
		if (obj->pages[i]) {
			put_page(obj->pages[i]);
			__atomic_sub_fetch(&nr_shmem_pages, 1,
					   __ATOMIC_RELAXED);
		}
	}
	kvfree(obj->pages);
	kfree(obj);
}

static int shmem_fault(struct vm_fault *vmf)
{
	struct shmem_object *obj = vmf->vma->vm_private_data;
	struct page *page, *fresh = NULL;

	if (vmf->pgoff >= obj->nr_pages)
		return -EFAULT;
	if (!READ_ONCE(obj->pages[vmf->pgoff])) {
		/* Made outside the lock (it may sleep), kept if still needed. */
		fresh = alloc_page(GFP_HIGHUSER_MOVABLE);
		if (!fresh)
			return -ENOMEM;
		clear_user_highpage(fresh, vmf->address);
	}
	spin_lock(&obj->lock);
	page = obj->pages[vmf->pgoff];
	if (!page && fresh) {
		page = obj->pages[vmf->pgoff] = fresh; /* the object's ref */
		fresh = NULL;
		__atomic_add_fetch(&nr_shmem_pages, 1, __ATOMIC_RELAXED);
	}
	get_page(page); /* the page table's */
	spin_unlock(&obj->lock);
	if (fresh) /* another process's fault was first */
		put_page(fresh);
	vmf->page = page;
	return 0;
}

unsigned long shmem_vma_ino(const struct vm_area_struct *vma)
{
	const struct shmem_object *obj = vma->vm_private_data;

	return obj->ino;
}

const struct vm_operations_struct shmem_anon_vm_ops = {
	.open = shmem_vm_open,
	.close = shmem_vm_close,
	.fault = shmem_fault,
	.name = "/dev/zero (deleted)",
};

int shmem_zero_setup(struct vm_area_struct *vma)
{
	unsigned long nr = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	struct shmem_object *obj;

	/* Committed unless MAP_NORESERVE, as Linux's shmem_acct_size(). */
	if (!(vma->vm_flags & VM_NORESERVE) &&
	    __vm_enough_memory(vma->vm_mm, (long)nr))
		return -ENOMEM;
	obj = kzalloc(sizeof(*obj), GFP_KERNEL);
	if (!obj)
		return -ENOMEM;
	obj->pages = kvzalloc(nr * sizeof(struct page *), GFP_KERNEL);
	if (!obj->pages) {
		kfree(obj);
		return -ENOMEM;
	}
	obj->count = 1;
	spin_lock_init(&obj->lock);
	obj->nr_pages = nr;
	obj->ino = __atomic_add_fetch(&shmem_last_ino, 1, __ATOMIC_RELAXED);
	vma->vm_private_data = obj;
	vma->vm_ops = &shmem_anon_vm_ops;
	vma->vm_pgoff = 0;
	return 0;
}
