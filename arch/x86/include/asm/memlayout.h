/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memlayout.h - the one place that knows where everything is.
 *
 * i386, 2-level paging, no PAE, the classic Linux 3G/1G split.  Addresses at
 * the default layout (RAM >= 896 MB, vmalloc reserve 128 MB):
 *
 *  0xffffffff +-----------------------------+
 *             | FIX_HOLE: never mapped       |
 *  0xfffff000 +-----------------------------+ FIXADDR_TOP
 *             | fixmap: kmap_local slots (16 |
 *             | per CPU), early boot slots,  |
 *             | the local APIC's registers   |
 *  0xfff79000 +-----------------------------+ FIXADDR_START
 *             | unused                       |
 *  0xffc00000 +-----------------------------+ PKMAP_BASE + LAST_PKMAP pages
 *             | pkmap: 1024 kmap() slots,    |
 *             | one page table               |
 *  0xff800000 +-----------------------------+ PKMAP_BASE (4 MB aligned)
 *             | 2 unmapped pages             |
 *  0xff7fe000 +-----------------------------+ VMALLOC_END
 *             | vmalloc areas, each with one |
 *             | unmapped guard page after it |
 *  0xf8800000 +-----------------------------+ VMALLOC_START
 *             | 8 MB guard gap               | VMALLOC_OFFSET
 *  0xf8000000 +-----------------------------+ high_memory = __va(max_low_pfn)
 *             | LOWMEM: the direct map of    |
 *             | physical [0, 896 MB)         |
 *  0xc0100000 | kernel image (phys 1 MB)     |
 *  0xc0000000 +-----------------------------+ PAGE_OFFSET = TASK_SIZE
 *             | user space: 3 GB, nothing is |
 *             | mapped here, page 0 included |
 *  0x00000000 +-----------------------------+
 *
 * The roots are PAGE_OFFSET, FIXADDR_TOP, the fixmap slot count, LAST_PKMAP,
 * VMALLOC_OFFSET and __VMALLOC_RESERVE; everything else is derived.  Two
 * things are only known at boot: how much RAM there is (so high_memory, and
 * VMALLOC_START behind it) and the vmalloc= option (so MAXMEM).  Compile-time
 * facts are checked by memlayout_build_checks(), boot-time ones by
 * memlayout_check() (arch/x86/mm/init.c), as Linux's mem_init() does.
 */
#ifndef _ASM_X86_MEMLAYOUT_H
#define _ASM_X86_MEMLAYOUT_H

#include <asm/const.h>
#include <threads.h>

/* Pages: 4 KB, 1024 entries per table, 1024 tables of 4 MB each. */
#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)
#define PGDIR_SHIFT 22 /* a PDE maps 4 MB */
#define PGDIR_SIZE (_AC(1, UL) << PGDIR_SHIFT)
#define PGDIR_MASK (~(PGDIR_SIZE - 1))
#define PMD_MASK PGDIR_MASK /* 2-level paging: the pmd is folded */
#define PTRS_PER_PTE 1024
#define PTRS_PER_PGD 1024

/* The 3G/1G split: the kernel owns the top gigabyte of every address space. */
#define PAGE_OFFSET _AC(0xC0000000, UL)
#define TASK_SIZE PAGE_OFFSET

/* The image is loaded at physical 1 MB (below it: BIOS data, VGA, ROMs). */
#define LOAD_PHYSICAL_ADDR _AC(0x00100000, UL)

/* head.S maps this much physical memory before paging_init() runs. */
#define BOOT_MAP_SIZE _AC(0x01000000, UL)

/* The boot stack (the only stack: there are no processes). */
#define BOOT_STACK_SIZE _AC(16384, UL)

/* ZONE_DMA: what an ISA DMA controller can reach (24 address bits). */
#define MAX_DMA_ADDRESS _AC(0x01000000, UL)

/* Guard gap between the direct map and vmalloc: catches overruns off lowmem. */
#define VMALLOC_OFFSET _AC(0x00800000, UL)

/* Default virtual space kept above lowmem: vmalloc, pkmap, fixmap and gaps. */
#define VMALLOC_RESERVE_DEFAULT _AC(0x08000000, UL)

