// SPDX-License-Identifier: GPL-2.0
/*
 * filemap.c - the page cache: a file's pages by offset, read from the
 * disk once and then served from memory (pagemap.h).
 *
 * A file (here: a block device, /dev/vda) has an address_space whose
 * radix tree maps an offset in pages to the struct page holding that
 * part of the file.  Reading looks there first; a page that is missing
 * is allocated (GFP_HIGHUSER_MOVABLE: highmem first, so the cache fills
 * the memory the kernel has no address for), put in the tree locked and
 * not uptodate, and read by the disk; the end of the read sets
 * PG_uptodate and unlocks it.  Whoever finds a locked page waits for the
 * lock.  Copies to and from the page go through kmap_local_page().
 *
 * Invariants:
 *  - a page is in at most one cache, at page->index of page->mapping,
 *    and the cache holds one reference on it;
 *  - the tree, nrpages and the tags change under mapping->i_pages_lock
 *    (interrupts off: the disk's interrupt ends writeback);
 *  - a page is taken out of the cache only locked, clean, not under
 *    writeback, and when nobody but the cache and the remover holds it:
 *    the reference count is checked under i_pages_lock, where every
 *    lookup takes its reference (remove_mapping());
 *  - a page cache page is on an LRU list (mm/swap.c) from its insertion
 *    until its last reference goes, even after it left the cache.
 *
 * The tree's nodes come from the slab cache radix_tree_node: an inserter
 * that finds it needs one more drops the lock, allocates it with its own
 * GFP flags (so reclaim may run), and tries again with the nodes it has
 * (a failed try gives back the ones it took); the nodes it did not use
 * are freed (Linux keeps a per-CPU reserve instead: radix_tree_preload()).
 *
 * PG_locked and PG_writeback are waited for on a hashed table of wait
 * queues (page_waitqueue()), Linux's: a wait queue per page would cost
 * 16 bytes of every struct page.
 *
 * Simpler than Linux: no readahead beyond the pages a read asks for (a
 * read of 16 pages that are not cached is one bio of 16 pages, but the
 * 17th page is read only when asked for), no folios, no shadow entries.
 */
#include <bug.h>
#include <errno.h>
#include <highmem.h>
#include <init.h>
#include <kernel.h>
#include <pagemap.h>
#include <sched.h>
#include <slab.h>
#include <swap.h>
#include <uaccess.h>
#include <vmstat.h>
#include <writeback.h>

#define PAGE_WAIT_TABLE_BITS 8
#define PAGE_CACHE_READ_BATCH 32 /* pages handed to readpages() at once */
#define PAGE_WAIT_TABLE_SIZE (1 << PAGE_WAIT_TABLE_BITS)

static wait_queue_head_t page_wait_table[PAGE_WAIT_TABLE_SIZE];
static struct kmem_cache *radix_tree_node_cachep;

/* Nodes an inserter brought for the tree, used under i_pages_lock. */
struct radix_tree_preload {
	unsigned int nr;
	struct radix_tree_node *nodes[RADIX_TREE_MAX_PATH];
};

static struct radix_tree_node *page_cache_node_alloc(struct radix_tree_root *r)
{
	struct address_space *mapping =
		container_of(r, struct address_space, i_pages);
	struct radix_tree_preload *pl = mapping->i_preload;

	return pl && pl->nr ? pl->nodes[--pl->nr] : NULL;
}

/*
 * A node the tree gives back: to the inserter's reserve while one is in
 * progress (an insert that ran out of nodes prunes the ones it had taken,
 * and the next try needs them again), else to the slab cache.
 */
static void page_cache_node_free(struct radix_tree_root *r,
				 struct radix_tree_node *node)
{
	struct address_space *mapping =
		container_of(r, struct address_space, i_pages);
	struct radix_tree_preload *pl = mapping->i_preload;

	if (pl && pl->nr < RADIX_TREE_MAX_PATH)
		pl->nodes[pl->nr++] = node;
	else
		kmem_cache_free(radix_tree_node_cachep, node);
}

