/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pci.h - PCI devices and their drivers, as Linux's linux/pci.h.
 *
 * At boot the bus is scanned (drivers/pci/probe.c): each function found
 * becomes a struct pci_dev with its identity, its BARs (the address ranges
 * it decodes, sized and printed as Linux does) and its interrupt line, and
 * is added to the driver model.  A driver names the devices it wants in an
 * id table:
 *
 *	static const struct pci_device_id edu_ids[] = {
 *		{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, 0x11e8) },
 *		{ }
 *	};
 *	static struct pci_driver edu_driver = {
 *		.name = "edu", .id_table = edu_ids,
 *		.probe = edu_probe, .remove = edu_remove,
 *	};
 *
 * and its probe enables the device, claims and maps its BARs, and asks
 * for its interrupt:
 *
 *	err = pcim_enable_device(pdev);		// decoding on, undone at unbind
 *	mmio = pcim_iomap(pdev, 0, 0);		// BAR 0, uncached
 *	pci_set_master(pdev);			// it may do DMA
 *	err = devm_request_irq(&pdev->dev, pdev->irq, ...);
 *
 * Deliberately simpler than Linux: bus 0 only (QEMU's i440FX has no
 * bridges), configuration type 1 only, INTx through the firmware's
 * routing (no MSI), no resource assignment (the firmware does it).
 */
#ifndef _PCI_H
#define _PCI_H

#include <asm/io.h>
#include <device.h>
#include <ioport.h>
#include <pci_regs.h>
#include <types.h>

#define PCI_VENDOR_ID_INTEL 0x8086
#define PCI_VENDOR_ID_QEMU 0x1234 /* QEMU's own devices (and Bochs VGA) */
#define PCI_ANY_ID (~0U)

#define PCI_DEVFN(slot, func) ((((slot)&0x1f) << 3) | ((func)&0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn)&0x07)

#define PCI_STD_NUM_BARS 6
#define PCI_ROM_RESOURCE 6 /* resource[6]: the expansion ROM */
#define PCI_NUM_RESOURCES 7

struct pci_dev {
	struct list_head bus_list; /* on the list of all PCI devices */
	unsigned int bus_nr; /* bus number (0 here) */
	unsigned int devfn; /* slot << 3 | function */
	u16 vendor;
	u16 device;
	u16 subsystem_vendor;
	u16 subsystem_device;
	unsigned int class; /* base class, sub-class, prog-if: 0x060000 */
	u8 revision;
	u8 hdr_type; /* 0: a device, 1: a bridge */
	u8 pin; /* INTx pin, 0: none, 1 = A */
	unsigned int irq; /* the PIC line INTx arrives on, 0: none */
	struct resource resource[PCI_NUM_RESOURCES]; /* BARs 0..5, ROM */
	struct device dev; /* its place in the driver model */
	u64 dma_mask; /* dev.dma_mask points here (32 bits at first) */
	unsigned int enable_cnt; /* pci_enable_device() nesting */
	bool is_busmaster; /* PCI_COMMAND_MASTER set by the driver */
	bool is_managed; /* enabled by pcim_enable_device() */
	struct pci_driver *driver; /* bound driver, NULL if none */
};

#define to_pci_dev(d) container_of(d, struct pci_dev, dev)

struct pci_device_id {
	u32 vendor, device; /* PCI_ANY_ID matches any */
	u32 subvendor, subdevice;
	u32 class, class_mask; /* (class & class_mask) must equal */
	unsigned long driver_data; /* for the driver */
};

#define PCI_DEVICE(vend, dev)                                       \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, \
	.subdevice = PCI_ANY_ID

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table; /* ends with an empty entry */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	struct device_driver driver;
};

#define to_pci_driver(drv) container_of(drv, struct pci_driver, driver)

extern struct bus_type pci_bus_type;
/* Every PCI function found at boot, in bus order. */
extern struct list_head pci_devices;

static inline const char *pci_name(const struct pci_dev *pdev)
{
	return dev_name(&pdev->dev);
}

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#define pci_resource_start(dev, bar) ((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar) ((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar) ((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar)                                             \
	((dev)->resource[(bar)].end ? resource_size(&(dev)->resource[(bar)]) : \
				      0)

/* --- configuration space (arch/x86/pci/direct.c) ------------------------ */

/* Read or write `len` (1, 2, 4) bytes at `reg` of bus/devfn: 0 or -EINVAL. */
int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len,
		 u32 *val);
int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len,
		  u32 val);
/* Is configuration type 1 there (probed at boot)? */
bool pci_conf1_present(void);
/* Boot: probe the configuration mechanism; -ENODEV without one. */
int pci_arch_init(void);

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

/* --- using a device (drivers/pci/pci.c) --------------------------------- */

/* Turn on decoding of its BARs and its interrupt: 0 or an errno. */
int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
/* pci_enable_device(), undone when the driver unbinds. */
int pcim_enable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
/* Claim every BAR under `name` (/proc/iomem, /proc/ioports): 0 or -EBUSY. */
int pci_request_regions(struct pci_dev *dev, const char *name);
void pci_release_regions(struct pci_dev *dev);
/* Map a BAR (at most maxlen bytes; 0: all): MMIO or a port cookie. */
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);
/* pci_request_regions() + pci_iomap() of one BAR, undone at unbind. */
void __iomem *pcim_iomap_region(struct pci_dev *dev, int bar, const char *name);

/* The first device with this id after `from` (NULL: the first). */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);

int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);

#endif /* _PCI_H */
