// SPDX-License-Identifier: GPL-2.0
/*
 * syscall_32.c - the system call table: Linux's i386 numbers to this
 * kernel's functions (the list is asm/syscall_32_list.h).  A hole in the
 * table is a number this kernel does not implement: NULL, which
 * do_int80_syscall_32() answers with -ENOSYS.
 */
#include <kernel.h>
#include <syscalls.h>

#define __SYSCALL(nr, name) [nr] = __ia32_sys_##name,
const sys_call_ptr_t ia32_sys_call_table[] = {
#include <asm/syscall_32_list.h>
};
#undef __SYSCALL

const unsigned int NR_syscalls = ARRAY_SIZE(ia32_sys_call_table);
