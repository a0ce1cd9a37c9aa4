// SPDX-License-Identifier: GPL-2.0
/* bench.c - placeholder. */
#include <mm.h>
#include <printk.h>
#include <reboot.h>

void bench_main(void)
{
	pr_info("bench: no benchmarks yet\n");
	qemu_exit(QEMU_EXIT_SUCCESS);
}
