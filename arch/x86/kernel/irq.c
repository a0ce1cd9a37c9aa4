// SPDX-License-Identifier: GPL-2.0
/*
 * irq.c - the two cascaded 8259A interrupt controllers of the PC, and the
 * entry from an interrupt vector to the line's handlers (kernel/irq/).
 *
 * At power-on the master PIC delivers IRQs 0..7 on vectors 8..15, right on
 * top of the CPU's exceptions; init_IRQ() reprograms both PICs (ICW1..ICW4)
 * to vectors 32..47, masks every line and registers the PIC as the chip of
 * lines 0..15.  request_irq() unmasks a line through irq_chip.irq_unmask.
 * Every interrupt is acknowledged (EOI) after its handlers ran: to the
 * slave as well for IRQs 8..15.  IRQ 7 and 15 may be spurious (the line
 * dropped before the CPU asked); the in-service register tells, and a
 * spurious one gets no handler and no EOI (or only the master's), and
 * counts as an error (ERR in /proc/interrupts), as in Linux.
 *
 * Edge or level: the PIIX's ELCR (ports 0x4d0/0x4d1, one bit per line)
 * says how each line triggers.  ISA devices (timer, keyboard, serial)
 * pulse their lines: edge.  PCI INTx lines are level-triggered and shared:
 * the device holds its line up until its driver acknowledges it, so the
 * EOI after the handlers is right (an unacknowledged line interrupts
 * again, which the spurious-interrupt accounting catches).  The firmware
 * sets the PCI lines to level; elcr_set_level_irq() makes sure.
 *
 * With several CPUs the PICs stay in "virtual wire" mode: their output
 * reaches the boot CPU's local APIC (LINT0, ExtINT), so every device
 * interrupt is handled by CPU 0 (docs/design.md says why).
 */
#include <asm/apic.h>
#include <asm/hardirq.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <irqdesc.h>
#include <kernel.h>
#include <printk.h>
#include <spinlock.h>
#include <tick.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20
#define PIC_READ_ISR 0x0b /* OCW3: next read of CMD is the ISR */
#define ICW1_INIT_ICW4 0x11 /* edge triggered, cascade, ICW4 follows */
#define ICW4_8086 0x01
#define PIC_ELCR1 0x4d0 /* trigger mode of IRQ 0..7: 1 = level */
#define PIC_ELCR2 0x4d1 /* IRQ 8..15 */

static u16 irq_mask = 0xffff & ~(1 << IRQ_CASCADE);
/* The mask and the ELCR are written from any CPU. */
static DEFINE_RAW_SPINLOCK(i8259A_lock);
atomic_t irq_err_count;
/* The named rows of /proc/interrupts (LOC, RES, CAL, TLB ...), per CPU. */
DEFINE_PER_CPU(irq_cpustat_t, irq_stat);

static void pic_set_mask(void)
{
	outb((u8)irq_mask, PIC1_DATA);
	outb((u8)(irq_mask >> 8), PIC2_DATA);
}

static void mask_8259A_irq(unsigned int irq)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&i8259A_lock, flags);
	irq_mask |= (u16)(1 << irq);
	pic_set_mask();
	raw_spin_unlock_irqrestore(&i8259A_lock, flags);
}

static void unmask_8259A_irq(unsigned int irq)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&i8259A_lock, flags);
	irq_mask &= (u16) ~(1 << irq);
	pic_set_mask();
	raw_spin_unlock_irqrestore(&i8259A_lock, flags);
}

static bool elcr_irq_is_level(unsigned int irq)
{
	return inb(irq < 8 ? PIC_ELCR1 : PIC_ELCR2) & (1 << (irq & 7));
}

/**
 * elcr_set_level_irq - make a line level-triggered, for a PCI INTx device
 * @irq: the line the firmware routed the device's pin to
 *
 * Linux's eisa_set_level_irq(): never the timer, keyboard, cascade or RTC
 * lines, which must stay edge.
 */
void elcr_set_level_irq(unsigned int irq)
{
	u16 port = irq < 8 ? PIC_ELCR1 : PIC_ELCR2;
	unsigned long flags;
	u8 val;

	if (irq >= NR_IRQS || ((1 << irq) & 0x0107))
		return; /* IRQ 0, 1, 2 and 8 */
	raw_spin_lock_irqsave(&i8259A_lock, flags);
	val = inb(port);
	if (!(val & (1 << (irq & 7)))) {
		pr_info("PCI: setting IRQ %u as level-triggered\n", irq);
		outb(val | (u8)(1 << (irq & 7)), port);
	}
	raw_spin_unlock_irqrestore(&i8259A_lock, flags);
}

static const struct irq_chip i8259A_chip = {
	.name = "XT-PIC",
	.irq_mask = mask_8259A_irq,
	.irq_unmask = unmask_8259A_irq,
	.irq_is_level = elcr_irq_is_level,
};

void __init init_IRQ(void)
{
	outb(ICW1_INIT_ICW4, PIC1_CMD);
	io_delay();
	outb(ICW1_INIT_ICW4, PIC2_CMD);
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR, PIC1_DATA); /* ICW2: vector base */
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC2_DATA);
	io_delay();
	outb(1 << IRQ_CASCADE, PIC1_DATA); /* ICW3: slave on IRQ 2 */
	io_delay();
	outb(IRQ_CASCADE, PIC2_DATA); /* ICW3: slave identity */
	io_delay();
	outb(ICW4_8086, PIC1_DATA);
	io_delay();
	outb(ICW4_8086, PIC2_DATA);
	io_delay();
	pic_set_mask();
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		if (irq != IRQ_CASCADE)
			irq_set_chip(irq, &i8259A_chip);
	apic_bsp_setup(); /* virtual wire: the PIC reaches CPU 0's LINT0 */
}

static bool pic_irq_in_service(unsigned int irq)
{
	u16 port = irq < 8 ? PIC1_CMD : PIC2_CMD;

	outb(PIC_READ_ISR, port);
	return inb(port) & (1 << (irq & 7));
}

static void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
}

void do_IRQ(struct pt_regs *regs)
{
	unsigned int irq = regs->trapnr - FIRST_EXTERNAL_VECTOR;
	struct pt_regs *old_regs;

	if ((irq == 7 || irq == 15) && !pic_irq_in_service(irq)) {
		atomic_inc(&irq_err_count);
		if (irq == 15) /* the master did see the cascade line */
			outb(PIC_EOI, PIC1_CMD);
		return;
	}

	if (irq != IRQ_TIMER)
		idle_time_stop(); /* a device has work for us (tick.h) */
	irq_enter();
	old_regs = set_irq_regs(regs);
	generic_handle_irq(irq);
	set_irq_regs(old_regs);
	irq_exit();
	pic_eoi(irq);
}

/* Acknowledge the IRQ being handled now, for a handler that will not return. */
void irq_eoi_early(unsigned int irq)
{
	irq_handler_abandoned(irq);
	pic_eoi(irq);
	irq_exit();
}
