// SPDX-License-Identifier: GPL-2.0
/*
 * pci_test.c - Verifies the PCI layer on QEMU's PC (i440FX): configuration
 * space through 0xcf8/0xcfc (and its refusal of bad accesses), the bus
 * scan's view of the fixed devices (host bridge, the VGA card's BARs as
 * sized at boot), the BAR claims in /proc/iomem and /proc/ioports the way
 * Linux shows them, a driver's region nesting inside its BAR's claim and
 * excluding a second claim, ioread through a port cookie, enable counting
 * and id matching.
 */
#include <asm/io.h>
#include <asm/memlayout.h>
#include <bug.h>
#include <errno.h>
#include <kernel.h>
#include <ktest.h>
#include <pci.h>
#include <seq_file.h>
#include <sprintf.h>
#include <string.h>
#include <vmalloc.h>

static struct pci_dev *vga(struct ktest *test)
{
	struct pci_dev *dev = pci_get_device(PCI_VENDOR_ID_QEMU, 0x1111, NULL);

	if (!dev)
		ktest_skip(test, "no QEMU standard VGA (1234:1111)");
	return dev;
}

static bool proc_has(const char *file, const char *text)
{
	static char out[4096];
	int len = proc_read(file, out, sizeof(out));

	return len > 0 && strstr(out, text);
}

static void pci_host_bridge_is_the_i440fx(struct ktest *test)
{
	struct pci_dev *host =
		pci_get_device(PCI_VENDOR_ID_INTEL, 0x1237, NULL);
	u32 id;

	if (!pci_conf1_present())
		ktest_skip(test, "no PCI configuration mechanism");
	KTEST_EXPECT_EQ(test,
			raw_pci_read(0, PCI_DEVFN(0, 0), PCI_VENDOR_ID, 4, &id),
			0);
	KTEST_EXPECT_EQ(test, id, 0x12378086);
	KTEST_ASSERT_NOT_NULL(test, host);
	KTEST_EXPECT_EQ(test, host->class, 0x060000);
	KTEST_EXPECT_STREQ(test, pci_name(host), "0000:00:00.0");
	KTEST_EXPECT_EQ(test, host->hdr_type, PCI_HEADER_TYPE_NORMAL);
}

static void raw_pci_read_refuses_bad_accesses(struct ktest *test)
{
	u32 val = 0;

	KTEST_EXPECT_EQ(test, raw_pci_read(0, 0, 0, 3, &val), -EINVAL);
	KTEST_EXPECT_EQ(test, val, 0xffffffff);
	KTEST_EXPECT_EQ(test, raw_pci_read(0, 0, 2, 4, &val), -EINVAL);
	KTEST_EXPECT_EQ(test, raw_pci_read(0, 0, 256, 1, &val), -EINVAL);
	KTEST_EXPECT_EQ(test, raw_pci_read(256, 0, 0, 2, &val), -EINVAL);
	/* Slot 31 is empty: nothing drives the bus, the bridge reads ones. */
	KTEST_EXPECT_EQ(
		test, raw_pci_read(0, PCI_DEVFN(31, 0), PCI_VENDOR_ID, 2, &val),
		0);
	KTEST_EXPECT_EQ(test, val, 0xffff);
}

static void pci_bars_are_sized_as_the_device_decodes(struct ktest *test)
{
	struct pci_dev *dev = vga(test);

	KTEST_EXPECT_EQ(test, pci_resource_len(dev, 0), 16 << 20);
	KTEST_EXPECT_TRUE(test,
			  pci_resource_flags(dev, 0) & IORESOURCE_PREFETCH);
	KTEST_EXPECT_EQ(test, pci_resource_len(dev, 2), 4096);
	KTEST_EXPECT_TRUE(test, pci_resource_flags(dev, 2) & IORESOURCE_MEM);
	KTEST_EXPECT_EQ(test, pci_resource_start(dev, 0) % (16 << 20), 0);
	KTEST_EXPECT_EQ(test, pci_resource_len(dev, 1), 0); /* not a BAR */
	KTEST_EXPECT_TRUE(test, dev->resource[PCI_ROM_RESOURCE].flags &
					IORESOURCE_READONLY);
}

static void bars_are_claimed_in_proc_iomem_and_ioports(struct ktest *test)
{
	struct pci_dev *dev = vga(test);
	char line[64];

	snprintf(line, sizeof(line), "  %08llx-%08llx : 0000:00:02.0\n",
		 pci_resource_start(dev, 0), pci_resource_end(dev, 0));
	KTEST_EXPECT_TRUE(test, proc_has("iomem", line));
	KTEST_EXPECT_TRUE(test, proc_has("iomem", " : PCI Bus 0000:00\n"));
	KTEST_EXPECT_TRUE(test,
			  proc_has("iomem",
				   "  000a0000-000bffff : Video RAM area"));
	KTEST_EXPECT_TRUE(test, proc_has("ioports", "0cf8-0cff : PCI conf1"));
	KTEST_EXPECT_TRUE(test,
			  proc_has("ioports", "0d00-ffff : PCI Bus 0000:00"));
	KTEST_EXPECT_TRUE(test, proc_has("ioports", "  0020-0021 : pic1"));
}