/*
 * The tree nodes' cache, made with the first page cache (a disk's: boots
 * without one allocate nothing for it).
 */
static int radix_tree_cache_init(void)
{
	static DEFINE_MUTEX(lock);

	mutex_lock(&lock);
	if (!radix_tree_node_cachep)
		radix_tree_node_cachep = kmem_cache_create(
			"radix_tree_node", sizeof(struct radix_tree_node), 0,
			SLAB_RECLAIM_ACCOUNT, NULL);
	mutex_unlock(&lock);
	return radix_tree_node_cachep ? 0 : -ENOMEM;
}

int address_space_init(struct address_space *mapping, struct inode *host,
		       const struct address_space_operations *a_ops, gfp_t gfp)
{
	mapping->host = host;
	INIT_RADIX_TREE(&mapping->i_pages, page_cache_node_alloc,
			page_cache_node_free);
	spin_lock_init(&mapping->i_pages_lock);
	mapping->i_preload = NULL;
	mapping->nrpages = 0;
	mapping->gfp_mask = gfp;
	mapping->a_ops = a_ops;
	mapping->wb_err = 0;
	mapping->nr_mmap = 0;
	return radix_tree_cache_init();
}

/* --- the page lock and the writeback bit --------------------------------- */

static wait_queue_head_t *page_waitqueue(struct page *page)
{
	unsigned long pfn = page_to_pfn(page);

	return &page_wait_table[(pfn * 0x9e370001UL) >>
				(32 - PAGE_WAIT_TABLE_BITS)];
}

void __lock_page(struct page *page)
{
	wait_queue_head_t *q = page_waitqueue(page);

	do {
		wait_event(*q, !PageLocked(page));
	} while (TestSetPageLocked(page));
}

/*
 * The locked clear is a full barrier: a waiter that queued itself (with
 * a barrier after, set_current_state()) and then saw the bit set is on
 * the queue by the time we look at it.
 */
static void wake_up_page(struct page *page)
{
	wait_queue_head_t *q = page_waitqueue(page);

	if (waitqueue_active(q))
		wake_up_all(q);
}

void unlock_page(struct page *page)
{
	if (WARN_ONCE(!PageLocked(page),
		      "unlock_page: pfn %#lx is not locked\n",
		      page_to_pfn(page)))
		return;
	ClearPageLocked(page);
	wake_up_page(page);
}

void wait_on_page_locked(struct page *page)
{
	if (PageLocked(page))
		wait_event(*page_waitqueue(page), !PageLocked(page));
}

void wait_on_page_writeback(struct page *page)
{
	if (PageWriteback(page))
		wait_event(*page_waitqueue(page), !PageWriteback(page));
}

void end_page_writeback(struct page *page)
{
	struct address_space *mapping = page->mapping;
	unsigned long flags;

	if (PageReclaim(page)) {
		/* Reclaim wrote it to free it: put it where reclaim looks. */
		ClearPageReclaim(page);
		rotate_reclaimable_page(page);
	}
	if (mapping)
		spin_lock_irqsave(&mapping->i_pages_lock, flags);
	if (TestClearPageWriteback(page)) {
		if (mapping)
			radix_tree_tag_clear(&mapping->i_pages, page->index,
					     PAGECACHE_TAG_WRITEBACK);
		mod_page_write_pending(page, NR_WRITEBACK, -1);
	} else {
		WARN_ONCE(
			1,
			"end_page_writeback: pfn %#lx was not under writeback\n",
			page_to_pfn(page));
	}
	if (mapping)
		spin_unlock_irqrestore(&mapping->i_pages_lock, flags);
	wake_up_page(page);
}

/* --- finding pages ------------------------------------------------------- */

/* find_get_page(), inline in the read loop (filemap_read()). */
static __always_inline struct page *
__find_get_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page;
	unsigned long flags;

	spin_lock_irqsave(&mapping->i_pages_lock, flags);
	page = radix_tree_lookup(&mapping->i_pages, index);
	if (page)
		get_page(page);
	spin_unlock_irqrestore(&mapping->i_pages_lock, flags);
	return page;
}

