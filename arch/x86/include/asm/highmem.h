/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/highmem.h - what kmap_local (mm/highmem.c) asks of x86-32.
 *
 * The kmap_local slots are fixmap pages (memlayout.h) and the code that
 * manages them is generic; the architecture says which slot a CPU uses,
 * how a PTE is written and how a stale translation is forgotten, with the
 * hooks Linux's mm/highmem.c calls:
 *  - arch_kmap_local_map_idx()/unmap_idx(): the fixmap slot of stack slot
 *    idx on this CPU.  One CPU here, so it is idx itself (Linux adds
 *    KM_MAX_IDX * smp_processor_id());
 *  - arch_kmap_local_set_pte(): one store; the slot was flushed when it
 *    was last unmapped, so there is nothing to invalidate;
 *  - arch_kmap_local_post_unmap(): INVLPG of that one page, after its PTE
 *    is cleared, as x86 Linux's flush_tlb_one_kernel().
 */
#ifndef _ASM_X86_HIGHMEM_H
#define _ASM_X86_HIGHMEM_H

#include <asm/pgtable.h>
#include <asm/processor.h>

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
}

static inline void arch_kmap_local_post_unmap(unsigned long vaddr)
{
	__flush_tlb_one(vaddr);
}

#endif /* _ASM_X86_HIGHMEM_H */
