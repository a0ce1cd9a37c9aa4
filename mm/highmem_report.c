// SPDX-License-Identifier: GPL-2.0
/*
 * highmem_report.c - what kmap() and kmap_local say when they are misused
 * or run out, and what a fault report says about an address in their
 * windows.
 *
 * Misuse (a pointer that is not a struct page, a kunmap of a page without
 * a slot or one too many, a kunmap_local of an address that is no slot) is
 * a WARN that names the caller; highmem.c has already refused it.
 * Both kinds of slot are scarce: 1024 pkmap slots for kmap(), 16 kmap_local
 * slots per CPU.  When they are all taken the cause is nearly always a
 * missing kunmap, so the reports name who holds them: the callers with the
 * most pkmap slots, or the whole kmap_local stack, top first.  A fault in
 * the pkmap window or in a kmap_local slot gets a sentence that says what
 * the slot is doing now and what it mapped last ("a use after kunmap()?").
 *
 * Everything here reads the slots through highmem.h's accessors, as the
 * views and the self-check do; highmem.c keeps the state to itself.
 */
#include <asm/memlayout.h>
#include <bug.h>
#include <cpumask.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <smp.h>
#include <sprintf.h>

#include "internal.h"

/* --- misuse --------------------------------------------------------------- */

void *kmap_bad_page(const char *what, const struct page *page,
		    unsigned long caller)
{
	WARN(1,
	     "BUG: %s of an invalid page pointer %p: not a struct page in mem_map (called from %pS)\n",
	     what, (const void *)page, (void *)caller);
	return NULL;
}

void kunmap_bad(const struct page *page, int nr, unsigned long caller)
{
	if (nr < 0)
		WARN(1,
		     "BUG: kunmap of unmapped page pfn %#lx: it has no pkmap slot (called from %pS)\n",
		     page_to_pfn(page), (void *)caller);
	else
		WARN(1,
		     "BUG: kunmap of pfn %#lx: one kunmap too many: pkmap slot %d at %#lx has no users left, its count stays 1 (called from %pS)\n",
		     page_to_pfn(page), nr, PKMAP_ADDR(nr), (void *)caller);
}

void *kmap_local_bad_page(const struct page *page, unsigned long caller)
{
	WARN(1,
	     "kmap_local_page: %p is not a struct page in mem_map (called from %pS)\n",
	     (const void *)page, (void *)caller);
	return NULL;
}

void kunmap_local_bad_addr(const void *addr, unsigned long caller)
{
	unsigned long vaddr = (unsigned long)addr;

	WARN(1,
	     "kunmap_local: %p is not a kmap_local address (slots %#lx-%#lx)%s (called from %pS)\n",
	     addr, kmap_local_slot_addr(nr_cpu_ids - 1, KM_MAX_IDX - 1),
	     kmap_local_slot_addr(0, 0) + PAGE_SIZE - 1,
	     vaddr >= PKMAP_BASE && vaddr < PKMAP_END ?
		     ": it is a pkmap address, unmap it with kunmap(page)" :
		     "",
	     (void *)caller);
}

/* --- running out of slots -------------------------------------------------- */

struct pkmap_user {
	unsigned long caller;
	unsigned int slots;
};

/* The callers holding the most slots, most first; returns how many. */
static int pkmap_top_users(struct pkmap_user *top, int max)
{
	int n = 0;

	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++) {
		unsigned long caller = pkmap_slot_caller(nr);
		int i = 0;

		if (pkmap_slot_count(nr) < 2)
			continue;
		while (i < n && top[i].caller != caller)
			i++;
		if (i == n) {
			if (n == max)
				continue; /* the table is full: not a top user */
			top[n++] = (struct pkmap_user){ caller, 0 };
		}
		top[i].slots++;
		/* Keep the table sorted, most slots first. */
		for (; i > 0 && top[i].slots > top[i - 1].slots; i--)
			swap(top[i], top[i - 1]);
	}
	return n;
}

