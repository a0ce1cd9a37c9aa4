// SPDX-License-Identifier: GPL-2.0
/*
 * mmap.c - the regions of an address space: mmap, munmap, brk, and the
 * copy and teardown of the whole space (fork, exit).
 *
 * A region (struct vm_area_struct) is a page-aligned range with one
 * protection and one backing.  A process's regions are kept twice, as in
 * Linux before 6.1's maple tree: in a list sorted by address (vm_next,
 * vm_prev), which walks and copies use, and in a red-black tree by start
 * address, which find_vma() descends in O(log n): "the first region that
 * ends above addr".  Regions never overlap.
 *
 * mmap() finds room (get_unmapped_area: the hint if it is free, else top
 * down from mmap_base, 128 MB below the top of user space, leaving room
 * for the stack, as i386 Linux's legacy-free layout does), removes
 * whatever a MAP_FIXED mapping covers, and links a new region; an
 * anonymous one that starts where a compatible one ends just extends it
 * (a growing heap stays one region).  Nothing is mapped yet: the pages
 * come at the first fault (mm/memory.c).  munmap() splits the regions at
 * the range's ends (split_vma) and drops the regions inside with their
 * pages; munmap of a range with nothing in it is not an error.
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

#define MAX_MAP_COUNT 65530 /* Linux's sysctl_max_map_count */
#define MMAP_MIN_ADDR 65536 /* Debian's CONFIG_DEFAULT_MMAP_MIN_ADDR */
#define MIN_GAP (128UL << 20) /* mmap_base stays this far below the top */
#define STACK_GUARD_GAP (256UL << PAGE_SHIFT) /* Linux's stack_guard_gap */

static struct kmem_cache *vm_area_cachep;

void __init mmap_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 0,
					   SLAB_HWCACHE_ALIGN, NULL);
	zero_page_init();
}

static struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma =
		kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma)
		vma->vm_mm = mm;
	return vma;
}

static struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma =
		kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (!vma)
		return NULL;
	*vma = *orig;
	vma->vm_next = vma->vm_prev = NULL;
	if (vma->vm_file)
		get_file(vma->vm_file);
	if (vma->vm_ops && vma->vm_ops->open)
		vma->vm_ops->open(vma);
	return vma;
}

static void vm_area_free(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	kmem_cache_free(vm_area_cachep, vma);
}

static unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* total_vm and its kinds, as Linux's vm_stat_account(). */
static void vm_stat_account(struct mm_struct *mm, unsigned long flags,
			    long npages)
{
	mm->total_vm += npages;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
	if ((flags & (VM_EXEC | VM_WRITE)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_STACK)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		mm->data_vm += npages;
}

/* --- the list and the tree ---------------------------------------------- */

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = mm->mmap_cache, *found = NULL;
	struct rb_node *node;

	if (vma && vma->vm_end > addr && vma->vm_start <= addr)
		return vma;
	node = mm->mm_rb.rb_node;
	while (node) {
		struct vm_area_struct *tmp =
			rb_entry(node, struct vm_area_struct, vm_rb);

		if (tmp->vm_end > addr) {
			found = tmp;
			if (tmp->vm_start <= addr)
				break;
			node = node->left;
		} else {
			node = node->right;
		}
	}
	if (found)
		mm->mmap_cache = found;
	return found;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

/* The region before addr's place (the last that ends at or below it). */
static struct vm_area_struct *find_vma_prev(struct mm_struct *mm,
					    unsigned long addr)
{
	struct vm_area_struct *next = find_vma(mm, addr), *prev;

	if (next)
		return next->vm_prev;
	for (prev = mm->mmap; prev && prev->vm_next; prev = prev->vm_next)
		;
	return prev;
}

static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *prev = find_vma_prev(mm, vma->vm_start);

	while (*link) {
		struct vm_area_struct *tmp =
			rb_entry(*link, struct vm_area_struct, vm_rb);

		parent = *link;
		link = vma->vm_start < tmp->vm_start ? &(*link)->left :
						       &(*link)->right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);

	vma->vm_prev = prev;
	vma->vm_next = prev ? prev->vm_next : mm->mmap;
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	mm->map_count++;
}

