// SPDX-License-Identifier: GPL-2.0
/*
 * mmap.c - a process's address space through its system calls: mmap,
 * munmap, brk, and the copy and teardown of the whole space (fork,
 * exit).  The regions themselves, their list and tree, splitting and
 * merging, are mm/vma.c's.
 *
 * mmap() checks its arguments in Linux's order (EINVAL, ENOMEM, EBADF,
 * EACCES, ENODEV, EEXIST), finds room (get_unmapped_area: the hint if it
 * is free, else top down from mmap_base, 128 MB below the top of user
 * space, leaving room for the stack, as i386 Linux's legacy-free layout
 * does), removes whatever a MAP_FIXED mapping covers, and links a new
 * region, or grows a neighbour it can merge with (a growing heap stays
 * one region).  Nothing is mapped yet: the pages come at the first fault
 * (mm/memory.c), or at once for a driver's mmap (remap_pfn_range).
 * munmap() splits the regions at the range's ends and drops the regions
 * inside with their pages, then the page tables nothing needs any more;
 * munmap of a range with nothing in it is not an error.
 *
 * Private writable memory is committed (VM_ACCOUNT) as Linux's default
 * overcommit heuristic does it: a single request larger than all of RAM
 * (there is no swap) is ENOMEM at once; anything smaller is granted and
 * may meet the OOM killer at fault time.
 *
 * brk moves the end of the heap, a region that starts after the program's
 * bss: up maps more anonymous memory, down unmaps it (a shrunk and regrown
 * heap reads zeroes again).  A refused brk returns the old break, not an
 * error: that is the ABI (user/lib/syscalls.c).
 *
 * Every system call here takes the address space's mmap_lock: the page
 * fault handler takes it too, so a region never changes under a fault.
 */
#include <asm/pgalloc.h>
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <mman.h>
#include <printk.h>
#include <resource.h>
#include <sched.h>
#include <slab.h>
#include <syscalls.h>
#include "memory_internal.h"
#include "vma_internal.h"

#define MMAP_MIN_ADDR 65536 /* Debian's CONFIG_DEFAULT_MMAP_MIN_ADDR */
#define MIN_GAP (128UL << 20) /* mmap_base stays this far below the top */
#define STACK_GUARD_GAP (256UL << PAGE_SHIFT) /* Linux's stack_guard_gap */

void __init mmap_init(void)
{
	vm_area_cache_init();
	zero_page_init();
}

/* A file mapping whose mmap() set no operations: not anonymous memory. */
static const struct vm_operations_struct dummy_vm_ops;

int __vm_enough_memory(struct mm_struct *mm, long npages)
{
	/* OVERCOMMIT_GUESS: more than all of RAM (and swap: none) at once. */
	return npages > (long)totalram_pages() ? -ENOMEM : 0;
}

/* --- finding room ------------------------------------------------------- */

unsigned long mmap_base_for(unsigned long stack_limit)
{
	unsigned long gap = stack_limit + STACK_GUARD_GAP;

	if (gap < MIN_GAP)
		gap = MIN_GAP;
	if (gap > TASK_SIZE / 6 * 5)
		gap = TASK_SIZE / 6 * 5;
	return PAGE_ALIGN(TASK_SIZE - gap);
}

static bool range_free(struct mm_struct *mm, unsigned long addr,
		       unsigned long len)
{
	return addr >= MMAP_MIN_ADDR && addr <= TASK_SIZE - len &&
	       !find_vma_intersection(mm, addr, addr + len);
}

static unsigned long get_unmapped_area(unsigned long addr, unsigned long len,
				       unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long candidate;

	if (len > TASK_SIZE)
		return -ENOMEM;
	if (flags & MAP_FIXED) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		return addr;
	}
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (addr && range_free(mm, addr, len))
			return addr;
	}
	/* Top down from mmap_base: below each region in the way. */
	candidate = mm->mmap_base - len;
	while (candidate >= MMAP_MIN_ADDR && candidate < mm->mmap_base) {
		struct vm_area_struct *vma =
			find_vma_intersection(mm, candidate, candidate + len);

		if (!vma)
			return candidate;
		if (vma->vm_start < len)
			break;
		candidate = vma->vm_start - len;
	}
	/* Bottom up from a third of the way, as Linux falls back. */
	for (candidate = TASK_SIZE / 3; candidate <= TASK_SIZE - len;) {
		struct vm_area_struct *vma =
			find_vma_intersection(mm, candidate, candidate + len);

		if (!vma)
			return candidate;
		candidate = vma->vm_end;
	}
	return -ENOMEM;
}

