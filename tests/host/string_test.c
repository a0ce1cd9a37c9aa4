// SPDX-License-Identifier: GPL-2.0
/*
 * Verifies that the string and memory functions of lib/string.c behave as
 * include/string.h says (and as the C library and Linux do), edge cases
 * included: empty strings, zero lengths, overlapping moves, truncation.
 *
 * Buffers come from kunit_kmalloc() and have exactly the size under test,
 * so AddressSanitizer stops the run on any read or write past their end;
 * buffers on the stack carry canary bytes around the region a call may touch.
 */
#include <errno.h>
#include <string.h>

#include "host_ktest.h"

/* The reference the overlap tests compare against: a copy through `tmp`. */
static void ref_move(unsigned char *dest, const unsigned char *src, size_t n)
{
	unsigned char tmp[128];

	for (size_t i = 0; i < n; i++)
		tmp[i] = src[i];
	for (size_t i = 0; i < n; i++)
		dest[i] = tmp[i];
}

static void fill_pattern(unsigned char *p, size_t n, unsigned int seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7);
}

static void string_memcpy_copies_exact_bytes(struct kunit *test)
{
	unsigned char buf[16];

	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = 0xaa;
	KUNIT_EXPECT_PTR_EQ(test, memcpy(buf + 2, "abcdef", 6), buf + 2);
	KUNIT_EXPECT_EQ(test, buf[0], 0xaa);
	KUNIT_EXPECT_EQ(test, buf[1], 0xaa);
	KUNIT_EXPECT_MEMEQ(test, buf + 2, "abcdef", 6);
	for (size_t i = 8; i < sizeof(buf); i++)
		KUNIT_EXPECT_EQ(test, buf[i], 0xaa);
}

static void string_memcpy_handles_every_small_size(struct kunit *test)
{
	/* Sizes around multiples of 4: the i386 version copies dwords. */
	for (size_t n = 0; n <= 33; n++) {
		unsigned char *src = kunit_kmalloc(test, n);
		unsigned char *dst = kunit_kmalloc(test, n);

		fill_pattern(src, n, (unsigned int)n);
		KUNIT_EXPECT_PTR_EQ(test, memcpy(dst, src, n), dst);
		KUNIT_EXPECT_MEMEQ(test, dst, src, n);
	}
}

static void string_memcpy_of_zero_bytes_changes_nothing(struct kunit *test)
{
	char buf[4] = "xyz";

	KUNIT_EXPECT_PTR_EQ(test, memcpy(buf, "abc", 0), buf);
	KUNIT_EXPECT_STREQ(test, buf, "xyz");
}

static void string_memmove_overlap_dest_above_src(struct kunit *test)
{
	char buf[] = "abcdefghij";

	KUNIT_EXPECT_PTR_EQ(test, memmove(buf + 2, buf, 6), buf + 2);
	KUNIT_EXPECT_STREQ(test, buf, "ababcdefij");
}

static void string_memmove_overlap_dest_below_src(struct kunit *test)
{
	char buf[] = "abcdefghij";

	KUNIT_EXPECT_PTR_EQ(test, memmove(buf, buf + 2, 6), buf);
	KUNIT_EXPECT_STREQ(test, buf, "cdefghghij");
}

static void string_memmove_matches_reference_move(struct kunit *test)
{
	unsigned char got[64], want[64];

	/* Every distance both ways, lengths 0..40 (all overlapping or not). */
	for (size_t n = 0; n <= 40; n++) {
		for (size_t from = 0; from + n <= sizeof(got); from += 3) {
			for (size_t to = 0; to + n <= sizeof(got); to += 5) {
				fill_pattern(got, sizeof(got), 1);
				fill_pattern(want, sizeof(want), 1);
				memmove(got + to, got + from, n);
				ref_move(want + to, want + from, n);
				KUNIT_ASSERT_MEMEQ(test, got, want,
						   sizeof(got));
			}
		}
	}
}

static void string_memmove_same_pointer_is_a_no_op(struct kunit *test)
{
	char buf[] = "hello";

	KUNIT_EXPECT_PTR_EQ(test, memmove(buf, buf, 5), buf);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
	KUNIT_EXPECT_PTR_EQ(test, memmove(buf + 1, buf, 0), buf + 1);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
}

