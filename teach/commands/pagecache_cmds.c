// SPDX-License-Identifier: GPL-2.0
/*
 * pagecache_cmds.c - the disk and its page cache from the prompt
 * (`make run DISK=1`):
 *
 *	vda                    the disk, its cache, its flusher, kswapd
 *	vda read BLOCK         block BLOCK (4 KB) through the page cache:
 *	                       from the disk or from the cache, and how long
 *	vda write BLOCK TEXT   TEXT at the start of the block, in the cache:
 *	                       the page is dirty, the disk not written yet
 *	vda disk BLOCK         the block as it is on the disk, past the cache
 *	                       (a bio into a page of its own)
 *	vda pages [N]          the first N cached pages: where and in what state
 *	sync                   sync(2): every dirty page written, waited for
 *
 * What `vda read` and `vda write` do is what read(2) and write(2) of
 * /dev/vda do (mm/filemap.c), with the kernel's buffer: the user programs
 * (user/tests/pagecache_test) do the same through the system calls.
 */
#include <asm/processor.h>
#include <bio.h>
#include <blkdev.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <pagemap.h>
#include <printk.h>
#include <sched.h>
#include <shell.h>
#include <string.h>
#include <swap.h>
#include <vmstat.h>
#include <writeback.h>

#define VDA_LINE 32 /* the block's first line: its name */

static struct block_device *vda_bdev(void)
{
	struct block_device *bdev = blkdev_get_by_name("vda");

	if (!bdev)
		kprintf("no disk vda: boot with a virtio disk (make run DISK=1)\n");
	return bdev;
}

static int vda_block_arg(struct block_device *bdev, const char *arg,
			 pgoff_t *block)
{
	unsigned long b;
	unsigned long nr = (unsigned long)(bdev_nr_bytes(bdev) >> PAGE_SHIFT);

	if (shell_parse_ulong(arg, &b) || b >= nr) {
		kprintf("vda: block %s is not one of 0..%lu\n", arg, nr - 1);
		return -EINVAL;
	}
	*block = b;
	return 0;
}

/* The first line of a page, printable, without its padding. */
static void vda_print_line(struct page *page, const char *prefix)
{
	char line[VDA_LINE + 1], *kaddr = kmap_local_page(page);
	int len = VDA_LINE;

	memcpy(line, kaddr, VDA_LINE);
	kunmap_local(kaddr);
	for (int i = 0; i < VDA_LINE; i++) {
		if (line[i] == '\n') {
			len = i;
			break;
		}
		if (line[i] < ' ' || line[i] > '~')
			line[i] = '.';
	}
	while (len > 0 && line[len - 1] == ' ')
		len--;
	line[len] = '\0';
	kprintf("%s\"%s\"\n", prefix, line);
}

static void vda_page_state(struct page *page)
{
	kprintf("  page: pfn %#lx in %s, refcount %d, %s%s%s%s%s\n",
		page_to_pfn(page), page_zone(page)->name, page_count(page),
		PageActive(page) ? "active" : "inactive",
		PageReferenced(page) ? ", referenced" : "",
		PageUptodate(page) ? ", uptodate" : "",
		PageDirty(page) ? ", dirty" : "",
		PageWriteback(page) ? ", writeback" : "");
}

static int vda_read(struct block_device *bdev, pgoff_t block)
{
	struct address_space *mapping = bdev->bd_inode->i_mapping;
	unsigned long reads = bdev->bd_stats.ios[0];
	struct page *page = find_get_page(mapping, block);
	bool cached = page != NULL;
	u64 t0, t1;

	if (page)
		put_page(page);
	t0 = rdtsc();
	page = read_mapping_page(mapping, block, NULL);
	t1 = rdtsc();
	if (IS_ERR(page)) {
		kprintf("vda: block %lu: error %ld\n", block, PTR_ERR(page));
		return (int)PTR_ERR(page);
	}
	mark_page_accessed(page);
	kprintf("vda block %lu: %s, %llu TSC ticks, disk reads %lu -> %lu\n",
		block, cached ? "from the page cache" : "read from the disk",
		t1 - t0, reads, READ_ONCE(bdev->bd_stats.ios[0]));
	vda_print_line(page, "  ");
	vda_page_state(page);
	put_page(page);
	return 0;
}

static int vda_write(struct block_device *bdev, pgoff_t block, int argc,
		     char **argv)
{
	struct address_space *mapping = bdev->bd_inode->i_mapping;
	struct page *page = read_mapping_page(mapping, block, NULL);
	char *kaddr;
	size_t off = 0;

	if (IS_ERR(page)) {
		kprintf("vda: block %lu: error %ld\n", block, PTR_ERR(page));
		return (int)PTR_ERR(page);
	}
	lock_page(page);
	wait_on_page_writeback(page); /* stable pages: not while on its way */
	kaddr = kmap_local_page(page);
	for (int i = 0; i < argc && off < VDA_LINE - 1; i++) {
		size_t n = min(strlen(argv[i]), (size_t)VDA_LINE - 1 - off);

		memcpy(kaddr + off, argv[i], n);
		off += n;
		if (i + 1 < argc && off < VDA_LINE - 1)
			kaddr[off++] = ' ';
	}
	memset(kaddr + off, ' ', VDA_LINE - 1 - off);
	kaddr[VDA_LINE - 1] = '\n';
	kunmap_local(kaddr);
	set_page_dirty(page);
	mark_page_accessed(page);
	unlock_page(page);
	kprintf("vda block %lu: written in the page cache (the disk not yet)\n",
		block);
	vda_print_line(page, "  ");
	vda_page_state(page);
	put_page(page);
	balance_dirty_pages_ratelimited(mapping);
	return 0;
}

