// SPDX-License-Identifier: GPL-2.0
/*
 * smp_demo.c - `demo smp`: kmap against kmap_local when there are several
 * CPUs, where kmap_local earns its keep.
 *
 * The kernel's page tables are one set for every CPU; their TLBs are not.
 * The story in five steps:
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
 * With one CPU, or no highmem, the demo says what to boot instead.  It
 * leaves nothing behind: the stale translation of step 3 is shot down at
 * the end.
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

static bool demo_smp_can_run(void)
{
	if (num_online_cpus() < 2) {
		demo_step(
			"This boot has one CPU: nothing to share, nothing to shoot down");
		kprintf("  Boot with several: make run SMP=4 (QEMU -smp 4).  Then kmap and\n"
			"  kmap_local differ in what they cost the other CPUs.\n");
		return false;
	}
	if (!totalhigh_pages()) {
		demo_step(
			"This boot has no highmem: kmap and kmap_local map nothing");
		kprintf("  A lowmem page has its direct-map address on every CPU.  Boot with\n"
			"  more than 896 MB: make run SMP=4 MEM=2G.\n");
		return false;
	}
	return true;
}

static void demo_one_pkmap(struct page *page, unsigned int other)
{
	char *p = kmap(page);

	demo_step("1. kmap() on CPU %u, read on CPU %u", smp_processor_id(),
		  other);
	snprintf(p, PAGE_SIZE, "page A, by CPU %u", smp_processor_id());
	kprintf("  kmap -> %p, pkmap slot %lu; CPU %u wrote \"%s\"\n",
		(void *)p, PKMAP_NR((unsigned long)p), smp_processor_id(), p);
	demo_peek(other, p);
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

static void demo_slots(struct page *page, unsigned int other)
{
	unsigned long mine, theirs;
	void *p = kmap_local_page(page);

	mine = (unsigned long)p;
	kunmap_local(p);
	theirs = (unsigned long)smp_call_on_cpu(other, kmap_local_on, page,
						false)
		 << PAGE_SHIFT;
	demo_step("2. kmap_local_page() of the same page on CPU %u and CPU %u",
		  smp_processor_id(), other);
	kprintf("  CPU %u: slot 0 at %#lx    CPU %u: slot 0 at %#lx\n",
		smp_processor_id(), mine, other, theirs);
	kprintf("  each CPU has its own 16 fixmap slots, %lu pages apart, and its own\n"
		"  stack of them: no lock, and no other CPU is told of a change\n",
		(mine - theirs) >> PAGE_SHIFT);
}

/* Step 3: a kmap_local address read on another CPU (returns it). */
static void *demo_private(struct page *a, struct page *c, unsigned int other)
{
	char *p = kmap_local_page(a);

	demo_step("3. A kmap_local address of CPU %u, read on CPU %u",
		  smp_processor_id(), other);
	snprintf(p, PAGE_SIZE, "page A, by CPU %u", smp_processor_id());
	kprintf("  CPU %u: kmap_local_page(A) -> %p, wrote \"%s\"\n",
		smp_processor_id(), (void *)p, p);
	demo_peek(other, p); /* the PTE is in the shared table: it works */
	kunmap_local(p);
	p = kmap_local_page(c);
	snprintf(p, PAGE_SIZE, "page C, by CPU %u", smp_processor_id());
	kprintf("  CPU %u: kunmap_local (INVLPG here only), then page C at the\n"
		"  same slot %p: \"%s\"\n",
		smp_processor_id(), (void *)p, p);
	demo_peek(other, p);
	kunmap_local(p);
	kprintf("  CPU %u: kunmap_local again; and CPU %u:\n",
		smp_processor_id(), other);
	demo_peek(other, p);
	kprintf("  CPU %u still reads page A, or nothing: its TLB kept what it\n"
		"  saw, and kmap_local never tells the others.  Good on its own CPU,\n"
		"  and only there.\n",
		other);
	return p;
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

static void demo_costs(struct page **pages)
{
	struct tlb_counts a, b;

	demo_step("4. kmap + kunmap of %d different pages", WRAP_PAGES);
	kmap_flush_unused();
	tlb_counts(&a);
	for (int i = 0; i < WRAP_PAGES; i++) {
		kmap(pages[i]);
		kunmap(pages[i]);
	}
	tlb_counts(&b);
	tlb_print(&a, &b);
	kprintf("  the cursor wrapped: the stale slots were cleared and every CPU\n"
		"  flushed its TLB, one IPI each, answered before kmap went on\n");

	demo_step("5. kmap_local_page + kunmap_local of the same %d pages",
		  WRAP_PAGES);
	tlb_counts(&a);
	for (int i = 0; i < WRAP_PAGES; i++)
		kunmap_local(kmap_local_page(pages[i]));
	tlb_counts(&b);
	tlb_print(&a, &b);
	kprintf("  no IPI at all: one INVLPG per unmap, on this CPU\n"
		"  see it live: oncpu 1 cat /proc/interrupts, cat /proc/vmstat\n");
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

static void demo_smp(void)
{
	unsigned int me = smp_processor_id(), other = 0, cpu;
	struct page **pages;
	unsigned long stale;

	if (!demo_smp_can_run())
		return;
	for_each_online_cpu(cpu) /* the first CPU that is not this one */
		if (cpu != me) {
			other = cpu;
			break;
		}
	pages = alloc_pages_array(WRAP_PAGES);
	if (!pages) {
		kprintf("demo smp: not enough free memory for %d pages\n",
			WRAP_PAGES);
		return;
	}
	kmap_flush_unused(); /* start with no stale slot */
	demo_one_pkmap(pages[0], other);
	demo_slots(pages[0], other);
	stale = (unsigned long)demo_private(pages[0], pages[1], other);
	demo_costs(pages);
	/* Leave no stale translation behind (step 3's, on the other CPU). */
	flush_tlb_kernel_range(stale & PAGE_MASK,
			       (stale & PAGE_MASK) + PAGE_SIZE);
	kmap_flush_unused();
	for (int i = 0; i < WRAP_PAGES; i++)
		__free_page(pages[i]);
	kfree(pages);
}
DEMO(smp, "kmap on several CPUs: one shared map, shootdowns; kmap_local: none",
     demo_smp);
