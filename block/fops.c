// SPDX-License-Identifier: GPL-2.0
/*
 * fops.c - a block device as a file (/dev/vda) and its page cache's I/O.
 *
 * read() and write() go through the device's page cache (mm/filemap.c):
 * a read copies from cached pages, reading what is missing from the disk;
 * a write copies into cached pages and leaves them dirty for the flusher.
 * fsync() writes the device's dirty pages, waits for them, then asks the
 * disk to empty its own write cache (a FLUSH request): only then is the
 * data on stable storage.  The last close of the device writes its dirty
 * pages and drops its cache, as Linux's blkdev_put() does.  The device's
 * size is fixed: lseek() past it is EINVAL, a write at its end ENOSPC, a
 * read there returns 0.
 *
 * The page cache's I/O (def_blk_aops): page i is sectors 8i..8i+7.  A run
 * of consecutive pages is one bio, read or written; the end of a read
 * marks each page uptodate and unlocks it, the end of a write ends each
 * page's writeback (and records an error for the next fsync).  Bios come
 * GFP_NOIO: writeback is how reclaim frees dirty memory, and a bio that
 * reclaimed by writing more pages would recurse into this very path.
 *
 * Simpler than Linux: no buffer heads (Linux's block device cache keeps
 * one per 512..4096-byte block; here the page is the unit), no O_DIRECT.
 */
#include <blkdev.h>
#include <bug.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <pagemap.h>
#include <sched.h>
#include <string.h>
#include <writeback.h>

static struct block_device *mapping_bdev(struct address_space *mapping)
{
	return mapping->host->i_private;
}

static sector_t page_sector(const struct page *page)
{
	return (sector_t)page->index << (PAGE_SHIFT - SECTOR_SHIFT);
}

/* Bytes of the page inside the device (the last page may be short). */
static unsigned int page_bytes_in_device(struct block_device *bdev,
					 const struct page *page)
{
	loff_t start = (loff_t)page->index << PAGE_SHIFT;
	loff_t size = bdev_nr_bytes(bdev);

	if (start >= size)
		return 0;
	return (unsigned int)min((loff_t)PAGE_SIZE, size - start);
}

static void blkdev_read_end_io(struct bio *bio)
{
	for (unsigned int i = 0; i < bio->bi_vcnt; i++) {
		struct page *page = bio->bi_io_vec[i].bv_page;

		if (!bio->bi_status)
			SetPageUptodate(page);
		unlock_page(page);
	}
	bio_put(bio);
}

static int blkdev_readpages(struct address_space *mapping, struct page **pages,
			    unsigned int nr)
{
	struct block_device *bdev = mapping_bdev(mapping);
	struct bio *bio = bio_alloc(bdev, nr, REQ_OP_READ, GFP_NOIO);

	if (!bio)
		return -ENOMEM;
	bio->bi_sector = page_sector(pages[0]);
	for (unsigned int i = 0; i < nr; i++) {
		unsigned int len = page_bytes_in_device(bdev, pages[i]);

		WARN_ON_ONCE(pages[i]->index != pages[0]->index + i);
		if (len < PAGE_SIZE) {
			/* Past the device's end: zeroes, as Linux's. */
			char *kaddr = kmap_local_page(pages[i]);

			memset(kaddr + len, 0, PAGE_SIZE - len);
			kunmap_local(kaddr);
		}
		if (!len)
			break;
		bio_add_page(bio, pages[i], len, 0);
	}
	bio->bi_end_io = blkdev_read_end_io;
	submit_bio(bio);
	return 0;
}

static void blkdev_write_end_io(struct bio *bio)
{
	for (unsigned int i = 0; i < bio->bi_vcnt; i++) {
		struct page *page = bio->bi_io_vec[i].bv_page;

		if (bio->bi_status && page->mapping)
			page->mapping->wb_err = -EIO;
		end_page_writeback(page);
	}
	bio_put(bio);
}

/* The bio a writepages() run is filling. */
struct blkdev_wpage {
	struct bio *bio;
	pgoff_t next_index; /* the index that would extend it */
	unsigned int opf;
};

static void blkdev_wpage_submit(struct blkdev_wpage *w)
{
	if (w->bio)
		submit_bio(w->bio);
	w->bio = NULL;
}

/* A locked, cleaned page: under writeback into the run's bio, unlocked. */
static int blkdev_write_one(struct page *page, struct writeback_control *wbc,
			    void *data)
{
	struct blkdev_wpage *w = data;
	struct block_device *bdev = mapping_bdev(page->mapping);

	set_page_writeback(page);
	if (w->bio &&
	    (page->index != w->next_index || w->bio->bi_vcnt == BIO_MAX_VECS))
		blkdev_wpage_submit(w);
	if (!w->bio) {
		w->bio = bio_alloc(bdev, BIO_MAX_VECS, w->opf, GFP_NOIO);
		if (!w->bio) {
			/* Not now: dirty again, for the next round. */
			set_page_dirty(page);
			end_page_writeback(page);
			unlock_page(page);
			return -ENOMEM;
		}
		w->bio->bi_sector = page_sector(page);
		w->bio->bi_end_io = blkdev_write_end_io;
	}
	bio_add_page(w->bio, page, page_bytes_in_device(bdev, page), 0);
	w->next_index = page->index + 1;
	unlock_page(page);
	return 0;
}

