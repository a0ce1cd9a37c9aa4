// SPDX-License-Identifier: GPL-2.0
/*
 * time.c - the PIT tick and the TSC clock.
 *
 * The 8254 PIT's channel 0 interrupts HZ times a second (IRQ 0): that is
 * `jiffies`, used for coarse time and by the test watchdog (a tick hook).
 * Fine time comes from the TSC, whose rate is measured once at boot against
 * the PIT's channel 2: gate it for 10 ms of PIT counts (an exact, known time)
 * and see how far the TSC moved, as Linux's pit_calibrate_tsc() does.  The
 * local APIC timer is measured in the same 10 ms (apic.c), and then ticks
 * at HZ on every CPU (LOC in /proc/interrupts); jiffies stay the PIT's.  Under
 * QEMU with -icount the TSC counts guest instructions: then it is a clock of
 * "instructions", which is what the benchmarks want.
 */
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <interrupt.h>
#include <asm/processor.h>
#include <asm/timer.h>
#include <kernel.h>
#include <printk.h>
#include <time.h>

#define PIT_TICK_RATE 1193182UL /* Hz: the PIT's input clock */
#define PIT_CH0 0x40
#define PIT_CH2 0x42
#define PIT_MODE 0x43
#define PIT_GATE 0x61 /* port B: bit 0 gate of ch2, bit 5 its output */
#define CALIBRATE_MS 10
#define MAX_TICK_HOOKS 4

volatile u64 jiffies;
unsigned long tsc_khz;
/* Written by head.S at the first instruction, before .bss is cleared. */
u64 boot_tsc __section(".data");

static tick_hook_t tick_hooks[MAX_TICK_HOOKS];

static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	jiffies++;
	for (int i = 0; i < MAX_TICK_HOOKS; i++)
		if (tick_hooks[i])
			tick_hooks[i](get_irq_regs());
	return IRQ_HANDLED;
}

int register_tick_hook(tick_hook_t hook)
{
	for (int i = 0; i < MAX_TICK_HOOKS; i++) {
		if (!tick_hooks[i]) {
			tick_hooks[i] = hook;
			return 0;
		}
	}
	return -1;
}

/* Count TSC cycles during CALIBRATE_MS of PIT channel 2, in mode 0. */
static unsigned long __init pit_calibrate_tsc(void)
{
	unsigned long latch = PIT_TICK_RATE / (1000 / CALIBRATE_MS);
	u64 t1, t2;
	unsigned long loops = 0;

	outb((inb(PIT_GATE) & ~0x02) | 0x01, PIT_GATE); /* gate on, no sound */
	outb(0xb0, PIT_MODE); /* channel 2, lobyte/hibyte, mode 0 */
	outb((u8)latch, PIT_CH2);
	outb((u8)(latch >> 8), PIT_CH2);

	apic_calibrate_begin();
	t1 = rdtsc();
	while (!(inb(PIT_GATE) & 0x20) && loops < 100000000UL)
		loops++;
	t2 = rdtsc();
	apic_calibrate_end(loops < 2 ? 0 : CALIBRATE_MS);
	if (loops < 2) /* no PIT: the output was already high */
		return 0;
	return (unsigned long)((t2 - t1) / CALIBRATE_MS);
}

void __init time_init(void)
{
	unsigned long latch = (PIT_TICK_RATE + HZ / 2) / HZ;

	if (boot_cpu_data.has_tsc)
		tsc_khz = pit_calibrate_tsc();
	if (tsc_khz)
		pr_info("tsc: Detected %lu.%03lu MHz processor\n",
			tsc_khz / 1000, tsc_khz % 1000);
	else
		pr_warn("tsc: unable to calibrate against the PIT; timestamps stay 0\n");

	outb(0x34, PIT_MODE); /* channel 0, lobyte/hibyte, mode 2 (rate) */
	outb((u8)latch, PIT_CH0);
	outb((u8)(latch >> 8), PIT_CH0);
	request_irq(IRQ_TIMER, timer_interrupt, 0, "timer", NULL);
	pr_info("clocksource: PIT periodic tick at %d Hz\n", HZ);
	setup_APIC_timer(); /* the boot CPU's local tick */
}

u64 local_clock(void)
{
	u64 delta;

	if (!tsc_khz)
		return 0;
	delta = rdtsc() - boot_tsc;
	return (delta / tsc_khz) * 1000000ULL +
	       ((delta % tsc_khz) * 1000000ULL) / tsc_khz;
}

void udelay(unsigned long usecs)
{
	u64 start = rdtsc();
	u64 cycles = tsc_khz ? (u64)usecs * tsc_khz / 1000 : (u64)usecs * 1000;

	while (rdtsc() - start < cycles)
		cpu_relax();
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