struct page *find_get_page(struct address_space *mapping, pgoff_t index)
{
	return __find_get_page(mapping, index);
}

struct page *find_lock_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page;

	for (;;) {
		page = find_get_page(mapping, index);
		if (!page)
			return NULL;
		lock_page(page);
		if (page->mapping == mapping && page->index == index)
			return page;
		/* It left the cache while we waited for its lock. */
		unlock_page(page);
		put_page(page);
	}
}

static unsigned int find_get_pages_range(struct address_space *mapping,
					 pgoff_t index, unsigned int tag,
					 unsigned int nr, struct page **pages)
{
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&mapping->i_pages_lock, flags);
	if (tag < RADIX_TREE_MAX_TAGS)
		n = radix_tree_gang_lookup_tag(&mapping->i_pages,
					       (void **)pages, index, nr, tag);
	else
		n = radix_tree_gang_lookup(&mapping->i_pages, (void **)pages,
					   index, nr);
	for (unsigned int i = 0; i < n; i++)
		get_page(pages[i]);
	spin_unlock_irqrestore(&mapping->i_pages_lock, flags);
	return n;
}

unsigned int find_get_pages(struct address_space *mapping, pgoff_t index,
			    unsigned int nr, struct page **pages)
{
	return find_get_pages_range(mapping, index, RADIX_TREE_MAX_TAGS, nr,
				    pages);
}

unsigned int find_get_pages_tag(struct address_space *mapping, pgoff_t index,
				unsigned int tag, unsigned int nr,
				struct page **pages)
{
	return find_get_pages_range(mapping, index, tag, nr, pages);
}

/* --- adding and removing ------------------------------------------------- */

int add_to_page_cache_lru(struct page *page, struct address_space *mapping,
			  pgoff_t index, gfp_t gfp)
{
	struct radix_tree_preload pl = { 0 };
	unsigned long flags;
	int err;

	if (WARN_ONCE(!PageLocked(page) || PageLRU(page) || page->mapping,
		      "add_to_page_cache: pfn %#lx must be new and locked\n",
		      page_to_pfn(page)))
		return -EINVAL;
	for (;;) {
		spin_lock_irqsave(&mapping->i_pages_lock, flags);
		mapping->i_preload = &pl;
		err = radix_tree_insert(&mapping->i_pages, index, page);
		mapping->i_preload = NULL;
		if (!err) {
			get_page(page); /* the cache's reference */
			page->mapping = mapping;
			page->index = index;
			mapping->nrpages++;
			mod_node_page_state(NR_FILE_PAGES, 1);
		}
		spin_unlock_irqrestore(&mapping->i_pages_lock, flags);
		if (err != -ENOMEM || pl.nr == RADIX_TREE_MAX_PATH)
			break;
		/* One more node, with the caller's flags: reclaim may run. */
		pl.nodes[pl.nr] = kmem_cache_alloc(
			radix_tree_node_cachep,
			(gfp & ~(gfp_t)(__GFP_ZONEMASK | __GFP_MOVABLE |
					__GFP_HARDWALL)) |
				__GFP_NOWARN);
		if (!pl.nodes[pl.nr])
			break;
		pl.nr++;
	}
	while (pl.nr)
		kmem_cache_free(radix_tree_node_cachep, pl.nodes[--pl.nr]);
	if (!err)
		lru_cache_add(page);
	return err;
}

struct page *find_or_create_page(struct address_space *mapping, pgoff_t index,
				 gfp_t gfp)
{
	for (;;) {
		struct page *page = find_lock_page(mapping, index);
		int err;

		if (page)
			return page;
		page = alloc_pages(gfp, 0);
		if (!page)
			return NULL;
		SetPageLocked(page);
		err = add_to_page_cache_lru(page, mapping, index, gfp);
		if (!err)
			return page;
		ClearPageLocked(page);
		put_page(page);
		if (err != -EEXIST)
			return NULL;
	}
}

