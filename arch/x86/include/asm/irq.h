/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irq.h - hardware interrupts through the two 8259A PICs.
 *
 * The PICs are remapped so that IRQ n arrives at vector FIRST_EXTERNAL_VECTOR
 * + n (32..47): vectors 0..31 belong to CPU exceptions.  Drivers install
 * handlers with request_irq() (interrupt.h); the generic layer that runs
 * them is kernel/irq/ (irqdesc.h).
 */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <asm/atomic.h>
#include <asm/ptrace.h>
#include <preempt.h>

#define FIRST_EXTERNAL_VECTOR 32
#define NR_IRQS 16

#define IRQ_TIMER 0 /* PIT channel 0 */
#define IRQ_KEYBOARD 1 /* i8042 */
#define IRQ_CASCADE 2 /* the slave PIC */
#define IRQ_COM1 4 /* 16550 UART at 0x3f8 */

void init_IRQ(void);
/* Called from the entry code for vectors 32..47. */
void do_IRQ(struct pt_regs *regs);
/* A PCI INTx line must be level-triggered at the PIC (the ELCR). */
void elcr_set_level_irq(unsigned int irq);
/* Spurious 8259A interrupts and local APIC errors: /proc/interrupts ERR. */
extern atomic_t irq_err_count;
/*
 * Acknowledge the IRQ being handled and leave interrupt context, for a
 * handler that will not return (the test watchdog abandons a hung case).
 */
void irq_eoi_early(unsigned int irq);

#endif /* _ASM_X86_IRQ_H */
