// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - start_kernel(): from head.S to the boot mode.
 *
 * The order is forced by what each step needs:
 *  - consoles first, so that everything after can be seen;
 *  - GDT and IDT, so that a fault is an oops report, not a triple fault;
 *  - the multiboot data, before anything could overwrite it;
 *  - the command line, before the code its options configure;
 *  - the firmware's ACPI/MP tables (how many CPUs), while the BIOS data is
 *    still mapped;
 *  - the memory manager, mm_core_init() (mm/mm_init.c): memblock, paging,
 *    buddy, slab, vmalloc, kmap, each allocator built on the one before;
 *  - interrupts, the clock and the input drivers: after the memory
 *    manager, as in Linux (nothing in it waits for a tick);
 *  - the other CPUs, once vmalloc can give them stacks and the clock is
 *    calibrated (arch/x86/kernel/smpboot.c);
 *  - the initcalls: buses and drivers (PCI, the edu device), which may
 *    take interrupts and allocate, as Linux's do_basic_setup();
 *  - freeing the boot-only code, then the boot mode the command line chose
 *    (`shell` when it names none).
 * The modes (shell, demo, ktest, bench) register themselves with BOOT_MODE()
 * next to their code (init.h): this file knows none of them.
 */
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/irq.h>
#include <asm/keyboard.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/serial.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/timer.h>
#include <asm/vga.h>
#include <config.h>
#include <errno.h>
#include <init.h>
#include <ioport.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <smp.h>
#include <string.h>
#include <time.h>

const struct boot_mode *boot_mode;
bool system_running;
u64 boot_done_tsc;

extern const struct boot_mode __start_boot_modes[], __stop_boot_modes[];
extern const initcall_t __initcall_start[], __initcall_end[];

void __init do_initcalls(void)
{
	for (const initcall_t *fn = __initcall_start; fn < __initcall_end;
	     fn++) {
		int ret = (*fn)();

		if (ret < 0)
			pr_warn("initcall %pS returned %d\n", *fn, ret);
	}
}

int boot_mode_select(const char *name)
{
	for (const struct boot_mode *m = __start_boot_modes;
	     m < __stop_boot_modes; m++) {
		if (!strcmp(m->name, name)) {
			boot_mode = m;
			return 0;
		}
	}
	pr_err("boot mode %s: not built into this kernel\n", name);
	return -EINVAL;
}

bool boot_mode_is(const char *name)
{
	return boot_mode && !strcmp(boot_mode->name, name);
}

/* Hand the boot CPU to the chosen mode (the default if none was named). */
static void __noreturn run_boot_mode(void)
{
	if (!boot_mode && boot_mode_select(BOOT_MODE_DEFAULT))
		panic("No boot mode to run: this kernel has no %s",
		      BOOT_MODE_DEFAULT);
	boot_mode->run();
	panic("boot mode %s returned", boot_mode->name);
}

static void __init print_banner(void)
{
	pr_notice(
		"kmem386 version %s (gcc %s) i386 non-PAE, 3G/1G split, HIGHMEM\n",
		KMEM386_VERSION, __VERSION__);
	pr_info("Boot loader: %s\n", boot_loader_name);
}

asmlinkage void start_kernel(u32 magic, u32 mbi_phys);
asmlinkage void start_kernel(u32 magic, u32 mbi_phys)
{
	serial_init();
	vga_init();
	cpu_detect();
	gdt_init();
	idt_init();
	early_fixmap_init();

	read_multiboot_info(magic, mbi_phys);
	print_banner();
	parse_early_params(boot_command_line);
	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table("BIOS-e820");
	find_smp_config();

	mm_core_init();
	e820__reserve_resources(); /* /proc/iomem's firmware ranges */

	init_IRQ();
	time_init();
	serial_init_irq();
	keyboard_init();
	local_irq_enable();
	cpu_print_info();

	smp_init();
	do_initcalls();
	free_initmem();
	system_running = true;
	boot_done_tsc = rdtsc();
	pr_info("kmem386: boot took %llu TSC ticks from kernel entry\n",
		boot_done_tsc - boot_tsc);
	run_boot_mode();
}