/* Lowmem never goes below this when highmem= or vmalloc= shrink it. */
#define MIN_LOWMEM_SIZE _AC(0x04000000, UL)

/* Permanent kmap slots: exactly one page table. */
#define LAST_PKMAP 1024
#define LAST_PKMAP_MASK (LAST_PKMAP - 1)

/* kmap_local/kmap_atomic slots per CPU (CPU n has the n-th group of 16). */
#define KM_MAX_IDX 16

/* Early boot mapping slots (reading boot data above the boot map). */
#define FIX_BTMAPS_SLOTS 4

/*
 * The top of the fixmap; the last page of the address space stays a hole.
 * The host simulation of mm (tests/host/mm_sim) sets it 4 MB lower before
 * this header: a 32-bit process cannot map the top pages, its stack is there.
 */
#ifndef FIXADDR_TOP
#define FIXADDR_TOP _AC(0xFFFFF000, UL)
#endif

/* Without PAE a page frame number has 20 bits: RAM above 4 GB is unusable. */
#define MAX_NONPAE_PFN (_AC(1, UL) << 20)

#ifndef __ASSEMBLY__

/*
 * Fixmap slots, numbered down from FIXADDR_TOP: slot i is the page at
 * FIXADDR_TOP - i * PAGE_SIZE.  Each is a compile-time constant address whose
 * PTE is changed at run time (one PTE write to map, clear + INVLPG to unmap).
 */
enum fixed_addresses {
	FIX_HOLE, /* FIXADDR_TOP itself: never mapped */
	FIX_KMAP_BEGIN, /* kmap_local stack slot 0 of CPU 0 */
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * NR_CPUS - 1,
	FIX_BTMAP_BEGIN, /* early boot mappings (early_memremap) */
	FIX_BTMAP_END = FIX_BTMAP_BEGIN + FIX_BTMAPS_SLOTS - 1,
	FIX_APIC_BASE, /* the local APIC's registers (each CPU sees its own) */
	__end_of_fixed_addresses
};

#define FIXADDR_SIZE ((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START (FIXADDR_TOP - FIXADDR_SIZE)
#define __fix_to_virt(x) (FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x) ((FIXADDR_TOP - ((x)&PAGE_MASK)) >> PAGE_SHIFT)

/* pkmap sits below the fixmap, 4 MB aligned so that it is one page table. */
#define PKMAP_BASE ((FIXADDR_START - PAGE_SIZE * (LAST_PKMAP + 1)) & PMD_MASK)
#define PKMAP_END (PKMAP_BASE + LAST_PKMAP * PAGE_SIZE)
#define PKMAP_NR(virt) (((virt)-PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr) (PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))

/* Two unmapped pages separate the last vmalloc area from pkmap. */
#define VMALLOC_END (PKMAP_BASE - 2 * PAGE_SIZE)

/* Set at boot by the memory setup code (mm/memblock.c, arch/x86/mm/init.c). */
extern unsigned long max_low_pfn; /* first pfn that is not direct-mapped */
extern unsigned long max_pfn; /* first pfn past the end of usable RAM */
extern void *high_memory; /* __va(max_low_pfn << PAGE_SHIFT) */
extern unsigned long __VMALLOC_RESERVE; /* vmalloc= plus VMALLOC_OFFSET */

/* The largest direct map the virtual layout allows: 1 GB - the reserve. */
#define MAXMEM (-PAGE_OFFSET - __VMALLOC_RESERVE)
#define MAXMEM_PFN (MAXMEM >> PAGE_SHIFT)

/* vmalloc starts 8 MB above the end of lowmem, 8 MB aligned. */
#define VMALLOC_START \
	(((unsigned long)high_memory + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1))

/* The direct map: pure arithmetic, valid only for lowmem. */
#define __pa(x) ((unsigned long)(x)-PAGE_OFFSET)
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))

/* The symbol's address as the boot loader sees it (physical). */
#define __pa_symbol(x) __pa(x)

/* The "virtual kernel memory layout:" block printed at boot, kept. */
extern char memlayout_banner[600];

/* Compile-time layout checks; called once so that they are compiled. */
void memlayout_build_checks(void);

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_MEMLAYOUT_H */
