// SPDX-License-Identifier: GPL-2.0
/*
 * Verifies that lib/vsprintf.c formats every conversion, flag, width,
 * precision and length modifier that include/sprintf.h lists as C (and
 * Linux) do, returns the length the whole output would have had, always
 * NUL-terminates and never writes a byte past `size`.
 *
 * EXPECT_FMT() checks one format three ways: into a buffer that fits, then
 * truncated into exact-size heap buffers of every size from 0 up (so ASan
 * reports any write past the end), and the return value each time.  The
 * integer conversions are also compared against the host C library's
 * snprintf() over thousands of generated formats.
 *
 * Deliberate differences from C, as in Linux: %#x of 0 prints "0x0", %p
 * prints "0x" and all 2 * sizeof(void *) hex digits, unknown conversions are
 * printed as written (%n included: it writes nothing).
 */
#include <stdint.h>

#include <kernel.h>
#include <sprintf.h>
#include <string.h>

#include "host_ktest.h"

/* The host C library's snprintf, the reference for integer conversions. */
int libc_snprintf(char *buf, size_t size, const char *fmt,
		  ...) __asm__("snprintf");

#define LLONG_MAX_ 0x7fffffffffffffffLL
#define LLONG_MIN_ (-LLONG_MAX_ - 1)
#define ULLONG_MAX_ 0xffffffffffffffffULL

/* --- the fake kallsyms behind %pS --------------------------------------- */

#define FAKE_SYMBOL_ADDR 0xc0101010UL
#define FAKE_SYMBOL "fake_func+0x10/0x40"

static int sprint_symbol_calls;
static unsigned long sprint_symbol_last_addr;

/* As kernel/kallsyms.c: "name+0xoff/0xsize" for known addresses, else 0. */
int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	const char *sym = FAKE_SYMBOL;
	size_t n = 0;

	sprint_symbol_calls++;
	sprint_symbol_last_addr = addr;
	if (addr != FAKE_SYMBOL_ADDR || size == 0)
		return 0;
	for (; sym[n] && n + 1 < size; n++)
		buf[n] = sym[n];
	buf[n] = '\0';
	return (int)n;
}

/* --- helpers ------------------------------------------------------------ */

/* Oracles independent of the lib/string.c under test. */
static size_t ref_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static bool ref_memeq(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return false;
	return true;
}

/*
 * vsnprintf() and vscnprintf() without the format attribute's checks, for
 * the formats that are wrong on purpose (%y, %n, flags C ignores).
 */
static int raw_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

static int raw_scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

static void vexpect_fmt(struct kunit *test, int line, const char *call,
			const char *expect, const char *fmt, va_list args)
{
	size_t len = ref_strlen(expect);
	char *buf = kunit_kmalloc(test, len + 1);
	va_list ap;
	int n;

	va_copy(ap, args);
	n = vsnprintf(buf, len + 1, fmt, ap);
	va_end(ap);
	if (!ktest_check_str(test, __FILE__, line, call, KTEST_EQ, "expected",
			     buf, expect) ||
	    !ktest_check_int(test, __FILE__, line, call, KTEST_EQ,
			     "strlen(expected)", KTEST_INT(n), KTEST_INT(len)))
		return;

	/* Every shorter size: a NUL-terminated prefix, the same return. */
	for (size_t size = 0; size <= len; size++) {
		char *small = kunit_kmalloc(test, size);
		char *want;

		va_copy(ap, args);
		n = vsnprintf(small, size, fmt, ap);
		va_end(ap);
		if (size == 0 ? n == (int)len :
				n == (int)len && !small[size - 1] &&
					ref_memeq(small, expect, size - 1))
			continue;
		ktest_note_int(__FILE__, line, "with a buffer of size", size);
		ktest_check_int(test, __FILE__, line, call, KTEST_EQ,
				"strlen(expected)", KTEST_INT(n),
				KTEST_INT(len));
		if (size == 0)
			return;
		want = kunit_kmemdup(test, expect, size);
		want[size - 1] = '\0';
		if (small[size - 1] != '\0') {
			ktest_fail(test, __FILE__, line,
				   "the output is not NUL-terminated");
			return;
		}
		ktest_check_str(test, __FILE__, line, call, KTEST_EQ,
				"the start of expected", small, want);
		return;
	}
}

static __printf(5, 6) void expect_fmt(struct kunit *test, int line,
				      const char *call, const char *expect,
				      const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vexpect_fmt(test, line, call, expect, fmt, args);
	va_end(args);
}

static void expect_fmt_raw(struct kunit *test, int line, const char *call,
			   const char *expect, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vexpect_fmt(test, line, call, expect, fmt, args);
	va_end(args);
}

/* EXPECT_FMT(test, "  42", "%4d", 42): output, return value, truncation. */
#define EXPECT_FMT(test, expect, fmt, ...)                                     \
	expect_fmt(                                                            \
		test, __LINE__,                                                \
		"snprintf(buf, size, " #fmt __VA_OPT__(", " #__VA_ARGS__) ")", \
		expect, fmt __VA_OPT__(, ) __VA_ARGS__)
