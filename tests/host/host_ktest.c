// SPDX-License-Identifier: GPL-2.0
/*
 * host_ktest.c - runs the host unit tests of lib/ and prints KTAP.
 *
 * main() runs every suite registered with kunit_test_suite() (in link order)
 * and reports the results in KTAP version 1, as KUnit prints them:
 *
 *	KTAP version 1
 *	1..4
 *	    KTAP version 1
 *	    # Subtest: string
 *	    1..25
 *	    # tests/host/string_test.c:42: expected ... == ..., got 1 vs 2
 *	    not ok 1 string_memcpy_copies_exact_bytes
 *	    ...
 *	    # string: pass:24 fail:1 skip:0 total:25
 *	not ok 1 string
 *
 * Usage: lib_tests [GLOB...]: only run the cases whose "suite.case" matches
 * one of the globs (* and ?); a glob without a '.' selects whole suites, as
 * KUnit's kunit.filter_glob.  Exit status: 0 if every case run passed, 1 if
 * one failed or a filter matched nothing; an ASan or UBSan report stops the
 * run with a non-zero status (and a KTAP plan that is not complete).
 *
 * Output is written with write(2), a line at a time, so what was printed
 * before an AddressSanitizer report is not lost in a stdio buffer.
 */
#include "host_ktest.h"

/* Defaults for the sanitizer runtimes (the environment can still override). */
const char *__asan_default_options(void);
const char *__ubsan_default_options(void);

const char *__asan_default_options(void)
{
	return "print_stacktrace=1:detect_stack_use_after_return=1";
}

const char *__ubsan_default_options(void)
{
	return "print_stacktrace=1:halt_on_error=1";
}

/* --- output, a line at a time ------------------------------------------- */

static char out_line[1024];
static size_t out_len;

static void out_flush(void)
{
	size_t done = 0;

	while (done < out_len) {
		long n = write(1, out_line + done, out_len - done);

		if (n <= 0)
			break; /* nothing sensible to do: stdout is gone */
		done += (size_t)n;
	}
	out_len = 0;
}

static void out_char(char c)
{
	if (out_len == sizeof(out_line))
		out_flush();
	out_line[out_len++] = c;
	if (c == '\n')
		out_flush();
}

static void out_str(const char *s)
{
	while (*s)
		out_char(*s++);
}

static void out_unsigned(unsigned long long v)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n--)
		out_char(tmp[n]);
}

static void out_hex(unsigned long long v, int min_digits)
{
	char tmp[16];
	int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v & 0xf];
		v >>= 4;
	} while (v || n < min_digits);
	while (n--)
		out_char(tmp[n]);
}

static void out_int(struct ktest_int v)
{
	if (v.is_signed && (long long)v.bits < 0) {
		out_char('-');
		out_unsigned(0 - v.bits);
	} else {
		out_unsigned(v.bits);
	}
}

/* A C string literal for `s`, escaped, at most 200 characters of it. */
static void out_quoted(const char *s)
{
	int n;

	if (!s) {
		out_str("(null)");
		return;
	}
	out_char('"');
	for (n = 0; s[n] && n < 200; n++) {
		unsigned char c = (unsigned char)s[n];

		if (c == '"' || c == '\\') {
			out_char('\\');
			out_char((char)c);
		} else if (c == '\n') {
			out_str("\\n");
		} else if (c == '\t') {
			out_str("\\t");
		} else if (c < 0x20 || c >= 0x7f) {
			out_str("\\x");
			out_hex(c, 2);
		} else {
			out_char((char)c);
		}
	}
	out_char('"');
	if (s[n])
		out_str("...");
}

/* --- checks ------------------------------------------------------------- */

static const char *const op_text[] = {
	[KTEST_EQ] = "==", [KTEST_NE] = "!=", [KTEST_LT] = "<",
	[KTEST_LE] = "<=", [KTEST_GT] = ">",  [KTEST_GE] = ">=",
};

/* -1, 0 or 1 as cmp is <, == or > zero: the result `op` asks about. */
static bool op_holds(enum ktest_op op, int cmp)
{
	switch (op) {
	case KTEST_EQ:
		return cmp == 0;
	case KTEST_NE:
		return cmp != 0;
	case KTEST_LT:
		return cmp < 0;
	case KTEST_LE:
		return cmp <= 0;
	case KTEST_GT:
		return cmp > 0;
	case KTEST_GE:
		return cmp >= 0;
	}
	return false;
}

/* Starts "    # file:line: expected " and marks the case failed. */
static void fail_begin(struct kunit *test, const char *file, int line)
{
	test->status = KUNIT_FAILURE;
	out_str("    # ");
	out_str(file);
	out_char(':');
	out_unsigned((unsigned int)line);
	out_str(": ");
}

static void fail_expected(struct kunit *test, const char *file, int line,
			  const char *left_text, enum ktest_op op,
			  const char *right_text)
{
	fail_begin(test, file, line);
	out_str("expected ");
	out_str(left_text);
	out_char(' ');
	out_str(op_text[op]);
	out_char(' ');
	out_str(right_text);
	out_str(", got ");
}