bool remove_mapping(struct address_space *mapping, struct page *page,
		    int expected_refs)
{
	unsigned long flags;

	spin_lock_irqsave(&mapping->i_pages_lock, flags);
	/* Every lookup takes its reference under this lock: none can come. */
	if (page->mapping != mapping || page_count(page) != expected_refs ||
	    PageDirty(page) || PageWriteback(page)) {
		spin_unlock_irqrestore(&mapping->i_pages_lock, flags);
		return false;
	}
	radix_tree_delete(&mapping->i_pages, page->index);
	page->mapping = NULL;
	mapping->nrpages--;
	mod_node_page_state(NR_FILE_PAGES, -1);
	spin_unlock_irqrestore(&mapping->i_pages_lock, flags);
	ClearPageUptodate(page);
	put_page(page); /* the cache's reference: the caller holds its own */
	return true;
}

/* --- reading ------------------------------------------------------------- */

/* Allocate, add and read the missing pages of a run (at most a bio). */
static int page_cache_read_run(struct address_space *mapping, pgoff_t index,
			       unsigned long nr)
{
	struct page *pages[PAGE_CACHE_READ_BATCH];
	unsigned int n = 0;
	int err = 0;

	while (n < nr && n < PAGE_CACHE_READ_BATCH) {
		struct page *page = alloc_pages(mapping_gfp_mask(mapping), 0);

		if (!page) {
			err = -ENOMEM;
			break;
		}
		SetPageLocked(page);
		err = add_to_page_cache_lru(page, mapping, index + n,
					    mapping_gfp_mask(mapping));
		if (err) {
			/* -EEXIST: someone read it meanwhile; the run ends. */
			ClearPageLocked(page);
			put_page(page);
			if (err == -EEXIST)
				err = 0;
			break;
		}
		pages[n++] = page;
	}
	if (n) {
		int rerr = mapping->a_ops->readpages(mapping, pages, n);

		if (rerr) {
			/* Nothing started: no page may stay locked. */
			for (unsigned int i = 0; i < n; i++)
				unlock_page(pages[i]);
			err = rerr;
		}
	}
	for (unsigned int i = 0; i < n; i++)
		put_page(pages[i]); /* the cache keeps its own */
	return n ? (int)n : err;
}

/*
 * Read the missing pages of [index, index + nr).  `missing`: the caller
 * looked the first one up a moment ago and found none, so the reading
 * starts there without a second lookup (one page that appeared meanwhile
 * makes the run -EEXIST: page_cache_read_run() then reads nothing).
 */
static int __page_cache_read_range(struct address_space *mapping, pgoff_t index,
				   unsigned long nr, bool missing)
{
	while (nr) {
		struct page *page = missing ? NULL :
					      find_get_page(mapping, index);
		int n;

		missing = false;
		if (page) {
			put_page(page);
			index++;
			nr--;
			continue;
		}
		n = page_cache_read_run(mapping, index, nr);
		if (n < 0)
			return n;
		if (!n) /* the first page appeared meanwhile */
			continue;
		index += (unsigned long)n;
		nr -= min(nr, (unsigned long)n);
	}
	return 0;
}

int page_cache_read_range(struct file *file, struct address_space *mapping,
			  pgoff_t index, unsigned long nr)
{
	return __page_cache_read_range(mapping, index, nr, false);
}

/*
 * The page at index, uptodate and referenced, read if it was not cached
 * (and the rest of the read's pages with it); ERR_PTR(-EIO, -ENOMEM).
 * `missing`: the caller's own lookup just found no page there.
 */
static struct page *filemap_get_page(struct address_space *mapping,
				     pgoff_t index, unsigned long nr,
				     bool missing)
{
	for (int tries = 0;; tries++) {
		struct page *page = missing ? NULL :
					      find_get_page(mapping, index);
		int err;

		if (!page) {
			err = __page_cache_read_range(mapping, index, nr,
						      missing);
			missing = false;
			if (err)
				return ERR_PTR(err);
			continue;
		}
		if (likely(PageUptodate(page)))
			return page;
		wait_on_page_locked(page);
		if (PageUptodate(page))
			return page;
		/* A failed read, or a write that did not fill it: read again. */
		lock_page(page);
		if (page->mapping == mapping && !PageUptodate(page) &&
		    tries < 2) {
			err = mapping->a_ops->readpages(mapping, &page, 1);
			if (err)
				unlock_page(page);
			put_page(page);
			if (err)
				return ERR_PTR(err);
			continue;
		}
		unlock_page(page);
		if (PageUptodate(page))
			return page;
		put_page(page);
		if (tries >= 2)
			return ERR_PTR(-EIO);
	}
}

