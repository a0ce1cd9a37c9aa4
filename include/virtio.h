/* SPDX-License-Identifier: GPL-2.0 */
/*
 * virtio.h - virtqueues, as Linux's <linux/virtio.h>: how a driver hands
 * buffers to a virtio device and gets them back (drivers/virtio/).
 *
 *	vq = vp_legacy_setup_vq(vp, 0, done, "requests");
 *	struct scatterlist hdr, data, status, *sgs[] = { &hdr, &data, &status };
 *	err = virtqueue_add_sgs(vq, sgs, 1, 2, req, GFP_NOIO); // 1 out, 2 in
 *	virtqueue_kick(vq);		// the device is told
 *	...
 *	while ((req = virtqueue_get_buf(vq, &len)))	// in done(), IRQ
 *		finish(req);
 *
 * The ring maps each buffer with the DMA API for the device's parent
 * (its PCI function) as it is added and unmaps it as it comes back, so a
 * driver passes pages, highmem ones included, never bus addresses.
 * Callers serialise add, kick and get_buf on one queue with a lock of
 * their own (virtio_blk's vq lock), as in Linux.
 */
#ifndef _VIRTIO_H
#define _VIRTIO_H

#include <device.h>
#include <gfp.h>
#include <scatterlist.h>
#include <types.h>

struct virtqueue {
	const char *name; /* "requests" */
	unsigned int index; /* the queue's number on its device */
	unsigned int num_free; /* descriptors free for new buffers */
	void (*callback)(struct virtqueue *vq); /* buffers came back */
	void *priv; /* the driver's (its device) */
};

/*
 * Offer out_sgs buffers the device reads, then in_sgs it writes, as one
 * chain; data comes back from virtqueue_get_buf().  0, -ENOSPC (not
 * enough free descriptors: wait for some to come back), -ENOMEM (a DMA
 * mapping failed), -EINVAL (no buffer at all).
 */
int virtqueue_add_sgs(struct virtqueue *vq, struct scatterlist *sgs[],
		      unsigned int out_sgs, unsigned int in_sgs, void *data,
		      gfp_t gfp);
/* Tell the device there are new buffers: false if it is broken. */
bool virtqueue_kick(struct virtqueue *vq);
/* The next chain the device is done with (its data), or NULL; *len the
 * bytes it wrote.  Its buffers are unmapped and its descriptors free. */
void *virtqueue_get_buf(struct virtqueue *vq, unsigned int *len);
/* Are there finished chains waiting to be taken? */
bool virtqueue_more_used(const struct virtqueue *vq);
unsigned int virtqueue_get_vring_size(const struct virtqueue *vq);
/* The bus address of the ring (the legacy transport writes its pfn). */
dma_addr_t virtqueue_get_desc_addr(const struct virtqueue *vq);
/* Chains offered and not yet taken back. */
unsigned int virtqueue_in_flight(const struct virtqueue *vq);

/*
 * A new queue of num descriptors for dma_dev (the ring itself coherent
 * memory from it), notify() to kick the device; NULL if no memory.
 */
struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 unsigned long vring_align,
					 struct device *dma_dev,
					 bool (*notify)(struct virtqueue *vq),
					 void (*callback)(struct virtqueue *vq),
					 const char *name);
/* Free it (the device must not use it any more: reset first). */
void vring_del_virtqueue(struct virtqueue *vq);
/* Its interrupt: call the callback if chains came back. */
bool vring_interrupt(struct virtqueue *vq);

#endif /* _VIRTIO_H */
