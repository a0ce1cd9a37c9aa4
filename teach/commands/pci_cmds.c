// SPDX-License-Identifier: GPL-2.0
/*
 * pci_cmds.c - the PCI bus and the driver model from the prompt: `lspci`
 * (as pciutils' `lspci -nn` and `lspci -v`), `bind` and `unbind` (what
 * Linux's sysfs bind/unbind files do), and `devres` (a device's managed
 * resources, in the order unbinding releases them: from the bottom up).
 *
 * lspci's names come from a small table of the devices QEMU's PC has
 * (pciutils reads them from pci.ids); anything else is "Device", as
 * lspci prints an id it does not know.
 */
#include <errno.h>
#include <kernel.h>
#include <pci.h>
#include <printk.h>
#include <seq_file.h>
#include <shell.h>
#include <sprintf.h>
#include <string.h>
#include <vmalloc.h>

struct pci_name {
	u16 vendor, device;
	const char *name;
};

static const struct pci_name pci_names[] = {
	{ 0x8086, 0x1237, "Intel Corporation 440FX - 82441FX PMC [Natoma]" },
	{ 0x8086, 0x7000,
	  "Intel Corporation 82371SB PIIX3 ISA [Natoma/Triton II]" },
	{ 0x8086, 0x7010,
	  "Intel Corporation 82371SB PIIX3 IDE [Natoma/Triton II]" },
	{ 0x8086, 0x7113, "Intel Corporation 82371AB/EB/MB PIIX4 ACPI" },
	{ 0x8086, 0x100e,
	  "Intel Corporation 82540EM Gigabit Ethernet Controller" },
	{ 0x1af4, 0x1001, "Red Hat, Inc. Virtio block device" },
};

static const struct {
	u16 class;
	const char *name;
} pci_class_names[] = {
	{ 0x0000, "Non-VGA unclassified device" },
	{ 0x0100, "SCSI storage controller" },
	{ 0x0101, "IDE interface" },
	{ 0x0106, "SATA controller" },
	{ 0x0200, "Ethernet controller" },
	{ 0x0300, "VGA compatible controller" },
	{ 0x0403, "Audio device" },
	{ 0x0600, "Host bridge" },
	{ 0x0601, "ISA bridge" },
	{ 0x0604, "PCI bridge" },
	{ 0x0680, "Bridge" },
	{ 0x0780, "Communication controller" },
	{ 0x0880, "System peripheral" },
	{ 0x0c03, "USB controller" },
	{ 0x00ff, "Unclassified device" },
};

static const char *pci_class_name(unsigned int class)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(pci_class_names); i++)
		if (pci_class_names[i].class == class >> 8)
			return pci_class_names[i].name;
	return "Class";
}

static const char *pci_device_name(const struct pci_dev *dev)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(pci_names); i++)
		if (pci_names[i].vendor == dev->vendor &&
		    pci_names[i].device == dev->device)
			return pci_names[i].name;
	return "Device";
}

/* lspci's sizes: 16, 256K, 1M. */
static void lspci_size(u64 size)
{
	if (size >= SZ_1M && !(size % SZ_1M))
		kprintf(" [size=%lluM]", size >> 20);
	else if (size >= SZ_1K && !(size % SZ_1K))
		kprintf(" [size=%lluK]", size >> 10);
	else
		kprintf(" [size=%llu]", size);
}

