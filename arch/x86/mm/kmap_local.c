// SPDX-License-Identifier: GPL-2.0
/*
 * kmap_local.c - short-lived mappings of highmem pages, x86-32 style.
 *
 * Each CPU owns KM_MAX_IDX fixmap slots used as a stack: kmap_local_page()
 * pushes (writes the slot's PTE), kunmap_local() pops (clears the PTE and
 * flushes that one TLB entry with INVLPG).  Because a slot is flushed when
 * it is freed, mapping needs no flush at all: the cheapest mapping a 32-bit
 * kernel has.  The price is discipline: unmaps come in reverse order, and a
 * mapping must not outlive the code that made it.  A lowmem page never uses
 * a slot: its direct-map address is returned, and unmapping such an address
 * does nothing.
 *
 * The stack index is raised before the PTE is written and lowered after it
 * is cleared, so an interrupt handler may kmap_local too (it runs on top of
 * the stack and leaves it as it found it): no interrupt disabling is needed.
 * One CPU here, so "per-CPU" is a single stack.
 *
 * Misuse is a WARN with the addresses involved and the caller, and the state
 * stays consistent: a 17th push returns NULL; a pop of an empty stack, an
 * unmap of a slot that is not mapped, or of an address outside the slots is
 * ignored.  An unmap that is not last-in first-out differs from Linux on
 * purpose: Linux warns and then clears the *top* slot, unmapping a page its
 * user still holds.  Here the requested slot is unmapped (so a later use of
 * it faults, as it should) and marked released; it leaves the stack when the
 * slots above it have been popped.  The page and caller of every slot are
 * kept after the pop, for /proc/pkmap and the fault reports.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <bug.h>
#include <fault.h>
#include <highmem.h>
#include <mm.h>
#include <printk.h>
#include <sprintf.h>

struct kmap_local_slot {
	struct page *page; /* mapped now (below the top), or last */
	unsigned long caller; /* who made that mapping */
};

static unsigned int kmap_local_idx; /* slots in use: the next push's slot */
static u32 kmap_local_released; /* bit i: slot i was unmapped out of order */
static struct kmap_local_slot kmap_local_slots[KM_MAX_IDX];

/* The slots are consecutive PTEs of the fixmap table, going down. */
static inline pte_t *kmap_local_pte(unsigned int idx)
{
	return &fixmap_pgtable[pte_index(fix_to_virt(FIX_KMAP_BEGIN))] - idx;
}

/* The stack slot of a fixmap address; >= KM_MAX_IDX if it is none. */
static inline unsigned int kmap_local_idx_of(unsigned long vaddr)
{
	return (unsigned int)__virt_to_fix(vaddr) - FIX_KMAP_BEGIN;
}

unsigned long kmap_local_slot_addr(int idx)
{
	return fix_to_virt(FIX_KMAP_BEGIN + (unsigned int)idx);
}

int kmap_local_depth(void)
{
	return (int)kmap_local_idx;
}

static bool kmap_local_slot_mapped(unsigned int idx)
{
	return idx < kmap_local_idx && !(kmap_local_released & (1U << idx));
}

struct page *kmap_local_slot_page(int idx)
{
	return idx >= 0 && kmap_local_slot_mapped((unsigned int)idx) ?
		       kmap_local_slots[idx].page :
		       NULL;
}

unsigned long kmap_local_slot_caller(int idx)
{
	return idx >= 0 && idx < KM_MAX_IDX ? kmap_local_slots[idx].caller : 0;
}

static noinline void *kmap_local_bad_page(const struct page *page,
					  unsigned long caller)
{
	WARN(1,
	     "kmap_local_page: %p is not a struct page in mem_map (called from %pS)\n",
	     (const void *)page, (void *)caller);
	return NULL;
}

static noinline void *kmap_local_overflow(const struct page *page,
					  unsigned long caller)
{
	WARN(1,
	     "kmap_local_page: all %d slots of the stack are in use: pfn %#lx not mapped (called from %pS); an unbalanced kmap_local_page?\n",
	     KM_MAX_IDX, page_to_pfn(page), (void *)caller);
	pr_warn("kmap_local: the stack, top first:\n");
	for (int idx = KM_MAX_IDX - 1; idx >= 0; idx--)
		pr_warn("kmap_local: slot %2d %#lx: pfn %#lx mapped by %pS\n",
			idx, kmap_local_slot_addr(idx),
			page_to_pfn(kmap_local_slots[idx].page),
			(void *)kmap_local_slots[idx].caller);
	return NULL;
}

/**
 * kmap_local_page - map a page for a short while, on this CPU's stack
 * @page: the page
 *
 * Return: the direct-map address of a lowmem page; for a highmem page the
 * address of the next free kmap_local slot, valid until the matching
 * kunmap_local().  NULL if all KM_MAX_IDX slots are in use or page is not
 * a struct page (both a WARN).
 */
void *kmap_local_page(struct page *page)
{
	unsigned int idx;
	pte_t pte;

	if (unlikely(!page_ptr_valid(page)))
		return kmap_local_bad_page(page, _RET_IP_);
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	idx = kmap_local_idx;
	if (unlikely(idx >= KM_MAX_IDX))
		return kmap_local_overflow(page, _RET_IP_);
	pte = pfn_pte(page_to_pfn(page), PAGE_KERNEL);
	kmap_local_idx = idx + 1;
	barrier(); /* the slot is ours before its PTE is written */
	kmap_local_slots[idx].page = page;
	kmap_local_slots[idx].caller = _RET_IP_;
	/* The slot was flushed when it was last unmapped: no INVLPG here. */
	set_pte(kmap_local_pte(idx), pte);
	return (void *)kmap_local_slot_addr((int)idx);
}

