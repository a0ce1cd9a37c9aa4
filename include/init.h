/* SPDX-License-Identifier: GPL-2.0 */
/* init.h - the boot sequence (kernel/main.c) and what the mode runs. */
#ifndef _INIT_H
#define _INIT_H

#include <types.h>

enum boot_mode {
	BOOT_MODE_SHELL, /* the prompt (default) */
	BOOT_MODE_DEMO, /* the ex04 walkthrough, then the prompt */
	BOOT_MODE_KTEST, /* run the tests, leave QEMU with the verdict */
	BOOT_MODE_BENCH, /* run the benchmarks, leave QEMU */
};

extern enum boot_mode boot_mode;
/* Has boot finished (init memory freed, prompt reached)? */
extern bool system_running;
/* TSC value when the prompt (or the mode's work) was reached. */
extern u64 boot_done_tsc;

#endif /* _INIT_H */
