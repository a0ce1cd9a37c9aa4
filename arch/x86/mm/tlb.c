// SPDX-License-Identifier: GPL-2.0
/*
 * tlb.c - TLB shootdowns: flushing a kernel range on every CPU.
 *
 * The kernel's page tables are shared by every CPU, their TLBs are not.
 * flush_tlb_kernel_range() runs the flush on this CPU and, through
 * on_each_cpu() (kernel/smp.c), on every other online CPU, and returns
 * only when all of them have done it: after that no CPU can still reach
 * the old page through a stale translation.  A range of up to
 * tlb_single_page_flush_ceiling pages is flushed with one INVLPG per page;
 * a larger one (or TLB_FLUSH_ALL) flushes the whole TLB, global entries
 * included, since INVLPG per page would cost more than refilling the TLB
 * (Linux's reasoning and number, Documentation/x86/tlb.rst).
 *
 * The counters follow Linux's meaning:
 *  - /proc/vmstat nr_tlb_remote_flush: on the CPU that asks, once per
 *    shootdown that reaches at least one other CPU;
 *  - nr_tlb_remote_flush_received and the TLB row of /proc/interrupts: on
 *    each CPU that did a flush for another;
 *  - nr_tlb_local_flush_all / _one: on the asking CPU, for its own flush
 *    (whole TLB / pages).
 * Linux 6.1 counts kernel-range flushes a little differently (its TLB row
 * moves only for user address spaces); here every shootdown is visible.
 */
#include <asm/hardirq.h>
#include <asm/memlayout.h>
#include <asm/tlbflush.h>
#include <cpumask.h>
#include <sched.h>
#include <smp.h>
#include <vmstat.h>

unsigned long tlb_single_page_flush_ceiling = 33;

struct flush_tlb_info {
	unsigned long start, end; /* end == TLB_FLUSH_ALL: everything */
	unsigned int initiator; /* the CPU that asked */
};

static void flush_tlb_func(void *arg)
{
	const struct flush_tlb_info *f = arg;
	bool local = smp_processor_id() == f->initiator;
	unsigned long nr = 0;

	if (f->end == TLB_FLUSH_ALL) {
		__flush_tlb_all();
	} else {
		for (unsigned long addr = f->start; addr < f->end;
		     addr += PAGE_SIZE, nr++)
			__flush_tlb_one(addr);
	}
	if (!local) {
		inc_irq_stat(irq_tlb_count);
		count_vm_tlb_event(NR_TLB_REMOTE_FLUSH_RECEIVED);
	} else if (f->end == TLB_FLUSH_ALL) {
		count_vm_tlb_event(NR_TLB_LOCAL_FLUSH_ALL);
	} else {
		count_vm_tlb_events(NR_TLB_LOCAL_FLUSH_ONE, (long)nr);
	}
}

static void flush_tlb_on_each_cpu(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { .start = start, .end = end };

	info.initiator = get_cpu();
	if (num_online_cpus() > 1)
		count_vm_tlb_event(NR_TLB_REMOTE_FLUSH);
	on_each_cpu(flush_tlb_func, &info, true);
	put_cpu();
}

void flush_tlb_all(void)
{
	flush_tlb_on_each_cpu(0, TLB_FLUSH_ALL);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	start &= PAGE_MASK;
	if (end == TLB_FLUSH_ALL ||
	    (end - start) > tlb_single_page_flush_ceiling << PAGE_SHIFT)
		flush_tlb_all();
	else if (start < end)
		flush_tlb_on_each_cpu(start, end);
}

void flush_tlb_mm_page(struct mm_struct *mm, unsigned long addr)
{
	addr &= PAGE_MASK;
	if (num_online_cpus() == 1) {
		if (current->mm == mm)
			__flush_tlb_one(addr);
		return;
	}
	flush_tlb_on_each_cpu(addr, addr + PAGE_SIZE);
}
