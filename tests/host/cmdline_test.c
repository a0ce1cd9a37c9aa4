// SPDX-License-Identifier: GPL-2.0
/*
 * Verifies that lib/cmdline.c parses numbers, sizes and boot options as
 * include/cmdline.h (and Linux) say: kstrto*() accept exactly one number
 * (plus one trailing newline) and report -EINVAL or -ERANGE otherwise without
 * touching the result, simple_strto*() and memparse() parse a prefix and say
 * where they stopped, kstrtosize() takes one whole size or reports why not,
 * next_arg() splits "param=value" words and quotes.
 *
 * Strings are exact-size heap copies (kunit_kstrdup()) wherever a parser
 * could be tempted to read past the NUL.
 */
#include <cmdline.h>
#include <errno.h>
#include <kernel.h>

#include "host_ktest.h"

#define POISON_ULL 0x5a5a5a5a5a5a5a5aULL

/* kstrtoull() on an exact-size copy of `s`; *res starts as POISON_ULL. */
static int strtoull_exact(struct kunit *test, const char *s, unsigned int base,
			  unsigned long long *res)
{
	*res = POISON_ULL;
	return kstrtoull(kunit_kstrdup(test, s), base, res);
}

/* Expects kstrtoull(s, base) to fail with `err` and leave *res alone. */
#define EXPECT_ULL_ERROR(test, s, base, err)                                 \
	do {                                                                 \
		unsigned long long __res;                                    \
		KUNIT_EXPECT_EQ(test, strtoull_exact(test, s, base, &__res), \
				err);                                        \
		KUNIT_EXPECT_EQ(test, __res, POISON_ULL);                    \
	} while (0)

#define EXPECT_ULL(test, s, base, value)                                     \
	do {                                                                 \
		unsigned long long __res;                                    \
		KUNIT_EXPECT_EQ(test, strtoull_exact(test, s, base, &__res), \
				0);                                          \
		KUNIT_EXPECT_EQ(test, __res, value);                         \
	} while (0)

static void cmdline_kstrtoull_parses_decimal(struct kunit *test)
{
	EXPECT_ULL(test, "0", 10, 0);
	EXPECT_ULL(test, "42", 10, 42);
	EXPECT_ULL(test, "007", 10, 7);
	EXPECT_ULL(test, "18446744073709551615", 10, 0xffffffffffffffffULL);
}

static void cmdline_kstrtoull_base_16_accepts_optional_0x(struct kunit *test)
{
	EXPECT_ULL(test, "ff", 16, 255);
	EXPECT_ULL(test, "0xff", 16, 255);
	EXPECT_ULL(test, "0XfF", 16, 255);
	EXPECT_ULL(test, "DEADbeef", 16, 0xdeadbeef);
	EXPECT_ULL(test, "ffffffffffffffff", 16, 0xffffffffffffffffULL);
}

static void cmdline_kstrtoull_base_0_detects_prefixes(struct kunit *test)
{
	EXPECT_ULL(test, "0x1f", 0, 31);
	EXPECT_ULL(test, "0X10", 0, 16);
	EXPECT_ULL(test, "017", 0, 15);
	EXPECT_ULL(test, "0", 0, 0);
	EXPECT_ULL(test, "10", 0, 10);
	EXPECT_ULL(test, "+0x10", 0, 16);
}

static void cmdline_kstrtoull_base_8_takes_only_octal_digits(struct kunit *test)
{
	EXPECT_ULL(test, "777", 8, 511);
	EXPECT_ULL(test, "0777", 8, 511);
	EXPECT_ULL_ERROR(test, "8", 8, -EINVAL);
	EXPECT_ULL_ERROR(test, "08", 0, -EINVAL);
}

static void cmdline_kstrtoull_rejects_non_numbers(struct kunit *test)
{
	EXPECT_ULL_ERROR(test, "", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "12a", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "a12", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, " 12", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "12 ", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "+", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "\n", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "0x", 0, -EINVAL);
	EXPECT_ULL_ERROR(test, "0x", 16, -EINVAL);
	EXPECT_ULL_ERROR(test, "0xg", 16, -EINVAL);
	EXPECT_ULL_ERROR(test, "1.5", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "ff", 10, -EINVAL);
	KUNIT_EXPECT_EQ(test, -EINVAL, -22);
}

