/* SPDX-License-Identifier: GPL-2.0 */
/* timer.h - the PIT tick (arch/x86/kernel/time.c). */
#ifndef _ASM_X86_TIMER_H
#define _ASM_X86_TIMER_H

#include <asm/ptrace.h>

/* Called on every timer interrupt, in interrupt context. */
typedef void (*tick_hook_t)(struct pt_regs *regs);

/* Calibrate the TSC and start the HZ tick. */
void time_init(void);
/* Run `hook` on every tick; returns 0, or -1 if there is no free slot. */
int register_tick_hook(tick_hook_t hook);

#endif /* _ASM_X86_TIMER_H */
