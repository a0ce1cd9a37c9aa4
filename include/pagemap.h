/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagemap.h - the page cache, as Linux's <linux/pagemap.h>
 * (mm/filemap.c, mm/truncate.c).
 *
 * A file's cached pages live in its address_space (fs.h), found by their
 * offset in pages.  A page comes into the cache locked and not uptodate,
 * is read from the disk, and is unlocked by the end of the read with
 * PG_uptodate set; anyone who finds it meanwhile waits for the lock:
 *
 *	page = find_get_page(mapping, index);		// referenced, or NULL
 *	if (!page) ... page_cache_read_range() ...
 *	wait_on_page_locked(page);
 *	if (!PageUptodate(page)) -> -EIO
 *	kaddr = kmap_local_page(page); ... kunmap_local(kaddr);
 *	put_page(page);
 *
 * PG_locked is a sleeping lock on the page (I/O in flight, someone
 * changing it); PG_writeback says it is being written.  Both are waited
 * for on a hashed table of wait queues, as Linux's.
 */
#ifndef _PAGEMAP_H
#define _PAGEMAP_H

#include <fs.h>
#include <mm.h>

/* The radix tree's tags of a page cache. */
#define PAGECACHE_TAG_DIRTY 0
#define PAGECACHE_TAG_WRITEBACK 1

/*
 * Set a new address_space up for host, pages from gfp, a_ops its backing:
 * 0, or -ENOMEM (the first one makes the tree's node cache).
 */
int address_space_init(struct address_space *mapping, struct inode *host,
		       const struct address_space_operations *a_ops, gfp_t gfp);

static inline gfp_t mapping_gfp_mask(const struct address_space *mapping)
{
	return mapping->gfp_mask;
}

/* --- the page lock and the writeback bit (mm/filemap.c) ------------------ */

void __lock_page(struct page *page);
/* Sleep until the page is ours (PG_locked set by us). */
static inline void lock_page(struct page *page)
{
	if (TestSetPageLocked(page))
		__lock_page(page);
}

static inline bool trylock_page(struct page *page)
{
	return !TestSetPageLocked(page);
}

void unlock_page(struct page *page);
void wait_on_page_locked(struct page *page);
void wait_on_page_writeback(struct page *page);

/* --- finding and adding pages (mm/filemap.c) ----------------------------- */

/* The page at index, with a reference; NULL if it is not cached. */
struct page *find_get_page(struct address_space *mapping, pgoff_t index);
/* ... locked too (and still in this mapping); NULL if not cached. */
struct page *find_lock_page(struct address_space *mapping, pgoff_t index);
/* ... or a new locked page added to the cache; NULL if no memory. */
struct page *find_or_create_page(struct address_space *mapping, pgoff_t index,
				 gfp_t gfp);
/*
 * Put a new (locked) page in the cache at index and on the LRU lists:
 * 0, -EEXIST (someone was quicker), -ENOMEM.  The cache takes its own
 * reference; the caller keeps its own.
 */
int add_to_page_cache_lru(struct page *page, struct address_space *mapping,
			  pgoff_t index, gfp_t gfp);
/* Up to nr pages from index on, referenced: how many. */
unsigned int find_get_pages(struct address_space *mapping, pgoff_t index,
			    unsigned int nr, struct page **pages);
unsigned int find_get_pages_tag(struct address_space *mapping, pgoff_t index,
				unsigned int tag, unsigned int nr,
				struct page **pages);

/*
 * Take a page out of its cache if nobody but the cache and the caller
 * (expected_refs in all) holds it and it is clean: true if it was.
 * The page is locked; the cache's reference is dropped.
 */
bool remove_mapping(struct address_space *mapping, struct page *page,
		    int expected_refs);

/*
 * Read pages [index, index + nr) of the cache that are not there yet, in
 * as few bios as the disk takes: 0, or -ENOMEM.  Does not wait.
 */
int page_cache_read_range(struct file *file, struct address_space *mapping,
			  pgoff_t index, unsigned long nr);
/* The page at index, uptodate and referenced: read it if needed. */
struct page *read_mapping_page(struct address_space *mapping, pgoff_t index,
			       struct file *file);

/* --- reading and writing a file through its cache ------------------------ */

/* read(2) of a cached file: bytes copied, or -errno. */
ssize_t filemap_read(struct file *file, char __user *buf, size_t count,
		     loff_t *pos);
/* write(2): copy into cached pages, dirty them: bytes, or -errno. */
ssize_t generic_perform_write(struct file *file, const char __user *buf,
			      size_t count, loff_t *pos);

/* --- dirty pages and their writeback (mm/page-writeback.c) --------------- */

/* Mark it dirty (tag, count, the inode on its flusher's list). */
bool set_page_dirty(struct page *page);
/* Before writing a locked page: was it dirty?  (Clears PG_dirty.) */
bool clear_page_dirty_for_io(struct page *page);
/* Writeback starts (page locked and cleaned) / ends (any context). */
void set_page_writeback(struct page *page);
void end_page_writeback(struct page *page);

/* Write every dirty page (WB_SYNC_ALL: those under writeback too). */
int filemap_fdatawrite(struct address_space *mapping);
/* Start writing the dirty pages, skip what is busy (WB_SYNC_NONE). */
int filemap_fdatawrite_nowait(struct address_space *mapping);
/* Wait for the writeback in flight: 0, or the error it met. */
int filemap_fdatawait(struct address_space *mapping);
/* Both, as fsync wants: 0 or -EIO. */
int filemap_write_and_wait(struct address_space *mapping);

/* --- mapping a file into processes (mm/filemap.c, mm/rmap.c) ------------- */

/* A file's mmap(): its pages map through its page cache. */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
/*
 * The dirty bits of every process's PTEs that map the file's pages moved
 * to the pages, the PTEs made clean and read-only (Linux's page_mkclean()
 * for a whole file): how many were dirty.  Writeback calls it first.
 */
unsigned long mapping_mkclean(struct address_space *mapping);

/* --- dropping clean pages (mm/truncate.c) -------------------------------- */

/*
 * Drop the clean, unlocked, unmapped pages of [start, end] (drop_caches,
 * fadvise DONTNEED): how many were dropped.  Dirty pages, pages being
 * written and pages someone holds stay.
 */
unsigned long invalidate_mapping_pages(struct address_space *mapping,
				       pgoff_t start, pgoff_t end);

#endif /* _PAGEMAP_H */
