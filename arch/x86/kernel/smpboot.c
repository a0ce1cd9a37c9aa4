// SPDX-License-Identifier: GPL-2.0
/*
 * smpboot.c - starting the application processors (APs).
 *
 * At power-on only the boot CPU runs; the others wait for an INIT and a
 * STARTUP IPI from it (Intel MP spec, appendix B.4: INIT, 10 ms, STARTUP,
 * 200 us, STARTUP).  For each AP the boot CPU prepares everything the AP
 * cannot do for itself, then wakes it and waits for it to say it is online:
 *  - a kernel stack: 16 KB of vmalloc space, so that the page below it is
 *    always unmapped (each vmalloc area is followed by a guard page, hence
 *    preceded by one or by free space): an overflow faults instead of
 *    silently overwriting memory, as on the boot stack;
 *  - its GDT, filled in its per-CPU area: its TSSs and its %fs base;
 *  - the real-mode trampoline (trampoline_32.S) in a page below 1 MB,
 *    reserved from memblock at boot, with the CR3/CR4 to use.
 * The AP then enters start_secondary() on its stack, loads the IDT, its
 * TSS and double-fault task, enables its local APIC (LINT0 masked: the PIC
 * talks to CPU 0 only), identifies itself, marks itself online, starts its
 * local timer and idles (kernel/smp.c's cpu_startup_entry()).
 *
 * An AP that is not online within AP_START_TIMEOUT_MS is reported with
 * Linux's "do_boot_cpu failed(-1) to wakeup CPU#n", put back to sleep with
 * an INIT, and left out; the boot goes on.  `smpboot.fail_cpu=N` makes CPU
 * N such a CPU (no STARTUP is sent), so that this path is tested.
 *
 * Only one AP starts at a time, so the trampoline page and the variables
 * startup_32_smp reads (initial_stack, early_gdt_descr) are shared.
 * Simpler than Linux: no CPU hotplug, no TSC synchronisation check (QEMU's
 * TSCs agree), no warm-reset vector (it serves 82489DX external APICs).
 */
#include <asm/apic.h>
#include <asm/barrier.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/realmode.h>
#include <asm/smp.h>
#include <cmdline.h>
#include <errno.h>
#include <kernel.h>
#include <kmemleak.h>
#include <memblock.h>
#include <panic.h>
#include <params.h>
#include <percpu.h>
#include <printk.h>
#include <smp.h>
#include <sprintf.h>
#include <string.h>
#include <time.h>
#include <vmalloc.h>

#define AP_START_TIMEOUT_MS 5000 /* Linux waits 10 s */
#define THREAD_SIZE BOOT_STACK_SIZE /* every CPU's stack: 16 KB */

extern char boot_stack[], boot_stack_top[];

DEFINE_PER_CPU(struct cpuinfo_x86, cpu_info);
DEFINE_PER_CPU(unsigned long, cpu_stack_bottom) = (unsigned long)boot_stack;
DEFINE_PER_CPU(unsigned long, cpu_stack_top) = (unsigned long)boot_stack_top;

unsigned long real_mode_phys;
unsigned long initial_cr3;
unsigned long initial_stack;
struct desc_ptr early_gdt_descr;
static unsigned int smp_fail_cpu = NR_CPUS; /* fault injection */
static char cpu_comm[NR_CPUS][12]; /* "swapper/N", each AP's Comm: */

static int __init parse_fail_cpu(char *arg)
{
	unsigned long cpu;

	if (!arg || kstrtoul(arg, 0, &cpu) || !cpu || cpu >= NR_CPUS) {
		pr_err("smpboot.fail_cpu=%s: not a CPU number 1..%d\n",
		       arg ? arg : "", NR_CPUS - 1);
		return -EINVAL;
	}
	smp_fail_cpu = (unsigned int)cpu;
	return 0;
}
early_param("smpboot.fail_cpu", parse_fail_cpu);

void __init reserve_real_mode(void)
{
	if (nr_cpu_ids < 2)
		return; /* nothing to start: keep the page */
	real_mode_phys = (unsigned long)memblock_phys_alloc_range(
		PAGE_SIZE, PAGE_SIZE, 0, 1UL << 20, "SMP trampoline");
	if (!real_mode_phys)
		pr_err("smpboot: no free page below 1 MB for the trampoline: the other CPUs stay off\n");
}

/* loops_per_jiffy from the TSC, as Linux when it skips the delay loop. */
static unsigned long tsc_lpj(void)
{
	return tsc_khz * 1000UL / HZ;
}

static void smp_store_cpu_info(unsigned int cpu)
{
	struct cpuinfo_x86 *c = &per_cpu(cpu_info, cpu);

	identify_cpu(c);
	c->apicid = apic_enabled ? read_apic_id() : c->initial_apicid;
	c->cpu_index = cpu;
	c->loops_per_jiffy = tsc_lpj();
}

void __init smp_prepare_cpus(void)
{
	struct trampoline_header *hdr;
	size_t size = (size_t)(trampoline_end - trampoline_start);

	smp_store_cpu_info(0);
	pr_info("Calibrating delay loop (skipped), value calculated using timer frequency.. %lu.%02lu BogoMIPS (lpj=%lu)\n",
		tsc_lpj() / (500000 / HZ), (tsc_lpj() / (5000 / HZ)) % 100,
		tsc_lpj());
	if (apic_enabled && boot_cpu_physical_apicid != cpu_physical_id(0)) {
		pr_warn("weird, boot CPU (#%u) not listed by the BIOS\n",
			boot_cpu_physical_apicid);
		x86_cpu_to_apicid[0] = (u8)boot_cpu_physical_apicid;
	}
	if (!real_mode_phys)
		return;
	/* The trampoline and its header, in the page below 1 MB. */
	memcpy(__va(real_mode_phys), trampoline_start, size);
	hdr = (struct trampoline_header *)((char *)__va(real_mode_phys) +
					   ((char *)&trampoline_header -
					    trampoline_start));
	hdr->cr3 = (u32)__pa(boot_pgdir);
	hdr->cr4 = (u32)read_cr4();
	hdr->entry = (u32)(unsigned long)startup_32_smp;
	initial_cr3 = read_cr3();
}

