// SPDX-License-Identifier: GPL-2.0
/*
 * virtio_ring.c - split virtqueues (virtio.h, virtio_ring.h): a ring of
 * descriptors in memory the device reads by DMA.
 *
 * Adding a chain: take free descriptors (they are linked through `next`,
 * from free_head), map each buffer with the DMA API and write its bus
 * address, length and direction, put the chain's head in the avail ring,
 * then, after a write barrier, raise avail->idx: the device never sees an
 * index before the entries it covers.  The kick is an I/O write (the
 * legacy transport's QUEUE_NOTIFY), which x86 orders after every store.
 * Taking a chain back: read used->idx, then (after a read barrier) the
 * used entry it covers, unmap the chain's buffers and return its
 * descriptors to the free list.  desc_data[head] remembers the driver's
 * token for each chain in flight.
 *
 * Invariants: num_free + descriptors in flight == num; every descriptor
 * in flight is mapped exactly once and unmapped when its chain returns.
 * The ring and its bookkeeping come from dma_alloc_coherent() and
 * kmalloc() once, at setup: adding and taking chains allocates nothing,
 * so the disk's I/O path never asks the page allocator for memory (which
 * could ask the disk to write pages: reclaim).
 *
 * Simpler than Linux: no indirect descriptors, no event index (the device
 * interrupts at every completion and is kicked at every add), no packed
 * rings; every queue uses the DMA API.
 */
#include <asm/barrier.h>
#include <dma-mapping.h>
#include <errno.h>
#include <kernel.h>
#include <slab.h>
#include <virtio.h>
#include <virtio_ring.h>

struct vring_virtqueue {
	struct virtqueue vq;
	struct vring vring; /* the three parts, in `queue` */
	void *queue; /* the coherent area (CPU address) */
	dma_addr_t queue_dma; /* ... and the device's */
	size_t queue_size_in_bytes;
	struct device *dma_dev; /* whose DMA API maps buffers */
	bool (*notify)(struct virtqueue *vq);
	bool broken; /* a mapping or the device failed: refuse all */
	u16 free_head; /* first free descriptor */
	u16 avail_idx_shadow; /* our copy of avail->idx */
	u16 last_used_idx; /* the next used entry to read */
	unsigned int in_flight; /* chains offered, not yet taken */
	void **desc_data; /* token of the chain whose head is i */
};

#define to_vvq(_vq) container_of(_vq, struct vring_virtqueue, vq)

static enum dma_data_direction vring_dir(u16 flags)
{
	return (flags & VRING_DESC_F_WRITE) ? DMA_FROM_DEVICE : DMA_TO_DEVICE;
}

/* Unmap the chain starting at head and free it: how many descriptors. */
static unsigned int vring_detach(struct vring_virtqueue *vq, u16 head)
{
	struct vring_desc *desc = vq->vring.desc;
	unsigned int n = 1;
	u16 i = head;

	for (;;) {
		dma_unmap_page(vq->dma_dev, (dma_addr_t)desc[i].addr,
			       desc[i].len, vring_dir(desc[i].flags));
		if (!(desc[i].flags & VRING_DESC_F_NEXT))
			break;
		i = desc[i].next;
		n++;
	}
	desc[i].next = vq->free_head;
	vq->free_head = head;
	vq->vq.num_free += n;
	vq->desc_data[head] = NULL;
	return n;
}

int virtqueue_add_sgs(struct virtqueue *_vq, struct scatterlist *sgs[],
		      unsigned int out_sgs, unsigned int in_sgs, void *data,
		      gfp_t gfp)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	struct vring_desc *desc = vq->vring.desc;
	unsigned int total = 0, mapped = 0;
	u16 head = vq->free_head, i = head, prev = head;

	for (unsigned int s = 0; s < out_sgs + in_sgs; s++)
		for (struct scatterlist *sg = sgs[s]; sg; sg = sg_next(sg))
			total++;
	if (!total || !data || vq->broken)
		return -EINVAL;
	if (total > vq->vq.num_free)
		return -ENOSPC;
	for (unsigned int s = 0; s < out_sgs + in_sgs; s++) {
		enum dma_data_direction dir = s < out_sgs ? DMA_TO_DEVICE :
							    DMA_FROM_DEVICE;

		for (struct scatterlist *sg = sgs[s]; sg; sg = sg_next(sg)) {
			dma_addr_t addr = dma_map_page(vq->dma_dev, sg_page(sg),
						       sg->offset, sg->length,
						       dir);

			if (dma_mapping_error(vq->dma_dev, addr))
				goto unmap;
			desc[i].addr = addr;
			desc[i].len = sg->length;
			desc[i].flags = VRING_DESC_F_NEXT |
					(dir == DMA_FROM_DEVICE ?
						 VRING_DESC_F_WRITE :
						 0);
			prev = i;
			i = desc[i].next;
			mapped++;
		}
	}
	desc[prev].flags &= (u16)~VRING_DESC_F_NEXT;
	vq->free_head = i;
	vq->vq.num_free -= total;
	vq->desc_data[head] = data;
	vq->vring.avail->ring[vq->avail_idx_shadow & (vq->vring.num - 1)] =
		head;
	/* The entries before the index that publishes them. */
	dma_wmb();
	vq->avail_idx_shadow++;
	WRITE_ONCE(vq->vring.avail->idx, vq->avail_idx_shadow);
	vq->in_flight++;
	return 0;

