// SPDX-License-Identifier: GPL-2.0
/*
 * smp_demo.c - `demo smp`: kmap against kmap_local when there are several
 * CPUs, where kmap_local earns its keep.
 *
 * The kernel's page tables are one set for every CPU; their TLBs are not.
 * The story in five sections:
 *  1. kmap() on CPU 0, read on CPU 1 at the same address: the pkmap is one
 *     mapping for all CPUs;
 *  2. kmap_local_page() on each CPU: the same stack slot is a different
 *     address on each (16 fixmap pages per CPU);
 *  3. CPU 1 reads CPU 0's kmap_local address (it works: the page tables are
 *     shared), then CPU 0 unmaps it and maps another page there: CPU 1
 *     still reads the old page, through the translation its TLB kept,
 *     because a kmap_local unmap flushes its own CPU only.  Such an
 *     address is good on its own CPU, and nowhere else;
 *  4. 1,025 kmaps of different pages wrap the pkmap cursor: the flush is a
 *     shootdown, one IPI to every other CPU (the TLB row of
 *     /proc/interrupts, nr_tlb_* of /proc/vmstat);
 *  5. the same 1,025 pages through kmap_local: not one IPI.
 * CPU 1 runs its part in its IPI handler (smp_call_function_single()).
 * The pages are allocated once, in `sd`; section 3 first shoots down the
 * stale translation a run of it before left on CPU 1, so that it can be
 * shown again, and `leave` does the same before it frees the pages.  With
 * one CPU, or no highmem, the first section says what to boot instead and
 * ends the demo.
 */
#include <asm/hardirq.h>
#include <asm/tlbflush.h>
#include <cpumask.h>
#include <demo.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <slab.h>
#include <smp.h>
#include <sprintf.h>
#include <string.h>
#include <uaccess.h>
#include <vmstat.h>

#define WRAP_PAGES (LAST_PKMAP + 1)

struct peek_text {
	unsigned long addr; /* where CPU 1 reads */
	char text[40]; /* what it found, or "" */
	bool mapped; /* false: the read faulted */
	unsigned int cpu; /* who read */
};

/* On the other CPU: the string at addr, if anything is mapped there. */
static void peek_text_here(void *arg)
{
	struct peek_text *p = arg;

	p->cpu = smp_processor_id();
	p->mapped = !copy_from_kernel_nofault(p->text, (void *)p->addr,
					      sizeof(p->text) - 1);
	p->text[p->mapped ? sizeof(p->text) - 1 : 0] = '\0';
}

static void demo_peek(unsigned int cpu, void *addr)
{
	struct peek_text p = { .addr = (unsigned long)addr };

	smp_call_function_single(cpu, peek_text_here, &p, true);
	if (p.mapped)
		kprintf("  CPU %u reads %p: \"%s\"\n", p.cpu, addr, p.text);
	else
		kprintf("  CPU %u reads %p: nothing, the read faults (not mapped)\n",
			p.cpu, addr);
}

static struct {
	struct page **pages; /* WRAP_PAGES highmem pages; [0] is A, [1] is C */
	unsigned int other; /* the CPU that is not this one */
	unsigned long stale; /* a slot address the other CPU's TLB may keep */
} sd;

static bool sd_can_run(void)
{
	if (num_online_cpus() < 2) {
		kprintf("  This boot has one CPU: nothing to share, nothing to shoot down.\n"
			"  Boot with several: make run SMP=4 (QEMU -smp 4).  Then kmap and\n"
			"  kmap_local differ in what they cost the other CPUs.\n");
		return false;
	}
	if (!totalhigh_pages()) {
		kprintf("  This boot has no highmem: kmap and kmap_local map nothing.\n"
			"  A lowmem page has its direct-map address on every CPU.  Boot with\n"
			"  more than 896 MB: make run SMP=4 MEM=2G.\n");
		return false;
	}
	return true;
}

static struct page **alloc_pages_array(int n)
{
	struct page **pages = kcalloc((size_t)n, sizeof(*pages), GFP_KERNEL);

