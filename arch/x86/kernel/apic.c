// SPDX-License-Identifier: GPL-2.0
/*
 * apic.c - each CPU's local APIC: enabling it, its timer, its own
 * interrupts, and sending IPIs.
 *
 * The registers of every CPU's APIC sit at the same physical address,
 * mapped once at the FIX_APIC_BASE fixmap slot: the page tables are shared,
 * yet each CPU's loads reach its own APIC.
 *
 * Interrupt routing is "virtual wire" (MP spec 3.6.2.2): the two 8259A PICs
 * stay in charge of the devices, and their output enters the boot CPU's
 * APIC on its LINT0 pin as ExtINT, so device interrupts keep their vectors
 * (32..47) and their PIC end-of-interrupt; the other CPUs mask LINT0 and get
 * only IPIs and their own timer.  docs/design.md says why not the IOAPIC.
 *
 * The APIC timer counts down at the bus clock over a divider; its rate is
 * unknown, so it is measured against the same 10 ms of PIT that calibrate
 * the TSC (time.c), and every CPU then ticks at HZ: the LOC row of
 * /proc/interrupts.  Under QEMU with -icount both clocks count
 * instructions, so the measurement stays consistent.
 */
#include <asm/apic.h>
#include <asm/hardirq.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <errno.h>
#include <kernel.h>
#include <params.h>
#include <printk.h>
#include <sched.h>
#include <smp.h>
#include <tick.h>
#include <time.h>

#define IMCR_ADDR 0x22 /* the interrupt mode configuration register */
#define IMCR_DATA 0x23

unsigned long mp_lapic_addr = APIC_DEFAULT_PHYS_BASE;
bool apic_enabled;
unsigned int boot_cpu_physical_apicid = BAD_APICID;
unsigned int lapic_timer_period;
bool pic_mode; /* the MP table says the PIC bypasses the APIC (IMCR) */
bool disable_apic; /* `nolapic` */

static int __init parse_nolapic(char *arg)
{
	disable_apic = true;
	return 0;
}
early_param("nolapic", parse_nolapic);

/* Route the PIC's INTR through the APIC, where an IMCR exists (MP spec). */
static void __init imcr_pic_to_apic(void)
{
	outb(0x70, IMCR_ADDR);
	outb(0x01, IMCR_DATA);
}

static unsigned int lapic_get_maxlvt(void)
{
	return (apic_read(APIC_LVR) >> 16) & 0xff;
}

void setup_local_APIC(bool bsp)
{
	u32 spiv;

	apic_write(APIC_TASKPRI, 0); /* accept every vector */
	spiv = apic_read(APIC_SPIV) & ~0xffU;
	apic_write(APIC_SPIV,
		   spiv | APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	/* Virtual wire: the PIC and NMIs reach the boot CPU only. */
	apic_write(APIC_LVT0, APIC_DM_EXTINT | (bsp ? 0 : APIC_LVT_MASKED));
	apic_write(APIC_LVT1, APIC_DM_NMI | (bsp ? 0 : APIC_LVT_MASKED));
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	if (lapic_get_maxlvt() > 3) /* Pentium erratum 3AP, as Linux */
		apic_write(APIC_ESR, 0);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_read(APIC_ESR);
}

void __init apic_bsp_setup(void)
{
	u64 base;

	if (!boot_cpu_data.has_apic || disable_apic) {
		pr_info("APIC: %s: one CPU, interrupts from the PIC only\n",
			disable_apic ? "disabled by nolapic" :
				       "this CPU has no local APIC");
		return;
	}
	base = rdmsrl(MSR_IA32_APICBASE);
	if (!(base & MSR_IA32_APICBASE_ENABLE))
		wrmsrl(MSR_IA32_APICBASE, base | MSR_IA32_APICBASE_ENABLE);
	__set_fixmap(FIX_APIC_BASE, mp_lapic_addr, PAGE_KERNEL_NOCACHE);
	pr_info("mapped APIC to %08lx (%08lx)\n", fix_to_virt(FIX_APIC_BASE),
		mp_lapic_addr);
	apic_enabled = true;
	boot_cpu_physical_apicid = read_apic_id();
	if (pic_mode)
		imcr_pic_to_apic();
	setup_local_APIC(true);
	pr_info("APIC: virtual wire mode: the 8259A PICs reach CPU 0 through LINT0\n");
}

void apic_calibrate_begin(void)
{
	if (!apic_enabled)
		return;
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0xffffffff);
}

