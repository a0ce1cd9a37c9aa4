// SPDX-License-Identifier: GPL-2.0
/*
 * Verifies that lib/sort.c's heapsort sorts arrays of any element size in
 * place: the result is in comparator order and a permutation of the input
 * (records move whole), for empty, single, sorted, reversed, duplicate-heavy
 * and 1000-element random inputs, and that the comparator is only ever handed
 * pointers to elements of the array (checked, and enforced by ASan through
 * exact-size heap arrays).
 */
#include <kernel.h>
#include <sort.h>
#include <string.h>

#include "host_ktest.h"

static unsigned int rng_state = 0x2545f491U;

static unsigned int rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* The array being sorted, for the comparators' sanity checks. */
static struct {
	struct kunit *test;
	const char *base;
	size_t num, size;
	unsigned long calls;
	bool bad_pointer;
} ctx;

static void ctx_begin(struct kunit *test, const void *base, size_t num,
		      size_t size)
{
	ctx.test = test;
	ctx.base = base;
	ctx.num = num;
	ctx.size = size;
	ctx.calls = 0;
	ctx.bad_pointer = false;
}

/* Is p the start of an element of the array being sorted? */
static void ctx_check(const void *p)
{
	const char *c = p;
	size_t off;

	ctx.calls++;
	if (c < ctx.base || c >= ctx.base + ctx.num * ctx.size) {
		ctx.bad_pointer = true;
		return;
	}
	off = (size_t)(c - ctx.base);
	if (off % ctx.size)
		ctx.bad_pointer = true;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	ctx_check(a);
	ctx_check(b);
	return (x > y) - (x < y);
}

static int cmp_int_desc(const void *a, const void *b)
{
	return cmp_int(b, a);
}

