/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uaccess.h - probing kernel addresses that may not be mapped.
 *
 * get_kernel_nofault(val, ptr) reads *ptr into val and returns 0, or returns
 * -EFAULT if the read faulted (val is then undefined).  The fault is handled
 * by the exception table (asm/extable.h), not reported as an oops.
 */
#ifndef _UACCESS_H
#define _UACCESS_H

#include <types.h>

asmlinkage long copy_from_kernel_nofault(void *dst, const void *src,
					 size_t size);
asmlinkage long copy_to_kernel_nofault(void *dst, const void *src, size_t size);

#define get_kernel_nofault(val, ptr) \
	copy_from_kernel_nofault(&(val), (ptr), sizeof(val))
#define put_kernel_nofault(ptr, val)                                          \
	({                                                                    \
		__typeof__(*(ptr)) __pkn_val = (val);                         \
		copy_to_kernel_nofault((ptr), &__pkn_val, sizeof(__pkn_val)); \
	})

#endif /* _UACCESS_H */
