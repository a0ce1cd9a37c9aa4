/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/highmem.h of the simulated machine (tests/host/mm_sim): the hooks
 * kmap_local (mm/kmap_local.c) calls, as arch/x86/include/asm/highmem.h
 * has them, with two differences:
 *  - the fixmap's page table is a page of simulated RAM (mmu.c), where the
 *    page walker reads it by its physical address, not an array of a
 *    kernel image: arch_kmap_local_pte() indexes sim_fixmap_pgtable;
 *  - after writing a slot's PTE, the simulated CPU fills its TLB entry at
 *    once (sim_tlb_prefill()), as a real CPU may prefetch any present
 *    entry.  Without it the first access would miss and the host would
 *    take a signal to fill it; kmap_local is the hottest mapping of all,
 *    so this halves its cost on the host and changes nothing the kernel
 *    can tell.
 * A CPU's slots are the kernel's (asm/kmap_idx.h, shared with it).
 */
#ifndef _ASM_X86_HIGHMEM_H
#define _ASM_X86_HIGHMEM_H

#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/kmap_idx.h>
#include <asm/smp.h>

/* Map the page the present PTE for vaddr names, now (tlb.c). */
void sim_tlb_prefill(unsigned long vaddr);

/* The fixmap's page table, in simulated RAM (mmu.c). */
extern pte_t *sim_fixmap_pgtable;

/* The PTE of fixmap kmap slot fix: slot 0's is the highest entry. */
static inline pte_t *arch_kmap_local_pte(int fix)
{
	return &sim_fixmap_pgtable[pte_index(__fix_to_virt(FIX_KMAP_BEGIN))] -
	       fix;
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
