/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bio.h - a block I/O: pages to read from or write to consecutive
 * sectors of a block device, as Linux's struct bio (block/bio.c).
 *
 *	bio = bio_alloc(bdev, 1, REQ_OP_READ, GFP_NOIO);
 *	bio->bi_sector = index << (PAGE_SHIFT - SECTOR_SHIFT);
 *	bio_add_page(bio, page, PAGE_SIZE, 0);
 *	bio->bi_end_io = done;			// runs in the disk's interrupt
 *	submit_bio(bio);			// or submit_bio_wait(bio)
 *
 * The pages may be highmem: the driver hands them to the DMA API, which
 * needs no kernel address for them (it bounces them if the device could
 * not reach them).  A bio holds at most BIO_MAX_VECS pages; bios come
 * from a reserve (a mempool) so that writing pages back when memory is
 * short does not fail for want of a bio.
 */
#ifndef _BIO_H
#define _BIO_H

#include <list.h>
#include <mm.h>
#include <types.h>

typedef u64 sector_t;
#define SECTOR_SHIFT 9 /* 512-byte sectors, whatever the device's blocks */
#define SECTOR_SIZE (1 << SECTOR_SHIFT)
#define PAGE_SECTORS (PAGE_SIZE >> SECTOR_SHIFT)

/* bi_opf: the operation (low byte) and its flags, Linux's values. */
enum req_op {
	REQ_OP_READ = 0,
	REQ_OP_WRITE = 1,
	REQ_OP_FLUSH = 2, /* the device's write cache to stable storage */
};
#define REQ_OP_MASK 0xff
#define REQ_SYNC (1U << 11) /* someone waits for it (fsync, sync) */

/* bi_status: Linux's blk_status_t values. */
typedef u8 blk_status_t;
#define BLK_STS_OK 0
#define BLK_STS_NOTSUPP 1 /* the device cannot do that operation */
#define BLK_STS_IOERR 10 /* the device said it failed */

#define BIO_MAX_VECS 32 /* pages per bio (Linux: 256) */

struct bio_vec {
	struct page *bv_page; /* may be highmem */
	unsigned int bv_len; /* bytes */
	unsigned int bv_offset; /* where in the page */
};

struct block_device;
struct bio;
typedef void(bio_end_io_t)(struct bio *bio);

struct bio {
	struct block_device *bi_bdev; /* the device */
	unsigned int bi_opf; /* REQ_OP_* | REQ_* */
	sector_t bi_sector; /* the first sector (Linux: bi_iter.bi_sector) */
	unsigned int bi_size; /* bytes in all the vecs */
	blk_status_t bi_status; /* the result, when bi_end_io runs */
	unsigned short bi_vcnt; /* vecs in use */
	bio_end_io_t *bi_end_io; /* the end: interrupt context */
	void *bi_private; /* the submitter's */
	unsigned long bi_start; /* jiffies it was submitted (diskstats) */
	struct list_head bi_list; /* the driver's while in flight */
	struct bio_vec bi_io_vec[BIO_MAX_VECS];
};

static inline enum req_op bio_op(const struct bio *bio)
{
	return (enum req_op)(bio->bi_opf & REQ_OP_MASK);
}

/* A bio for nr_vecs pages (at most BIO_MAX_VECS), or NULL. */
struct bio *bio_alloc(struct block_device *bdev, unsigned int nr_vecs,
		      unsigned int opf, gfp_t gfp);
void bio_put(struct bio *bio);
/* Add len bytes of page at offset: len, or 0 if the bio is full. */
unsigned int bio_add_page(struct bio *bio, struct page *page, unsigned int len,
			  unsigned int offset);
/* Hand it to its device; bi_end_io runs when it is done. */
void submit_bio(struct bio *bio);
/* Submit and sleep until it is done: 0 or -EIO (the bio is not freed). */
int submit_bio_wait(struct bio *bio);
/*
 * Read 4 KB block `block` of bdev into page, past the page cache (a bio
 * of its own, waited for): 0, -ENOMEM or -EIO.  What the disk holds now.
 */
int bdev_read_block(struct block_device *bdev, unsigned long block,
		    struct page *page);
/* The driver says it is done (bi_status set): call bi_end_io. */
void bio_endio(struct bio *bio);
/* blk_status_t -> -errno. */
int blk_status_to_errno(blk_status_t status);

/* The reserve of bios, made by the first add_disk(): 0 or -ENOMEM. */
int bio_init_pool(void);

#endif /* _BIO_H */
