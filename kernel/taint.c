// SPDX-License-Identifier: GPL-2.0
/*
 * taint.c - what the kernel has been through, in Linux's letters after
 * "Tainted:" in every report: B a bad page was met, D it oopsed, W a WARN
 * fired.  An oops or a WARN counts even if nobody called add_taint() (the
 * counts are oops_count, panic.c, and nr_warnings, bug.c).  The host
 * simulation of mm (tests/host/mm_sim) builds this file as it is.
 */
#include <bug.h>
#include <kernel.h>
#include <panic.h>
#include <sprintf.h>

static unsigned long taint_mask;

void add_taint(enum taint_flag flag)
{
	taint_mask |= 1UL << flag;
}

/* Linux's letters: B bad page, D died (oops), W warning. */
const char *print_tainted(void)
{
	static const char letters[NR_TAINT_FLAGS] = {
		[TAINT_BAD_PAGE] = 'B',
		[TAINT_DIE] = 'D',
		[TAINT_WARN] = 'W',
	};
	static char buf[32];
	int n;

	if (oops_count)
		add_taint(TAINT_DIE);
	if (nr_warnings)
		add_taint(TAINT_WARN);
	if (!taint_mask)
		return "Not tainted";
	n = scnprintf(buf, sizeof(buf), "Tainted: G");
	for (int flag = 0; flag < NR_TAINT_FLAGS; flag++)
		if (taint_mask & (1UL << flag))
			n += scnprintf(buf + n, sizeof(buf) - (size_t)n, " %c",
				       letters[flag]);
	return buf;
}
