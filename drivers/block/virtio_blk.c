// SPDX-License-Identifier: GPL-2.0
/*
 * virtio_blk.c - QEMU's virtio disk (-drive file=disk.img,if=virtio), on
 * the legacy virtio PCI interface (drivers/virtio/virtio_pci_legacy.c
 * says why legacy), as the block device vda.
 *
 * A request is a chain of buffers in the device's one queue: a header
 * the device reads (type: read, write or flush; the first sector), the
 * data pages (the device reads them for a write, writes them for a read)
 * and a status byte it writes (0 OK, 1 I/O error, 2 unsupported).  The
 * queue maps every buffer with the DMA API for this PCI function, so the
 * data pages may be the page cache's highmem pages as they are.  The
 * device takes the chain at the kick (an I/O port write), does the I/O
 * on the image file, puts the chain's head in its used ring and raises
 * its interrupt (INTx, shared, as the edu device's); the handler takes
 * every finished chain and ends its bio.
 *
 * Requests are preallocated at probe (VIRTBLK_NR_REQS of them, headers
 * and status bytes included): submitting a bio allocates nothing, so the
 * disk path never waits for memory, which reclaim might only free by
 * writing to this disk.  A submitter that finds no free request, or not
 * enough free descriptors for its chain, sleeps until the interrupt
 * brings some back (Linux's blk-mq waits for a tag the same way).
 *
 * Simpler than Linux: one queue, no request queue or merging (bios go
 * straight to virtblk_submit_bio()), no MSI-X, no discard, no serial
 * number; the disk never changes size or goes away.
 */
#include <asm/io.h>
#include <blkdev.h>
#include <dma-mapping.h>
#include <errno.h>
#include <init.h>
#include <interrupt.h>
#include <kernel.h>
#include <pci.h>
#include <printk.h>
#include <slab.h>
#include <spinlock.h>
#include <sprintf.h>
#include <virtio.h>
#include <virtio_pci.h>
#include <wait.h>

/* Feature bits (virtio-blk's, the specification's numbers). */
#define VIRTIO_BLK_F_SIZE_MAX 1 /* one buffer is at most size_max bytes */
#define VIRTIO_BLK_F_SEG_MAX 2 /* a request has at most seg_max buffers */
#define VIRTIO_BLK_F_RO 5 /* the disk is read-only */
#define VIRTIO_BLK_F_BLK_SIZE 6 /* its logical block size */
#define VIRTIO_BLK_F_FLUSH 9 /* it has a write cache to flush */

/* Its configuration space (after the legacy registers). */
#define VIRTIO_BLK_CFG_CAPACITY 0 /* u64: 512-byte sectors */
#define VIRTIO_BLK_CFG_SEG_MAX 12 /* u32 */

#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_T_FLUSH 4
#define VIRTIO_BLK_S_OK 0
#define VIRTIO_BLK_S_IOERR 1
#define VIRTIO_BLK_S_UNSUPP 2

#define VIRTBLK_NR_REQS 64 /* requests in flight at most */

struct virtio_blk_outhdr {
	u32 type; /* VIRTIO_BLK_T_* */
	u32 ioprio; /* ignored by QEMU */
	u64 sector; /* the first 512-byte sector */
};

struct virtblk_req {
	struct virtio_blk_outhdr out_hdr; /* the device reads it */
	u8 status; /* ... writes it */
	struct bio *bio; /* what it carries */
	struct list_head list; /* free, or done in the handler */
	struct scatterlist hdr, status_sg, data[BIO_MAX_VECS];
};

struct virtio_blk {
	struct virtio_pci_legacy_device ldev;
	struct virtqueue *vq;
	spinlock_t vq_lock; /* the queue and the free requests */
	wait_queue_head_t wait; /* for a free request or descriptors */
	struct list_head free_reqs;
	struct virtblk_req *reqs; /* VIRTBLK_NR_REQS of them */
	struct gendisk *disk;
	unsigned int index; /* vda, vdb ... */
	unsigned long irqs; /* interrupts that were ours */
};

static unsigned int virtblk_next_index;

static struct virtblk_req *virtblk_get_req(struct virtio_blk *vblk)
{
	struct virtblk_req *req = NULL;
	unsigned long flags;

	wait_event(vblk->wait, ({
			   spin_lock_irqsave(&vblk->vq_lock, flags);
			   if (!list_empty(&vblk->free_reqs)) {
				   req = list_first_entry(&vblk->free_reqs,
							  struct virtblk_req,
							  list);
				   list_del(&req->list);
			   }
			   spin_unlock_irqrestore(&vblk->vq_lock, flags);
			   req != NULL;
		   }));
	return req;
}

static void virtblk_put_req(struct virtio_blk *vblk, struct virtblk_req *req)
{
	unsigned long flags;

	spin_lock_irqsave(&vblk->vq_lock, flags);
	list_add(&req->list, &vblk->free_reqs);
	spin_unlock_irqrestore(&vblk->vq_lock, flags);
}