/* The same without gcc's format checks, for formats wrong on purpose. */
#define EXPECT_FMT_RAW(test, expect, fmt, ...)                                 \
	expect_fmt_raw(                                                        \
		test, __LINE__,                                                \
		"snprintf(buf, size, " #fmt __VA_OPT__(", " #__VA_ARGS__) ")", \
		expect, fmt __VA_OPT__(, ) __VA_ARGS__)

/* --- conversions -------------------------------------------------------- */

static void vsprintf_plain_text_is_copied(struct kunit *test)
{
	EXPECT_FMT(test, "hello", "hello");
	EXPECT_FMT_RAW(test, "", "");
	EXPECT_FMT(test, "tab\there\n", "tab\there\n");
}

static void vsprintf_percent_percent_prints_one_percent(struct kunit *test)
{
	EXPECT_FMT(test, "100%", "100%%");
	EXPECT_FMT(test, "%d", "%%d");
	EXPECT_FMT(test, "%%", "%%%%");
}

static void vsprintf_d_and_i_print_signed_decimal(struct kunit *test)
{
	EXPECT_FMT(test, "0", "%d", 0);
	EXPECT_FMT(test, "42", "%d", 42);
	EXPECT_FMT(test, "-42", "%d", -42);
	EXPECT_FMT(test, "-7", "%i", -7);
	EXPECT_FMT(test, "a1b-2c", "a%db%ic", 1, -2);
}

static void vsprintf_d_prints_int_min_and_int_max(struct kunit *test)
{
	EXPECT_FMT(test, "-2147483648", "%d", INT_MIN);
	EXPECT_FMT(test, "2147483647", "%d", INT_MAX);
	EXPECT_FMT(test, "-2147483648", "%i", INT_MIN);
}

static void vsprintf_u_prints_unsigned_decimal(struct kunit *test)
{
	EXPECT_FMT(test, "0", "%u", 0U);
	EXPECT_FMT(test, "4294967295", "%u", UINT_MAX);
	EXPECT_FMT(test, "4294967295", "%u", (unsigned int)-1);
}

static void vsprintf_x_and_X_print_hex_in_both_cases(struct kunit *test)
{
	EXPECT_FMT(test, "deadbeef", "%x", 0xdeadbeefU);
	EXPECT_FMT(test, "DEADBEEF", "%X", 0xdeadbeefU);
	EXPECT_FMT(test, "0", "%x", 0U);
	EXPECT_FMT(test, "ffffffff", "%x", (unsigned int)-1);
	EXPECT_FMT(test, "aBc", "%x%X%x", 0xaU, 0xbU, 0xcU);
}

static void vsprintf_o_prints_octal(struct kunit *test)
{
	EXPECT_FMT(test, "10", "%o", 8U);
	EXPECT_FMT(test, "0", "%o", 0U);
	EXPECT_FMT(test, "777", "%o", 0777U);
	EXPECT_FMT(test, "37777777777", "%o", UINT_MAX);
}

static void vsprintf_c_prints_one_character(struct kunit *test)
{
	EXPECT_FMT(test, "A", "%c", 'A');
	EXPECT_FMT(test, "    A", "%5c", 'A');
	EXPECT_FMT(test, "A  |", "%-3c|", 'A');
	EXPECT_FMT(test, "xyz", "%c%c%c", 'x', 'y', 'z');
	/* The int argument is converted to unsigned char. */
	EXPECT_FMT(test, "A", "%c", 0x100 + 'A');
}

static void vsprintf_c_of_nul_is_written_and_counted(struct kunit *test)
{
	char buf[8] = "xxxxxxx";

	/* As C: the NUL is output (and counted) like any other character. */
	KUNIT_EXPECT_EQ(test, snprintf(buf, sizeof(buf), "a%cb", 0), 3);
	KUNIT_EXPECT_MEMEQ(test, buf, "a\0b\0", 4);
	KUNIT_EXPECT_EQ(test, snprintf(buf, sizeof(buf), "%3c|", 0), 4);
	KUNIT_EXPECT_MEMEQ(test, buf, "  \0|", 5);
}

static void vsprintf_s_prints_strings_with_width(struct kunit *test)
{
	EXPECT_FMT(test, "abc", "%s", "abc");
	EXPECT_FMT(test, "", "%s", "");
	EXPECT_FMT(test, "  abc|", "%5s|", "abc");
	EXPECT_FMT(test, "abc     |", "%-8s|", "abc");
	/* A width never truncates. */
	EXPECT_FMT(test, "abcdef", "%2s", "abcdef");
	EXPECT_FMT(test, "[a][bc]", "[%s][%s]", "a", "bc");
}

static void vsprintf_s_precision_limits_bytes_read(struct kunit *test)
{
	/* No NUL: %.3s may read 3 bytes of it and no more. */
	const char *exact = kunit_kmemdup(test, "abc", 3);

	EXPECT_FMT(test, "abc", "%.3s", "abcdef");
	EXPECT_FMT(test, "abc", "%.3s", exact);
	EXPECT_FMT(test, "ab", "%.3s", "ab");
	EXPECT_FMT(test, "", "%.0s", "abc");
	EXPECT_FMT(test, "   ab|", "%5.2s|", "abc");
	EXPECT_FMT(test, "ab   |", "%-5.2s|", "abc");
}

