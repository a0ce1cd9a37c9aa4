// SPDX-License-Identifier: GPL-2.0
/*
 * kmap_local.c - short-lived mappings of highmem pages, x86-32 style.
 *
 * Each CPU owns KM_MAX_IDX fixmap slots used as a stack: kmap_local_page()
 * pushes (writes the slot's PTE), kunmap_local() pops (clears the PTE and
 * flushes that one TLB entry with INVLPG).  Because the slot is flushed when
 * it is freed, mapping needs no flush at all: the cheapest mapping a 32-bit
 * kernel has.  The price is discipline: unmaps must come in reverse order,
 * and a mapping must not outlive the code that made it.
 *
 * Misuse is reported and refused, leaving the stack as it was: a 17th push,
 * a pop of an empty stack, an unmap of an address that is not the top slot
 * (not last-in first-out), or of an address outside the kmap_local slots.
 * A lowmem page never uses a slot: its direct-map address is returned, and
 * unmapping such an address does nothing.
 *
 * One CPU here, so "per-CPU" is a single stack; interrupts are disabled
 * around each push and pop, since an interrupt handler may kmap too.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <bug.h>
#include <highmem.h>
#include <mm.h>

static int kmap_local_idx; /* slots in use, the next free one */
static struct page *kmap_local_pages[KM_MAX_IDX]; /* for reports */

unsigned long kmap_local_slot_addr(int idx)
{
	return fix_to_virt(FIX_KMAP_BEGIN + idx);
}

int kmap_local_depth(void)
{
	return kmap_local_idx;
}

struct page *kmap_local_slot_page(int idx)
{
	return idx >= 0 && idx < kmap_local_idx ? kmap_local_pages[idx] : NULL;
}

void *kmap_local_page(struct page *page)
{
	unsigned long flags;
	int idx;

	if (!page_ptr_valid(page)) {
		WARN(1, "kmap_local_page: %p is not a struct page in mem_map\n",
		     (void *)page);
		return NULL;
	}
	if (!PageHighMem(page))
		return lowmem_page_address(page);

	local_irq_save(flags);
	if (kmap_local_idx >= KM_MAX_IDX) {
		local_irq_restore(flags);
		WARN(1,
		     "kmap_local_page: all %d slots of the stack are in use (top %#lx maps pfn %#lx): an unbalanced kmap_local_page?\n",
		     KM_MAX_IDX, kmap_local_slot_addr(KM_MAX_IDX - 1),
		     page_to_pfn(kmap_local_pages[KM_MAX_IDX - 1]));
		return NULL;
	}
	idx = kmap_local_idx++;
	kmap_local_pages[idx] = page;
	/* The slot was flushed when it was last unmapped: no INVLPG here. */
	set_pte(&fixmap_pgtable[pte_index(kmap_local_slot_addr(idx))],
		pfn_pte(page_to_pfn(page), PAGE_KERNEL));
	local_irq_restore(flags);
	return (void *)kmap_local_slot_addr(idx);
}

void __kunmap_local(const void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;
	unsigned long first = kmap_local_slot_addr(KM_MAX_IDX - 1);
	unsigned long last = kmap_local_slot_addr(0);
	unsigned long flags, top;
	int idx;

	if (vaddr >= PAGE_OFFSET && vaddr < (unsigned long)high_memory)
		return; /* a lowmem page: nothing was mapped */
	if (vaddr < first || vaddr > last) {
		WARN(1,
		     "kunmap_local: %p is not a kmap_local address (slots %#lx-%#lx)\n",
		     addr, first, last + PAGE_SIZE - 1);
		return;
	}
	local_irq_save(flags);
	if (kmap_local_idx == 0) {
		local_irq_restore(flags);
		WARN(1,
		     "kunmap_local: %p: no kmap_local mapping is active (one kunmap_local too many)\n",
		     addr);
		return;
	}
	idx = kmap_local_idx - 1;
	top = kmap_local_slot_addr(idx);
	if (vaddr != top) {
		local_irq_restore(flags);
		WARN(1,
		     "kunmap_local: %p is not the last mapping: unmap %#lx (pfn %#lx) first, kmap_local is last-in first-out\n",
		     addr, top, page_to_pfn(kmap_local_pages[idx]));
		return;
	}
	pte_clear(&fixmap_pgtable[pte_index(top)]);
	__flush_tlb_one(top);
	kmap_local_pages[idx] = NULL;
	kmap_local_idx = idx;
	local_irq_restore(flags);
}
