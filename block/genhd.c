// SPDX-License-Identifier: GPL-2.0
/*
 * genhd.c - disks become block devices (blkdev.h): add_disk() gives a
 * driver's gendisk a dev_t, a block device whose inode holds its page
 * cache, a node in /dev, a flusher thread, and its lines in
 * /proc/partitions and /proc/diskstats, in Linux's formats.
 *
 * The block device's inode is not the node's: /dev/vda is a name in the
 * root tree whose inode points to the block device's page cache
 * (i_mapping), as devtmpfs and the bdev file system arrange it in Linux,
 * so every open of the node shares one cache.  The node is made at
 * add_disk() time; devices are never removed (no hot-unplug here).
 */
#include <blkdev.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <mutex.h>
#include <pagemap.h>
#include <printk.h>
#include <seq_file.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <swap.h>

static LIST_HEAD(all_bdevs);
static DEFINE_MUTEX(bdev_lock);

struct gendisk *alloc_disk(const char *name, int major, int minor,
			   const struct block_device_operations *fops,
			   void *private_data)
{
	struct gendisk *disk = kzalloc(sizeof(*disk), GFP_KERNEL);

	if (!disk)
		return NULL;
	strscpy(disk->disk_name, name, sizeof(disk->disk_name));
	disk->major = major;
	disk->first_minor = minor;
	disk->fops = fops;
	disk->private_data = private_data;
	disk->max_segments = BIO_MAX_VECS;
	return disk;
}

struct block_device *bdev_next(struct block_device *prev)
{
	struct block_device *next = NULL;
	struct list_head *pos;

	mutex_lock(&bdev_lock);
	pos = prev ? prev->bd_list.next : all_bdevs.next;
	if (pos != &all_bdevs)
		next = list_entry(pos, struct block_device, bd_list);
	mutex_unlock(&bdev_lock);
	return next;
}

struct block_device *blkdev_get_by_name(const char *name)
{
	struct block_device *bdev;

	if (!strncmp(name, "/dev/", 5))
		name += 5;
	for (bdev = bdev_next(NULL); bdev; bdev = bdev_next(bdev))
		if (!strcmp(bdev->bd_disk->disk_name, name))
			return bdev;
	return NULL;
}

unsigned long nr_blockdev_pages(void)
{
	unsigned long pages = 0;

	for (struct block_device *b = bdev_next(NULL); b; b = bdev_next(b))
		pages += READ_ONCE(b->bd_inode->i_data.nrpages);
	return pages;
}

/* /dev, made on first use (misc devices may have made it already). */
static struct dentry *dev_dir(void)
{
	struct dentry *d = d_lookup(root_dentry, "dev", 3);

	return d ? d : ramfs_create(root_dentry, "dev", S_IFDIR | 0755, 0, 0);
}

/* /dev/NAME, a block node that opens the device's page cache. */
static int bdev_make_node(struct block_device *bdev)
{
	const char *name = bdev->bd_disk->disk_name;
	struct dentry *dir = dev_dir(), *node;

	if (!dir)
		return -ENOMEM;
	if (d_lookup(dir, name, strlen(name)))
		return -EEXIST;
	node = ramfs_create(dir, name, S_IFBLK | 0660, 0, 0);
	if (!node)
		return -ENOMEM;
	node->d_inode->i_fop = &def_blk_fops;
	node->d_inode->i_rdev = bdev->bd_dev;
	node->d_inode->i_mapping = bdev->bd_inode->i_mapping;
	node->d_inode->i_private = bdev;
	return 0;
}

void disk_size_string(sector_t sectors, char *buf, size_t size)
{
	u64 bytes = sectors << SECTOR_SHIFT;
	u64 mb10 = (bytes + 50000) / 100000; /* tenths of MB */
	u64 mib10 = (bytes * 10 + (1 << 19)) >> 20; /* tenths of MiB */

	snprintf(buf, size, "%llu.%llu MB/%llu.%llu MiB", mb10 / 10, mb10 % 10,
		 mib10 / 10, mib10 % 10);
}

int add_disk(struct gendisk *disk)
{
	struct block_device *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	char size[16];
	int err;

	if (!bdev || !inode) {
		kfree(bdev);
		kfree(inode);
		return -ENOMEM;
	}
	bdev->bd_dev = MKDEV(disk->major, disk->first_minor);
	bdev->bd_disk = disk;
	bdev->bd_inode = inode;
	disk->part0 = bdev;
	inode->i_mode = S_IFBLK | 0600;
	inode->i_rdev = bdev->bd_dev;
	inode->i_size = (loff_t)get_capacity(disk) << SECTOR_SHIFT;
	inode->i_private = bdev;
	inode->i_mapping = &inode->i_data;
	INIT_LIST_HEAD(&inode->i_io_list);
	mutex_init(&inode->i_mutex);
	/* Linux's block devices: highmem pages, movable (GFP_HIGHUSER_MOVABLE). */
	err = address_space_init(&inode->i_data, inode, &def_blk_aops,
				 GFP_HIGHUSER_MOVABLE);
	if (!err)
		err = bio_init_pool();
	if (err) {
		kfree(bdev);
		kfree(inode);
		return err;
	}
	snprintf(size, sizeof(size), "%u:%u", MAJOR(bdev->bd_dev),
		 MINOR(bdev->bd_dev));
	err = wb_init(&bdev->bd_wb, size);
	if (err)
		goto fail;
	inode->i_wb = &bdev->bd_wb;
	kswapd_run(0); /* reclaimable page cache from now on */
	err = bdev_make_node(bdev);
	if (err)
		goto fail; /* the flusher stays: it never has work */
	mutex_lock(&bdev_lock);
	list_add_tail(&bdev->bd_list, &all_bdevs);
	mutex_unlock(&bdev_lock);
	return 0;
fail:
	pr_err("%s: cannot add the disk: %d\n", disk->disk_name, err);
	disk->part0 = NULL;
	if (!bdev->bd_wb.task) {
		kfree(bdev);
		kfree(inode);
	}
	return err;
}

/* major minor  #blocks  name (blocks of 1 KB), Linux's /proc/partitions. */
static void partitions_show(struct seq_file *m)
{
	seq_puts(m, "major minor  #blocks  name\n\n");
	for (struct block_device *b = bdev_next(NULL); b; b = bdev_next(b))
		seq_printf(m, "%4u  %7u %10llu %s\n", MAJOR(b->bd_dev),
			   MINOR(b->bd_dev), get_capacity(b->bd_disk) >> 1,
			   b->bd_disk->disk_name);
}
PROC_FILE("partitions", partitions_show);

/*
 * Linux's /proc/diskstats: completed reads, merged, sectors, ms; the same
 * for writes; in flight, ms busy, weighted ms; discards (none here);
 * flushes and their ms.  Nothing is merged here: 0.
 */
static void diskstats_show(struct seq_file *m)
{
	for (struct block_device *b = bdev_next(NULL); b; b = bdev_next(b)) {
		const struct disk_stats *st = &b->bd_stats;
		unsigned long busy = st->msecs[0] + st->msecs[1] + st->msecs[2];

		seq_printf(
			m,
			"%4u %7u %s %lu 0 %lu %lu %lu 0 %lu %lu %lu %lu %lu 0 0 0 0 %lu %lu\n",
			MAJOR(b->bd_dev), MINOR(b->bd_dev),
			b->bd_disk->disk_name, st->ios[0], st->sectors[0],
			st->msecs[0], st->ios[1], st->sectors[1], st->msecs[1],
			st->in_flight, busy, busy, st->ios[2], st->msecs[2]);
	}
}
PROC_FILE("diskstats", diskstats_show);
