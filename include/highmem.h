/* SPDX-License-Identifier: GPL-2.0 */
/*
 * highmem.h - reaching pages that have no permanent kernel address.
 *
 * A ZONE_HIGHMEM page (above 896 MB by default) is outside the direct map.
 * To touch it the kernel maps it for a while:
 *
 *	void *p = kmap_local_page(page);   // short, nested, LIFO, any context
 *	memset(p, 0, PAGE_SIZE);
 *	kunmap_local(p);                   // takes the address, not the page
 *
 *	void *q = kmap(page);              // long-lived, one of 1024 pkmap slots
 *	...
 *	kunmap(page);                      // takes the page
 *
 * Both return the direct-map address of a lowmem page at no cost.
 * kmap_local uses a per-CPU stack of KM_MAX_IDX fixmap slots: one PTE write
 * to map, a PTE clear and one INVLPG to unmap, strictly last-in first-out.
 * kmap_atomic/kunmap_atomic are the older names for the same thing.
 */
#ifndef _HIGHMEM_H
#define _HIGHMEM_H

#include <mm.h>
#include <string.h>

/* kmap_local (arch/x86/mm/kmap_local.c) */
void *kmap_local_page(struct page *page);
void __kunmap_local(const void *addr);
/* How many kmap_local slots are in use now (0..KM_MAX_IDX). */
int kmap_local_depth(void);
/* The address of kmap_local stack slot `idx` (0 = first pushed). */
unsigned long kmap_local_slot_addr(int idx);
/* The page mapped at stack slot `idx`, or NULL. */
struct page *kmap_local_slot_page(int idx);

/* Passing a struct page * is a compile error: unmap by address. */
#define kunmap_local(addr)                                                     \
	do {                                                                   \
		_Static_assert(!__builtin_types_compatible_p(__typeof__(addr), \
							     struct page *),   \
			       "kunmap_local() takes the mapped address, "     \
			       "not the struct page");                         \
		__kunmap_local(addr);                                          \
	} while (0)

static inline void *kmap_atomic(struct page *page)
{
	return kmap_local_page(page);
}

#define kunmap_atomic(addr)                                                    \
	do {                                                                   \
		_Static_assert(!__builtin_types_compatible_p(__typeof__(addr), \
							     struct page *),   \
			       "kunmap_atomic() takes the mapped address, "    \
			       "not the struct page");                         \
		__kunmap_local(addr);                                          \
	} while (0)

/* Permanent kmaps (mm/highmem.c) */
void *kmap(struct page *page);
void kunmap(struct page *page);
/* The page behind a kmap()/kmap_local/direct-map address, or NULL. */
struct page *kmap_to_page(void *addr);

/* Helpers built on kmap_local. */
static inline void clear_highpage(struct page *page)
{
	void *kaddr = kmap_local_page(page);

	if (!kaddr)
		return;
	memset(kaddr, 0, PAGE_SIZE);
	kunmap_local(kaddr);
}

static inline void copy_highpage(struct page *to, struct page *from)
{
	void *vfrom = kmap_local_page(from);
	void *vto = kmap_local_page(to);

	if (vfrom && vto)
		memcpy(vto, vfrom, PAGE_SIZE);
	if (vto)
		kunmap_local(vto);
	if (vfrom)
		kunmap_local(vfrom);
}

static inline void memcpy_to_page(struct page *page, size_t offset,
				  const void *from, size_t len)
{
	char *to = kmap_local_page(page);

	if (!to)
		return;
	memcpy(to + offset, from, len);
	kunmap_local(to);
}

static inline void memcpy_from_page(void *to, struct page *page, size_t offset,
				    size_t len)
{
	char *from = kmap_local_page(page);

	if (!from)
		return;
	memcpy(to, from + offset, len);
	kunmap_local(from);
}

#endif /* _HIGHMEM_H */
