// SPDX-License-Identifier: GPL-2.0
/* demo.c - placeholder. */
#include <mm.h>
#include <printk.h>

void demo_main(void)
{
	pr_info("demo: no demos yet\n");
}
