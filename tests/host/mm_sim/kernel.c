// SPDX-License-Identifier: GPL-2.0
/*
 * kernel.c - what mm/ needs from kernel/ and arch/ besides memory: reports,
 * the console, panic, WARN and BUG, fault explanations, the clock.
 *
 * kernel/printk.c and kernel/seq_file.c themselves are built into the
 * simulation: the log is the kernel's log (printk_mark() and
 * printk_since_contains() work as in the ktest suites).  The console behind
 * it is stderr, and quiet unless KMEM386_SIM_LOG=1: a fuzzer reports
 * thousands of refused misuses a second, and a finding prints the log
 * since its input began (sim_dump_log()).  The rest is written here for a
 * process that has no traps:
 *  - WARN is sim_bug() (asm/bug.h of the simulation): Linux's report, counted
 *    in nr_warnings; WARN_ONCE and WARN_ON_ONCE fire once per call site per
 *    boot, as the kernel's __bug_table flags do;
 *  - BUG and panic() leave through host_bail() to the innermost
 *    sim_catch_panic(), or abort the program: a finding;
 *  - a page fault that no PTE explains is reported as the kernel reports it
 *    ("BUG: unable to handle page fault for address"), with the explainers
 *    mm/ registered (vmalloc's guard pages, highmem's slots);
 *  - dma-debug's hook in the frees of mm (debug_dma_check_freed()) sees
 *    one stand-in mapping, which a test sets with sim_dma_map(): a free
 *    of any of it is reported and counted, as kernel/dma/debug.c reports
 *    "memory freed while still DMA-mapped".
 */
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <asm/regions.h>
#include <bug.h>
#include <console.h>
#include <dma-debug.h>
#include <fault.h>
#include <kernel.h>
#include <panic.h>
#include <printk.h>
#include <sched.h>
#include <sprintf.h>
#include <stack.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "host_os.h"
#include "sim.h"
#include "sim_internal.h"

#define MAX_FAULT_EXPLAINERS 4
#define MAX_ONCE_SITES 256

/* --- the CPU of asm/processor.h ------------------------------------------- */

u64 sim_tsc;
unsigned long tsc_khz = 1000000; /* each rdtsc() is 1000 cycles: 1 us */
unsigned long sim_eflags = X86_EFLAGS_IF;
struct cpuinfo_x86 boot_cpu_data = {
	.has_pse = true,
	.has_pge = true,
	.x86_cache_alignment = 64,
};

/* --- what kernel/ keeps --------------------------------------------------- */

volatile u64 jiffies;
bool system_running; /* set once mm_core_init() is done (machine.c) */
bool panic_in_progress;
unsigned long nr_warnings;
int oops_count; /* the simulation never oopses: a BUG ends the run */
static bool cut_here_printed;
static bool log_echo;

/* The WARN_ONCE sites that fired this boot (file pointer and line). */
static struct once_site {
	const char *file;
	unsigned int line;
} once_sites[MAX_ONCE_SITES];
static unsigned int nr_once_sites;

static fault_explainer_t explainers[MAX_FAULT_EXPLAINERS];

/*
 * The rest is reset by sim_power_on() (this file's variables are the
 * kernel's, restored with mm/'s): only where the console goes is read anew.
 */
void sim_kernel_reset(void)
{
	const char *echo = host_getenv("KMEM386_SIM_LOG");

	log_echo = echo && *echo == '1';
}

/* --- the console under printk --------------------------------------------- */

void console_write(const char *s, size_t len)
{
	if (log_echo)
		host_write(2, s, len);
}

void console_set_level(int level)
{
}

/* The log has no width to wrap to: no margin. */
void console_margin(void)
{
}

u64 local_clock(void)
{
	return sim_tsc; /* the simulated TSC, as nanoseconds: monotonic */
}

/*
 * The log since mark (its last 64 KB at most), a chunk at a time, each line
 * without the level byte the log keeps in front of it.
 */
void sim_dump_log(u64 mark)
{
	char buf[1024];
	bool line_start = true;
	size_t len;

	if (printk_mark() - mark > 64 * 1024)
		mark = printk_mark() - 64 * 1024;
	while ((len = printk_since(mark, buf, sizeof(buf))) > 0) {
		size_t from = 0;

		for (size_t i = 0; i < len; i++) {
			if (line_start && buf[i] >= '0' && buf[i] <= '7') {
				host_write(2, buf + from, i - from);
				from = i + 1;
			}
			line_start = buf[i] == '\n';
		}
		host_write(2, buf + from, len - from);
		mark += len;
	}
}

/* --- panic, stacks (taint: the kernel's kernel/taint.c) ------------------- */

/* No frame-pointer walk on the host: the caller is what reports need. */
void dump_stack(void)
{
	printk(KERN_DEFAULT "Call Trace:\n [<%08lx>] %pS\n",
	       (unsigned long)__builtin_return_address(0),
	       __builtin_return_address(0));
}

