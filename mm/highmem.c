// SPDX-License-Identifier: GPL-2.0
/*
 * highmem.c - kernel addresses for highmem pages: kmap(), and what kmap and
 * kmap_local share.
 *
 * A ZONE_HIGHMEM page lies above the direct map, so it has no kernel address
 * until one is lent to it.  There are two ways, as in Linux: kmap_local,
 * a short mapping on this CPU's own slots (kmap_local.c), and kmap(),
 * here.
 *
 * kmap() lends one of LAST_PKMAP (1024) virtual pages at PKMAP_BASE, for as
 * long as the caller likes.  Their PTEs fill the one page table
 * paging_init() installed there.  What slot nr is doing is pkmap_count[nr],
 * which is not a pure count:
 *	0  free, and no TLB entry for it can exist: usable at once;
 *	1  still mapped, but nobody uses it: the PTE stays, the TLB may hold it;
 *	n  mapped for n - 1 users.
 * kunmap() only decrements.  A slot left at 1 keeps its page: kmapping that
 * page again returns the same address for the price of an increment (the
 * "cached slot").  New slots are taken at a cursor, last_pkmap_nr, that walks
 * the table; a slot at 1 is skipped.  When the cursor wraps to 0,
 * flush_all_zero_pkmaps() clears every slot at 1 and flushes the TLB once for
 * the whole window: one flush per 1024 new mappings instead of an INVLPG
 * per kunmap.  That lazy flush is the point of the design.  The pkmap is
 * one mapping for all CPUs (a page kmapped on CPU 0 is read at the same
 * address on CPU 1), so the flush is a TLB shootdown: an IPI to every
 * other CPU, and a wait for each to flush (flush_tlb_all()).
 *
 * Which slot a page has is found through page_address_htable, a small hash
 * from page to slot (Linux's HASHED_PAGE_VIRTUAL), so page_address() answers
 * for a kmapped highmem page and a second kmap of a page reuses its slot, in
 * O(1).  The hash entry of slot nr is page_address_maps[nr]; it keeps the
 * page after the slot is flushed, which the fault reports use ("slot 5 last
 * mapped pfn 0x38005").  As in Linux, page_address() still answers for a
 * slot at count 1: the mapping exists until the next flush.
 *
 * kmap_lock (Linux's, taken by lock_kmap()) guards the pkmap counts, the
 * cursor and the hash; kmap() and kunmap() take it, and so does the flush,
 * which sends its IPIs with the lock held, as Linux does: a CPU waiting
 * for kmap_lock waits with interrupts on and answers them.  kmap() may
 * sleep in Linux (it waits for a free slot): might_sleep() reports it in
 * atomic context.  Here nobody sleeps: when every pkmap slot is in use,
 * kmap() reports "kmap: all 1024 pkmap slots in use" with the callers that
 * hold the most slots (highmem_report.c), and returns NULL.  Misuse (a
 * pointer that is not a struct page, a kunmap of a page that has no slot
 * or one too many) is a WARN naming the caller, and the state stays
 * consistent.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <bug.h>
#include <cpumask.h>
#include <fault.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <percpu.h>
#include <printk.h>
#include <smp.h>
#include <spinlock.h>
#include <sprintf.h>

#include "internal.h"

/* 128 buckets, as Linux: 8 entries each with every slot in use. */
#define PA_HASH_ORDER 7
#define PA_HASH_SIZE (1U << PA_HASH_ORDER)
#define GOLDEN_RATIO_32 0x61C88647U

/* Guards everything of the pkmap below: counts, cursor, hash, callers. */
static DEFINE_SPINLOCK(kmap_lock);
#define lock_kmap() spin_lock(&kmap_lock)
#define unlock_kmap() spin_unlock(&kmap_lock)

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
 * next flush), otherwise NULL.  Takes kmap_lock for a highmem page: not
 * from an interrupt handler (Linux uses an interrupt-safe lock there).
 */
void *__page_address(const struct page *page)
{
	const struct page_address_map *pam;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	pam = page_address_lookup(page);
	return pam ? (void *)PKMAP_ADDR(pkmap_nr(pam)) : NULL;
}

void *page_address(const struct page *page)
{
	void *vaddr;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	lock_kmap();
	vaddr = __page_address(page);
	unlock_kmap();
	return vaddr;
}

void lock_kmap_state(void)
{
	lock_kmap();
}

void unlock_kmap_state(void)
{
	unlock_kmap();
}

/*
 * The cursor wrapped: clear every stale slot, then one TLB flush for all,
 * on every CPU (kmap_lock held).
 */
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
	SetPageKmap(page); /* __free_pages() checks for a slot with users */
	pkmap_count[nr] = 1;
	set_page_address(page, (void *)PKMAP_ADDR(nr));
	return (int)nr;
}

/**
 * kmap_high - kmap() of a highmem page (the inline kmap() in highmem.h
 * returns a lowmem page's address itself)
 * @page: a highmem page, or a pointer that is not a struct page at all
 *
 * The page keeps the slot it has (count + 1), else gets a new one.  The
 * caller of kmap() is recorded for the slot, for the reports.
 *
 * Return: the address of the page's pkmap slot, or NULL if every slot is
 * in use (reported) or page is not a struct page in mem_map (a WARN).
 */
