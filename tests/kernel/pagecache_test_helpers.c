// SPDX-License-Identifier: GPL-2.0
/*
 * pagecache_test_helpers.c - the page cache suites' shared helpers
 * (pagecache_test_helpers.h).
 *
 * The disk's contents are tools/mkdisk.py's: block b begins with the line
 * "kmem386 disk block %08u    \n" (32 bytes) and byte i >= 32 is
 * 'a' + (b + i) % 26.  user/include/diskpattern.h has the same formula.
 */
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <printk.h>
#include <sched.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <swap.h>
#include <timer.h>
#include <writeback.h>

#include "pagecache_test_helpers.h"

struct block_device *pc_bdev_or_skip(struct ktest *test)
{
	struct block_device *bdev = blkdev_get_by_name("vda");

	if (!bdev)
		ktest_skip(test, "needs a virtio disk (-drive if=virtio)");
	if (bdev_nr_bytes(bdev) < (64LL << 20))
		ktest_skip(test, "needs the 64 MB disk of tools/mkdisk.py");
	return bdev;
}

void pc_pattern_header(unsigned long block, char *line)
{
	snprintf(line, PC_HEADER + 1, "kmem386 disk block %08lu    \n", block);
}

bool pc_pattern_ok(const char *buf, unsigned long block, size_t header_from)
{
	char line[PC_HEADER + 1];

	pc_pattern_header(block, line);
	if (header_from < PC_HEADER &&
	    memcmp(buf + header_from, line + header_from,
		   PC_HEADER - header_from))
		return false;
	for (size_t i = PC_HEADER; i < PAGE_SIZE; i++)
		if (buf[i] != (char)('a' + (block + i) % 26))
			return false;
	return true;
}

bool pc_page_pattern_ok(struct page *page, unsigned long block)
{
	char *kaddr = kmap_local_page(page);
	bool ok = pc_pattern_ok(kaddr, block, 0);

	kunmap_local(kaddr);
	return ok;
}

int pc_disk_read(struct block_device *bdev, unsigned long block, char *buf)
{
	struct page *page = alloc_page(GFP_KERNEL);
	int err = page ? bdev_read_block(bdev, block, page) : -ENOMEM;

	if (!err)
		memcpy(buf, page_address(page), PAGE_SIZE);
	if (page)
		__free_page(page);
	return err;
}

/* text padded with blanks to a 32-byte line, as pc_write_header writes it. */
static void pc_header_line(const char *text, char *line)
{
	size_t n = min(strlen(text), (size_t)PC_HEADER - 1);

	memset(line, ' ', PC_HEADER - 1);
	memcpy(line, text, n);
	line[PC_HEADER - 1] = '\n';
	line[PC_HEADER] = '\0';
}

bool pc_disk_has_header(struct block_device *bdev, unsigned long block,
			const char *text)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	char line[PC_HEADER + 1];
	bool ok;

	if (!buf)
		return false;
	pc_header_line(text, line);
	ok = !pc_disk_read(bdev, block, buf) && !memcmp(buf, line, PC_HEADER) &&
	     pc_pattern_ok(buf, block, PC_HEADER);
	kfree(buf);
	return ok;
}

int pc_write_header(struct block_device *bdev, unsigned long block,
		    const char *text)
{
	struct address_space *mapping = pc_mapping(bdev);
	char line[PC_HEADER + 1], *kaddr;
	struct page *page;

	pc_header_line(text, line);
	for (;;) {
		page = read_mapping_page(mapping, block, NULL);
		if (IS_ERR(page))
			return (int)PTR_ERR(page);
		lock_page(page);
		if (page->mapping == mapping)
			break;
		unlock_page(page); /* reclaimed meanwhile: again */
		put_page(page);
	}
	wait_on_page_writeback(page);
	kaddr = kmap_local_page(page);
	memcpy(kaddr, line, PC_HEADER);
	kunmap_local(kaddr);
	set_page_dirty(page);
	unlock_page(page);
	put_page(page);
	return 0;
}

void pc_disk_expect(unsigned long block, const char *text)
{
	printk(KERN_INFO "    # disk-expect: %lu %s\n", block, text);
}

int pc_cache_blocks(struct block_device *bdev, unsigned long first,
		    unsigned long nr)
{
	struct address_space *mapping = pc_mapping(bdev);
	int err = page_cache_read_range(NULL, mapping, first, nr);

	for (unsigned long i = 0; !err && i < nr; i++) {
		struct page *page = read_mapping_page(mapping, first + i, NULL);

		if (IS_ERR(page))
			return (int)PTR_ERR(page);
		put_page(page);
	}
	return err;
}

unsigned long pc_cached(struct block_device *bdev, unsigned long first,
			unsigned long nr)
{
	unsigned long n = 0;

	for (unsigned long i = 0; i < nr; i++) {
		struct page *page = find_get_page(pc_mapping(bdev), first + i);

		if (page) {
			n++;
			put_page(page);
		}
	}
	return n;
}

bool pc_wait_kswapd_idle(void)
{
	pg_data_t *pgdat = NODE_DATA(0);

	for (int i = 0; i < 1000; i++) {
		if (READ_ONCE(pgdat->kswapd_highest_zoneidx) == MAX_NR_ZONES &&
		    waitqueue_active(&pgdat->kswapd_wait))
			return true;
		msleep(10);
	}
	return false;
}

void pc_kswapd_hold(void)
{
	WRITE_ONCE(NODE_DATA(0)->kswapd_failures, 16);
	pc_wait_kswapd_idle();
}

void pc_kswapd_release(void)
{
	WRITE_ONCE(NODE_DATA(0)->kswapd_failures, 0);
}

void pc_fill_zone_to(struct hoard *h, struct zone *zone, unsigned long target)
{
	gfp_t gfp = test_zone_gfp(zone) | __GFP_NOWARN;

	/* The fast path serves while the zone is above its low mark. */
	target = max(target, low_wmark_pages(zone));
	while (zone->free_pages > target) {
		unsigned int order =
			zone->free_pages > target + 2 * MAX_ORDER_NR_PAGES &&
					test_zone_has_block(zone,
							    MAX_ORDER - 1) ?
				MAX_ORDER - 1 :
				0;
		struct page *page = alloc_pages(gfp, order);

		if (!page)
			break;
		if (page_zone(page) != zone) {
			__free_pages(page, order);
			break;
		}
		hoard_add(h, page, order);
	}
}

void pc_knobs_save(struct pc_knobs *k)
{
	k->bg_ratio = dirty_background_ratio;
	k->ratio = vm_dirty_ratio;
	k->highmem = vm_highmem_is_dirtyable;
	k->bg_bytes = dirty_background_bytes;
	k->bytes = vm_dirty_bytes;
	k->expire = dirty_expire_interval;
	k->interval = dirty_writeback_interval;
}

void pc_knobs_restore(const struct pc_knobs *k)
{
	dirty_background_ratio = k->bg_ratio;
	vm_dirty_ratio = k->ratio;
	vm_highmem_is_dirtyable = k->highmem;
	dirty_background_bytes = k->bg_bytes;
	vm_dirty_bytes = k->bytes;
	dirty_expire_interval = k->expire;
	dirty_writeback_interval = k->interval;
}