void pkmap_report_full(const struct page *page, unsigned long caller)
{
	struct pkmap_user top[8];
	int n = pkmap_top_users(top, ARRAY_SIZE(top));

	pr_warn("kmap: all %d pkmap slots in use: pfn %#lx gets no address, kmap returns NULL (called from %pS)\n",
		LAST_PKMAP, page_to_pfn(page), (void *)caller);
	pr_warn("kmap: Linux would sleep until a kunmap frees a slot; this kernel cannot sleep. Top users:\n");
	for (int i = 0; i < n && i < 4; i++)
		pr_warn("kmap: %6u slots mapped by %pS\n", top[i].slots,
			(void *)top[i].caller);
}

void kmap_local_report_full(unsigned long pfn, unsigned long caller)
{
	unsigned int cpu = smp_processor_id();

	WARN(1,
	     "kmap_local_page: all %d slots of the stack are in use: pfn %#lx not mapped (called from %pS); an unbalanced kmap_local_page?\n",
	     KM_MAX_IDX, pfn, (void *)caller);
	pr_warn("kmap_local: CPU#%u's stack, top first:\n", cpu);
	for (int idx = KM_MAX_IDX - 1; idx >= 0; idx--)
		pr_warn("kmap_local: slot %2d %#lx: pfn %#lx mapped by %pS\n",
			idx, kmap_local_slot_addr(cpu, idx),
			page_to_pfn(kmap_local_slot_last_page(cpu, idx)),
			(void *)kmap_local_slot_caller(cpu, idx));
}

/* --- fault reports -------------------------------------------------------- */

bool pkmap_explain(unsigned long addr, unsigned long err, char *buf,
		   size_t size)
{
	unsigned int nr = PKMAP_NR(addr);
	const struct page *last;
	int count;

	if (addr < PKMAP_BASE || addr >= PKMAP_END)
		return false;
	last = pkmap_slot_last_page(nr);
	count = pkmap_slot_count(nr);
	if (count >= 2)
		snprintf(buf, size, "pkmap slot %u maps pfn %#lx for %d user%s",
			 nr, page_to_pfn(last), count - 1,
			 count > 2 ? "s" : "");
	else if (count == 1)
		snprintf(
			buf, size,
			"pkmap slot %u is stale (count 1): pfn %#lx was kunmap()ed, its PTE stays until the next flush",
			nr, page_to_pfn(last));
	else if (last)
		snprintf(
			buf, size,
			"pkmap slot %u is free (count 0), not mapped: it last mapped pfn %#lx, kunmap()ed and flushed since: a use after kunmap()?",
			nr, page_to_pfn(last));
	else
		snprintf(
			buf, size,
			"pkmap slot %u is free (count 0) and was never used: kmap() the page first",
			nr);
	return true;
}

/* "kmap_local slot 3" on one CPU; "CPU 1's kmap_local slot 3" on several. */
static void kmap_local_slot_name(char *buf, size_t size, int cpu, int idx)
{
	if (nr_cpu_ids > 1)
		snprintf(buf, size, "CPU %d's kmap_local slot %d", cpu, idx);
	else
		snprintf(buf, size, "kmap_local slot %d", idx);
}

bool kmap_local_explain(unsigned long addr, unsigned long err, char *buf,
			size_t size)
{
	const struct page *page, *last;
	char slot[40];
	int idx, cpu = kmap_local_slot_owner(addr, &idx);
	unsigned int ucpu = (unsigned int)cpu;

	if (cpu < 0)
		return false;
	kmap_local_slot_name(slot, sizeof(slot), cpu, idx);
	page = kmap_local_slot_page(ucpu, idx);
	last = kmap_local_slot_last_page(ucpu, idx);
	if (page)
		snprintf(buf, size, "%s maps pfn %#lx (mapped by %pS)%s", slot,
			 page_to_pfn(page),
			 (void *)kmap_local_slot_caller(ucpu, idx),
			 ucpu != smp_processor_id() ?
				 ", on that CPU only: its mapping is private" :
				 "");
	else if (last)
		snprintf(
			buf, size,
			"%s is not mapped (the stack is %d deep): it last mapped pfn %#lx for %pS: a use after kunmap_local()?",
			slot, kmap_local_depth(ucpu), page_to_pfn(last),
			(void *)kmap_local_slot_caller(ucpu, idx));
	else
		snprintf(
			buf, size,
			"%s is not mapped and was never used (the stack is %d deep)",
			slot, kmap_local_depth(ucpu));
	return true;
}
