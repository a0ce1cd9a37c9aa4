// SPDX-License-Identifier: GPL-2.0
/*
 * cpu.c - what the CPU can do, from CPUID.
 *
 * The memory manager cares about three features: PSE (4 MB pages for the
 * direct map), PGE (global pages, so kernel TLB entries survive a CR3 load)
 * and TSC (the clock); the slab allocator asks for the cache line size
 * (SLAB_HWCACHE_ALIGN), which CPUID gives with CLFLUSH.  PAE is reported but
 * not used: this is the classic non-PAE i386 kernel, and that is why RAM
 * above 4 GB is out of reach.  SMP needs a local APIC (CPUID leaf 1).
 *
 * identify_cpu() reads the CPUID of the CPU it runs on: the boot CPU fills
 * boot_cpu_data with it, every CPU its own cpu_info (/proc/cpuinfo, the
 * APIC IDs, the package count of the boot log).
 */
#include <asm/processor.h>
#include <kernel.h>
#include <printk.h>
#include <string.h>

#define CPUID_EDX_TSC (1 << 4)
#define CPUID_EDX_PSE (1 << 3)
#define CPUID_EDX_PAE (1 << 6)
#define CPUID_EDX_PGE (1 << 13)
#define CPUID_EDX_CLFLUSH (1 << 19)
#define CPUID_EDX_APIC (1 << 9)
#define CPUID_EDX_PSE36 (1 << 17)
#define CPUID_EDX_HT (1 << 28)
/* Linux i386's default when the CPU does not say (CLFLUSH line size). */
#define X86_DEFAULT_CACHE_ALIGNMENT 32

struct cpuinfo_x86 boot_cpu_data;

/* CPUID exists if the ID flag of EFLAGS can be toggled. */
static bool have_cpuid(void)
{
	unsigned long f1, f2;

	__asm__ __volatile__("pushfl\n\t"
			     "pushfl\n\t"
			     "popl %0\n\t"
			     "movl %0, %1\n\t"
			     "xorl %2, %0\n\t"
			     "pushl %0\n\t"
			     "popfl\n\t"
			     "pushfl\n\t"
			     "popl %0\n\t"
			     "popfl"
			     : "=&r"(f1), "=&r"(f2)
			     : "ir"(X86_EFLAGS_ID));
	return ((f1 ^ f2) & X86_EFLAGS_ID) != 0;
}

static void identify_leaf1(struct cpuinfo_x86 *c)
{
	u32 eax, ebx, ecx, edx;

	cpuid(1, &eax, &ebx, &ecx, &edx);
	c->family = (eax >> 8) & 0xf;
	c->model = (eax >> 4) & 0xf;
	c->stepping = eax & 0xf;
	if (c->family == 0xf)
		c->family += (eax >> 20) & 0xff;
	if (c->family >= 6)
		c->model += ((eax >> 16) & 0xf) << 4;
	c->x86_capability[0] = edx;
	c->x86_capability[1] = ecx;
	c->has_tsc = edx & CPUID_EDX_TSC;
	c->has_pse = edx & CPUID_EDX_PSE;
	c->has_pae = edx & CPUID_EDX_PAE;
	c->has_pge = edx & CPUID_EDX_PGE;
	c->has_apic = edx & CPUID_EDX_APIC;
	c->initial_apicid = ebx >> 24;
	c->apicid = c->initial_apicid;
	/* Logical CPUs per package: only meaningful with HT set. */
	c->x86_max_cores = (edx & CPUID_EDX_HT) ? max(1U, (ebx >> 16) & 0xff) :
						  1;
	c->phys_proc_id = c->initial_apicid / c->x86_max_cores;
	if (edx & CPUID_EDX_CLFLUSH) {
		c->x86_clflush_size = ((ebx >> 8) & 0xff) * 8;
		c->x86_cache_alignment = c->x86_clflush_size;
	}
	/* Without CPUID 0x80000008: 36 bits with PAE/PSE36, as Linux i386. */
	if (edx & (CPUID_EDX_PAE | CPUID_EDX_PSE36))
		c->x86_phys_bits = 36;
}

static void identify_extended(struct cpuinfo_x86 *c)
{
	u32 max_ext, eax, ebx, ecx, edx;

	cpuid(0x80000000, &max_ext, &ebx, &ecx, &edx);
	if (max_ext >= 0x80000001) {
		cpuid(0x80000001, &eax, &ebx, &ecx, &edx);
		c->x86_capability[2] = edx;
		c->x86_capability[3] = ecx;
	}
	if (max_ext >= 0x80000004) {
		u32 *p = (u32 *)c->model_id;

		for (u32 leaf = 0x80000002; leaf <= 0x80000004; leaf++, p += 4)
			cpuid(leaf, &p[0], &p[1], &p[2], &p[3]);
		c->model_id[48] = '\0';
	}
	if (max_ext >= 0x80000008) {
		cpuid(0x80000008, &eax, &ebx, &ecx, &edx);
		c->x86_phys_bits = eax & 0xff;
		c->x86_virt_bits = (eax >> 8) & 0xff;
	}
}

void identify_cpu(struct cpuinfo_x86 *c)
{
	u32 ebx, ecx, edx;

	memset(c, 0, sizeof(*c));
	c->x86_cache_alignment = X86_DEFAULT_CACHE_ALIGNMENT;
	c->x86_phys_bits = 32;
	c->x86_virt_bits = 32;
	if (!have_cpuid()) {
		strcpy(c->vendor, "unknown");
		return;
	}
	cpuid(0, &c->cpuid_level, &ebx, &ecx, &edx);
	memcpy(c->vendor, &ebx, 4);
	memcpy(c->vendor + 4, &edx, 4);
	memcpy(c->vendor + 8, &ecx, 4);
	c->vendor[12] = '\0';
	if (c->cpuid_level >= 1)
		identify_leaf1(c);
	identify_extended(c);
}

void __init cpu_detect(void)
{
	identify_cpu(&boot_cpu_data);
}

void __init cpu_print_info(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;

	pr_info("CPU: %s %s (family: 0x%x, model: 0x%x, stepping: 0x%x)\n",
		c->vendor, skip_spaces(c->model_id), c->family, c->model,
		c->stepping);
	pr_info("CPU features: PSE %s, PGE %s, TSC %s, PAE %s (not used: non-PAE kernel)\n",
		c->has_pse ? "yes" : "no", c->has_pge ? "yes" : "no",
		c->has_tsc ? "yes" : "no", c->has_pae ? "yes" : "no");
}

void __flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	if (cr4 & X86_CR4_PGE) {
		/* Toggling PGE flushes global entries too. */
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
}
