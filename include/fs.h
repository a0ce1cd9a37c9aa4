/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fs.h - files, as Linux's <linux/fs.h> has them, for one file system: a
 * tree in memory (fs/ramfs.c) filled from the initramfs at boot.
 *
 * A dentry is a name in a directory; its inode is the file itself (type,
 * permissions, size, data); a struct file is one open of it (a position,
 * an access mode) that descriptors point to.  Regular files keep their
 * data in pages, highmem first, reached through kmap_local: the page
 * cache of a file system that has no disk.
 */
#ifndef _FS_H
#define _FS_H

#include <gfp.h>
#include <list.h>
#include <mutex.h>
#include <radix-tree.h>
#include <spinlock.h>
#include <types.h>

#ifndef __user
#define __user
#endif

typedef long long loff_t;
typedef unsigned short umode_t;
typedef unsigned int fmode_t;

/* i_mode: the file type and permission bits, Linux's (octal) */
#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define S_ISVTX 0001000
#define S_ISREG(m) (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m)&S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m)&S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m)&S_IFMT) == S_IFBLK)
#define S_IRWXUGO 00777
#define S_IXUGO 00111

/* open() flags, Linux's i386 values (octal) */
#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_NOCTTY 00000400
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_NONBLOCK 00004000
#define O_LARGEFILE 00100000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW 00400000
#define O_CLOEXEC 02000000

/* file.f_mode */
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2
#define FMODE_LSEEK 0x4

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4

#define PATH_MAX 4096 /* bytes in a path, the NUL included */
#define NAME_MAX 255 /* bytes in one component */
#define MAX_LFS_FILESIZE 0x7fffffffffffffffLL

struct file;
struct inode;
struct page;
struct vm_area_struct;
struct address_space;
struct writeback_control;
struct bdi_writeback;

/* What a page cache asks of its backing (a block device: block/fops.c). */
struct address_space_operations {
	/*
	 * Read nr locked, not uptodate pages of consecutive indexes (Linux's
	 * readpages until 5.17); each is unlocked when its read ends, with
	 * PG_uptodate set if it worked: 0 or -errno (nothing started).
	 */
	int (*readpages)(struct address_space *mapping, struct page **pages,
			 unsigned int nr);
	/* Write one locked page, already cleaned (reclaim): 0 or -errno. */
	int (*writepage)(struct page *page, struct writeback_control *wbc);
	/* Start writing dirty pages as wbc says: 0 or -errno. */
	int (*writepages)(struct address_space *mapping,
			  struct writeback_control *wbc);
};

/*
 * A file's page cache (mm/filemap.c): its pages by offset, in a radix tree
 * whose tags say which are dirty and which are being written back.  The
 * tree, nrpages and the tags are changed under i_pages_lock, with
 * interrupts off (the disk's interrupt ends writeback and clears its
 * tag).  The cache holds a reference on each of its pages.
 */
struct address_space {
	struct inode *host; /* the file (or block device) it caches */
	struct radix_tree_root i_pages; /* index -> struct page */
	spinlock_t i_pages_lock; /* Linux's xa_lock */
	void *i_preload; /* tree nodes the inserter brought (under the lock) */
	unsigned long nrpages; /* pages in the cache */
	gfp_t gfp_mask; /* how its pages are allocated (highmem) */
	const struct address_space_operations *a_ops;
	int wb_err; /* the last writeback error (-EIO), for fsync */
	int nr_mmap; /* regions of processes that map it (atomic) */
};

struct file_operations {
	/* A new open of inode (a device's first look at it): 0 or -errno. */
	int (*open)(struct inode *inode, struct file *file);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char __user *buf, size_t count,
			loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf,
			 size_t count, loff_t *pos);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*fsync)(struct file *file, int datasync);
	int (*release)(struct inode *inode, struct file *file);
};

struct inode {
	umode_t i_mode; /* S_IF* type and permissions */
	unsigned int i_uid, i_gid;
	unsigned long i_ino;
	loff_t i_size; /* bytes */
	struct page **i_pages; /* the data, a page per PAGE_SIZE (or NULL) */
	unsigned long i_nr_pages; /* room in i_pages */
	const struct file_operations *i_fop; /* what an open of it does */
	struct mutex i_mutex; /* size and pages, for writers */
	void *i_private; /* a device's own (the console) */
	u32 i_rdev; /* a device node's device (block/blkdev.h's dev_t) */
	struct address_space *i_mapping; /* the page cache opens use */
	struct address_space i_data; /* its own (a block device's) */
	unsigned long i_state; /* I_DIRTY_PAGES: on its flusher's list */
	unsigned long dirtied_when; /* jiffies it first became dirty */
	struct list_head i_io_list; /* on the flusher's b_dirty list */
	struct bdi_writeback *i_wb; /* the flusher of its dirty pages */
};

