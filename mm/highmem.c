// SPDX-License-Identifier: GPL-2.0
/*
 * highmem.c - permanent kernel mappings of highmem pages: kmap() and kunmap().
 *
 * A ZONE_HIGHMEM page lies above the direct map, so it has no kernel address
 * until one is lent to it.  kmap() lends one of LAST_PKMAP (1024) virtual
 * pages at PKMAP_BASE, whose PTEs fill the one page table paging_init()
 * installed there.  What slot nr is doing is pkmap_count[nr], which is not a
 * pure count:
 *	0  free, and no TLB entry for it can exist: usable at once;
 *	1  still mapped, but nobody uses it: the PTE stays, the TLB may hold it;
 *	n  mapped for n - 1 users.
 * kunmap() only decrements.  A slot left at 1 keeps its page: kmapping that
 * page again returns the same address for the price of an increment (the
 * "cached slot").  New slots are taken at a cursor, last_pkmap_nr, that walks
 * the table; a slot at 1 is skipped.  When the cursor wraps to 0,
 * flush_all_zero_pkmaps() clears every slot at 1 and flushes the TLB once for
 * the whole window: one __flush_tlb_all() per 1024 new mappings instead of an
 * INVLPG per kunmap.  That lazy flush is the point of the design.
 *
 * Which slot a page has is found through page_address_htable, a small hash
 * from page to slot (Linux's HASHED_PAGE_VIRTUAL), so page_address() answers
 * for a kmapped highmem page and a second kmap of a page reuses its slot, in
 * O(1).  The hash entry of slot nr is page_address_maps[nr]; it keeps the
 * page after the slot is flushed, which the fault reports use ("slot 5 last
 * mapped pfn 0x38005").  As in Linux, page_address() still answers for a
 * slot at count 1: the mapping exists until the next flush.
 *
 * Simpler than Linux: no sleeping and no lock.  Linux waits for a kunmap
 * when every slot is in use; this kernel has no tasks to put to sleep, so
 * kmap() reports "kmap: all 1024 pkmap slots in use" with the callers that
 * hold the most slots, and returns NULL.  One CPU, no preemption, and kmap()
 * is not for interrupt handlers (in Linux it may sleep): nothing can run in
 * the middle of a kmap, so there is nothing to lock.  Misuse (a kunmap of a
 * page that has no slot, one kunmap too many, a pointer that is not a
 * struct page) is a WARN naming the caller, and the counts stay as they were.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <bug.h>
#include <fault.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <sprintf.h>

/* 128 buckets, as Linux: 8 entries each with every slot in use. */
#define PA_HASH_ORDER 7
#define PA_HASH_SIZE (1U << PA_HASH_ORDER)
#define GOLDEN_RATIO_32 0x61C88647U

/* The slot's state: 0 free and flushed, 1 stale, n: n - 1 users. */
static int pkmap_count[LAST_PKMAP];
/* The cursor: the slot taken last; the search for a free slot starts after it. */
static unsigned int last_pkmap_nr;
/* The PTEs of the slots: the page table that maps [PKMAP_BASE, PKMAP_END). */
static pte_t *pkmap_page_table;
static unsigned long nr_pkmap_flushes; /* TLB flushes by the lazy scheme */
static unsigned long nr_kmap_failures; /* kmaps refused, every slot in use */

/* The hash entry of one slot: page_address_maps[nr] belongs to slot nr. */
struct page_address_map {
	struct page *page; /* mapped (count >= 1) or last mapped (count 0) */
	struct page_address_map *next; /* in the same bucket, while hashed */
};

static struct page_address_map page_address_maps[LAST_PKMAP];
/* Who made the latest kmap of each slot: the reports name leakers. */
static unsigned long pkmap_caller[LAST_PKMAP];
/* Bucket heads; a zeroed table is an empty one. */
static struct page_address_map *page_address_htable[PA_HASH_SIZE];