static void vsprintf_s_of_null_prints_null_marker(struct kunit *test)
{
	const char *volatile null = NULL;

	EXPECT_FMT(test, "(null)", "%s", null);
	EXPECT_FMT(test, "  (null)", "%8s", null);
	EXPECT_FMT(test, "(nu", "%.3s", null);
}

/* --- flags, width, precision -------------------------------------------- */

static void vsprintf_width_pads_numbers_with_spaces(struct kunit *test)
{
	EXPECT_FMT(test, "   42|", "%5d|", 42);
	EXPECT_FMT(test, "42   |", "%-5d|", 42);
	EXPECT_FMT(test, "  -42", "%5d", -42);
	EXPECT_FMT(test, "12345", "%1d", 12345);
	EXPECT_FMT(test, "   ff", "%5x", 0xffU);
}

static void vsprintf_zero_flag_pads_after_the_sign(struct kunit *test)
{
	EXPECT_FMT(test, "-0042", "%05d", -42);
	EXPECT_FMT(test, "00042", "%05d", 42);
	EXPECT_FMT(test, "0000beef", "%08x", 0xbeefU);
	EXPECT_FMT(test, "+0042", "%+05d", 42);
	EXPECT_FMT(test, " 0042", "% 05d", 42);
	EXPECT_FMT(test, "00000", "%05u", 0U);
}

static void vsprintf_minus_flag_overrides_zero_flag(struct kunit *test)
{
	EXPECT_FMT_RAW(test, "42   |", "%-05d|", 42);
	EXPECT_FMT_RAW(test, "-42  |", "%0-5d|", -42);
}

static void vsprintf_plus_and_space_flags_sign_positives(struct kunit *test)
{
	EXPECT_FMT(test, "+5", "%+d", 5);
	EXPECT_FMT(test, " 5", "% d", 5);
	EXPECT_FMT(test, "-5", "%+d", -5);
	EXPECT_FMT(test, "-5", "% d", -5);
	EXPECT_FMT(test, "+0", "%+d", 0);
	EXPECT_FMT(test, "  +5", "%+4d", 5);
	/* '+' wins over ' '; neither applies to unsigned conversions. */
	EXPECT_FMT_RAW(test, "+5", "%+ d", 5);
	EXPECT_FMT_RAW(test, "+5", "% +d", 5);
	EXPECT_FMT_RAW(test, "5", "%+u", 5U);
	EXPECT_FMT_RAW(test, "ff", "% x", 0xffU);
}

static void vsprintf_hash_flag_adds_base_prefix(struct kunit *test)
{
	EXPECT_FMT(test, "0xff", "%#x", 0xffU);
	EXPECT_FMT(test, "0XFF", "%#X", 0xffU);
	EXPECT_FMT(test, "010", "%#o", 8U);
	EXPECT_FMT(test, "0", "%#o", 0U);
	EXPECT_FMT(test, "0x0000ff", "%#08x", 0xffU);
	EXPECT_FMT(test, "      0xff|", "%#10x|", 0xffU);
	EXPECT_FMT(test, "0xff    |", "%-#8x|", 0xffU);
	EXPECT_FMT(test, "0x000ab", "%#.5x", 0xabU);
	/* As Linux, unlike C ("0"): the prefix is printed for zero too. */
	EXPECT_FMT(test, "0x0", "%#x", 0U);
}

static void vsprintf_precision_sets_minimum_digits(struct kunit *test)
{
	EXPECT_FMT(test, "005", "%.3d", 5);
	EXPECT_FMT(test, "-005", "%.3d", -5);
	EXPECT_FMT(test, "12345", "%.3d", 12345);
	EXPECT_FMT(test, "     005|", "%8.3d|", 5);
	EXPECT_FMT(test, "005     |", "%-8.3d|", 5);
	EXPECT_FMT(test, "000ab", "%.5x", 0xabU);
	EXPECT_FMT(test, "+005", "%+.3d", 5);
	/* With a precision the '0' flag is ignored, as in C. */
	EXPECT_FMT_RAW(test, "     005", "%08.3d", 5);
}

static void vsprintf_precision_zero_of_zero_prints_no_digits(struct kunit *test)
{
	EXPECT_FMT(test, "", "%.0d", 0);
	EXPECT_FMT(test, "", "%.d", 0);
	EXPECT_FMT(test, "     |", "%5.0d|", 0);
	EXPECT_FMT(test, "1", "%.0d", 1);
	EXPECT_FMT(test, "", "%.0x", 0U);
	EXPECT_FMT(test, "", "%.0u", 0U);
	EXPECT_FMT(test, "+", "%+.0d", 0);
}

static void vsprintf_star_width_and_precision_from_args(struct kunit *test)
{
	EXPECT_FMT(test, "   42", "%*d", 5, 42);
	EXPECT_FMT(test, "7   |", "%-*d|", 4, 7);
	EXPECT_FMT(test, "007", "%.*d", 3, 7);
	EXPECT_FMT(test, "   007|", "%*.*d|", 6, 3, 7);
	EXPECT_FMT(test, "ab", "%.*s", 2, "abc");
	EXPECT_FMT(test, "   ab", "%*.*s", 5, 2, "abc");
	EXPECT_FMT(test, "42", "%*d", 0, 42);
}

