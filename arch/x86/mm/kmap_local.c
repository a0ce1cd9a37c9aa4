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
 * The common cases (map a page, pop the top slot) are inline, in
 * asm/highmem.h, which also describes kmap_local_stack: each slot knows its
 * address and its PTE, and `next` points at the next free one.  This file
 * has the checked versions the inline code falls back to, and the rest.
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

/* Stack slot i: its fixmap address and PTE are compile-time constants. */
#define KMAP_LOCAL_VADDR(i) __fix_to_virt(FIX_KMAP_BEGIN + (i))
#define KMAP_LOCAL_SLOT(i)                                                    \
	[(i) + 1] = {                                                         \
		.vaddr = KMAP_LOCAL_VADDR(i),                                 \
		.ptep = &fixmap_pgtable[(KMAP_LOCAL_VADDR(i) >> PAGE_SHIFT) & \
					(PTRS_PER_PTE - 1)]                   \
	}

struct kmap_local_stack kmap_local_stack = {
	.slot = { [0] = { .vaddr = KMAP_LOCAL_NO_TOP },
		  KMAP_LOCAL_SLOT(0),
		  KMAP_LOCAL_SLOT(1),
		  KMAP_LOCAL_SLOT(2),
		  KMAP_LOCAL_SLOT(3),
		  KMAP_LOCAL_SLOT(4),
		  KMAP_LOCAL_SLOT(5),
		  KMAP_LOCAL_SLOT(6),
		  KMAP_LOCAL_SLOT(7),
		  KMAP_LOCAL_SLOT(8),
		  KMAP_LOCAL_SLOT(9),
		  KMAP_LOCAL_SLOT(10),
		  KMAP_LOCAL_SLOT(11),
		  KMAP_LOCAL_SLOT(12),
		  KMAP_LOCAL_SLOT(13),
		  KMAP_LOCAL_SLOT(14),
		  KMAP_LOCAL_SLOT(15) },
	.next = &kmap_local_stack.slot[1],
};

/* Stack slot idx (0: the first pushed). */
static inline struct kmap_local_slot *kmap_local_slot(unsigned int idx)
{
	return &kmap_local_stack.slot[idx + 1];
}

/* How many slots are in use: the next push's stack slot. */
static inline unsigned int kmap_local_nr(void)
{
	return (unsigned int)(kmap_local_stack.next - kmap_local_slot(0));
}

static inline void kmap_local_set_nr(unsigned int nr)
{
	kmap_local_stack.next = kmap_local_slot(nr);
}

/* The stack slot of a fixmap address; >= KM_MAX_IDX if it is none. */
static inline unsigned int kmap_local_idx_of(unsigned long vaddr)
{
	return (unsigned int)__virt_to_fix(vaddr) - FIX_KMAP_BEGIN;
}

unsigned long kmap_local_slot_addr(int idx)
{
	return KMAP_LOCAL_VADDR((unsigned int)idx);
}

int kmap_local_depth(void)
{
	return (int)kmap_local_nr();
}

static bool kmap_local_slot_mapped(unsigned int idx)
{
	return idx < kmap_local_nr() &&
	       !(kmap_local_stack.released & (1U << idx));
}

struct page *kmap_local_slot_page(int idx)
{
	return idx >= 0 && kmap_local_slot_mapped((unsigned int)idx) ?
		       kmap_local_slot((unsigned int)idx)->page :
		       NULL;
}

unsigned long kmap_local_slot_caller(int idx)
{
	return idx >= 0 && idx < KM_MAX_IDX ?
		       kmap_local_slot((unsigned int)idx)->caller :
		       0;
}

pte_t *kmap_local_slot_pte(int idx)
{
	return idx >= 0 && idx < KM_MAX_IDX ?
		       kmap_local_slot((unsigned int)idx)->ptep :
		       NULL;
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
			page_to_pfn(kmap_local_slot((unsigned int)idx)->page),
			(void *)kmap_local_slot((unsigned int)idx)->caller);
	return NULL;
}

/**
 * __kmap_local_page - kmap_local_page() with every check (asm/highmem.h)
 * @page: the page
 * @caller: who called kmap_local_page(), for the reports
 *
 * The inline kmap_local_page() comes here for what it does not handle:
 * a pointer that is not a struct page, or a full stack.
 */
void *__kmap_local_page(struct page *page, unsigned long caller)
{
	unsigned int idx = kmap_local_nr();
	struct kmap_local_slot *slot = kmap_local_slot(idx);

	if (unlikely(!page_ptr_valid(page)))
		return kmap_local_bad_page(page, caller);
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	if (unlikely(idx >= KM_MAX_IDX))
		return kmap_local_overflow(page, caller);
	kmap_local_set_nr(idx + 1);
	barrier(); /* the slot is ours before its PTE is written */
	slot->page = page;
	slot->caller = caller;
	set_pte(slot->ptep, pfn_pte(page_to_pfn(page), PAGE_KERNEL));
	return (void *)slot->vaddr;
}

