/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tls.h - thread-local storage segments (set_thread_area, arch/x86/kernel/
 * tls.c).  A task may own three GDT descriptors, entries 6 to 8; they
 * live in its thread_struct and are copied into the GDT of the CPU it
 * runs on at every switch (__switch_to), as Linux's load_TLS().
 */
#ifndef _ASM_X86_TLS_H
#define _ASM_X86_TLS_H

#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <percpu.h>

static inline void load_TLS(const struct thread_struct *t, unsigned int cpu)
{
	u64 *gdt = per_cpu(gdt_page, cpu).gdt;

	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		gdt[GDT_ENTRY_TLS_MIN + i] = t->tls_array[i];
}

#endif /* _ASM_X86_TLS_H */
