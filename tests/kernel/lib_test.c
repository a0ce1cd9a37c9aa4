// SPDX-License-Identifier: GPL-2.0
/*
 * lib_test.c - verifies that the freestanding C library works in the i386
 * kernel build as it does in the host tests (tests/host): the string
 * instructions behind memcpy/memset at every size and alignment, 64-bit
 * formatting and division (arch/x86/lib/div64.c), and the parsers the shell
 * and boot options use.
 */
#include <cmdline.h>
#include <errno.h>
#include <kernel.h>
#include <ktest.h>
#include <sort.h>
#include <sprintf.h>
#include <string.h>

static void lib_snprintf_formats_hex_with_padding(struct ktest *test)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%08lx|%-6s|%5d", 0xc0100000UL, "ab", -42);
	KTEST_EXPECT_STREQ(test, buf, "c0100000|ab    |  -42");
}

static void lib_snprintf_formats_64bit_numbers(struct ktest *test)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%llu %#018llx %lld",
		 18446744073709551615ULL, 0x100000000ULL,
		 -9223372036854775807LL - 1);
	KTEST_EXPECT_STREQ(
		test, buf,
		"18446744073709551615 0x0000000100000000 -9223372036854775808");
}

static void lib_snprintf_truncates_and_counts(struct ktest *test)
{
	char buf[8];

	KTEST_EXPECT_EQ(test, snprintf(buf, sizeof(buf), "%s", "0123456789"),
			10);
	KTEST_EXPECT_STREQ(test, buf, "0123456");
	KTEST_EXPECT_EQ(test, scnprintf(buf, sizeof(buf), "%s", "0123456789"),
			7);
}

static void lib_snprintf_prints_symbols(struct ktest *test)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "%pS", (void *)lib_snprintf_prints_symbols);
	KTEST_EXPECT_TRUE(test,
			  str_has_prefix(buf,
					 "lib_snprintf_prints_symbols+0x0/0x"));
	snprintf(buf, sizeof(buf), "%pS", (void *)0x1234);
	KTEST_EXPECT_STREQ(test, buf, "0x00001234");
}

static void lib_memcpy_copies_every_size_and_alignment(struct ktest *test)
{
	static u8 src[96], dst[96];

	for (size_t i = 0; i < sizeof(src); i++)
		src[i] = (u8)(i * 7 + 1);
	for (size_t off = 0; off < 4; off++) {
		for (size_t n = 0; n <= 64; n++) {
			memset(dst, 0xee, sizeof(dst));
			memcpy(dst + off, src + (3 - off), n);
			KTEST_ASSERT_EQ(
				test, memcmp(dst + off, src + (3 - off), n), 0);
			KTEST_ASSERT_EQ(test, dst[off + n], 0xee);
			if (off)
				KTEST_ASSERT_EQ(test, dst[off - 1], 0xee);
		}
	}
}

static void lib_memset_fills_exactly(struct ktest *test)
{
	static u8 buf[80];

	for (size_t n = 0; n <= 70; n++) {
		memset(buf, 0, sizeof(buf));
		memset(buf + 1, 0x5a, n);
		KTEST_ASSERT_EQ(test, buf[0], 0);
		KTEST_ASSERT_NULL(test, memchr_inv(buf + 1, 0x5a, n));
		KTEST_ASSERT_EQ(test, buf[n + 1], 0);
	}
}

static void lib_memmove_handles_overlap(struct ktest *test)
{
	char buf[16] = "abcdefghij";

	memmove(buf + 2, buf, 8);
	KTEST_EXPECT_STREQ(test, buf, "ababcdefgh");
	memmove(buf, buf + 2, 8);
	KTEST_EXPECT_EQ(test, memcmp(buf, "abcdefgh", 8), 0);
}

static void lib_kstrtoul_is_strict(struct ktest *test)
{
	unsigned long v = 0;

	KTEST_EXPECT_EQ(test, kstrtoul("0x1000", 0, &v), 0);
	KTEST_EXPECT_EQ(test, v, 0x1000);
	KTEST_EXPECT_EQ(test, kstrtoul("12a", 0, &v), -EINVAL);
	KTEST_EXPECT_EQ(test, kstrtoul("", 0, &v), -EINVAL);
	KTEST_EXPECT_EQ(test, kstrtoul("4294967296", 0, &v), -ERANGE);
}

