/* SPDX-License-Identifier: GPL-2.0 */
/*
 * host_ktest.h - a KUnit-shaped harness for the host unit tests of lib/.
 *
 * A test file writes its cases as `static void case(struct kunit *test)`,
 * lists them in a NULL-terminated `struct kunit_case` table at its end, wraps
 * that in a `struct kunit_suite` and registers it with kunit_test_suite().
 * main() (host_ktest.c) runs every registered suite and prints KTAP version 1
 * on stdout, as KUnit does; the exit status is 0 when every case passed.
 *
 * KUNIT_EXPECT_*() report a failure as a "    # file:line: expected ..."
 * diagnostic and mark the case failed, then go on; KUNIT_ASSERT_*() also
 * return from the test function (only use them in the test function itself).
 * Integer checks compare mathematical values (-1 is not equal to UINT_MAX),
 * so mixing signed and unsigned operands is safe.
 *
 * Nothing here uses the code under test: diagnostics are formatted by the
 * harness itself, so a broken vsnprintf() cannot hide its own failures.
 */
#ifndef _HOST_KTEST_H
#define _HOST_KTEST_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The few C library functions the host tests use, declared by hand: the
 * system headers would clash with include/string.h and friends.
 */
long write(int fd, const void *buf, unsigned long count);
void *malloc(size_t size);
void free(void *ptr);

enum kunit_status { KUNIT_SUCCESS, KUNIT_FAILURE, KUNIT_SKIPPED };

struct ktest_alloc;

