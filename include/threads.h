/* SPDX-License-Identifier: GPL-2.0 */
/* threads.h - how many CPUs the kernel is built for (as Linux's). */
#ifndef _THREADS_H
#define _THREADS_H

#include <config.h>

/* The size of every per-CPU table; QEMU's -smp may not exceed it. */
#define NR_CPUS CONFIG_NR_CPUS

#endif /* _THREADS_H */
