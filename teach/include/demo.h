/* SPDX-License-Identifier: GPL-2.0 */
/*
 * demo.h - lecture walkthroughs, run from the shell (`demo NAME`) or at boot
 * (mode `demo`).
 *
 *	static void demo_highmem(void) { ... }
 *	DEMO(highmem, "a highmem page has no address until kmap gives it one",
 *	     demo_highmem);
 *
 * A demo prints with kprintf() (it is talking to the class, not logging)
 * and pauses between steps with demo_step(): on a terminal the lecturer
 * presses Enter to go on; with nobody at the keyboard (the tests) it just
 * continues.  A demo must leave the system as it found it.
 */
#ifndef _DEMO_H
#define _DEMO_H

#include <types.h>

struct demo {
	const char *name; /* `demo NAME` */
	const char *help; /* one line */
	void (*run)(void);
};

#define DEMO(dname, dhelp, dfn)                                   \
	static const struct demo __demo_##dname __used __section( \
		".demos." #dname) __aligned(4) = {                \
		.name = #dname,                                   \
		.help = dhelp,                                    \
		.run = dfn,                                       \
	}

/* Print a step's title; in paced mode wait for Enter first. */
__printf(1, 2) void demo_step(const char *fmt, ...);
/* Run demo NAME; -ENOENT if there is none. */
int demo_run(const char *name);

#endif /* _DEMO_H */