static void string_memset_fills_with_low_byte_of_c(struct kunit *test)
{
	unsigned char buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	const unsigned char want[8] = { 1, 0xab, 0xab, 0xab, 0xab, 0xab, 7, 8 };

	KUNIT_EXPECT_PTR_EQ(test, memset(buf + 1, 0x1ab, 5), buf + 1);
	KUNIT_EXPECT_MEMEQ(test, buf, want, sizeof(want));
	KUNIT_EXPECT_PTR_EQ(test, memset(buf, 0, 0), buf);
	KUNIT_EXPECT_EQ(test, buf[0], 1);
}

static void string_memset_handles_every_small_size(struct kunit *test)
{
	for (size_t n = 0; n <= 33; n++) {
		unsigned char *p = kunit_kmalloc(test, n);

		memset(p, -1, n);
		for (size_t i = 0; i < n; i++)
			KUNIT_EXPECT_EQ(test, p[i], 0xff);
	}
}

static void string_memcmp_orders_bytes_as_unsigned(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, memcmp("abc", "abc", 3), 0);
	KUNIT_EXPECT_LT(test, memcmp("abc", "abd", 3), 0);
	KUNIT_EXPECT_GT(test, memcmp("abd", "abc", 3), 0);
	KUNIT_EXPECT_GT(test, memcmp("\x80", "\x7f", 1), 0);
	KUNIT_EXPECT_LT(test, memcmp("\x01", "\xff", 1), 0);
	/* Bytes past n, NULs included, do not count. */
	KUNIT_EXPECT_EQ(test, memcmp("abX", "abY", 2), 0);
	KUNIT_EXPECT_NE(test, memcmp("a\0b", "a\0c", 3), 0);
	KUNIT_EXPECT_EQ(test, memcmp("a", "b", 0), 0);
}

static void string_memchr_finds_first_match_within_n(struct kunit *test)
{
	const char *s = "abcabc";
	/* No NUL: memchr must not look past n. */
	char *exact = kunit_kmemdup(test, "xyz", 3);

	KUNIT_EXPECT_PTR_EQ(test, memchr(s, 'c', 6), s + 2);
	KUNIT_EXPECT_NULL(test, memchr(s, 'c', 2));
	KUNIT_EXPECT_NULL(test, memchr(s, 'a', 0));
	KUNIT_EXPECT_PTR_EQ(test, memchr(s, 0x100 + 'b', 6), s + 1);
	KUNIT_EXPECT_PTR_EQ(test, memchr(s, '\0', 7), s + 6);
	KUNIT_EXPECT_PTR_EQ(test, memchr(exact, 'z', 3), exact + 2);
	KUNIT_EXPECT_NULL(test, memchr(exact, 'q', 3));
}

static void string_memchr_inv_finds_first_different_byte(struct kunit *test)
{
	unsigned char *buf = kunit_kmalloc(test, 16);

	memset(buf, 0, 16);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf, 0, 16));
	KUNIT_EXPECT_NULL(test, memchr_inv(buf, 0x100, 16));
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(buf, 1, 16), buf);
	buf[9] = 1;
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(buf, 0, 16), buf + 9);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf, 0, 9));
	KUNIT_EXPECT_NULL(test, memchr_inv(buf + 9, 0, 0));
	buf[15] = 2;
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(buf + 10, 0, 6), buf + 15);
	/* Bytes above 0x7f: c is compared as an unsigned char. */
	memset(buf, 0xff, 16);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf, 0xff, 16));
	KUNIT_EXPECT_NULL(test, memchr_inv(buf, -1, 16));
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(buf, 0x7f, 16), buf);
}

/* The word-at-a-time middle: every start, length and differing byte. */
static void string_memchr_inv_agrees_with_a_byte_loop(struct kunit *test)
{
	unsigned char *buf = kunit_kmalloc(test, 64);

	for (size_t start = 0; start < 9; start++) {
		for (size_t len = 0; start + len <= 64; len += 7) {
			for (size_t bad = start; bad < start + len; bad += 3) {
				memset(buf, 0xa5, 64);
				buf[bad] = 0x5a;
				KUNIT_EXPECT_PTR_EQ(test,
						    memchr_inv(buf + start,
							       0xa5, len),
						    buf + bad);
			}
			memset(buf, 0xa5, 64);
			KUNIT_EXPECT_NULL(test,
					  memchr_inv(buf + start, 0xa5, len));
		}
	}
}

