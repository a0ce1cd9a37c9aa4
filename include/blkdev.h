/* SPDX-License-Identifier: GPL-2.0 */
/*
 * blkdev.h - disks and block devices, as Linux's <linux/blkdev.h>
 * (block/genhd.c, block/bdev.c, block/fops.c).
 *
 * A driver describes its disk with a gendisk (name, size, how to submit
 * a bio) and add_disk() makes it a block device: a dev_t, a node
 * /dev/NAME, a line in /proc/partitions and /proc/diskstats, an inode
 * whose address space is the device's page cache (Linux's block-device
 * page cache: what /proc/meminfo calls Buffers), and a flusher thread
 * that writes its dirty pages back (fs/fs-writeback.c).
 *
 *	disk = alloc_disk("vda", 254, 0, &virtblk_fops, vblk);
 *	set_capacity(disk, sectors);
 *	err = add_disk(disk);
 *
 * Reading /dev/vda: the page cache first (mm/filemap.c), the disk for
 * what is not there.  There are no partitions and no request queue: a
 * bio goes straight to the driver's submit_bio, as for Linux's
 * bio-based drivers (brd, zram), with no merging and no I/O scheduler.
 */
#ifndef _BLKDEV_H
#define _BLKDEV_H

#include <bio.h>
#include <fs.h>
#include <list.h>
#include <types.h>
#include <writeback.h>

typedef u32 dev_t;
#define MINORBITS 20
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & ((1U << MINORBITS) - 1)))
#define MKDEV(ma, mi) (((dev_t)(ma) << MINORBITS) | (dev_t)(mi))

/* The first major Linux hands out dynamically: virtio disks get it. */
#define VIRTBLK_MAJOR 254

struct gendisk;

struct block_device_operations {
	/* Start the I/O; call bio_endio() when done (any context). */
	void (*submit_bio)(struct bio *bio);
};

/* What /proc/diskstats counts, per direction (0 read, 1 write, 2 flush). */
struct disk_stats {
	unsigned long ios[3]; /* requests completed */
	unsigned long sectors[2]; /* sectors moved */
	unsigned long msecs[3]; /* time they took, added up */
	unsigned long in_flight; /* submitted, not yet completed */
};

struct block_device {
	dev_t bd_dev; /* MKDEV(254, 0) */
	struct gendisk *bd_disk; /* the disk it is (no partitions here) */
	struct inode *bd_inode; /* its page cache: bd_inode->i_mapping */
	struct disk_stats bd_stats; /* atomic counters */
	struct bdi_writeback bd_wb; /* its flusher: "flush-254:0" */
	int bd_openers; /* open files of it (atomic): the last close syncs */
	struct list_head bd_list; /* in the list of block devices */
};

struct gendisk {
	char disk_name[32]; /* "vda" */
	int major, first_minor;
	const struct block_device_operations *fops;
	void *private_data; /* the driver's */
	sector_t capacity; /* in 512-byte sectors */
	unsigned int max_segments; /* pages one bio may carry */
	bool read_only; /* the device refuses writes */
	struct block_device *part0; /* the whole disk's block device */
};

static inline void set_capacity(struct gendisk *disk, sector_t sectors)
{
	disk->capacity = sectors;
}

static inline sector_t get_capacity(const struct gendisk *disk)
{
	return disk->capacity;
}

/* Bytes of the block device. */
static inline loff_t bdev_nr_bytes(const struct block_device *bdev)
{
	return (loff_t)bdev->bd_disk->capacity << SECTOR_SHIFT;
}

struct gendisk *alloc_disk(const char *name, int major, int minor,
			   const struct block_device_operations *fops,
			   void *private_data);
/* Make it a block device with its node and flusher: 0 or -errno. */
int add_disk(struct gendisk *disk);
/* "67.1 MB/64.0 MiB", as Linux's string_get_size() for the boot line. */
void disk_size_string(sector_t sectors, char *buf, size_t size);

/* The block device called name ("vda"), or NULL. */
struct block_device *blkdev_get_by_name(const char *name);
/* Each block device, oldest first (the list never shrinks). */
struct block_device *bdev_next(struct block_device *prev);
/* Pages of every block device's page cache: meminfo's Buffers. */
unsigned long nr_blockdev_pages(void);

/* Write the device's dirty pages and wait for them: 0 or -errno. */
int sync_blockdev(struct block_device *bdev);
/* Empty the device's volatile write cache (REQ_OP_FLUSH): 0 or -EIO. */
int blkdev_issue_flush(struct block_device *bdev);
/* sync(2) for every block device: write, wait, flush. */
void sync_bdevs(void);

/* The file operations of /dev/vda and its page cache's (block/fops.c). */
extern const struct file_operations def_blk_fops;
extern const struct address_space_operations def_blk_aops;

#endif /* _BLKDEV_H */
