/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/unistd_32.h - Linux's i386 system call numbers (the ones the
 * programs use), as arch/x86/entry/syscalls/syscall_32.tbl assigns them.
 * These numbers are the ABI: a kernel that runs these binaries unchanged
 * must answer the same number with the same call.
 */
#ifndef _ASM_UNISTD_32_H
#define _ASM_UNISTD_32_H

#define __NR_exit 1
#define __NR_fork 2
#define __NR_read 3
#define __NR_write 4
#define __NR_open 5
#define __NR_close 6
#define __NR_waitpid 7
#define __NR_execve 11
#define __NR_lseek 19
#define __NR_getpid 20
#define __NR_sync 36
#define __NR_kill 37
#define __NR_brk 45
#define __NR_getppid 64
#define __NR_setrlimit 75
#define __NR_getrusage 77
#define __NR_munmap 91
#define __NR_wait4 114
#define __NR_fsync 118
#define __NR_sigreturn 119
#define __NR_clone 120
#define __NR_uname 122
#define __NR_mprotect 125
#define __NR__llseek 140
#define __NR_msync 144
#define __NR_fdatasync 148
#define __NR_sched_yield 158
#define __NR_nanosleep 162
#define __NR_rt_sigreturn 173
#define __NR_rt_sigaction 174
#define __NR_rt_sigprocmask 175
#define __NR_pread64 180
#define __NR_pwrite64 181
#define __NR_vfork 190
#define __NR_ugetrlimit 191
#define __NR_mmap2 192
#define __NR_getuid32 199
#define __NR_setuid32 213
#define __NR_madvise 219
#define __NR_set_thread_area 243
#define __NR_get_thread_area 244
#define __NR_exit_group 252
#define __NR_fadvise64_64 272

#endif /* _ASM_UNISTD_32_H */
