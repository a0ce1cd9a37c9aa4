/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktest.h - in-kernel tests, shaped like KUnit, reporting in KTAP version 1.
 *
 * A test file (tests/kernel/<subsystem>_test.c) is a set of case functions
 * and, at its end, the table that names them:
 *
 *	static void buddy_split_then_merge_restores_counts(struct ktest *test)
 *	{
 *		KTEST_EXPECT_EQ(test, nr_free_pages(), before);
 *	}
 *
 *	static const struct ktest_case buddy_cases[] = {
 *		KTEST_CASE(buddy_split_then_merge_restores_counts),
 *		{}
 *	};
 *	KTEST_SUITE(buddy, buddy_cases);
 *
 * and the suite is listed once in tests/kernel/suites.c.  EXPECT records a
 * failure and goes on; ASSERT records it and ends the case.  Per-case hooks
 * (ktest_register_hook) run before and after every case: the leak checks
 * (leak_check.c) use them to fail any case that leaked pages or objects.
 */
#ifndef _KTEST_H
#define _KTEST_H

#include <printk.h>
#include <setjmp.h>
#include <types.h>

enum ktest_status {
	KTEST_PASS,
	KTEST_FAIL,
	KTEST_SKIP,
};

struct ktest {
	const char *name; /* the case */
	enum ktest_status status;
	char skip_reason[96];
	jmp_buf abort; /* ASSERT failures and the watchdog jump here */
	bool timed_out;
	bool oopsed;
	void *priv; /* for the suite's init/exit */
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *test);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases; /* ends with an empty entry */
	int (*init)(struct ktest *test); /* before each case, may be NULL */
	void (*exit)(struct ktest *test); /* after each case, may be NULL */
};

#define KTEST_CASE(fn)                 \
	{                              \
		.name = #fn, .run = fn \
	}

#define KTEST_SUITE(sname, scases)                       \
	const struct ktest_suite sname##_ktest_suite = { \
		.name = #sname,                          \
		.cases = scases,                         \
	}

/*
 * Hooks run around every case, before() and after() both in reverse order
 * of registration: the last subsystem up is the first to settle (shrink
 * its caches, flush lazy frees), so the ones below it count settled state.
 */
struct ktest_hook {
	const char *name;
	void (*before)(struct ktest *test);
	void (*after)(struct ktest *test); /* may call ktest_fail() */
	struct ktest_hook *next;
};

void ktest_register_hook(struct ktest_hook *hook);
/* Run every hook's before() or after() on `test` (the leak checks' own tests). */
void ktest_hooks_before(struct ktest *test);
void ktest_hooks_after(struct ktest *test);

/* Run the suites matching "SUITE" or "SUITE.CASE" (NULL: all); true if all passed. */
bool ktest_run(const char *filter);
/* The per-case leak checks of the memory manager (leak_check.c). */
void leak_checks_register(void);
/* Number of the registered suites and their table (tests/kernel/suites.c). */
extern const struct ktest_suite *const ktest_suites[];

/* Mark the case failed, with a "    # " diagnostic line. */
__printf(2, 3) void ktest_fail(struct ktest *test, const char *fmt, ...);
/* Mark the case skipped and end it. */
__noreturn void ktest_skip(struct ktest *test, const char *reason);
/* End the case now (after an ASSERT failure). */
__noreturn void ktest_abort(struct ktest *test);

void ktest_fail_binary(struct ktest *test, const char *file, int line,
		       const char *left, const char *op, const char *right,
		       long long lval, long long rval);
void ktest_fail_ptr(struct ktest *test, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    const void *lval, const void *rval);
void ktest_fail_str(struct ktest *test, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    const char *lval, const char *rval);

