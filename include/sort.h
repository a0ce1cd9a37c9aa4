/* SPDX-License-Identifier: GPL-2.0 */
/* sort.h - in-place heapsort: O(n log n), no recursion, no allocation. */
#ifndef _SORT_H
#define _SORT_H

#include <types.h>

void sort(void *base, size_t num, size_t size,
	  int (*cmp)(const void *a, const void *b));

#endif /* _SORT_H */
