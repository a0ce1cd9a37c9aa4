/* SPDX-License-Identifier: GPL-2.0 */
/*
 * barrier.h - memory ordering between CPUs, x86-32.
 *
 * x86 keeps loads in order with loads and stores with stores, and a store
 * never passes an earlier load (total store order): the only reordering a
 * CPU does is a later load overtaking an earlier store to another address.
 * So smp_rmb() and smp_wmb() only stop the compiler, and smp_mb() needs a
 * real fence.  MFENCE is SSE2; a locked add to the stack is a full barrier
 * on every x86, as Linux i386 uses without SSE2.
 */
#ifndef _ASM_X86_BARRIER_H
#define _ASM_X86_BARRIER_H

#include <compiler.h>

#define mb() __asm__ __volatile__("lock; addl $0,0(%%esp)" : : : "memory", "cc")
#define rmb() mb()
#define wmb() mb()

#define smp_mb() mb()
#define smp_rmb() barrier()
#define smp_wmb() barrier()

/* A store that publishes everything written before it. */
#define smp_store_release(p, v)      \
	do {                         \
		barrier();           \
		WRITE_ONCE(*(p), v); \
	} while (0)

/* A load after which nothing is read early. */
#define smp_load_acquire(p)                              \
	({                                               \
		__typeof__(*(p)) ___v = READ_ONCE(*(p)); \
		barrier();                               \
		___v;                                    \
	})

#endif /* _ASM_X86_BARRIER_H */