#define KTEST_BINARY(test, fatal, a, op, b)                                  \
	do {                                                                 \
		long long __ka = (long long)(a), __kb = (long long)(b);      \
		if (!(__ka op __kb)) {                                       \
			ktest_fail_binary(test, __FILE__, __LINE__, #a, #op, \
					  #b, __ka, __kb);                   \
			if (fatal)                                           \
				ktest_abort(test);                           \
		}                                                            \
	} while (0)

#define KTEST_PTR(test, fatal, a, op, b)                                      \
	do {                                                                  \
		const void *__ka = (const void *)(a);                         \
		const void *__kb = (const void *)(b);                         \
		if (!(__ka op __kb)) {                                        \
			ktest_fail_ptr(test, __FILE__, __LINE__, #a, #op, #b, \
				       __ka, __kb);                           \
			if (fatal)                                            \
				ktest_abort(test);                            \
		}                                                             \
	} while (0)

#define KTEST_STR(test, fatal, a, op, b)                                      \
	do {                                                                  \
		const char *__ka = (a), *__kb = (b);                          \
		if (!(__ka && __kb && strcmp(__ka, __kb) op 0)) {             \
			ktest_fail_str(test, __FILE__, __LINE__, #a, #op, #b, \
				       __ka, __kb);                           \
			if (fatal)                                            \
				ktest_abort(test);                            \
		}                                                             \
	} while (0)

#define KTEST_EXPECT_EQ(t, a, b) KTEST_BINARY(t, false, a, ==, b)
#define KTEST_EXPECT_NE(t, a, b) KTEST_BINARY(t, false, a, !=, b)
#define KTEST_EXPECT_LT(t, a, b) KTEST_BINARY(t, false, a, <, b)
#define KTEST_EXPECT_LE(t, a, b) KTEST_BINARY(t, false, a, <=, b)
#define KTEST_EXPECT_GT(t, a, b) KTEST_BINARY(t, false, a, >, b)
#define KTEST_EXPECT_GE(t, a, b) KTEST_BINARY(t, false, a, >=, b)
#define KTEST_EXPECT_TRUE(t, c) KTEST_BINARY(t, false, !!(c), ==, 1)
#define KTEST_EXPECT_FALSE(t, c) KTEST_BINARY(t, false, !!(c), ==, 0)
#define KTEST_EXPECT_PTR_EQ(t, a, b) KTEST_PTR(t, false, a, ==, b)
#define KTEST_EXPECT_PTR_NE(t, a, b) KTEST_PTR(t, false, a, !=, b)
#define KTEST_EXPECT_NULL(t, p) KTEST_PTR(t, false, p, ==, NULL)
#define KTEST_EXPECT_NOT_NULL(t, p) KTEST_PTR(t, false, p, !=, NULL)
#define KTEST_EXPECT_STREQ(t, a, b) KTEST_STR(t, false, a, ==, b)
#define KTEST_EXPECT_STRNEQ(t, a, b) KTEST_STR(t, false, a, !=, b)

#define KTEST_ASSERT_EQ(t, a, b) KTEST_BINARY(t, true, a, ==, b)
#define KTEST_ASSERT_NE(t, a, b) KTEST_BINARY(t, true, a, !=, b)
#define KTEST_ASSERT_LT(t, a, b) KTEST_BINARY(t, true, a, <, b)
#define KTEST_ASSERT_LE(t, a, b) KTEST_BINARY(t, true, a, <=, b)
#define KTEST_ASSERT_GT(t, a, b) KTEST_BINARY(t, true, a, >, b)
#define KTEST_ASSERT_GE(t, a, b) KTEST_BINARY(t, true, a, >=, b)
#define KTEST_ASSERT_TRUE(t, c) KTEST_BINARY(t, true, !!(c), ==, 1)
#define KTEST_ASSERT_FALSE(t, c) KTEST_BINARY(t, true, !!(c), ==, 0)
#define KTEST_ASSERT_NULL(t, p) KTEST_PTR(t, true, p, ==, NULL)
#define KTEST_ASSERT_PTR_EQ(t, a, b) KTEST_PTR(t, true, a, ==, b)
#define KTEST_ASSERT_NOT_NULL(t, p) KTEST_PTR(t, true, p, !=, NULL)
#define KTEST_ASSERT_STREQ(t, a, b) KTEST_STR(t, true, a, ==, b)

/* The kernel log since `mark` must (not) contain `text`. */
#define KTEST_EXPECT_LOG(t, mark, text)                                      \
	do {                                                                 \
		if (!printk_since_contains(mark, text))                      \
			ktest_fail(                                          \
				t,                                           \
				"%s:%d: expected the log to contain \"%s\"", \
				__FILE__, __LINE__, text);                   \
	} while (0)
#define KTEST_EXPECT_NO_LOG(t, mark, text)                                       \
	do {                                                                     \
		if (printk_since_contains(mark, text))                           \
			ktest_fail(                                              \
				t,                                               \
				"%s:%d: expected the log not to contain \"%s\"", \
				__FILE__, __LINE__, text);                       \
	} while (0)

#endif /* _KTEST_H */
