/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fault.h - explaining addresses in fault reports (arch/x86/mm/fault.c).
 */
#ifndef _FAULT_H
#define _FAULT_H

#include <percpu.h>
#include <types.h>

/*
 * An explainer looks at a faulting address (and the #PF error code); if it
 * knows the address (a vmalloc guard page, a stale pkmap slot), it writes one
 * sentence into buf and returns true.
 */
typedef bool (*fault_explainer_t)(unsigned long addr, unsigned long err,
				  char *buf, size_t size);

int register_fault_explainer(fault_explainer_t fn);

/* "f8001000 is in guard gap after lowmem [...]: ..." for any address. */
void explain_address(unsigned long addr, unsigned long err, char *buf,
		     size_t size);

/*
 * Faults that an exception-table fixup turned into -EFAULT, and the address
 * of this CPU's last one (per CPU: another CPU's probe must not change what
 * this one reports): the first byte of a probe that was not there, which
 * for a probe that crosses a page is not the address it started at.  Read
 * it with this_cpu_read(fixed_up_fault_address).
 */
extern unsigned long nr_fixed_up_faults;
DECLARE_PER_CPU(unsigned long, fixed_up_fault_address);

#endif /* _FAULT_H */
