// SPDX-License-Identifier: GPL-2.0
/*
 * acpi_boot.c - finding the CPUs in ACPI's MADT, as Linux does by default.
 *
 * ACPI's tables hang off the RSDP, a 20-byte structure ("RSD PTR ") that
 * the firmware leaves in the first KB of the EBDA or in the BIOS area
 * 0xe0000-0xfffff.  It points to the RSDT, a table of 32-bit pointers to
 * the other tables, each with a common 36-byte header (signature, length,
 * checksum, OEM ids).  The one this kernel reads is the MADT (signature
 * "APIC"): the local APIC address, then one entry per interrupt
 * controller:
 *  - type 0, a CPU's local APIC: its APIC ID and an "enabled" flag;
 *  - type 1, an IOAPIC; type 2, an ISA interrupt override; type 4, which
 *    LINT pin is NMI: reported as Linux reports them, not used (the PIC
 *    stays in virtual wire mode, apic.c).
 * Every table is checksummed before it is believed.  The tables live in
 * RAM the e820 map marks reserved (or ACPI), anywhere below 4 GB, and are
 * read through early_copy_from_phys() before paging_init().
 *
 * Why the MADT and not (only) the MP table: QEMU's default topology for
 * -smp N is N cores in one package, and the MP spec (1994) has no cores:
 * SeaBIOS lists one processor per package, so the MP table shows one CPU
 * where the MADT shows all N.  `acpi=off` falls back to the MP table
 * (mpparse.c), as in Linux.
 */
#include <asm/apic.h>
#include <asm/mpspec.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <errno.h>
#include <kernel.h>
#include <params.h>
#include <printk.h>
#include <string.h>

#define BIOS_EBDA_SEGMENT 0x40e
#define ACPI_HI_RSDP_WINDOW_BASE 0xe0000 /* Linux's names for the ranges */
#define ACPI_HI_RSDP_WINDOW_SIZE 0x20000
#define ACPI_MAX_TABLES 32
#define MADT_MAX_SIZE 4096

struct acpi_table_rsdp {
	char signature[8]; /* "RSD PTR " */
	u8 checksum; /* of these 20 bytes */
	char oem_id[6];
	u8 revision; /* 0: ACPI 1.0 (RSDT only) */
	u32 rsdt_physical_address;
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length; /* of the whole table, header included */
	u8 revision;
	u8 checksum; /* the whole table adds up to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

struct acpi_table_madt {
	struct acpi_table_header header;
	u32 address; /* the local APIC's physical address */
	u32 flags; /* bit 0: the two 8259 PICs are there too */
} __packed;

struct acpi_subtable_header {
	u8 type;
	u8 length;
} __packed;

enum {
	ACPI_MADT_TYPE_LOCAL_APIC = 0,
	ACPI_MADT_TYPE_IO_APIC = 1,
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE = 2,
	ACPI_MADT_TYPE_LOCAL_APIC_NMI = 4,
};

struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;
	u8 id; /* the APIC ID */
	u32 lapic_flags; /* bit 0: enabled */
} __packed;

struct acpi_madt_io_apic {
	struct acpi_subtable_header header;
	u8 id;
	u8 reserved;
	u32 address;
	u32 global_irq_base;
} __packed;

struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;
	u8 bus;
	u8 source_irq;
	u32 global_irq;
	u16 inti_flags; /* bits 0-1 polarity, 2-3 trigger mode */
} __packed;

struct acpi_madt_local_apic_nmi {
	struct acpi_subtable_header header;
	u8 processor_id;
	u16 inti_flags;
	u8 lint;
} __packed;

bool acpi_disabled;
static u8 madt_buf[MADT_MAX_SIZE] __initdata;

static int __init parse_acpi(char *arg)
{
	if (!arg || strcmp(arg, "off")) {
		pr_err("acpi=%s: only acpi=off is understood\n",
		       arg ? arg : "");
		return -EINVAL;
	}
	acpi_disabled = true;
	return 0;
}
early_param("acpi", parse_acpi);

static u8 __init acpi_checksum(const void *buf, size_t len)
{
	const u8 *p = buf;
	u8 sum = 0;

	while (len--)
		sum = (u8)(sum + *p++);
	return sum;
}

/* The physical address of a valid RSDP in [base, base + len), or 0. */
static unsigned long __init acpi_scan_rsdp(unsigned long base,
					   unsigned long len)
{
	struct acpi_table_rsdp rsdp;
	phys_addr_t p = base;

	while ((p = early_find_signature(p, base + len, "RSD PTR ", 8, 16))) {
		early_copy_from_phys(&rsdp, p, sizeof(rsdp));
		if (!acpi_checksum(&rsdp, sizeof(rsdp)))
			return (unsigned long)p;
		p += 16;
	}
	return 0;
}

static void __init acpi_print_header(const struct acpi_table_header *h,
				     unsigned long phys)
{
	pr_info("ACPI: %.4s 0x%016llX %06X (v%02u %.6s %.8s %08X %.4s %08X)\n",
		h->signature, (unsigned long long)phys, h->length, h->revision,
		h->oem_id, h->oem_table_id, h->oem_revision, h->asl_compiler_id,
		h->asl_compiler_revision);
}