static void vsprintf_negative_star_width_left_justifies(struct kunit *test)
{
	EXPECT_FMT(test, "42   |", "%*d|", -5, 42);
	EXPECT_FMT(test, "ab  |", "%*s|", -4, "ab");
	EXPECT_FMT(test, "x  |", "%*c|", -3, 'x');
	EXPECT_FMT(test, "-1  |", "%0*d|", -4, -1);
}

static void vsprintf_negative_star_precision_is_ignored(struct kunit *test)
{
	EXPECT_FMT(test, "42", "%.*d", -1, 42);
	EXPECT_FMT(test, "0", "%.*d", -3, 0);
	EXPECT_FMT(test, "abc", "%.*s", -1, "abc");
	EXPECT_FMT_RAW(test, "00042", "%0*.*d", 5, -1, 42);
}

/* --- length modifiers --------------------------------------------------- */

static void vsprintf_hh_modifier_truncates_to_char(struct kunit *test)
{
	EXPECT_FMT(test, "44", "%hhd", 300);
	EXPECT_FMT(test, "-56", "%hhd", 200);
	EXPECT_FMT(test, "-1", "%hhd", -1);
	EXPECT_FMT(test, "44", "%hhu", 300);
	EXPECT_FMT(test, "255", "%hhu", -1);
	EXPECT_FMT(test, "ff", "%hhx", 0x1ff);
}

static void vsprintf_h_modifier_truncates_to_short(struct kunit *test)
{
	EXPECT_FMT(test, "4464", "%hd", 70000);
	EXPECT_FMT(test, "-25536", "%hd", 40000);
	EXPECT_FMT(test, "-1", "%hd", -1);
	EXPECT_FMT(test, "0", "%hu", 65536);
	EXPECT_FMT(test, "65535", "%hu", -1);
	EXPECT_FMT(test, "2345", "%hx", 0x12345);
}

static void vsprintf_l_modifier_prints_long(struct kunit *test)
{
	EXPECT_FMT(test, "-1", "%ld", -1L);
	EXPECT_FMT(test, "123456789", "%lu", 123456789UL);
	if (sizeof(long) == 8) {
		EXPECT_FMT(test, "-9223372036854775808", "%ld", LONG_MIN);
		EXPECT_FMT(test, "18446744073709551615", "%lu", ULONG_MAX);
		EXPECT_FMT(test, "ffffffffffffffff", "%lx", ULONG_MAX);
	} else {
		EXPECT_FMT(test, "-2147483648", "%ld", LONG_MIN);
		EXPECT_FMT(test, "4294967295", "%lu", ULONG_MAX);
		EXPECT_FMT(test, "ffffffff", "%lx", ULONG_MAX);
	}
}

static void vsprintf_ll_modifier_prints_64_bit_extremes(struct kunit *test)
{
	EXPECT_FMT(test, "-9223372036854775808", "%lld", LLONG_MIN_);
	EXPECT_FMT(test, "9223372036854775807", "%lld", LLONG_MAX_);
	EXPECT_FMT(test, "-9223372036854775808", "%lli", LLONG_MIN_);
	EXPECT_FMT(test, "18446744073709551615", "%llu", ULLONG_MAX_);
	EXPECT_FMT(test, "ffffffffffffffff", "%llx", ULLONG_MAX_);
	EXPECT_FMT(test, "0XFFFFFFFFFFFFFFFF", "%#llX", ULLONG_MAX_);
	EXPECT_FMT(test, "1777777777777777777777", "%llo", ULLONG_MAX_);
	EXPECT_FMT(test, "4294967296", "%llu", 0x100000000ULL);
	EXPECT_FMT(test, "-1", "%lld", -1LL);
}

static void vsprintf_z_and_t_modifiers_print_size_types(struct kunit *test)
{
	EXPECT_FMT(test, "12345", "%zu", (size_t)12345);
	EXPECT_FMT(test, "-5", "%zd", (ssize_t)-5);
	EXPECT_FMT(test, "1f", "%zx", (size_t)31);
	EXPECT_FMT(test, "-3", "%td", (ptrdiff_t)-3);
	if (sizeof(size_t) == 8)
		EXPECT_FMT(test, "18446744073709551615", "%zu", SIZE_MAX);
	else
		EXPECT_FMT(test, "4294967295", "%zu", SIZE_MAX);
}

static void vsprintf_j_modifier_prints_intmax(struct kunit *test)
{
	EXPECT_FMT(test, "-9223372036854775808", "%jd", INTMAX_MIN);
	EXPECT_FMT(test, "18446744073709551615", "%ju", UINTMAX_MAX);
	EXPECT_FMT(test, "-1", "%jd", (intmax_t)-1);
}

static void vsprintf_mixed_arguments_are_consumed_in_order(struct kunit *test)
{
	/* Arguments of different sizes: each conversion takes the right one. */
	EXPECT_FMT(test, "-1 4294967296 x 7 str 5 -2",
		   "%hhd %llu %c %zu %s %u %lld", -1, 0x100000000ULL, 'x',
		   (size_t)7, "str", 5U, -2LL);
}

/* --- pointers ----------------------------------------------------------- */

/* "0x" and the 2 * sizeof(void *) hex digits of `v`, into buf. */
static const char *ptr_text(char *buf, unsigned long v)
{
	int digits = 2 * (int)sizeof(void *);

	buf[0] = '0';
	buf[1] = 'x';
	for (int i = 0; i < digits; i++)
		buf[2 + i] =
			"0123456789abcdef"[(v >> (4 * (digits - 1 - i))) & 0xf];
	buf[2 + digits] = '\0';
	return buf;
}