static void cmdline_kstrtoull_rejects_negative_numbers(struct kunit *test)
{
	EXPECT_ULL_ERROR(test, "-1", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "-0", 0, -EINVAL);
	EXPECT_ULL_ERROR(test, "+-1", 10, -EINVAL);
}

static void cmdline_kstrtoull_accepts_one_trailing_newline(struct kunit *test)
{
	EXPECT_ULL(test, "12\n", 10, 12);
	EXPECT_ULL(test, "0x10\n", 0, 16);
	EXPECT_ULL_ERROR(test, "12\n\n", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "1\n2", 10, -EINVAL);
	EXPECT_ULL_ERROR(test, "12\r\n", 10, -EINVAL);
}

static void cmdline_kstrtoull_accepts_leading_plus(struct kunit *test)
{
	EXPECT_ULL(test, "+7", 10, 7);
	EXPECT_ULL_ERROR(test, "++7", 10, -EINVAL);
}

static void cmdline_kstrtoull_overflow_is_erange(struct kunit *test)
{
	EXPECT_ULL_ERROR(test, "18446744073709551616", 10, -ERANGE);
	EXPECT_ULL_ERROR(test, "99999999999999999999", 10, -ERANGE);
	EXPECT_ULL_ERROR(test, "0x10000000000000000", 0, -ERANGE);
	EXPECT_ULL_ERROR(test, "2000000000000000000000", 8, -ERANGE);
	KUNIT_EXPECT_EQ(test, -ERANGE, -34);
}

static void cmdline_kstrtoull_rejects_bad_bases(struct kunit *test)
{
	EXPECT_ULL_ERROR(test, "1", 1, -EINVAL);
	EXPECT_ULL_ERROR(test, "1", 17, -EINVAL);
	EXPECT_ULL_ERROR(test, "1", 36, -EINVAL);
	EXPECT_ULL(test, "101", 2, 5);
}

