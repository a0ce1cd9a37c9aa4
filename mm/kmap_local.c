// SPDX-License-Identifier: GPL-2.0
/*
 * kmap_local.c - kmap_local_page() and kunmap_local(): short mappings on
 * this CPU's own fixmap slots.
 *
 * kmap_local_page() lends one of this CPU's KM_MAX_IDX (16) fixmap slots,
 * used as a stack: a map pushes (writes the slot's PTE), kunmap_local()
 * pops (clears it and flushes that one TLB entry with INVLPG).  Because a
 * slot is flushed when it is freed, mapping needs no flush at all: the
 * cheapest mapping a 32-bit kernel has.  Each CPU has slots of its own
 * (CPU n's are FIX_KMAP_BEGIN + 16n and up) and a stack of its own in its
 * per-CPU area, so no other CPU ever maps them or is told of a change:
 * no lock, no shootdown, whatever the number of CPUs.  The price is
 * discipline: unmaps come in reverse order, on the same CPU, and a mapping
 * must not outlive the code that made it (another CPU that read the
 * address may keep the translation in its TLB: `demo smp`).  A lowmem page
 * never uses a slot.  The code is generic, as Linux's in mm/highmem.c; the
 * architecture supplies the slot of a CPU, where its PTE is, the PTE write
 * and the INVLPG (asm/highmem.h).
 *
 * The push and the pop run with preemption off, as in Linux, so that the
 * index and the slot it names are one CPU's (there is no scheduler yet, so
 * this is the count the checks read; Linux also disables migration for
 * the life of the mapping, which nothing here could do anyway).  The stack
 * index is raised before the PTE is written and lowered after the clear,
 * so an interrupt handler may use kmap_local without interrupts being
 * disabled.  Misuse (a pointer that is not a struct page, a 17th
 * kmap_local, an unmap out of order, of no slot, or of another CPU's
 * slot) is a WARN naming the caller, and the stack stays consistent.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <bug.h>
#include <cpumask.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <percpu.h>
#include <printk.h>
#include <smp.h>

#include "internal.h"

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

/* --- the state the views and the self-check read -------------------------- */

pte_t *kmap_local_pte_of(unsigned long vaddr)
{
	return kmap_local_addr(vaddr) ? kmap_get_pte(kmap_local_fix_of(vaddr)) :
					NULL;
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