/* Header, data, status as a scatterlist per part: how many parts out. */
static unsigned int virtblk_setup_sgs(struct virtblk_req *req,
				      struct scatterlist *sgs[3],
				      unsigned int *nr_in)
{
	struct bio *bio = req->bio;
	unsigned int out = 1, in = 1, n = 0;

	sg_init_table(&req->hdr, 1);
	sg_set_buf(&req->hdr, &req->out_hdr, sizeof(req->out_hdr));
	sg_init_table(&req->status_sg, 1);
	sg_set_buf(&req->status_sg, &req->status, sizeof(req->status));
	sgs[n++] = &req->hdr;
	if (bio->bi_vcnt) {
		sg_init_table(req->data, bio->bi_vcnt);
		for (unsigned int i = 0; i < bio->bi_vcnt; i++)
			sg_set_page(&req->data[i], bio->bi_io_vec[i].bv_page,
				    bio->bi_io_vec[i].bv_len,
				    bio->bi_io_vec[i].bv_offset);
		sgs[n++] = req->data;
		if (bio_op(bio) == REQ_OP_WRITE)
			out++;
		else
			in++;
	}
	sgs[n] = &req->status_sg;
	*nr_in = in;
	return out;
}

static void virtblk_submit_bio(struct bio *bio)
{
	struct virtio_blk *vblk = bio->bi_bdev->bd_disk->private_data;
	unsigned int need = bio->bi_vcnt + 2, out, in;
	struct scatterlist *sgs[3];
	struct virtblk_req *req;
	unsigned long flags;
	int err;

	if (bio_op(bio) == REQ_OP_FLUSH &&
	    !virtio_has_feature(&vblk->ldev, VIRTIO_BLK_F_FLUSH)) {
		bio_endio(bio); /* no write cache: nothing to flush */
		return;
	}
	req = virtblk_get_req(vblk);
	req->bio = bio;
	req->status = VIRTIO_BLK_S_IOERR; /* until the device says */
	req->out_hdr.ioprio = 0;
	req->out_hdr.sector = bio_op(bio) == REQ_OP_FLUSH ? 0 : bio->bi_sector;
	req->out_hdr.type = bio_op(bio) == REQ_OP_READ	? VIRTIO_BLK_T_IN :
			    bio_op(bio) == REQ_OP_WRITE ? VIRTIO_BLK_T_OUT :
							  VIRTIO_BLK_T_FLUSH;
	out = virtblk_setup_sgs(req, sgs, &in);
	spin_lock_irqsave(&vblk->vq_lock, flags);
	while ((err = virtqueue_add_sgs(vblk->vq, sgs, out, in, req,
					GFP_NOIO)) == -ENOSPC) {
		/* The ring is full: wait for the device to give some back. */
		spin_unlock_irqrestore(&vblk->vq_lock, flags);
		wait_event(vblk->wait, READ_ONCE(vblk->vq->num_free) >= need);
		spin_lock_irqsave(&vblk->vq_lock, flags);
	}
	if (!err)
		virtqueue_kick(vblk->vq);
	spin_unlock_irqrestore(&vblk->vq_lock, flags);
	if (err) {
		dev_err(&vblk->ldev.pdev->dev,
			"request refused by the queue: %d\n", err);
		virtblk_put_req(vblk, req);
		bio->bi_status = BLK_STS_IOERR;
		bio_endio(bio);
	}
}

/* The queue's callback, in the interrupt: end every finished request. */
static void virtblk_done(struct virtqueue *vq)
{
	struct virtio_blk *vblk =
		container_of(vq->priv, struct virtio_blk, ldev);
	struct virtblk_req *req, *next;
	unsigned long flags;
	LIST_HEAD(done);

	spin_lock_irqsave(&vblk->vq_lock, flags);
	while ((req = virtqueue_get_buf(vq, NULL)))
		list_add_tail(&req->list, &done);
	spin_unlock_irqrestore(&vblk->vq_lock, flags);
	list_for_each_entry_safe(req, next, &done, list) {
		struct bio *bio = req->bio;

		bio->bi_status =
			req->status == VIRTIO_BLK_S_OK	   ? BLK_STS_OK :
			req->status == VIRTIO_BLK_S_UNSUPP ? BLK_STS_NOTSUPP :
							     BLK_STS_IOERR;
		if (bio->bi_status)
			dev_err(&vblk->ldev.pdev->dev,
				"I/O error, sector %llu, status %u\n",
				bio->bi_sector, req->status);
		list_del(&req->list);
		virtblk_put_req(vblk, req);
		bio_endio(bio);
	}
	/* Requests and descriptors came back: wake whoever waits for them. */
	if (waitqueue_active(&vblk->wait))
		wake_up_all(&vblk->wait);
}

