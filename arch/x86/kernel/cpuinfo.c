// SPDX-License-Identifier: GPL-2.0
/*
 * cpuinfo.c - /proc/cpuinfo: one block per online CPU, in the order and
 * format of Linux's arch/x86/kernel/cpu/proc.c (32-bit), so that a
 * lecturer can put it beside a real machine's.
 *
 * Everything comes from each CPU's own CPUID (cpu_info, filled by the CPU
 * itself when it starts) and its APIC.  The flags are the CPUID feature
 * bits under Linux's names (leaf 1 EDX and ECX, leaf 0x80000001 EDX and
 * ECX); Linux's synthetic flags (constant_tsc, cpuid, ...) and the lines
 * this kernel has no source for (microcode, cache size, bugs) are left out
 * rather than invented.  "bogomips" is Linux's number for a known TSC
 * (loops_per_jiffy = TSC kHz * 1000 / HZ).
 */
#include <asm/processor.h>
#include <asm/smp.h>
#include <cpumask.h>
#include <kernel.h>
#include <percpu.h>
#include <seq_file.h>
#include <string.h>
#include <time.h>

/* Linux's names of the CPUID bits, by word and bit ("" : not shown). */
static const char *const x86_cap_flags[4][32] = {
	[0] = { "fpu", "vme",  "de",   "pse",	"tsc", "msr",	  "pae",
		"mce", "cx8",  "apic", "",	"sep", "mtrr",	  "pge",
		"mca", "cmov", "pat",  "pse36", "pn",  "clflush", "",
		"dts", "acpi", "mmx",  "fxsr",	"sse", "sse2",	  "ss",
		"ht",  "tm",   "ia64", "pbe" },
	[1] = { "pni",
		"pclmulqdq",
		"dtes64",
		"monitor",
		"ds_cpl",
		"vmx",
		"smx",
		"est",
		"tm2",
		"ssse3",
		"cid",
		"sdbg",
		"fma",
		"cx16",
		"xtpr",
		"pdcm",
		"",
		"pcid",
		"dca",
		"sse4_1",
		"sse4_2",
		"x2apic",
		"movbe",
		"popcnt",
		"tsc_deadline_timer",
		"aes",
		"xsave",
		"",
		"avx",
		"f16c",
		"rdrand",
		"hypervisor" },
	[2] = { [11] = "syscall",
		[19] = "mp",
		[20] = "nx",
		[22] = "mmxext",
		[25] = "fxsr_opt",
		[26] = "pdpe1gb",
		[27] = "rdtscp",
		[29] = "lm",
		[30] = "3dnowext",
		[31] = "3dnow" },
	[3] = { [0] = "lahf_lm",    [1] = "cmp_legacy",	 [2] = "svm",
		[3] = "extapic",    [4] = "cr8_legacy",	 [5] = "abm",
		[6] = "sse4a",	    [7] = "misalignsse", [8] = "3dnowprefetch",
		[9] = "osvw",	    [10] = "ibs",	 [11] = "xop",
		[12] = "skinit",    [13] = "wdt",	 [15] = "lwp",
		[16] = "fma4",	    [17] = "tce",	 [19] = "nodeid_msr",
		[21] = "tbm",	    [22] = "topoext",	 [23] = "perfctr_core",
		[24] = "perfctr_nb" },
};

static void show_flags(struct seq_file *m, const struct cpuinfo_x86 *c)
{
	seq_puts(m, "flags\t\t:");
	for (int word = 0; word < 4; word++)
		for (int bit = 0; bit < 32; bit++)
			if ((c->x86_capability[word] >> bit) & 1 &&
			    x86_cap_flags[word][bit] &&
			    x86_cap_flags[word][bit][0])
				seq_printf(m, " %s", x86_cap_flags[word][bit]);
	seq_putc(m, '\n');
}

static void show_cpuinfo(struct seq_file *m, unsigned int cpu)
{
	const struct cpuinfo_x86 *c = &per_cpu(cpu_info, cpu);
	bool fpu = c->x86_capability[0] & 1;

	seq_printf(m, "processor\t: %u\n", cpu);
	seq_printf(m, "vendor_id\t: %s\n", c->vendor);
	seq_printf(m, "cpu family\t: %u\n", c->family);
	seq_printf(m, "model\t\t: %u\n", c->model);
	seq_printf(m, "model name\t: %s\n",
		   c->model_id[0] ? skip_spaces(c->model_id) : "unknown");
	seq_printf(m, "stepping\t: %u\n", c->stepping);
	if (tsc_khz)
		seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000,
			   tsc_khz % 1000);
	seq_printf(m, "physical id\t: %u\n", c->phys_proc_id);
	seq_printf(m, "siblings\t: %u\n", c->x86_max_cores);
	seq_printf(m, "core id\t\t: 0\n");
	seq_printf(m, "cpu cores\t: %u\n", c->x86_max_cores);
	seq_printf(m, "apicid\t\t: %u\n", c->apicid);
	seq_printf(m, "initial apicid\t: %u\n", c->initial_apicid);
	seq_printf(m, "fdiv_bug\t: no\nf00f_bug\t: no\ncoma_bug\t: no\n");
	seq_printf(m, "fpu\t\t: %s\nfpu_exception\t: %s\n", fpu ? "yes" : "no",
		   fpu ? "yes" : "no");
	seq_printf(m, "cpuid level\t: %u\n", c->cpuid_level);
	seq_printf(m, "wp\t\t: yes\n");
	show_flags(m, c);
	seq_printf(m, "bogomips\t: %lu.%02lu\n",
		   c->loops_per_jiffy / (500000 / HZ),
		   (c->loops_per_jiffy / (5000 / HZ)) % 100);
	if (c->x86_clflush_size)
		seq_printf(m, "clflush size\t: %u\n", c->x86_clflush_size);
	seq_printf(m, "cache_alignment\t: %u\n", c->x86_cache_alignment);
	seq_printf(m, "address sizes\t: %u bits physical, %u bits virtual\n",
		   c->x86_phys_bits, c->x86_virt_bits);
	seq_printf(m, "power management:\n\n");
}

static void cpuinfo_show(struct seq_file *m)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		show_cpuinfo(m, cpu);
}
PROC_FILE("cpuinfo", cpuinfo_show);
