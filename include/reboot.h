/* SPDX-License-Identifier: GPL-2.0 */
/*
 * reboot.h - leaving the machine.
 *
 * Under QEMU with `-device isa-debug-exit,iobase=0xf4,iosize=0x04`, writing V
 * to port 0xf4 ends QEMU with exit status (V << 1) | 1.  The test contract:
 * 0x10 -> 33 every test passed, 0x11 -> 35 a test failed, 0x12 -> 37 panic.
 */
#ifndef _REBOOT_H
#define _REBOOT_H

#include <types.h>

#define QEMU_EXIT_SUCCESS 0x10 /* exit status 33 */
#define QEMU_EXIT_FAILURE 0x11 /* exit status 35 */
#define QEMU_EXIT_PANIC 0x12 /* exit status 37 */

/* Leave QEMU with `code`; if there is no debug-exit device, power off. */
__noreturn void qemu_exit(u32 code);
__noreturn void machine_power_off(void);
__noreturn void machine_restart(void);
/* Stop the CPU for good (interrupts off, hlt forever). */
__noreturn void machine_halt(void);

#endif /* _REBOOT_H */