static void string_strlen_counts_bytes_before_nul(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strlen(""), 0);
	KUNIT_EXPECT_EQ(test, strlen("a"), 1);
	KUNIT_EXPECT_EQ(test, strlen("hello"), 5);
	KUNIT_EXPECT_EQ(test, strlen("ab\0cd"), 2);
	KUNIT_EXPECT_EQ(test, strlen(kunit_kstrdup(test, "kmem386")), 7);
}

static void string_strnlen_stops_at_maxlen(struct kunit *test)
{
	/* Four bytes and no NUL: strnlen(p, 4) must read only those. */
	char *exact = kunit_kmemdup(test, "abcd", 4);

	KUNIT_EXPECT_EQ(test, strnlen("hello", 3), 3);
	KUNIT_EXPECT_EQ(test, strnlen("hello", 5), 5);
	KUNIT_EXPECT_EQ(test, strnlen("hello", 100), 5);
	KUNIT_EXPECT_EQ(test, strnlen("hello", 0), 0);
	KUNIT_EXPECT_EQ(test, strnlen("", 10), 0);
	KUNIT_EXPECT_EQ(test, strnlen(exact, 4), 4);
	KUNIT_EXPECT_EQ(test, strnlen(exact, 2), 2);
}

static void string_strcmp_orders_as_unsigned_chars(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strcmp("", ""), 0);
	KUNIT_EXPECT_EQ(test, strcmp("abc", "abc"), 0);
	KUNIT_EXPECT_LT(test, strcmp("abc", "abd"), 0);
	KUNIT_EXPECT_GT(test, strcmp("abd", "abc"), 0);
	KUNIT_EXPECT_LT(test, strcmp("ab", "abc"), 0);
	KUNIT_EXPECT_GT(test, strcmp("abc", "ab"), 0);
	KUNIT_EXPECT_LT(test, strcmp("", "a"), 0);
	KUNIT_EXPECT_GT(test, strcmp("\x80", "a"), 0);
	KUNIT_EXPECT_LT(test, strcmp("a", "\xff"), 0);
}

static void string_strncmp_compares_at_most_n_bytes(struct kunit *test)
{
	/* Exact-size copies: strncmp must stop at the NUL even if n is big. */
	const char *a = kunit_kstrdup(test, "ab");
	const char *b = kunit_kstrdup(test, "ab");

	KUNIT_EXPECT_EQ(test, strncmp("abcX", "abcY", 3), 0);
	KUNIT_EXPECT_LT(test, strncmp("abcX", "abcY", 4), 0);
	KUNIT_EXPECT_EQ(test, strncmp("a", "b", 0), 0);
	KUNIT_EXPECT_EQ(test, strncmp(a, b, 100), 0);
	KUNIT_EXPECT_LT(test, strncmp("ab", "abc", 100), 0);
	KUNIT_EXPECT_GT(test, strncmp("abc", "ab", 3), 0);
	KUNIT_EXPECT_GT(test, strncmp("\xff", "\x01", 1), 0);
}

static void string_strcasecmp_ignores_ascii_case(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strcasecmp("Hello", "hELLO"), 0);
	KUNIT_EXPECT_EQ(test, strcasecmp("", ""), 0);
	KUNIT_EXPECT_LT(test, strcasecmp("abc", "ABD"), 0);
	KUNIT_EXPECT_GT(test, strcasecmp("ABD", "abc"), 0);
	KUNIT_EXPECT_GT(test, strcasecmp("abc", "AB"), 0);
	KUNIT_EXPECT_LT(test, strcasecmp("AB", "abc"), 0);
	KUNIT_EXPECT_NE(test, strcasecmp("a1", "A2"), 0);
}

static void string_strcpy_copies_terminator_and_returns_dest(struct kunit *test)
{
	char buf[8] = "xxxxxxx";
	char *exact = kunit_kmalloc(test, 4);

	KUNIT_EXPECT_PTR_EQ(test, strcpy(buf, "abc"), buf);
	KUNIT_EXPECT_MEMEQ(test, buf, "abc\0xxx", 8);
	KUNIT_EXPECT_PTR_EQ(test, strcpy(exact, "xyz"), exact);
	KUNIT_EXPECT_STREQ(test, exact, "xyz");
	KUNIT_EXPECT_STREQ(test, strcpy(buf, ""), "");
}

