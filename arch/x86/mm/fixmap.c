// SPDX-License-Identifier: GPL-2.0
/*
 * fixmap.c - the fixed-address mappings at the top of the address space.
 *
 * The fixmap is one page table, allocated statically so that it exists from
 * the first instructions of start_kernel(): the boot page directory and later
 * swapper_pg_dir both point their last PDE at it.  Each slot is a virtual
 * page whose address is a compile-time constant (memlayout.h) and whose PTE
 * changes at run time.  Users: the kmap_local stack (16 slots) and the early
 * boot slots through which boot data above the boot mapping is read.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <kernel.h>
#include <string.h>

pte_t fixmap_pgtable[PTRS_PER_PTE] __aligned(PAGE_SIZE);

void early_fixmap_init(void)
{
	BUILD_BUG_ON((FIXADDR_START >> PGDIR_SHIFT) !=
		     (FIXADDR_TOP >> PGDIR_SHIFT));
	set_pgd(pgd_offset_k(FIXADDR_START),
		__pa(fixmap_pgtable) | _KERNPG_TABLE);
}

static pte_t *fixmap_pte(unsigned int idx)
{
	return &fixmap_pgtable[pte_index(__fix_to_virt(idx))];
}

void __set_fixmap(unsigned int idx, phys_addr_t phys, pgprot_t prot)
{
	set_pte(fixmap_pte(idx),
		pfn_pte((unsigned long)(phys >> PAGE_SHIFT), prot));
	__flush_tlb_one(__fix_to_virt(idx));
}

void clear_fixmap(unsigned int idx)
{
	pte_clear(fixmap_pte(idx));
	__flush_tlb_one(__fix_to_virt(idx));
}

void early_copy_from_phys(void *dst, phys_addr_t src, size_t len)
{
	char *d = dst;

	while (len) {
		size_t offset = (size_t)(src & ~PAGE_MASK);
		size_t chunk = min_t(size_t, len, PAGE_SIZE - offset);

		if (src + chunk <= BOOT_MAP_SIZE) {
			memcpy(d, __va(src), chunk);
		} else {
			__set_fixmap(FIX_BTMAP_BEGIN, src & PAGE_MASK,
				     PAGE_KERNEL_RO);
			memcpy(d,
			       (void *)(fix_to_virt(FIX_BTMAP_BEGIN) + offset),
			       chunk);
			clear_fixmap(FIX_BTMAP_BEGIN);
		}
		d += chunk;
		src += chunk;
		len -= chunk;
	}
}
