/* SPDX-License-Identifier: GPL-2.0 */
/* serial.h - COM1 (arch/x86/kernel/serial.c). */
#ifndef _ASM_X86_SERIAL_H
#define _ASM_X86_SERIAL_H

/* Polled output from the first instruction of start_kernel on. */
void serial_init(void);
/* Interrupt-driven input, once the IDT and the PIC are set up. */
void serial_init_irq(void);

#endif /* _ASM_X86_SERIAL_H */