static inline unsigned int pa_hash(const struct page *page)
{
	return ((u32)(unsigned long)page * GOLDEN_RATIO_32) >>
	       (32 - PA_HASH_ORDER);
}

/* The hash entry of the slot that maps page (count >= 1), or NULL. */
static inline struct page_address_map *
page_address_lookup(const struct page *page)
{
	struct page_address_map *pam = page_address_htable[pa_hash(page)];

	while (pam && pam->page != page)
		pam = pam->next;
	return pam;
}

/* The slot number of a hash entry. */
static inline unsigned int pkmap_nr(const struct page_address_map *pam)
{
	return (unsigned int)(pam - page_address_maps);
}

/* Enter page as the owner of slot PKMAP_NR(virtual), or (NULL) remove it. */
static void set_page_address(struct page *page, void *virtual)
{
	struct page_address_map **pp = &page_address_htable[pa_hash(page)];
	struct page_address_map *pam;

	if (virtual) {
		pam = &page_address_maps[PKMAP_NR((unsigned long)virtual)];
		pam->page = page;
		pam->next = *pp;
		*pp = pam;
		return;
	}
	for (; *pp; pp = &(*pp)->next) {
		if ((*pp)->page == page) {
			*pp = (*pp)->next;
			return;
		}
	}
}

/**
 * page_address - the kernel virtual address of a page
 * @page: any page in mem_map
 *
 * Return: the direct-map address of a lowmem page; for a highmem page the
 * address of its pkmap slot while it has one (also at count 1, until the
 * next flush), otherwise NULL.
 */
void *page_address(const struct page *page)
{
	const struct page_address_map *pam;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	pam = page_address_lookup(page);
	return pam ? (void *)PKMAP_ADDR(pkmap_nr(pam)) : NULL;
}

/* The cursor wrapped: clear every stale slot, then one TLB flush for all. */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;

	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++) {
		if (pkmap_count[nr] != 1)
			continue;
		pkmap_count[nr] = 0;
		pte_clear(&pkmap_page_table[nr]);
		set_page_address(page_address_maps[nr].page, NULL);
		need_flush = true;
	}
	if (need_flush) {
		flush_tlb_all(); /* every CPU: the pkmap is shared */
		nr_pkmap_flushes++;
	}
}

/*
 * Give page a free slot: the first at count 0 after the cursor, flushing
 * the stale ones when the cursor wraps.  Returns the slot, or -1 when all
 * LAST_PKMAP are in use (at most two passes: before and after the flush).
 */
static noinline int map_new_virtual(struct page *page)
{
	unsigned int count = LAST_PKMAP;
	unsigned int nr;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (!--count)
			return -1;
	}
	nr = last_pkmap_nr;
	/* A slot at 0 was flushed: no TLB entry to invalidate. */
	set_pte(&pkmap_page_table[nr], pfn_pte(page_to_pfn(page), PAGE_KERNEL));
	pkmap_count[nr] = 1;
	set_page_address(page, (void *)PKMAP_ADDR(nr));
	return (int)nr;
}

struct pkmap_user {
	unsigned long caller;
	unsigned int slots;
};

