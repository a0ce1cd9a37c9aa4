/* SPDX-License-Identifier: GPL-2.0 */
/*
 * virtio_ring.h - the split virtqueue as the device sees it in memory
 * (the virtio 1.x specification, section 2.7; Linux's
 * uapi/linux/virtio_ring.h), the layout both sides agree on.
 *
 * Three parts in one physically contiguous area, legacy-aligned:
 *
 *	desc[num]      16 bytes each: a buffer's bus address, its length,
 *	               flags (NEXT: the chain goes on at `next`; WRITE: the
 *	               device writes it), the next descriptor's index
 *	avail          the driver's ring: flags, idx (where the driver will
 *	               write next), ring[num] (heads of chains it offers)
 *	(padding to the next 4 KB boundary)
 *	used           the device's ring: flags, idx, ring[num] of {id: the
 *	               head of a chain it is done with, len: bytes it wrote}
 *
 * The indexes run freely (u16, wrapping); slot = idx % num.  The driver
 * writes descriptors and avail ring entries, then avail->idx; the device
 * writes used ring entries, then used->idx.  Each side only reads what the
 * other published, after reading its index.
 */
#ifndef _VIRTIO_RING_H
#define _VIRTIO_RING_H

#include <types.h>

#define VRING_DESC_F_NEXT 1 /* the chain continues at desc.next */
#define VRING_DESC_F_WRITE 2 /* the device writes this buffer */
#define VRING_AVAIL_F_NO_INTERRUPT 1 /* the driver needs no interrupt */
#define VRING_USED_F_NO_NOTIFY 1 /* the device needs no kick */

struct vring_desc {
	u64 addr; /* bus address of the buffer */
	u32 len; /* its length in bytes */
	u16 flags; /* VRING_DESC_F_* */
	u16 next; /* the next descriptor, with VRING_DESC_F_NEXT */
};

struct vring_avail {
	u16 flags; /* VRING_AVAIL_F_* */
	u16 idx; /* where the driver puts the next entry (free running) */
	u16 ring[]; /* heads of offered chains */
};

struct vring_used_elem {
	u32 id; /* the head of a finished chain */
	u32 len; /* bytes the device wrote into it */
};

struct vring_used {
	u16 flags; /* VRING_USED_F_* */
	u16 idx; /* where the device puts the next entry */
	struct vring_used_elem ring[];
};

struct vring {
	unsigned int num; /* descriptors: a power of two */
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
};

/* The legacy PCI transport's alignment of the used ring. */
#define VIRTIO_PCI_VRING_ALIGN 4096

/* Bytes of the whole ring for num descriptors, used ring aligned. */
static inline unsigned long vring_size(unsigned int num, unsigned long align)
{
	unsigned long avail_end = 16UL * num + 2UL * (3 + num);

	return ((avail_end + align - 1) & ~(align - 1)) + 2UL * 3 + 8UL * num;
}

/* Lay the three parts out at p (the avail ring right after desc). */
static inline void vring_init(struct vring *vr, unsigned int num, void *p,
			      unsigned long align)
{
	unsigned long avail_end;

	vr->num = num;
	vr->desc = p;
	vr->avail = (struct vring_avail *)((char *)p + 16UL * num);
	avail_end = (unsigned long)&vr->avail->ring[num] + sizeof(u16);
	vr->used =
		(struct vring_used *)((avail_end + align - 1) & ~(align - 1));
}

#endif /* _VIRTIO_RING_H */
