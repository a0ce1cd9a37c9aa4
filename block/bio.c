// SPDX-License-Identifier: GPL-2.0
/*
 * bio.c - block I/O requests (bio.h): allocating them, submitting them to
 * their device, waiting for them, and counting what they move.
 *
 * Every bio has room for BIO_MAX_VECS pages and comes from a mempool that
 * keeps BIO_POOL_SIZE of them in reserve (made with the first disk):
 * writeback, which frees memory, allocates a bio per run of dirty pages
 * with GFP_NOIO (its allocation must not start more I/O by reclaiming),
 * and when memory is short the reserve lets it go on (Linux's fs_bio_set
 * does the same).
 *
 * submit_bio() counts the sectors in /proc/vmstat (pgpgin, pgpgout: Linux
 * counts sectors there and prints kilobytes) and hands the bio to the
 * disk's driver; the driver calls bio_endio() from its interrupt.
 */
#include <bio.h>
#include <blkdev.h>
#include <bug.h>
#include <completion.h>
#include <errno.h>
#include <kernel.h>
#include <mempool.h>
#include <mutex.h>
#include <printk.h>
#include <slab.h>
#include <string.h>
#include <timer.h>
#include <vmstat.h>

#define BIO_POOL_SIZE 16

static mempool_t *bio_pool;

int bio_init_pool(void)
{
	static DEFINE_MUTEX(lock);

	mutex_lock(&lock);
	if (!bio_pool)
		bio_pool = mempool_create_kmalloc_pool(BIO_POOL_SIZE,
						       sizeof(struct bio));
	mutex_unlock(&lock);
	return bio_pool ? 0 : -ENOMEM;
}

struct bio *bio_alloc(struct block_device *bdev, unsigned int nr_vecs,
		      unsigned int opf, gfp_t gfp)
{
	struct bio *bio;

	if (WARN_ONCE(nr_vecs > BIO_MAX_VECS,
		      "bio_alloc: %u pages, at most %d\n", nr_vecs,
		      BIO_MAX_VECS))
		return NULL;
	bio = mempool_alloc(bio_pool, gfp | __GFP_NOWARN);
	if (!bio)
		return NULL;
	memset(bio, 0, offsetof(struct bio, bi_io_vec));
	bio->bi_bdev = bdev;
	bio->bi_opf = opf;
	INIT_LIST_HEAD(&bio->bi_list);
	return bio;
}

void bio_put(struct bio *bio)
{
	mempool_free(bio, bio_pool);
}

unsigned int bio_add_page(struct bio *bio, struct page *page, unsigned int len,
			  unsigned int offset)
{
	struct bio_vec *bv;

	if (bio->bi_vcnt >= BIO_MAX_VECS || !len || offset + len > PAGE_SIZE)
		return 0;
	bv = &bio->bi_io_vec[bio->bi_vcnt++];
	bv->bv_page = page;
	bv->bv_len = len;
	bv->bv_offset = offset;
	bio->bi_size += len;
	return len;
}

int blk_status_to_errno(blk_status_t status)
{
	switch (status) {
	case BLK_STS_OK:
		return 0;
	case BLK_STS_NOTSUPP:
		return -EOPNOTSUPP;
	default:
		return -EIO;
	}
}

static unsigned int bio_stat_dir(const struct bio *bio)
{
	return bio_op(bio) == REQ_OP_READ  ? 0 :
	       bio_op(bio) == REQ_OP_WRITE ? 1 :
					     2;
}

void bio_endio(struct bio *bio)
{
	struct disk_stats *st = &bio->bi_bdev->bd_stats;
	unsigned int dir = bio_stat_dir(bio);

	__atomic_add_fetch(&st->ios[dir], 1, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&st->msecs[dir],
			   jiffies_to_msecs(jiffies_ul - bio->bi_start),
			   __ATOMIC_SEQ_CST);
	__atomic_sub_fetch(&st->in_flight, 1, __ATOMIC_SEQ_CST);
	if (bio->bi_end_io)
		bio->bi_end_io(bio);
}

void submit_bio(struct bio *bio)
{
	struct block_device *bdev = bio->bi_bdev;
	struct disk_stats *st = &bdev->bd_stats;
	unsigned long sectors = bio->bi_size >> SECTOR_SHIFT;
	sector_t end = bio->bi_sector + sectors;

	if (bio_op(bio) == REQ_OP_READ)
		count_vm_events(PGPGIN, (long)sectors);
	else if (bio_op(bio) == REQ_OP_WRITE)
		count_vm_events(PGPGOUT, (long)sectors);
	if (bio_stat_dir(bio) < 2)
		__atomic_add_fetch(&st->sectors[bio_stat_dir(bio)], sectors,
				   __ATOMIC_SEQ_CST);
	bio->bi_start = jiffies_ul;
	__atomic_add_fetch(&st->in_flight, 1, __ATOMIC_SEQ_CST);
	if (unlikely(end > get_capacity(bdev->bd_disk) ||
		     (bio_op(bio) == REQ_OP_WRITE &&
		      bdev->bd_disk->read_only))) {
		pr_err("%s: %s of sectors %llu-%llu refused (capacity %llu%s)\n",
		       bdev->bd_disk->disk_name,
		       bio_op(bio) == REQ_OP_READ ? "read" : "write",
		       bio->bi_sector, end - 1, get_capacity(bdev->bd_disk),
		       bdev->bd_disk->read_only ? ", read-only" : "");
		bio->bi_status = BLK_STS_IOERR;
		bio_endio(bio);
		return;
	}
	bdev->bd_disk->fops->submit_bio(bio);
}

static void submit_bio_wait_endio(struct bio *bio)
{
	complete(bio->bi_private);
}

int submit_bio_wait(struct bio *bio)
{
	DECLARE_COMPLETION(done);

	bio->bi_private = &done;
	bio->bi_end_io = submit_bio_wait_endio;
	bio->bi_opf |= REQ_SYNC;
	submit_bio(bio);
	wait_for_completion(&done);
	return blk_status_to_errno(bio->bi_status);
}

int bdev_read_block(struct block_device *bdev, unsigned long block,
		    struct page *page)
{
	struct bio *bio = bio_alloc(bdev, 1, REQ_OP_READ, GFP_KERNEL);
	int err;

	if (!bio)
		return -ENOMEM;
	bio->bi_sector = (sector_t)block << (PAGE_SHIFT - SECTOR_SHIFT);
	bio_add_page(bio, page, PAGE_SIZE, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}
