/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sim_config.h - put in front of every file of the simulated kernel
 * (sim.mk: -include), before any header.
 *
 * The one root of the memory layout that differs from the kernel's: the top
 * of the fixmap, 4 MB lower, where a 32-bit process can map it (host_os.h
 * says why).  Everything else in asm/memlayout.h is the kernel's, derived
 * from it as in the kernel: pkmap sits 4 MB lower too and vmalloc ends 4 MB
 * earlier.
 *
 * Then the names: lib/'s exported functions get their host_ prefix
 * (host_rename.h), so that they do not collide with the C library's.  But
 * the memory and string functions whose meaning is the C standard's are
 * the C library's for mm/ (every file but lib/string.c itself, built with
 * SIM_LIB_STRING): under AddressSanitizer, lib/string.c's byte loops are
 * checked a byte at a time and took half of a boot's time, while the C
 * library's are checked by a range, as fast as without.  lib/string.c is
 * tested on its own by the host tests of lib/.
 */
#ifndef _MM_SIM_CONFIG_H
#define _MM_SIM_CONFIG_H

#define FIXADDR_TOP 0xffbff000UL

/*
 * The symbols the kernel's linker script (arch/x86/kernel.ld) gives mm/:
 * the simulated kernel has no image of its own, and the host program's
 * linker defines some of these names for the whole program.  Its data
 * and bss are the sections mm_data and mm_bss (sim.mk), its text the host
 * program's; the boot stack is empty (cpu.c says why).  SIM_LDFLAGS sets
 * them.
 */
#define _text sim_text
#define _etext sim_etext
#define _sdata sim_sdata
#define _edata sim_edata
#define __bss_start sim_bss_start
#define __bss_stop sim_bss_stop
#define boot_stack_guard sim_boot_stack_guard
#define boot_stack_top sim_boot_stack_top

#include "../host_rename.h"

#ifndef SIM_LIB_STRING
#undef memcpy
#undef memmove
#undef memset
#undef memcmp
#undef memchr
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strcpy
#undef strcat
#undef strchr
#undef strrchr
#undef strstr
#undef strspn
#undef strcspn
#endif

#endif /* _MM_SIM_CONFIG_H */
