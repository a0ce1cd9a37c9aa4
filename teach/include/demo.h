/* SPDX-License-Identifier: GPL-2.0 */
/*
 * demo.h - lecture walkthroughs, run from the shell (`demo NAME`) or at boot
 * (mode `demo`).
 *
 * A demo is a list of sections, each a function that sets up what it needs
 * from whatever state the demo's own variables are in, shows one idea, and
 * leaves what the next section needs; `leave` gives back whatever the
 * sections still hold:
 *
 *	static const struct demo_section buddy_sections[] = {
 *		{ "The per-CPU lists hide pages", buddy_pcp },
 *		{ "A split", buddy_split },
 *	};
 *	DEMO(buddy, "...one line...", buddy_sections, buddy_leave);
 *
 * So a paced demo can go to any section, back or forward, and a section run
 * twice finds what it needs.  The framework prints "[2/5] A split" before
 * each section, pauses between them when paced (Enter or n next, b back, a
 * section number, q quit), and checks at the end that the demo gave back
 * all it took (teach/include/memstate.h).  A demo prints with kprintf() (it
 * talks to the class, it does not log) and types shell commands with
 * demo_type(), so the class can repeat them.
 */
#ifndef _DEMO_H
#define _DEMO_H

#include <types.h>

struct demo_section {
	const char *title; /* printed "[N/M] title" */
	void (*run)(void); /* sets up what it needs, then shows it */
};

struct demo {
	const char *name; /* `demo NAME` */
	const char *help; /* one line */
	const struct demo_section *sections;
	unsigned int nr_sections; /* at most 9: one key each */
	void (*leave)(void); /* give back what the sections hold, or NULL */
};

#define DEMO(dname, dhelp, dsections, dleave)                     \
	static const struct demo __demo_##dname __used __section( \
		".demos." #dname) __aligned(4) = {                \
		.name = #dname,                                   \
		.help = dhelp,                                    \
		.sections = dsections,                            \
		.nr_sections = ARRAY_SIZE(dsections),             \
		.leave = dleave,                                  \
	}

/* Type a shell command for the class ("  kmem386> CMD") and run it. */
__printf(1, 2) int demo_type(const char *fmt, ...);
/* From a section: end the demo after it (this boot cannot show the rest). */
void demo_end(void);
/*
 * Run demo NAME (paced or not): 0, -EINTR if a Ctrl-C ended it (at a pause
 * or after a section), -ENOENT if there is no such demo.
 */
int demo_run(const char *name, bool paced);

#endif /* _DEMO_H */
