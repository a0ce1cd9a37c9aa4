// SPDX-License-Identifier: GPL-2.0
/*
 * highmem_check.c - kmap and kmap_local check themselves.
 *
 * kmap_self_check() holds the bookkeeping against the page tables, which
 * are the ground truth:
 *  - a pkmap slot at count 0 has no PTE, and the page it last mapped no
 *    longer finds it through page_address();
 *  - a slot at count >= 1 has a PTE that maps the highmem page its hash
 *    entry names, and page_address() of that page is the slot's address;
 *  - a kmap_local slot below the top of the stack maps the highmem page
 *    recorded for it; every other slot (above the top, or released by an
 *    out-of-order unmap) has no PTE, and the PTE kmap_local writes for a
 *    slot is the one the MMU walks to;
 *  - highmem is exactly the pfns [max_low_pfn, max_pfn): the direct map
 *    and the zones agree.
 * It runs at boot (kmap_init) and in the tests after every misuse.  The
 * pkmap is checked under kmap_lock, so that other CPUs' kmaps cannot
 * change it halfway; the kmap_local stack checked is this CPU's (another
 * CPU's changes under the check, without a lock).
 */
#include <asm/pgtable.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <smp.h>

#include "internal.h"

static pte_t kernel_pte(unsigned long vaddr)
{
	enum pg_level level;
	pte_t *pte = lookup_address(vaddr, &level);

	return pte && level == PG_LEVEL_4K ? *pte : 0;
}

static bool check_free_pkmap_slot(unsigned int nr)
{
	unsigned long vaddr = PKMAP_ADDR(nr);
	struct page *last = pkmap_slot_last_page(nr);

	if (pte_present(kernel_pte(vaddr))) {
		pr_err("highmem: pkmap slot %u is free but its PTE %08lx is present\n",
		       nr, kernel_pte(vaddr));
		return false;
	}
	if (last && __page_address(last) == (void *)vaddr) {
		pr_err("highmem: pkmap slot %u is free but page_address(pfn %#lx) still gives %#lx\n",
		       nr, page_to_pfn(last), vaddr);
		return false;
	}
	return true;
}

static bool check_pkmap_slot(unsigned int nr)
{
	unsigned long vaddr = PKMAP_ADDR(nr);
	struct page *page = pkmap_slot_page(nr);
	pte_t pte = kernel_pte(vaddr);

	if (pkmap_slot_count(nr) < 0) {
		pr_err("highmem: pkmap slot %u has count %d\n", nr,
		       pkmap_slot_count(nr));
		return false;
	}
	if (pkmap_slot_count(nr) == 0)
		return check_free_pkmap_slot(nr);
	if (!page || !PageHighMem(page)) {
		pr_err("highmem: pkmap slot %u (count %d) names no highmem page\n",
		       nr, pkmap_slot_count(nr));
		return false;
	}
	if (!pte_present(pte) || pte_pfn(pte) != page_to_pfn(page)) {
		pr_err("highmem: pkmap slot %u should map pfn %#lx but its PTE is %08lx\n",
		       nr, page_to_pfn(page), pte);
		return false;
	}
	if (__page_address(page) != (void *)vaddr) {
		pr_err("highmem: pkmap slot %u maps pfn %#lx but page_address() gives %p\n",
		       nr, page_to_pfn(page), __page_address(page));
		return false;
	}
	return true;
}

static bool check_kmap_local_slot(unsigned int cpu, int idx)
{
	struct page *page = kmap_local_slot_page(cpu, idx);
	pte_t pte = kernel_pte(kmap_local_slot_addr(cpu, idx));

	if (!page && pte_present(pte)) {
		pr_err("highmem: kmap_local slot %d is not in use but its PTE %08lx is present\n",
		       idx, pte);
		return false;
	}
	if (page && (!PageHighMem(page) || !pte_present(pte) ||
		     pte_pfn(pte) != page_to_pfn(page))) {
		pr_err("highmem: kmap_local slot %d should map highmem pfn %#lx but its PTE is %08lx\n",
		       idx, page_to_pfn(page), pte);
		return false;
	}
	return true;
}

/* Slot PTEs where the MMU finds them; the zones where the direct map ends. */
static bool check_kmap_local_fast_path(void)
{
	const struct zone *high = &zones[ZONE_HIGHMEM];
	enum pg_level level;

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		for (int idx = 0; idx < KM_MAX_IDX; idx++) {
			unsigned long vaddr = kmap_local_slot_addr(cpu, idx);

			if (kmap_local_slot_pte(cpu, idx) !=
			    lookup_address(vaddr, &level)) {
				pr_err("highmem: CPU %u's kmap_local slot %d at %#lx does not know its PTE\n",
				       cpu, idx, vaddr);
				return false;
			}
		}
	}
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &zones[z];

		if (populated_zone(zone) && zone != high &&
		    zone_end_pfn(zone) > max_low_pfn) {
			pr_err("highmem: zone %s ends at pfn %#lx, above max_low_pfn %#lx\n",
			       zone->name, zone_end_pfn(zone), max_low_pfn);
			return false;
		}
	}
	if (populated_zone(high) ? high->zone_start_pfn != max_low_pfn ||
					   zone_end_pfn(high) != max_pfn :
				   max_pfn != max_low_pfn) {
		pr_err("highmem: HighMem spans %#lx-%#lx, not max_low_pfn-max_pfn %#lx-%#lx\n",
		       high->zone_start_pfn, zone_end_pfn(high), max_low_pfn,
		       max_pfn);
		return false;
	}
	return true;
}

/**
 * kmap_self_check - are the pkmap and kmap_local bookkeeping and the page
 * tables in agreement?
 *
 * Return: true if so; otherwise the first disagreement is printed.
 */
bool kmap_self_check(void)
{
	unsigned int cpu = get_cpu();
	int depth = kmap_local_depth(cpu);
	bool ok = true;

	lock_kmap_state();
	for (unsigned int nr = 0; nr < LAST_PKMAP && ok; nr++)
		ok = check_pkmap_slot(nr);
	unlock_kmap_state();
	if (ok && (depth < 0 || depth > KM_MAX_IDX)) {
		pr_err("highmem: kmap_local stack depth %d\n", depth);
		ok = false;
	}
	for (int idx = 0; idx < KM_MAX_IDX && ok; idx++)
		ok = check_kmap_local_slot(cpu, idx);
	put_cpu();
	return ok && check_kmap_local_fast_path();
}
