// SPDX-License-Identifier: GPL-2.0
/*
 * mpparse.c - finding the CPUs: ACPI's MADT first (acpi_boot.c), else the
 * BIOS's Intel MP table (MP spec 1.4), as Linux does.
 *
 * The firmware describes the machine twice: in the MP table (1994, made
 * for exactly this: "which processors are there and which one booted") and
 * in ACPI's MADT.  SeaBIOS, under QEMU, writes both, but lists only one
 * processor per package in the MP table, which has no notion of cores: the
 * MADT is used when it is there (docs/design.md), the MP table with
 * `acpi=off` or without ACPI:
 *  - find the 16-byte floating pointer "_MP_" where the spec says it may
 *    be: the first KB of the EBDA, the last KB of base memory, the BIOS
 *    ROM at 0xf0000 (the same places, in the same order, as Linux);
 *  - check it and the configuration table it points to (signature,
 *    checksum, version), as Linux does, with Linux's messages;
 *  - walk the entries: each enabled processor gets a CPU number, the boot
 *    processor number 0; the local APIC address comes from the header.
 * Either way a CPU is registered by generic_processor_info(): CPU 0 is the
 * one whose APIC ID CPUID gives the boot CPU, the others are numbered in
 * table order.  This runs before paging_init(), while head.S's boot
 * mapping still covers the BIOS data in page 0 (the EBDA pointer); the
 * tables may be anywhere below 4 GB and are read through
 * early_copy_from_phys().
 *
 * No table, a broken one, or a CPU without an APIC: one CPU, as Linux.
 */
#include <asm/apic.h>
#include <asm/mpspec.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <cpumask.h>
#include <kernel.h>
#include <printk.h>
#include <string.h>

#define BIOS_EBDA_SEGMENT 0x40e /* BIOS data area: the EBDA's segment */
#define MPC_MAX_SIZE 4096 /* larger tables are not read (SeaBIOS: ~300 B) */

unsigned int num_processors;
bool smp_found_config;
u8 x86_cpu_to_apicid[NR_CPUS] = { [0 ... NR_CPUS - 1] = BAD_APICID };
static unsigned long mpf_base;
static bool bsp_listed; /* the boot processor's entry was seen */
static u8 mpc_buf[MPC_MAX_SIZE] __initdata;

static u8 __init mpf_checksum(const u8 *p, size_t len)
{
	u8 sum = 0;

	while (len--)
		sum = (u8)(sum + *p++);
	return sum;
}

static bool __init smp_scan_config(unsigned long base, unsigned long length,
				   struct mpf_intel *mpf)
{
	phys_addr_t p = base, end = base + length;

	while ((p = early_find_signature(p, end, "_MP_", 4, 16))) {
		early_copy_from_phys(mpf, p, sizeof(*mpf));
		if (mpf->length == 1 &&
		    !mpf_checksum((const u8 *)mpf, sizeof(*mpf)) &&
		    (mpf->specification == 1 || mpf->specification == 4)) {
			mpf_base = (unsigned long)p;
			pr_info("found SMP MP-table at [mem %#010lx-%#010lx]\n",
				mpf_base,
				mpf_base + (unsigned long)sizeof(*mpf) - 1);
			return true;
		}
		p += 16;
	}
	return false;
}

void __init generic_processor_info(unsigned int apicid)
{
	bool bsp = apicid == boot_cpu_data.initial_apicid;
	unsigned int cpu = bsp ? 0 : num_processors + !bsp_listed;

	if (bsp && bsp_listed)
		return; /* listed twice */
	if (!bsp && cpu >= NR_CPUS) {
		pr_warn("NR_CPUS/possible_cpus limit of %u reached. Processor %u/0x%x ignored.\n",
			NR_CPUS, num_processors, apicid);
		return;
	}
	if (bsp)
		bsp_listed = true; /* slot 0 was kept free for it */
	x86_cpu_to_apicid[cpu] = (u8)apicid;
	cpumask_set_cpu(cpu, &__cpu_possible_mask);
	num_processors++;
}

static void __init MP_processor_info(const struct mpc_cpu *m)
{
	if (!(m->cpuflag & CPU_ENABLED))
		return;
	pr_info("Processor #%d%s\n", m->apicid,
		m->cpuflag & CPU_BOOTPROCESSOR ? " (Bootup-CPU)" : "");
	generic_processor_info(m->apicid);
}

static bool __init smp_check_mpc(const struct mpc_table *mpc)
{
	char oem[9], str[13];

	if (memcmp(mpc->signature, MPC_SIGNATURE, 4)) {
		pr_err("MPTABLE: bad signature [%c%c%c%c]!\n",
		       mpc->signature[0], mpc->signature[1], mpc->signature[2],
		       mpc->signature[3]);
		return false;
	}
	if (mpc->length > MPC_MAX_SIZE || mpc->length < sizeof(*mpc)) {
		pr_err("MPTABLE: length %u not read (at most %u)\n",
		       mpc->length, MPC_MAX_SIZE);
		return false;
	}
	if (mpf_checksum((const u8 *)mpc, mpc->length)) {
		pr_err("MPTABLE: checksum error!\n");
		return false;
	}
	if (mpc->spec != 0x01 && mpc->spec != 0x04) {
		pr_err("MPTABLE: bad table version (%d)!!\n", mpc->spec);
		return false;
	}
	if (!mpc->lapic) {
		pr_err("MPTABLE: null local APIC address!\n");
		return false;
	}
	memcpy(oem, mpc->oem, 8);
	oem[8] = '\0';
	pr_info("MPTABLE: OEM ID: %s\n", oem);
	memcpy(str, mpc->productid, 12);
	str[12] = '\0';
	pr_info("MPTABLE: Product ID: %s\n", str);
	pr_info("MPTABLE: APIC at: 0x%X\n", mpc->lapic);
	return true;
}

