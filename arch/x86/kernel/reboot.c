// SPDX-License-Identifier: GPL-2.0
/*
 * reboot.c - power off, reboot and QEMU's exit port.
 *
 * QEMU's isa-debug-exit device turns a port write into QEMU's exit status,
 * which is how the tests report (include/reboot.h).  Without that device the
 * fallbacks are what a PC offers: ACPI S5 through the PM1a control port of
 * QEMU's PIIX4 (and of older Bochs/QEMU), then a halt; for reboot, the 8042
 * keyboard controller's reset line, then a triple fault.
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <printk.h>
#include <reboot.h>

#define DEBUG_EXIT_PORT 0xf4
#define PIIX4_PM1A_CNT 0x604 /* QEMU -M pc: PM base 0x600 + 4 */
#define BOCHS_PM1A_CNT 0xb004 /* older QEMU and Bochs */
#define ACPI_SLP_EN_S5 0x2000 /* SLP_EN with SLP_TYP = S5 on these */
#define I8042_COMMAND 0x64
#define I8042_PULSE_RESET 0xfe

void machine_halt(void)
{
	for (;;) {
		local_irq_disable();
		halt();
	}
}

void qemu_exit(u32 code)
{
	outl(code, DEBUG_EXIT_PORT);
	/* Still here: no debug-exit device. */
	machine_power_off();
}

void machine_power_off(void)
{
	outw(ACPI_SLP_EN_S5, PIIX4_PM1A_CNT);
	outw(ACPI_SLP_EN_S5, BOCHS_PM1A_CNT);
	pr_emerg("System halted.\n");
	machine_halt();
}

void machine_restart(void)
{
	struct {
		u16 limit;
		u32 base;
	} __packed null_idt = { 0, 0 };

	local_irq_disable();
	for (int i = 0; i < 100; i++) {
		if (!(inb(I8042_COMMAND) & 0x02)) /* input buffer empty */
			break;
		io_delay();
	}
	outb(I8042_PULSE_RESET, I8042_COMMAND);
	/* No 8042: an interrupt with an empty IDT is a triple fault. */
	__asm__ __volatile__("lidt %0; int3" : : "m"(null_idt));
	machine_halt();
}
