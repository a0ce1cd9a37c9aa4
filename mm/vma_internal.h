/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vma_internal.h - the region data structure (mm/vma.c) as mmap.c and
 * its neighbours use it.
 */
#ifndef _MM_VMA_INTERNAL_H
#define _MM_VMA_INTERNAL_H

#include <mm.h>

#define MAX_MAP_COUNT 65530 /* Linux's sysctl_max_map_count */

/* Boot: the slab cache of regions. */
void vm_area_cache_init(void);
/* A zeroed region of mm, or NULL. */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
/* A copy (its file and backing counted), unlinked; or NULL. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
/* close() the backing, drop the file, free the struct. */
void vm_area_free(struct vm_area_struct *vma);
/* The region before addr's place (the last that ends at or below it). */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr);
/* Into the list and the tree (its range is free). */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);

#endif /* _MM_VMA_INTERNAL_H */
