// SPDX-License-Identifier: GPL-2.0
/*
 * tlb.c - the simulated machine's TLB: the host mappings of the kernel's
 * range.
 *
 * A PTE write changes nothing on the host by itself: as on the CPU, it is
 * seen at the next access that misses.  A miss is a SIGSEGV (host_os.c);
 * sim_tlb_fill() walks the page tables as the MMU does, by physical
 * address, and if a present entry allows the access, maps that frame of
 * the RAM memfd at that address, and the access is retried.
 * __flush_tlb_one() and __flush_tlb_all() remove host mappings (PROT_NONE),
 * so:
 *  - a PTE cleared without a flush keeps its host mapping: a stale
 *    mapping reads the old frame, exactly the bug a missing INVLPG is;
 *  - a PTE that is not present, after the flush, really faults;
 *  - a present PTE overwritten without a flush keeps the old frame too.
 * The direct map is filled in one go at boot and after each full flush (a
 * CPU may fill its TLB from present entries at any time: a legal
 * prefetch); everything else is filled on demand.  The TLB also evicts: past
 * TLB_ENTRIES fills it drops every entry outside the direct map, which a
 * real TLB may do at any moment, and which keeps the host's count of
 * mappings bounded.
 *
 * What is here describes the host's mappings, not the simulated kernel:
 * a snapshot of the machine (snapshot.c) leaves it alone.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <string.h>

#include "host_os.h"
#include "sim.h"
#include "sim_internal.h"

#define TLB_ENTRIES 8192 /* fills outside the direct map before an eviction */

struct sim_tlb_stats sim_tlb_stats;
static unsigned long window_fills; /* live fills outside the direct map */
static void *walker_ram; /* lowmem by physical address (host_ram_window) */
/*
 * The direct map's host mapping was made from page tables with this
 * signature (0: unknown), for this high_memory, and no page of it was
 * flushed alone since.  A full flush whose prefill would map exactly the
 * same skips the direct map: unmapping and mapping it again only costs the
 * host's page faults.
 */
static u32 dmap_signature;
static unsigned long dmap_signature_end;
static bool dmap_dirty;
/*
 * Every page of lowmem but page 0 is in that mapping: what any machine
 * with this high_memory maps, unless debug_pagealloc took free pages out.
 */
static bool dmap_whole;

/*
 * The page walker's view of a page table: RAM by its physical address, as
 * the MMU reads it, not through the direct map (which is itself only as
 * mapped as the TLB is).  Page tables are always in lowmem.
 */
static const pte_t *walker_table(pgd_t pgd)
{
	return (const pte_t *)((char *)walker_ram + (pgd & PAGE_MASK));
}

/* The entry the MMU finds for addr, or 0 (with *large for a 4 MB page). */
static pte_t walker_entry(unsigned long addr, bool *large)
{
	pgd_t pgd = *pgd_offset_k(addr);

	*large = pgd_large(pgd);
	if (!pgd_present(pgd) || *large)
		return pgd_present(pgd) ? pgd : 0;
	if ((pgd & PAGE_MASK) >= ((phys_addr_t)max_low_pfn << PAGE_SHIFT))
		return 0; /* a table outside lowmem: the walk cannot read it */
	return walker_table(pgd)[pte_index(addr)];
}

/* The frame a present entry maps at addr, and whether it is writable. */
static bool walk(unsigned long addr, unsigned long *pfn, bool *writable)
{
	bool large;
	pte_t pte = walker_entry(addr, &large);

	if (!pte_present(pte))
		return false;
	*pfn = large ? pte_pfn(pte) + ((addr & ~PGDIR_MASK) >> PAGE_SHIFT) :
		       pte_pfn(pte);
	*writable = pte & _PAGE_RW;
	return *pfn < max_pfn; /* only RAM can be mapped: the memfd */
}

/* --- the TLB -------------------------------------------------------------- */

/* A run of consecutive frames mapped at consecutive addresses. */
struct tlb_run {
	unsigned long vaddr, pfn, pages;
	bool writable;
};

/* Extend the run by `pages` frames from pfn at vaddr, or map it and restart. */
static void tlb_run_add(struct tlb_run *run, unsigned long vaddr,
			unsigned long pfn, unsigned long pages, bool writable)
{
	if (run->pages && pfn == run->pfn + run->pages &&
	    vaddr == run->vaddr + (run->pages << PAGE_SHIFT) &&
	    writable == run->writable) {
		run->pages += pages;
		return;
	}
	if (run->pages)
		host_map(run->vaddr, run->pfn, run->pages, run->writable);
	*run = (struct tlb_run){ vaddr, pfn, pages, writable };
}

/*
 * Map the direct map from the page tables, in runs of consecutive frames.
 * Returns the number of pages mapped.
 */
