// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - start_kernel(): from head.S to the prompt.
 *
 * The order is forced by what each step needs:
 *  - consoles first, so that everything after can be seen;
 *  - GDT and IDT, so that a fault is an oops report, not a triple fault;
 *  - the multiboot data, before anything could overwrite it;
 *  - the command line, before the code its options configure;
 *  - the firmware's MP table (how many CPUs), while the BIOS data is
 *    still mapped;
 *  - the memory manager (memblock, paging, zones, buddy, slab, vmalloc,
 *    kmap), in the order each allocator is built on the previous one; the
 *    per-CPU areas and the SMP trampoline's page as soon as memblock works;
 *  - interrupts (the PIC, the local APIC), the clock and the input drivers;
 *  - the other CPUs, once vmalloc can give them stacks;
 *  - freeing the boot-only code, then the mode: shell, demo, ktest, bench.
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
#include <init.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <reboot.h>
#include <shell.h>
#include <smp.h>
#include <string.h>
#include <time.h>

enum boot_mode boot_mode = BOOT_MODE_SHELL;
bool system_running;
u64 boot_done_tsc;
static const char *ktest_filter;

static int __init set_mode_shell(char *arg)
{
	boot_mode = BOOT_MODE_SHELL;
	return 0;
}
early_param("shell", set_mode_shell);

static int __init set_mode_demo(char *arg)
{
	boot_mode = BOOT_MODE_DEMO;
	return 0;
}
early_param("demo", set_mode_demo);

static int __init set_mode_ktest(char *arg)
{
	static char filter[160];

	boot_mode = BOOT_MODE_KTEST;
	panic_exits_qemu = true;
	if (arg) {
		if (strscpy(filter, arg, sizeof(filter)) < 0)
			pr_err("ktest=%s: longer than %zu characters, cut short\n",
			       arg, sizeof(filter) - 1);
		ktest_filter = filter;
	}
	return 0;
}
early_param("ktest", set_mode_ktest);

static int __init set_mode_bench(char *arg)
{
	boot_mode = BOOT_MODE_BENCH;
	panic_exits_qemu = true;
	return 0;
}
early_param("bench", set_mode_bench);

static void __init print_banner(void)
{
	pr_notice(
		"kmem386 version %s (gcc %s) i386 non-PAE, 3G/1G split, HIGHMEM\n",
		KMEM386_VERSION, __VERSION__);
	pr_info("Boot loader: %s\n", boot_loader_name);
}

void start_kernel(u32 magic, u32 mbi_phys);
void start_kernel(u32 magic, u32 mbi_phys)
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

	setup_memory();
	setup_per_cpu_areas();
	reserve_real_mode();

	init_IRQ();
	time_init();
	serial_init_irq();
	keyboard_init();
	ktest_init();
	local_irq_enable();
	cpu_print_info();

	mem_init();
	smp_init();
	free_initmem();
	system_running = true;
	boot_done_tsc = rdtsc();
	pr_info("kmem386: boot took %llu TSC ticks from kernel entry\n",
		boot_done_tsc - boot_tsc);

	switch (boot_mode) {
	case BOOT_MODE_KTEST:
		current_comm = "ktest";
		ktest_main(ktest_filter);
	case BOOT_MODE_BENCH:
		current_comm = "bench";
		bench_main();
	case BOOT_MODE_DEMO:
		demo_main();
		break;
	case BOOT_MODE_SHELL:
		break;
	}
	current_comm = "shell";
	shell_run();
}