/* The callers holding the most slots, most first; returns how many. */
static int pkmap_top_users(struct pkmap_user *top, int max)
{
	int n = 0;

	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++) {
		unsigned long caller = pkmap_caller[nr];
		int i = 0;

		if (pkmap_count[nr] < 2)
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

static noinline void pkmap_report_full(const struct page *page,
				       unsigned long caller)
{
	struct pkmap_user top[8];
	int n = pkmap_top_users(top, ARRAY_SIZE(top));

	nr_kmap_failures++;
	pr_warn("kmap: all %d pkmap slots in use: pfn %#lx gets no address, kmap returns NULL (called from %pS)\n",
		LAST_PKMAP, page_to_pfn(page), (void *)caller);
	pr_warn("kmap: Linux would sleep until a kunmap frees a slot; this kernel cannot sleep. Top users:\n");
	for (int i = 0; i < n && i < 4; i++)
		pr_warn("kmap: %6u slots mapped by %pS\n", top[i].slots,
			(void *)top[i].caller);
}

static noinline void *kmap_bad_page(const char *what, const struct page *page,
				    unsigned long caller)
{
	WARN(1,
	     "BUG: %s of an invalid page pointer %p: not a struct page in mem_map (called from %pS)\n",
	     what, (const void *)page, (void *)caller);
	return NULL;
}

/* kmap() of a highmem page: the slot it has, or a new one. */
static inline void *kmap_high(struct page *page, unsigned long caller)
{
	const struct page_address_map *pam = page_address_lookup(page);
	int nr;

	if (likely(pam)) {
		nr = (int)pkmap_nr(pam);
	} else {
		nr = map_new_virtual(page);
		if (nr < 0) {
			pkmap_report_full(page, caller);
			return NULL;
		}
	}
	pkmap_count[nr]++;
	pkmap_caller[nr] = caller;
	return (void *)PKMAP_ADDR(nr);
}

/**
 * __kmap - kmap() of what is not a lowmem page (the inline kmap() in
 * highmem.h returns a lowmem page's address itself)
 * @page: a page at or above max_low_pfn, or not a struct page at all
 * @caller: who called kmap(), recorded for the slot and the reports
 *
 * Return: the address of the page's pkmap slot, or NULL if every slot is
 * in use (reported) or page is not a struct page in mem_map (a WARN).
 */
fastcall void *__kmap(struct page *page, unsigned long caller)
{
	/* Highmem is exactly [max_low_pfn, max_pfn): kmap_self_check(). */
	if (unlikely(page_to_pfn_checked(page) >= max_pfn))
		return kmap_bad_page("kmap", page, caller);
	return kmap_high(page, caller);
}

static noinline void kunmap_bad(const struct page *page, int nr,
				unsigned long caller)
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

/**
 * __kunmap - kunmap() of what is not a lowmem page (the inline kunmap() in
 * highmem.h has nothing to do for one)
 * @page: a page at or above max_low_pfn, or not a struct page at all
 * @caller: who called kunmap(), for the reports
 *
 * Drops one user of the page's slot.  The last user leaves the slot at
 * count 1: still mapped, until the cursor's next wrap flushes it.  Misuse
 * (no slot, no users left, not a struct page) is a WARN; nothing changes.
 */
fastcall void __kunmap(struct page *page, unsigned long caller)
{
	const struct page_address_map *pam;
	unsigned int nr;

	if (unlikely(page_to_pfn_checked(page) >= max_pfn)) {
		kmap_bad_page("kunmap", page, caller);
		return;
	}
	pam = page_address_lookup(page);
	if (unlikely(!pam)) {
		kunmap_bad(page, -1, caller);
		return;
	}
	nr = pkmap_nr(pam);
	if (unlikely(pkmap_count[nr] < 2)) {
		kunmap_bad(page, (int)nr, caller);
		return;
	}
	pkmap_count[nr]--;
}

/**
 * kmap_flush_unused - flush every stale pkmap slot now, not at the next wrap
 *
 * The slots at count 1 become free (count 0), their pages lose their
 * address, and the TLB is flushed once (if there was any).
 */
void kmap_flush_unused(void)
{
	flush_all_zero_pkmaps();
}

/* A kernel address's PTE, if it is a pkmap or kmap_local slot. */
static const pte_t *kmap_pte_of(unsigned long vaddr)
{
	unsigned long first = kmap_local_slot_addr(KM_MAX_IDX - 1);
	enum pg_level level;

	if (vaddr >= PKMAP_BASE && vaddr < PKMAP_END)
		return &pkmap_page_table[PKMAP_NR(vaddr)];
	if (vaddr >= first && vaddr < kmap_local_slot_addr(0) + PAGE_SIZE)
		return lookup_address(vaddr, &level);
	return NULL;
}

/**
 * kmap_to_page - the page behind a kernel address
 * @addr: a direct-map, pkmap or kmap_local address
 *
 * Return: the page mapped there, or NULL if nothing is.
 */
struct page *kmap_to_page(void *addr)
{
	unsigned long vaddr = (unsigned long)addr;
	const pte_t *pte = kmap_pte_of(vaddr);

	if (pte)
		return pte_present(*pte) && pfn_valid(pte_pfn(*pte)) ?
			       pfn_to_page(pte_pfn(*pte)) :
			       NULL;
	return virt_addr_valid(addr) ? virt_to_page(addr) : NULL;
}

void pkmap_get_state(struct pkmap_state *state)
{
	*state = (struct pkmap_state){
		.cursor = last_pkmap_nr,
		.flushes = nr_pkmap_flushes,
		.failures = nr_kmap_failures,
	};
	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++) {
		if (pkmap_count[nr] == 0)
			state->free++;
		else if (pkmap_count[nr] == 1)
			state->stale++;
		else
			state->in_use++;
		if (pkmap_count[nr] > 1)
			state->users += (unsigned int)pkmap_count[nr] - 1;
	}
}

