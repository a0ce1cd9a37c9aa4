// SPDX-License-Identifier: GPL-2.0
/*
 * sort.c - heapsort over an array of fixed-size elements.
 *
 * Heapsort because a kernel wants a bounded worst case (O(n log n) always),
 * no recursion and no allocation; stability is not needed by any caller (the
 * e820 sanitizer and the /proc views break ties themselves).
 */
#include <sort.h>

static void swap_bytes(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/* Move the element at `root` down until the max-heap property holds. */
static void sift_down(char *base, size_t root, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		if (child + 1 < n &&
		    cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap_bytes(base + root * size, base + child * size, size);
		root = child;
	}
}

void sort(void *base, size_t num, size_t size,
	  int (*cmp)(const void *a, const void *b))
{
	char *b = base;

	if (num < 2)
		return;
	for (size_t i = num / 2; i-- > 0;)
		sift_down(b, i, num, size, cmp);
	for (size_t end = num - 1; end > 0; end--) {
		swap_bytes(b, b + end * size, size);
		sift_down(b, 0, end, size, cmp);
	}
}
