/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kallsyms.h - the kernel's own function symbols, for reports that name code
 * ("EIP: kfree+0x1a/0x90") rather than print bare addresses.
 */
#ifndef _KALLSYMS_H
#define _KALLSYMS_H

#include <types.h>

/*
 * The function containing `addr`: its name, and through the pointers (which
 * may be NULL) its size and addr's offset in it.  NULL if addr is not in
 * kernel text.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);
/* The address of the function called `name`, or 0. */
unsigned long kallsyms_lookup_name(const char *name);
/* Is addr in the function `name` (or one of GCC's clones of it)? */
bool kallsyms_in_function(unsigned long addr, const char *name);
/* Is `addr` in the kernel's code (boot-time code included)? */
bool is_kernel_text(unsigned long addr);

#endif /* _KALLSYMS_H */