	for (int i = 0; pages && i < n; i++) {
		pages[i] = alloc_page(GFP_HIGHMEM | __GFP_NOWARN);
		if (!pages[i]) {
			while (i--)
				__free_page(pages[i]);
			kfree(pages);
			return NULL;
		}
	}
	return pages;
}

/* The pages and the other CPU, once; false (and the demo ends) if not. */
static bool sd_need(void)
{
	unsigned int me = smp_processor_id(), cpu;

	if (sd.pages)
		return true;
	if (!sd_can_run()) {
		demo_end();
		return false;
	}
	for_each_online_cpu(cpu) /* the first CPU that is not this one */
		if (cpu != me) {
			sd.other = cpu;
			break;
		}
	sd.pages = alloc_pages_array(WRAP_PAGES);
	if (!sd.pages) {
		kprintf("  not enough free memory for %d pages: the demo ends here\n",
			WRAP_PAGES);
		demo_end();
		return false;
	}
	return true;
}

/* No stale translation on the other CPU (section 3 leaves one). */
static void sd_shoot_stale(void)
{
	if (!sd.stale)
		return;
	flush_tlb_kernel_range(sd.stale, sd.stale + PAGE_SIZE);
	sd.stale = 0;
}

static void sd_pkmap(void)
{
	struct page *page;
	char *p;

	if (!sd_need())
		return;
	page = sd.pages[0];
	kmap_flush_unused(); /* start with no stale slot */
	p = kmap(page);
	kprintf("  kmap() on CPU %u, read on CPU %u:\n", smp_processor_id(),
		sd.other);
	snprintf(p, PAGE_SIZE, "page A, by CPU %u", smp_processor_id());
	kprintf("  kmap -> %p, pkmap slot %lu; CPU %u wrote \"%s\"\n",
		(void *)p, PKMAP_NR((unsigned long)p), smp_processor_id(), p);
	demo_peek(sd.other, p);
	kprintf("  one page table for every CPU: a pkmap address is the same page\n"
		"  everywhere, until kunmap and the next flush (which must then reach\n"
		"  every CPU's TLB)\n");
	kunmap(page);
}

static int kmap_local_on(void *arg)
{
	void *addr = kmap_local_page(arg);

	kunmap_local(addr);
	return (int)((unsigned long)addr >> PAGE_SHIFT);
}

static void sd_slots(void)
{
	unsigned long mine, theirs;
	void *p;

	if (!sd_need())
		return;
	p = kmap_local_page(sd.pages[0]);
	mine = (unsigned long)p;
	kunmap_local(p);
	theirs = (unsigned long)smp_call_on_cpu(sd.other, kmap_local_on,
						sd.pages[0], false)
		 << PAGE_SHIFT;
	kprintf("  kmap_local_page() of the same page on CPU %u and CPU %u:\n",
		smp_processor_id(), sd.other);
	kprintf("  CPU %u: slot 0 at %#lx    CPU %u: slot 0 at %#lx\n",
		smp_processor_id(), mine, sd.other, theirs);
	kprintf("  each CPU has its own 16 fixmap slots, %lu pages apart, and its own\n"
		"  stack of them: no lock, and no other CPU is told of a change\n",
		(mine - theirs) >> PAGE_SHIFT);
}

static void sd_private(void)
{
	unsigned int me = smp_processor_id(), other = sd.other;
	char *p;

	if (!sd_need())
		return;
	sd_shoot_stale(); /* as if for the first time */
	p = kmap_local_page(sd.pages[0]);
	kprintf("  A kmap_local address of CPU %u, read on CPU %u:\n", me,
		other);
	snprintf(p, PAGE_SIZE, "page A, by CPU %u", me);
	kprintf("  CPU %u: kmap_local_page(A) -> %p, wrote \"%s\"\n", me,
		(void *)p, p);
	demo_peek(other, p); /* the PTE is in the shared table: it works */
	kunmap_local(p);
	p = kmap_local_page(sd.pages[1]);
	sd.stale = (unsigned long)p & PAGE_MASK;
	snprintf(p, PAGE_SIZE, "page C, by CPU %u", me);
	kprintf("  CPU %u: kunmap_local (INVLPG here only), then page C at the\n"
		"  same slot %p: \"%s\"\n",
		me, (void *)p, p);
	demo_peek(other, p);
	kunmap_local(p);
	kprintf("  CPU %u: kunmap_local again; and CPU %u:\n", me, other);
	demo_peek(other, p);
	kprintf("  CPU %u still reads page A, or nothing: its TLB kept what it\n"
		"  saw, and kmap_local never tells the others.  Good on its own CPU,\n"
		"  and only there.\n",
		other);
}