static void vsprintf_p_prints_0x_and_all_hex_digits(struct kunit *test)
{
	char want[24];

	EXPECT_FMT(test, ptr_text(want, 0xdeadbeefUL), "%p",
		   (void *)0xdeadbeefUL);
	EXPECT_FMT(test, ptr_text(want, 0), "%p", NULL);
	EXPECT_FMT(test, ptr_text(want, ~0UL), "%p", (void *)~0UL);
	KUNIT_EXPECT_EQ(test, ref_strlen(want), 2 + 2 * sizeof(void *));
}

static void vsprintf_pS_prints_symbol_from_sprint_symbol(struct kunit *test)
{
	sprint_symbol_calls = 0;
	EXPECT_FMT(test, FAKE_SYMBOL, "%pS", (void *)FAKE_SYMBOL_ADDR);
	KUNIT_EXPECT_GT(test, sprint_symbol_calls, 0);
	KUNIT_EXPECT_EQ(test, sprint_symbol_last_addr, FAKE_SYMBOL_ADDR);
	EXPECT_FMT(test, "at " FAKE_SYMBOL "!", "at %pS!",
		   (void *)FAKE_SYMBOL_ADDR);
	EXPECT_FMT(test, FAKE_SYMBOL, "%ps", (void *)FAKE_SYMBOL_ADDR);
	EXPECT_FMT(test, FAKE_SYMBOL "      |", "%-25pS|",
		   (void *)FAKE_SYMBOL_ADDR);
}

static void vsprintf_pS_without_symbol_prints_address(struct kunit *test)
{
	char want[24];

	sprint_symbol_calls = 0;
	EXPECT_FMT(test, ptr_text(want, 0x1234), "%pS", (void *)0x1234);
	KUNIT_EXPECT_GT(test, sprint_symbol_calls, 0);
	KUNIT_EXPECT_EQ(test, sprint_symbol_last_addr, 0x1234);
}

static void vsprintf_p_does_not_look_up_symbols(struct kunit *test)
{
	char want[24];

	sprint_symbol_calls = 0;
	EXPECT_FMT(test, ptr_text(want, FAKE_SYMBOL_ADDR), "%p",
		   (void *)FAKE_SYMBOL_ADDR);
	KUNIT_EXPECT_EQ(test, sprint_symbol_calls, 0);
}

/* --- malformed formats -------------------------------------------------- */

static void vsprintf_unknown_conversion_is_printed_as_is(struct kunit *test)
{
	EXPECT_FMT_RAW(test, "%y", "%y");
	EXPECT_FMT_RAW(test, "a%yb", "a%yb");
	/* The unknown conversion takes no argument: 5 goes to the %d. */
	EXPECT_FMT_RAW(test, "%y5", "%y%d", 5);
}

static void vsprintf_percent_n_is_not_supported(struct kunit *test)
{
	int count = 12345;

	EXPECT_FMT_RAW(test, "ab%n", "ab%n", &count);
	KUNIT_EXPECT_EQ(test, count, 12345);
}

static void vsprintf_trailing_percent_stops_at_end_of_format(struct kunit *test)
{
	/* Exact-size copies: nothing past the format's NUL may be read. */
	EXPECT_FMT_RAW(test, "abc", kunit_kstrdup(test, "abc%"));
	EXPECT_FMT_RAW(test, "abc", kunit_kstrdup(test, "abc%-08.3l"));
}

/* --- buffer sizes ------------------------------------------------------- */

static void vsprintf_truncates_and_returns_full_length(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 5);

	KUNIT_EXPECT_EQ(test, snprintf(buf, 5, "hello world"), 11);
	KUNIT_EXPECT_STREQ(test, buf, "hell");
	KUNIT_EXPECT_EQ(test, snprintf(buf, 5, "%d", -123456), 7);
	KUNIT_EXPECT_STREQ(test, buf, "-123");
	KUNIT_EXPECT_EQ(test, snprintf(buf, 5, "%s", "abcd"), 4);
	KUNIT_EXPECT_STREQ(test, buf, "abcd");
}

static void vsprintf_size_zero_writes_nothing(struct kunit *test)
{
	char buf[4] = "xyz";

	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "abc%d", 42), 5);
	KUNIT_EXPECT_EQ(test, snprintf(buf, 0, "abc%d", 42), 5);
	KUNIT_EXPECT_STREQ(test, buf, "xyz");
	KUNIT_EXPECT_EQ(test, snprintf(kunit_kmalloc(test, 0), 0, "%s", "x"),
			1);
}

static void vsprintf_size_one_writes_only_the_nul(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 1);

	KUNIT_EXPECT_EQ(test, snprintf(buf, 1, "abc"), 3);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
	buf[0] = 'x';
	KUNIT_EXPECT_EQ(test, snprintf(buf, 1, "%s", ""), 0);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
}

