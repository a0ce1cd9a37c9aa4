/* SPDX-License-Identifier: GPL-2.0 */
/*
 * apic.h - the local APIC: each CPU's own interrupt controller.
 *
 * Every CPU has one, at the same physical address (0xfee00000): a load
 * from that page reaches the APIC of the CPU that does it.  It delivers
 * the CPU's interrupts, has a timer, and sends inter-processor interrupts
 * (IPIs) by writing the Interrupt Command Register: destination APIC ID in
 * ICR2, then vector and delivery mode in ICR, which sends.  Intel SDM
 * vol. 3, chapter 10; names and values as Linux's apicdef.h.
 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <asm/memlayout.h>
#include <types.h>

#define APIC_DEFAULT_PHYS_BASE 0xfee00000UL

#define APIC_ID 0x20 /* bits 31-24: this CPU's APIC ID */
#define APIC_LVR 0x30 /* version; bits 23-16: highest LVT entry */
#define APIC_TASKPRI 0x80 /* task priority: 0 accepts every vector */
#define APIC_EOI 0xb0 /* write 0: end of interrupt */
#define APIC_LDR 0xd0 /* logical destination */
#define APIC_DFR 0xe0 /* destination format */
#define APIC_SPIV 0xf0 /* spurious vector; bit 8 enables the APIC */
#define APIC_SPIV_APIC_ENABLED 0x100
#define APIC_ESR 0x280 /* error status: write, then read */
#define APIC_ICR 0x300 /* interrupt command, low half: sends */
#define APIC_ICR2 0x310 /* interrupt command, high half: destination */
#define APIC_LVTT 0x320 /* timer */
#define APIC_LVTPC 0x340 /* performance counter */
#define APIC_LVT0 0x350 /* LINT0 pin: the PIC in virtual wire mode */
#define APIC_LVT1 0x360 /* LINT1 pin: NMI */
#define APIC_LVTERR 0x370 /* error interrupt */
#define APIC_TMICT 0x380 /* timer initial count */
#define APIC_TMCCT 0x390 /* timer current count */
#define APIC_TDCR 0x3e0 /* timer divide configuration */

/* ICR and LVT bits. */
#define APIC_DM_FIXED 0x00000
#define APIC_DM_NMI 0x00400
#define APIC_DM_INIT 0x00500
#define APIC_DM_STARTUP 0x00600
#define APIC_DM_EXTINT 0x00700
#define APIC_ICR_BUSY 0x01000 /* delivery status: still sending */
#define APIC_INT_ASSERT 0x04000
#define APIC_INT_LEVELTRIG 0x08000
#define APIC_LVT_MASKED 0x10000
#define APIC_LVT_TIMER_PERIODIC 0x20000
#define APIC_TDR_DIV_16 0x3
#define SET_APIC_DEST_FIELD(x) ((u32)(x) << 24)
#define GET_APIC_ID(x) (((x) >> 24) & 0xff)
#define GET_APIC_VERSION(x) ((x)&0xff)
#define APIC_INTEGRATED(ver) ((ver)&0xf0) /* not an external 82489DX */

#define MSR_IA32_APICBASE 0x1b
#define MSR_IA32_APICBASE_BSP (1UL << 8)
#define MSR_IA32_APICBASE_ENABLE (1UL << 11)

/* Where the firmware's table says the local APIC is (mpparse.c). */
extern unsigned long mp_lapic_addr;
/* Is the local APIC in use (CPUID has one, and no `nolapic`)? */
extern bool apic_enabled;
extern bool disable_apic; /* `nolapic` on the command line */
/* The MP table's IMCR flag: the PIC is wired past the APIC until told. */
extern bool pic_mode;
/* The boot CPU's APIC ID, read from the APIC itself. */
extern unsigned int boot_cpu_physical_apicid;
/* Local APIC timer counts per jiffy (calibrated at boot). */
extern unsigned int lapic_timer_period;

static inline u32 apic_read(u32 reg)
{
	return *(volatile u32 *)(__fix_to_virt(FIX_APIC_BASE) + reg);
}

static inline void apic_write(u32 reg, u32 v)
{
	*(volatile u32 *)(__fix_to_virt(FIX_APIC_BASE) + reg) = v;
}

/* Signal the end of the interrupt being handled (not for ExtINT/spurious). */
static inline void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

static inline unsigned int read_apic_id(void)
{
	return GET_APIC_ID(apic_read(APIC_ID));
}

/* Boot CPU: map and enable its APIC (virtual wire: LINT0 takes the PIC). */
void apic_bsp_setup(void);
/* Any CPU: program this CPU's APIC (an AP masks LINT0/LINT1). */
void setup_local_APIC(bool bsp);
/* Start this CPU's periodic timer at HZ (LOC in /proc/interrupts). */
void setup_APIC_timer(void);
/* Around the 10 ms of PIT the TSC is calibrated with (time.c). */
void apic_calibrate_begin(void);
void apic_calibrate_end(unsigned long ms);

/* Send `low` (vector | delivery mode) to APIC ID `dest`; 0 or -EIO. */
int apic_icr_write(u32 low, u32 dest);
/* A fixed-vector IPI to one CPU (by CPU number). */
void apic_send_IPI(unsigned int cpu, unsigned int vector);

/* The local APIC's own vectors (timer, error, spurious), from traps.c. */
struct pt_regs;
void do_system_vector(struct pt_regs *regs);

#endif /* _ASM_X86_APIC_H */