static void lspci_details(struct pci_dev *dev)
{
	u16 cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	kprintf("\tFlags: %s", cmd & PCI_COMMAND_MASTER ? "bus master, " : "");
	kprintf("IRQ %u\n", dev->irq);
	for (int i = 0; i < PCI_NUM_RESOURCES; i++) {
		struct resource *r = &dev->resource[i];

		if (!r->flags)
			continue;
		if (i == PCI_ROM_RESOURCE)
			kprintf("\tExpansion ROM at %08llx [disabled]",
				r->start);
		else if (r->flags & IORESOURCE_IO)
			kprintf("\tI/O ports at %04llx", r->start);
		else
			kprintf("\tMemory at %08llx (%s, %sprefetchable)",
				r->start,
				r->flags & IORESOURCE_MEM_64 ? "64-bit" :
							       "32-bit",
				r->flags & IORESOURCE_PREFETCH ? "" : "non-");
		lspci_size(resource_size(r));
		kprintf("\n");
	}
	if (dev->driver)
		kprintf("\tKernel driver in use: %s\n", dev->driver->name);
	kprintf("\n");
}

static int cmd_lspci(int argc, char **argv)
{
	bool verbose = argc == 2 && !strcmp(argv[1], "-v");
	struct pci_dev *dev;

	if (argc > 2 || (argc == 2 && !verbose))
		return shell_usage(argv[0]);
	if (!pci_conf1_present()) {
		kprintf("lspci: no PCI bus (no configuration mechanism answered)\n");
		return -ENODEV;
	}
	list_for_each_entry(dev, &pci_devices, bus_list) {
		kprintf("%02x:%02x.%u %s [%04x]: %s [%04x:%04x]", dev->bus_nr,
			PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn),
			pci_class_name(dev->class), dev->class >> 8,
			pci_device_name(dev), dev->vendor, dev->device);
		if (dev->revision)
			kprintf(" (rev %02x)", dev->revision);
		kprintf("\n");
		if (verbose)
			lspci_details(dev);
	}
	return 0;
}
SHELL_COMMAND(lspci, "[-v]", "the PCI devices: ids, class, BARs, IRQ, driver",
	      SHELL_TOPIC_DEVICES, cmd_lspci,
	      .detail = "The devices the boot found on PCI bus 0 "
			"(configuration type 1, arch/x86/pci/direct.c), as "
			"pciutils' `lspci -nn` prints them: slot, class "
			"[code], vendor and device [ids], revision.  -v adds, "
			"as `lspci -v`: bus master or not, the IRQ (the PIC "
			"line the BIOS routed the INTx pin to), each BAR "
			"(memory or I/O ports, its size) and the driver "
			"bound.  Names come from a small table of QEMU's PC "
			"devices; any other is \"Device\", as lspci says of an "
			"id it does not know.",
	      .see = "cat /proc/iomem, cat /proc/ioports, "
		     "cat /proc/interrupts, bind, edu");

/* "0000:00:04.0" or "00:04.0" -> the device, or NULL after saying so. */
static struct device *find_pci_device(const char *name)
{
	char full[24];
	struct device *dev;

	if (strlen(name) == 7)
		snprintf(full, sizeof(full), "0000:%s", name);
	else
		strscpy(full, name, sizeof(full));
	dev = bus_find_device_by_name(&pci_bus_type, full);
	if (!dev)
		kprintf("no PCI device %s (see lspci)\n", name);
	return dev;
}

static int cmd_bind(int argc, char **argv)
{
	struct device_driver *drv;
	struct device *dev;
	int err;

	if (argc != 3)
		return shell_usage(argv[0]);
	drv = driver_find(argv[1], &pci_bus_type);
	if (!drv) {
		kprintf("no PCI driver called %s\n", argv[1]);
		return -ENODEV;
	}
	dev = find_pci_device(argv[2]);
	if (!dev)
		return -ENODEV;
	err = device_driver_attach(drv, dev);
	if (err == -EBUSY)
		kprintf("%s is already bound to %s\n", dev_name(dev),
			dev->driver ? dev->driver->name : "a driver");
	else if (err == -ENODEV)
		kprintf("%s does not drive %s (its id table does not match)\n",
			drv->name, dev_name(dev));
	else if (err)
		kprintf("probe failed: %d (the managed resources it took were released: see dmesg)\n",
			err);
	else
		kprintf("%s bound to %s: %u managed resources (`devres %s`)\n",
			dev_name(dev), drv->name, devres_count(dev),
			dev_name(dev));
	return err;
}
SHELL_COMMAND(bind, "DRIVER DEVICE", "bind a PCI device to a driver (probe)",
	      SHELL_TOPIC_DEVICES, cmd_bind,
	      .detail = "What writing DEVICE to Linux's /sys/bus/pci/drivers/"
			"DRIVER/bind does: the driver's id table must match "
			"the device (0000:00:04.0, or 00:04.0), then its "
			"probe() runs.  What probe takes through devm_*, "
			"pcim_* and dmam_* is recorded on the device's devres "
			"list; a probe that fails gives it all back, newest "
			"first.  A device that has a driver already is "
			"refused.",
	      .see = "unbind, devres, lspci -v, edu");

