/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/highmem.h - the inline fast paths of kmap_local_page() and
 * kunmap_local() on x86-32 (the rest is arch/x86/mm/kmap_local.c).
 *
 * They are the whole point of kmap_local: one PTE write to map, a PTE
 * clear and an INVLPG to unmap.  A call to an out-of-line function would
 * cost as much as the work, so the common cases are inline here and
 * everything else (a bad page pointer, a full stack, an unmap that is not
 * the top slot, a released slot to pop) goes to kmap_local.c, which checks
 * and reports exactly as before:
 *  - the stack is kmap_local_stack: an array of slots, each knowing its
 *    fixmap address and its PTE, and a pointer to the next free one, so a
 *    push or a pop is a pointer step and no arithmetic on indices;
 *  - kmap_local_page(): the struct page pointer becomes a pfn with one
 *    subtraction and one rotation, page_to_pfn_checked() (a pointer that is
 *    not a struct page gives a number above max_pfn).  A pfn below max_low_pfn is lowmem (its direct-map address), one below
 *    max_pfn is highmem: the zone boundaries are exactly these, which
 *    kmap_self_check() verifies;
 *  - kunmap_local(): the address is compared with the top slot's, and
 *    slot[0], below the stack, has an address no page has (KMAP_LOCAL_NO_TOP),
 *    so an empty stack needs no test of its own.
 * Both record who mapped the slot with _THIS_IP_, an address inside the
 * function that called them: the reports print it as that function.
 */
#ifndef _ASM_X86_HIGHMEM_H
#define _ASM_X86_HIGHMEM_H

#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <mm.h>

/* Not a page address: kunmap_local() of nothing matches it. */
#define KMAP_LOCAL_NO_TOP 1UL

struct kmap_local_slot {
	unsigned long vaddr; /* its fixmap address (NO_TOP for slot[0]) */
	pte_t *ptep; /* its PTE in the fixmap page table */
	struct page *page; /* mapped now (below the top), or last */
	unsigned long caller; /* who made that mapping */
};

/*
 * This CPU's stack (one CPU).  Stack slot i, the i-th one pushed, is
 * slot[i + 1]; slot[0] is the sentinel below the bottom.
 */
struct kmap_local_stack {
	struct kmap_local_slot slot[KM_MAX_IDX + 1];
	struct kmap_local_slot *next; /* the next push's slot: depth + 1 */
	u32 released; /* bit i: stack slot i was unmapped out of order */
};

extern struct kmap_local_stack kmap_local_stack;

/* The checked, reporting versions (kmap_local.c). */
void *__kmap_local_page(struct page *page, unsigned long caller);
void __kunmap_local_slow(const void *addr, unsigned long caller);
void kmap_local_pop_released(void);

/**
 * kmap_local_page - map a page for a short while, on this CPU's stack
 * @page: the page
 *
 * Return: the direct-map address of a lowmem page; for a highmem page the
 * address of the next free kmap_local slot, valid until the matching
 * kunmap_local().  NULL if all KM_MAX_IDX slots are in use or page is not
 * a struct page (both a WARN).
 */
static __always_inline void *kmap_local_page(struct page *page)
{
	unsigned long pfn = page_to_pfn_checked(page);
	struct kmap_local_slot *slot = kmap_local_stack.next;

	if (pfn < max_low_pfn)
		return __va(pfn << PAGE_SHIFT);
	if (unlikely(pfn >= max_pfn ||
		     slot == &kmap_local_stack.slot[KM_MAX_IDX + 1]))
		return __kmap_local_page(page, _THIS_IP_);
	kmap_local_stack.next = slot + 1;
	barrier(); /* the slot is ours before its PTE is written */
	slot->page = page;
	slot->caller = _THIS_IP_;
	/* The slot was flushed when it was last unmapped: no INVLPG here. */
	set_pte(slot->ptep, pfn_pte(pfn, PAGE_KERNEL));
	return (void *)slot->vaddr;
}

/* kunmap_local(): pop the top slot; anything else is kmap_local.c's. */
static __always_inline void __kunmap_local(const void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;
	struct kmap_local_slot *slot = kmap_local_stack.next - 1;

	if (likely(vaddr == slot->vaddr)) {
		pte_clear(slot->ptep);
		__flush_tlb_one(vaddr);
		barrier(); /* the PTE is gone before the slot is free again */
		kmap_local_stack.next = slot;
		if (unlikely(kmap_local_stack.released))
			kmap_local_pop_released();
		return;
	}
	/* A lowmem address needs nothing; the rest is checked there. */
	if ((unsigned long)addr - PAGE_OFFSET >=
	    (unsigned long)high_memory - PAGE_OFFSET)
		__kunmap_local_slow(addr, _THIS_IP_);
}

#endif /* _ASM_X86_HIGHMEM_H */