void apic_calibrate_end(unsigned long ms)
{
	u32 counted;
	unsigned long mhz_x10000;

	if (!apic_enabled)
		return;
	counted = 0xffffffff - apic_read(APIC_TMCCT);
	apic_write(APIC_TMICT, 0);
	if (!ms)
		return;
	lapic_timer_period = (unsigned int)(counted / ms * (1000 / HZ));
	/* The bus clock: counts per second times the divider (16). */
	mhz_x10000 = (unsigned long)((u64)counted * 16 * 10 / ms);
	pr_info("..... host bus clock speed is %lu.%04lu MHz.\n",
		mhz_x10000 / 10000, mhz_x10000 % 10000);
}

/* Does this CPU's local timer tick (it drives the scheduler's tick)? */
DEFINE_PER_CPU(bool, lapic_timer_running);

void setup_APIC_timer(void)
{
	if (!apic_enabled || !lapic_timer_period)
		return;
	this_cpu_write(lapic_timer_running, true);
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, lapic_timer_period);
}

static int apic_wait_icr_idle(void)
{
	for (unsigned int i = 0; i < 1000000; i++) {
		if (!(apic_read(APIC_ICR) & APIC_ICR_BUSY))
			return 0;
		cpu_relax();
	}
	return -EIO;
}

int apic_icr_write(u32 low, u32 dest)
{
	unsigned long flags;
	int ret;

	/* ICR2 then ICR: an interrupt in between would send the wrong IPI. */
	local_irq_save(flags);
	ret = apic_wait_icr_idle();
	apic_write(APIC_ICR2, SET_APIC_DEST_FIELD(dest));
	apic_write(APIC_ICR, low);
	local_irq_restore(flags);
	return ret;
}

void apic_send_IPI(unsigned int cpu, unsigned int vector)
{
	if (apic_icr_write(APIC_DM_FIXED | vector, cpu_physical_id(cpu)))
		pr_err("APIC never delivered??? (vector %#x to CPU#%u)\n",
		       vector, cpu);
}

static void apic_timer_interrupt(struct pt_regs *regs)
{
	inc_irq_stat(apic_timer_irqs);
	apic_eoi();
	scheduler_tick(regs);
}

static void apic_error_interrupt(void)
{
	static const char *const reasons[] = {
		"Send CS error",	   "Receive CS error",
		"Send accept error",	   "Receive accept error",
		"Redirectable IPI",	   "Send illegal vector",
		"Received illegal vector", "Illegal register address",
	};
	u32 v;

	apic_write(APIC_ESR, 0); /* the register latches on a write */
	v = apic_read(APIC_ESR);
	apic_eoi();
	atomic_inc(&irq_err_count);
	pr_err("APIC error on CPU%u: %02x", smp_processor_id(), v);
	for (unsigned int bit = 0; bit < ARRAY_SIZE(reasons); bit++)
		if (v & (1U << bit))
			pr_cont(" : %s", reasons[bit]);
	pr_cont("\n");
}

void do_system_vector(struct pt_regs *regs)
{
	unsigned int vector = (unsigned int)regs->trapnr;

	if (vector != LOCAL_TIMER_VECTOR)
		idle_time_stop(); /* an IPI: work for this CPU (tick.h) */
	irq_enter();
	switch (vector) {
	case LOCAL_TIMER_VECTOR:
		apic_timer_interrupt(regs);
		break;
	case CALL_FUNCTION_VECTOR:
	case CALL_FUNCTION_SINGLE_VECTOR:
		smp_call_function_interrupt();
		break;
	case RESCHEDULE_VECTOR:
		smp_reschedule_interrupt();
		break;
	case REBOOT_VECTOR:
		smp_reboot_interrupt();
		break;
	case ERROR_APIC_VECTOR:
		apic_error_interrupt();
		break;
	case SPURIOUS_APIC_VECTOR:
		/* No EOI: a spurious interrupt is not in service. */
		inc_irq_stat(irq_spurious_count);
		break;
	default:
		inc_irq_stat(irq_spurious_count);
		pr_warn("spurious APIC interrupt through vector %02x on CPU#%u, should never happen.\n",
			vector, smp_processor_id());
		apic_eoi();
	}
	irq_exit();
}
