// SPDX-License-Identifier: GPL-2.0
/*
 * div64.c - 64-bit division for GCC's calls: __udivdi3 and its family.
 *
 * i386 has no instruction that divides a 64-bit number by a 64-bit one, so
 * GCC turns `a / b` and `a % b` on u64/s64 into calls of libgcc helpers
 * (__udivdi3, __umoddi3, __udivmoddi4 and the signed ones).  The kernel is
 * built with -mregparm=3 (compiler.h), and GCC calls those helpers with the
 * same convention; the system's libgcc was built for the stack convention,
 * so it cannot be linked.  Linux i386 avoids 64-bit division altogether
 * (do_div(), div_u64()) and does not link libgcc either; here the few
 * helpers are written once, with register arguments, and the kernel links
 * no libgcc, so a helper that is missing fails the link instead of
 * silently reading its arguments from the wrong place.
 *
 * The work is done by DIVL, which divides EDX:EAX by a 32-bit divisor
 * provided the quotient fits in 32 bits (EDX < divisor): one DIVL when the
 * dividend's high word is already below the divisor, two (high word, then
 * remainder:low word) for any other 32-bit divisor.  A divisor of 2^32 or
 * more leaves a quotient below 2^32, found by shift and subtract in at most
 * 32 steps.  Division by zero traps (#DE) as the hardware's would.
 */
#include <types.h>

u64 __udivmoddi4(u64 n, u64 d, u64 *rem);
u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
s64 __divmoddi4(s64 n, s64 d, s64 *rem);
s64 __divdi3(s64 n, s64 d);
s64 __moddi3(s64 n, s64 d);

/* EDX:EAX = hi:lo divided by d; hi < d, so the quotient fits in 32 bits. */
static inline u32 divl(u32 hi, u32 lo, u32 d, u32 *rem)
{
	u32 q, r;

	__asm__("divl %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d));
	*rem = r;
	return q;
}

u64 __udivmoddi4(u64 n, u64 d, u64 *rem)
{
	u32 n_hi = (u32)(n >> 32), n_lo = (u32)n;
	u32 d_hi = (u32)(d >> 32), d_lo = (u32)d;
	u32 q_hi = 0, q_lo, r;
	u64 q;

	if (!d_hi) {
		if (n_hi >= d_lo) {
			q_hi = n_hi / d_lo; /* traps for d == 0 */
			n_hi %= d_lo;
		}
		q_lo = divl(n_hi, n_lo, d_lo, &r);
		if (rem)
			*rem = r;
		return ((u64)q_hi << 32) | q_lo;
	}
	/* d >= 2^32: line d up under n's top bit, then subtract down. */
	q = 0;
	if (n >= d) {
		/* n >= d >= 2^32: n_hi is not 0 either. */
		int shift = __builtin_clz(d_hi) - __builtin_clz(n_hi);

		d <<= shift;
		for (; shift >= 0; shift--) {
			q <<= 1;
			if (n >= d) {
				n -= d;
				q |= 1;
			}
			d >>= 1;
		}
	}
	if (rem)
		*rem = n;
	return q;
}

u64 __udivdi3(u64 n, u64 d)
{
	return __udivmoddi4(n, d, NULL);
}

u64 __umoddi3(u64 n, u64 d)
{
	u64 r;

	__udivmoddi4(n, d, &r);
	return r;
}

/* C's rules: the quotient rounds toward zero, the remainder has n's sign. */
s64 __divmoddi4(s64 n, s64 d, s64 *rem)
{
	u64 un = n < 0 ? -(u64)n : (u64)n;
	u64 ud = d < 0 ? -(u64)d : (u64)d;
	u64 ur, uq = __udivmoddi4(un, ud, &ur);

	/* Negated as unsigned numbers: -2^63 has no positive s64. */
	if (rem)
		*rem = (s64)(n < 0 ? -ur : ur);
	return (s64)((n < 0) != (d < 0) ? -uq : uq);
}

s64 __divdi3(s64 n, s64 d)
{
	return __divmoddi4(n, d, NULL);
}

s64 __moddi3(s64 n, s64 d)
{
	s64 r;

	__divmoddi4(n, d, &r);
	return r;
}
