/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/highmem.h - what kmap_local (mm/kmap_local.c) asks of x86-32.
 *
 * The kmap_local slots are fixmap pages (memlayout.h) and the code that
 * manages them is generic; the architecture says which slot a CPU uses,
 * how a PTE is written and how a stale translation is forgotten, with the
 * hooks Linux's mm/highmem.c calls:
 *  - arch_kmap_local_map_idx()/unmap_idx(): the fixmap slot of stack slot
 *    idx on this CPU: KM_MAX_IDX * smp_processor_id() + idx, as x86 Linux's
 *    kmap_local_calc_idx();
 *  - arch_kmap_local_pte(): the PTE of fixmap kmap slot `fix`: the fixmap
 *    is one static page table (fixmap.c), so the slots' PTEs are a
 *    constant array, slot 0's the highest entry;
 *  - arch_kmap_local_set_pte(): one store; the slot was flushed when it
 *    was last unmapped, so there is nothing to invalidate;
 *  - arch_kmap_local_post_unmap(): INVLPG of that one page, after its PTE
 *    is cleared, as x86 Linux's flush_tlb_one_kernel().
 */
#ifndef _ASM_X86_HIGHMEM_H
#define _ASM_X86_HIGHMEM_H

#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/kmap_idx.h>
#include <asm/smp.h>

static inline pte_t *arch_kmap_local_pte(int fix)
{
	return &fixmap_pgtable[pte_index(__fix_to_virt(FIX_KMAP_BEGIN))] - fix;
}

static inline void arch_kmap_local_set_pte(unsigned long vaddr, pte_t *ptep,
					   pte_t pteval)
{
	set_pte(ptep, pteval);
}

static inline void arch_kmap_local_post_unmap(unsigned long vaddr)
{
	__flush_tlb_one(vaddr);
}

#endif /* _ASM_X86_HIGHMEM_H */
