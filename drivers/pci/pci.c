// SPDX-License-Identifier: GPL-2.0
/*
 * pci.c - what a driver does with its PCI device (Linux's
 * drivers/pci/pci.c, pci_iomap.c and the managed pcim_ functions).
 *
 * A device found at boot decodes nothing until its driver asks:
 * pci_enable_device() sets the I/O and memory decode bits of its command
 * register for the kinds of BARs it has (Linux's "enabling device (0000 ->
 * 0002)"), and makes sure its INTx line is level-triggered at the PIC;
 * pci_set_master() lets it start DMA.  pci_request_regions() claims its
 * BARs for the driver (nested under the BAR claims of the boot scan in
 * /proc/iomem), pci_iomap() maps one: ioremap() for memory, a port cookie
 * for I/O ports, both read with ioread32() and friends.  The pcim_
 * versions register their undo with devres, so an unbind (or a failed
 * probe) disables the device and gives the regions back by itself.
 */
#include <asm/irq.h>
#include <errno.h>
#include <kernel.h>
#include <pci.h>
#include <printk.h>
#include <seq_file.h>
#include <vmalloc.h>

/* --- configuration space, by device --------------------------------------- */

#define PCI_CONFIG_ACCESSOR(name, type, len)                                   \
	int pci_read_config_##name(const struct pci_dev *dev, int where,       \
				   type *val)                                  \
	{                                                                      \
		u32 v;                                                         \
		int ret =                                                      \
			raw_pci_read(dev->bus_nr, dev->devfn, where, len, &v); \
		*val = (type)v;                                                \
		return ret;                                                    \
	}                                                                      \
	int pci_write_config_##name(const struct pci_dev *dev, int where,      \
				    type val)                                  \
	{                                                                      \
		return raw_pci_write(dev->bus_nr, dev->devfn, where, len,      \
				     val);                                     \
	}

PCI_CONFIG_ACCESSOR(byte, u8, 1)
PCI_CONFIG_ACCESSOR(word, u16, 2)
PCI_CONFIG_ACCESSOR(dword, u32, 4)

/* --- enabling ------------------------------------------------------------- */

/* Decode the kinds of BARs the device has (Linux's pci_enable_resources). */
static int pci_enable_resources(struct pci_dev *dev)
{
	u16 cmd, old;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	old = cmd;
	for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
		struct resource *r = &dev->resource[i];

		if (r->flags & IORESOURCE_UNSET) {
			dev_err(&dev->dev,
				"can't enable device: BAR %d not assigned\n",
				i);
			return -EINVAL;
		}
		if (r->flags & IORESOURCE_IO)
			cmd |= PCI_COMMAND_IO;
		if (r->flags & IORESOURCE_MEM)
			cmd |= PCI_COMMAND_MEMORY;
	}
	if (cmd != old) {
		dev_info(&dev->dev, "enabling device (%04x -> %04x)\n", old,
			 cmd);
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	}
	return 0;
}

int pci_enable_device(struct pci_dev *dev)
{
	int err;

	if (dev->enable_cnt++)
		return 0;
	err = pci_enable_resources(dev);
	if (err) {
		dev->enable_cnt--;
		return err;
	}
	if (dev->pin && dev->irq) {
		/* INTx is level-triggered and may be shared (irq.c). */
		elcr_set_level_irq(dev->irq);
		dev_info(&dev->dev, "PCI INT %c -> IRQ %u\n",
			 'A' + dev->pin - 1, dev->irq);
	}
	return 0;
}

void pci_disable_device(struct pci_dev *dev)
{
	if (!dev->enable_cnt) {
		dev_WARN(&dev->dev, "disabling already-disabled device\n");
		return;
	}
	if (--dev->enable_cnt)
		return;
	/* Linux stops DMA; decoding stays as the firmware may need it. */
	pci_clear_master(dev);
}

static void __pci_set_master(struct pci_dev *dev, bool enable)
{
	u16 old, cmd;

	pci_read_config_word(dev, PCI_COMMAND, &old);
	cmd = enable ? (old | PCI_COMMAND_MASTER) : (old & ~PCI_COMMAND_MASTER);
	if (cmd != old)
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	dev->is_busmaster = enable;
}

