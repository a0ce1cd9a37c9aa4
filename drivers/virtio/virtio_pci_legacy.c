// SPDX-License-Identifier: GPL-2.0
/*
 * virtio_pci_legacy.c - the legacy virtio PCI transport (virtio_pci.h):
 * a virtio device's registers in I/O ports, its rings given by pfn.
 *
 * Why legacy and not the "modern" (virtio 1.0) interface QEMU's
 * transitional devices offer too: its registers are one I/O port range
 * at fixed offsets, where modern's are found by walking vendor
 * capabilities in configuration space to regions of several memory BARs
 * (four structures, a notify multiplier); features are 32 bits, the ring
 * one physically contiguous area given by its pfn.  Everything this
 * kernel's lesson needs (a ring of descriptors, DMA, an interrupt) is the
 * same in both; Debian's Linux drives the same QEMU device through the
 * modern interface, which it prefers, and both see the same disk.
 *
 * Everything lives in one driver's struct: there is no virtio bus here
 * (Linux's virtio_pci registers a virtio device that virtio_blk binds
 * to); virtio_blk is the PCI driver and calls these helpers.
 */
#include <asm/io.h>
#include <dma-mapping.h>
#include <errno.h>
#include <kernel.h>
#include <virtio_pci.h>
#include <virtio_ring.h>

static void __iomem *vp_reg(struct virtio_pci_legacy_device *ldev,
			    unsigned int reg)
{
	return (char __iomem *)ldev->ioaddr + reg;
}

int vp_legacy_probe(struct virtio_pci_legacy_device *ldev, struct pci_dev *pdev,
		    const char *name)
{
	ldev->pdev = pdev;
	if (!(pci_resource_flags(pdev, 0) & IORESOURCE_IO)) {
		dev_err(&pdev->dev,
			"BAR 0 is not I/O ports: not a legacy virtio device\n");
		return -ENODEV;
	}
	ldev->ioaddr = pcim_iomap_region(pdev, 0, name);
	if (!ldev->ioaddr)
		return -EBUSY;
	vp_legacy_reset(ldev);
	return 0;
}

u32 vp_legacy_get_features(struct virtio_pci_legacy_device *ldev)
{
	return ioread32(vp_reg(ldev, VIRTIO_PCI_HOST_FEATURES));
}

void vp_legacy_set_features(struct virtio_pci_legacy_device *ldev, u32 features)
{
	ldev->features = features;
	iowrite32(features, vp_reg(ldev, VIRTIO_PCI_GUEST_FEATURES));
}

u8 vp_legacy_get_status(struct virtio_pci_legacy_device *ldev)
{
	return ioread8(vp_reg(ldev, VIRTIO_PCI_STATUS));
}

void vp_legacy_set_status(struct virtio_pci_legacy_device *ldev, u8 status)
{
	iowrite8(status, vp_reg(ldev, VIRTIO_PCI_STATUS));
}

void vp_legacy_add_status(struct virtio_pci_legacy_device *ldev, u8 status)
{
	vp_legacy_set_status(ldev, vp_legacy_get_status(ldev) | status);
}

void vp_legacy_reset(struct virtio_pci_legacy_device *ldev)
{
	vp_legacy_set_status(ldev, 0);
	/* The read flushes the write: the reset is done when it returns. */
	(void)vp_legacy_get_status(ldev);
}

u8 vp_legacy_get_queue_intr(struct virtio_pci_legacy_device *ldev)
{
	return ioread8(vp_reg(ldev, VIRTIO_PCI_ISR));
}

void vp_legacy_get_config(struct virtio_pci_legacy_device *ldev,
			  unsigned int offset, void *buf, unsigned int len)
{
	u8 *p = buf;

	for (unsigned int i = 0; i < len; i++)
		p[i] = ioread8(
			vp_reg(ldev, VIRTIO_PCI_CONFIG_OFF + offset + i));
}

/* A kick: the queue's index written to QUEUE_NOTIFY. */
static bool vp_notify(struct virtqueue *vq)
{
	struct virtio_pci_legacy_device *ldev = vq->priv;

	iowrite16((u16)vq->index, vp_reg(ldev, VIRTIO_PCI_QUEUE_NOTIFY));
	return true;
}

struct virtqueue *vp_legacy_setup_vq(struct virtio_pci_legacy_device *ldev,
				     unsigned int index,
				     void (*callback)(struct virtqueue *vq),
				     const char *name)
{
	struct device *dev = &ldev->pdev->dev;
	struct virtqueue *vq;
	unsigned int num;
	u64 pfn;

	iowrite16((u16)index, vp_reg(ldev, VIRTIO_PCI_QUEUE_SEL));
	num = ioread16(vp_reg(ldev, VIRTIO_PCI_QUEUE_NUM));
	if (!num || ioread32(vp_reg(ldev, VIRTIO_PCI_QUEUE_PFN))) {
		dev_err(dev, "queue %u: %s\n", index,
			num ? "already in use" : "does not exist");
		return NULL;
	}
	vq = vring_create_virtqueue(index, num, VIRTIO_PCI_VRING_ALIGN, dev,
				    vp_notify, callback, name);
	if (!vq)
		return NULL;
	vq->priv = ldev;
	pfn = virtqueue_get_desc_addr(vq) >> VIRTIO_PCI_QUEUE_ADDR_SHIFT;
	/* The register is 32 bits: 44 bits of address, far above i386's. */
	iowrite32((u32)pfn, vp_reg(ldev, VIRTIO_PCI_QUEUE_PFN));
	return vq;
}

void vp_legacy_del_vq(struct virtio_pci_legacy_device *ldev,
		      struct virtqueue *vq)
{
	iowrite16((u16)vq->index, vp_reg(ldev, VIRTIO_PCI_QUEUE_SEL));
	iowrite32(0, vp_reg(ldev, VIRTIO_PCI_QUEUE_PFN));
	vring_del_virtqueue(vq);
}
