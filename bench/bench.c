// SPDX-License-Identifier: GPL-2.0
/*
 * bench.c - boot mode `bench`: what each memory operation costs.
 *
 * Every row of the tables in bench_*.c is measured the same way: set up,
 * run one batch untimed (the warm-up: slabs and page tables exist, the
 * lists are in their steady state), then time BENCH_BATCHES batches of n
 * operations with the TSC, interrupts off, and report the median batch
 * divided by n.  The fixed cost of a batch (the indirect call, the two
 * TSC reads) is measured once per row with n = 0 and subtracted, so what
 * remains is the loop: the operation and the loop's own two or three
 * instructions.
 *
 * Under QEMU with `-icount shift=0,sleep=off` the guest TSC advances by
 * exactly one per guest instruction: the numbers are then instruction
 * counts, identical from run to run and from machine to machine.  On real
 * hardware (or KVM) the same code measures cycles, and the median keeps an
 * interrupt or a cache miss in one batch out of the result.
 *
 * Each family has a floor row (the smallest code that does the job's
 * unavoidable part) and every row names its family's floor: the line
 * gives the ratio.  Output, one line per row, for bench/bench.py:
 *
 *   bench: kmalloc64_kfree per_op=58.00 floor=floor_freelist ratio=5.80 \
 *          ops=4096 min=58.00 max=58.00 desc="kmalloc(64) + kfree"
 *
 * `bench.iters=N` sets the operations per batch of the cheapest rows
 * (default 4096, at most BENCH_ITERS_MAX; costly rows take N >> shift), so
 * a test can run it tiny.  From the shell, Ctrl-C stops the run between
 * two batches (a batch runs with interrupts off).
 *
 * The shell's `bench` prints the same rows as a table for people, in the
 * unit that is true in that boot: instructions when the TSC counts them
 * (bench_counts_instructions() checks it on a loop of known length), TSC
 * ticks otherwise, and then without the floor ratios, which compare
 * instruction counts and mean nothing for ticks of emulated time.
 */
#include <asm/processor.h>
#include <bench.h>
#include <cmdline.h>
#include <console.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <reboot.h>
#include <sched.h>
#include <shell.h>
#include <signal.h>
#include <sort.h>
#include <sprintf.h>
#include <string.h>
#include <time.h>

#define BENCH_BATCHES 7 /* odd: the median is one of them */
#define BENCH_ITERS_DEFAULT 4096
#define BENCH_ITERS_MAX (1UL << 18) /* the longest batch: about 1 s of TCG */
#define BENCH_MAX_ROWS 64 /* rows whose result a later row may need */

unsigned long bench_iters = BENCH_ITERS_DEFAULT;

/* The rows measured so far: a row's floor comes earlier in its table. */
struct bench_result {
	const char *id;
	u64 per_op_x100; /* hundredths of an instruction (or cycle) */
};

static struct bench_result results[BENCH_MAX_ROWS];
static unsigned int nr_results;
static char note[128];
static bool bench_table; /* the shell's table, not bench.py's lines */
static bool bench_icount; /* the TSC counts instructions in this boot */

#define BENCH_PROBE_LOOPS 10000 /* `dec; jnz`: 2 instructions each */

/*
 * Does the TSC count guest instructions (QEMU -icount shift=0)?  Then a
 * loop of 2 x BENCH_PROBE_LOOPS instructions reads as that many ticks,
 * plus the few of rdtsc itself; as time (TCG without -icount, KVM, real
 * hardware) it does not.
 */
static bool bench_counts_instructions(void)
{
	u64 best = ~0ULL;

	for (int i = 0; i < 3; i++) {
		unsigned long flags, n = BENCH_PROBE_LOOPS;
		u64 t0, t1;

		local_irq_save(flags);
		t0 = rdtsc_ordered();
		__asm__ __volatile__("1: dec %0\n\tjnz 1b" : "+r"(n));
		t1 = rdtsc_ordered();
		local_irq_restore(flags);
		best = min(best, t1 - t0);
	}
	return best >= 2 * BENCH_PROBE_LOOPS &&
	       best < 2 * BENCH_PROBE_LOOPS + 64;
}

static int __init parse_bench_iters(char *arg)
{
	unsigned long n;

	if (!arg || kstrtoul(arg, 0, &n) || !n || n > BENCH_ITERS_MAX) {
		pr_err("bench.iters=%s: not a number from 1 to %lu; using %lu\n",
		       arg ? arg : "", BENCH_ITERS_MAX, bench_iters);
		return -EINVAL;
	}
	bench_iters = n;
	return 0;
}
early_param("bench.iters", parse_bench_iters);

void bench_note(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(note, sizeof(note), fmt, args);
	va_end(args);
}

/*
 * One batch of n operations: TSC ticks, interrupts off.  GFP_KERNEL work
 * with interrupts off is what might_sleep() reports (preempt.h); here it
 * is deliberate, to time the operation alone, so the check is off for
 * the batch.
 */
