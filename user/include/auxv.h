/* SPDX-License-Identifier: GPL-2.0 */
/*
 * auxv.h - the auxiliary vector's entry types (include/uapi/linux/
 * auxvec.h and asm/auxvec.h), which the ELF loader puts above envp[].
 */
#ifndef _AUXV_H
#define _AUXV_H

#define AT_NULL 0 /* the end of the vector */
#define AT_PHDR 3 /* the program headers, in memory */
#define AT_PHENT 4 /* the size of one program header */
#define AT_PHNUM 5 /* how many program headers */
#define AT_PAGESZ 6 /* the page size: 4096 */
#define AT_BASE 7 /* the interpreter's base (0: none) */
#define AT_ENTRY 9 /* the program's entry point */
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_HWCAP 16 /* CPUID 1's edx */
#define AT_CLKTCK 17 /* clock ticks per second for times(): 100 */
#define AT_SECURE 23
#define AT_RANDOM 25 /* 16 random bytes */
#define AT_EXECFN 31 /* the file name given to execve */
#define AT_SYSINFO 32 /* i386: the vDSO's system call entry */
#define AT_SYSINFO_EHDR 33 /* the vDSO's ELF header */

/* The value of auxiliary vector entry `type`, 0 when there is none. */
unsigned long getauxval(unsigned long type);

#endif /* _AUXV_H */
