/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irq_vectors.h - which interrupt vector means what, Linux's numbers.
 *
 *	  0 -  31  CPU exceptions
 *	 32 -  47  the two 8259A PICs: IRQ n at vector 32 + n
 *	236 - 255  the local APIC's own interrupts ("system vectors"): its
 *	           timer, the inter-processor interrupts, errors, spurious
 *
 * A higher vector has a higher priority at the local APIC, which is why
 * the IPIs sit at the top, as in Linux.
 */
#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

#define LOCAL_TIMER_VECTOR 0xec /* the local APIC timer: LOC */
#define REBOOT_VECTOR 0xf8 /* stop this CPU (panic) */
#define CALL_FUNCTION_SINGLE_VECTOR 0xfb /* smp_call_function_single: CAL */
#define CALL_FUNCTION_VECTOR 0xfc /* smp_call_function_many: CAL */
#define RESCHEDULE_VECTOR 0xfd /* wake an idle CPU: RES */
#define ERROR_APIC_VECTOR 0xfe /* the local APIC saw an error: ERR */
#define SPURIOUS_APIC_VECTOR 0xff /* an interrupt that went away: SPU */

#define FIRST_SYSTEM_VECTOR LOCAL_TIMER_VECTOR
#define NR_SYSTEM_VECTORS (256 - FIRST_SYSTEM_VECTOR)

#endif /* _ASM_X86_IRQ_VECTORS_H */