static u64 bench_batch(const struct bench_op *op, unsigned long n)
{
	bool check = debug_atomic_sleep;
	unsigned long flags;
	u64 t0, t1;

	if (op->prepare)
		op->prepare();
	debug_atomic_sleep = false;
	local_irq_save(flags);
	t0 = rdtsc_ordered();
	op->run(n);
	t1 = rdtsc_ordered();
	local_irq_restore(flags);
	debug_atomic_sleep = check;
	return t1 - t0;
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* Hundredths per operation, rounded to nearest. */
static u64 per_op_x100(u64 ticks, unsigned long n)
{
	return (ticks * 100 + n / 2) / n;
}

static const struct bench_result *bench_find(const char *id)
{
	for (unsigned int i = 0; i < nr_results; i++)
		if (!strcmp(results[i].id, id))
			return &results[i];
	return NULL;
}

static void bench_record(const char *id, u64 x100)
{
	if (nr_results < BENCH_MAX_ROWS)
		results[nr_results++] = (struct bench_result){ id, x100 };
}

/* "5.80" for x100 = 580; ratio "a/b" with two decimals. */
static void fmt_x100(char *buf, size_t size, u64 x100)
{
	snprintf(buf, size, "%llu.%02llu", x100 / 100, x100 % 100);
}

/* A row of the shell's table: what, per operation, and x floor if true. */
static void bench_print_row(const char *desc, u64 med, u64 ratio_x100)
{
	char per[24], ratio[24] = "";

	fmt_x100(per, sizeof(per), med);
	/* x5.8, x27, x3616: as many digits as the column holds. */
	if (bench_icount && ratio_x100 >= 1000)
		snprintf(ratio, sizeof(ratio), "x%llu",
			 (ratio_x100 + 50) / 100);
	else if (bench_icount && ratio_x100)
		snprintf(ratio, sizeof(ratio), "x%llu.%llu",
			 (ratio_x100 + 5) / 100, (ratio_x100 + 5) / 10 % 10);
	kprintf("  %-57s %12s %6s\n", desc, per, ratio);
}

static void bench_print(const struct bench_op *op, u64 med, u64 lo, u64 hi,
			unsigned long n)
{
	const struct bench_result *floor = op->floor ? bench_find(op->floor) :
						       NULL;
	char per[24], mn[24], mx[24], ratio[24] = "-";

	fmt_x100(per, sizeof(per), med);
	fmt_x100(mn, sizeof(mn), lo);
	fmt_x100(mx, sizeof(mx), hi);
	if (floor && floor->per_op_x100)
		fmt_x100(ratio, sizeof(ratio),
			 (med * 100 + floor->per_op_x100 / 2) /
				 floor->per_op_x100);
	if (bench_table) {
		bench_print_row(op->desc, med,
				floor && floor->per_op_x100 ?
					(med * 100 + floor->per_op_x100 / 2) /
						floor->per_op_x100 :
					0);
		return;
	}
	pr_info("bench: %s per_op=%s floor=%s ratio=%s ops=%lu min=%s max=%s desc=\"%s\"%s%s%s\n",
		op->id, per, op->floor ? op->floor : "-", ratio, n, mn, mx,
		op->desc, note[0] ? " note=\"" : "", note, note[0] ? "\"" : "");
}

/* Set up, warm up, time the batches, print, tear down. */
static void bench_one(const struct bench_op *op)
{
	unsigned long n = op->once ? 1 : max(bench_iters >> op->shift, 1UL);
	const char *skip;
	u64 ticks[BENCH_BATCHES], empty;

	note[0] = '\0';
	skip = op->setup ? op->setup() : NULL;
	if (skip && bench_table) {
		kprintf("  %-57s %12s\n    (%s)\n", op->desc, "skipped", skip);
		return;
	}
	if (skip) {
		pr_info("bench: %s skipped desc=\"%s\" note=\"%s\"\n", op->id,
			op->desc, skip);
		return;
	}
	bench_batch(op, n);
	empty = bench_batch(op, 0);
	for (int b = 0; b < BENCH_BATCHES; b++) {
		u64 t = bench_batch(op, n);

		ticks[b] = t > empty ? t - empty : 0;
		if (signal_pending(current))
			break; /* the teardown still runs: nothing is kept */
	}
	if (op->teardown)
		op->teardown();
	if (signal_pending(current))
		return;
	sort(ticks, BENCH_BATCHES, sizeof(ticks[0]), cmp_u64);
	bench_record(op->id, per_op_x100(ticks[BENCH_BATCHES / 2], n));
	bench_print(op, per_op_x100(ticks[BENCH_BATCHES / 2], n),
		    per_op_x100(ticks[0], n),
		    per_op_x100(ticks[BENCH_BATCHES - 1], n), n);
}

/* The boot rows: the TSC at kernel entry and at the prompt. */
static void bench_boot(void)
{
	if (bench_table) {
		bench_print_row("boot: kernel entry to the prompt",
				(boot_done_tsc - boot_tsc) * 100, 0);
		bench_print_row(
			"boot: reset to kernel entry (firmware, loader)",
			boot_tsc * 100, 0);
		return;
	}
	pr_info("bench: boot_to_prompt per_op=%llu.00 floor=- ratio=- ops=1 min=%llu.00 max=%llu.00 desc=\"boot: kernel entry to the prompt\"\n",
		boot_done_tsc - boot_tsc, boot_done_tsc - boot_tsc,
		boot_done_tsc - boot_tsc);
	pr_info("bench: boot_firmware per_op=%llu.00 floor=- ratio=- ops=1 min=%llu.00 max=%llu.00 desc=\"boot: reset to kernel entry (firmware, loader)\"\n",
		boot_tsc, boot_tsc, boot_tsc);
}

void bench_run(void)
{
	static const struct bench_op *const families[] = {
		bench_floor_ops, bench_slab_ops,      bench_page_ops,
		bench_map_ops,	 bench_vmalloc_ops,   bench_smp_ops,
		bench_dma_ops,	 bench_pagecache_ops,
	};
	bool checks = debug_atomic_sleep;

	/*
	 * The rows allocate GFP_KERNEL with interrupts off, as Linux is timed
	 * (tools/linux/kbench); Debian's kernel has no might_sleep() checks
	 * (CONFIG_DEBUG_ATOMIC_SLEEP is off there), so none while timing.
	 */
	debug_atomic_sleep = false;
	nr_results = 0;
	if (!bench_table)
		pr_info("bench: start iters=%lu batches=%d ram=%luMB highmem=%luMB\n",
			bench_iters, BENCH_BATCHES, totalram_pages() >> 8,
			totalhigh_pages() >> 8);
	for (unsigned int f = 0; f < ARRAY_SIZE(families); f++) {
		for (const struct bench_op *op = families[f]; op->id; op++) {
			bench_one(op);
			if (signal_pending(current)) {
				pr_info("bench: interrupted by Ctrl-C at %s, after %u rows\n",
					op->id, nr_results);
				return;
			}
		}
		if (bench_table)
			kprintf("\n");
	}
	bench_boot();
	if (!bench_table)
		pr_info("bench: done rows=%u\n", nr_results + 2);
	debug_atomic_sleep = checks;
}

/* Boot mode `bench`: every row, then leave QEMU. */
static void bench_mode_run(void)
{
	set_current_comm("bench");
	bench_run();
	qemu_exit(QEMU_EXIT_SUCCESS);
}
BOOT_MODE(bench, bench_mode_run);

static int __init set_mode_bench(char *arg)
{
	panic_exits_qemu = true;
	console_set_columns(0); /* bench.py reads whole lines */
	return boot_mode_select("bench");
}
early_param("bench", set_mode_bench);

static void bench_table_header(void)
{
	kprintf("bench: cost per operation, the median of %d batches of up to %lu\n",
		BENCH_BATCHES, bench_iters);
	if (bench_icount) {
		kprintf("unit: instructions (QEMU -icount: the TSC counts them);\n"
			"  floor: how many times its family's floor row it costs\n");
		kprintf("  %-57s %12s %6s\n", "operation", "instructions",
			"floor");
		return;
	}
	kprintf("unit: TSC ticks (%lu.%03lu MHz), not instructions: this boot has\n"
		"  no -icount, so they are time, and under emulation time of the\n"
		"  emulator too; make bench counts instructions\n",
		tsc_khz / 1000, tsc_khz % 1000);
	kprintf("  %-57s %12s\n", "operation", "TSC ticks");
}

static int cmd_bench(int argc, char **argv)
{
	unsigned long saved = bench_iters, n;

	if (argc > 2 || (argc == 2 && (kstrtoul(argv[1], 0, &n) || !n)))
		return shell_usage(argv[0]);
	if (argc == 2 && n > BENCH_ITERS_MAX) {
		pr_err("bench: ITERS %lu is more than %lu: refused (a batch runs with interrupts off)\n",
		       n, BENCH_ITERS_MAX);
		return -EINVAL;
	}
	if (argc == 2)
		bench_iters = n;
	bench_icount = bench_counts_instructions();
	bench_table_header();
	bench_table = true;
	bench_run();
	bench_table = false;
	bench_iters = saved;
	return 0;
}
SHELL_COMMAND(bench, "[ITERS]", "what each memory operation costs",
	      SHELL_TOPIC_SYSTEM, cmd_bench,
	      .detail = "Times every benchmark row of make bench on this "
			"boot: ITERS operations per batch (default 4096, at "
			"most 262144), the median of 7 batches, interrupts "
			"off; Ctrl-C stops it between two batches.  The unit is "
			"whatever the TSC counts here: guest instructions "
			"under QEMU's -icount (as make bench boots), else TSC "
			"ticks, which under emulation measure the emulator "
			"too and vary from run to run; floor ratios are shown "
			"only for instructions.",
	      .see = "make bench (128M, 2G and 3G, with -icount), "
		     "docs/benchmarks.md");
