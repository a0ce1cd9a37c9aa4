// SPDX-License-Identifier: GPL-2.0
/*
 * smp_test.c - verifies that every CPU the firmware listed is online and
 * alive (its own APIC ID, its local timer ticking, its guarded stack), that
 * IPIs reach each CPU and are counted, that the call-function family
 * returns what ran where (and refuses CPUs that do not exist), that two
 * CPUs calling each other with interrupts off do not deadlock, that the
 * TLB shootdown counters move exactly as a flush says, and that a stale
 * TLB entry on another CPU really is flushed: CPU 1 keeps reading the old
 * page through a changed PTE until flush_tlb_kernel_range() reaches it.
 * And that a Ctrl-C is for the foreground CPU only: the one `oncpu` hands
 * the console to, not the CPU whose interrupt handler queued the ^C.
 *
 * With one CPU the cases that need a second one are skipped; the others
 * still check the single-CPU behaviour (local calls, local flushes).
 */
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/hardirq.h>
#include <asm/pgtable.h>
#include <asm/realmode.h>
#include <asm/tlbflush.h>
#include <console.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <printk.h>
#include <sched.h>
#include <seq_file.h>
#include <signal.h>
#include <smp.h>
#include <sprintf.h>
#include <string.h>
#include <time.h>
#include <uaccess.h>
#include <vmalloc.h>
#include <vmstat.h>

#include "smp_test_helpers.h"

struct whoami {
	unsigned int cpu; /* smp_processor_id() where it ran */
	unsigned int apicid; /* that CPU's APIC ID, from its APIC */
	unsigned int loc; /* its LOC count */
	bool irqs_off; /* the context it ran in */
};

static void whoami_func(void *arg)
{
	struct whoami *w = arg;

	w->cpu = smp_processor_id();
	w->apicid = read_apic_id();
	w->loc = this_cpu_read(irq_stat.apic_timer_irqs);
	w->irqs_off = irqs_disabled();
}

static void smp_every_cpu_is_online_and_alive(struct ktest *test)
{
	unsigned int cpu, expected = min(num_possible_cpus(), setup_max_cpus);

	KTEST_EXPECT_EQ(test, num_online_cpus(), expected);
	KTEST_EXPECT_TRUE(test, cpu_online(0));
	for_each_online_cpu(cpu) {
		struct whoami before = { 0 }, after = { 0 };

		KTEST_ASSERT_EQ(test,
				smp_call_function_single(cpu, whoami_func,
							 &before, true),
				0);
		/* Its local timer ticks every 10 ms: wait for one, up to 1 s. */
		for (int i = 0; i < 100 && after.loc <= before.loc; i++) {
			mdelay(10);
			smp_call_function_single(cpu, whoami_func, &after,
						 true);
		}
		KTEST_EXPECT_EQ(test, before.cpu, cpu);
		KTEST_EXPECT_EQ(test, before.apicid, cpu_physical_id(cpu));
		KTEST_EXPECT_GT(test, after.loc, before.loc);
	}
}

static void smp_each_ap_stack_has_a_guard_page(struct ktest *test)
{
	unsigned int cpu;
	u32 word;

	for_each_online_cpu(cpu) {
		unsigned long bottom = per_cpu(cpu_stack_bottom, cpu);

		KTEST_EXPECT_EQ(test, per_cpu(cpu_stack_top, cpu) - bottom,
				BOOT_STACK_SIZE);
		if (!cpu)
			continue; /* the boot stack's guard: the traps suite */
		KTEST_EXPECT_TRUE(test, is_vmalloc_addr((void *)bottom));
		KTEST_EXPECT_EQ(test, get_kernel_nofault(word, (u32 *)bottom),
				0);
		KTEST_EXPECT_NE(
			test, get_kernel_nofault(word, (u32 *)(bottom - 4)), 0);
	}
}