int pkmap_slot_count(unsigned int nr)
{
	return nr < LAST_PKMAP ? pkmap_count[nr] : -1;
}

struct page *pkmap_slot_page(unsigned int nr)
{
	return nr < LAST_PKMAP && pkmap_count[nr] ? page_address_maps[nr].page :
						    NULL;
}

struct page *pkmap_slot_last_page(unsigned int nr)
{
	return nr < LAST_PKMAP ? page_address_maps[nr].page : NULL;
}

unsigned long pkmap_slot_caller(unsigned int nr)
{
	return nr < LAST_PKMAP ? pkmap_caller[nr] : 0;
}

/* The fault report's sentence for an address in the pkmap window. */
static bool pkmap_explain(unsigned long addr, unsigned long err, char *buf,
			  size_t size)
{
	unsigned int nr = PKMAP_NR(addr);
	const struct page *last;

	if (addr < PKMAP_BASE || addr >= PKMAP_END)
		return false;
	last = page_address_maps[nr].page;
	if (pkmap_count[nr] >= 2)
		snprintf(buf, size, "pkmap slot %u maps pfn %#lx for %d user%s",
			 nr, page_to_pfn(last), pkmap_count[nr] - 1,
			 pkmap_count[nr] > 2 ? "s" : "");
	else if (pkmap_count[nr] == 1)
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

/**
 * kmap_init - make kmap() and kmap_local_page() ready
 *
 * Finds the pkmap page table that paging_init() installed, registers the
 * fault explainers of the pkmap and kmap_local slots, checks the initial
 * state and arms the tests' leak check.
 */
void __init kmap_init(void)
{
	pgd_t *pgd = pgd_offset_k(PKMAP_BASE);

	BUILD_BUG_ON(LAST_PKMAP != PTRS_PER_PTE);
	BUILD_BUG_ON(PKMAP_BASE & ~PGDIR_MASK);
	if (!pgd_present(*pgd) || pgd_large(*pgd))
		panic("kmap_init: no page table at PKMAP_BASE %#lx",
		      PKMAP_BASE);
	pkmap_page_table = pte_offset_kernel(pgd, PKMAP_BASE);
	register_fault_explainer(pkmap_explain);
	kmap_local_init();
	if (!kmap_self_check())
		panic("highmem: self-check failed (see above)");
	pr_info("highmem: self-check ok (%d pkmap slots at %#lx-%#lx, %d kmap_local slots at %#lx-%#lx)\n",
		LAST_PKMAP, PKMAP_BASE, PKMAP_END - 1, KM_MAX_IDX,
		kmap_local_slot_addr(KM_MAX_IDX - 1),
		kmap_local_slot_addr(0) + PAGE_SIZE - 1);
	kmap_leak_check_init();
}