/* Read the block from the disk into a page of our own: past the cache. */
static int vda_disk(struct block_device *bdev, pgoff_t block)
{
	struct page *page = alloc_page(GFP_KERNEL);
	int err = page ? bdev_read_block(bdev, block, page) : -ENOMEM;

	if (!err) {
		kprintf("vda block %lu on the disk (read past the page cache):\n",
			block);
		vda_print_line(page, "  ");
	}
	if (page)
		__free_page(page);
	return err;
}

static int vda_pages(struct block_device *bdev, unsigned long max)
{
	struct address_space *mapping = bdev->bd_inode->i_mapping;
	struct page *pages[16];
	unsigned long shown = 0;
	pgoff_t index = 0;
	unsigned int n;

	while (shown < max &&
	       (n = find_get_pages(mapping, index, ARRAY_SIZE(pages), pages))) {
		for (unsigned int i = 0; i < n; i++) {
			index = pages[i]->index + 1;
			if (shown++ < max) {
				kprintf("block %lu:", pages[i]->index);
				vda_page_state(pages[i]);
			}
			put_page(pages[i]);
		}
	}
	kprintf("%lu pages cached\n", mapping->nrpages);
	return 0;
}

static void vda_summary(struct block_device *bdev)
{
	struct address_space *mapping = bdev->bd_inode->i_mapping;
	struct bdi_writeback *wb = &bdev->bd_wb;
	unsigned long bg, thresh;

	kprintf("vda: %u:%u, %llu sectors (%llu MB), virtio (legacy PCI)\n",
		MAJOR(bdev->bd_dev), MINOR(bdev->bd_dev),
		get_capacity(bdev->bd_disk), get_capacity(bdev->bd_disk) >> 11);
	kprintf("  page cache: %lu pages; node: %lu dirty, %lu under writeback\n",
		mapping->nrpages, node_page_state(NR_FILE_DIRTY),
		node_page_state(NR_WRITEBACK));
	kprintf("  disk: %lu reads (%lu sectors), %lu writes (%lu sectors), %lu flushes\n",
		bdev->bd_stats.ios[0], bdev->bd_stats.sectors[0],
		bdev->bd_stats.ios[1], bdev->bd_stats.sectors[1],
		bdev->bd_stats.ios[2]);
	global_dirty_limits(&bg, &thresh);
	kprintf("  flusher %s: %lu pages written in %lu runs; limits %lu (background), %lu pages\n",
		wb->task ? wb->task->comm : "-", wb->nr_written, wb->nr_runs,
		bg, thresh);
	kprintf("  kswapd0: woken %lu times; LRU file pages: %lu active, %lu inactive\n",
		nr_kswapd_wakeups, node_page_state(NR_ACTIVE_FILE),
		node_page_state(NR_INACTIVE_FILE));
}

static int vda_usage(void)
{
	kprintf("usage: vda                   the disk and its page cache\n"
		"       vda read BLOCK        a 4 KB block through the cache\n"
		"       vda write BLOCK TEXT  TEXT into the block, in the cache\n"
		"       vda disk BLOCK        the block on the disk, past the cache\n"
		"       vda pages [N]         the cached pages (first N)\n");
	return -EINVAL;
}

static int cmd_vda(int argc, char **argv)
{
	struct block_device *bdev = vda_bdev();
	unsigned long n = 16;
	pgoff_t block;

	if (!bdev)
		return -ENODEV;
	if (argc == 1) {
		vda_summary(bdev);
		return 0;
	}
	if (!strcmp(argv[1], "pages")) {
		if (argc > 3 || (argc == 3 && shell_parse_ulong(argv[2], &n)))
			return vda_usage();
		return vda_pages(bdev, n);
	}
	if (argc < 3 || vda_block_arg(bdev, argv[2], &block))
		return argc < 3 ? vda_usage() : -EINVAL;
	if (!strcmp(argv[1], "read") && argc == 3)
		return vda_read(bdev, block);
	if (!strcmp(argv[1], "disk") && argc == 3)
		return vda_disk(bdev, block);
	if (!strcmp(argv[1], "write") && argc >= 4)
		return vda_write(bdev, block, argc - 3, argv + 3);
	return vda_usage();
}
SHELL_COMMAND(vda, "[read|write|disk|pages ...]",
	      "the virtio disk and its page cache", SHELL_TOPIC_PAGECACHE,
	      cmd_vda,
	      .detail = "vda read BLOCK reads a 4 KB block through the page "
			"cache, as read(2) of /dev/vda does: the first time "
			"from the disk (a bio, an interrupt), then from the "
			"cache.  vda write puts text in the cached page and "
			"marks it dirty: the disk has the old data until the "
			"flusher (5 s after the page is 30 s old), sync, or "
			"reclaim writes it; vda disk reads the disk itself, "
			"past the cache, to show it.",
	      .see = "sync, cat /proc/meminfo (Buffers, Dirty), "
		     "cat /proc/diskstats, demo pagecache");

static int cmd_sync(int argc, char **argv)
{
	if (argc != 1)
		return shell_usage(argv[0]);
	sync_bdevs();
	return 0;
}
SHELL_COMMAND(sync, "", "write every dirty page to its disk (sync(2))",
	      SHELL_TOPIC_PAGECACHE, cmd_sync,
	      .detail = "What the sync system call does: every block "
			"device's dirty pages written, waited for, then the "
			"disk asked to flush its own write cache.",
	      .see = "vda, cat /proc/meminfo (Dirty, Writeback)");