static void vsprintf_never_writes_past_size(struct kunit *test)
{
	char buf[64];

	/* Canaries after `size` survive whatever the conversion. */
	for (size_t size = 0; size < 48; size++) {
		for (size_t i = 0; i < sizeof(buf); i++)
			buf[i] = (char)0xa5;
		/* 48 characters: always truncated here. */
		KUNIT_ASSERT_EQ(test,
				raw_snprintf(buf, size,
					     "%-10s|%08x|%+.3d|%20p|%c%%", "ab",
					     0xbeefU, 7, (void *)buf, 'z'),
				48);
		for (size_t i = size; i < sizeof(buf); i++)
			KUNIT_ASSERT_EQ(test, (unsigned char)buf[i], 0xa5);
		/* The last byte is the NUL, and the only one. */
		for (size_t i = 0; i + 1 < size; i++)
			KUNIT_ASSERT_NE(test, buf[i], '\0');
		if (size)
			KUNIT_ASSERT_EQ(test, buf[size - 1], '\0');
	}
}

static void vsprintf_wide_padding_is_counted_past_the_buffer(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 16);

	KUNIT_EXPECT_EQ(test, snprintf(buf, 16, "%300d", 1), 300);
	KUNIT_EXPECT_STREQ(test, buf, "               ");
	KUNIT_EXPECT_EQ(test, snprintf(buf, 16, "%-300d|", 1), 301);
	KUNIT_EXPECT_STREQ(test, buf, "1              ");
	KUNIT_EXPECT_EQ(test, snprintf(buf, 16, "%.40d", 1), 40);
	KUNIT_EXPECT_STREQ(test, buf, "000000000000000");
}

static void vsprintf_scnprintf_returns_bytes_written(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 5);

	KUNIT_EXPECT_EQ(test, scnprintf(buf, 5, "abc"), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 5, "abcd"), 4);
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 5, "hello world"), 4);
	KUNIT_EXPECT_STREQ(test, buf, "hell");
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 1, "abc"), 0);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
	KUNIT_EXPECT_EQ(test, scnprintf(NULL, 0, "abc"), 0);
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 5, "%s", ""), 0);
}

static void vsprintf_vscnprintf_returns_bytes_written(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 8);

	KUNIT_EXPECT_EQ(test, raw_scnprintf(buf, 8, "%d-%s", 12, "ab"), 5);
	KUNIT_EXPECT_STREQ(test, buf, "12-ab");
	KUNIT_EXPECT_EQ(test, raw_scnprintf(buf, 8, "%d", 123456789), 7);
	KUNIT_EXPECT_STREQ(test, buf, "1234567");
	KUNIT_EXPECT_EQ(test, raw_scnprintf(buf, 0, "%d", 1), 0);
}

/*
 * scnprintf() appended in a loop, the way /proc-style views build a page:
 * the position never passes the end and the last byte is the NUL.
 */
static void vsprintf_scnprintf_can_be_appended_safely(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 20);
	int pos = 0;

	for (int i = 0; i < 10; i++)
		pos += scnprintf(buf + pos, 20 - (size_t)pos, "%d,", i * 11);
	KUNIT_EXPECT_EQ(test, pos, 19);
	KUNIT_EXPECT_STREQ(test, buf, "0,11,22,33,44,55,66");
}

/* --- against the host C library ----------------------------------------- */

static unsigned int rng_state = 2463534242U;

static unsigned int rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static unsigned long long random_value(void)
{
	static const unsigned long long edges[] = {
		0,
		1,
		7,
		8,
		9,
		10,
		15,
		16,
		127,
		128,
		255,
		256,
		32767,
		32768,
		65535,
		65536,
		0x7fffffff,
		0x80000000,
		0xffffffff,
		0x100000000ULL,
		LLONG_MAX_,
		(unsigned long long)LLONG_MIN_,
		ULLONG_MAX_,
		(unsigned long long)-1LL,
		(unsigned long long)-2LL,
		(unsigned long long)-100LL,
	};

	switch (rng() % 4) {
	case 0:
		return edges[rng() % ARRAY_SIZE(edges)];
	case 1:
		return rng() % 1000;
	case 2:
		return ((unsigned long long)rng() << 32) | rng();
	default:
		return (unsigned long long)-(long long)(rng() % 100000);
	}
}

static void append(char **p, const char *s)
{
	while (*s)
		*(*p)++ = *s++;
}

