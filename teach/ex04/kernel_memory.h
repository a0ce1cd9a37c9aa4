/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel_memory.h - the ex04 exercise's API ("Kernel Memory Management",
 * concepts 2.7.9 a-i), answered by this running kernel.
 *
 * Every type and function of the exercise is here with its name and
 * signature; nothing is simulated: each number comes from the kernel's own
 * structures at the moment of the call (teach/ex04/).  What the
 * exercise leaves open is decided for i386, non-PAE, 3G/1G:
 *
 *  - The layout is this kernel's: user space [0, 3 GB), the direct map
 *    [PAGE_OFFSET, high_memory), vmalloc, pkmap, fixmap.  Modules share the
 *    vmalloc area, as on Linux i386.  Every *_end is exclusive (one past the
 *    last byte), like the boot banner's ranges.
 *  - phys_to_virt() of a lowmem address is its direct-map address; of a
 *    highmem (or non-existent) address it is 0: that memory has no
 *    permanent kernel mapping.
 *  - virt_to_phys() of a direct-map address is arithmetic (virt -
 *    PAGE_OFFSET); of any other kernel address it walks the page tables;
 *    of an address that is not mapped it is (uint64_t)-1.
 *  - is_identity_mapped(v) is true exactly on [PAGE_OFFSET, high_memory).
 *  - needs_highmem(phys) is phys >= max_low_pfn << PAGE_SHIFT.
 *  - get_slab_caches()/get_zone_info() return an array from kmalloc() that
 *    the caller kfree()s; they and get_buddy_info() return -EINVAL on bad
 *    arguments and -ENOMEM when the array cannot be allocated.
 *  - get_zone_info() lists all five zones in enum order; DMA32 and Movable
 *    are empty on i386 (start_pfn == end_pfn).  The zones tile
 *    [first RAM pfn, max_pfn) as /proc/zoneinfo shows them.
 *  - get_buddy_info() fills min(max_order, MAX_ORDER) entries, the free
 *    blocks of each order summed over all zones, and returns how many.
 *  - gfp_flags_string() names combinations "GFP_KERNEL | GFP_ZERO" and
 *    unknown bits in hex; the string lives until the 8th next call.
 *  - recommend_gfp_flags() knows "process", "interrupt", "dma", "dma32",
 *    "user" and "highuser"; anything else, NULL included, gets GFP_KERNEL
 *    and a one-line note on the console.
 *
 * kmap()/kunmap() are the kernel's (highmem.h): they take a struct page *,
 * where the exercise wrote void *.
 */
#ifndef _KERNEL_MEMORY_H
#define _KERNEL_MEMORY_H

#include <gfp.h>
#include <highmem.h>
#include <mmzone.h>
#include <stdint.h>
#include <types.h>

/* 2.7.9.i: memory zones: the kernel's own enum (ZONE_DMA ... ZONE_MOVABLE). */
typedef enum zone_type zone_type_t;

typedef struct {
	zone_type_t type;
	const char *name; /* "DMA", "DMA32", "Normal", "HighMem", "Movable" */
	uint64_t start_pfn; /* first page frame of the zone's span */
	uint64_t end_pfn; /* one past the last */
	uint64_t free_pages; /* free now */
	uint64_t managed_pages; /* owned by the buddy allocator */
} zone_info_t;

/* 2.7.9.g: gfp_flags_t is the kernel's (gfp.h), with the exercise's values. */

/* 2.7.9.e: one slab cache. */
typedef struct {
	const char *name; /* "kmalloc-64" */
	size_t object_size; /* bytes asked for */
	size_t slab_size; /* bytes of one slab (PAGE_SIZE << order) */
	int objects_per_slab;
	uint64_t active_objs; /* handed out now */
	uint64_t total_objs; /* in all slabs */
	uint64_t active_slabs; /* slabs with at least one object in use */
	uint64_t total_slabs;
} slab_cache_info_t;

/* 2.7.9.f: free blocks of one order. */
typedef struct {
	int order; /* blocks of 2^order pages */
	uint64_t free_count; /* free blocks of that order, all zones */
} buddy_order_info_t;

/* 2.7.9.a: the kernel address space of this boot (ends exclusive). */
typedef struct {
	uint64_t user_start, user_end;
	uint64_t kernel_start; /* PAGE_OFFSET: the 3G/1G split */
	uint64_t direct_map_start, direct_map_end;
	uint64_t vmalloc_start, vmalloc_end;
	uint64_t modules_start, modules_end; /* = vmalloc on i386 */
} kernel_layout_t;

/* ============== ADDRESS SPACE (2.7.9.a-b): layout.c ============== */
int get_kernel_layout(kernel_layout_t *layout);
void print_kernel_layout(void);
uint64_t phys_to_virt(uint64_t phys);
uint64_t virt_to_phys(uint64_t virt);
bool is_identity_mapped(uint64_t virt);

/* ============== ALLOCATORS (2.7.9.c-d, g): allocators.c ========== */
void *my_kmalloc(size_t size, gfp_flags_t flags);
void my_kfree(void *ptr);
void explain_kmalloc(void);
void *my_vmalloc(size_t size);
void my_vfree(void *ptr);
void explain_vmalloc(void);
void compare_kmalloc_vmalloc(void);

const char *gfp_flags_string(gfp_flags_t flags);
void explain_gfp_flags(void);
gfp_flags_t recommend_gfp_flags(const char *context);

/* ============== SLAB (2.7.9.e): slab.c ============================ */
int get_slab_caches(slab_cache_info_t **caches, int *count);
void print_slab_info(void);
void explain_slab_allocator(void);

/* ============== BUDDY (2.7.9.f): buddy.c ========================== */
int get_buddy_info(buddy_order_info_t *orders, int max_order);
void print_buddy_info(void);
void explain_buddy_system(void);

/* ============== ZONES AND HIGHMEM (2.7.9.h-i): zones.c ============ */
int get_zone_info(zone_info_t **zones, int *count);
void print_zone_info(void);
void explain_highmem(void);
bool needs_highmem(uint64_t phys_addr);
/* kmap()/kunmap(): see highmem.h (struct page *, not void *). */

#endif /* _KERNEL_MEMORY_H */
