/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pgtable.h - the kernel page tables, 2-level i386 (no PAE).
 *
 * A virtual address splits into 10 bits of page-directory index, 10 bits of
 * page-table index and 12 bits of offset.  A PDE either maps 4 MB directly
 * (_PAGE_PSE) or points to a page table of 1024 PTEs.  Page tables live in
 * lowmem, so __va() reaches them.  This is the only interface mm/ uses to
 * touch the MMU (with __flush_tlb_one/__flush_tlb_all from processor.h for
 * this CPU's TLB, and flush_tlb_all/flush_tlb_kernel_range from tlbflush.h
 * for every CPU's).
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <asm/atomic.h>
#include <asm/memlayout.h>
#include <asm/pgtable_types.h>
#include <asm/tlbflush.h>
#include <compiler.h>
#include <types.h>

typedef unsigned long pgd_t; /* a page-directory entry */
typedef unsigned long pte_t; /* a page-table entry */
struct page;

typedef unsigned long pgprot_t; /* the _PAGE_* bits of an entry */

#define PAGE_KERNEL ((pgprot_t)__PAGE_KERNEL)
#define PAGE_KERNEL_RO ((pgprot_t)__PAGE_KERNEL_RO)
#define PAGE_KERNEL_NOCACHE ((pgprot_t)(__PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT))

/* The page directory the CPU uses now (boot_pgdir, then swapper_pg_dir). */
extern pgd_t *kernel_pgdir;
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];
extern pgd_t boot_pgdir[PTRS_PER_PGD];

static inline unsigned long pgd_index(unsigned long addr)
{
	return addr >> PGDIR_SHIFT;
}

static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

static inline pgd_t *pgd_offset_k(unsigned long addr)
{
	return &kernel_pgdir[pgd_index(addr)];
}

static inline bool pgd_present(pgd_t pgd)
{
	return pgd & _PAGE_PRESENT;
}

static inline bool pgd_large(pgd_t pgd)
{
	return (pgd & (_PAGE_PRESENT | _PAGE_PSE)) ==
	       (_PAGE_PRESENT | _PAGE_PSE);
}

/* The PTE for addr in the page table that `pgd` points to. */
static inline pte_t *pte_offset_kernel(pgd_t *pgd, unsigned long addr)
{
	return (pte_t *)__va(*pgd & PAGE_MASK) + pte_index(addr);
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return (pfn << PAGE_SHIFT) | prot;
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte >> PAGE_SHIFT;
}

static inline bool pte_present(pte_t pte)
{
	return pte & _PAGE_PRESENT;
}

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	WRITE_ONCE(*ptep, pte);
}

static inline void pte_clear(pte_t *ptep)
{
	WRITE_ONCE(*ptep, 0);
}

static inline void set_pgd(pgd_t *pgdp, pgd_t pgd)
{
	WRITE_ONCE(*pgdp, pgd);
}

enum pg_level { PG_LEVEL_NONE, PG_LEVEL_4K, PG_LEVEL_4M };

/*
 * The entry that maps addr: a PTE (level 4K) or a large PDE (level 4M), or
 * NULL if the page directory has nothing there.  The entry may still be
 * non-present; check it.
 */
pte_t *lookup_address(unsigned long addr, enum pg_level *level);

/* Build swapper_pg_dir and switch to it (arch/x86/mm/paging.c). */
void paging_init(void);
/* The PTE for a kernel address, creating its page table if needed. */
pte_t *pte_alloc_kernel(unsigned long addr);
extern bool nopse;
/* Does the direct map use 4 MB pages (PSE, neither nopse nor debug_pagealloc)? */
bool direct_map_uses_pse(void);
/*
 * Map (enable) or unmap the direct-map pages of numpages lowmem pages, and
 * flush their TLB entries: debug_pagealloc's hook, as Linux's.
 */
void __kernel_map_pages(struct page *page, int numpages, int enable);
extern unsigned long direct_pages_4k, direct_pages_4m;
extern atomic_long_t nr_kernel_pgtables;

/* Fixmap: map or unmap one fixed slot (arch/x86/mm/fixmap.c). */
void __set_fixmap(unsigned int idx, phys_addr_t phys, pgprot_t prot);
void clear_fixmap(unsigned int idx);
static inline unsigned long fix_to_virt(unsigned int idx)
{
	return __fix_to_virt(idx);
}
/* Install the fixmap page table in the page directory in use. */
void early_fixmap_init(void);
/* The fixmap's page table (its PTEs are the slots). */
extern pte_t fixmap_pgtable[PTRS_PER_PTE];

/* Copy physical memory anywhere below 4 GB, before the direct map exists. */
void early_copy_from_phys(void *dst, phys_addr_t src, size_t len);
/*
 * The first address in [start, end), a multiple of `align` (a power of two
 * up to 256), where the `len` bytes of `sig` are found; 0 if none.  For the
 * firmware tables' signatures ("_MP_", "RSD PTR "), read a page at a time.
 */
phys_addr_t early_find_signature(phys_addr_t start, phys_addr_t end,
				 const char *sig, size_t len, size_t align);

#endif /* _ASM_X86_PGTABLE_H */