/* Read a whole table into buf (at most size bytes); false if bad. */
static bool __init acpi_read_table(unsigned long phys, void *buf, size_t size)
{
	struct acpi_table_header *h = buf;

	early_copy_from_phys(h, phys, sizeof(*h));
	if (h->length < sizeof(*h) || h->length > size) {
		pr_warn("ACPI: %.4s at 0x%08lx: length %u not read\n",
			h->signature, phys, h->length);
		return false;
	}
	early_copy_from_phys(buf, phys, h->length);
	if (acpi_checksum(buf, h->length)) {
		pr_warn("ACPI: %.4s at 0x%08lx: bad checksum\n", h->signature,
			phys);
		return false;
	}
	return true;
}

static const char *const mps_polarity[] = { "dfl", "high", "res", "low" };
static const char *const mps_trigger[] = { "dfl", "edge", "res", "level" };

static void __init acpi_parse_entry(const struct acpi_subtable_header *e)
{
	const struct acpi_madt_local_apic *lapic = (const void *)e;
	const struct acpi_madt_io_apic *ioapic = (const void *)e;
	const struct acpi_madt_interrupt_override *ovr = (const void *)e;
	const struct acpi_madt_local_apic_nmi *nmi = (const void *)e;

	switch (e->type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:
		pr_info("ACPI: LAPIC (acpi_id[0x%02x] lapic_id[0x%02x] %s)\n",
			lapic->processor_id, lapic->id,
			lapic->lapic_flags & 1 ? "enabled" : "disabled");
		if (lapic->lapic_flags & 1)
			generic_processor_info(lapic->id);
		break;
	case ACPI_MADT_TYPE_IO_APIC:
		pr_info("IOAPIC[0]: apic_id %u, address 0x%x, GSI base %u (not used: virtual wire mode)\n",
			ioapic->id, ioapic->address, ioapic->global_irq_base);
		break;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:
		pr_info("ACPI: INT_SRC_OVR (bus %u bus_irq %u global_irq %u %s %s)\n",
			ovr->bus, ovr->source_irq, ovr->global_irq,
			mps_polarity[ovr->inti_flags & 3],
			mps_trigger[(ovr->inti_flags >> 2) & 3]);
		break;
	case ACPI_MADT_TYPE_LOCAL_APIC_NMI:
		pr_info("ACPI: LAPIC_NMI (acpi_id[0x%02x] %s %s lint[0x%x])\n",
			nmi->processor_id, mps_polarity[nmi->inti_flags & 3],
			mps_trigger[(nmi->inti_flags >> 2) & 3], nmi->lint);
		break;
	}
}

static bool __init acpi_parse_madt(unsigned long phys)
{
	const struct acpi_table_madt *madt = (const void *)madt_buf;
	const u8 *p = madt_buf + sizeof(*madt);
	const u8 *end;

	if (!acpi_read_table(phys, madt_buf, sizeof(madt_buf)))
		return false;
	end = madt_buf + madt->header.length;
	mp_lapic_addr = madt->address;
	while (p + sizeof(struct acpi_subtable_header) <= end) {
		const struct acpi_subtable_header *e = (const void *)p;

		if (e->length < sizeof(*e) || p + e->length > end) {
			pr_err("ACPI: MADT entry of length %u at offset %u: table cut short\n",
			       e->length, (unsigned int)(p - madt_buf));
			break;
		}
		acpi_parse_entry(e);
		p += e->length;
	}
	return num_processors > 0;
}

/* The MADT's address from the RSDT (the other tables are only listed). */
static unsigned long __init acpi_find_madt(unsigned long rsdt_phys)
{
	struct acpi_table_header rsdt;
	unsigned long madt = 0;
	u32 entries[ACPI_MAX_TABLES];
	unsigned int n;

	if (!acpi_read_table(rsdt_phys, madt_buf, sizeof(madt_buf)))
		return 0;
	memcpy(&rsdt, madt_buf, sizeof(rsdt));
	acpi_print_header(&rsdt, rsdt_phys);
	n = min_t(unsigned int, (rsdt.length - sizeof(rsdt)) / 4,
		  ACPI_MAX_TABLES);
	memcpy(entries, madt_buf + sizeof(rsdt), n * 4);
	for (unsigned int i = 0; i < n; i++) {
		struct acpi_table_header h;

		early_copy_from_phys(&h, entries[i], sizeof(h));
		acpi_print_header(&h, entries[i]);
		if (!memcmp(h.signature, "APIC", 4) && !madt)
			madt = entries[i];
	}
	return madt;
}

bool __init acpi_boot_find_cpus(void)
{
	struct acpi_table_rsdp rsdp;
	unsigned long rsdp_phys, madt;
	u16 ebda = 0;

	if (acpi_disabled)
		return false;
	early_copy_from_phys(&ebda, BIOS_EBDA_SEGMENT, sizeof(ebda));
	rsdp_phys = ebda ? acpi_scan_rsdp((unsigned long)ebda << 4, 1024) : 0;
	if (!rsdp_phys)
		rsdp_phys = acpi_scan_rsdp(ACPI_HI_RSDP_WINDOW_BASE,
					   ACPI_HI_RSDP_WINDOW_SIZE);
	if (!rsdp_phys)
		return false;
	early_copy_from_phys(&rsdp, rsdp_phys, sizeof(rsdp));
	pr_info("ACPI: RSDP 0x%016llX %06X (v%02u %.6s)\n",
		(unsigned long long)rsdp_phys, (unsigned int)sizeof(rsdp),
		rsdp.revision, rsdp.oem_id);
	madt = acpi_find_madt(rsdp.rsdt_physical_address);
	if (!madt || !acpi_parse_madt(madt))
		return false;
	pr_info("ACPI: Using ACPI (MADT) for SMP configuration information\n");
	return true;
}
