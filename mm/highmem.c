// SPDX-License-Identifier: GPL-2.0
/*
 * highmem.c - kernel addresses for highmem pages: kmap() and kmap_local.
 *
 * A ZONE_HIGHMEM page lies above the direct map, so it has no kernel address
 * until one is lent to it.  There are two ways, both here, as in Linux.
 *
 * kmap_local_page() lends one of this CPU's KM_MAX_IDX (16) fixmap slots,
 * used as a stack: a map pushes (writes the slot's PTE), kunmap_local()
 * pops (clears it and flushes that one TLB entry with INVLPG).  Because a
 * slot is flushed when it is freed, mapping needs no flush at all: the
 * cheapest mapping a 32-bit kernel has.  Each CPU has slots of its own
 * (CPU n's are FIX_KMAP_BEGIN + 16n and up) and a stack of its own in its
 * per-CPU area, so no other CPU ever uses them or caches them in its TLB:
 * no lock, no shootdown, whatever the number of CPUs.  The price is
 * discipline: unmaps come in reverse order, on the same CPU, and a mapping
 * must not outlive the code that made it.  A lowmem page never uses a
 * slot.  The code is generic; the architecture supplies the slot of a
 * CPU, the PTE write and the INVLPG (asm/highmem.h).
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
 * hold the most slots (highmem_report.c), and returns NULL.
 *
 * kmap_local needs no lock at all: only its CPU touches its stack.  The
 * push and the pop run with preemption off, as in Linux, so that the index
 * and the slot it names are one CPU's (there is no scheduler yet, so this
 * is the count the checks read; Linux also disables migration for the
 * life of the mapping, which nothing here could do anyway).  It raises the stack index
 * before it writes the PTE and lowers it after the clear, so an interrupt
 * handler may use kmap_local without interrupts being disabled.  Misuse of
 * either (a pointer that is not a struct page, a kunmap of a page that has
 * no slot or one too many, a 17th kmap_local, an unmap out of order, of no
 * slot, or of another CPU's slot) is a WARN naming the caller, and the
 * state stays consistent.
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

/* --- kmap_local: a stack of fixmap slots per CPU ------------------------- */

/*
 * A CPU's kmap_local stack, in its per-CPU area (Linux keeps one in each
 * task).  Stack slot i of CPU n is the fixmap page FIX_KMAP_BEGIN + 16n + i
 * (arch_kmap_local_map_idx()); idx slots are in use.  A slot keeps its
 * page and caller after it is popped, for /proc/pkmap and the fault
 * reports.
 */
struct kmap_ctrl {
	int idx; /* slots in use: the next push takes slot idx */
	u32 released; /* bit i: slot i was unmapped out of order */
	struct kmap_local_slot {
		struct page *page; /* mapped now (below idx), or last */
		unsigned long caller; /* who made that mapping */
	} slot[KM_MAX_IDX];
};

static DEFINE_PER_CPU(struct kmap_ctrl, kmap_ctrl);

/* The address of fixmap kmap slot `fix` (0 .. KM_MAX_IDX * NR_CPUS - 1). */
static inline unsigned long kmap_local_vaddr(int fix)
{
	return __fix_to_virt(FIX_KMAP_BEGIN + fix);
}

/* Is vaddr inside one of the slots, of any CPU?  (Slot 0 is the highest.) */
static inline bool kmap_local_addr(unsigned long vaddr)
{
	return vaddr >= kmap_local_vaddr(KM_MAX_IDX * NR_CPUS - 1) &&
	       vaddr < kmap_local_vaddr(0) + PAGE_SIZE;
}

/* The fixmap kmap slot of an address inside the slots. */
static inline int kmap_local_fix_of(unsigned long vaddr)
{
	return (int)__virt_to_fix(vaddr) - FIX_KMAP_BEGIN;
}

/*
 * The PTE of fixmap kmap slot `fix`.  All the slots' PTEs are consecutive
 * entries of one page table (kmap_init() checks it), slot 0's the highest,
 * and the architecture knows where: an array (Linux finds it once at run
 * time, kmap_get_pte(); x86-32 here has the fixmap in a static page
 * table, so its address is a constant).
 */
static inline pte_t *kmap_get_pte(int fix)
{
	return arch_kmap_local_pte(fix);
}

/*
 * Map pfn at this CPU's next slot.  The index is raised before the PTE is
 * written (and, in kunmap_local_indexed(), lowered after it is cleared),
 * so an interrupt handler that kmaps runs on top of the stack and leaves
 * it as it found it.  The slot was flushed when it was last unmapped, on
 * this very CPU, and no other CPU uses it: no INVLPG here, no IPI ever.
 * (Linux's takes no caller: it records no reports.)
 */