/* Formats `fmt` with one integer (after up to two `*` ints) both ways. */
static bool compare_with_libc(struct kunit *test, const char *fmt,
			      const char *len, char conv, int stars, int star1,
			      int star2, unsigned long long v)
{
	char ours[512], theirs[512];
	int n_ours = 0, n_theirs = 0;
	bool is_signed = conv == 'd' || conv == 'i';

/* Calls both printfs with the same arguments: the stars, then `value`. */
#define BOTH(value)                                                            \
	do {                                                                   \
		if (stars == 0) {                                              \
			n_ours = raw_snprintf(ours, sizeof(ours), fmt, value); \
			n_theirs = libc_snprintf(theirs, sizeof(theirs), fmt,  \
						 value);                       \
		} else if (stars == 1) {                                       \
			n_ours = raw_snprintf(ours, sizeof(ours), fmt, star1,  \
					      value);                          \
			n_theirs = libc_snprintf(theirs, sizeof(theirs), fmt,  \
						 star1, value);                \
		} else {                                                       \
			n_ours = raw_snprintf(ours, sizeof(ours), fmt, star1,  \
					      star2, value);                   \
			n_theirs = libc_snprintf(theirs, sizeof(theirs), fmt,  \
						 star1, star2, value);         \
		}                                                              \
	} while (0)

	if (!len[0] || len[0] == 'h') {
		if (is_signed)
			BOTH((int)v);
		else
			BOTH((unsigned int)v);
	} else if (len[0] == 'l' && !len[1]) {
		if (is_signed)
			BOTH((long)v);
		else
			BOTH((unsigned long)v);
	} else if (len[0] == 'z') {
		if (is_signed)
			BOTH((ssize_t)v);
		else
			BOTH((size_t)v);
	} else if (len[0] == 't') {
		BOTH((ptrdiff_t)v);
	} else if (len[0] == 'j') {
		if (is_signed)
			BOTH((intmax_t)v);
		else
			BOTH((uintmax_t)v);
	} else {
		if (is_signed)
			BOTH((long long)v);
		else
			BOTH(v);
	}
#undef BOTH

	if (n_ours == n_theirs && n_ours >= 0 &&
	    ref_memeq(ours, theirs, (size_t)n_ours + 1))
		return true;
	ktest_note(__FILE__, __LINE__, fmt);
	ktest_check_str(test, __FILE__, __LINE__, "ours", KTEST_EQ, "host libc",
			ours, theirs);
	ktest_check_int(test, __FILE__, __LINE__, "our length", KTEST_EQ,
			"host libc's", KTEST_INT(n_ours), KTEST_INT(n_theirs));
	return false;
}

/* The value as the conversion sees it, after the length modifier. */
static unsigned long long converted(unsigned long long v, const char *len)
{
	if (len[0] == 'h')
		return len[1] == 'h' ? (unsigned char)v : (unsigned short)v;
	if (!len[0])
		return (unsigned int)v;
	if (len[0] == 'l' && !len[1])
		return (unsigned long)v;
	if (len[0] == 'z' || len[0] == 't')
		return (size_t)v;
	return v;
}

static void vsprintf_integer_conversions_match_host_libc(struct kunit *test)
{
	static const char *const lengths[] = { "hh", "h", "",  "l",
					       "ll", "z", "t", "j" };
	static const char convs[] = "diuxXo";
	static const char flag_chars[] = "-0+ #";
	int failures = 0;

	for (int iter = 0; iter < 20000 && failures < 5; iter++) {
		char fmt[32], *p = fmt;
		const char *len = lengths[rng() % ARRAY_SIZE(lengths)];
		char conv = convs[rng() % (sizeof(convs) - 1)];
		unsigned int flags = rng() & 0x1f;
		int stars = 0, star1 = 0, star2 = 0, precision = -1;
		unsigned long long v = random_value();

		if (len[0] == 't' && conv != 'd' && conv != 'i')
			conv = 'd'; /* %tu has no portable argument type */
		*p++ = '%';
		for (int i = 0; i < 5; i++)
			if (flags & (1U << i))
				*p++ = flag_chars[i];
		switch (rng() % 3) {
		case 0:
			break;
		case 1:
			*p++ = (char)('1' + rng() % 9);
			if (rng() % 2)
				*p++ = (char)('0' + rng() % 10);
			break;
		default:
			*p++ = '*';
			star1 = (int)(rng() % 41) - 20;
			stars = 1;
			break;
		}
		switch (rng() % 4) {
		case 0:
		case 1:
			break;
		case 2:
			precision = (int)(rng() % 25);
			*p++ = '.';
			if (precision >= 10)
				*p++ = (char)('0' + precision / 10);
			*p++ = (char)('0' + precision % 10);
			break;
		default:
			append(&p, ".*");
			precision = (int)(rng() % 30) - 5;
			if (stars)
				star2 = precision;
			else
				star1 = precision;
			stars++;
			break;
		}
		append(&p, len);
		*p++ = conv;
		*p = '\0';

		/* Deliberate differences from C (Linux's behaviour). */
		if ((flags & 0x10) && (conv == 'x' || conv == 'X') &&
		    converted(v, len) == 0)
			continue; /* %#x of 0: "0x0", C says "0" */
		if ((flags & 0x10) && conv == 'o' && precision >= 0)
			continue; /* %#.3o: Linux does not merge the 0s */

		if (!compare_with_libc(test, fmt, len, conv, stars, star1,
				       star2, v))
			failures++;
	}
}