static void string_strcat_appends_after_existing_string(struct kunit *test)
{
	char *exact = kunit_kmalloc(test, 7);

	exact[0] = '\0';
	KUNIT_EXPECT_PTR_EQ(test, strcat(exact, "foo"), exact);
	KUNIT_EXPECT_STREQ(test, exact, "foo");
	KUNIT_EXPECT_STREQ(test, strcat(exact, ""), "foo");
	KUNIT_EXPECT_STREQ(test, strcat(exact, "bar"), "foobar");
}

static void string_strscpy_copies_and_returns_length(struct kunit *test)
{
	char buf[16];

	KUNIT_EXPECT_EQ(test, strscpy(buf, "hello", sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "", sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
}

static void string_strscpy_exact_fit_is_not_truncation(struct kunit *test)
{
	char *exact = kunit_kmalloc(test, 6);

	KUNIT_EXPECT_EQ(test, strscpy(exact, "hello", 6), 5);
	KUNIT_EXPECT_STREQ(test, exact, "hello");
}

static void string_strscpy_truncates_and_returns_e2big(struct kunit *test)
{
	char *exact = kunit_kmalloc(test, 4);

	KUNIT_EXPECT_EQ(test, strscpy(exact, "hello", 4), -E2BIG);
	KUNIT_EXPECT_EQ(test, -E2BIG, -7);
	KUNIT_EXPECT_STREQ(test, exact, "hel");
	/* One byte short of fitting. */
	KUNIT_EXPECT_EQ(test, strscpy(exact, "abcd", 4), -E2BIG);
	KUNIT_EXPECT_STREQ(test, exact, "abc");
}

static void string_strscpy_size_zero_writes_nothing(struct kunit *test)
{
	char buf[4] = "xyz";

	KUNIT_EXPECT_EQ(test, strscpy(buf, "abc", 0), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "xyz");
	/* A zero-size heap buffer: any write would be reported by ASan. */
	KUNIT_EXPECT_EQ(test, strscpy(kunit_kmalloc(test, 0), "abc", 0),
			-E2BIG);
}

static void string_strscpy_size_one_gives_empty_string(struct kunit *test)
{
	char *exact = kunit_kmalloc(test, 1);

	KUNIT_EXPECT_EQ(test, strscpy(exact, "abc", 1), -E2BIG);
	KUNIT_EXPECT_EQ(test, exact[0], '\0');
	exact[0] = 'x';
	KUNIT_EXPECT_EQ(test, strscpy(exact, "", 1), 0);
	KUNIT_EXPECT_EQ(test, exact[0], '\0');
}

static void string_strscpy_reads_at_most_size_source_bytes(struct kunit *test)
{
	/* A source without a NUL: only `size` bytes of it may be read. */
	const char *src = kunit_kmemdup(test, "abcdefgh", 8);
	char dst[8];

	KUNIT_EXPECT_EQ(test, strscpy(dst, src, 8), -E2BIG);
	KUNIT_EXPECT_STREQ(test, dst, "abcdefg");
	KUNIT_EXPECT_EQ(test, strscpy(dst, src, 4), -E2BIG);
	KUNIT_EXPECT_STREQ(test, dst, "abc");
}

static void string_strchr_finds_first_match_or_terminator(struct kunit *test)
{
	const char *s = kunit_kstrdup(test, "hello");

	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 'l'), s + 2);
	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 'h'), s);
	KUNIT_EXPECT_NULL(test, strchr(s, 'z'));
	KUNIT_EXPECT_PTR_EQ(test, strchr(s, '\0'), s + 5);
	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 0x100 + 'e'), s + 1);
	KUNIT_EXPECT_NULL(test, strchr("", 'a'));
}

static void string_strrchr_finds_last_match_or_terminator(struct kunit *test)
{
	const char *s = kunit_kstrdup(test, "hello");

	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'l'), s + 3);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'h'), s);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'o'), s + 4);
	KUNIT_EXPECT_NULL(test, strrchr(s, 'z'));
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, '\0'), s + 5);
	KUNIT_EXPECT_NULL(test, strrchr("", 'a'));
}

