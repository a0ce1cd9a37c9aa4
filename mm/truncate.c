// SPDX-License-Identifier: GPL-2.0
/*
 * truncate.c - dropping a file's clean cached pages (pagemap.h), and
 * /proc/sys/vm/drop_caches (Linux's fs/drop_caches.c), which does it for
 * every block device.
 *
 * A page is dropped only if dropping it loses nothing and nobody is
 * using it: it is clean, not under writeback, not locked (trylock), and
 * held by no one but the cache and us (remove_mapping() checks the count
 * under the cache's lock).  So drop_caches is safe at any time, as in
 * Linux: dirty pages stay until they are written (`sync` first to drop
 * them too), and a page a process maps stays mapped.
 */
#include <blkdev.h>
#include <kernel.h>
#include <pagemap.h>
#include <printk.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <swap.h>
#include <vmstat.h>

static bool invalidate_page(struct address_space *mapping, struct page *page)
{
	bool dropped = false;

	if (!trylock_page(page))
		return false;
	/* Ours (from the lookup) and the cache's: nobody else. */
	if (page->mapping == mapping && !PageDirty(page) &&
	    !PageWriteback(page))
		dropped = remove_mapping(mapping, page, 2);
	unlock_page(page);
	return dropped;
}

unsigned long invalidate_mapping_pages(struct address_space *mapping,
				       pgoff_t start, pgoff_t end)
{
	struct page *pages[16];
	unsigned long dropped = 0;
	pgoff_t index = start;
	unsigned int n;

	while (index <= end &&
	       (n = find_get_pages(mapping, index, ARRAY_SIZE(pages), pages))) {
		for (unsigned int i = 0; i < n; i++) {
			struct page *page = pages[i];

			index = page->index + 1;
			if (page->index <= end &&
			    invalidate_page(mapping, page))
				dropped++;
			put_page(page);
		}
		if (!index) /* wrapped past the last index */
			break;
		cond_resched();
	}
	return dropped;
}

int drop_caches(int mode)
{
	if (mode & 1) {
		for (struct block_device *b = bdev_next(NULL); b;
		     b = bdev_next(b))
			invalidate_mapping_pages(b->bd_inode->i_mapping, 0,
						 ULONG_MAX);
		count_vm_event(DROP_PAGECACHE);
	}
	if (mode & 2) {
		kmem_cache_shrink_all();
		count_vm_event(DROP_SLAB);
	}
	return 0;
}

/* Reading it says 0, as Linux's (it is a command, not a setting). */
static void drop_caches_show(struct seq_file *m)
{
	seq_puts(m, "0\n");
}

static ssize_t drop_caches_write(const char *buf, size_t count)
{
	static int stfu; /* Linux's name: 4 silences the line for good */
	long mode;
	int err = proc_parse_long(buf, count, 1, 4, &mode);

	if (err)
		return err;
	drop_caches((int)mode);
	if (!stfu)
		pr_info("%s (%d): drop_caches: %ld\n", current->comm,
			current->pid, mode);
	stfu |= (int)mode & 4;
	return (ssize_t)count;
}
PROC_FILE_RW("sys/vm/drop_caches", drop_caches_show, drop_caches_write);