/* The caller's caller: kmemleak's and page_owner-like records. */
unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr)
{
	if (!size)
		return 0;
	store[0] = (unsigned long)__builtin_return_address(0);
	return 1;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	return scnprintf(buf, size, "0x%08lx", addr);
}

/* The end of a kernel that cannot go on: back to a catcher, or a finding. */
static __noreturn void sim_die(void)
{
	add_taint(TAINT_DIE);
	sim_bail();
}

void panic(const char *fmt, ...)
{
	char text[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(text, sizeof(text), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", text);
	sim_die();
}

/* --- WARN and BUG --------------------------------------------------------- */

static void print_cut_here(void)
{
	if (!cut_here_printed)
		pr_warn("------------[ cut here ]------------\n");
	cut_here_printed = false;
}

void __warn_printk(const char *fmt, ...)
{
	va_list args;

	print_cut_here();
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	cut_here_printed = true;
}

/* Has this WARN_ONCE site fired this boot?  Marks it if not. */
static bool once_site_done(const char *file, unsigned int line)
{
	for (unsigned int i = 0; i < nr_once_sites; i++)
		if (once_sites[i].file == file && once_sites[i].line == line)
			return true;
	if (nr_once_sites < MAX_ONCE_SITES)
		once_sites[nr_once_sites++] =
			(struct once_site){ .file = file, .line = line };
	return false;
}

void sim_bug(const char *file, unsigned int line, unsigned int flags)
{
	if (flags & BUGFLAG_WARNING) {
		if ((flags & BUGFLAG_ONCE) && once_site_done(file, line))
			return;
		nr_warnings++;
		add_taint(TAINT_WARN);
		print_cut_here();
		pr_warn("WARNING: CPU: 0 PID: %d at %s:%u %pS\n", current->pid,
			file, line, __builtin_return_address(0));
		pr_warn("CPU: 0 PID: %d Comm: %s %s\n", current->pid,
			current_comm, print_tainted());
		dump_stack();
		pr_warn("---[ end trace 0000000000000000 ]---\n");
		return;
	}
	print_cut_here();
	pr_emerg("kernel BUG at %s:%u!\n", file, line);
	sim_die();
}

/* --- dma-debug's free hook ----------------------------------------------- */

/* The spans of the recorded mappings: empty (lo > hi) when none. */
struct dma_debug_span dma_debug_spans[2] = { { ULONG_MAX, 0 },
					     { ULONG_MAX, 0 } };
unsigned long sim_dma_freed_reports;

void sim_dma_map(unsigned long phys, unsigned long size)
{
	dma_debug_spans[0].lo = phys;
	dma_debug_spans[0].hi = phys + size;
}

void sim_dma_unmap(void)
{
	dma_debug_spans[0].lo = ULONG_MAX;
	dma_debug_spans[0].hi = 0;
}

void __debug_dma_check_freed(unsigned long phys, unsigned long size)
{
	const struct dma_debug_span *map = &dma_debug_spans[0];

	if (phys >= map->hi || phys + size <= map->lo)
		return;
	sim_dma_freed_reports++;
	pr_err("DMA-API: sim: memory freed while still DMA-mapped [phys=%#lx] [size=%lu bytes] [freed %#lx+%lu]\n",
	       map->lo, map->hi - map->lo, phys, size);
}

/* --- page faults ---------------------------------------------------------- */

int register_fault_explainer(fault_explainer_t fn)
{
	for (int i = 0; i < MAX_FAULT_EXPLAINERS; i++) {
		if (!explainers[i]) {
			explainers[i] = fn;
			return 0;
		}
	}
	return -1;
}

void explain_address(unsigned long addr, unsigned long err, char *buf,
		     size_t size)
{
	struct region_info r = memlayout_region(addr);
	char why[200] = "nothing is mapped there";

	for (int i = 0; i < MAX_FAULT_EXPLAINERS; i++)
		if (explainers[i] && explainers[i](addr, err, why, sizeof(why)))
			break;
	snprintf(buf, size, "%08lx is in %s [%08lx-%08lx]: %s", addr, r.name,
		 r.start, r.end - 1, why);
}

/* A fault nothing catches: the kernel's report, then the host's crash. */
void sim_report_fault(unsigned long addr, int write)
{
	static const char again[] =
		"sim: a page fault while reporting a page fault: the simulated TLB or page tables are broken\n";
	static bool reporting;
	char why[320];

	if (reporting) { /* printk itself faulted: say so without it */
		host_write(2, again, sizeof(again) - 1);
		host_abort();
	}
	reporting = true;

	pr_alert("BUG: unable to handle page fault for address: %08lx\n", addr);
	pr_alert("#PF: supervisor %s access in kernel mode\n",
		 write ? "write" : "read");
	explain_address(addr, write ? 2 : 0, why, sizeof(why));
	pr_alert("#PF: %s\n", why);
	sim_dump_log(sim_boot_mark);
}