/* --- mapping and unmapping ---------------------------------------------- */

static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* Private writable memory is committed (Linux's accountable_mapping()). */
static bool accountable_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/* The backing's mmap() for a new region: 0 or -errno. */
static int mmap_backing(struct file *file, struct vm_area_struct *vma)
{
	int err;

	if (file) {
		vma->vm_file = get_file(file);
		err = file->f_op->mmap(file, vma);
		if (!err && !vma->vm_ops)
			vma->vm_ops = &dummy_vm_ops;
		return err;
	}
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	return 0;
}

/*
 * Link [addr, addr + len) as a region with these flags (the range is
 * free): a neighbour grows over it when they are alike, else a new
 * region.  The address, or -errno.
 */
static unsigned long mmap_region(struct file *file, unsigned long addr,
				 unsigned long len, unsigned long vm_flags,
				 unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *prev = find_vma_prev(mm, addr), *vma;
	long npages = (long)(len >> PAGE_SHIFT);
	int err;

	if (accountable_mapping(vm_flags)) {
		if (__vm_enough_memory(mm, npages))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}
	if (!file && !(vm_flags & VM_SHARED) &&
	    vma_merge(mm, prev, addr, addr + len, vm_flags, NULL, pgoff, NULL))
		goto out;
	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	err = mmap_backing(file, vma);
	if (err) {
		/* remap_pfn_range() may have filled PTEs before failing. */
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vm_area_free(vma);
		return (unsigned long)(long)err;
	}
	vma_link(mm, vma);
out:
	vm_stat_account(mm, vm_flags, npages);
	return addr;
}

/* Which kind of mapping: flags and pgoff for mmap_region, or -errno. */
static int mmap_check_type(struct file *file, unsigned long prot,
			   unsigned long flags, unsigned long addr,
			   unsigned long *vm_flags, unsigned long *pgoff)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
	case MAP_SHARED_VALIDATE:
		if (file && (prot & PROT_WRITE) &&
		    !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		if ((*vm_flags & VM_GROWSDOWN) && !file)
			return -EINVAL;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (file && !(file->f_mode & FMODE_WRITE))
			*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		if (!file)
			*pgoff =
				0; /* shared memory starts at its own offset 0 */
		fallthrough;
	case MAP_PRIVATE:
		if (!file) {
			if ((flags & MAP_TYPE) == MAP_PRIVATE)
				*pgoff = addr >> PAGE_SHIFT;
			return 0;
		}
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file->f_op->mmap)
			return -ENODEV;
		if (*vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return 0;
	default:
		return -EINVAL;
	}
}

static unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0) |
	       (flags & MAP_NORESERVE ? VM_NORESERVE : 0);
}

unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;
	int err;

	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED; /* fixed, but never over a mapping */
	if (!(flags & MAP_FIXED) && addr < MMAP_MIN_ADDR)
		addr = 0; /* a hint below mmap_min_addr is no hint */
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > MAX_MAP_COUNT)
		return -ENOMEM;
	addr = get_unmapped_area(addr, len, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) &&
	    find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;

	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	err = mmap_check_type(file, prot, flags, addr, &vm_flags, &pgoff);
	if (err)
		return (unsigned long)(long)err;
	if (do_munmap(mm, addr, len))
		return -ENOMEM;
	return mmap_region(file, addr, len, vm_flags, pgoff);
}

/* Free the page tables of [start, end) that no region still needs. */
static void unmap_pgtables(struct mm_struct *mm, unsigned long start,
			   unsigned long end)
{
	struct vm_area_struct *next = find_vma(mm, start);
	struct vm_area_struct *prev = next ? next->vm_prev :
					     find_vma_prev(mm, start);

	free_pgd_range(mm, start, end, prev ? prev->vm_end : 0,
		       next ? next->vm_start : TASK_SIZE);
}

int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *next;
	unsigned long end;

	if ((start & ~PAGE_MASK) || start > TASK_SIZE ||
	    len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len)
		return -EINVAL;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0; /* nothing there: fine */
	if (vma->vm_start < start && split_vma(mm, vma, start, true))
		return -ENOMEM;
	next = find_vma(mm, end);
	if (next && next->vm_start < end && split_vma(mm, next, end, true))
		return -ENOMEM;
	/* Every region now lies inside [start, end) or outside it. */
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = next) {
		next = vma->vm_next;
		vma_unlink(mm, vma);
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		vm_area_free(vma);
	}
	unmap_pgtables(mm, start, end);
	return 0;
}

