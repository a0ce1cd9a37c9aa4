// SPDX-License-Identifier: GPL-2.0
/*
 * extable.c - looking faults up in the exception table.
 *
 * The table is a few dozen entries, written by _ASM_EXTABLE() in whatever
 * order the linker collected them, so the lookup is a plain scan: simpler
 * than sorting at boot, and only ever run on a fault.
 */
#include <asm/extable.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	for (const struct exception_table_entry *e = __start___ex_table;
	     e < __stop___ex_table; e++)
		if (e->insn == ip)
			return e;
	return NULL;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e =
		search_exception_tables(regs->ip);

	if (!e)
		return false;
	regs->ip = e->fixup;
	return true;
}
