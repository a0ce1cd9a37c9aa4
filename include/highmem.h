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
 * to map, a PTE clear and one INVLPG to unmap, strictly last-in first-out,
 * on the CPU that mapped; no other CPU sees the mapping, so none is ever
 * asked to flush it.  kmap() gives one address for all CPUs, and its lazy
 * flush shoots down every CPU's TLB.  kmap_atomic/kunmap_atomic are the
 * older names for kmap_local.
 */
#ifndef _HIGHMEM_H
#define _HIGHMEM_H

#include <asm/highmem.h>
#include <mm.h>
#include <string.h>

/* --- kmap_local (mm/kmap_local.c) ----------------------------------- */

void *__kmap_local_page_prot(struct page *page, pgprot_t prot);
void kunmap_local_indexed(const void *vaddr);

/**
 * kmap_local_page - map a page for a short while, on this CPU's stack
 * @page: the page
 *
 * Return: the direct-map address of a lowmem page; for a highmem page the
 * address of the next free kmap_local slot, valid until the matching
 * kunmap_local().  NULL if all KM_MAX_IDX slots are in use or page is not
 * a struct page (both a WARN).
 */
static inline void *kmap_local_page(struct page *page)
{
	return __kmap_local_page_prot(page, PAGE_KERNEL);
}

static inline void __kunmap_local(const void *vaddr)
{
	kunmap_local_indexed(vaddr);
}

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

/*
 * CPU cpu's kmap_local stack, for views, reports and tests (each value as
 * it was at the moment it was read; smp_processor_id() for this CPU's):
 */
/* How many of its slots are in use (0..KM_MAX_IDX). */
int kmap_local_depth(unsigned int cpu);
/* The address of its stack slot `idx` (0 = first pushed). */
unsigned long kmap_local_slot_addr(unsigned int cpu, int idx);
/* The page mapped at its stack slot `idx`, or NULL (free, unmapped early). */
struct page *kmap_local_slot_page(unsigned int cpu, int idx);
/* The page its slot `idx` mapped last, even if unmapped since; or NULL. */
struct page *kmap_local_slot_last_page(unsigned int cpu, int idx);
/* Who mapped its stack slot `idx` (a return address), or 0. */
unsigned long kmap_local_slot_caller(unsigned int cpu, int idx);
/* The PTE of its stack slot `idx` (the self-check compares), or NULL. */
pte_t *kmap_local_slot_pte(unsigned int cpu, int idx);
/* The CPU whose kmap_local slot vaddr is (and the slot in *idx), or -1. */
int kmap_local_slot_owner(unsigned long vaddr, int *idx);

/* --- kmap: the permanent kmaps (mm/highmem.c) ---------------------------- */

/* kmap() and kunmap() of a highmem page (or of a bad pointer: reported). */
void *kmap_high(struct page *page);
void kunmap_high(struct page *page);

/**
 * kmap - give a page a kernel address until kunmap()
 * @page: the page
 *
 * A lowmem page costs nothing: its direct-map address.  A highmem page
 * gets a pkmap slot, the one it already has if it is still mapped.  Not
 * for interrupt handlers; kmap_local_page() is.
 *
 * Return: the address, or NULL if every pkmap slot is in use (reported)
 * or page is not a struct page in mem_map (a WARN).
 */
static inline void *kmap(struct page *page)
{
	if (likely(page_ptr_valid(page)) && !PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_high(page);
}

/* kunmap - end one kmap() of a page (nothing to do for lowmem). */
static inline void kunmap(struct page *page)
{
	if (unlikely(!page_ptr_valid(page)) || PageHighMem(page))
		kunmap_high(page);
}
/* The page behind a kmap()/kmap_local/direct-map address, or NULL. */
struct page *kmap_to_page(void *addr);
/* Clear the stale (count 1) pkmap slots now, with one TLB flush. */
void kmap_flush_unused(void);
/* Count slot nr as taken last: the next new kmap searches from nr + 1. */
void kmap_set_cursor(unsigned int nr);
/* Zero the TLB flush and failed kmap counts (struct pkmap_state). */
void pkmap_clear_stats(void);
/* Boot: find the pkmap page table, register the fault explainers. */
void kmap_init(void);

/* The pkmap slots as they are now, for /proc/pkmap, the demo and the tests. */
struct pkmap_state {
	unsigned int in_use; /* slots with users: pkmap_count >= 2 */
	unsigned int stale; /* count 1: no users, PTE (and TLB entry) kept */
	unsigned int free; /* count 0: unmapped and flushed */
	unsigned int users; /* sum of the users of all slots */
	unsigned int cursor; /* last_pkmap_nr: the slot taken last */
	unsigned long flushes; /* TLB flushes done by flush_all_zero_pkmaps */
	unsigned long failures; /* kmaps refused: every slot in use */
};
void pkmap_get_state(struct pkmap_state *state);
/* pkmap_count[nr] (0 free, 1 stale, n: n - 1 users), -1 if nr is bad. */
int pkmap_slot_count(unsigned int nr);
/* The page slot nr maps (count >= 1), or NULL. */
struct page *pkmap_slot_page(unsigned int nr);
/* The page slot nr mapped last, even if it was flushed since; or NULL. */
struct page *pkmap_slot_last_page(unsigned int nr);
/* Who made the latest kmap of slot nr (a return address), or 0. */
unsigned long pkmap_slot_caller(unsigned int nr);

/* The pkmap and kmap_local invariants (mm/highmem_check.c). */
bool kmap_self_check(void);

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