static void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	if (vma->vm_prev)
		vma->vm_prev->vm_next = vma->vm_next;
	else
		mm->mmap = vma->vm_next;
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma->vm_prev;
	if (mm->mmap_cache == vma)
		mm->mmap_cache = NULL;
	mm->map_count--;
}

/*
 * Cut vma at addr into two regions: the part below addr becomes a new
 * region when new_below, else the part above.  The backing's offset
 * follows each part; a backing with open() counts the new region.
 */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		     unsigned long addr, bool new_below)
{
	struct vm_area_struct *new;

	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (new_below) {
		new->vm_end = addr;
		vma->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma->vm_start = addr; /* still between its neighbours */
	} else {
		new->vm_start = addr;
		new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma->vm_end = addr;
	}
	vma_link(mm, new);
	return 0;
}

/* split_vma() for mprotect (mm/mprotect.c). */
int split_vma_at(struct mm_struct *mm, struct vm_area_struct *vma,
		 unsigned long addr, bool new_below)
{
	return split_vma(mm, vma, addr, new_below);
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

/*
 * Link [addr, addr + len) as a region with these flags (the range is
 * free).  Anonymous private memory right after a compatible region
 * extends that region instead.
 */
static unsigned long mmap_region(struct file *file, unsigned long addr,
				 unsigned long len, unsigned long vm_flags,
				 unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *prev = find_vma_prev(mm, addr), *vma;
	int err;

	if (!file && !(vm_flags & VM_SHARED) && prev && prev->vm_end == addr &&
	    !prev->vm_file && !prev->vm_ops && prev->vm_flags == vm_flags &&
	    prev->vm_pgoff + vma_pages(prev) == pgoff) {
		prev->vm_end = addr + len;
		vm_stat_account(mm, vm_flags, (long)(len >> PAGE_SHIFT));
		return addr;
	}
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
	if (file) {
		vma->vm_file = get_file(file);
		err = file->f_op->mmap(file, vma);
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
	} else {
		err = 0;
	}
	if (err) {
		vm_area_free(vma);
		return (unsigned long)(long)err;
	}
	vma_link(mm, vma);
	vm_stat_account(mm, vm_flags, (long)vma_pages(vma));
	return addr;
}

unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;

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

	vm_flags = calc_vm_prot_bits(prot) | VM_MAYREAD | VM_MAYWRITE |
		   VM_MAYEXEC;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
	case MAP_SHARED_VALIDATE:
		if (file && (prot & PROT_WRITE) &&
		    !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (file && !(file->f_mode & FMODE_WRITE))
			vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		fallthrough;
	case MAP_PRIVATE:
		if (file && !(file->f_mode & FMODE_READ))
			return -EACCES;
		if (file && !file->f_op->mmap)
			return -ENODEV;
		if (!file && (flags & MAP_TYPE) == MAP_PRIVATE)
			pgoff = addr >> PAGE_SHIFT;
		break;
	default:
		return -EINVAL;
	}
	if (do_munmap(mm, addr, len))
		return -ENOMEM;
	return mmap_region(file, addr, len, vm_flags, pgoff);
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
	for (vma = oldmm->mmap; vma; vma = vma->vm_next) {
		struct vm_area_struct *tmp;

		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		tmp = vm_area_dup(vma);
		if (!tmp) {
			ret = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		vma_link(mm, tmp);
		vm_stat_account(mm, tmp->vm_flags, (long)vma_pages(tmp));
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
	free_pgtables(mm);
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

SYSCALL_DEFINE6(mmap2, unsigned long, addr, unsigned long, len, unsigned long,
		prot, unsigned long, flags, int, fd, unsigned long, pgoff)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	unsigned long ret;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	flags &= ~(unsigned long)(MAP_EXECUTABLE | MAP_DENYWRITE);
	mutex_lock(&mm->mmap_lock);
	ret = do_mmap(file, addr, len, prot, flags, pgoff);
	mutex_unlock(&mm->mmap_lock);
	if (file)
		fput(file);
	return (long)ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_munmap(mm, addr, len);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}
