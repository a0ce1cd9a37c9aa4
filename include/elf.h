/* SPDX-License-Identifier: GPL-2.0 */
/*
 * elf.h - the parts of the ELF32 format the loader reads (System V ABI,
 * i386 supplement), and the auxiliary vector's types (Linux's values).
 */
#ifndef _ELF_H
#define _ELF_H

#include <types.h>

#define EI_NIDENT 16
#define ELFMAG "\177ELF"
#define SELFMAG 4
#define EI_CLASS 4
#define ELFCLASS32 1
#define EI_DATA 5
#define ELFDATA2LSB 1
#define EI_VERSION 6
#define EV_CURRENT 1

#define ET_EXEC 2 /* a program at fixed addresses */
#define ET_DYN 3 /* position independent */
#define EM_386 3

#define PT_NULL 0
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3 /* wants a dynamic loader */
#define PT_PHDR 6
#define PT_TLS 7
#define PT_GNU_STACK 0x6474e551

#define PF_X 0x1
#define PF_W 0x2
#define PF_R 0x4

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	u16 e_type;
	u16 e_machine;
	u32 e_version;
	u32 e_entry; /* the first instruction */
	u32 e_phoff; /* where the program headers are in the file */
	u32 e_shoff;
	u32 e_flags;
	u16 e_ehsize;
	u16 e_phentsize;
	u16 e_phnum;
	u16 e_shentsize;
	u16 e_shnum;
	u16 e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	u32 p_type;
	u32 p_offset; /* in the file */
	u32 p_vaddr; /* in memory */
	u32 p_paddr;
	u32 p_filesz; /* bytes from the file */
	u32 p_memsz; /* bytes in memory: the rest is zero (bss) */
	u32 p_flags; /* PF_R, PF_W, PF_X */
	u32 p_align;
} Elf32_Phdr;

/* The auxiliary vector's entry types (include/uapi/linux/auxvec.h). */
#define AT_NULL 0
#define AT_IGNORE 1
#define AT_EXECFD 2
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_NOTELF 10
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_BASE_PLATFORM 24
#define AT_RANDOM 25
#define AT_HWCAP2 26
#define AT_EXECFN 31
#define AT_MINSIGSTKSZ 51

#endif /* _ELF_H */