struct page *read_mapping_page(struct address_space *mapping, pgoff_t index,
			       struct file *file)
{
	return filemap_get_page(mapping, index, 1, false);
}

/*
 * filemap_read()'s page that is not hot (a hot one is read and active):
 * read it if it is missing (the lookup gave NULL) or not uptodate, with
 * the rest of the read's nr pages, and mark it accessed.
 */
static noinline struct page *filemap_read_page(struct address_space *mapping,
					       struct page *page, pgoff_t index,
					       unsigned long nr)
{
	if (!page || !PageUptodate(page)) {
		/* Not cached or not read: read the rest now. */
		if (page)
			put_page(page);
		page = filemap_get_page(mapping, index, nr, !page);
		if (IS_ERR(page))
			return page;
	}
	mark_page_accessed(page);
	return page;
}

/* The pages [pos, pos + len) touches (len > 0). */
static unsigned long pages_spanned(loff_t pos, size_t len)
{
	return (unsigned long)(((pos + (loff_t)len - 1) >> PAGE_SHIFT) -
			       (pos >> PAGE_SHIFT)) +
	       1;
}

ssize_t filemap_read(struct file *file, char __user *buf, size_t count,
		     loff_t *ppos)
{
	/* A hot page: read, and used often enough to be on the active list. */
	const unsigned long hot = (1UL << PG_uptodate) |
				  (1UL << PG_referenced) | (1UL << PG_active);
	struct address_space *mapping = file->f_mapping;
	loff_t pos = *ppos, size = mapping->host->i_size;
	size_t done = 0, offset;
	pgoff_t index;
	ssize_t err = 0;

	if (unlikely(pos < 0))
		return -EINVAL;
	if (pos >= size || !count)
		return 0;
	if ((u64)(size - pos) < count)
		count = (size_t)(size - pos); /* up to the end of the file */
	/* Page by page, in 32 bits: the page, the offset in it, what is done. */
	index = (pgoff_t)(pos >> PAGE_SHIFT);
	offset = (size_t)pos & ~PAGE_MASK;
	do {
		size_t n = min(PAGE_SIZE - offset, count - done);
		struct page *page = __find_get_page(mapping, index);
		unsigned long missed;
		char *kaddr;

		if (unlikely(!page || (READ_ONCE(page->flags) & hot) != hot)) {
			page = filemap_read_page(
				mapping, page, index,
				pages_spanned(*ppos + (loff_t)done,
					      count - done));
			if (IS_ERR(page)) {
				err = PTR_ERR(page);
				break;
			}
		}
		/*
		 * The copy may fault and sleep: kmap_local survives it.  read()
		 * and pread() checked [buf, buf + count) with access_ok().
		 */
		kaddr = kmap_local_page(page);
		missed = __copy_to_user(buf + done, kaddr + offset, n);
		kunmap_local(kaddr);
		put_page(page);
		done += n - missed;
		if (unlikely(missed)) {
			err = -EFAULT;
			break;
		}
		index++;
		offset = 0;
	} while (done < count);
	*ppos += (loff_t)done;
	return done ? (ssize_t)done : err;
}

/* --- mapping it into processes -------------------------------------------- */

/*
 * A page fault in a mapping of the file: the cached page (read if it is
 * not there, a "major" fault), referenced for the page table.  Past the
 * end of the file: SIGBUS, as Linux.
 */
