// SPDX-License-Identifier: GPL-2.0
/* init.c - placeholder until the memory manager lands. */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <kernel.h>
#include <mm.h>

unsigned long max_low_pfn;
unsigned long max_pfn;
void *high_memory;
unsigned long __VMALLOC_RESERVE = VMALLOC_RESERVE_DEFAULT;
pgd_t *kernel_pgdir = boot_pgdir;

void __init setup_memory(void)
{
	max_low_pfn = max_pfn = BOOT_MAP_SIZE >> PAGE_SHIFT;
	high_memory = __va(BOOT_MAP_SIZE);
}

void __init mem_init(void)
{
}

void free_initmem(void)
{
}

pte_t *lookup_address(unsigned long addr, enum pg_level *level)
{
	pgd_t *pgd = pgd_offset_k(addr);

	*level = PG_LEVEL_NONE;
	if (!pgd_present(*pgd))
		return NULL;
	if (pgd_large(*pgd)) {
		*level = PG_LEVEL_4M;
		return (pte_t *)pgd;
	}
	*level = PG_LEVEL_4K;
	return pte_offset_kernel(pgd, addr);
}