struct tlb_counts {
	unsigned int tlb[NR_CPUS]; /* /proc/interrupts TLB row */
	unsigned long remote, received, local_all; /* /proc/vmstat */
};

static void tlb_counts(struct tlb_counts *c)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		c->tlb[cpu] = irq_stats(cpu)->irq_tlb_count;
	c->remote = sum_vm_event(NR_TLB_REMOTE_FLUSH);
	c->received = sum_vm_event(NR_TLB_REMOTE_FLUSH_RECEIVED);
	c->local_all = sum_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
}

static void tlb_print(const struct tlb_counts *a, const struct tlb_counts *b)
{
	unsigned int cpu;
	char row[80];
	int n = scnprintf(row, sizeof(row), "  TLB row of /proc/interrupts:");

	for_each_online_cpu(cpu)
		n += scnprintf(row + n, sizeof(row) - (size_t)n, " +%u",
			       b->tlb[cpu] - a->tlb[cpu]);
	kprintf("%s (CPU 0..%u)\n", row, nr_cpu_ids - 1);
	kprintf("  /proc/vmstat: nr_tlb_remote_flush +%lu, received +%lu,\n"
		"  nr_tlb_local_flush_all +%lu\n",
		b->remote - a->remote, b->received - a->received,
		b->local_all - a->local_all);
}

static void sd_kmap_costs(void)
{
	struct tlb_counts a, b;

	if (!sd_need())
		return;
	kmap_flush_unused();
	tlb_counts(&a);
	for (int i = 0; i < WRAP_PAGES; i++) {
		kmap(sd.pages[i]);
		kunmap(sd.pages[i]);
	}
	tlb_counts(&b);
	kprintf("  kmap + kunmap of %d different pages, on CPU %u:\n",
		WRAP_PAGES, smp_processor_id());
	tlb_print(&a, &b);
	kprintf("  the cursor wrapped: the stale slots were cleared and every CPU\n"
		"  flushed its TLB, one IPI each, answered before kmap went on\n");
}

static void sd_local_costs(void)
{
	struct tlb_counts a, b;

	if (!sd_need())
		return;
	tlb_counts(&a);
	for (int i = 0; i < WRAP_PAGES; i++)
		kunmap_local(kmap_local_page(sd.pages[i]));
	tlb_counts(&b);
	kprintf("  kmap_local_page + kunmap_local of the same %d pages:\n",
		WRAP_PAGES);
	tlb_print(&a, &b);
	kprintf("  no IPI at all: one INVLPG per unmap, on this CPU\n"
		"  see it live: oncpu 1 cat /proc/interrupts, cat /proc/vmstat\n");
}

static void sd_leave(void)
{
	if (!sd.pages)
		return;
	sd_shoot_stale();
	kmap_flush_unused();
	for (int i = 0; i < WRAP_PAGES; i++)
		__free_page(sd.pages[i]);
	kfree(sd.pages);
	sd.pages = NULL;
}

static const struct demo_section smp_sections[] = {
	{ "kmap() on one CPU, read on another: one map for all", sd_pkmap },
	{ "kmap_local_page() on two CPUs: slots of their own", sd_slots },
	{ "A kmap_local address read on another CPU: its TLB lags",
	  sd_private },
	{ "1025 kmaps: the wrap's flush is an IPI to every other CPU",
	  sd_kmap_costs },
	{ "1025 kmap_locals: not one IPI", sd_local_costs },
};
DEMO(smp, "kmap on several CPUs: one shared map, shootdowns; kmap_local: none",
     smp_sections, sd_leave);
