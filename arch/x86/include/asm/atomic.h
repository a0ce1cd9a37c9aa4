/* SPDX-License-Identifier: GPL-2.0 */
/*
 * atomic.h - read-modify-write instructions that other CPUs cannot split.
 *
 * A `lock` prefix makes the instruction own the cache line from its read to
 * its write, so two CPUs incrementing the same counter both count.  These
 * are the building blocks of the spinlocks, the CPU masks and the per-CPU
 * queues; Linux's names: atomic_t, cmpxchg(), xchg(), set_bit().
 */
#ifndef _ASM_X86_ATOMIC_H
#define _ASM_X86_ATOMIC_H

#include <types.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) \
	{              \
		(i)    \
	}

static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static inline void atomic_inc(atomic_t *v)
{
	__asm__ __volatile__("lock; incl %0" : "+m"(v->counter) : : "memory");
}

static inline void atomic_dec(atomic_t *v)
{
	__asm__ __volatile__("lock; decl %0" : "+m"(v->counter) : : "memory");
}

/* Add i and return the new value (XADD returns the old one). */
static inline int atomic_add_return(int i, atomic_t *v)
{
	int old = i;

	__asm__ __volatile__("lock; xaddl %0, %1"
			     : "+r"(old), "+m"(v->counter)
			     :
			     : "memory");
	return old + i;
}

/* Subtract one; true if the result is zero (the last reference went). */
static inline bool atomic_dec_and_test(atomic_t *v)
{
	bool zero;

	__asm__ __volatile__("lock; decl %0"
			     : "+m"(v->counter), "=@ccz"(zero)
			     :
			     : "memory");
	return zero;
}

static inline void atomic_add(int i, atomic_t *v)
{
	__asm__ __volatile__("lock; addl %1, %0"
			     : "+m"(v->counter)
			     : "ir"(i)
			     : "memory");
}

/*
 * atomic_long_t: a counter many CPUs update (a long is 32 bits here, so
 * the same instructions).  Linux uses it for statistics that are read
 * rarely and must not lose an update.
 */
typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_LONG_INIT(i) \
	{                   \
		(i)         \
	}

static inline long atomic_long_read(const atomic_long_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	WRITE_ONCE(v->counter, i);
}

static inline void atomic_long_add(long i, atomic_long_t *v)
{
	__asm__ __volatile__("lock; addl %1, %0"
			     : "+m"(v->counter)
			     : "ir"(i)
			     : "memory");
}

static inline void atomic_long_sub(long i, atomic_long_t *v)
{
	atomic_long_add(-i, v);
}

static inline void atomic_long_inc(atomic_long_t *v)
{
	atomic_long_add(1, v);
}

static inline void atomic_long_dec(atomic_long_t *v)
{
	atomic_long_add(-1, v);
}

/* If *ptr == old, store new; either way return what *ptr held. */
static inline u32 cmpxchg32(volatile u32 *ptr, u32 old, u32 new)
{
	u32 prev;

	__asm__ __volatile__("lock; cmpxchgl %2, %1"
			     : "=a"(prev), "+m"(*ptr)
			     : "r"(new), "0"(old)
			     : "memory");
	return prev;
}

/* Store v and return the old value (XCHG with memory is always locked). */
static inline u32 xchg32(volatile u32 *ptr, u32 v)
{
	__asm__ __volatile__("xchgl %0, %1" : "+r"(v), "+m"(*ptr) : : "memory");
	return v;
}

static inline void set_bit(unsigned int nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lock; btsl %1, %0"
			     : "+m"(*addr)
			     : "Ir"(nr)
			     : "memory");
}

static inline void clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lock; btrl %1, %0"
			     : "+m"(*addr)
			     : "Ir"(nr)
			     : "memory");
}

/* Set bit nr; was it set before?  One locked instruction. */
static inline bool test_and_set_bit(unsigned int nr,
				    volatile unsigned long *addr)
{
	bool old;

	__asm__ __volatile__("lock; btsl %2, %0"
			     : "+m"(*addr), "=@ccc"(old)
			     : "Ir"(nr)
			     : "memory");
	return old;
}

static inline bool test_and_clear_bit(unsigned int nr,
				      volatile unsigned long *addr)
{
	bool old;

	__asm__ __volatile__("lock; btrl %2, %0"
			     : "+m"(*addr), "=@ccc"(old)
			     : "Ir"(nr)
			     : "memory");
	return old;
}

static inline bool test_bit(unsigned int nr, const volatile unsigned long *addr)
{
	return (READ_ONCE(*addr) >> nr) & 1;
}

#endif /* _ASM_X86_ATOMIC_H */
