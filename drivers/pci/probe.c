// SPDX-License-Identifier: GPL-2.0
/*
 * probe.c - finding what is on the PCI bus at boot (Linux's
 * drivers/pci/probe.c and arch/x86/pci/i386.c's resource survey).
 *
 * The scan reads the vendor ID of each of the 32 slots x 8 functions of
 * bus 0; 0xffff means nothing answers there.  For each function it reads
 * the identity and class, the interrupt pin and the line the firmware
 * routed it to, and sizes each BAR the standard way: with decoding off,
 * write all ones, read back which address bits stick (the size is the
 * lowest one that does), and put the address back.  Then, as Linux:
 *  - the host bridge's windows (the address ranges it forwards to the
 *    bus) become "PCI Bus 0000:00" in /proc/iomem and /proc/ioports,
 *    taking the legacy ranges inside them as children;
 *  - every BAR the firmware assigned is claimed inside its window under
 *    the device's name ("0000:00:04.0"), so that /proc/iomem shows who
 *    decodes what, and a driver's request_mem_region() nests below it;
 *  - each function joins the driver model, which binds a driver to it
 *    when one matches.
 * The windows are those SeaBIOS describes for QEMU's i440FX in ACPI's
 * _CRS (Linux reads them from there): all I/O ports but the configuration
 * ports, the VGA hole, and the memory from the end of RAM below 4 GB up to
 * the IOAPIC.  Bus 0 only: QEMU's default machine has no PCI bridge.
 */
#include <asm/e820.h>
#include <errno.h>
#include <init.h>
#include <ioport.h>
#include <kernel.h>
#include <pci.h>
#include <printk.h>
#include <slab.h>

#define PCI_MEM_WINDOW_END 0xfebfffffULL /* below the IOAPIC at 0xfec00000 */

LIST_HEAD(pci_devices);

static struct resource pci_root_windows[] = {
	{ .name = "PCI Bus 0000:00",
	  .start = 0x0000,
	  .end = 0x0cf7,
	  .flags = IORESOURCE_IO | IORESOURCE_WINDOW },
	{ .name = "PCI Bus 0000:00",
	  .start = 0x0d00,
	  .end = 0xffff,
	  .flags = IORESOURCE_IO | IORESOURCE_WINDOW },
	{ .name = "PCI Bus 0000:00",
	  .start = 0x000a0000,
	  .end = 0x000bffff,
	  .flags = IORESOURCE_MEM | IORESOURCE_WINDOW },
	{ .name = "PCI Bus 0000:00",
	  .start = 0,
	  .end = PCI_MEM_WINDOW_END,
	  .flags = IORESOURCE_MEM | IORESOURCE_WINDOW },
};

/* The legacy VGA frame buffer, which the bus (not RAM) answers. */
static struct resource video_ram_resource = {
	.name = "Video RAM area",
	.start = 0xa0000,
	.end = 0xbffff,
	.flags = IORESOURCE_MEM | IORESOURCE_BUSY,
};

/* Where RAM and the firmware's ranges end below the PCI hole. */
static phys_addr_t __init pci_mem_start(void)
{
	phys_addr_t end = 0;

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->addr < PCI_MEM_WINDOW_END && e->addr >= SZ_1M)
			end = max(end, e->addr + e->size);
	}
	return ALIGN(end, SZ_1M);
}

static void __init pci_add_root_windows(void)
{
	char buf[64];

	pci_root_windows[3].start = pci_mem_start();
	request_resource(&iomem_resource, &video_ram_resource);
	pr_info("PCI host bridge to bus 0000:00\n");
	for (unsigned int i = 0; i < ARRAY_SIZE(pci_root_windows); i++) {
		struct resource *r = &pci_root_windows[i];

		insert_resource(r->flags & IORESOURCE_IO ? &ioport_resource :
							   &iomem_resource,
				r);
		resource_str(buf, sizeof(buf), r);
		pr_info("pci_bus 0000:00: root bus resource %s\n", buf);
	}
	pr_info("pci_bus 0000:00: root bus resource [bus 00-ff]\n");
}