/* Pop the released slots that the last pop left on top of the stack. */
static noinline void kmap_local_pop_released(void)
{
	while (kmap_local_idx &&
	       (kmap_local_released & (1U << (kmap_local_idx - 1)))) {
		kmap_local_released &= ~(1U << (kmap_local_idx - 1));
		kmap_local_idx--;
	}
}

static void kmap_local_clear(unsigned int idx)
{
	pte_clear(kmap_local_pte(idx));
	__flush_tlb_one(kmap_local_slot_addr((int)idx));
}

/* Not the top slot: say why, and unmap it out of order if it is mapped. */
static void kunmap_local_misuse(const void *addr, unsigned int idx,
				unsigned long caller)
{
	unsigned int top = kmap_local_idx - 1;

	if (!kmap_local_idx) {
		WARN(1,
		     "kunmap_local: %p: no kmap_local mapping is active, one kunmap_local too many (called from %pS)\n",
		     addr, (void *)caller);
	} else if (!kmap_local_slot_mapped(idx)) {
		WARN(1,
		     "kunmap_local: %p: slot %u is not mapped (the stack is %u deep), unmapped twice? (called from %pS)\n",
		     addr, idx, kmap_local_idx, (void *)caller);
	} else {
		WARN(1,
		     "kunmap_local: %p (slot %u, pfn %#lx) is not the last mapping: %#lx (slot %u, pfn %#lx, mapped by %pS) must be unmapped first, kmap_local is last-in first-out (called from %pS)\n",
		     addr, idx, page_to_pfn(kmap_local_slots[idx].page),
		     kmap_local_slot_addr((int)top), top,
		     page_to_pfn(kmap_local_slots[top].page),
		     (void *)kmap_local_slots[top].caller, (void *)caller);
		kmap_local_clear(idx);
		kmap_local_released |= 1U << idx;
	}
}

/* Not a kmap_local address, and not lowmem either. */
static noinline void kunmap_local_slow(const void *addr, unsigned long caller)
{
	unsigned long vaddr = (unsigned long)addr;
	unsigned int idx = kmap_local_idx_of(vaddr);

	if (idx < KM_MAX_IDX) {
		kunmap_local_misuse(addr, idx, caller);
		return;
	}
	WARN(1,
	     "kunmap_local: %p is not a kmap_local address (slots %#lx-%#lx)%s (called from %pS)\n",
	     addr, kmap_local_slot_addr(KM_MAX_IDX - 1),
	     kmap_local_slot_addr(0) + PAGE_SIZE - 1,
	     vaddr >= PKMAP_BASE && vaddr < PKMAP_END ?
		     ": it is a pkmap address, unmap it with kunmap(page)" :
		     "",
	     (void *)caller);
}

/**
 * __kunmap_local - end a kmap_local_page() mapping (use kunmap_local())
 * @addr: any address inside the mapped page, as returned by kmap_local_page
 *
 * Pops the top slot: clears its PTE and flushes it from the TLB.  A lowmem
 * address needs nothing.  Misuse is reported and leaves the stack
 * consistent (see the top of this file).
 */
void __kunmap_local(const void *addr)
{
	unsigned long vaddr = (unsigned long)addr;
	unsigned int idx = kmap_local_idx_of(vaddr);

	if (unlikely(idx >= KM_MAX_IDX || idx + 1 != kmap_local_idx)) {
		if (vaddr - PAGE_OFFSET >=
		    (unsigned long)high_memory - PAGE_OFFSET)
			kunmap_local_slow(addr, _RET_IP_);
		return;
	}
	kmap_local_clear(idx);
	barrier(); /* the PTE is gone before the slot is free again */
	kmap_local_idx = idx;
	if (unlikely(kmap_local_released))
		kmap_local_pop_released();
}

/* The fault report's sentence for an address in a kmap_local slot. */
static bool kmap_local_explain(unsigned long addr, unsigned long err, char *buf,
			       size_t size)
{
	unsigned int idx = kmap_local_idx_of(addr);
	const struct kmap_local_slot *slot;

	if (idx >= KM_MAX_IDX)
		return false;
	slot = &kmap_local_slots[idx];
	if (kmap_local_slot_mapped(idx))
		snprintf(buf, size,
			 "kmap_local slot %u maps pfn %#lx (mapped by %pS)",
			 idx, page_to_pfn(slot->page), (void *)slot->caller);
	else if (slot->page)
		snprintf(
			buf, size,
			"kmap_local slot %u is not mapped (the stack is %u deep): it last mapped pfn %#lx for %pS: a use after kunmap_local()?",
			idx, kmap_local_idx, page_to_pfn(slot->page),
			(void *)slot->caller);
	else
		snprintf(
			buf, size,
			"kmap_local slot %u is not mapped and was never used (the stack is %u deep)",
			idx, kmap_local_idx);
	return true;
}

void kmap_local_init(void)
{
	BUILD_BUG_ON(KM_MAX_IDX > 32); /* kmap_local_released is a u32 */
	register_fault_explainer(kmap_local_explain);
}
