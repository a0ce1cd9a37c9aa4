// SPDX-License-Identifier: GPL-2.0
/*
 * bug.c - WARN and BUG reports (the ud2 side of include/bug.h).
 *
 * The invalid-opcode handler calls report_bug() first.  A WARN prints Linux's
 * report, counts it in nr_warnings (tests assert that misuse warned) and
 * continues at the instruction after the ud2; a WARN_ON_ONCE that already
 * fired is silent.  A BUG prints "kernel BUG at file:line!" and returns false
 * so the handler goes on to the oops.
 */
#include <asm/smp.h>
#include <asm/traps.h>
#include <bug.h>
#include <config.h>
#include <panic.h>
#include <printk.h>
#include <sprintf.h>

extern struct bug_entry __start___bug_table[], __stop___bug_table[];

unsigned long nr_warnings;
static bool cut_here_printed; /* by __warn_printk, for the next report */

const struct bug_entry *find_bug(unsigned long addr)
{
	for (struct bug_entry *bug = __start___bug_table;
	     bug < __stop___bug_table; bug++)
		if (bug->addr == addr)
			return bug;
	return NULL;
}

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

/* Returns true if the ud2 was a WARN and execution may continue. */
bool report_bug(struct pt_regs *regs)
{
	struct bug_entry *bug = (struct bug_entry *)find_bug(regs->ip);

	if (!bug)
		return false;
	if (bug->flags & BUGFLAG_WARNING) {
		if ((bug->flags & BUGFLAG_ONCE) &&
		    (bug->flags & BUGFLAG_DONE)) {
			regs->ip += 2;
			return true;
		}
		bug->flags |= BUGFLAG_DONE;
		nr_warnings++;
		print_cut_here();
		pr_warn("WARNING: CPU: %u PID: 0 at %s:%u %pS\n",
			raw_smp_processor_id(), bug->file, bug->line,
			(void *)regs->ip);
		pr_warn("CPU: %u PID: 0 Comm: %s %s %s\n",
			raw_smp_processor_id(), current_comm, print_tainted(),
			KMEM386_VERSION);
		show_regs(regs);
		pr_warn("---[ end trace 0000000000000000 ]---\n");
		regs->ip += 2;
		return true;
	}
	print_cut_here();
	pr_emerg("kernel BUG at %s:%u!\n", bug->file, bug->line);
	return false;
}