static int compare_int(struct ktest_int a, struct ktest_int b)
{
	bool a_neg = a.is_signed && (long long)a.bits < 0;
	bool b_neg = b.is_signed && (long long)b.bits < 0;

	if (a_neg != b_neg)
		return a_neg ? -1 : 1;
	/* Same side of zero: two's complement order is the unsigned order. */
	return a.bits < b.bits ? -1 : a.bits > b.bits;
}

bool ktest_check_int(struct kunit *test, const char *file, int line,
		     const char *left_text, enum ktest_op op,
		     const char *right_text, struct ktest_int left,
		     struct ktest_int right)
{
	if (op_holds(op, compare_int(left, right)))
		return true;
	fail_expected(test, file, line, left_text, op, right_text);
	out_int(left);
	out_str(" vs ");
	out_int(right);
	out_char('\n');
	return false;
}

bool ktest_check_ptr(struct kunit *test, const char *file, int line,
		     const char *left_text, enum ktest_op op,
		     const char *right_text, const void *left,
		     const void *right)
{
	unsigned long a = (unsigned long)left, b = (unsigned long)right;

	if (op_holds(op, a < b ? -1 : a > b))
		return true;
	fail_expected(test, file, line, left_text, op, right_text);
	out_str("0x");
	out_hex(a, 1);
	out_str(" vs 0x");
	out_hex(b, 1);
	out_char('\n');
	return false;
}

static int compare_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b ? 0 : (a ? 1 : -1);
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a < (unsigned char)*b ?
		       -1 :
		       (unsigned char)*a > (unsigned char)*b;
}

bool ktest_check_str(struct kunit *test, const char *file, int line,
		     const char *left_text, enum ktest_op op,
		     const char *right_text, const char *left,
		     const char *right)
{
	if (op_holds(op, compare_str(left, right)))
		return true;
	fail_expected(test, file, line, left_text, op, right_text);
	out_quoted(left);
	out_str(" vs ");
	out_quoted(right);
	out_char('\n');
	return false;
}

static void out_bytes(const unsigned char *p, size_t size)
{
	for (size_t i = 0; i < size && i < 32; i++) {
		if (i)
			out_char(' ');
		out_hex(p[i], 2);
	}
	if (size > 32)
		out_str(" ...");
}

bool ktest_check_mem(struct kunit *test, const char *file, int line,
		     const char *left_text, const char *right_text,
		     const void *left, const void *right, size_t size)
{
	const unsigned char *a = left, *b = right;
	size_t i;

	for (i = 0; i < size; i++)
		if (a[i] != b[i])
			break;
	if (i == size)
		return true;
	fail_expected(test, file, line, left_text, KTEST_EQ, right_text);
	out_str("a difference at byte ");
	out_unsigned(i);
	out_str(" of ");
	out_unsigned(size);
	out_str(": ");
	out_bytes(a, size);
	out_str(" vs ");
	out_bytes(b, size);
	out_char('\n');
	return false;
}

bool ktest_check_bool(struct kunit *test, const char *file, int line,
		      const char *text, bool value, bool expected)
{
	if (value == expected)
		return true;
	fail_begin(test, file, line);
	out_str("expected ");
	out_str(text);
	out_str(expected ? " to be true, got false\n" :
			   " to be false, got true\n");
	return false;
}

void ktest_fail(struct kunit *test, const char *file, int line,
		const char *message)
{
	fail_begin(test, file, line);
	out_str(message);
	out_char('\n');
}

void ktest_mark_skipped(struct kunit *test, const char *reason)
{
	if (test->status == KUNIT_FAILURE)
		return;
	test->status = KUNIT_SKIPPED;
	test->skip_reason = reason;
}

void ktest_note(const char *file, int line, const char *text)
{
	out_str("    # ");
	out_str(file);
	out_char(':');
	out_unsigned((unsigned int)line);
	out_str(": ");
	out_str(text);
	out_char('\n');
}

void ktest_note_int(const char *file, int line, const char *text,
		    long long value)
{
	out_str("    # ");
	out_str(file);
	out_char(':');
	out_unsigned((unsigned int)line);
	out_str(": ");
	out_str(text);
	out_char(' ');
	out_int(KTEST_INT(value));
	out_char('\n');
}

/* --- memory that lives as long as the case ------------------------------ */

struct ktest_alloc {
	struct ktest_alloc *next;
	void *ptr;
};

void *kunit_kmalloc(struct kunit *test, size_t size)
{
	struct ktest_alloc *node = malloc(sizeof(*node));
	unsigned char *p = malloc(size);

	for (size_t i = 0; i < size; i++)
		p[i] = 0xa5;
	node->ptr = p;
	node->next = test->allocs;
	test->allocs = node;
	return p;
}

void *kunit_kmemdup(struct kunit *test, const void *src, size_t size)
{
	unsigned char *p = kunit_kmalloc(test, size);
	const unsigned char *s = src;

	for (size_t i = 0; i < size; i++)
		p[i] = s[i];
	return p;
}