static void string_strstr_finds_first_occurrence(struct kunit *test)
{
	const char *s = kunit_kstrdup(test, "hello world");
	const char *a = kunit_kstrdup(test, "aaaab");

	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "o w"), s + 4);
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "o"), s + 4);
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "world"), s + 6);
	KUNIT_EXPECT_PTR_EQ(test, strstr(a, "aab"), a + 2);
	KUNIT_EXPECT_NULL(test, strstr(s, "worlds"));
	KUNIT_EXPECT_NULL(test, strstr(s, "xyz"));
	KUNIT_EXPECT_NULL(test, strstr("", "a"));
}

static void string_strstr_empty_needle_matches_at_start(struct kunit *test)
{
	const char *s = "abc";
	const char *empty = "";

	KUNIT_EXPECT_PTR_EQ(test, strstr(s, ""), s);
	KUNIT_EXPECT_PTR_EQ(test, strstr(empty, ""), empty);
}

static void string_strspn_counts_leading_accepted_bytes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strspn("aabbcx", "abc"), 5);
	KUNIT_EXPECT_EQ(test, strspn("abc", "abc"), 3);
	KUNIT_EXPECT_EQ(test, strspn("xyz", "abc"), 0);
	KUNIT_EXPECT_EQ(test, strspn("", "abc"), 0);
	KUNIT_EXPECT_EQ(test, strspn("abc", ""), 0);
}

static void string_strcspn_counts_leading_rejected_bytes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strcspn("hello, world", ", "), 5);
	KUNIT_EXPECT_EQ(test, strcspn("abc", "xyz"), 3);
	KUNIT_EXPECT_EQ(test, strcspn("abc", ""), 3);
	KUNIT_EXPECT_EQ(test, strcspn("abc", "a"), 0);
	KUNIT_EXPECT_EQ(test, strcspn("", "x"), 0);
}

static void string_strsep_splits_at_each_delimiter(struct kunit *test)
{
	char *buf = kunit_kstrdup(test, "a,b;c");
	char *p = buf;

	KUNIT_EXPECT_STREQ(test, strsep(&p, ",;"), "a");
	KUNIT_EXPECT_PTR_EQ(test, p, buf + 2);
	KUNIT_EXPECT_STREQ(test, strsep(&p, ",;"), "b");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ",;"), "c");
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_NULL(test, strsep(&p, ",;"));
}

static void string_strsep_empty_tokens_between_delims(struct kunit *test)
{
	char *p = kunit_kstrdup(test, "a,,b,");

	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "a");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "b");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "");
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_NULL(test, strsep(&p, ","));
}

static void string_strsep_no_delimiter_gives_all(struct kunit *test)
{
	char *buf = kunit_kstrdup(test, "abc");
	char *p = buf;
	char *empty = kunit_kstrdup(test, "");

	KUNIT_EXPECT_PTR_EQ(test, strsep(&p, ","), buf);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_NULL(test, p);
	p = empty;
	KUNIT_EXPECT_PTR_EQ(test, strsep(&p, ","), empty);
	KUNIT_EXPECT_NULL(test, p);
}

static void string_skip_spaces_skips_all_ascii_white_space(struct kunit *test)
{
	const char *s = " \t\n\v\f\rx y";
	const char *spaces = "   ";

	KUNIT_EXPECT_PTR_EQ(test, skip_spaces(s), s + 6);
	KUNIT_EXPECT_PTR_EQ(test, skip_spaces(s + 6), s + 6);
	KUNIT_EXPECT_PTR_EQ(test, skip_spaces(spaces), spaces + 3);
	KUNIT_EXPECT_STREQ(test, skip_spaces(""), "");
}

static void string_strim_trims_both_ends_in_place(struct kunit *test)
{
	char *buf = kunit_kstrdup(test, "  \thello world \n ");
	char *plain = kunit_kstrdup(test, "x");

	KUNIT_EXPECT_PTR_EQ(test, strim(buf), buf + 3);
	KUNIT_EXPECT_STREQ(test, buf + 3, "hello world");
	KUNIT_EXPECT_PTR_EQ(test, strim(plain), plain);
	KUNIT_EXPECT_STREQ(test, plain, "x");
}

