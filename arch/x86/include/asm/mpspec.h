/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mpspec.h - the Intel MultiProcessor Specification 1.4 tables the BIOS
 * leaves in memory (Linux's asm/mpspec_def.h names).
 *
 * A 16-byte floating pointer ("_MP_") in the first KB of the EBDA, the
 * last KB of base memory or the BIOS ROM points to a configuration table
 * ("PCMP"): a header with the local APIC address, then entries of five
 * types, of which the processors matter here (one per CPU, with its APIC
 * ID and whether it is the boot CPU).
 */
#ifndef _ASM_X86_MPSPEC_H
#define _ASM_X86_MPSPEC_H

#include <types.h>

#define SMP_MAGIC_IDENT 0x5f504d5f /* "_MP_" */
#define MPC_SIGNATURE "PCMP"

struct mpf_intel {
	char signature[4]; /* "_MP_" */
	u32 physptr; /* the configuration table (0: a default config) */
	u8 length; /* in 16-byte units: 1 */
	u8 specification; /* 1 or 4 (MP spec 1.1 or 1.4) */
	u8 checksum; /* all 16 bytes add up to 0 */
	u8 feature1; /* a default configuration number, or 0 */
	u8 feature2; /* bit 7: IMCR present (PIC mode) */
	u8 feature3, feature4, feature5;
} __packed;

struct mpc_table {
	char signature[4]; /* "PCMP" */
	u16 length; /* of the base table, header included */
	u8 spec; /* 1 or 4 */
	u8 checksum;
	char oem[8];
	char productid[12];
	u32 oemptr;
	u16 oemsize;
	u16 oemcount; /* entries */
	u32 lapic; /* the local APIC's physical address */
	u32 reserved;
} __packed;

enum mp_entry_type {
	MP_PROCESSOR = 0,
	MP_BUS = 1,
	MP_IOAPIC = 2,
	MP_INTSRC = 3,
	MP_LINTSRC = 4,
};

#define CPU_ENABLED 1 /* usable */
#define CPU_BOOTPROCESSOR 2 /* the CPU that runs the BIOS and us */

struct mpc_cpu {
	u8 type; /* MP_PROCESSOR */
	u8 apicid;
	u8 apicver;
	u8 cpuflag; /* CPU_ENABLED, CPU_BOOTPROCESSOR */
	u32 cpufeature; /* CPUID signature */
	u32 featureflag; /* CPUID leaf 1 EDX */
	u32 reserved[2];
} __packed;

struct mpc_ioapic {
	u8 type; /* MP_IOAPIC */
	u8 apicid;
	u8 apicver;
	u8 flags;
	u32 apicaddr;
} __packed;

/* Sizes of the other entries (bus, interrupt sources): 8 bytes each. */
#define MPC_SMALL_ENTRY_SIZE 8

/* CPUs the firmware listed (enabled ones), and whether a table was found. */
extern unsigned int num_processors;
extern bool smp_found_config;

/*
 * A CPU the firmware lists: it gets the next CPU number, or 0 if its APIC
 * ID is the boot CPU's (CPUID's initial APIC ID).
 */
void generic_processor_info(unsigned int apicid);
/* acpi_boot.c: the CPUs from ACPI's MADT; false if there is none. */
bool acpi_boot_find_cpus(void);
/* `acpi=off`: use the MP table. */
extern bool acpi_disabled;

#endif /* _ASM_X86_MPSPEC_H */