static u32 pci_conf32(struct pci_dev *dev, int reg)
{
	u32 val;

	raw_pci_read(dev->bus_nr, dev->devfn, reg, 4, &val);
	return val;
}

/*
 * Size one BAR (decoding is off): its flags and range, or nothing if it
 * is not implemented.  Returns the number of BAR registers it used (2
 * for a 64-bit memory BAR).
 */
static int __init pci_read_base(struct pci_dev *dev, int reg,
				struct resource *res, bool rom)
{
	u32 l = pci_conf32(dev, reg), sz, mask;
	int used = 1;

	pci_write_config_dword(dev, reg, rom ? ~PCI_ROM_ADDRESS_ENABLE : ~0U);
	sz = pci_conf32(dev, reg);
	pci_write_config_dword(dev, reg, l);
	if (!sz || sz == 0xffffffff)
		return used;

	if (rom) {
		res->flags = IORESOURCE_MEM | IORESOURCE_PREFETCH |
			     IORESOURCE_READONLY;
		mask = PCI_ROM_ADDRESS_MASK;
	} else if (l & PCI_BASE_ADDRESS_SPACE_IO) {
		res->flags = IORESOURCE_IO;
		mask = PCI_BASE_ADDRESS_IO_MASK & 0xffff;
	} else {
		res->flags = IORESOURCE_MEM;
		mask = PCI_BASE_ADDRESS_MEM_MASK;
		if (l & PCI_BASE_ADDRESS_MEM_PREFETCH)
			res->flags |= IORESOURCE_PREFETCH;
		if ((l & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
		    PCI_BASE_ADDRESS_MEM_TYPE_64) {
			res->flags |= IORESOURCE_MEM_64;
			used = 2;
			if (pci_conf32(dev, reg + 4)) {
				dev_info(
					&dev->dev,
					"reg 0x%x: BAR above 4GB: not usable without PAE\n",
					reg);
				res->flags = 0;
				return used;
			}
		}
	}
	sz &= mask;
	if (!sz) {
		res->flags = 0;
		return used;
	}
	res->start = l & mask;
	res->end =
		res->start + (sz & ~(sz - 1)) - 1; /* lowest bit that sticks */
	if (!res->start)
		res->flags |= IORESOURCE_UNSET; /* the firmware left it out */
	res->name = pci_name(dev);
	return used;
}

static void __init pci_read_bases(struct pci_dev *dev)
{
	u16 cmd;
	char buf[64];

	/* Sizing moves the BARs: stop decoding meanwhile, as Linux. */
	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_write_config_word(dev, PCI_COMMAND,
			      cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (int bar = 0; bar < PCI_STD_NUM_BARS;) {
		struct resource *res = &dev->resource[bar];

		bar += pci_read_base(dev, PCI_BASE_ADDRESS_0 + 4 * bar, res,
				     false);
		if (res->flags) {
			resource_str(buf, sizeof(buf), res);
			dev_info(&dev->dev, "BAR %d %s\n",
				 (int)(res - dev->resource), buf);
		}
	}
	if (dev->hdr_type == PCI_HEADER_TYPE_NORMAL) {
		struct resource *rom = &dev->resource[PCI_ROM_RESOURCE];

		pci_read_base(dev, PCI_ROM_ADDRESS, rom, true);
		if (rom->flags) {
			resource_str(buf, sizeof(buf), rom);
			dev_info(&dev->dev, "ROM %s\n", buf);
		}
	}
	pci_write_config_word(dev, PCI_COMMAND, cmd);
}

/* A function answered at devfn: read its header and size its BARs. */
static struct pci_dev *__init pci_scan_device(unsigned int devfn, u32 id)
{
	struct pci_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	u32 class;
	u8 hdr, line;

	if (!dev)
		return NULL;
	dev->devfn = devfn;
	dev->vendor = id & 0xffff;
	dev->device = id >> 16;
	device_initialize(&dev->dev);
	dev->dev.bus = &pci_bus_type;
	dev_set_name(&dev->dev, "0000:00:%02x.%u", PCI_SLOT(devfn),
		     PCI_FUNC(devfn));
	/* Linux's default until the driver says better: 32 bits. */
	dev->dma_mask = 0xffffffff;
	dev->dev.dma_mask = &dev->dma_mask;
	dev->dev.coherent_dma_mask = 0xffffffff;

	class = pci_conf32(dev, PCI_CLASS_REVISION);
	dev->revision = class & 0xff;
	dev->class = class >> 8;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &hdr);
	dev->hdr_type = hdr & PCI_HEADER_TYPE_MASK;
	dev_info(&dev->dev, "[%04x:%04x] type %02x class %#08x\n", dev->vendor,
		 dev->device, dev->hdr_type, dev->class);
	if (dev->hdr_type == PCI_HEADER_TYPE_NORMAL) {
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID,
				     &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID,
				     &dev->subsystem_device);
	}
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
	if (dev->pin && line > 0 && line < 16)
		dev->irq = line; /* as the firmware routed INTx */
	pci_read_bases(dev);
	return dev;
}