static int blkdev_writepages(struct address_space *mapping,
			     struct writeback_control *wbc)
{
	struct blkdev_wpage w = {
		.opf = REQ_OP_WRITE |
		       (wbc->sync_mode == WB_SYNC_ALL ? REQ_SYNC : 0),
	};
	int err = write_cache_pages(mapping, wbc, blkdev_write_one, &w);

	blkdev_wpage_submit(&w);
	return err;
}

static int blkdev_writepage(struct page *page, struct writeback_control *wbc)
{
	struct blkdev_wpage w = { .opf = REQ_OP_WRITE };
	int err = blkdev_write_one(page, wbc, &w);

	blkdev_wpage_submit(&w);
	return err;
}

const struct address_space_operations def_blk_aops = {
	.readpages = blkdev_readpages,
	.writepage = blkdev_writepage,
	.writepages = blkdev_writepages,
};

/* --- the device as a file ------------------------------------------------ */

int blkdev_issue_flush(struct block_device *bdev)
{
	struct bio *bio = bio_alloc(bdev, 0, REQ_OP_FLUSH, GFP_KERNEL);
	int err;

	if (!bio)
		return -ENOMEM;
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err == -EOPNOTSUPP ? 0 : err;
}

int sync_blockdev(struct block_device *bdev)
{
	int err = filemap_write_and_wait(bdev->bd_inode->i_mapping);

	inode_sync_complete(bdev->bd_inode);
	return err;
}

void sync_bdevs(void)
{
	for (struct block_device *b = bdev_next(NULL); b; b = bdev_next(b)) {
		sync_blockdev(b);
		blkdev_issue_flush(b);
	}
}

/* Linux's: a fixed size, SEEK_DATA and SEEK_HOLE are EINVAL. */
static loff_t blkdev_llseek(struct file *file, loff_t offset, int whence)
{
	return fixed_size_llseek(file, offset, whence,
				 file->f_mapping->host->i_size);
}

static ssize_t blkdev_read(struct file *file, char __user *buf, size_t count,
			   loff_t *pos)
{
	return filemap_read(file, buf, count, pos);
}

static ssize_t blkdev_write(struct file *file, const char __user *buf,
			    size_t count, loff_t *pos)
{
	struct block_device *bdev = mapping_bdev(file->f_mapping);
	loff_t size = bdev_nr_bytes(bdev);

	if (bdev->bd_disk->read_only)
		return -EPERM;
	if (*pos < 0)
		return -EINVAL;
	if (*pos >= size)
		return -ENOSPC;
	count = (size_t)min((loff_t)count, size - *pos);
	return generic_perform_write(file, buf, count, pos);
}

static int blkdev_fsync(struct file *file, int datasync)
{
	struct block_device *bdev = mapping_bdev(file->f_mapping);
	int err = sync_blockdev(bdev);
	int err2 = blkdev_issue_flush(bdev);

	return err ? err : err2;
}

static int blkdev_open(struct inode *inode, struct file *file)
{
	struct block_device *bdev = mapping_bdev(file->f_mapping);

	if ((file->f_mode & FMODE_WRITE) && bdev->bd_disk->read_only)
		return -EROFS;
	__atomic_add_fetch(&bdev->bd_openers, 1, __ATOMIC_SEQ_CST);
	return 0;
}

/*
 * Linux's blkdev_put(): when the last open file of the device goes, its
 * dirty pages are written and its page cache dropped (kill_bdev()); a
 * process that wrote without fsync still gets its data on the disk when
 * it exits.  A mapping keeps its file, so this waits for the munmap.
 */
static int blkdev_release(struct inode *inode, struct file *file)
{
	struct block_device *bdev = mapping_bdev(file->f_mapping);

	if (__atomic_sub_fetch(&bdev->bd_openers, 1, __ATOMIC_SEQ_CST))
		return 0;
	sync_blockdev(bdev);
	invalidate_mapping_pages(bdev->bd_inode->i_mapping, 0, ULONG_MAX);
	return 0;
}

const struct file_operations def_blk_fops = {
	.open = blkdev_open,
	.release = blkdev_release,
	.llseek = blkdev_llseek,
	.read = blkdev_read,
	.write = blkdev_write,
	.fsync = blkdev_fsync,
	.mmap = generic_file_mmap,
};
