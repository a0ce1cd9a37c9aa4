/* SPDX-License-Identifier: GPL-2.0 */
/*
 * barrier.h - memory ordering between CPUs, and between a CPU and devices,
 * x86-32.
 *
 * Three families, as in Linux (Documentation/memory-barriers.txt):
 *  - mb(), rmb(), wmb(): order this CPU's accesses as seen by anything,
 *    devices included (memory a device reads or writes by DMA, and
 *    registers): "the buffer is written before the doorbell", "the status
 *    is read before the data";
 *  - smp_mb(), smp_rmb(), smp_wmb(): order them as seen by other CPUs only
 *    (normal cacheable memory), e.g. a flag an interrupt handler on CPU 0
 *    sets for a waiter on CPU 1;
 *  - dma_rmb(), dma_wmb(): order accesses to memory shared with a device
 *    (a coherent DMA buffer) with each other, not with MMIO registers.
 *
 * x86 keeps loads in order with loads and stores with stores, and a store
 * never passes an earlier load (total store order): the only reordering a
 * CPU does is a later load overtaking an earlier store to another address.
 * So smp_rmb(), smp_wmb() and the dma_ pair only stop the compiler, and
 * smp_mb() needs a real fence.  mb(), rmb() and wmb() are real fences too,
 * because they must also order non-temporal stores and uncached accesses,
 * which TSO does not cover.  MFENCE/LFENCE/SFENCE are SSE/SSE2; a locked add
 * to the stack is a full barrier on every x86, as Linux i386 uses without
 * SSE2.
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

/* Coherent DMA memory is normal write-back memory: TSO orders it. */
#define dma_rmb() barrier()
#define dma_wmb() barrier()

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