static void
a_driver_claim_nests_in_its_bar_and_excludes_others(struct ktest *test)
{
	struct pci_dev *dev = vga(test);
	resource_size_t start = pci_resource_start(dev, 2);
	struct resource *claim;

	claim = request_mem_region(start, 4096, "ktest");
	KTEST_ASSERT_NOT_NULL(test, claim);
	KTEST_EXPECT_PTR_EQ(test, claim->parent, &dev->resource[2]);
	KTEST_EXPECT_NULL(test, request_mem_region(start + 16, 16, "other"));
	KTEST_EXPECT_EQ(test, pci_request_regions(dev, "ktest2"), -EBUSY);
	release_mem_region(start, 4096);
	KTEST_EXPECT_EQ(test, pci_request_regions(dev, "ktest2"), 0);
	pci_release_regions(dev);
	KTEST_EXPECT_NULL(test, dev->resource[2].child);
	/* RAM belongs to the kernel: no driver may claim it. */
	KTEST_EXPECT_NULL(test,
			  request_mem_region(__pa(&nr_warnings), 4, "ktest"));
}

static void an_io_bar_is_read_through_a_port_cookie(struct ktest *test)
{
	struct pci_dev *ide = pci_get_device(PCI_VENDOR_ID_INTEL, 0x7010, NULL);
	void __iomem *regs;
	u16 port;

	if (!ide || !(pci_resource_flags(ide, 4) & IORESOURCE_IO))
		ktest_skip(test, "no PIIX3 IDE with its bus-master I/O BAR");
	port = (u16)pci_resource_start(ide, 4);
	regs = pci_iomap(ide, 4, 0);
	KTEST_ASSERT_NOT_NULL(test, regs);
	KTEST_EXPECT_FALSE(test, is_vmalloc_addr(regs)); /* not a mapping */
	/* The bus-master status register: reading it changes nothing. */
	KTEST_EXPECT_EQ(test, ioread8((char *)regs + 2), inb(port + 2));
	pci_iounmap(ide, regs);
	KTEST_EXPECT_NULL(test, pci_iomap(ide, 0, 0)); /* legacy mode: none */
}

static void
pci_enable_device_counts_and_warns_on_extra_disables(struct ktest *test)
{
	struct pci_dev *dev = vga(test);
	unsigned long warnings = nr_warnings;
	unsigned int cnt = dev->enable_cnt;
	u16 cmd;

	KTEST_EXPECT_EQ(test, pci_enable_device(dev), 0);
	KTEST_EXPECT_EQ(test, pci_enable_device(dev), 0);
	KTEST_EXPECT_EQ(test, dev->enable_cnt, cnt + 2);
	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	KTEST_EXPECT_TRUE(test, cmd & PCI_COMMAND_MEMORY);
	pci_disable_device(dev);
	pci_disable_device(dev);
	KTEST_EXPECT_EQ(test, dev->enable_cnt, cnt);
	if (!cnt) {
		pci_disable_device(dev);
		KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	}
}

static void pci_match_id_honours_any_and_class(struct ktest *test)
{
	struct pci_dev *dev = vga(test);
	const struct pci_device_id ids[] = { { PCI_DEVICE(PCI_VENDOR_ID_INTEL,
							  PCI_ANY_ID) },
					     { .vendor = PCI_ANY_ID,
					       .device = PCI_ANY_ID,
					       .subvendor = PCI_ANY_ID,
					       .subdevice = PCI_ANY_ID,
					       .class = 0x030000,
					       .class_mask = 0xff0000 },
					     {} };

	KTEST_EXPECT_PTR_EQ(test, pci_match_id(ids, dev), &ids[1]);
	KTEST_EXPECT_PTR_EQ(
		test,
		pci_match_id(ids,
			     pci_get_device(PCI_VENDOR_ID_INTEL, 0x1237, NULL)),
		&ids[0]);
	KTEST_EXPECT_NULL(test, pci_match_id(&ids[2], dev));
}

static void ioread_of_a_bad_address_warns(struct ktest *test)
{
	unsigned long warnings = nr_warnings;

	KTEST_EXPECT_EQ(test, ioread32((void __iomem *)0x100), 0xffffffff);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
}

static const struct ktest_case pci_cases[] = {
	KTEST_CASE(pci_host_bridge_is_the_i440fx),
	KTEST_CASE(raw_pci_read_refuses_bad_accesses),
	KTEST_CASE(pci_bars_are_sized_as_the_device_decodes),
	KTEST_CASE(bars_are_claimed_in_proc_iomem_and_ioports),
	KTEST_CASE(a_driver_claim_nests_in_its_bar_and_excludes_others),
	KTEST_CASE(an_io_bar_is_read_through_a_port_cookie),
	KTEST_CASE(pci_enable_device_counts_and_warns_on_extra_disables),
	KTEST_CASE(pci_match_id_honours_any_and_class),
	KTEST_CASE(ioread_of_a_bad_address_warns),
	{}
};
KTEST_SUITE(pci, pci_cases);