char *kunit_kstrdup(struct kunit *test, const char *s)
{
	size_t len = 0;

	while (s[len])
		len++;
	return kunit_kmemdup(test, s, len + 1);
}

static void free_allocs(struct kunit *test)
{
	while (test->allocs) {
		struct ktest_alloc *node = test->allocs;

		test->allocs = node->next;
		free(node->ptr);
		free(node);
	}
}

/* --- selecting cases ---------------------------------------------------- */

/* Glob match with * (any run) and ? (any one character). */
static bool glob_match(const char *glob, const char *s)
{
	const char *star = NULL, *retry = NULL;

	while (*s) {
		if (*glob == '*') {
			star = ++glob;
			retry = s;
		} else if (*glob == '?' || *glob == *s) {
			glob++;
			s++;
		} else if (star) {
			glob = star;
			s = ++retry;
		} else {
			return false;
		}
	}
	while (*glob == '*')
		glob++;
	return !*glob;
}

/* Does "suite.case" match the glob (a glob without '.' names suites)? */
static bool glob_selects(const char *glob, const char *suite, const char *name)
{
	char suite_glob[128];
	size_t n = 0;

	while (glob[n] && glob[n] != '.' && n < sizeof(suite_glob) - 1) {
		suite_glob[n] = glob[n];
		n++;
	}
	suite_glob[n] = '\0';
	if (!glob_match(suite_glob, suite))
		return false;
	return glob[n] != '.' || glob_match(glob + n + 1, name);
}

static int num_globs;
static char **globs;

static bool selected(const struct kunit_suite *suite,
		     const struct kunit_case *c)
{
	if (num_globs == 0)
		return true;
	for (int i = 0; i < num_globs; i++)
		if (glob_selects(globs[i], suite->name, c->name))
			return true;
	return false;
}

static int count_selected(const struct kunit_suite *suite)
{
	int n = 0;

	for (const struct kunit_case *c = suite->test_cases; c->run_case; c++)
		n += selected(suite, c);
	return n;
}

/* --- running ------------------------------------------------------------ */

/* The linker collects kunit_test_suite() pointers between these two. */
extern struct kunit_suite *const __start_ktest_suites[];
extern struct kunit_suite *const __stop_ktest_suites[];

static void out_result(const char *indent, bool ok, int number,
		       const char *name, const char *directive)
{
	out_str(indent);
	out_str(ok ? "ok " : "not ok ");
	out_unsigned((unsigned int)number);
	out_char(' ');
	out_str(name);
	if (directive) {
		out_str(" # SKIP ");
		out_str(directive);
	}
	out_char('\n');
}

/* Runs one suite's selected cases; returns true if none failed. */
static bool run_suite(const struct kunit_suite *suite, int number)
{
	int pass = 0, fail = 0, skip = 0, index = 0;

	out_str("    KTAP version 1\n    # Subtest: ");
	out_str(suite->name);
	out_str("\n    1..");
	out_unsigned((unsigned int)count_selected(suite));
	out_char('\n');

	for (const struct kunit_case *c = suite->test_cases; c->run_case; c++) {
		struct kunit test = { .name = c->name,
				      .status = KUNIT_SUCCESS };

		if (!selected(suite, c))
			continue;
		c->run_case(&test);
		free_allocs(&test);
		index++;
		switch (test.status) {
		case KUNIT_SUCCESS:
			pass++;
			out_result("    ", true, index, c->name, NULL);
			break;
		case KUNIT_FAILURE:
			fail++;
			out_result("    ", false, index, c->name, NULL);
			break;
		case KUNIT_SKIPPED:
			skip++;
			out_result("    ", true, index, c->name,
				   test.skip_reason ? test.skip_reason : "");
			break;
		}
	}

	out_str("    # ");
	out_str(suite->name);
	out_str(": pass:");
	out_unsigned((unsigned int)pass);
	out_str(" fail:");
	out_unsigned((unsigned int)fail);
	out_str(" skip:");
	out_unsigned((unsigned int)skip);
	out_str(" total:");
	out_unsigned((unsigned int)index);
	out_char('\n');
	out_result("", fail == 0, number, suite->name,
		   pass == 0 && fail == 0 && skip > 0 ? "all cases skipped" :
							NULL);
	return fail == 0;
}

int main(int argc, char **argv)
{
	struct kunit_suite *const *s;
	int suites = 0, number = 0;
	bool ok = true;

	num_globs = argc - 1;
	globs = argv + 1;

	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		suites += count_selected(*s) > 0;
	if (suites == 0 && num_globs > 0) {
		/* A mistyped filter must not pass as a green run. */
		out_str("KTAP version 1\n1..0\n# no test case matches\n");
		return 1;
	}
	out_str("KTAP version 1\n1..");
	out_unsigned((unsigned int)suites);
	out_char('\n');
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		if (count_selected(*s) > 0)
			ok &= run_suite(*s, ++number);
	out_flush();
	return ok ? 0 : 1;
}
