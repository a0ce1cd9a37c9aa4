/* SPDX-License-Identifier: GPL-2.0 */
/*
 * writeback.h - writing dirty page cache back to disk, later, as Linux's
 * <linux/writeback.h> (mm/page-writeback.c, fs/fs-writeback.c).
 *
 * A write only copies into the page cache and marks the pages dirty; a
 * flusher thread per disk ("flush-254:0") writes them back:
 *  - every dirty_writeback_centisecs (5 s) it writes the pages of files
 *    that have been dirty for more than dirty_expire_centisecs (30 s);
 *  - at once when dirty pages pass dirty_background_ratio (10%) of the
 *    memory that may hold them;
 *  - a writer that pushes them past dirty_ratio (20%) is made to sleep
 *    until the flusher catches up (balance_dirty_pages()).
 * sync(2), fsync(2), and reclaim (which must free clean pages) write
 * them too.  The knobs are Linux's, in /proc/sys/vm/, with its defaults.
 */
#ifndef _WRITEBACK_H
#define _WRITEBACK_H

#include <fs.h>
#include <list.h>
#include <spinlock.h>
#include <types.h>
#include <wait.h>

enum writeback_sync_modes {
	WB_SYNC_NONE, /* start writing, skip what is busy */
	WB_SYNC_ALL, /* write everything and wait (sync, fsync) */
};

/* Why writeback runs (Linux's wb_reason, for the reports). */
enum wb_reason {
	WB_REASON_BACKGROUND,
	WB_REASON_VMSCAN, /* reclaim met dirty pages */
	WB_REASON_SYNC,
	WB_REASON_PERIODIC, /* the kupdate-style timer */
	WB_REASON_LAPTOP_TIMER,
	WB_REASON_FS_FREE_SPACE,
	WB_REASON_FORKER_THREAD,
	WB_REASON_FOREIGN_FLUSH,
	WB_REASON_MAX
};

/* What one call of writepages() is asked to do. */
struct writeback_control {
	long nr_to_write; /* pages left to write; writepages counts down */
	long pages_skipped; /* busy pages left for later */
	pgoff_t range_start, range_end; /* the pages to look at */
	enum writeback_sync_modes sync_mode;
	unsigned for_kupdate : 1; /* old pages, from the timer */
	unsigned for_background : 1; /* over the background threshold */
	unsigned for_reclaim : 1; /* reclaim writes one page */
};

/*
 * A disk's writeback (Linux's bdi_writeback of its backing_dev_info):
 * its dirty inodes, oldest first, and the thread that writes them.
 */
struct bdi_writeback {
	char name[24]; /* "254:0" */
	spinlock_t list_lock; /* b_dirty, each inode's i_state/i_io_list */
	struct list_head b_dirty; /* inodes with dirty pages, by dirtied_when */
	struct task_struct *task; /* the flusher: "flush-254:0" */
	wait_queue_head_t wait; /* it sleeps here */
	unsigned long last_old_flush; /* jiffies of its last periodic look */
	unsigned long start_all; /* reasons to write everything now (bits) */
	bool start_background; /* over the background threshold */
	unsigned long wake_seq; /* bumped to make it recompute its sleep */
	unsigned long nr_written; /* pages it wrote (for tests, reports) */
	unsigned long nr_runs; /* times it woke up and looked */
	struct list_head list; /* in the list of flushers */
};

/* The knobs (/proc/sys/vm), Linux's names and defaults. */
extern int dirty_background_ratio; /* 10 % */
extern unsigned long dirty_background_bytes; /* 0: use the ratio */
extern int vm_dirty_ratio; /* 20 % */
extern unsigned long vm_dirty_bytes; /* 0: use the ratio */
extern unsigned int dirty_writeback_interval; /* 500 centisecs */
extern unsigned int dirty_expire_interval; /* 3000 centisecs */
extern int vm_highmem_is_dirtyable; /* 0: highmem holds no dirty budget */

/*
 * The two thresholds, in pages, of the memory that may be dirtied (free
 * and page cache, lowmem only unless vm_highmem_is_dirtyable).
 */
void global_dirty_limits(unsigned long *pbackground, unsigned long *pdirty);
/* Pages that may be dirtied at all (what the ratios are of). */
unsigned long global_dirtyable_memory(void);
/* Pause a writer that dirtied pages if there are too many dirty ones. */
void balance_dirty_pages_ratelimited(struct address_space *mapping);
/* Times writers were made to wait (for tests and the demo). */
extern unsigned long nr_dirty_throttle_pauses;

/* Write a mapping's dirty pages as wbc says: 0 or -errno. */
int do_writepages(struct address_space *mapping, struct writeback_control *wbc);
/*
 * The generic writepages: walk the dirty tag from range_start, give each
 * page to writepage() (locked, cleaned, under writeback), then unlock.
 */
int write_cache_pages(struct address_space *mapping,
		      struct writeback_control *wbc,
		      int (*writepage)(struct page *page,
				       struct writeback_control *wbc,
				       void *data),
		      void *data);

/* --- the flushers (fs/fs-writeback.c) ------------------------------------ */

/* A new flusher for a disk: 0 or -errno. */
int wb_init(struct bdi_writeback *wb, const char *name);
/* The inode has dirty pages now: onto its flusher's list. */
void __mark_inode_dirty(struct inode *inode, int flags);
/* After sync or fsync wrote it all: off the flusher's list if clean. */
void inode_sync_complete(struct inode *inode);
/* The flusher the inode's pages go to (its block device's). */
struct bdi_writeback *inode_to_wb(struct inode *inode);
/* Ask every flusher to write everything (reclaim, sync). */
void wakeup_flusher_threads(enum wb_reason reason);
/* Ask one to write until below the background threshold. */
void wb_start_background_writeback(struct bdi_writeback *wb);
/* The next flusher after prev (NULL: the first), or NULL. */
struct bdi_writeback *wb_next(struct bdi_writeback *prev);

#endif /* _WRITEBACK_H */