static void __init pci_scan_bus(void)
{
	for (unsigned int devfn = 0; devfn < 256; devfn++) {
		struct pci_dev *dev;
		u32 id, hdr;

		if (raw_pci_read(0, devfn, PCI_VENDOR_ID, 4, &id) ||
		    (id & 0xffff) == 0xffff || (id & 0xffff) == 0) {
			if (PCI_FUNC(devfn) == 0)
				devfn += 7; /* no function 0: an empty slot */
			continue;
		}
		dev = pci_scan_device(devfn, id);
		if (!dev)
			return;
		list_add_tail(&dev->bus_list, &pci_devices);
		raw_pci_read(0, devfn, PCI_HEADER_TYPE, 1, &hdr);
		if (PCI_FUNC(devfn) == 0 && !(hdr & 0x80))
			devfn += 7; /* single-function */
	}
}

/* Claim each assigned BAR inside the window that holds it. */
static void __init pci_claim_resources(struct pci_dev *dev)
{
	char buf[64];

	for (int i = 0; i < PCI_NUM_RESOURCES; i++) {
		struct resource *res = &dev->resource[i], *window = NULL;
		struct resource *conflict;

		if (!res->flags || (res->flags & IORESOURCE_UNSET))
			continue;
		for (unsigned int w = 0; w < ARRAY_SIZE(pci_root_windows);
		     w++) {
			struct resource *r = &pci_root_windows[w];

			if (!((r->flags ^ res->flags) &
			      (IORESOURCE_IO | IORESOURCE_MEM)) &&
			    res->start >= r->start && res->end <= r->end)
				window = r;
		}
		resource_str(buf, sizeof(buf), res);
		if (!window) {
			dev_info(
				&dev->dev,
				"can't claim %s %d %s: no compatible bridge window\n",
				i == PCI_ROM_RESOURCE ? "ROM" : "BAR", i, buf);
			continue;
		}
		conflict = request_resource_conflict(window, res);
		if (conflict)
			dev_info(
				&dev->dev,
				"can't claim %s %d %s: address conflict with %s\n",
				i == PCI_ROM_RESOURCE ? "ROM" : "BAR", i, buf,
				conflict->name);
	}
}

/**
 * pci_subsys_init - find the bus, scan it, register what is on it
 *
 * A subsys initcall: after interrupts and memory are up, before the
 * drivers (device initcalls) register and bind.
 */
static int __init pci_subsys_init(void)
{
	struct pci_dev *dev;
	int err = pci_arch_init();

	if (err)
		return err;
	bus_register(&pci_bus_type);
	pci_add_root_windows();
	pci_scan_bus();
	list_for_each_entry(dev, &pci_devices, bus_list)
		pci_claim_resources(dev);
	list_for_each_entry(dev, &pci_devices, bus_list)
		device_add(&dev->dev);
	return 0;
}
subsys_initcall(pci_subsys_init);
