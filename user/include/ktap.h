/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktap.h - a small KUnit-shaped harness for user-mode test programs.
 *
 * A program is one suite: a table of cases, each a function that checks
 * with EXPECT_* (record a failure, go on) and ASSERT_* (record it and
 * leave the case).  ktap_main() runs them in order in this process and
 * prints KTAP version 1 as the kernel's suites print it, so the same
 * parser reads both:
 *
 *	KTAP version 1
 *	1..1
 *	    KTAP version 1
 *	    # Subtest: fork
 *	    1..3
 *	    ok 1 fork_child_sees_its_own_pid
 *	    # fork_test.c:40: wait4(pid, &st, 0, NULL): -1 (ECHILD), expected >= 0
 *	    not ok 2 fork_parent_waits_for_the_child
 *	    ok 3 fork_needs_something # SKIP needs /proc/self/maps
 *	# fork: pass:1 fail:1 skip:1 total:3
 *	not ok 1 fork
 *
 * The exit status is 0 when no case failed, 1 otherwise.  Arguments name
 * the cases to run (exact names; none: all).  Diagnostics print only what
 * is the same on every kernel: errno names and expected values, never a
 * pid or an address, so two kernels' outputs compare line for line.
 *
 * A case that needs something a kernel may not have (a /proc file, a
 * writable file system) calls ktap_need_file() or KTAP_SKIP(): the case
 * then ends as `# SKIP needs WHAT`, which the comparison of two kernels
 * (tests/linux_check.py) accepts only where that kernel declares the lack.
 */
#ifndef _KTAP_H
#define _KTAP_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

struct ktap_case {
	const char *name; /* <suite>_<behaviour> */
	void (*run)(void); /* checks with EXPECT_* / ASSERT_* */
};

#define KTAP_CASE(fn)   \
	{               \
#fn, fn \
	}

/* Runs the cases named in argv (all without arguments); the exit status. */
int ktap_main(const char *suite, const struct ktap_case *cases, int argc,
	      char **argv);

/* Records a failure of the running case, with a diagnostic line. */
void ktap_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Ends the running case as skipped: `# SKIP <why>`. */
void ktap_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* True when the running case has failed or been skipped. */
bool ktap_case_done(void);
/* A diagnostic line ("    # ...") that is not a failure. */
void ktap_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* False (and the case skipped as "needs PATH") when PATH cannot be opened. */
bool ktap_need_file(const char *path);

/*
 * Runs fn(arg) in a forked child, which exits 0 when fn returns; returns
 * the child's wait status (WIFSIGNALED for a fault), or -1 when fork or
 * wait failed (recorded as a failure).  Children report with their exit
 * code: their EXPECT_* output would not reach the parent's counts.
 */
int ktap_in_child(void (*fn)(void *arg), void *arg);

/*
 * Pointers a system call must refuse with EFAULT: one below every mapping
 * (page 0 is never mapped) and one at PAGE_OFFSET, the kernel's.  They are
 * volatile so that the compiler does not warn about, or fold, their use.
 */
extern void *volatile ktap_bad_ptr;
extern void *volatile ktap_kernel_ptr;
#define BAD_PTR (ktap_bad_ptr)
#define KERNEL_PTR (ktap_kernel_ptr)

#define KTAP_SKIP(...)                  \
	do {                            \
		ktap_skip(__VA_ARGS__); \
		return;                 \
	} while (0)

#define EXPECT_TRUE(cond)                                                    \
	({                                                                   \
		bool __ok = !!(cond);                                        \
		if (!__ok)                                                   \
			ktap_fail(__FILE__, __LINE__, "expected %s", #cond); \
		__ok;                                                        \
	})

#define EXPECT_EQ(a, b)                                                      \
	({                                                                   \
		long long __a = (long long)(a), __b = (long long)(b);        \
		bool __ok = __a == __b;                                      \
		if (!__ok)                                                   \
			ktap_fail(__FILE__, __LINE__,                        \
				  "expected %s == %s, got %lld vs %lld", #a, \
				  #b, __a, __b);                             \
		__ok;                                                        \
	})

#define EXPECT_NE(a, b)                                                   \
	({                                                                \
		long long __a = (long long)(a), __b = (long long)(b);     \
		bool __ok = __a != __b;                                   \
		if (!__ok)                                                \
			ktap_fail(__FILE__, __LINE__,                     \
				  "expected %s != %s, both %lld", #a, #b, \
				  __a);                                   \
		__ok;                                                     \
	})

/* `expr` (a system call wrapper) must fail with errno `err`. */
#define EXPECT_ERRNO(expr, err)                                             \
	({                                                                  \
		errno = 0;                                                  \
		long __r = (long)(expr);                                    \
		int __e = errno;                                            \
		bool __ok = __r == -1 && __e == (err);                      \
		if (!__ok)                                                  \
			ktap_fail(__FILE__, __LINE__,                       \
				  "%s: %s (%s), expected -1 (%s)", #expr,   \
				  __r == -1 ? "-1" : "success",             \
				  __r == -1 ? errno_name(__e) : "no error", \
				  errno_name(err));                         \
		__ok;                                                       \
	})

/* `expr` must succeed (not return -1); errno is shown if it did not. */
#define EXPECT_OK(expr)                                                     \
	({                                                                  \
		errno = 0;                                                  \
		long __r = (long)(expr);                                    \
		if (__r == -1)                                              \
			ktap_fail(__FILE__, __LINE__, "%s: -1 (%s)", #expr, \
				  errno_name(errno));                       \
		__r;                                                        \
	})

#define ASSERT_TRUE(cond)               \
	do {                            \
		if (!EXPECT_TRUE(cond)) \
			return;         \
	} while (0)

#define ASSERT_EQ(a, b)               \
	do {                          \
		if (!EXPECT_EQ(a, b)) \
			return;       \
	} while (0)

#define ASSERT_OK(expr)                     \
	({                                  \
		long __v = EXPECT_OK(expr); \
		if (__v == -1)              \
			return;             \
		__v;                        \
	})

#endif /* _KTAP_H */