int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags)
{
	unsigned long ret;

	len = PAGE_ALIGN(len);
	if (!len)
		return 0;
	if (addr > TASK_SIZE - len ||
	    find_vma_intersection(current->mm, addr, addr + len))
		return -ENOMEM;
	ret = mmap_region(NULL, addr, len, VM_DATA_DEFAULT_FLAGS | flags,
			  addr >> PAGE_SHIFT);
	return IS_ERR_VALUE(ret) ? (int)ret : 0;
}

int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = vma->vm_prev;
	unsigned long grow;

	address &= PAGE_MASK;
	if (!(vma->vm_flags & VM_GROWSDOWN) || address >= vma->vm_start)
		return -EFAULT;
	if (vma->vm_end - address > rlimit(RLIMIT_STACK) ||
	    address < MMAP_MIN_ADDR)
		return -ENOMEM;
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) &&
	    address - prev->vm_end < STACK_GUARD_GAP)
		return -ENOMEM;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	if ((vma->vm_flags & VM_ACCOUNT) && __vm_enough_memory(mm, (long)grow))
		return -ENOMEM;
	vma->vm_start = address;
	vma->vm_pgoff -= grow;
	vm_stat_account(mm, vma->vm_flags, (long)grow);
	return 0;
}

/* --- the whole address space ---------------------------------------------- */

int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *vma;
	int ret = 0;

	mutex_lock(&oldmm->mmap_lock);
	mm->total_vm = mm->hiwater_vm = oldmm->total_vm;
	mm->data_vm = oldmm->data_vm;
	mm->exec_vm = oldmm->exec_vm;
	mm->stack_vm = oldmm->stack_vm;
	for (vma = oldmm->mmap; vma; vma = vma->vm_next) {
		struct vm_area_struct *tmp;

		if (vma->vm_flags & VM_DONTCOPY) {
			vm_stat_account(mm, vma->vm_flags,
					-(long)vma_pages(vma));
			continue;
		}
		tmp = vm_area_dup(vma);
		if (!tmp) {
			ret = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		vma_link(mm, tmp);
		ret = copy_page_range(tmp, vma);
		if (ret)
			break;
	}
	mutex_unlock(&oldmm->mmap_lock);
	return ret;
}

void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->mmap, *next;

	for (; vma; vma = next) {
		next = vma->vm_next;
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vm_area_free(vma);
	}
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->mmap_cache = NULL;
	mm->map_count = 0;
	mm->total_vm = mm->data_vm = mm->exec_vm = mm->stack_vm = 0;
	free_pgd_range(mm, 0, TASK_SIZE, 0, TASK_SIZE);
}

/* --- system calls ----------------------------------------------------------- */

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, origbrk;
	struct vm_area_struct *next;

	mutex_lock(&mm->mmap_lock);
	origbrk = mm->brk;
	if (brk < mm->start_brk || brk > TASK_SIZE)
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk)
		goto set_brk;
	if (brk <= mm->brk) {
		/* Shrinking: what goes is unmapped, and reads zero if regrown. */
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto out;
		goto set_brk;
	}
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > next->vm_start)
		goto out; /* it would run into the next region */
	if (vm_brk_flags(oldbrk, newbrk - oldbrk, 0))
		goto out;
set_brk:
	mm->brk = brk;
	origbrk = brk;
out:
	mutex_unlock(&mm->mmap_lock);
	return (long)origbrk;
}

unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_mmap(file, addr, len, prot, flags, pgoff);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

int vm_munmap(unsigned long start, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_munmap(mm, start, len);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

SYSCALL_DEFINE6(mmap2, unsigned long, addr, unsigned long, len, unsigned long,
		prot, unsigned long, flags, int, fd, unsigned long, pgoff)
{
	struct file *file = NULL;
	unsigned long ret;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	flags &= ~(unsigned long)(MAP_EXECUTABLE | MAP_DENYWRITE);
	ret = vm_mmap(file, addr, len, prot, flags, pgoff);
	if (file)
		fput(file);
	return (long)ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return vm_munmap(addr, len);
}
