/* SPDX-License-Identifier: GPL-2.0 */
/* kernel.h - small helpers every file uses: sizes, alignment, min/max. */
#ifndef _KERNEL_H
#define _KERNEL_H

#include <types.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The structure that contains `ptr` as its member `member`. */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr)-offsetof(type, member)))

/* min/max evaluate each argument once; unique names allow nesting. */
#define __PASTE_(a, b) a##b
#define __PASTE(a, b) __PASTE_(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__unique_, prefix), __COUNTER__)
#define __cmp_once(op, a, b, ua, ub)    \
	({                              \
		__typeof__(a) ua = (a); \
		__typeof__(b) ub = (b); \
		ua op ub ? ua : ub;     \
	})
#define min(a, b) __cmp_once(<, a, b, __UNIQUE_ID(a_), __UNIQUE_ID(b_))
#define max(a, b) __cmp_once(>, a, b, __UNIQUE_ID(a_), __UNIQUE_ID(b_))
#define min_t(type, a, b) min((type)(a), (type)(b))
#define max_t(type, a, b) max((type)(a), (type)(b))
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define swap(a, b)                       \
	do {                             \
		__typeof__(a) __t = (a); \
		(a) = (b);               \
		(b) = __t;               \
	} while (0)

/* Alignment; `a` must be a power of two. */
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a)-1)) & ~((__typeof__(x))(a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a)-1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a)-1)) == 0)
#define PTR_ALIGN(p, a) ((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
#define is_power_of_2(n) ((n) != 0 && (((n) & ((n)-1)) == 0))

#define SZ_1K 0x00000400UL
#define SZ_4K 0x00001000UL
#define SZ_1M 0x00100000UL
#define SZ_16M 0x01000000UL
#define SZ_1G 0x40000000UL

/* Fails the build when `cond` is true; usable inside a function body. */
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

/* Fold a 64-bit division into libgcc's helper explicitly where it is wanted. */
static inline u64 div_u64(u64 n, u32 d)
{
	return n / d;
}

/* Rotate right by shift (1..31), as Linux's <linux/bitops.h>: one ROR. */
static inline u32 ror32(u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

/* Index of the highest set bit, 1-based (fls(1) == 1, fls(0) == 0). */
static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

/* Index of the lowest set bit, 0-based; undefined for 0. */
static inline unsigned long __ffs(unsigned long x)
{
	return (unsigned long)__builtin_ctzl(x);
}

/* The largest power of two <= n (n > 0). */
/*
 * The number of bits set (Linux's hweight32): bit pairs, nibbles, then a
 * multiply adds the four byte counts.  In C because the kernel links no
 * libgcc, whose __popcountsi2 GCC would call for __builtin_popcount.
 */
static inline unsigned int hweight32(u32 w)
{
	w = w - ((w >> 1) & 0x55555555);
	w = (w & 0x33333333) + ((w >> 2) & 0x33333333);
	w = (w + (w >> 4)) & 0x0f0f0f0f;
	return (w * 0x01010101) >> 24;
}

static inline unsigned long rounddown_pow_of_two(unsigned long n)
{
	return 1UL << (fls((unsigned int)n) - 1);
}

/* log2 of the smallest power of two >= n (order_base_2(1) == 0). */
static inline int order_base_2(unsigned long n)
{
	return n <= 1 ? 0 : fls((unsigned int)(n - 1));
}

#endif /* _KERNEL_H */