static int cmp_u8(const void *a, const void *b)
{
	ctx_check(a);
	ctx_check(b);
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static int cmp_never_called(const void *a, const void *b)
{
	(void)a;
	(void)b;
	ctx.calls++;
	return 0;
}

/* A 12-byte record: the key and two payload words that must travel with it. */
struct record {
	u32 key;
	u32 check; /* a function of key */
	u32 index; /* original position */
};

static int cmp_record(const void *a, const void *b)
{
	const struct record *x = a, *y = b;

	ctx_check(a);
	ctx_check(b);
	return (x->key > y->key) - (x->key < y->key);
}

static u32 record_check(u32 key)
{
	return key * 2654435761U ^ 0xa5a5a5a5U;
}

/* Insertion sort: the slow, obviously right reference. */
static void ref_sort_ints(int *a, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		int v = a[i];
		size_t j = i;

		for (; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

static void sort_and_check_ints(struct kunit *test, int *a, size_t n)
{
	int *want = kunit_kmemdup(test, a, n * sizeof(int));

	ref_sort_ints(want, n);
	ctx_begin(test, a, n, sizeof(int));
	sort(a, n, sizeof(int), cmp_int);
	KUNIT_EXPECT_FALSE(test, ctx.bad_pointer);
	KUNIT_EXPECT_MEMEQ(test, a, want, n * sizeof(int));
}

static void sort_sorts_ints_ascending(struct kunit *test)
{
	static const int init[] = { 5, -3, 9, 0, 2, 8, -7, 1, 6, 4 };
	static const int want[] = { -7, -3, 0, 1, 2, 4, 5, 6, 8, 9 };
	int *a = kunit_kmemdup(test, init, sizeof(init));

	ctx_begin(test, a, ARRAY_SIZE(init), sizeof(int));
	sort(a, ARRAY_SIZE(init), sizeof(int), cmp_int);
	KUNIT_EXPECT_MEMEQ(test, a, want, sizeof(want));
	KUNIT_EXPECT_FALSE(test, ctx.bad_pointer);
}

static void sort_already_sorted_input_stays_sorted(struct kunit *test)
{
	int *a = kunit_kmalloc(test, 100 * sizeof(int));

	for (int i = 0; i < 100; i++)
		a[i] = i * 3;
	sort_and_check_ints(test, a, 100);
}

static void sort_reverse_sorted_input(struct kunit *test)
{
	int *a = kunit_kmalloc(test, 101 * sizeof(int));

	for (int i = 0; i < 101; i++)
		a[i] = 1000 - i;
	sort_and_check_ints(test, a, 101);
	KUNIT_EXPECT_EQ(test, a[0], 900);
	KUNIT_EXPECT_EQ(test, a[100], 1000);
}

static void sort_handles_duplicates(struct kunit *test)
{
	int *same = kunit_kmalloc(test, 50 * sizeof(int));
	int *few = kunit_kmalloc(test, 200 * sizeof(int));

	for (int i = 0; i < 50; i++)
		same[i] = 7;
	sort_and_check_ints(test, same, 50);
	for (int i = 0; i < 200; i++)
		few[i] = (int)(rng() % 4) - 1;
	sort_and_check_ints(test, few, 200);
}

static void sort_extreme_values_compare_without_overflow(struct kunit *test)
{
	int a[] = { INT_MAX, INT_MIN, 0, -1, INT_MAX, 1, INT_MIN };

	sort_and_check_ints(test, a, ARRAY_SIZE(a));
	KUNIT_EXPECT_EQ(test, a[0], INT_MIN);
	KUNIT_EXPECT_EQ(test, a[6], INT_MAX);
}

static void sort_zero_elements_never_calls_cmp(struct kunit *test)
{
	ctx.calls = 0;
	sort(NULL, 0, sizeof(int), cmp_never_called);
	sort(kunit_kmalloc(test, 0), 0, 12, cmp_never_called);
	KUNIT_EXPECT_EQ(test, ctx.calls, 0);
}

static void sort_one_element_is_left_alone(struct kunit *test)
{
	int *a = kunit_kmalloc(test, sizeof(int));

	*a = 42;
	ctx.calls = 0;
	sort(a, 1, sizeof(int), cmp_never_called);
	KUNIT_EXPECT_EQ(test, ctx.calls, 0);
	KUNIT_EXPECT_EQ(test, *a, 42);
}

static void sort_two_elements(struct kunit *test)
{
	int a[2] = { 2, 1 };
	int b[2] = { 1, 2 };

	sort_and_check_ints(test, a, 2);
	KUNIT_EXPECT_EQ(test, a[0], 1);
	sort_and_check_ints(test, b, 2);
	KUNIT_EXPECT_EQ(test, b[0], 1);
}

static void sort_1000_random_ints_match_reference(struct kunit *test)
{
	for (int round = 0; round < 5; round++) {
		size_t n = 1000 + (size_t)round; /* odd and even counts */
		int *a = kunit_kmalloc(test, n * sizeof(int));

		for (size_t i = 0; i < n; i++)
			a[i] = (int)rng();
		sort_and_check_ints(test, a, n);
	}
}

static void sort_every_small_count_matches_reference(struct kunit *test)
{
	for (size_t n = 0; n <= 40; n++) {
		int *a = kunit_kmalloc(test, n * sizeof(int));

		for (size_t i = 0; i < n; i++)
			a[i] = (int)(rng() % 16);
		sort_and_check_ints(test, a, n);
	}
}

static void sort_follows_the_comparator_order(struct kunit *test)
{
	int a[] = { 3, 1, 4, 1, 5, 9, 2, 6 };
	static const int want[] = { 9, 6, 5, 4, 3, 2, 1, 1 };

	ctx_begin(test, a, ARRAY_SIZE(a), sizeof(int));
	sort(a, ARRAY_SIZE(a), sizeof(int), cmp_int_desc);
	KUNIT_EXPECT_MEMEQ(test, a, want, sizeof(want));
}

static void sort_element_size_1_sorts_bytes(struct kunit *test)
{
	size_t n = 257, before[256] = { 0 }, after[256] = { 0 };
	unsigned char *a = kunit_kmalloc(test, n);

	for (size_t i = 0; i < n; i++) {
		a[i] = (unsigned char)rng();
		before[a[i]]++;
	}
	ctx_begin(test, a, n, 1);
	sort(a, n, 1, cmp_u8);
	KUNIT_EXPECT_FALSE(test, ctx.bad_pointer);
	for (size_t i = 0; i < n; i++) {
		after[a[i]]++;
		if (i)
			KUNIT_ASSERT_TRUE(test, a[i - 1] <= a[i]);
	}
	KUNIT_EXPECT_MEMEQ(test, before, after, sizeof(before));
}

static void sort_element_size_12_moves_whole_records(struct kunit *test)
{
	size_t n = 333;
	struct record *r = kunit_kmalloc(test, n * sizeof(*r));
	bool *seen = kunit_kmalloc(test, n);

	KUNIT_ASSERT_EQ(test, sizeof(struct record), 12);
	for (size_t i = 0; i < n; i++) {
		r[i].key = rng() % 100; /* many equal keys */
		r[i].check = record_check(r[i].key);
		r[i].index = (u32)i;
		seen[i] = false;
	}
	ctx_begin(test, r, n, sizeof(*r));
	sort(r, n, sizeof(*r), cmp_record);
	KUNIT_EXPECT_FALSE(test, ctx.bad_pointer);
	for (size_t i = 0; i < n; i++) {
		if (i)
			KUNIT_ASSERT_TRUE(test, r[i - 1].key <= r[i].key);
		KUNIT_ASSERT_EQ(test, r[i].check, record_check(r[i].key));
		KUNIT_ASSERT_TRUE(test, r[i].index < n && !seen[r[i].index]);
		seen[r[i].index] = true;
	}
}

static void sort_comparator_sees_only_array_elements(struct kunit *test)
{
	size_t n = 64;
	struct record *r = kunit_kmalloc(test, n * sizeof(*r));

	for (size_t i = 0; i < n; i++)
		r[i] = (struct record){ .key = rng(), .index = (u32)i };
	ctx_begin(test, r, n, sizeof(*r));
	sort(r, n, sizeof(*r), cmp_record);
	KUNIT_EXPECT_FALSE(test, ctx.bad_pointer);
	KUNIT_EXPECT_GT(test, ctx.calls, 0);
	/* Heapsort: under 4 n log2(n) comparisons, two checks each. */
	KUNIT_EXPECT_LT(test, ctx.calls / 2, 4 * n * 6);
}

static struct kunit_case sort_cases[] = {
	KUNIT_CASE(sort_sorts_ints_ascending),
	KUNIT_CASE(sort_already_sorted_input_stays_sorted),
	KUNIT_CASE(sort_reverse_sorted_input),
	KUNIT_CASE(sort_handles_duplicates),
	KUNIT_CASE(sort_extreme_values_compare_without_overflow),
	KUNIT_CASE(sort_zero_elements_never_calls_cmp),
	KUNIT_CASE(sort_one_element_is_left_alone),
	KUNIT_CASE(sort_two_elements),
	KUNIT_CASE(sort_1000_random_ints_match_reference),
	KUNIT_CASE(sort_every_small_count_matches_reference),
	KUNIT_CASE(sort_follows_the_comparator_order),
	KUNIT_CASE(sort_element_size_1_sorts_bytes),
	KUNIT_CASE(sort_element_size_12_moves_whole_records),
	KUNIT_CASE(sort_comparator_sees_only_array_elements),
	{}
};

static struct kunit_suite sort_suite = {
	.name = "sort",
	.test_cases = sort_cases,
};
kunit_test_suite(sort_suite);
