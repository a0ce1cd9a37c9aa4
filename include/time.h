/* SPDX-License-Identifier: GPL-2.0 */
/*
 * time.h - clocks: the TSC for fine time, the PIT tick (jiffies) for coarse.
 */
#ifndef _TIME_H
#define _TIME_H

#include <types.h>

#define HZ 100 /* PIT interrupts per second */
#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_USEC 1000ULL

/* Timer interrupts since the PIT was started. */
extern volatile u64 jiffies;

/* TSC frequency in kHz, 0 until calibrated (arch/x86/kernel/tsc.c). */
extern unsigned long tsc_khz;

/* Nanoseconds since boot, from the TSC; 0 before calibration. */
u64 local_clock(void);

/* The TSC at the kernel's first instruction (head.S): where boot starts. */
extern u64 boot_tsc;

/* Busy-wait, using the TSC (before calibration: a rough loop). */
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif /* _TIME_H */