#define I_DIRTY_PAGES 0x4 /* it has dirty pages (Linux's value) */

struct dentry {
	char *d_name; /* the name in its directory ("" for /) */
	struct dentry *d_parent; /* its directory (/ is its own) */
	struct list_head d_subdirs; /* a directory's entries, by creation */
	struct list_head d_child; /* in its parent's d_subdirs */
	struct inode *d_inode;
};

struct file {
	const struct file_operations *f_op;
	struct dentry *f_dentry;
	struct inode *f_inode;
	struct address_space *f_mapping; /* the inode's i_mapping, or NULL */
	loff_t f_pos; /* where the next read or write goes */
	unsigned int f_flags; /* O_* given to open() */
	fmode_t f_mode; /* FMODE_* */
	int f_count; /* references: descriptors, mappings */
	void *private_data;
};

/*
 * read() of a buffer of `available` bytes at *ppos: the bytes copied, 0 at
 * its end, or -EFAULT; write() into one: -ENOSPC at its end (Linux's
 * simple_read_from_buffer() and, for the end, a device's usual answer).
 */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);
/*
 * lseek(): SEEK_SET, SEEK_CUR, SEEK_END (from eof), within 0..maxsize,
 * else EINVAL (fs/read_write.c, as Linux's).
 */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof);
/*
 * lseek() of a file of `size` bytes that cannot grow (a device's buffer,
 * a /proc view): 0..size, else EINVAL (fs/read_write.c, as Linux's).
 */
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size);

/* The root of the tree (fs/ramfs.c). */
extern struct dentry *root_dentry;

/* --- the tree (fs/ramfs.c, fs/namei.c) ----------------------------------- */

/* A new entry in dir: a directory or an empty regular file; or NULL. */
struct dentry *ramfs_create(struct dentry *dir, const char *name, umode_t mode,
			    unsigned int uid, unsigned int gid);
/* The entry called name in dir, or NULL. */
struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len);
/* Make the file `size` bytes long (its pages from highmem): 0 or -errno. */
int ramfs_resize(struct inode *inode, loff_t size);
/* Copy len bytes at pos from (to) a file's pages, kernel buffers. */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t ramfs_write_kernel(struct inode *inode, const void *buf, size_t count,
			   loff_t pos);

/*
 * Look a path up from the root (there is no current directory: a relative
 * path is taken from / too).  Return the dentry, or ERR_PTR(-ENOENT,
 * -ENOTDIR, -ENAMETOOLONG).  With parent, a missing last component is not
 * an error: *parent gets its directory and *last its name, and NULL is
 * returned (open(O_CREAT)).
 */
struct dentry *path_lookup(const char *path, struct dentry **parent,
			   const char **last);
/* A path from user space into a kernel buffer of PATH_MAX: 0 or -errno. */
int getname(const char __user *filename, char *buf);
/* The path of a dentry, into buf (for /proc-like views, reports). */
char *d_path(const struct dentry *dentry, char *buf, size_t size);

/* May current open inode for `mask` (MAY_READ...)?  0 or -EACCES. */
#define MAY_EXEC 0x1
#define MAY_WRITE 0x2
#define MAY_READ 0x4
int inode_permission(struct inode *inode, int mask);

/* --- open files (fs/open.c, fs/read_write.c) ------------------------------- */

/* Open a path for the kernel itself (exec): the file or ERR_PTR. */
struct file *filp_open(const char *path, int flags, umode_t mode);
struct file *alloc_file(struct dentry *dentry, int flags);
static inline struct file *get_file(struct file *f)
{
	__atomic_add_fetch(&f->f_count, 1, __ATOMIC_SEQ_CST);
	return f;
}
void fput(struct file *file);

/* The file ops of regular files and directories (ramfs). */
extern const struct file_operations ramfs_file_operations;
extern const struct file_operations ramfs_dir_operations;
/* The console as a file: what fds 0, 1 and 2 are (fs/console_file.c). */
struct file *console_file_open(void);
/* A file that reads nothing and swallows what is written (/dev/null). */
struct file *null_file_open(void);

/* Boot: the root, then the initramfs unpacked into it. */
void vfs_caches_init(void);
void populate_rootfs(void);

#endif /* _FS_H */