static void smp_trampoline_page_is_below_1mb(struct ktest *test)
{
	if (nr_cpu_ids < 2)
		ktest_skip(test, "one CPU: no trampoline is reserved");
	KTEST_EXPECT_NE(test, real_mode_phys, 0);
	KTEST_EXPECT_LT(test, real_mode_phys, 1UL << 20);
	KTEST_EXPECT_TRUE(test, IS_ALIGNED(real_mode_phys, PAGE_SIZE));
	KTEST_EXPECT_TRUE(
		test, PageReserved(pfn_to_page(real_mode_phys >> PAGE_SHIFT)));
}

static void smp_ipis_reach_each_cpu_and_are_counted(struct ktest *test)
{
	unsigned int cpu, me = smp_processor_id();

	ktest_other_cpu(test);
	for_each_online_cpu(cpu) {
		unsigned int cal = irq_stats(cpu)->irq_call_count;
		struct whoami w = { .cpu = ~0U };

		if (cpu == me)
			continue;
		smp_call_function_single(cpu, whoami_func, &w, true);
		KTEST_EXPECT_EQ(test, w.cpu, cpu);
		/* In its IPI handler (or its wait loop, if it waits for us). */
		KTEST_EXPECT_TRUE(test, w.irqs_off);
		KTEST_EXPECT_EQ(test, irq_stats(cpu)->irq_call_count, cal + 1);
	}
}

static void smp_call_function_single_refuses_missing_cpus(struct ktest *test)
{
	struct whoami w = { .cpu = ~0U };

	KTEST_EXPECT_EQ(test,
			smp_call_function_single(nr_cpu_ids, whoami_func, &w,
						 true),
			-ENXIO);
	KTEST_EXPECT_EQ(test,
			smp_call_function_single(NR_CPUS + 5, whoami_func, &w,
						 true),
			-ENXIO);
	KTEST_EXPECT_EQ(test, w.cpu, ~0U); /* never ran */
	/* This CPU: run directly, with interrupts off as on the others. */
	KTEST_EXPECT_EQ(test,
			smp_call_function_single(smp_processor_id(),
						 whoami_func, &w, true),
			0);
	KTEST_EXPECT_EQ(test, w.cpu, smp_processor_id());
	KTEST_EXPECT_TRUE(test, w.irqs_off);
}

static atomic_t ran_count;
static unsigned long ran_mask;

static void count_func(void *arg)
{
	set_bit(smp_processor_id(), &ran_mask);
	atomic_inc(&ran_count);
}

static void smp_on_each_cpu_runs_once_everywhere(struct ktest *test)
{
	atomic_set(&ran_count, 0);
	ran_mask = 0;
	on_each_cpu(count_func, NULL, true);
	KTEST_EXPECT_EQ(test, atomic_read(&ran_count), (int)num_online_cpus());
	KTEST_EXPECT_EQ(test, ran_mask, cpu_online_mask->bits);

	atomic_set(&ran_count, 0);
	smp_call_function(count_func, NULL, true); /* the others only */
	KTEST_EXPECT_EQ(test, atomic_read(&ran_count),
			(int)num_online_cpus() - 1);
}

static void smp_async_calls_all_complete(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	int expected = 1000;
	u64 start = rdtsc();

	atomic_set(&ran_count, 0);
	for (int i = 0; i < expected; i++)
		smp_call_function_single(cpu, count_func, NULL, false);
	while (atomic_read(&ran_count) < expected &&
	       rdtsc() - start < 5000ULL * tsc_khz)
		cpu_relax();
	KTEST_EXPECT_EQ(test, atomic_read(&ran_count), expected);
}

/* Runs on another CPU, in its IPI handler: calls back, and waits. */
static void call_back_func(void *arg)
{
	struct whoami *w = arg;

	smp_call_function_single(0, whoami_func, w, true);
}

static void smp_nested_calls_with_irqs_off_do_not_deadlock(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	struct whoami w = { .cpu = ~0U };
	unsigned long flags;

	if (smp_processor_id())
		ktest_skip(test, "runs from CPU 0 (it calls CPU 0 back)");
	local_irq_save(flags);
	smp_call_function_single(cpu, call_back_func, &w, true);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(test, w.cpu, 0);
}