static int filemap_fault(struct vm_fault *vmf)
{
	struct address_space *mapping = vmf->vma->vm_file->f_mapping;
	loff_t size = mapping->host->i_size;
	struct page *page;

	if ((loff_t)vmf->pgoff << PAGE_SHIFT >= size)
		return -EFAULT;
	page = find_get_page(mapping, vmf->pgoff);
	if (!page || !PageUptodate(page)) {
		if (page)
			put_page(page);
		count_vm_event(PGMAJFAULT);
		page = filemap_get_page(mapping, vmf->pgoff, 1, !page);
		if (IS_ERR(page))
			return (int)PTR_ERR(page);
	}
	mark_page_accessed(page);
	vmf->page = page;
	return 0;
}

/*
 * Linux's filemap_map_pages(): fault-around maps the window's cached pages
 * that are read and not locked (not being read, written back from a
 * mapping's write or dropped): the page lock is held while the page's
 * mapping is checked, so a page that left the cache meanwhile is not
 * mapped.  The pages are not marked accessed (Linux's neither).
 */
static void filemap_map_pages(struct vm_fault *vmf, unsigned long start,
			      unsigned long end)
{
	struct address_space *mapping = vmf->vma->vm_file->f_mapping;
	loff_t size = mapping->host->i_size;
	struct page *pages[16];
	unsigned int n;

	if (!size)
		return;
	end = min(end, (unsigned long)((size - 1) >> PAGE_SHIFT));
	if (end < start)
		return;
	n = find_get_pages(
		mapping, start,
		(unsigned int)min(end - start + 1, ARRAY_SIZE(pages)), pages);
	for (unsigned int i = 0; i < n; i++) {
		struct page *page = pages[i];
		bool mapped = false;

		if (page->index <= end && PageUptodate(page) &&
		    trylock_page(page)) {
			if (page->mapping == mapping && PageUptodate(page))
				mapped = map_page_around(vmf, page);
			unlock_page(page);
		}
		if (!mapped)
			put_page(page);
	}
}

/*
 * The first write to a page through a shared mapping (its PTE was
 * read-only): wait until the disk has it if it is being written (the
 * device must read what it was given, Linux's stable pages), then mark it
 * dirty: the flusher will write it.
 */
static int filemap_page_mkwrite(struct vm_fault *vmf)
{
	struct page *page = vmf->page;

	lock_page(page);
	if (page->mapping != vmf->vma->vm_file->f_mapping) {
		unlock_page(page); /* dropped from the cache meanwhile */
		return -EFAULT;
	}
	wait_on_page_writeback(page);
	set_page_dirty(page);
	unlock_page(page);
	return 0;
}

static void filemap_vma_open(struct vm_area_struct *vma)
{
	__atomic_add_fetch(&vma->vm_file->f_mapping->nr_mmap, 1,
			   __ATOMIC_SEQ_CST);
}

static void filemap_vma_close(struct vm_area_struct *vma)
{
	__atomic_sub_fetch(&vma->vm_file->f_mapping->nr_mmap, 1,
			   __ATOMIC_SEQ_CST);
}

static const struct vm_operations_struct generic_file_vm_ops = {
	.open = filemap_vma_open,
	.close = filemap_vma_close,
	.fault = filemap_fault,
	.map_pages = filemap_map_pages,
	.page_mkwrite = filemap_page_mkwrite,
	.name = "filemap",
};

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!file->f_mapping || !file->f_mapping->a_ops)
		return -ENODEV;
	vma->vm_ops = &generic_file_vm_ops;
	filemap_vma_open(vma);
	return 0;
}

/* --- writing ------------------------------------------------------------- */

/*
 * Touch the user's buffer before the page is locked: a copy that faulted
 * with the page locked could need that very page (a mapping of this
 * file), whose lock we hold.  Bytes that could not be touched.
 */
static size_t fault_in_readable(const char __user *buf, size_t n)
{
	const char __user *p = buf, *end = buf + n;
	char c;

	if (!n)
		return 0;
	for (; p < end;
	     p = (const char __user *)(((unsigned long)p | ~PAGE_MASK) + 1))
		if (get_user(c, p))
			return (size_t)(end - p);
	if (get_user(c, end - 1))
		return 1;
	(void)c;
	return 0;
}