static void __init smp_read_entries(const struct mpc_table *mpc)
{
	const u8 *mpt = (const u8 *)mpc + sizeof(*mpc);
	const u8 *end = (const u8 *)mpc + mpc->length;

	while (mpt < end) {
		if (*mpt == MP_PROCESSOR) {
			MP_processor_info((const struct mpc_cpu *)mpt);
			mpt += sizeof(struct mpc_cpu);
		} else if (*mpt == MP_IOAPIC) {
			const struct mpc_ioapic *io = (const void *)mpt;

			pr_info("IOAPIC[%d]: apic_id %d, version %d, address 0x%x (not used: virtual wire mode)\n",
				0, io->apicid, io->apicver, io->apicaddr);
			mpt += MPC_SMALL_ENTRY_SIZE;
		} else if (*mpt <= MP_LINTSRC) {
			mpt += MPC_SMALL_ENTRY_SIZE;
		} else {
			pr_err("Your mptable is wrong, contact your HW vendor!\n");
			pr_cont("type %x\n", *mpt);
			break;
		}
	}
}

/* The configuration table the floating pointer points to. */
static bool __init smp_read_mpc(u32 physptr)
{
	struct mpc_table *mpc = (struct mpc_table *)mpc_buf;

	early_copy_from_phys(mpc, physptr, sizeof(*mpc));
	if (mpc->length <= MPC_MAX_SIZE && mpc->length > sizeof(*mpc))
		early_copy_from_phys(mpc_buf, physptr, mpc->length);
	if (!smp_check_mpc(mpc)) {
		pr_err("BIOS bug, MP table errors detected!...\n");
		pr_cont("... disabling SMP support. (tell your hw vendor)\n");
		return false;
	}
	mp_lapic_addr = mpc->lapic;
	smp_read_entries(mpc);
	return true;
}

static void __init get_smp_config(void)
{
	struct mpf_intel mpf;

	early_copy_from_phys(&mpf, mpf_base, sizeof(mpf));
	pr_info("Intel MultiProcessor Specification v1.%d\n",
		mpf.specification);
	pic_mode = mpf.feature2 & (1 << 7);
	if (pic_mode)
		pr_info("    IMCR and PIC compatibility mode.\n");
	else
		pr_info("    Virtual Wire compatibility mode.\n");
	if (mpf.feature1) {
		/* A default configuration: two CPUs, APIC IDs 0 and 1. */
		pr_info("Default MP configuration #%d\n", mpf.feature1);
		generic_processor_info(0);
		generic_processor_info(1);
	} else if (!smp_read_mpc(mpf.physptr)) {
		return;
	}
	smp_found_config = true;
	pr_info("Processors: %u\n", num_processors);
}

static bool __init find_mpf(struct mpf_intel *mpf)
{
	u16 ebda_segment = 0;

	early_copy_from_phys(&ebda_segment, BIOS_EBDA_SEGMENT,
			     sizeof(ebda_segment));
	return smp_scan_config(0x0, 0x400, mpf) ||
	       smp_scan_config(639 * 0x400, 0x400, mpf) ||
	       smp_scan_config(0xf0000, 0x10000, mpf) ||
	       (ebda_segment &&
		smp_scan_config((unsigned long)ebda_segment << 4, 0x400, mpf));
}

/* One CPU, the boot CPU, when the table cannot be used. */
static void __init disable_smp(const char *why)
{
	pr_info("SMP disabled: %s\n", why);
	__cpu_possible_mask.bits = 1;
	num_processors = 1;
	for (unsigned int cpu = 1; cpu < NR_CPUS; cpu++)
		x86_cpu_to_apicid[cpu] = BAD_APICID;
}

void __init find_smp_config(void)
{
	struct mpf_intel mpf;

	/* The MP table is looked for either way (Linux's "found" line). */
	if (find_mpf(&mpf) && !acpi_boot_find_cpus())
		get_smp_config();
	else if (num_processors)
		smp_found_config = true;
	if (!smp_found_config || !num_processors || !bsp_listed)
		disable_smp("SMP motherboard not detected.");
	else if (!boot_cpu_data.has_apic || disable_apic)
		disable_smp("no local APIC");
	if (x86_cpu_to_apicid[0] == BAD_APICID) /* not listed: the BSP is 0 */
		x86_cpu_to_apicid[0] = 0;
	nr_cpu_ids = (unsigned int)fls((unsigned int)__cpu_possible_mask.bits);
	pr_info("smpboot: Allowing %u CPUs, 0 hotplug CPUs\n", num_processors);
}