struct process_context {
	unsigned int cpu;
	bool in_interrupt, irqs_on;
};

static int process_context_func(void *arg)
{
	struct process_context *pc = arg;

	pc->cpu = smp_processor_id();
	pc->in_interrupt = in_interrupt();
	pc->irqs_on = !irqs_disabled();
	return 100 + (int)pc->cpu;
}

static void smp_call_on_cpu_runs_in_process_context(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	unsigned int res = irq_stats(cpu)->irq_resched_count;
	struct process_context pc = { .cpu = ~0U };

	KTEST_EXPECT_EQ(test,
			smp_call_on_cpu(cpu, process_context_func, &pc, false),
			100 + (int)cpu);
	KTEST_EXPECT_EQ(test, pc.cpu, cpu);
	KTEST_EXPECT_FALSE(test, pc.in_interrupt);
	KTEST_EXPECT_TRUE(test, pc.irqs_on);
	/*
	 * Its idle loop may find the work at a tick before the IPI lands
	 * (a loaded host delays it): wait for the IPI, up to 1 s.
	 */
	for (int i = 0;
	     i < 100 && READ_ONCE(irq_stats(cpu)->irq_resched_count) == res;
	     i++)
		mdelay(10);
	KTEST_EXPECT_EQ(test, irq_stats(cpu)->irq_resched_count, res + 1);
	KTEST_EXPECT_EQ(test,
			smp_call_on_cpu(nr_cpu_ids, process_context_func, &pc,
					false),
			-ENXIO);
}

struct tlb_counts {
	unsigned long events[NR_VM_EVENT_ITEMS];
	unsigned int tlb_row[NR_CPUS];
};

static void tlb_counts_snapshot(struct tlb_counts *c)
{
	unsigned int cpu;

	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		c->events[i] = sum_vm_event((enum vm_event_item)i);
	for_each_online_cpu(cpu)
		c->tlb_row[cpu] = irq_stats(cpu)->irq_tlb_count;
}

#define EVENT_DELTA(a, b, item) ((b)->events[item] - (a)->events[item])

static void expect_remote(struct ktest *test, const struct tlb_counts *a,
			  const struct tlb_counts *b)
{
	unsigned int cpu, others = num_online_cpus() - 1;

	KTEST_EXPECT_EQ(test, EVENT_DELTA(a, b, NR_TLB_REMOTE_FLUSH),
			others ? 1 : 0);
	KTEST_EXPECT_EQ(test, EVENT_DELTA(a, b, NR_TLB_REMOTE_FLUSH_RECEIVED),
			others);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(test, b->tlb_row[cpu] - a->tlb_row[cpu],
				cpu == smp_processor_id() ? 0 : 1);
}

static void smp_shootdown_counters_move_as_expected(struct ktest *test)
{
	unsigned long addr = VMALLOC_START;
	struct tlb_counts a, b;

	tlb_counts_snapshot(&a);
	flush_tlb_kernel_range(addr, addr + PAGE_SIZE);
	tlb_counts_snapshot(&b);
	expect_remote(test, &a, &b);
	KTEST_EXPECT_EQ(test, EVENT_DELTA(&a, &b, NR_TLB_LOCAL_FLUSH_ONE), 1);
	KTEST_EXPECT_EQ(test, EVENT_DELTA(&a, &b, NR_TLB_LOCAL_FLUSH_ALL), 0);

	/* 33 pages: still page by page; 34: the whole TLB. */
	tlb_counts_snapshot(&a);
	flush_tlb_kernel_range(addr, addr + 33 * PAGE_SIZE);
	tlb_counts_snapshot(&b);
	KTEST_EXPECT_EQ(test, EVENT_DELTA(&a, &b, NR_TLB_LOCAL_FLUSH_ONE), 33);
	KTEST_EXPECT_EQ(test, EVENT_DELTA(&a, &b, NR_TLB_LOCAL_FLUSH_ALL), 0);
	tlb_counts_snapshot(&a);
	flush_tlb_kernel_range(addr, addr + 34 * PAGE_SIZE);
	tlb_counts_snapshot(&b);
	expect_remote(test, &a, &b);
	KTEST_EXPECT_EQ(test, EVENT_DELTA(&a, &b, NR_TLB_LOCAL_FLUSH_ONE), 0);
	KTEST_EXPECT_EQ(test, EVENT_DELTA(&a, &b, NR_TLB_LOCAL_FLUSH_ALL), 1);

	tlb_counts_snapshot(&a);
	flush_tlb_all();
	tlb_counts_snapshot(&b);
	expect_remote(test, &a, &b);
	KTEST_EXPECT_EQ(test, EVENT_DELTA(&a, &b, NR_TLB_LOCAL_FLUSH_ALL), 1);
}

