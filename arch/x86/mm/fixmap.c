// SPDX-License-Identifier: GPL-2.0
/*
 * fixmap.c - the fixed-address mappings at the top of the address space.
 *
 * The fixmap is one page table, allocated statically so that it exists from
 * the first instructions of start_kernel(): the boot page directory and later
 * swapper_pg_dir both point their last PDE at it.  Each slot is a virtual
 * page whose address is a compile-time constant (memlayout.h) and whose PTE
 * changes at run time.  Users: the kmap_local stacks (16 slots per CPU), the
 * early boot slots through which boot data above the boot mapping is read
 * (and the firmware's tables searched), and the local APIC's registers.
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

phys_addr_t __init early_find_signature(phys_addr_t start, phys_addr_t end,
					const char *sig, size_t len,
					size_t align)
{
	static u8 chunk[PAGE_SIZE + 256] __initdata;

	for (phys_addr_t base = start; base < end; base += PAGE_SIZE) {
		size_t size = (size_t)min_t(phys_addr_t, end - base, PAGE_SIZE);

		/* A little past the page: a signature may straddle it. */
		early_copy_from_phys(chunk, base,
				     min_t(phys_addr_t, end - base,
					   size + len));
		for (size_t off = 0; off < size && base + off + len <= end;
		     off += align)
			if (chunk[off] == (u8)sig[0] &&
			    !memcmp(chunk + off, sig, len))
				return base + off;
	}
	return 0;
}