static int wakeup_secondary_cpu_via_init(unsigned int apicid,
					 unsigned long start_eip, bool startup)
{
	u32 send_status, accept_status = 0;

	apic_write(APIC_ESR, 0); /* clear old errors */
	apic_read(APIC_ESR);
	/* INIT: assert, then deassert (level-triggered), as the spec says. */
	send_status = (u32)apic_icr_write(
		APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apicid);
	mdelay(10);
	send_status |=
		(u32)apic_icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, apicid);
	for (int j = 1; startup && j <= 2 && !send_status && !accept_status;
	     j++) {
		apic_write(APIC_ESR, 0);
		send_status = (u32)apic_icr_write(
			APIC_DM_STARTUP | (u32)(start_eip >> 12), apicid);
		udelay(300);
		udelay(200);
		apic_write(APIC_ESR, 0);
		accept_status = apic_read(APIC_ESR) & 0xef;
	}
	if (send_status)
		pr_err("APIC never delivered???\n");
	if (accept_status)
		pr_err("APIC delivery error (%x)\n", accept_status);
	return send_status || accept_status ? -EIO : 0;
}

static unsigned int num_digits(unsigned int n)
{
	unsigned int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* ".... node  #0, CPUs:      #1 #2 #3", one CPU at a time, as Linux. */
static void announce_cpu(unsigned int cpu)
{
	unsigned int width = num_digits(num_possible_cpus()) + 1;

	if (cpu == 1) {
		printk(KERN_INFO "x86: Booting SMP configuration:\n");
		printk(KERN_INFO ".... node  #0, CPUs:  ");
		pr_cont("%*s", width + 1, " ");
	}
	pr_cont("%*s#%u", (int)(width - num_digits(cpu)), " ", cpu);
}

static bool wait_cpu_online(unsigned int cpu)
{
	u64 start = rdtsc();
	u64 limit = (u64)AP_START_TIMEOUT_MS * (tsc_khz ? tsc_khz : 1000000);

	while (!cpu_online(cpu)) {
		if (rdtsc() - start > limit)
			return false;
		cpu_relax();
	}
	return true;
}

static int do_boot_cpu(unsigned int cpu)
{
	unsigned int apicid = cpu_physical_id(cpu);
	char *stack;
	int err;

	if (!real_mode_phys || !apic_enabled)
		return -ENODEV;
	stack = vmalloc(THREAD_SIZE);
	if (!stack)
		return -ENOMEM;
	kmemleak_no_scan(stack); /* a stack: kmemleak scans its live part */
	per_cpu(cpu_stack_bottom, cpu) = (unsigned long)stack;
	per_cpu(cpu_stack_top, cpu) = (unsigned long)stack + THREAD_SIZE;
	snprintf(cpu_comm[cpu], sizeof(cpu_comm[cpu]), "swapper/%u", cpu);
	per_cpu(cpu_current_comm, cpu) = cpu_comm[cpu];
	cpu_gdt_setup(cpu);
	early_gdt_descr = (struct desc_ptr){
		sizeof(struct gdt_page) - 1,
		(u32)(unsigned long)&per_cpu(gdt_page, cpu),
	};
	initial_stack = (unsigned long)stack + THREAD_SIZE;
	announce_cpu(cpu);
	mb(); /* all of it visible before the AP runs */

	err = wakeup_secondary_cpu_via_init(apicid, real_mode_phys,
					    cpu != smp_fail_cpu);
	if (!err && !wait_cpu_online(cpu))
		err = -1;
	if (err) {
		/* Back to wait-for-STARTUP, so it cannot run on a freed stack. */
		apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT |
				       APIC_DM_INIT,
			       apicid);
		vfree(stack);
	}
	return err;
}

int __cpu_up(unsigned int cpu)
{
	int err = do_boot_cpu(cpu);

	if (err) {
		pr_err("smpboot: do_boot_cpu failed(%d) to wakeup CPU#%u\n",
		       err, cpu);
		return -EIO;
	}
	return 0;
}

/* An AP's first C code, on its own stack, GDT and %fs loaded. */
void start_secondary(void)
{
	unsigned int cpu = smp_processor_id();

	load_tr_desc();
	load_idt();
	doublefault_init_cpu(cpu);
	__flush_tlb_all();
	setup_local_APIC(false);
	smp_store_cpu_info(cpu);
	set_cpu_online(cpu, true); /* the boot CPU goes on from here */
	local_irq_enable();
	setup_APIC_timer();
	cpu_startup_entry();
}

void __init smp_cpus_done(void)
{
	unsigned long bogosum = 0;
	unsigned int cpu, per_package = per_cpu(cpu_info, 0).x86_max_cores;

	for_each_online_cpu(cpu)
		bogosum += per_cpu(cpu_info, cpu).loops_per_jiffy;
	pr_info("smpboot: Max logical packages: %u\n",
		DIV_ROUND_UP(num_possible_cpus(), max(per_package, 1U)));
	pr_info("smpboot: Total of %u processors activated (%lu.%02lu BogoMIPS)\n",
		num_online_cpus(), bogosum / (500000 / HZ),
		(bogosum / (5000 / HZ)) % 100);
}