struct remote_read {
	const u32 *addr;
	u32 value;
	long err;
};

static void remote_read_func(void *arg)
{
	struct remote_read *r = arg;

	r->err = get_kernel_nofault(r->value, r->addr);
}

static u32 read_on(struct ktest *test, unsigned int cpu, const u32 *addr)
{
	struct remote_read r = { .addr = addr };

	smp_call_function_single(cpu, remote_read_func, &r, true);
	KTEST_EXPECT_EQ(test, r.err, 0);
	return r.value;
}

#define OLD_MAGIC 0x01d01d01U
#define NEW_MAGIC 0x0e70e70eU

static void smp_stale_tlb_entry_on_another_cpu_is_flushed(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	u32 *addr = vmalloc(PAGE_SIZE);
	struct page *new_page = alloc_page(GFP_KERNEL);
	pte_t *ptep, old_pte;
	enum pg_level level;

	KTEST_ASSERT_NOT_NULL(test, addr);
	KTEST_ASSERT_NOT_NULL(test, new_page);
	*addr = OLD_MAGIC;
	*(u32 *)page_address(new_page) = NEW_MAGIC;
	KTEST_EXPECT_EQ(test, read_on(test, cpu, addr), OLD_MAGIC);

	/* Point the PTE at the new page; flush only this CPU's TLB. */
	ptep = lookup_address((unsigned long)addr, &level);
	KTEST_ASSERT_NOT_NULL(test, ptep);
	old_pte = *ptep;
	set_pte(ptep, pfn_pte(page_to_pfn(new_page), PAGE_KERNEL));
	__flush_tlb_one((unsigned long)addr);
	KTEST_EXPECT_EQ(test, *addr, NEW_MAGIC);
	/* The other CPU still has the old translation in its TLB... */
	KTEST_EXPECT_EQ(test, read_on(test, cpu, addr), OLD_MAGIC);
	/* ...until the shootdown reaches it. */
	flush_tlb_kernel_range((unsigned long)addr,
			       (unsigned long)addr + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, read_on(test, cpu, addr), NEW_MAGIC);

	set_pte(ptep, old_pte);
	flush_tlb_kernel_range((unsigned long)addr,
			       (unsigned long)addr + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, read_on(test, cpu, addr), OLD_MAGIC);
	vfree(addr);
	__free_page(new_page);
}

static void smp_pkmap_address_is_one_mapping_for_all(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	struct page *page = alloc_page(GFP_HIGHMEM);
	u32 *addr;

	KTEST_ASSERT_NOT_NULL(test, page);
	addr = kmap(page);
	KTEST_ASSERT_NOT_NULL(test, addr);
	*addr = NEW_MAGIC ^ page_to_pfn(page);
	KTEST_EXPECT_EQ(test, read_on(test, cpu, addr),
			NEW_MAGIC ^ page_to_pfn(page));
	kunmap(page);
	kmap_flush_unused(); /* no stale slot left to the next user */
	__free_page(page);
}