struct kunit {
	const char *name; /* the running case */
	enum kunit_status status;
	const char *skip_reason;
	struct ktest_alloc *allocs; /* kunit_kmalloc()ed, freed at the end */
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

struct kunit_suite {
	const char *name;
	struct kunit_case *test_cases; /* ends with an empty entry */
};

#define KUNIT_CASE(fn)                      \
	{                                   \
		.run_case = fn, .name = #fn \
	}

/* Registers a suite: main() finds it in the ktest_suites section. */
#define kunit_test_suite(suite)                               \
	static struct kunit_suite *const __ktest_ptr_##suite  \
		__attribute__((used, section("ktest_suites"), \
			       aligned(sizeof(void *)))) = &(suite)

/* Integers of any type, with their signedness, for the comparisons below. */
struct ktest_int {
	unsigned long long bits;
	bool is_signed;
};

#define KTEST_IS_SIGNED_TYPE(type) ((type)-1 < (type)1)
#define KTEST_INT(x)                                  \
	((struct ktest_int){ (unsigned long long)(x), \
			     KTEST_IS_SIGNED_TYPE(__typeof__(x)) })

enum ktest_op { KTEST_EQ, KTEST_NE, KTEST_LT, KTEST_LE, KTEST_GT, KTEST_GE };

bool ktest_check_int(struct kunit *test, const char *file, int line,
		     const char *left_text, enum ktest_op op,
		     const char *right_text, struct ktest_int left,
		     struct ktest_int right);
bool ktest_check_ptr(struct kunit *test, const char *file, int line,
		     const char *left_text, enum ktest_op op,
		     const char *right_text, const void *left,
		     const void *right);
bool ktest_check_str(struct kunit *test, const char *file, int line,
		     const char *left_text, enum ktest_op op,
		     const char *right_text, const char *left,
		     const char *right);
bool ktest_check_mem(struct kunit *test, const char *file, int line,
		     const char *left_text, const char *right_text,
		     const void *left, const void *right, size_t size);
bool ktest_check_bool(struct kunit *test, const char *file, int line,
		      const char *text, bool value, bool expected);
void ktest_fail(struct kunit *test, const char *file, int line,
		const char *message);
/* A failure already reported wins over a later skip. */
void ktest_mark_skipped(struct kunit *test, const char *reason);
/* A "    # file:line: text" diagnostic that does not fail the case. */
void ktest_note(const char *file, int line, const char *text);
/* The same, "    # file:line: text value". */
void ktest_note_int(const char *file, int line, const char *text,
		    long long value);

/*
 * Heap buffers of exactly `size` bytes (so AddressSanitizer reports any
 * access past either end), freed when the case ends.  kunit_kmalloc() fills
 * the buffer with 0xa5; allocation failure aborts the run (ASan's default).
 */
void *kunit_kmalloc(struct kunit *test, size_t size);
void *kunit_kmemdup(struct kunit *test, const void *src, size_t size);
/* An exact-size copy of `s`: strlen(s) + 1 bytes. */
char *kunit_kstrdup(struct kunit *test, const char *s);

/*
 * The expressions are turned into text here, at the outermost macro: one
 * level further down their arguments would already be macro-expanded (and
 * show host_strlen for strlen).
 */
#define KTEST_INT_OP(test, l, l_text, op, r, r_text)                  \
	ktest_check_int(test, __FILE__, __LINE__, l_text, op, r_text, \
			KTEST_INT(l), KTEST_INT(r))
#define KTEST_PTR_OP(test, l, l_text, op, r, r_text) \
	ktest_check_ptr(test, __FILE__, __LINE__, l_text, op, r_text, (l), (r))
#define KTEST_STR_OP(test, l, l_text, op, r, r_text) \
	ktest_check_str(test, __FILE__, __LINE__, l_text, op, r_text, (l), (r))

#define KUNIT_EXPECT_EQ(test, l, r) \
	((void)KTEST_INT_OP(test, l, #l, KTEST_EQ, r, #r))
#define KUNIT_EXPECT_NE(test, l, r) \
	((void)KTEST_INT_OP(test, l, #l, KTEST_NE, r, #r))
#define KUNIT_EXPECT_LT(test, l, r) \
	((void)KTEST_INT_OP(test, l, #l, KTEST_LT, r, #r))
#define KUNIT_EXPECT_LE(test, l, r) \
	((void)KTEST_INT_OP(test, l, #l, KTEST_LE, r, #r))
#define KUNIT_EXPECT_GT(test, l, r) \
	((void)KTEST_INT_OP(test, l, #l, KTEST_GT, r, #r))
#define KUNIT_EXPECT_GE(test, l, r) \
	((void)KTEST_INT_OP(test, l, #l, KTEST_GE, r, #r))
#define KUNIT_EXPECT_PTR_EQ(test, l, r) \
	((void)KTEST_PTR_OP(test, l, #l, KTEST_EQ, r, #r))
#define KUNIT_EXPECT_NULL(test, p) \
	((void)KTEST_PTR_OP(test, p, #p, KTEST_EQ, NULL, "NULL"))
#define KUNIT_EXPECT_NOT_NULL(test, p) \
	((void)KTEST_PTR_OP(test, p, #p, KTEST_NE, NULL, "NULL"))
#define KUNIT_EXPECT_STREQ(test, l, r) \
	((void)KTEST_STR_OP(test, l, #l, KTEST_EQ, r, #r))
#define KUNIT_EXPECT_STRNEQ(test, l, r) \
	((void)KTEST_STR_OP(test, l, #l, KTEST_NE, r, #r))
#define KUNIT_EXPECT_MEMEQ(test, l, r, size)                               \
	((void)ktest_check_mem(test, __FILE__, __LINE__, #l, #r, (l), (r), \
			       (size)))
#define KUNIT_EXPECT_TRUE(test, cond)                                      \
	((void)ktest_check_bool(test, __FILE__, __LINE__, #cond, !!(cond), \
				true))
#define KUNIT_EXPECT_FALSE(test, cond)                                     \
	((void)ktest_check_bool(test, __FILE__, __LINE__, #cond, !!(cond), \
				false))
#define KUNIT_FAIL(test, message) ktest_fail(test, __FILE__, __LINE__, message)

/* The ASSERT forms end the test case (they return from the caller). */
#define KUNIT_ASSERT_EQ(test, l, r)                              \
	do {                                                     \
		if (!KTEST_INT_OP(test, l, #l, KTEST_EQ, r, #r)) \
			return;                                  \
	} while (0)
#define KUNIT_ASSERT_NE(test, l, r)                              \
	do {                                                     \
		if (!KTEST_INT_OP(test, l, #l, KTEST_NE, r, #r)) \
			return;                                  \
	} while (0)
#define KUNIT_ASSERT_MEMEQ(test, l, r, size)                                \
	do {                                                                \
		if (!ktest_check_mem(test, __FILE__, __LINE__, #l, #r, (l), \
				     (r), (size)))                          \
			return;                                             \
	} while (0)
#define KUNIT_ASSERT_NOT_NULL(test, p)                                  \
	do {                                                            \
		if (!KTEST_PTR_OP(test, p, #p, KTEST_NE, NULL, "NULL")) \
			return;                                         \
	} while (0)
#define KUNIT_ASSERT_TRUE(test, cond)                                  \
	do {                                                           \
		if (!ktest_check_bool(test, __FILE__, __LINE__, #cond, \
				      !!(cond), true))                 \
			return;                                        \
	} while (0)

/* Marks the case skipped ("ok N name # SKIP reason") and ends it. */
#define kunit_skip(test, reason)                  \
	do {                                      \
		ktest_mark_skipped(test, reason); \
		return;                           \
	} while (0)

#endif /* _HOST_KTEST_H */
