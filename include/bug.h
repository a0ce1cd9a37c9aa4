/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bug.h - WARN and BUG, as in Linux.
 *
 * On x86 both are a `ud2` instruction recorded in the __bug_table section
 * with the file and line (asm/bug.h, as Linux splits it; the host simulation
 * of mm, tests/host/mm_sim, has its own).  The invalid-opcode handler looks
 * the address up: a WARN prints a "------------[ cut here ]------------"
 * report with registers and a call trace and continues after the ud2; a BUG
 * prints "kernel BUG at file:line!" and oopses.  The style rule: misuse by
 * a caller is a WARN and the kernel goes on; BUG is for states the kernel
 * cannot continue from.
 */
#ifndef _BUG_H
#define _BUG_H

#include <types.h>

#define BUGFLAG_WARNING (1 << 0)
#define BUGFLAG_ONCE (1 << 1)
#define BUGFLAG_DONE (1 << 2)

struct bug_entry {
	unsigned long addr; /* address of the ud2 */
	const char *file; /* source file of the WARN/BUG */
	u16 line; /* its line */
	u16 flags; /* BUGFLAG_* */
};

/* _BUG_FLAGS(flags): the architecture's way of marking the spot. */
#include <asm/bug.h>

#define BUG()                            \
	do {                             \
		_BUG_FLAGS(0);           \
		__builtin_unreachable(); \
	} while (0)

#define BUG_ON(cond)                \
	do {                        \
		if (unlikely(cond)) \
			BUG();      \
	} while (0)

#define __WARN_FLAGS(flags) _BUG_FLAGS(BUGFLAG_WARNING | (flags))

#define WARN_ON(condition)                         \
	({                                         \
		int __ret_warn_on = !!(condition); \
		if (unlikely(__ret_warn_on))       \
			__WARN_FLAGS(0);           \
		unlikely(__ret_warn_on);           \
	})

#define WARN_ON_ONCE(condition)                     \
	({                                          \
		int __ret_warn_on = !!(condition);  \
		if (unlikely(__ret_warn_on))        \
			__WARN_FLAGS(BUGFLAG_ONCE); \
		unlikely(__ret_warn_on);            \
	})

/* WARN with a message: the message is printed first, then the report. */
#define WARN(condition, format...)                 \
	({                                         \
		int __ret_warn_on = !!(condition); \
		if (unlikely(__ret_warn_on)) {     \
			__warn_printk(format);     \
			__WARN_FLAGS(0);           \
		}                                  \
		unlikely(__ret_warn_on);           \
	})

#define WARN_ONCE(condition, format...)                       \
	({                                                    \
		static bool __warned;                         \
		int __ret_warn_once = !!(condition);          \
		if (unlikely(__ret_warn_once && !__warned)) { \
			__warned = true;                      \
			WARN(1, format);                      \
		}                                             \
		unlikely(__ret_warn_once);                    \
	})

__printf(1, 2) void __warn_printk(const char *fmt, ...);

/* How many WARNs have fired since boot (tests check that misuse warned). */
extern unsigned long nr_warnings;

/* The bug_entry for a ud2 at `addr`, or NULL (kernel/bug.c). */
const struct bug_entry *find_bug(unsigned long addr);

struct pt_regs;
/* For the #UD handler: true if the ud2 was a WARN (already reported). */
bool report_bug(struct pt_regs *regs);

#endif /* _BUG_H */