/* The two flushes mm/ makes now reach every CPU. */
static void smp_pkmap_and_vmalloc_flushes_are_shootdowns(struct ktest *test)
{
	struct page *page = alloc_page(GFP_HIGHMEM);
	struct tlb_counts a, b;
	void *area;

	KTEST_ASSERT_NOT_NULL(test, page);
	if (PageHighMem(page)) { /* else no highmem: no pkmap slot either */
		kmap_flush_unused();
		kmap(page);
		kunmap(page); /* a stale pkmap slot, flushed at the next wrap */
		tlb_counts_snapshot(&a);
		kmap_flush_unused(); /* the wrap's flush, on demand */
		tlb_counts_snapshot(&b);
		expect_remote(test, &a, &b);
		KTEST_EXPECT_EQ(test,
				EVENT_DELTA(&a, &b, NR_TLB_LOCAL_FLUSH_ALL), 1);
	}
	__free_page(page);

	area = vmalloc(PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, area);
	vfree(area); /* lazily: unmapped, its TLB entries wait for a purge */
	tlb_counts_snapshot(&a);
	vmalloc_purge();
	tlb_counts_snapshot(&b);
	expect_remote(test, &a, &b);
	KTEST_EXPECT_EQ(test, EVENT_DELTA(&a, &b, NR_TLB_LOCAL_FLUSH_ALL), 1);
}

static void print_lines_func(void *arg)
{
	const char *who = arg;

	for (int i = 0; i < 100; i++) {
		pr_info("smp-printk %s-%03d %s-whole-line\n", who, i, who);
		pr_info("smp-printk %s-%03d %s-first-half ", who, i, who);
		pr_cont("%s-second-half\n", who);
	}
}

/* Every log line since mark that mentions smp-printk has one writer. */
static void expect_unmixed_lines(struct ktest *test, printk_mark_t mark)
{
	static char log[65536];
	unsigned int whole = 0;
	char *line, *rest = log;

	printk_since(mark, log, sizeof(log));
	while ((line = strsep(&rest, "\n")) != NULL) {
		bool a = strstr(line, "A-"), b = strstr(line, "B-");

		if (!strstr(line, "smp-printk"))
			continue;
		KTEST_EXPECT_FALSE(test, a && b);
		if (strstr(line, "-whole-line"))
			whole++;
	}
	KTEST_EXPECT_EQ(test, whole, 200);
}

static void smp_printk_lines_from_two_cpus_do_not_mix(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	printk_mark_t mark = printk_mark();
	int level = console_loglevel;

	console_loglevel = 1; /* into the log only: quicker, and quieter */
	smp_call_function_single(cpu, print_lines_func, "B", false);
	print_lines_func("A");
	/* The queue runs in order: once this one ran, B's lines are out. */
	smp_call_function_single(cpu, count_func, NULL, true);
	console_loglevel = level;
	expect_unmixed_lines(test, mark);
}

static void smp_each_cpu_has_its_own_double_fault_task(struct ktest *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		const struct x86_hw_tss *df = &per_cpu(doublefault_tss, cpu);

		KTEST_EXPECT_EQ(test, df->cr3, __pa(swapper_pg_dir));
		KTEST_EXPECT_EQ(test, df->fs, __KERNEL_PERCPU);
		/* Its stack is in that CPU's per-CPU area. */
		KTEST_EXPECT_GE(test, df->sp,
				(u32)per_cpu_offset(cpu) +
					(u32)(unsigned long)__per_cpu_start);
		KTEST_EXPECT_LE(test, df->sp,
				(u32)per_cpu_offset(cpu) +
					(u32)(unsigned long)__per_cpu_end);
	}
}

static bool proc_has(const char *file, const char *text, char *buf, size_t size)
{
	return proc_read(file, buf, size) > 0 && strstr(buf, text);
}

