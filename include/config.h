/* SPDX-License-Identifier: GPL-2.0 */
/*
 * config.h - the build's configuration, in one place.
 *
 * .c files never use #ifdef: they test these constants in plain `if`s (the
 * compiler drops the dead branch), so both branches always compile.  The only
 * configuration today is whether the code is built for the kernel or for the
 * host unit tests (tests/host, which define HOST_TEST).
 */
#ifndef _CONFIG_H
#define _CONFIG_H

#ifdef HOST_TEST
#define CONFIG_HOST_TEST 1
#else
#define CONFIG_HOST_TEST 0
#endif

/* memcpy/memset with i386 string instructions (not under the host's ASan). */
#define CONFIG_X86_STRING_OPS (!CONFIG_HOST_TEST)

#define KMEM386_VERSION "0.1.0"

/*
 * The most CPUs the kernel can run (QEMU -smp 1..8).  Per-CPU areas are
 * allocated only for the CPUs the firmware lists, so a larger number costs
 * a few static arrays, not memory per CPU.
 */
#define CONFIG_NR_CPUS 8

/*
 * Spinlock debugging (kernel/locking/spinlock_debug.c): recursion, unlock
 * of a free lock or from another CPU, and lockups are reported.  This is
 * the default; `spinlock_debug` on the command line turns it on, and ktest
 * boots always have it.
 */
#define CONFIG_DEBUG_SPINLOCK 0

/*
 * DMA API debugging (kernel/dma/debug.c): every DMA mapping recorded and
 * its misuse reported.  On unless `dma_debug=off` is on the command line,
 * as in a Linux built with CONFIG_DMA_API_DEBUG; the benchmarks turn it
 * off for their rows.
 */
#define CONFIG_DMA_API_DEBUG 1

#endif /* _CONFIG_H */