static void *__kmap_local_pfn_prot(unsigned long pfn, pgprot_t prot,
				   unsigned long caller)
{
	unsigned long vaddr;
	int idx, fix;

	preempt_disable(); /* the index and the slot: one CPU's (as Linux) */
	idx = this_cpu_read(kmap_ctrl.idx);
	if (unlikely(idx >= KM_MAX_IDX)) {
		preempt_enable();
		kmap_local_report_full(pfn, caller);
		return NULL;
	}
	this_cpu_write(kmap_ctrl.idx, idx + 1);
	barrier(); /* the slot is ours before its PTE is written */
	fix = arch_kmap_local_map_idx(idx, pfn);
	vaddr = kmap_local_vaddr(fix);
	this_cpu_write(kmap_ctrl.slot[idx].page, pfn_to_page(pfn));
	this_cpu_write(kmap_ctrl.slot[idx].caller, caller);
	SetPageKmap(pfn_to_page(pfn)); /* __free_pages() checks the slots */
	arch_kmap_local_set_pte(vaddr, kmap_get_pte(fix), pfn_pte(pfn, prot));
	preempt_enable();
	return (void *)vaddr;
}

/**
 * __kmap_local_page_prot - kmap_local_page() (highmem.h)
 * @page: the page
 * @prot: the protection of the mapping (PAGE_KERNEL)
 *
 * Return: the direct-map address of a lowmem page; for a highmem page the
 * address of this CPU's next free slot, valid on this CPU until the
 * matching kunmap_local().  NULL if all KM_MAX_IDX slots are in use or
 * page is not a struct page (both a WARN naming the caller).
 */
void *__kmap_local_page_prot(struct page *page, pgprot_t prot)
{
	if (unlikely(!page_ptr_valid(page)))
		return kmap_local_bad_page(page, _RET_IP_);
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return __kmap_local_pfn_prot(page_to_pfn(page), prot, _RET_IP_);
}

/* Pop the slots that out-of-order unmaps released, now on top. */
static noinline void kmap_local_pop_released(struct kmap_ctrl *ctrl)
{
	int idx = ctrl->idx;

	while (idx && (ctrl->released & (1U << (idx - 1)))) {
		ctrl->released &= ~(1U << (idx - 1));
		idx--;
	}
	ctrl->idx = idx;
}

static bool kmap_local_slot_mapped(const struct kmap_ctrl *ctrl, int idx)
{
	return idx >= 0 && idx < ctrl->idx && !(ctrl->released & (1U << idx));
}

/* Clear this CPU's fixmap kmap slot `fix` and forget its TLB entry. */
static void kmap_local_clear(int fix)
{
	pte_clear(kmap_get_pte(fix));
	arch_kmap_local_post_unmap(kmap_local_vaddr(fix));
}

/*
 * kunmap_local() of a slot that is not this CPU's top one.  Another CPU's
 * slot is reported and left alone: its PTE and its TLB entry belong to
 * that CPU.  One of this CPU's below the top: Linux warns and clears the
 * top slot, unmapping a page its user still holds; here the slot named is
 * unmapped (a later use of it faults, as it should) and marked released:
 * it leaves the stack when the slots above it do.
 */
static noinline void kunmap_local_misuse(const void *addr, int fix,
					 unsigned long caller)
{
	struct kmap_ctrl *ctrl = this_cpu_ptr(&kmap_ctrl);
	unsigned int cpu = smp_processor_id(), owner = fix / KM_MAX_IDX;
	int idx = fix % KM_MAX_IDX, top = ctrl->idx - 1;

	if (owner != cpu) {
		WARN(1,
		     "kunmap_local: %p is CPU#%u's kmap_local slot %d, not one of CPU#%u's: a kmap_local mapping belongs to the CPU that made it and is unmapped there (called from %pS)\n",
		     addr, owner, idx, cpu, (void *)caller);
	} else if (top < 0) {
		WARN(1,
		     "kunmap_local: %p: no kmap_local mapping is active, one kunmap_local too many (called from %pS)\n",
		     addr, (void *)caller);
	} else if (!kmap_local_slot_mapped(ctrl, idx)) {
		WARN(1,
		     "kunmap_local: %p: slot %d is not mapped (the stack is %d deep), unmapped twice? (called from %pS)\n",
		     addr, idx, ctrl->idx, (void *)caller);
	} else {
		WARN(1,
		     "kunmap_local: %p (slot %d, pfn %#lx) is not the last mapping: %#lx (slot %d, pfn %#lx, mapped by %pS) must be unmapped first, kmap_local is last-in first-out (called from %pS)\n",
		     addr, idx, page_to_pfn(ctrl->slot[idx].page),
		     kmap_local_vaddr(fix - idx + top), top,
		     page_to_pfn(ctrl->slot[top].page),
		     (void *)ctrl->slot[top].caller, (void *)caller);
		kmap_local_clear(fix);
		ctrl->released |= 1U << idx;
	}
}

