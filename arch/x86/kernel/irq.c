// SPDX-License-Identifier: GPL-2.0
/*
 * irq.c - the two cascaded 8259A interrupt controllers of the PC.
 *
 * At power-on the master PIC delivers IRQs 0..7 on vectors 8..15, right on
 * top of the CPU's exceptions; init_IRQ() reprograms both PICs (ICW1..ICW4)
 * to vectors 32..47 and masks every line.  request_irq() installs a handler
 * and unmasks its line.  Every interrupt is acknowledged (EOI) after its
 * handler ran: to the slave as well for IRQs 8..15.  IRQ 7 and 15 may be
 * spurious (the line dropped before the CPU asked); the in-service register
 * tells, and a spurious one gets no handler and no EOI (or only the master's).
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <errno.h>
#include <kernel.h>
#include <printk.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20
#define PIC_READ_ISR 0x0b /* OCW3: next read of CMD is the ISR */
#define ICW1_INIT_ICW4 0x11 /* edge triggered, cascade, ICW4 follows */
#define ICW4_8086 0x01

struct irq_desc {
	irq_handler_t handler; /* NULL: the line stays masked */
	const char *name; /* for the `irqs` view */
	unsigned long count; /* interrupts handled */
};

static struct irq_desc irq_descs[NR_IRQS];
static u16 irq_mask = 0xffff & ~(1 << IRQ_CASCADE);
static unsigned long spurious_count;
unsigned int hardirq_count;

static void pic_set_mask(void)
{
	outb((u8)irq_mask, PIC1_DATA);
	outb((u8)(irq_mask >> 8), PIC2_DATA);
}

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
}

int request_irq(unsigned int irq, irq_handler_t handler, const char *name)
{
	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	if (irq_descs[irq].handler)
		return -EBUSY;
	irq_descs[irq].handler = handler;
	irq_descs[irq].name = name;
	irq_mask &= (u16) ~(1 << irq);
	pic_set_mask();
	return 0;
}

static bool pic_irq_in_service(unsigned int irq)
{
	u16 port = irq < 8 ? PIC1_CMD : PIC2_CMD;

	outb(PIC_READ_ISR, port);
	return inb(port) & (1 << (irq & 7));
}

void do_IRQ(struct pt_regs *regs)
{
	unsigned int irq = regs->trapnr - FIRST_EXTERNAL_VECTOR;
	struct irq_desc *desc = &irq_descs[irq];

	if ((irq == 7 || irq == 15) && !pic_irq_in_service(irq)) {
		spurious_count++;
		if (irq == 15) /* the master did see the cascade line */
			outb(PIC_EOI, PIC1_CMD);
		return;
	}

	hardirq_count++;
	desc->count++;
	if (desc->handler)
		desc->handler(irq, regs);
	hardirq_count--;

	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
}

/* Acknowledge the IRQ being handled now, for a handler that will not return. */
void irq_eoi_early(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
	hardirq_count = 0;
}

unsigned long irq_count(unsigned int irq)
{
	return irq < NR_IRQS ? irq_descs[irq].count : spurious_count;
}

const char *irq_name(unsigned int irq)
{
	return irq < NR_IRQS ? irq_descs[irq].name : NULL;
}