static void cmdline_kstrtouint_checks_the_unsigned_int_range(struct kunit *test)
{
	unsigned int v = 77;

	KUNIT_EXPECT_EQ(test, kstrtouint("4294967295", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, UINT_MAX);
	KUNIT_EXPECT_EQ(test, kstrtouint("0xffffffff", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, UINT_MAX);
	v = 77;
	KUNIT_EXPECT_EQ(test, kstrtouint("4294967296", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtouint("-1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtouint("x", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, 77);
}

static void cmdline_kstrtoul_checks_the_unsigned_long_range(struct kunit *test)
{
	unsigned long v = 77;

	KUNIT_EXPECT_EQ(test, kstrtoul("123", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 123);
	if (sizeof(long) == 8) {
		KUNIT_EXPECT_EQ(test, kstrtoul("18446744073709551615", 10, &v),
				0);
		KUNIT_EXPECT_EQ(test, v, ULONG_MAX);
		v = 77;
		KUNIT_EXPECT_EQ(test, kstrtoul("18446744073709551616", 10, &v),
				-ERANGE);
	} else {
		KUNIT_EXPECT_EQ(test, kstrtoul("4294967295", 10, &v), 0);
		KUNIT_EXPECT_EQ(test, v, ULONG_MAX);
		v = 77;
		KUNIT_EXPECT_EQ(test, kstrtoul("4294967296", 10, &v), -ERANGE);
	}
	KUNIT_EXPECT_EQ(test, kstrtoul("-5", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, 77);
}

static void cmdline_kstrtoint_accepts_int_min_and_int_max(struct kunit *test)
{
	int v = 77;

	KUNIT_EXPECT_EQ(test, kstrtoint("2147483647", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, INT_MAX);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483648", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, INT_MIN);
	KUNIT_EXPECT_EQ(test, kstrtoint("-0x80000000", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, INT_MIN);
	KUNIT_EXPECT_EQ(test, kstrtoint("-0", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_EQ(test, kstrtoint("-0x10", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, -16);
	KUNIT_EXPECT_EQ(test, kstrtoint("+5\n", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 5);
}

static void cmdline_kstrtoint_rejects_out_of_range(struct kunit *test)
{
	int v = 77;

	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483649", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("4294967296", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("-18446744073709551616", 10, &v),
			-ERANGE);
	KUNIT_EXPECT_EQ(test, v, 77);
}

static void cmdline_kstrtoint_rejects_malformed_signs(struct kunit *test)
{
	int v = 77;

	KUNIT_EXPECT_EQ(test, kstrtoint("-", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("--1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("+-1", 10, &v), -EINVAL);
	/* As Linux: a sign after the minus is not a number either. */
	KUNIT_EXPECT_EQ(test, kstrtoint("-+1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("- 1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, 77);
}

static void cmdline_kstrtobool_accepts_linux_spellings(struct kunit *test)
{
	static const char *const yes[] = { "y",	 "Y",  "1",   "on",
					   "ON", "On", "yes", "y\n" };
	static const char *const no[] = { "n",	 "N",  "0",  "off",
					  "OFF", "of", "no", "n\n" };

	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		bool v = false;

		KUNIT_EXPECT_EQ(test,
				kstrtobool(kunit_kstrdup(test, yes[i]), &v), 0);
		KUNIT_EXPECT_TRUE(test, v);
	}
	for (size_t i = 0; i < ARRAY_SIZE(no); i++) {
		bool v = true;

		KUNIT_EXPECT_EQ(test,
				kstrtobool(kunit_kstrdup(test, no[i]), &v), 0);
		KUNIT_EXPECT_FALSE(test, v);
	}
}

static void cmdline_kstrtobool_rejects_other_words(struct kunit *test)
{
	static const char *const bad[] = { "", "o", "x", "2", "ox", " y" };

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		bool v = true;

		KUNIT_EXPECT_EQ(test,
				kstrtobool(kunit_kstrdup(test, bad[i]), &v),
				-EINVAL);
		KUNIT_EXPECT_TRUE(test, v);
	}
	KUNIT_EXPECT_EQ(test, kstrtobool(NULL, NULL), -EINVAL);
}

static void cmdline_simple_strtoull_stops_at_first_non_digit(struct kunit *test)
{
	const char *s = kunit_kstrdup(test, "123abc");
	const char *hex = kunit_kstrdup(test, "0x1fz");
	const char *none = kunit_kstrdup(test, "abc");
	char *end;

	KUNIT_EXPECT_EQ(test, simple_strtoull(s, &end, 10), 123);
	KUNIT_EXPECT_PTR_EQ(test, end, s + 3);
	KUNIT_EXPECT_EQ(test, simple_strtoull(hex, &end, 0), 31);
	KUNIT_EXPECT_PTR_EQ(test, end, hex + 4);
	KUNIT_EXPECT_EQ(test, simple_strtoull(hex, &end, 16), 31);
	KUNIT_EXPECT_PTR_EQ(test, end, hex + 4);
	KUNIT_EXPECT_EQ(test, simple_strtoull(s, &end, 16), 0x123abc);
	KUNIT_EXPECT_PTR_EQ(test, end, s + 6);
	KUNIT_EXPECT_EQ(test, simple_strtoull(none, &end, 10), 0);
	KUNIT_EXPECT_PTR_EQ(test, end, none);
	KUNIT_EXPECT_EQ(test, simple_strtoull("99", NULL, 10), 99);
}

static void cmdline_simple_strtoull_0x_without_digits(struct kunit *test)
{
	const char *s = kunit_kstrdup(test, "0xg");
	char *end;

	/* Base 0: not a hex prefix, so the number is the octal "0". */
	KUNIT_EXPECT_EQ(test, simple_strtoull(s, &end, 0), 0);
	KUNIT_EXPECT_PTR_EQ(test, end, s + 1);
	/* Base 16: the prefix alone is no number; nothing is parsed. */
	KUNIT_EXPECT_EQ(test, simple_strtoull(s, &end, 16), 0);
	KUNIT_EXPECT_PTR_EQ(test, end, s);
	/* memparse() stops at the same place as base 0. */
	KUNIT_EXPECT_EQ(test, memparse(s, &end), 0);
	KUNIT_EXPECT_PTR_EQ(test, end, s + 1);
}

static void cmdline_simple_strtoul_parses_a_prefix(struct kunit *test)
{
	const char *s = kunit_kstrdup(test, "0777 rest");
	char *end;

	KUNIT_EXPECT_EQ(test, simple_strtoul(s, &end, 0), 0777);
	KUNIT_EXPECT_PTR_EQ(test, end, s + 4);
	KUNIT_EXPECT_EQ(test, simple_strtoul(s, &end, 10), 777);
	KUNIT_EXPECT_EQ(test, simple_strtoul("", &end, 10), 0);
}

static void cmdline_memparse_applies_binary_suffixes(struct kunit *test)
{
	static const struct {
		const char *s;
		unsigned long long value;
		size_t parsed; /* characters consumed */
	} cases[] = {
		{ "64M", 64ULL << 20, 3 },
		{ "2G", 2ULL << 30, 2 },
		{ "4k", 4096, 2 },
		{ "4K", 4096, 2 },
		{ "1g", 1ULL << 30, 2 },
		{ "3m", 3ULL << 20, 2 },
		{ "0x1000", 0x1000, 6 },
		{ "0x10M", 16ULL << 20, 5 },
		{ "12abc", 12, 2 },
		{ "16M,rest", 16ULL << 20, 3 },
		{ "1KK", 1024, 2 },
		{ "100", 100, 3 },
		{ "", 0, 0 },
		{ "M", 0, 1 }, /* as Linux: the suffix is consumed */
		{ "4096G", 4096ULL << 30, 5 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *s = kunit_kstrdup(test, cases[i].s);
		char *end = NULL;

		KUNIT_EXPECT_EQ(test, memparse(s, &end), cases[i].value);
		KUNIT_EXPECT_PTR_EQ(test, end, s + cases[i].parsed);
	}
	KUNIT_EXPECT_EQ(test, memparse("8M", NULL), 8ULL << 20);
}

static void cmdline_kstrtosize_takes_one_whole_size(struct kunit *test)
{
	static const struct {
		const char *s;
		int err;
		unsigned long long value;
	} cases[] = {
		{ "64M", 0, 64ULL << 20 },
		{ "0x1000", 0, 0x1000 },
		{ "0", 0, 0 },
		{ "4k\n", 0, 4096 },
		{ "16383G", 0, 16383ULL << 30 },
		{ "17179869183G", 0, 17179869183ULL << 30 }, /* 2^64 - 1G */
		{ "17179869184G", -ERANGE, 0 }, /* 2^64: one too many */
		{ "18446744073709551615", 0, 18446744073709551615ULL },
		{ "18446744073709551616", -ERANGE, 0 },
		{ "99999999999999999999M", -ERANGE, 0 },
		{ "", -EINVAL, 0 },
		{ "M", -EINVAL, 0 },
		{ "12abc", -EINVAL, 0 },
		{ "1KK", -EINVAL, 0 },
		{ "16M,rest", -EINVAL, 0 },
		{ "-1", -EINVAL, 0 },
		{ " 1", -EINVAL, 0 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long long res = POISON_ULL;
		int err = kstrtosize(kunit_kstrdup(test, cases[i].s), &res);

		KUNIT_EXPECT_EQ(test, err, cases[i].err);
		KUNIT_EXPECT_EQ(test, res, err ? POISON_ULL : cases[i].value);
	}
	KUNIT_EXPECT_EQ(test, kstrtosize(NULL, NULL), -EINVAL);
}

/* Calls next_arg() and checks the word it split off. */
static char *expect_next_arg(struct kunit *test, char *args,
			     const char *want_param, const char *want_val)
{
	char *param = (char *)"unset", *val = (char *)"unset";
	char *rest = next_arg(args, &param, &val);

	KUNIT_EXPECT_STREQ(test, param, want_param);
	KUNIT_EXPECT_STREQ(test, val, want_val); /* both NULL is equal */
	KUNIT_EXPECT_NOT_NULL(test, rest);
	return rest;
}

static void cmdline_next_arg_splits_a_command_line(struct kunit *test)
{
	char *args = kunit_kstrdup(test,
				   "mem=64M  nopse ktest=lib.case \"opt=a b\"");

	args = expect_next_arg(test, args, "mem", "64M");
	KUNIT_EXPECT_STREQ(test, args, "nopse ktest=lib.case \"opt=a b\"");
	args = expect_next_arg(test, args, "nopse", NULL);
	args = expect_next_arg(test, args, "ktest", "lib.case");
	args = expect_next_arg(test, args, "opt", "a b");
	KUNIT_EXPECT_STREQ(test, args, "");
}

static void cmdline_next_arg_strips_quotes_around_values(struct kunit *test)
{
	char *args = kunit_kstrdup(test, "opt=\"a b\" x=\"\" y");

	args = expect_next_arg(test, args, "opt", "a b");
	args = expect_next_arg(test, args, "x", "");
	args = expect_next_arg(test, args, "y", NULL);
	KUNIT_EXPECT_STREQ(test, args, "");
}

static void cmdline_next_arg_quoted_word_without_value(struct kunit *test)
{
	char *args = kunit_kstrdup(test, "\"a b\" c");

	args = expect_next_arg(test, args, "a b", NULL);
	args = expect_next_arg(test, args, "c", NULL);
	KUNIT_EXPECT_STREQ(test, args, "");
}

static void cmdline_next_arg_skips_surrounding_spaces(struct kunit *test)
{
	char *args = kunit_kstrdup(test, "  \tfoo   \n");
	char *empty = kunit_kstrdup(test, "");
	char *rest;

	rest = expect_next_arg(test, args, "foo", NULL);
	KUNIT_EXPECT_STREQ(test, rest, "");
	rest = expect_next_arg(test, empty, "", NULL);
	KUNIT_EXPECT_PTR_EQ(test, rest, empty);
}

static void cmdline_next_arg_splits_only_at_the_first_equals(struct kunit *test)
{
	char *args = kunit_kstrdup(test, "a=b=c d= e");

	args = expect_next_arg(test, args, "a", "b=c");
	args = expect_next_arg(test, args, "d", "");
	args = expect_next_arg(test, args, "e", NULL);
}

static struct kunit_case cmdline_cases[] = {
	KUNIT_CASE(cmdline_kstrtoull_parses_decimal),
	KUNIT_CASE(cmdline_kstrtoull_base_16_accepts_optional_0x),
	KUNIT_CASE(cmdline_kstrtoull_base_0_detects_prefixes),
	KUNIT_CASE(cmdline_kstrtoull_base_8_takes_only_octal_digits),
	KUNIT_CASE(cmdline_kstrtoull_rejects_non_numbers),
	KUNIT_CASE(cmdline_kstrtoull_rejects_negative_numbers),
	KUNIT_CASE(cmdline_kstrtoull_accepts_one_trailing_newline),
	KUNIT_CASE(cmdline_kstrtoull_accepts_leading_plus),
	KUNIT_CASE(cmdline_kstrtoull_overflow_is_erange),
	KUNIT_CASE(cmdline_kstrtoull_rejects_bad_bases),
	KUNIT_CASE(cmdline_kstrtouint_checks_the_unsigned_int_range),
	KUNIT_CASE(cmdline_kstrtoul_checks_the_unsigned_long_range),
	KUNIT_CASE(cmdline_kstrtoint_accepts_int_min_and_int_max),
	KUNIT_CASE(cmdline_kstrtoint_rejects_out_of_range),
	KUNIT_CASE(cmdline_kstrtoint_rejects_malformed_signs),
	KUNIT_CASE(cmdline_kstrtobool_accepts_linux_spellings),
	KUNIT_CASE(cmdline_kstrtobool_rejects_other_words),
	KUNIT_CASE(cmdline_simple_strtoull_stops_at_first_non_digit),
	KUNIT_CASE(cmdline_simple_strtoull_0x_without_digits),
	KUNIT_CASE(cmdline_simple_strtoul_parses_a_prefix),
	KUNIT_CASE(cmdline_memparse_applies_binary_suffixes),
	KUNIT_CASE(cmdline_kstrtosize_takes_one_whole_size),
	KUNIT_CASE(cmdline_next_arg_splits_a_command_line),
	KUNIT_CASE(cmdline_next_arg_strips_quotes_around_values),
	KUNIT_CASE(cmdline_next_arg_quoted_word_without_value),
	KUNIT_CASE(cmdline_next_arg_skips_surrounding_spaces),
	KUNIT_CASE(cmdline_next_arg_splits_only_at_the_first_equals),
	{}
};

static struct kunit_suite cmdline_suite = {
	.name = "cmdline",
	.test_cases = cmdline_cases,
};
kunit_test_suite(cmdline_suite);