/* The locked page at index, uptodate unless the write will fill it. */
static struct page *write_begin(struct address_space *mapping, pgoff_t index,
				bool full_page)
{
	struct page *page =
		find_or_create_page(mapping, index, mapping_gfp_mask(mapping));

	if (!page)
		return ERR_PTR(-ENOMEM);
	if (PageUptodate(page) || full_page)
		return page;
	/* A part of the page: the rest must come from the disk first. */
	if (mapping->a_ops->readpages(mapping, &page, 1)) {
		unlock_page(page);
		put_page(page);
		return ERR_PTR(-EIO);
	}
	lock_page(page);
	if (!PageUptodate(page) || page->mapping != mapping) {
		unlock_page(page);
		put_page(page);
		return ERR_PTR(-EIO);
	}
	return page;
}

ssize_t generic_perform_write(struct file *file, const char __user *buf,
			      size_t count, loff_t *ppos)
{
	struct address_space *mapping = file->f_mapping;
	loff_t pos = *ppos;
	size_t written = 0;
	ssize_t err = 0;

	while (written < count) {
		pgoff_t index = (pgoff_t)(pos >> PAGE_SHIFT);
		size_t offset = (size_t)(pos & ~PAGE_MASK);
		size_t n = min(PAGE_SIZE - offset, count - written);
		struct page *page;
		unsigned long left;
		char *kaddr;

		if (fault_in_readable(buf + written, n)) {
			err = -EFAULT;
			break;
		}
		page = write_begin(mapping, index, n == PAGE_SIZE);
		if (IS_ERR(page)) {
			err = PTR_ERR(page);
			break;
		}
		kaddr = kmap_local_page(page);
		left = copy_from_user(kaddr + offset, buf + written, n);
		kunmap_local(kaddr);
		if (!left && n == PAGE_SIZE)
			SetPageUptodate(page);
		if (!PageUptodate(page))
			left = n; /* a torn copy into a new page: discard */
		else if (n - left)
			set_page_dirty(page);
		mark_page_accessed(page);
		unlock_page(page);
		put_page(page);
		written += n - left;
		pos += (loff_t)(n - left);
		if (left) {
			err = -EFAULT;
			break;
		}
		balance_dirty_pages_ratelimited(mapping);
		cond_resched();
	}
	*ppos = pos;
	return written ? (ssize_t)written : err;
}

/* --- waiting for writeback ------------------------------------------------ */

int filemap_fdatawait(struct address_space *mapping)
{
	struct page *pages[16];
	pgoff_t index = 0;
	unsigned int n;

	while ((n = find_get_pages_tag(mapping, index, PAGECACHE_TAG_WRITEBACK,
				       ARRAY_SIZE(pages), pages))) {
		for (unsigned int i = 0; i < n; i++) {
			wait_on_page_writeback(pages[i]);
			index = pages[i]->index + 1;
			put_page(pages[i]);
		}
	}
	/* The error is reported once, to whoever waits (Linux's AS_EIO). */
	return xchg32((u32 *)&mapping->wb_err, 0) ? -EIO : 0;
}

int filemap_fdatawrite(struct address_space *mapping)
{
	struct writeback_control wbc = {
		.nr_to_write = LONG_MAX,
		.range_start = 0,
		.range_end = ULONG_MAX,
		.sync_mode = WB_SYNC_ALL,
	};

	return do_writepages(mapping, &wbc);
}

int filemap_fdatawrite_nowait(struct address_space *mapping)
{
	struct writeback_control wbc = {
		.nr_to_write = LONG_MAX,
		.range_start = 0,
		.range_end = ULONG_MAX,
		.sync_mode = WB_SYNC_NONE,
	};

	return do_writepages(mapping, &wbc);
}

int filemap_write_and_wait(struct address_space *mapping)
{
	int err = filemap_fdatawrite(mapping);
	int err2 = filemap_fdatawait(mapping);

	return err ? err : err2;
}

/* The wait table; the tree nodes' cache comes with the first cache. */
static int __init pagecache_init(void)
{
	for (int i = 0; i < PAGE_WAIT_TABLE_SIZE; i++)
		init_waitqueue_head(&page_wait_table[i]);
	return 0;
}
core_initcall(pagecache_init);
