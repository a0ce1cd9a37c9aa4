/* SPDX-License-Identifier: GPL-2.0 */
/* sys/syscall.h - SYS_xxx for syscall(), from the __NR_ numbers. */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <asm/unistd_32.h>

#endif /* _SYS_SYSCALL_H */