static void string_strim_of_all_spaces_gives_empty_string(struct kunit *test)
{
	char *buf = kunit_kstrdup(test, " \t\n ");
	char *empty = kunit_kstrdup(test, "");
	char *s = strim(buf);

	KUNIT_EXPECT_STREQ(test, s, "");
	KUNIT_EXPECT_TRUE(test, s >= buf && s <= buf + 4);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
	KUNIT_EXPECT_PTR_EQ(test, strim(empty), empty);
	KUNIT_EXPECT_STREQ(test, empty, "");
}

static void string_str_has_prefix_matches_leading_bytes(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, str_has_prefix("kmem386", "kmem"));
	KUNIT_EXPECT_TRUE(test, str_has_prefix("kmem386", "kmem386"));
	KUNIT_EXPECT_TRUE(test, str_has_prefix("kmem386", ""));
	KUNIT_EXPECT_TRUE(test, str_has_prefix("", ""));
	KUNIT_EXPECT_FALSE(test, str_has_prefix("kmem", "kmem386"));
	KUNIT_EXPECT_FALSE(test, str_has_prefix("abc", "abd"));
	KUNIT_EXPECT_FALSE(test, str_has_prefix("", "a"));
}

static struct kunit_case string_cases[] = {
	KUNIT_CASE(string_memcpy_copies_exact_bytes),
	KUNIT_CASE(string_memcpy_handles_every_small_size),
	KUNIT_CASE(string_memcpy_of_zero_bytes_changes_nothing),
	KUNIT_CASE(string_memmove_overlap_dest_above_src),
	KUNIT_CASE(string_memmove_overlap_dest_below_src),
	KUNIT_CASE(string_memmove_matches_reference_move),
	KUNIT_CASE(string_memmove_same_pointer_is_a_no_op),
	KUNIT_CASE(string_memset_fills_with_low_byte_of_c),
	KUNIT_CASE(string_memset_handles_every_small_size),
	KUNIT_CASE(string_memcmp_orders_bytes_as_unsigned),
	KUNIT_CASE(string_memchr_finds_first_match_within_n),
	KUNIT_CASE(string_memchr_inv_finds_first_different_byte),
	KUNIT_CASE(string_memchr_inv_agrees_with_a_byte_loop),
	KUNIT_CASE(string_strlen_counts_bytes_before_nul),
	KUNIT_CASE(string_strnlen_stops_at_maxlen),
	KUNIT_CASE(string_strcmp_orders_as_unsigned_chars),
	KUNIT_CASE(string_strncmp_compares_at_most_n_bytes),
	KUNIT_CASE(string_strcasecmp_ignores_ascii_case),
	KUNIT_CASE(string_strcpy_copies_terminator_and_returns_dest),
	KUNIT_CASE(string_strcat_appends_after_existing_string),
	KUNIT_CASE(string_strscpy_copies_and_returns_length),
	KUNIT_CASE(string_strscpy_exact_fit_is_not_truncation),
	KUNIT_CASE(string_strscpy_truncates_and_returns_e2big),
	KUNIT_CASE(string_strscpy_size_zero_writes_nothing),
	KUNIT_CASE(string_strscpy_size_one_gives_empty_string),
	KUNIT_CASE(string_strscpy_reads_at_most_size_source_bytes),
	KUNIT_CASE(string_strchr_finds_first_match_or_terminator),
	KUNIT_CASE(string_strrchr_finds_last_match_or_terminator),
	KUNIT_CASE(string_strstr_finds_first_occurrence),
	KUNIT_CASE(string_strstr_empty_needle_matches_at_start),
	KUNIT_CASE(string_strspn_counts_leading_accepted_bytes),
	KUNIT_CASE(string_strcspn_counts_leading_rejected_bytes),
	KUNIT_CASE(string_strsep_splits_at_each_delimiter),
	KUNIT_CASE(string_strsep_empty_tokens_between_delims),
	KUNIT_CASE(string_strsep_no_delimiter_gives_all),
	KUNIT_CASE(string_skip_spaces_skips_all_ascii_white_space),
	KUNIT_CASE(string_strim_trims_both_ends_in_place),
	KUNIT_CASE(string_strim_of_all_spaces_gives_empty_string),
	KUNIT_CASE(string_str_has_prefix_matches_leading_bytes),
	{}
};

static struct kunit_suite string_suite = {
	.name = "string",
	.test_cases = string_cases,
};
kunit_test_suite(string_suite);
