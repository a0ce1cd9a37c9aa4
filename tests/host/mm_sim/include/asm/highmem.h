/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/highmem.h of the simulated machine (tests/host/mm_sim): the hooks
 * kmap_local (mm/highmem.c) calls, as arch/x86/include/asm/highmem.h has
 * them, with one difference: after writing a slot's PTE, the simulated
 * CPU fills its TLB entry at once (sim_tlb_prefill()), as a real CPU may
 * prefetch any present entry.  Without it the first access would miss and
 * the host would take a signal to fill it; kmap_local is the hottest
 * mapping of all, so this halves its cost on the host and changes nothing
 * the kernel can tell.
 */
#ifndef _ASM_X86_HIGHMEM_H
#define _ASM_X86_HIGHMEM_H

#include <asm/pgtable.h>
#include <asm/processor.h>

/* Map the page the present PTE for vaddr names, now (tlb.c). */
void sim_tlb_prefill(unsigned long vaddr);

static inline int arch_kmap_local_map_idx(int idx, unsigned long pfn)
{
	return idx;
}

static inline int arch_kmap_local_unmap_idx(int idx, unsigned long vaddr)
{
	return idx;
}

static inline void arch_kmap_local_set_pte(unsigned long vaddr, pte_t *ptep,
					   pte_t pteval)
{
	set_pte(ptep, pteval);
	sim_tlb_prefill(vaddr);
}

static inline void arch_kmap_local_post_unmap(unsigned long vaddr)
{
	__flush_tlb_one(vaddr);
}

#endif /* _ASM_X86_HIGHMEM_H */
