/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/kmap_idx.h - which fixmap slot a CPU's kmap_local stack slot uses:
 * KM_MAX_IDX * its number + idx, as x86 Linux's kmap_local_calc_idx().
 * Shared by the kernel's asm/highmem.h and the host simulation's
 * (arch/sim/include/asm/highmem.h), which differ only in how a slot's PTE
 * is found and written.
 */
#ifndef _ASM_X86_KMAP_IDX_H
#define _ASM_X86_KMAP_IDX_H

#include <asm/memlayout.h>
#include <asm/smp.h>

static inline int kmap_local_calc_idx(int idx)
{
	return idx + KM_MAX_IDX * (int)raw_smp_processor_id();
}

static inline int arch_kmap_local_map_idx(int idx, unsigned long pfn)
{
	return kmap_local_calc_idx(idx);
}

static inline int arch_kmap_local_unmap_idx(int idx, unsigned long vaddr)
{
	return kmap_local_calc_idx(idx);
}

#endif /* _ASM_X86_KMAP_IDX_H */