static int cmd_unbind(int argc, char **argv)
{
	struct device *dev;
	unsigned int n;

	if (argc != 2)
		return shell_usage(argv[0]);
	dev = find_pci_device(argv[1]);
	if (!dev)
		return -ENODEV;
	if (!dev->driver) {
		kprintf("%s has no driver\n", dev_name(dev));
		return -ENODEV;
	}
	if (dev->driver->suppress_bind_attrs) {
		kprintf("%s: %s cannot be unbound (suppress_bind_attrs: its disk, page cache and flusher stay)\n",
			dev_name(dev), dev->driver->name);
		return -EBUSY;
	}
	n = devres_count(dev);
	device_release_driver(dev);
	/*
	 * The BARs' ioremaps went to the lazy list: purge them now, so a
	 * bind maps them where they were and the vmalloc area is left as
	 * the driver found it (`reset` and the demos compare it).
	 */
	vmalloc_purge();
	kprintf("%s unbound: remove(), then %u managed resources released, newest first\n",
		dev_name(dev), n);
	return 0;
}
SHELL_COMMAND(unbind, "DEVICE", "unbind a PCI device from its driver (remove)",
	      SHELL_TOPIC_DEVICES, cmd_unbind,
	      .detail = "What Linux's .../unbind file does: the driver's "
			"remove() runs, then every managed resource of the "
			"device is released, newest first (with `devres log`, "
			"a DEVRES REL line each).  dma-debug then reports any "
			"DMA mapping the driver left behind.",
	      .see = "bind, devres, dma");

static int cmd_devres(int argc, char **argv)
{
	struct seq_file m = { 0 };
	struct device *dev;

	if (argc == 2 &&
	    (!strcmp(argv[1], "log") || !strcmp(argv[1], "nolog"))) {
		devres_log = !strcmp(argv[1], "log");
		kprintf("DEVRES lines in the log: %s\n",
			devres_log ? "on" : "off");
		return 0;
	}
	if (argc != 2)
		return shell_usage(argv[0]);
	dev = find_pci_device(argv[1]);
	if (!dev)
		return -ENODEV;
	kprintf("%s (%s): %u managed resources, oldest first\n"
		"(unbind releases them from the bottom up)\n",
		dev_name(dev), dev->driver ? dev->driver->name : "no driver",
		devres_count(dev));
	kprintf("  #  release              bytes  what\n");
	devres_show(&m, dev);
	return 0;
}
SHELL_COMMAND(devres, "DEVICE|log|nolog",
	      "a device's managed resources (devm_*), in order",
	      SHELL_TOPIC_DEVICES, cmd_devres,
	      .detail = "devres DEVICE: what its driver took through the "
			"managed interfaces (devm_kmalloc, pcim_iomap, "
			"dmam_alloc_coherent, devm_request_irq...), oldest "
			"first: each one's release function, size and what "
			"it holds.  Unbinding releases them from the bottom "
			"up.  devres log / devres nolog: Linux's DEVRES ADD "
			"and DEVRES REL lines in the log as it happens, or "
			"not.",
	      .see = "bind, unbind, lspci -v, demo dma");
