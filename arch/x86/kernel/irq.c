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
 * tells, and a spurious one gets no handler and no EOI (or only the master's),
 * and counts as an error (ERR in /proc/interrupts), as in Linux.
 *
 * With several CPUs the PICs stay in "virtual wire" mode: their output
 * reaches the boot CPU's local APIC (LINT0, ExtINT), so every device
 * interrupt is handled by CPU 0 (docs/design.md says why).  The counts are
 * kept per CPU all the same, as Linux's kstat_irqs, which is what
 * /proc/interrupts shows column by column.
 */
#include <asm/apic.h>
#include <asm/hardirq.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <errno.h>
#include <kernel.h>
#include <cpumask.h>
#include <percpu.h>
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
	const char *name; /* for /proc/interrupts */
};

static struct irq_desc irq_descs[NR_IRQS];
static u16 irq_mask = 0xffff & ~(1 << IRQ_CASCADE);
/* Interrupts handled per line, on each CPU. */
static DEFINE_PER_CPU(unsigned int[NR_IRQS], kstat_irqs);
atomic_t irq_err_count;
/* The named rows of /proc/interrupts (LOC, RES, CAL, TLB ...), per CPU. */
DEFINE_PER_CPU(irq_cpustat_t, irq_stat);

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
	apic_bsp_setup(); /* virtual wire: the PIC reaches CPU 0's LINT0 */
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
		atomic_inc(&irq_err_count);
		if (irq == 15) /* the master did see the cascade line */
			outb(PIC_EOI, PIC1_CMD);
		return;
	}

	irq_enter();
	this_cpu_inc(kstat_irqs[irq]);
	if (desc->handler)
		desc->handler(irq, regs);
	irq_exit();

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
	irq_exit();
}

unsigned long kstat_irqs_cpu(unsigned int irq, unsigned int cpu)
{
	return irq < NR_IRQS ? per_cpu(kstat_irqs, cpu)[irq] : 0;
}

unsigned long irq_count(unsigned int irq)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += kstat_irqs_cpu(irq, cpu);
	return sum;
}

const char *irq_name(unsigned int irq)
{
	return irq < NR_IRQS ? irq_descs[irq].name : NULL;
}