/* The line may be shared: an ISR of 0 means another device asked. */
static irqreturn_t virtblk_interrupt(int irq, void *dev_id)
{
	struct virtio_blk *vblk = dev_id;
	u8 isr = vp_legacy_get_queue_intr(&vblk->ldev); /* reading clears */

	if (!isr)
		return IRQ_NONE;
	vblk->irqs++;
	if (isr & VIRTIO_PCI_ISR_QUEUE)
		vring_interrupt(vblk->vq);
	return IRQ_HANDLED;
}

static const struct block_device_operations virtblk_fops = {
	.submit_bio = virtblk_submit_bio,
};

static int virtblk_alloc_reqs(struct virtio_blk *vblk, struct device *dev)
{
	vblk->reqs = devm_kzalloc(dev, VIRTBLK_NR_REQS * sizeof(*vblk->reqs),
				  GFP_KERNEL);
	if (!vblk->reqs)
		return -ENOMEM;
	INIT_LIST_HEAD(&vblk->free_reqs);
	for (int i = 0; i < VIRTBLK_NR_REQS; i++)
		list_add_tail(&vblk->reqs[i].list, &vblk->free_reqs);
	return 0;
}

/* Features: what we understand and the device offers. */
static void virtblk_negotiate(struct virtio_blk *vblk)
{
	u32 wanted = (1U << VIRTIO_BLK_F_SEG_MAX) | (1U << VIRTIO_BLK_F_RO) |
		     (1U << VIRTIO_BLK_F_BLK_SIZE) | (1U << VIRTIO_BLK_F_FLUSH);

	vp_legacy_set_features(&vblk->ldev,
			       vp_legacy_get_features(&vblk->ldev) & wanted);
}

static int virtblk_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct device *dev = &pdev->dev;
	struct virtio_blk *vblk;
	char name[8], size[40];
	u64 capacity;
	int err;

	vblk = devm_kzalloc(dev, sizeof(*vblk), GFP_KERNEL);
	if (!vblk)
		return -ENOMEM;
	spin_lock_init(&vblk->vq_lock);
	init_waitqueue_head(&vblk->wait);
	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = vp_legacy_probe(&vblk->ldev, pdev, "virtio-pci");
	if (err)
		return err;
	/* The ring's page number is 32 bits: any address here fits. */
	err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32));
	if (err)
		return err;
	pci_set_master(pdev);
	vp_legacy_add_status(&vblk->ldev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	vp_legacy_add_status(&vblk->ldev, VIRTIO_CONFIG_S_DRIVER);
	virtblk_negotiate(vblk);
	err = virtblk_alloc_reqs(vblk, dev);
	if (err)
		goto fail;
	vblk->vq = vp_legacy_setup_vq(&vblk->ldev, 0, virtblk_done, "requests");
	if (!vblk->vq) {
		err = -ENOMEM;
		goto fail;
	}
	err = devm_request_irq(dev, pdev->irq, virtblk_interrupt, IRQF_SHARED,
			       "virtio0", vblk);
	if (err)
		goto fail_vq;
	vp_legacy_add_status(&vblk->ldev, VIRTIO_CONFIG_S_DRIVER_OK);
	vp_legacy_get_config(&vblk->ldev, VIRTIO_BLK_CFG_CAPACITY, &capacity,
			     sizeof(capacity));
	vblk->index = virtblk_next_index++;
	snprintf(name, sizeof(name), "vd%c", 'a' + vblk->index);
	vblk->disk = alloc_disk(name, VIRTBLK_MAJOR, (int)vblk->index * 16,
				&virtblk_fops, vblk);
	if (!vblk->disk) {
		err = -ENOMEM;
		goto fail_vq;
	}
	set_capacity(vblk->disk, capacity);
	vblk->disk->read_only =
		virtio_has_feature(&vblk->ldev, VIRTIO_BLK_F_RO);
	pci_set_drvdata(pdev, vblk);
	err = add_disk(vblk->disk);
	if (err)
		goto fail_vq;
	disk_size_string(capacity, size, sizeof(size));
	dev_notice(dev, "[%s] %llu 512-byte logical blocks (%s)\n", name,
		   capacity, size);
	return 0;
fail_vq:
	vp_legacy_reset(&vblk->ldev);
	vp_legacy_del_vq(&vblk->ldev, vblk->vq);
fail:
	vp_legacy_add_status(&vblk->ldev, VIRTIO_CONFIG_S_FAILED);
	return err;
}

static const struct pci_device_id virtblk_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_REDHAT_QUMRANET, VIRTIO_TRANS_ID_BLOCK) },
	{}
};

/*
 * No remove: a disk with a page cache, a flusher and open files does not
 * go away here (Linux's del_gendisk() would write back and tear them
 * down), so the driver cannot be unbound (Linux's suppress_bind_attrs:
 * no unbind file in sysfs; the shell's unbind refuses).
 */
static struct pci_driver virtblk_driver = {
	.name = "virtio_blk",
	.id_table = virtblk_ids,
	.probe = virtblk_probe,
	.driver.suppress_bind_attrs = true,
};

static int __init virtblk_init(void)
{
	return pci_register_driver(&virtblk_driver);
}
device_initcall(virtblk_init);