void pci_set_master(struct pci_dev *dev)
{
	__pci_set_master(dev, true);
}

void pci_clear_master(struct pci_dev *dev)
{
	__pci_set_master(dev, false);
}

/* --- regions and mappings ------------------------------------------------- */

static void pci_release_region(struct pci_dev *dev, int bar)
{
	struct resource *r = &dev->resource[bar];

	if (!pci_resource_len(dev, bar) || !r->child)
		return;
	if (r->flags & IORESOURCE_IO)
		release_region(r->start, resource_size(r));
	else
		release_mem_region(r->start, resource_size(r));
}

/* Claim one BAR for the driver: 0 or -EBUSY. */
static int pci_request_region(struct pci_dev *dev, int bar, const char *name)
{
	struct resource *r = &dev->resource[bar], *got;
	char buf[64];

	if (!pci_resource_len(dev, bar))
		return 0;
	if (r->flags & IORESOURCE_IO)
		got = request_region(r->start, resource_size(r), name);
	else
		got = request_mem_region(r->start, resource_size(r), name);
	if (got)
		return 0;
	resource_str(buf, sizeof(buf), r);
	dev_warn(&dev->dev, "BAR %d: can't reserve %s\n", bar, buf);
	return -EBUSY;
}

int pci_request_regions(struct pci_dev *dev, const char *name)
{
	for (int bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (pci_request_region(dev, bar, name)) {
			while (bar--)
				pci_release_region(dev, bar);
			return -EBUSY;
		}
	}
	return 0;
}

void pci_release_regions(struct pci_dev *dev)
{
	for (int bar = 0; bar < PCI_STD_NUM_BARS; bar++)
		pci_release_region(dev, bar);
}

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	resource_size_t start, len;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS)
		return NULL;
	start = pci_resource_start(dev, bar);
	len = pci_resource_len(dev, bar);
	if (!len || !start)
		return NULL;
	if (maxlen && len > maxlen)
		len = maxlen;
	if (pci_resource_flags(dev, bar) & IORESOURCE_IO)
		return ioport_map((unsigned long)start, (unsigned int)len);
	return ioremap(start, (unsigned long)len);
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	if (is_vmalloc_addr(addr))
		iounmap(addr);
	else
		ioport_unmap(addr);
}

/* --- managed: undone by devres when the driver unbinds -------------------- */

static void pcim_disable(void *data)
{
	struct pci_dev *dev = data;

	dev->is_managed = false;
	pci_disable_device(dev);
}

int pcim_enable_device(struct pci_dev *dev)
{
	int err = pci_enable_device(dev);

	if (err)
		return err;
	dev->is_managed = true;
	return devm_add_action_or_reset(&dev->dev, pcim_disable, dev);
}

struct pcim_iomap_devres {
	struct pci_dev *dev;
	int bar;
	void __iomem *addr;
};

static void pcim_iomap_release(struct device *gendev, void *res)
{
	struct pcim_iomap_devres *this = res;

	pci_iounmap(this->dev, this->addr);
	pci_release_region(this->dev, this->bar);
}

static void pcim_iomap_show(struct seq_file *m, void *res)
{
	struct pcim_iomap_devres *this = res;
	char buf[64];

	resource_str(buf, sizeof(buf), &this->dev->resource[this->bar]);
	seq_printf(m, "BAR %d %s", this->bar, buf);
}

void __iomem *pcim_iomap_region(struct pci_dev *dev, int bar, const char *name)
{
	struct pcim_iomap_devres *res =
		devres_alloc(pcim_iomap_release, sizeof(*res), GFP_KERNEL);

	if (!res)
		return NULL;
	if (pci_request_region(dev, bar, name))
		goto err_free;
	res->addr = pci_iomap(dev, bar, 0);
	if (!res->addr) {
		pci_release_region(dev, bar);
		goto err_free;
	}
	res->dev = dev;
	res->bar = bar;
	devres_set_show(res, pcim_iomap_show);
	devres_add(&dev->dev, res);
	return res->addr;

err_free:
	devres_free(res);
	return NULL;
}