static void lib_memparse_understands_suffixes(struct ktest *test)
{
	char *end;

	KTEST_EXPECT_EQ(test, memparse("64M", &end), 64ULL << 20);
	KTEST_EXPECT_EQ(test, *end, '\0');
	KTEST_EXPECT_EQ(test, memparse("3583M", NULL), 3583ULL << 20);
	KTEST_EXPECT_EQ(test, memparse("4G", NULL), 4ULL << 30);
	KTEST_EXPECT_EQ(test, memparse("0x1000k", NULL), 0x1000ULL << 10);
	memparse("12abc", &end);
	KTEST_EXPECT_EQ(test, *end, 'a');
}

static void lib_next_arg_splits_options(struct ktest *test)
{
	char line[] = "mem=64M  nopse ktest=lib.case";
	char *rest = line, *param, *val;

	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(test, param, "mem");
	KTEST_EXPECT_STREQ(test, val, "64M");
	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(test, param, "nopse");
	KTEST_EXPECT_NULL(test, val);
	rest = next_arg(rest, &param, &val);
	KTEST_EXPECT_STREQ(test, val, "lib.case");
	KTEST_EXPECT_EQ(test, *rest, '\0');
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void lib_sort_orders_integers(struct ktest *test)
{
	int v[64];

	for (int i = 0; i < 64; i++)
		v[i] = (i * 37) % 64;
	sort(v, 64, sizeof(int), cmp_int);
	for (int i = 0; i < 64; i++)
		KTEST_ASSERT_EQ(test, v[i], i);
}

/*
 * The 64-bit division helpers (arch/x86/lib/div64.c): GCC calls them with
 * register arguments.  Known quotients first, then random dividends and
 * divisors of every width, checked by multiplying back.
 */
static void lib_64bit_division_is_exact(struct ktest *test)
{
	/* volatile: the compiler must call the helpers, not fold. */
	volatile u64 big = 18446744073709551615ULL, ten = 10, wide = 1ULL << 40;
	volatile s64 neg = -9223372036854775807LL - 1, seven = 7;
	u64 x = 0x9e3779b97f4a7c15ULL;

	KTEST_EXPECT_EQ(test, big / ten, 1844674407370955161ULL);
	KTEST_EXPECT_EQ(test, big % ten, 5);
	KTEST_EXPECT_EQ(test, big / wide, 16777215);
	KTEST_EXPECT_EQ(test, big % wide, wide - 1);
	KTEST_EXPECT_EQ(test, neg / seven, -1317624576693539401LL);
	KTEST_EXPECT_EQ(test, neg % seven, -1);
	KTEST_EXPECT_EQ(test, (s64)ten / -seven, -1);
	KTEST_EXPECT_EQ(test, (s64)ten % -seven, 3);
	for (int i = 0; i < 512; i++) {
		u64 n, d, q, r;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17; /* xorshift64 */
		n = x;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		d = x >> (i % 64) ?: 1;
		q = n / d;
		r = n % d;
		KTEST_ASSERT_TRUE(test, r < d);
		KTEST_ASSERT_EQ(test, q * d + r, n);
		KTEST_ASSERT_EQ(test,
				(s64)n / (s64)d * (s64)d + (s64)n % (s64)d,
				(s64)n);
	}
}

static const struct ktest_case lib_cases[] = {
	KTEST_CASE(lib_snprintf_formats_hex_with_padding),
	KTEST_CASE(lib_snprintf_formats_64bit_numbers),
	KTEST_CASE(lib_snprintf_truncates_and_counts),
	KTEST_CASE(lib_snprintf_prints_symbols),
	KTEST_CASE(lib_memcpy_copies_every_size_and_alignment),
	KTEST_CASE(lib_memset_fills_exactly),
	KTEST_CASE(lib_memmove_handles_overlap),
	KTEST_CASE(lib_kstrtoul_is_strict),
	KTEST_CASE(lib_memparse_understands_suffixes),
	KTEST_CASE(lib_next_arg_splits_options),
	KTEST_CASE(lib_sort_orders_integers),
	KTEST_CASE(lib_64bit_division_is_exact),
	{}
};
KTEST_SUITE(lib, lib_cases);