static void vsprintf_strings_and_chars_match_host_libc(struct kunit *test)
{
	/* args: 's' one string, 'c' one char (NUL included), 'b' both. */
	static const struct {
		const char *fmt;
		char args;
	} fmts[] = {
		{ "%s", 's' },	    { "%5s", 's' },   { "%-5s", 's' },
		{ "%.2s", 's' },    { "%8.3s", 's' }, { "%-8.3s", 's' },
		{ "%.0s", 's' },    { "%.10s", 's' }, { "%1s", 's' },
		{ "%c", 'c' },	    { "%4c", 'c' },   { "%-4c", 'c' },
		{ "[%s|%c]", 'b' }, { "%%%s", 's' },
	};
	static const char *const strs[] = { "", "a", "abc", "hello world" };

	for (size_t f = 0; f < ARRAY_SIZE(fmts); f++) {
		for (size_t i = 0; i < ARRAY_SIZE(strs); i++) {
			const char *fmt = fmts[f].fmt, *str = strs[i];
			char ours[64], theirs[64];
			int n_ours, n_theirs;

			if (fmts[f].args == 's') {
				n_ours = raw_snprintf(ours, sizeof(ours), fmt,
						      str);
				n_theirs = libc_snprintf(theirs, sizeof(theirs),
							 fmt, str);
			} else if (fmts[f].args == 'c') {
				n_ours = raw_snprintf(ours, sizeof(ours), fmt,
						      str[0]);
				n_theirs = libc_snprintf(theirs, sizeof(theirs),
							 fmt, str[0]);
			} else {
				n_ours = raw_snprintf(ours, sizeof(ours), fmt,
						      str, 'q');
				n_theirs = libc_snprintf(theirs, sizeof(theirs),
							 fmt, str, 'q');
			}
			if (n_ours == n_theirs && n_ours >= 0 &&
			    ref_memeq(ours, theirs, (size_t)n_ours + 1))
				continue;
			ktest_note(__FILE__, __LINE__, fmt);
			KUNIT_EXPECT_EQ(test, n_ours, n_theirs);
			KUNIT_EXPECT_MEMEQ(test, ours, theirs,
					   (size_t)(n_theirs + 1));
		}
	}
}

static struct kunit_case vsprintf_cases[] = {
	KUNIT_CASE(vsprintf_plain_text_is_copied),
	KUNIT_CASE(vsprintf_percent_percent_prints_one_percent),
	KUNIT_CASE(vsprintf_d_and_i_print_signed_decimal),
	KUNIT_CASE(vsprintf_d_prints_int_min_and_int_max),
	KUNIT_CASE(vsprintf_u_prints_unsigned_decimal),
	KUNIT_CASE(vsprintf_x_and_X_print_hex_in_both_cases),
	KUNIT_CASE(vsprintf_o_prints_octal),
	KUNIT_CASE(vsprintf_c_prints_one_character),
	KUNIT_CASE(vsprintf_c_of_nul_is_written_and_counted),
	KUNIT_CASE(vsprintf_s_prints_strings_with_width),
	KUNIT_CASE(vsprintf_s_precision_limits_bytes_read),
	KUNIT_CASE(vsprintf_s_of_null_prints_null_marker),
	KUNIT_CASE(vsprintf_width_pads_numbers_with_spaces),
	KUNIT_CASE(vsprintf_zero_flag_pads_after_the_sign),
	KUNIT_CASE(vsprintf_minus_flag_overrides_zero_flag),
	KUNIT_CASE(vsprintf_plus_and_space_flags_sign_positives),
	KUNIT_CASE(vsprintf_hash_flag_adds_base_prefix),
	KUNIT_CASE(vsprintf_precision_sets_minimum_digits),
	KUNIT_CASE(vsprintf_precision_zero_of_zero_prints_no_digits),
	KUNIT_CASE(vsprintf_star_width_and_precision_from_args),
	KUNIT_CASE(vsprintf_negative_star_width_left_justifies),
	KUNIT_CASE(vsprintf_negative_star_precision_is_ignored),
	KUNIT_CASE(vsprintf_hh_modifier_truncates_to_char),
	KUNIT_CASE(vsprintf_h_modifier_truncates_to_short),
	KUNIT_CASE(vsprintf_l_modifier_prints_long),
	KUNIT_CASE(vsprintf_ll_modifier_prints_64_bit_extremes),
	KUNIT_CASE(vsprintf_z_and_t_modifiers_print_size_types),
	KUNIT_CASE(vsprintf_j_modifier_prints_intmax),
	KUNIT_CASE(vsprintf_mixed_arguments_are_consumed_in_order),
	KUNIT_CASE(vsprintf_p_prints_0x_and_all_hex_digits),
	KUNIT_CASE(vsprintf_pS_prints_symbol_from_sprint_symbol),
	KUNIT_CASE(vsprintf_pS_without_symbol_prints_address),
	KUNIT_CASE(vsprintf_p_does_not_look_up_symbols),
	KUNIT_CASE(vsprintf_unknown_conversion_is_printed_as_is),
	KUNIT_CASE(vsprintf_percent_n_is_not_supported),
	KUNIT_CASE(vsprintf_trailing_percent_stops_at_end_of_format),
	KUNIT_CASE(vsprintf_truncates_and_returns_full_length),
	KUNIT_CASE(vsprintf_size_zero_writes_nothing),
	KUNIT_CASE(vsprintf_size_one_writes_only_the_nul),
	KUNIT_CASE(vsprintf_never_writes_past_size),
	KUNIT_CASE(vsprintf_wide_padding_is_counted_past_the_buffer),
	KUNIT_CASE(vsprintf_scnprintf_returns_bytes_written),
	KUNIT_CASE(vsprintf_vscnprintf_returns_bytes_written),
	KUNIT_CASE(vsprintf_scnprintf_can_be_appended_safely),
	KUNIT_CASE(vsprintf_integer_conversions_match_host_libc),
	KUNIT_CASE(vsprintf_strings_and_chars_match_host_libc),
	{}
};

static struct kunit_suite vsprintf_suite = {
	.name = "vsprintf",
	.test_cases = vsprintf_cases,
};
kunit_test_suite(vsprintf_suite);
