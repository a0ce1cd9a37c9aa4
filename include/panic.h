/* SPDX-License-Identifier: GPL-2.0 */
/*
 * panic.h - when the kernel cannot go on, and the one case where it can.
 *
 * An oops (an exception nobody expected) normally ends in panic().  Linux
 * goes on after an oops by killing the offending task; this kernel has no
 * tasks, but a shell command is the closest thing: run_protected() runs a
 * function so that an oops inside it abandons just that function (the stack
 * is unwound with longjmp) and the caller carries on.
 */
#ifndef _PANIC_H
#define _PANIC_H

#include <percpu.h>
#include <types.h>

__printf(1, 2) __noreturn void panic(const char *fmt, ...);

/* What panic() does at the end: halt, or leave QEMU (ktest and bench). */
extern bool panic_exits_qemu;

extern int oops_count; /* oopses since boot */
extern bool panic_in_progress;

/*
 * Name shown as "Comm:" in reports: the shell command, test case or boot
 * step this CPU is running (each CPU its own, as each has its own task in
 * Linux).  An lvalue: `current_comm = "ktest";`.
 */
DECLARE_PER_CPU(const char *, cpu_current_comm);
#define current_comm (*this_cpu_ptr(&cpu_current_comm))

/*
 * Call fn(arg) with an oops recovery point armed: returns 0 if it returned,
 * -EFAULT if an oops abandoned it.  Recovery points nest.
 */
int run_protected(const char *comm, void (*fn)(void *arg), void *arg);

/*
 * The recovery-point stack, for code that abandons a computation with its
 * own longjmp (the test watchdog) and must drop the points armed inside it.
 */
void *oops_recovery_save(void);
void oops_recovery_restore(void *state);

/* What has gone wrong since boot, shown in every report as Linux does. */
enum taint_flag {
	TAINT_BAD_PAGE, /* B: a "Bad page state" was reported */
	TAINT_DIE, /* D: an oops */
	TAINT_WARN, /* W: a WARN fired */
	NR_TAINT_FLAGS
};

void add_taint(enum taint_flag flag);
/* The taint letters of reports: "Not tainted" or "Tainted: G B D W". */
const char *print_tainted(void);

#endif /* _PANIC_H */