static void smp_proc_files_show_every_cpu(struct ktest *test)
{
	static char buf[16384];
	unsigned int cpu;
	char want[32];

	for_each_online_cpu(cpu) {
		snprintf(want, sizeof(want), "processor\t: %u\n", cpu);
		KTEST_EXPECT_TRUE(test,
				  proc_has("cpuinfo", want, buf, sizeof(buf)));
		snprintf(want, sizeof(want), "CPU%-8u", cpu);
		KTEST_EXPECT_TRUE(test, proc_has("interrupts", want, buf,
						 sizeof(buf)));
	}
	snprintf(want, sizeof(want), "processor\t: %u\n", num_online_cpus());
	KTEST_EXPECT_FALSE(test, proc_has("cpuinfo", want, buf, sizeof(buf)));
	KTEST_EXPECT_TRUE(test, proc_has("interrupts", "TLB shootdowns", buf,
					 sizeof(buf)));
	KTEST_EXPECT_TRUE(test, proc_has("interrupts", "Function call", buf,
					 sizeof(buf)));
	KTEST_EXPECT_TRUE(test, proc_has("vmstat", "\nnr_tlb_remote_flush ",
					 buf, sizeof(buf)));
	KTEST_EXPECT_TRUE(test, proc_has("vmstat", "\nnr_tlb_local_flush_one ",
					 buf, sizeof(buf)));
}

/* This CPU's idle task's pending ^C, which it then flushes: 1 if one. */
static int take_sigint(void *unused)
{
	bool pending = signal_pending(current);

	flush_signals(current);
	return pending;
}

static void smp_ctrl_c_is_for_the_foreground_cpu(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	struct task_struct *idle = idle_task((int)cpu);
	struct task_struct *prev = console_set_foreground(idle);

	KTEST_EXPECT_PTR_EQ(test, prev, current); /* init: the shell, ktest */
	console_input_char(0x03); /* as the serial or keyboard driver does */
	KTEST_EXPECT_FALSE(test, signal_pending(current));
	KTEST_EXPECT_TRUE(test, signal_pending(idle)); /* that CPU's command */
	KTEST_EXPECT_EQ(test, smp_call_on_cpu(cpu, take_sigint, NULL, false),
			1);
	KTEST_EXPECT_EQ(test, smp_call_on_cpu(cpu, take_sigint, NULL, false),
			0);
	KTEST_EXPECT_PTR_EQ(test, console_set_foreground(prev), idle);
	/* The console is back here: the next ^C is this task's. */
	console_input_char(0x03);
	KTEST_EXPECT_TRUE(test, signal_pending(current));
	KTEST_EXPECT_EQ(test, smp_call_on_cpu(cpu, take_sigint, NULL, false),
			0);
	console_drop_intr();
	flush_signals(current);
	KTEST_EXPECT_EQ(test, console_trygetc(), -1); /* no ^C left queued */
}

static const struct ktest_case smp_cases[] = {
	KTEST_CASE(smp_every_cpu_is_online_and_alive),
	KTEST_CASE(smp_each_ap_stack_has_a_guard_page),
	KTEST_CASE(smp_trampoline_page_is_below_1mb),
	KTEST_CASE(smp_ipis_reach_each_cpu_and_are_counted),
	KTEST_CASE(smp_call_function_single_refuses_missing_cpus),
	KTEST_CASE(smp_on_each_cpu_runs_once_everywhere),
	KTEST_CASE(smp_async_calls_all_complete),
	KTEST_CASE(smp_nested_calls_with_irqs_off_do_not_deadlock),
	KTEST_CASE(smp_call_on_cpu_runs_in_process_context),
	KTEST_CASE(smp_shootdown_counters_move_as_expected),
	KTEST_CASE(smp_stale_tlb_entry_on_another_cpu_is_flushed),
	KTEST_CASE(smp_pkmap_address_is_one_mapping_for_all),
	KTEST_CASE(smp_pkmap_and_vmalloc_flushes_are_shootdowns),
	KTEST_CASE(smp_printk_lines_from_two_cpus_do_not_mix),
	KTEST_CASE(smp_each_cpu_has_its_own_double_fault_task),
	KTEST_CASE(smp_proc_files_show_every_cpu),
	KTEST_CASE(smp_ctrl_c_is_for_the_foreground_cpu),
	{}
};
KTEST_SUITE(smp, smp_cases);
