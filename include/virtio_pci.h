/* SPDX-License-Identifier: GPL-2.0 */
/*
 * virtio_pci.h - the legacy ("0.9.5") virtio PCI transport: a virtio
 * device's registers in its I/O port BAR 0 (drivers/virtio/
 * virtio_pci_legacy.c; Linux's virtio_pci_legacy_dev.c).
 *
 *	0x00 device features (32 bits)	0x04 driver features (32)
 *	0x08 queue pfn (32)		0x0c queue size (16, read-only)
 *	0x0e queue select (16)		0x10 queue notify (16)
 *	0x12 device status (8)		0x13 ISR status (8, read clears)
 *	0x14 the device's own configuration (virtio-blk: capacity ...)
 *
 * A queue is chosen by writing QUEUE_SEL; the device says its size; the
 * driver gives it the page frame number of a ring it laid out with
 * VIRTIO_PCI_VRING_ALIGN.  Writing status 0 resets the device.
 */
#ifndef _VIRTIO_PCI_H
#define _VIRTIO_PCI_H

#include <pci.h>
#include <types.h>
#include <virtio.h>

#define PCI_VENDOR_ID_REDHAT_QUMRANET 0x1af4
/* Transitional device ids: 0x1000 + the virtio device type - 1. */
#define VIRTIO_TRANS_ID_BLOCK 0x1001

#define VIRTIO_PCI_HOST_FEATURES 0x00
#define VIRTIO_PCI_GUEST_FEATURES 0x04
#define VIRTIO_PCI_QUEUE_PFN 0x08
#define VIRTIO_PCI_QUEUE_NUM 0x0c
#define VIRTIO_PCI_QUEUE_SEL 0x0e
#define VIRTIO_PCI_QUEUE_NOTIFY 0x10
#define VIRTIO_PCI_STATUS 0x12
#define VIRTIO_PCI_ISR 0x13
#define VIRTIO_PCI_CONFIG_OFF 0x14 /* without MSI-X */
#define VIRTIO_PCI_QUEUE_ADDR_SHIFT 12
#define VIRTIO_PCI_ISR_QUEUE 0x1 /* a queue has used buffers */
#define VIRTIO_PCI_ISR_CONFIG 0x2 /* the configuration changed */

/* Device status bits (the order a driver sets them in). */
#define VIRTIO_CONFIG_S_ACKNOWLEDGE 1 /* a driver saw the device */
#define VIRTIO_CONFIG_S_DRIVER 2 /* ... and knows how to drive it */
#define VIRTIO_CONFIG_S_DRIVER_OK 4 /* ready: queues are live */
#define VIRTIO_CONFIG_S_FAILED 0x80 /* the driver gave up */

struct virtio_pci_legacy_device {
	struct pci_dev *pdev;
	void __iomem *ioaddr; /* BAR 0, an I/O port cookie */
	u32 features; /* what both sides agreed on */
};

/* Map BAR 0 (managed: undone at unbind), reset: 0 or -errno. */
int vp_legacy_probe(struct virtio_pci_legacy_device *ldev, struct pci_dev *pdev,
		    const char *name);
u32 vp_legacy_get_features(struct virtio_pci_legacy_device *ldev);
void vp_legacy_set_features(struct virtio_pci_legacy_device *ldev,
			    u32 features);
u8 vp_legacy_get_status(struct virtio_pci_legacy_device *ldev);
void vp_legacy_set_status(struct virtio_pci_legacy_device *ldev, u8 status);
void vp_legacy_add_status(struct virtio_pci_legacy_device *ldev, u8 status);
/* Status 0, then read it back: the device forgets its queues. */
void vp_legacy_reset(struct virtio_pci_legacy_device *ldev);
/* Read (reading clears) the interrupt status: VIRTIO_PCI_ISR_* bits. */
u8 vp_legacy_get_queue_intr(struct virtio_pci_legacy_device *ldev);
/* Bytes of the device's own configuration space. */
void vp_legacy_get_config(struct virtio_pci_legacy_device *ldev,
			  unsigned int offset, void *buf, unsigned int len);
/* Queue index: a ring of the device's size given to it, or NULL. */
struct virtqueue *vp_legacy_setup_vq(struct virtio_pci_legacy_device *ldev,
				     unsigned int index,
				     void (*callback)(struct virtqueue *vq),
				     const char *name);
/* Take the ring back from the device (reset it first) and free it. */
void vp_legacy_del_vq(struct virtio_pci_legacy_device *ldev,
		      struct virtqueue *vq);

static inline bool virtio_has_feature(const struct virtio_pci_legacy_device *l,
				      unsigned int bit)
{
	return l->features & (1U << bit);
}

#endif /* _VIRTIO_PCI_H */
