// SPDX-License-Identifier: GPL-2.0
/* fault.c - placeholder page fault handler. */
#include <asm/extable.h>
#include <asm/traps.h>
#include <printk.h>

void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	if (fixup_exception(regs))
		return;
	pr_alert("BUG: unable to handle page fault for address: %08lx\n",
		 address);
	die("Oops", regs, regs->error_code);
}
