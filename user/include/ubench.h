/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ubench.h - benchmarks as user programs, timed the way the kernel's
 * boot mode `bench` times its rows (kernel/bench.c), so a row measured
 * here on Linux and there on kmem386 means the same thing.
 *
 * Each row: setup, one untimed batch (the warm-up), one batch of zero
 * operations (the fixed cost of a batch, subtracted from every batch),
 * then UBENCH_BATCHES batches of n operations timed with the TSC; the
 * median batch divided by n is the result.  Under QEMU with -icount
 * shift=0,sleep=off the TSC counts guest instructions, the kernel's
 * included: a system call costs what both sides of it execute.  A user
 * program cannot turn interrupts off, so a timer tick may land in a
 * batch: the median keeps it out of the result.
 *
 * prepare() and finish() run around each batch, untimed (mapping the
 * pages a fault row will touch, unmapping them after).
 *
 * A row that waits for a device sets exclude_idle: the CPU's idle time
 * during each batch (/proc/idle_tsc, in TSC ticks: kmem386's own, or on
 * Linux the module tools/linux/kbench/idle_tsc.ko's) is taken out of it.
 * Under -icount a halted CPU's clock jumps to the next timer deadline, so
 * without this the row would count the host's disk latency; with it, it
 * counts what the CPU executed (docs/benchmarks.md).  Such a row needs
 * one CPU: with several, one CPU's idle time is not the machine's.
 *
 * The output is the kernel's line:
 *
 *   bench: getpid per_op=312.00 floor=- ratio=- ops=4096 min=312.00
 *          max=315.00 desc="getpid() round trip"
 */
#ifndef _UBENCH_H
#define _UBENCH_H

#include <stdbool.h>

#define UBENCH_BATCHES 7 /* odd: the median is one of them */
#define UBENCH_ITERS_DEFAULT 1024

struct ubench_op {
	const char *id; /* the row's name, as in bench: lines */
	const char *desc; /* what one operation is */
	unsigned int shift; /* ops per batch: iters >> shift (at least 1) */
	bool exclude_idle; /* take the CPU's idle time out of each batch */
	const char *(*setup)(void); /* NULL or a reason to skip the row */
	void (*prepare)(unsigned long n); /* before each batch, untimed */
	void (*run)(unsigned long n); /* n operations: the timed part */
	void (*finish)(unsigned long n); /* after each batch, untimed */
	void (*teardown)(void); /* after the last batch */
};

/*
 * Runs every row of `ops` (ended by a zero entry) and prints its line;
 * `argv` may hold iters=N and row names to run only those.  Returns the
 * exit status: 0, or 1 when a row failed (its line says why).
 */
int ubench_main(const char *prog, const struct ubench_op *ops, int argc,
		char **argv);
/* n times: fork, the child _exits at once, waitpid (two rows use it). */
void ubench_fork_exit_wait(unsigned long n);
/* Marks the running row failed (a system call it needs went wrong). */
void ubench_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* _UBENCH_H */