void *kmap_high(struct page *page)
{
	const struct page_address_map *pam;
	int nr;

	might_sleep();
	if (unlikely(!page_ptr_valid(page)))
		return kmap_bad_page("kmap", page, _RET_IP_);
	lock_kmap();
	pam = page_address_lookup(page);
	if (likely(pam)) {
		nr = (int)pkmap_nr(pam);
	} else {
		nr = map_new_virtual(page);
		if (nr < 0) {
			nr_kmap_failures++;
			unlock_kmap();
			pkmap_report_full(page, _RET_IP_);
			return NULL;
		}
	}
	pkmap_count[nr]++;
	pkmap_caller[nr] = _RET_IP_;
	unlock_kmap();
	return (void *)PKMAP_ADDR(nr);
}

/**
 * kunmap_high - kunmap() of a highmem page (the inline kunmap() in
 * highmem.h has nothing to do for a lowmem one)
 * @page: a highmem page, or a pointer that is not a struct page at all
 *
 * Drops one user of the page's slot.  The last user leaves the slot at
 * count 1: still mapped, until the cursor's next wrap flushes it.  Misuse
 * (no slot, no users left, not a struct page) is a WARN; nothing changes.
 */
void kunmap_high(struct page *page)
{
	const struct page_address_map *pam;
	unsigned int nr;

	if (unlikely(!page_ptr_valid(page))) {
		kmap_bad_page("kunmap", page, _RET_IP_);
		return;
	}
	lock_kmap();
	pam = page_address_lookup(page);
	if (unlikely(!pam)) {
		unlock_kmap();
		kunmap_bad(page, -1, _RET_IP_);
		return;
	}
	nr = pkmap_nr(pam);
	if (unlikely(pkmap_count[nr] < 2)) {
		unlock_kmap();
		kunmap_bad(page, (int)nr, _RET_IP_);
		return;
	}
	pkmap_count[nr]--;
	unlock_kmap();
}

/**
 * kmap_flush_unused - flush every stale pkmap slot now, not at the next wrap
 *
 * The slots at count 1 become free (count 0), their pages lose their
 * address, and the TLB is flushed once (if there was any).
 */
void kmap_flush_unused(void)
{
	lock_kmap();
	flush_all_zero_pkmaps();
	unlock_kmap();
}

/**
 * kmap_set_cursor - choose where the search for a free pkmap slot starts
 * @nr: the slot to count as taken last (boot leaves 0: the first kmap
 *      gets slot 1)
 *
 * Safe at any time: a slot at count 0 has neither a PTE nor a TLB entry,
 * so any of them may be taken next; moving the cursor back only delays
 * the next wrap and its flush.  The shell's `reset` puts it back where
 * boot left it and the demos where they found it, so that a lesson
 * replayed shows the same slots and addresses.  Under kmap_lock, as
 * every move of the cursor.
 */
void kmap_set_cursor(unsigned int nr)
{
	lock_kmap();
	last_pkmap_nr = nr & LAST_PKMAP_MASK;
	unlock_kmap();
}

/* pkmap_clear_stats - zero the flush and failure counts of /proc/pkmap. */
void pkmap_clear_stats(void)
{
	lock_kmap();
	nr_pkmap_flushes = 0;
	nr_kmap_failures = 0;
	unlock_kmap();
}

/* --- lookups, and the state the views and the self-check read ----------- */

/* A kernel address's PTE, if it is a pkmap or kmap_local slot. */
static const pte_t *kmap_pte_of(unsigned long vaddr)
{
	if (vaddr >= PKMAP_BASE && vaddr < PKMAP_END)
		return &pkmap_page_table[PKMAP_NR(vaddr)];
	return kmap_local_pte_of(vaddr);
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
	lock_kmap();
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
	unlock_kmap();
}

/*
 * The accessors below read one slot without kmap_lock (or another CPU's
 * kmap_local stack as it changes): each value is one that was true at the
 * moment of the read, which is what a view or a report needs.
 */
int pkmap_slot_count(unsigned int nr)
{
	return nr < LAST_PKMAP ? READ_ONCE(pkmap_count[nr]) : -1;
}

struct page *pkmap_slot_page(unsigned int nr)
{
	return nr < LAST_PKMAP && READ_ONCE(pkmap_count[nr]) ?
		       page_address_maps[nr].page :
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

/**
 * kmap_init - make kmap() and kmap_local_page() ready
 *
 * Finds the pkmap page table that paging_init() installed, registers the
 * fault explainers of the pkmap and kmap_local slots and checks the initial
 * state.
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
	BUILD_BUG_ON(KM_MAX_IDX > 32); /* kmap_ctrl.released is a u32 */
	/* Every CPU's slots' PTEs are in one page table: kmap_get_pte(). */
	BUILD_BUG_ON(FIX_KMAP_END - FIX_KMAP_BEGIN + 1 != KM_MAX_IDX * NR_CPUS);
	BUILD_BUG_ON(__fix_to_virt(FIX_KMAP_BEGIN) >> PGDIR_SHIFT !=
		     __fix_to_virt(FIX_KMAP_END) >> PGDIR_SHIFT);
	register_fault_explainer(pkmap_explain);
	register_fault_explainer(kmap_local_explain);
	if (!kmap_self_check())
		panic("highmem: self-check failed (see above)");
	pr_info("highmem: self-check ok (%d pkmap slots at %#lx-%#lx, %d kmap_local slots per CPU at %#lx-%#lx)\n",
		LAST_PKMAP, PKMAP_BASE, PKMAP_END - 1, KM_MAX_IDX,
		kmap_local_slot_addr(nr_cpu_ids - 1, KM_MAX_IDX - 1),
		kmap_local_slot_addr(0, 0) + PAGE_SIZE - 1);
}
