// SPDX-License-Identifier: GPL-2.0
/*
 * vma.c - the regions of an address space as a data structure: the
 * sorted list and the tree, find_vma(), splitting a region in two and
 * merging it with its neighbours.  (Linux 6.11 gave these a file of the
 * same name; in 6.1 they are in mm/mmap.c, which here keeps mmap(),
 * munmap(), brk and the whole-space operations.)
 *
 * A region (struct vm_area_struct) is a page-aligned range with one
 * protection and one backing.  A process's regions are kept twice, as in
 * Linux before 6.1's maple tree: in a list sorted by address (vm_next,
 * vm_prev), which walks and copies use, and in a red-black tree by start
 * address, which find_vma() descends in O(log n): "the first region that
 * ends above addr".  Regions never overlap, so moving a region's start or
 * end between its neighbours keeps both orders and needs no re-insert.
 *
 * Merging keeps the list short, as Linux's vma_merge(): a range that is
 * about to get some flags (a new mapping, a grown heap, an mprotect()ed
 * piece) joins the region before it and/or the one after it when they
 * touch it and are alike: same flags, same file (or none) at contiguous
 * offsets, same operations, and nothing that must know each region (a
 * close() operation, a driver's mapping: VM_SPECIAL).  An anonymous
 * private region's offset is its address in pages, so adjacent anonymous
 * regions are always contiguous.  Linux also requires their anon_vmas to
 * be compatible; there are none here (no reverse mapping to keep), so
 * two touched anonymous regions merge where Linux might keep them apart.
 */
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include "vma_internal.h"

static struct kmem_cache *vm_area_cachep;

void __init vm_area_cache_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 0,
					   SLAB_HWCACHE_ALIGN, NULL);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma =
		kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma)
		vma->vm_mm = mm;
	return vma;
}

struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
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

void vm_area_free(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	kmem_cache_free(vm_area_cachep, vma);
}

/* total_vm and its kinds, as Linux's vm_stat_account(). */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += (unsigned long)npages;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
	if ((flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC)
		mm->exec_vm += (unsigned long)npages;
	else if (flags & VM_STACK)
		mm->stack_vm += (unsigned long)npages;
	else if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE)
		mm->data_vm += (unsigned long)npages;
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

struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *next = find_vma(mm, addr), *prev;

	if (next)
		return next->vm_prev;
	for (prev = mm->mmap; prev && prev->vm_next; prev = prev->vm_next)
		;
	return prev;
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
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

void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
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

/* --- splitting and merging ---------------------------------------------- */

/*
 * Cut vma at addr into two regions: the part below addr becomes a new
 * region when new_below, else the part above.  The backing's offset
 * follows each part; a backing with open() counts the new region.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
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

/* Could vma hold pages of a range with these flags, file and ops? */
static bool is_mergeable_vma(const struct vm_area_struct *vma,
			     unsigned long vm_flags, const struct file *file,
			     const struct vm_operations_struct *ops)
{
	return vma->vm_flags == vm_flags && vma->vm_file == file &&
	       vma->vm_ops == ops && !(vm_flags & VM_SPECIAL) &&
	       !(ops && ops->close);
}

/* Drop a region another one has just absorbed. */
static void vma_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma_unlink(mm, vma);
	vm_area_free(vma);
}

/*
 * Linux's cases, with [addr, end) the range, P prev, N next, A the
 * region that covers the range now (mprotect) or nothing (a new range):
 * PPPP____NNNN -> PPPPPPPPNNNN (prev grows), PPPPNNNNNNNN (next grows
 * down) or PPPPPPPPPPPP (both, next absorbed); PPPPAAAANNNN with all of
 * A changing: A is absorbed by prev, next, or both; PPPPAAAA with the
 * head of A changing: prev grows, A shrinks; AAAANNNN with the tail of A
 * changing (prev is A itself): A shrinks, next grows down.
 */
struct vm_area_struct *
vma_merge(struct mm_struct *mm, struct vm_area_struct *prev, unsigned long addr,
	  unsigned long end, unsigned long vm_flags, struct file *file,
	  unsigned long pgoff, const struct vm_operations_struct *ops)
{
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *area, *next;
	bool merge_prev, merge_next, a_whole, a_head;

	next = prev ? prev->vm_next : mm->mmap;
	area = next;
	a_whole = area && area->vm_start == addr && area->vm_end == end;
	a_head = area && area->vm_start == addr && area->vm_end > end;
	if (a_whole)
		next = next->vm_next;
	merge_prev = prev && prev->vm_end == addr &&
		     is_mergeable_vma(prev, vm_flags, file, ops) &&
		     prev->vm_pgoff + vma_pages(prev) == pgoff;
	merge_next = next && next->vm_start == end &&
		     is_mergeable_vma(next, vm_flags, file, ops) &&
		     next->vm_pgoff == pgoff + pglen;
	if (merge_prev) {
		unsigned long new_end = merge_next ? next->vm_end : end;

		if (a_whole) {
			vma_remove(mm, area);
		} else if (a_head) {
			area->vm_start = end;
			area->vm_pgoff += pglen;
		}
		if (merge_next)
			vma_remove(mm, next);
		prev->vm_end = new_end;
		return prev;
	}
	if (!merge_next)
		return NULL;
	if (prev && addr < prev->vm_end)
		prev->vm_end = addr; /* the tail of prev moves to next */
	else if (a_whole)
		vma_remove(mm, area); /* all of A joins next */
	next->vm_start = addr;
	next->vm_pgoff -= pglen;
	return next;
}