/**
 * kunmap_local_indexed - kunmap_local() (highmem.h)
 * @vaddr: an address kmap_local_page() returned (any byte of the page)
 *
 * Pops this CPU's top slot: clears its PTE and flushes its TLB entry (on
 * this CPU only: no other has used it).  A lowmem address needs nothing.
 * Anything else is reported and the stack stays consistent: an empty
 * stack, a slot below the top (see kunmap_local_misuse()), another CPU's
 * slot, an address that is no slot at all.
 */
void kunmap_local_indexed(const void *vaddr)
{
	unsigned long addr = (unsigned long)vaddr & PAGE_MASK;
	int fix;

	if (unlikely(!kmap_local_addr(addr))) {
		if (!virt_addr_valid(vaddr))
			kunmap_local_bad_addr(vaddr, _RET_IP_);
		return;
	}
	preempt_disable();
	/* The top slot; for an empty stack, -1 of this CPU: not the one. */
	fix = arch_kmap_local_unmap_idx(this_cpu_read(kmap_ctrl.idx) - 1, addr);
	if (unlikely(addr != kmap_local_vaddr(fix))) {
		kunmap_local_misuse(vaddr, kmap_local_fix_of(addr), _RET_IP_);
		goto out;
	}
	kmap_local_clear(fix);
	barrier(); /* the PTE is gone before the slot is free again */
	this_cpu_dec(kmap_ctrl.idx);
	if (unlikely(this_cpu_read(kmap_ctrl.released)))
		kmap_local_pop_released(this_cpu_ptr(&kmap_ctrl));
out:
	preempt_enable();
}

/* --- lookups, and the state the views and the self-check read ----------- */

/* A kernel address's PTE, if it is a pkmap or kmap_local slot. */
static const pte_t *kmap_pte_of(unsigned long vaddr)
{
	if (vaddr >= PKMAP_BASE && vaddr < PKMAP_END)
		return &pkmap_page_table[PKMAP_NR(vaddr)];
	if (kmap_local_addr(vaddr))
		return kmap_get_pte(kmap_local_fix_of(vaddr));
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

/* CPU cpu's stack, or NULL for a CPU number out of range. */
static const struct kmap_ctrl *kmap_ctrl_of(unsigned int cpu)
{
	return cpu < nr_cpu_ids ? per_cpu_ptr(&kmap_ctrl, cpu) : NULL;
}

static bool kmap_local_slot_ok(unsigned int cpu, int idx)
{
	return cpu < nr_cpu_ids && idx >= 0 && idx < KM_MAX_IDX;
}

int kmap_local_depth(unsigned int cpu)
{
	const struct kmap_ctrl *ctrl = kmap_ctrl_of(cpu);

	return ctrl ? READ_ONCE(ctrl->idx) : 0;
}

unsigned long kmap_local_slot_addr(unsigned int cpu, int idx)
{
	return kmap_local_vaddr((int)cpu * KM_MAX_IDX + idx);
}

int kmap_local_slot_owner(unsigned long vaddr, int *idx)
{
	int fix;

	if (!kmap_local_addr(vaddr & PAGE_MASK))
		return -1;
	fix = kmap_local_fix_of(vaddr);
	*idx = fix % KM_MAX_IDX;
	return fix / KM_MAX_IDX;
}

struct page *kmap_local_slot_page(unsigned int cpu, int idx)
{
	const struct kmap_ctrl *ctrl = kmap_ctrl_of(cpu);

	return ctrl && kmap_local_slot_mapped(ctrl, idx) ?
		       ctrl->slot[idx].page :
		       NULL;
}

struct page *kmap_local_slot_last_page(unsigned int cpu, int idx)
{
	return kmap_local_slot_ok(cpu, idx) ?
		       kmap_ctrl_of(cpu)->slot[idx].page :
		       NULL;
}

unsigned long kmap_local_slot_caller(unsigned int cpu, int idx)
{
	return kmap_local_slot_ok(cpu, idx) ?
		       kmap_ctrl_of(cpu)->slot[idx].caller :
		       0;
}

pte_t *kmap_local_slot_pte(unsigned int cpu, int idx)
{
	return kmap_local_slot_ok(cpu, idx) ?
		       kmap_get_pte((int)cpu * KM_MAX_IDX + idx) :
		       NULL;
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