/* Pop the released slots that the last pop left on top of the stack. */
void kmap_local_pop_released(void)
{
	unsigned int nr = kmap_local_nr();

	while (nr && (kmap_local_stack.released & (1U << (nr - 1)))) {
		kmap_local_stack.released &= ~(1U << (nr - 1));
		nr--;
	}
	kmap_local_set_nr(nr);
}

static void kmap_local_clear(unsigned int idx)
{
	pte_clear(kmap_local_slot(idx)->ptep);
	__flush_tlb_one(kmap_local_slot(idx)->vaddr);
}

/* Not the top slot: say why, and unmap it out of order if it is mapped. */
static void kunmap_local_misuse(const void *addr, unsigned int idx,
				unsigned long caller)
{
	unsigned int nr = kmap_local_nr(), top = nr - 1;

	if (!nr) {
		WARN(1,
		     "kunmap_local: %p: no kmap_local mapping is active, one kunmap_local too many (called from %pS)\n",
		     addr, (void *)caller);
	} else if (!kmap_local_slot_mapped(idx)) {
		WARN(1,
		     "kunmap_local: %p: slot %u is not mapped (the stack is %u deep), unmapped twice? (called from %pS)\n",
		     addr, idx, nr, (void *)caller);
	} else {
		WARN(1,
		     "kunmap_local: %p (slot %u, pfn %#lx) is not the last mapping: %#lx (slot %u, pfn %#lx, mapped by %pS) must be unmapped first, kmap_local is last-in first-out (called from %pS)\n",
		     addr, idx, page_to_pfn(kmap_local_slot(idx)->page),
		     kmap_local_slot_addr((int)top), top,
		     page_to_pfn(kmap_local_slot(top)->page),
		     (void *)kmap_local_slot(top)->caller, (void *)caller);
		kmap_local_clear(idx);
		kmap_local_stack.released |= 1U << idx;
	}
}

/* Pop the top slot (the inline kunmap_local() does the same). */
static void kmap_local_pop(unsigned int idx)
{
	kmap_local_clear(idx);
	barrier(); /* the PTE is gone before the slot is free again */
	kmap_local_set_nr(idx);
	if (unlikely(kmap_local_stack.released))
		kmap_local_pop_released();
}

/**
 * __kunmap_local_slow - kunmap_local() of anything but the top slot
 * @addr: the address given to kunmap_local(), not lowmem
 * @caller: who called kunmap_local(), for the reports
 *
 * The inline kunmap_local() (asm/highmem.h) pops the top slot and ignores
 * lowmem addresses; any other address is misuse, reported here, and the
 * stack stays consistent (see the top of this file).
 */
void __kunmap_local_slow(const void *addr, unsigned long caller)
{
	unsigned long vaddr = (unsigned long)addr;
	unsigned int idx = kmap_local_idx_of(vaddr);

	if (idx < KM_MAX_IDX && idx + 1 == kmap_local_nr()) {
		kmap_local_pop(idx);
		return;
	}
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

/* The fault report's sentence for an address in a kmap_local slot. */
static bool kmap_local_explain(unsigned long addr, unsigned long err, char *buf,
			       size_t size)
{
	unsigned int idx = kmap_local_idx_of(addr);
	const struct kmap_local_slot *slot;

	if (idx >= KM_MAX_IDX)
		return false;
	slot = kmap_local_slot(idx);
	if (kmap_local_slot_mapped(idx))
		snprintf(buf, size,
			 "kmap_local slot %u maps pfn %#lx (mapped by %pS)",
			 idx, page_to_pfn(slot->page), (void *)slot->caller);
	else if (slot->page)
		snprintf(
			buf, size,
			"kmap_local slot %u is not mapped (the stack is %u deep): it last mapped pfn %#lx for %pS: a use after kunmap_local()?",
			idx, kmap_local_nr(), page_to_pfn(slot->page),
			(void *)slot->caller);
	else
		snprintf(
			buf, size,
			"kmap_local slot %u is not mapped and was never used (the stack is %u deep)",
			idx, kmap_local_nr());
	return true;
}

void kmap_local_init(void)
{
	BUILD_BUG_ON(KM_MAX_IDX > 32); /* kmap_local_stack.released is a u32 */
	BUILD_BUG_ON(KM_MAX_IDX != 16); /* the initializer names 16 slots */
	register_fault_explainer(kmap_local_explain);
}
