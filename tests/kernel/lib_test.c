// SPDX-License-Identifier: GPL-2.0
/*
 * lib_test.c - verifies that the freestanding C library behaves inside the
 * kernel as it does in the host tests: formatting, strings, number parsing.
 */
#include <ktest.h>
#include <sprintf.h>
#include <string.h>

static void lib_snprintf_formats_hex_with_padding(struct ktest *test)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%08lx", 0xc0100000UL);
	KTEST_EXPECT_STREQ(test, buf, "c0100000");
}

static const struct ktest_case lib_cases[] = {
	KTEST_CASE(lib_snprintf_formats_hex_with_padding),
	{}
};
KTEST_SUITE(lib, lib_cases);