unmap:
	/* Undo the mappings made so far; the descriptors stay free. */
	for (i = head; mapped--; i = desc[i].next)
		dma_unmap_page(vq->dma_dev, (dma_addr_t)desc[i].addr,
			       desc[i].len, vring_dir(desc[i].flags));
	return -ENOMEM;
}

bool virtqueue_kick(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (unlikely(vq->broken))
		return false;
	if (!vq->notify(_vq)) {
		vq->broken = true;
		return false;
	}
	return true;
}

bool virtqueue_more_used(const struct virtqueue *_vq)
{
	const struct vring_virtqueue *vq =
		container_of(_vq, struct vring_virtqueue, vq);

	return vq->last_used_idx != READ_ONCE(vq->vring.used->idx);
}

void *virtqueue_get_buf(struct virtqueue *_vq, unsigned int *len)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	struct vring_used_elem *elem;
	void *data;
	u32 id;

	if (!virtqueue_more_used(_vq))
		return NULL;
	/* The entry only after the index that says it is there. */
	dma_rmb();
	elem = &vq->vring.used->ring[vq->last_used_idx & (vq->vring.num - 1)];
	id = READ_ONCE(elem->id);
	if (unlikely(id >= vq->vring.num || !vq->desc_data[id])) {
		dev_err(vq->dma_dev,
			"virtqueue %s: id %u is not a buffer in flight\n",
			vq->vq.name, id);
		vq->broken = true;
		return NULL;
	}
	if (len)
		*len = READ_ONCE(elem->len);
	data = vq->desc_data[id];
	vring_detach(vq, (u16)id);
	vq->last_used_idx++;
	vq->in_flight--;
	return data;
}

unsigned int virtqueue_get_vring_size(const struct virtqueue *_vq)
{
	return container_of(_vq, struct vring_virtqueue, vq)->vring.num;
}

dma_addr_t virtqueue_get_desc_addr(const struct virtqueue *_vq)
{
	return container_of(_vq, struct vring_virtqueue, vq)->queue_dma;
}

unsigned int virtqueue_in_flight(const struct virtqueue *_vq)
{
	return container_of(_vq, struct vring_virtqueue, vq)->in_flight;
}

bool vring_interrupt(struct virtqueue *_vq)
{
	if (!virtqueue_more_used(_vq))
		return false;
	if (_vq->callback)
		_vq->callback(_vq);
	return true;
}

struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 unsigned long vring_align,
					 struct device *dma_dev,
					 bool (*notify)(struct virtqueue *vq),
					 void (*callback)(struct virtqueue *vq),
					 const char *name)
{
	struct vring_virtqueue *vq;

	if (!num || num > 32768 || (num & (num - 1))) {
		dev_err(dma_dev, "virtqueue %s: bad size %u\n", name, num);
		return NULL;
	}
	vq = kzalloc(sizeof(*vq), GFP_KERNEL);
	if (!vq)
		return NULL;
	vq->desc_data = kcalloc(num, sizeof(void *), GFP_KERNEL);
	vq->queue_size_in_bytes = vring_size(num, vring_align);
	vq->queue = dma_alloc_coherent(dma_dev, vq->queue_size_in_bytes,
				       &vq->queue_dma, GFP_KERNEL);
	if (!vq->desc_data || !vq->queue) {
		if (vq->queue)
			dma_free_coherent(dma_dev, vq->queue_size_in_bytes,
					  vq->queue, vq->queue_dma);
		kfree(vq->desc_data);
		kfree(vq);
		return NULL;
	}
	vring_init(&vq->vring, num, vq->queue, vring_align);
	for (unsigned int i = 0; i + 1 < num; i++)
		vq->vring.desc[i].next = (u16)(i + 1);
	vq->vq.name = name;
	vq->vq.index = index;
	vq->vq.num_free = num;
	vq->vq.callback = callback;
	vq->dma_dev = dma_dev;
	vq->notify = notify;
	return &vq->vq;
}

void vring_del_virtqueue(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	/* Chains the device never finished: give their mappings back. */
	for (unsigned int i = 0; i < vq->vring.num; i++)
		if (vq->desc_data[i])
			vring_detach(vq, (u16)i);
	dma_free_coherent(vq->dma_dev, vq->queue_size_in_bytes, vq->queue,
			  vq->queue_dma);
	kfree(vq->desc_data);
	kfree(vq);
}