static unsigned long tlb_prefill_direct_map(void)
{
	unsigned long end = (unsigned long)high_memory, mapped = 0;
	struct tlb_run run = { 0 };

	for (unsigned long addr = PAGE_OFFSET; addr < end; addr += PGDIR_SIZE) {
		pgd_t *pgd = pgd_offset_k(addr);
		const pte_t *pte;

		if (!pgd_present(*pgd))
			continue;
		if (pgd_large(*pgd)) {
			tlb_run_add(&run, addr, pte_pfn(*pgd), PTRS_PER_PTE,
				    *pgd & _PAGE_RW);
			mapped += PTRS_PER_PTE;
			continue;
		}
		pte = walker_table(*pgd);
		for (int i = 0; i < PTRS_PER_PTE; i++) {
			if (!pte_present(pte[i]) || pte_pfn(pte[i]) >= max_pfn)
				continue;
			tlb_run_add(&run, addr + i * PAGE_SIZE, pte_pfn(pte[i]),
				    1, pte[i] & _PAGE_RW);
			mapped++;
		}
	}
	if (run.pages)
		host_map(run.vaddr, run.pfn, run.pages, run.writable);
	return mapped;
}

/* A hash of what maps the direct map: its PDEs and its page tables. */
static u32 direct_map_signature(void)
{
	unsigned long end = (unsigned long)high_memory;
	u32 hash = 2166136261U ^ (u32)end;

	for (unsigned long addr = PAGE_OFFSET; addr < end; addr += PGDIR_SIZE) {
		pgd_t *pgd = pgd_offset_k(addr);

		hash = (hash ^ *pgd) * 16777619U;
		if (!pgd_present(*pgd) || pgd_large(*pgd))
			continue;
		for (int i = 0; i < PTRS_PER_PTE; i++)
			hash = (hash ^ walker_table(*pgd)[i]) * 16777619U;
	}
	return hash | 1;
}

void __flush_tlb_one(unsigned long addr)
{
	sim_tlb_stats.flush_one++;
	if (addr < HOST_KERNEL_START || addr >= HOST_KERNEL_END)
		return;
	host_unmap(addr & PAGE_MASK, PAGE_SIZE);
	if (addr < (unsigned long)high_memory)
		dmap_dirty = true;
}

void __flush_tlb_all(void)
{
	u32 signature = high_memory ? direct_map_signature() : 0;

	sim_tlb_stats.flush_all++;
	window_fills = 0;
	if (signature && signature == dmap_signature && !dmap_dirty) {
		host_unmap((unsigned long)high_memory,
			   HOST_KERNEL_END - (unsigned long)high_memory);
		return;
	}
	host_unmap(HOST_KERNEL_START, HOST_KERNEL_END - HOST_KERNEL_START);
	dmap_signature = signature;
	dmap_signature_end = (unsigned long)high_memory;
	dmap_dirty = false;
	dmap_whole = signature && tlb_prefill_direct_map() == max_low_pfn - 1;
}

/* A TLB miss (host_os.c's SIGSEGV handler): 1 if a PTE maps the page. */
static int sim_tlb_fill(unsigned long addr, int write)
{
	unsigned long pfn;
	bool writable;

	if (!walk(addr, &pfn, &writable) || (write && !writable))
		return 0;
	if (addr >= (unsigned long)high_memory &&
	    ++window_fills > TLB_ENTRIES) {
		/* Evict every entry outside the direct map. */
		host_unmap((unsigned long)high_memory,
			   HOST_KERNEL_END - (unsigned long)high_memory);
		window_fills = 1;
	}
	if (host_map(addr & PAGE_MASK, pfn, 1, writable))
		return 0;
	sim_tlb_stats.fills++;
	return 1;
}

void sim_tlb_prefill(unsigned long vaddr)
{
	sim_tlb_fill(vaddr, 0);
}

/*
 * At boot, before the page tables exist: the walker's view of lowmem, and
 * a boot mapping of all of lowmem, unless the last boot's direct map (of a
 * machine with the same lowmem, all of it mapped) is still there, which
 * will do.  Returns true in that case: every TLB entry outside the direct
 * map is gone.
 */
bool tlb_boot(void)
{
	unsigned long end = max_low_pfn << PAGE_SHIFT;

	memset(&sim_tlb_stats, 0, sizeof(sim_tlb_stats));
	window_fills = 0;
	walker_ram = host_ram_window(end);
	if (!walker_ram)
		panic("sim: the host cannot map lowmem for the page walker");
	host_fault_handler_install(sim_tlb_fill, sim_report_fault);
	if (dmap_signature && !dmap_dirty && dmap_whole &&
	    (unsigned long)high_memory == dmap_signature_end) {
		host_unmap(end + PAGE_OFFSET,
			   HOST_KERNEL_END - PAGE_OFFSET - end);
		return true;
	}
	host_unmap(HOST_KERNEL_START, HOST_KERNEL_END - HOST_KERNEL_START);
	dmap_signature = 0;
	dmap_whole = false;
	if (host_map(PAGE_OFFSET, 0, max_low_pfn, 1))
		panic("sim: cannot map the boot mapping of lowmem");
	return false;
}

/*
 * A snapshot's RAM is back (snapshot.c): the TLB as that machine's tables
 * say.  A kept direct map stays if the restored tables map what it maps
 * (their signature is its own); otherwise, as after a boot mapping, the
 * whole TLB is refilled from them.  Not a flush the kernel asked for: not
 * counted.
 */
void tlb_resync(void)
{
	unsigned long flush_all = sim_tlb_stats.flush_all;

	__flush_tlb_all();
	sim_tlb_stats.flush_all = flush_all;
}
