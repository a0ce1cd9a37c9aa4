// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs.c - the one file system: a tree of directories and files in
 * memory, as Linux's rootfs (ramfs) before anything is mounted.
 *
 * The initramfs is unpacked into it at boot (fs/initramfs.c); /tmp (mode
 * 1777) takes new files (open O_CREAT).  A regular file's data is an
 * array of pages, taken GFP_HIGHUSER: on a machine with highmem they are
 * highmem pages, which the kernel reaches only through kmap_local while
 * it copies, exactly as Linux's page cache pages.  Reads and writes go
 * through a small buffer on the stack between the page's kmap_local and
 * the user's memory, so that no page fault (which may sleep) happens
 * while a kmap_local is held.
 *
 * A private mapping of a file (mmap, the ELF loader's segments) asks
 * ramfs_fault() for the page at an offset; mm/memory.c copies it for the
 * process.  A page past the end of the file is SIGBUS, as on Linux.
 *
 * Nothing is ever removed: there is no unlink, so dentries and inodes
 * live as long as the kernel (Linux frees them with their last use).
 */
#include <errno.h>
#include <fs.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uaccess.h>
#include <vmstat.h>
#include <panic.h>

#define RAMFS_BOUNCE 512 /* bytes copied per kmap_local */

struct dentry *root_dentry;

static void ramfs_account_page(struct page *page, long delta);
static unsigned long last_ino = 1;

static struct inode *new_inode(umode_t mode, unsigned int uid, unsigned int gid)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_uid = uid;
	inode->i_gid = gid;
	inode->i_ino = __atomic_add_fetch(&last_ino, 1, __ATOMIC_SEQ_CST);
	mutex_init(&inode->i_mutex);
	inode->i_fop = S_ISDIR(mode) ? &ramfs_dir_operations :
				       &ramfs_file_operations;
	return inode;
}

struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->d_subdirs, d_child)
		if (strlen(d->d_name) == len && !memcmp(d->d_name, name, len))
			return d;
	return NULL;
}

struct dentry *ramfs_create(struct dentry *dir, const char *name, umode_t mode,
			    unsigned int uid, unsigned int gid)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	d->d_name = kstrdup(name, GFP_KERNEL);
	d->d_inode = new_inode(mode, uid, gid);
	if (!d->d_name || !d->d_inode) {
		kfree(d->d_name);
		kfree(d->d_inode);
		kfree(d);
		return NULL;
	}
	INIT_LIST_HEAD(&d->d_subdirs);
	d->d_parent = dir ? dir : d;
	if (dir)
		list_add_tail(&d->d_child, &dir->d_subdirs);
	else
		INIT_LIST_HEAD(&d->d_child);
	return d;
}

int ramfs_resize(struct inode *inode, loff_t size)
{
	unsigned long need =
		(unsigned long)((size + PAGE_SIZE - 1) >> PAGE_SHIFT);

	if (size < 0 || size > (loff_t)256 << 20)
		return -EFBIG; /* 256 MB: more than memory allows anyway */
	if (need > inode->i_nr_pages) {
		unsigned long n = max(need, inode->i_nr_pages * 2);
		struct page **pages = kvzalloc(n * sizeof(*pages), GFP_KERNEL);

		if (!pages)
			return -ENOMEM;
		if (inode->i_pages)
			memcpy(pages, inode->i_pages,
			       inode->i_nr_pages * sizeof(*pages));
		kvfree(inode->i_pages);
		inode->i_pages = pages;
		inode->i_nr_pages = n;
	}
	/* Pages past the new end go: a regrown file reads zeroes there. */
	for (unsigned long i = need; i < inode->i_nr_pages; i++) {
		if (inode->i_pages[i]) {
			ramfs_account_page(inode->i_pages[i], -1);
			put_page(inode->i_pages[i]);
			inode->i_pages[i] = NULL;
		}
	}
	if (size < inode->i_size && (size & ~PAGE_MASK) && need) {
		struct page *page = inode->i_pages[need - 1];

		if (page) {
			char *kaddr = kmap_local_page(page);

			memset(kaddr + (size & ~PAGE_MASK), 0,
			       PAGE_SIZE - (size & ~PAGE_MASK));
			kunmap_local(kaddr);
		}
	}
	inode->i_size = size;
	return 0;
}

/*
 * A file's pages are page cache that can never be reclaimed (there is no
 * disk to read them back from): /proc/meminfo's Cached and Unevictable
 * count them, as Linux counts ramfs's.
 */
static void ramfs_account_page(struct page *page, long delta)
{
	mod_node_page_state(NR_FILE_PAGES, delta);
	mod_node_page_state(NR_UNEVICTABLE, delta);
	mod_zone_page_state(page_zone(page), NR_ZONE_UNEVICTABLE, delta);
}

/* The page at index, made (zeroed) if the file has a hole there. */
static struct page *ramfs_get_page(struct inode *inode, unsigned long index)
{
	struct page *page = inode->i_pages[index];

	if (!page) {
		page = alloc_page(GFP_HIGHUSER | GFP_ZERO);
		inode->i_pages[index] = page;
		if (page)
			ramfs_account_page(page, 1);
	}
	return page;
}

ssize_t ramfs_write_kernel(struct inode *inode, const void *buf, size_t count,
			   loff_t pos)
{
	size_t done = 0;

	if (pos + (loff_t)count > inode->i_size &&
	    ramfs_resize(inode, pos + (loff_t)count))
		return -ENOSPC;
	while (done < count) {
		unsigned long index = (unsigned long)(pos >> PAGE_SHIFT);
		size_t off = (size_t)(pos & ~PAGE_MASK);
		size_t chunk = min(count - done, (size_t)(PAGE_SIZE - off));
		struct page *page = ramfs_get_page(inode, index);

		if (!page)
			return done ? (ssize_t)done : -ENOMEM;
		memcpy_to_page(page, off, (const char *)buf + done, chunk);
		done += chunk;
		pos += (loff_t)chunk;
	}
	return (ssize_t)done;
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	size_t done = 0;

	if (*pos >= inode->i_size)
		return 0;
	count = (size_t)min((loff_t)count, inode->i_size - *pos);
	while (done < count) {
		unsigned long index = (unsigned long)(*pos >> PAGE_SHIFT);
		size_t off = (size_t)(*pos & ~PAGE_MASK);
		size_t chunk = min(count - done, (size_t)(PAGE_SIZE - off));
		struct page *page = inode->i_pages[index];

		if (page)
			memcpy_from_page((char *)buf + done, page, off, chunk);
		else
			memset((char *)buf + done, 0, chunk);
		done += chunk;
		*pos += (loff_t)chunk;
	}
	return (ssize_t)done;
}

static ssize_t ramfs_read(struct file *file, char __user *buf, size_t count,
			  loff_t *pos)
{
	struct inode *inode = file->f_inode;
	char bounce[RAMFS_BOUNCE];
	size_t done = 0;

	mutex_lock(&inode->i_mutex);
	while (done < count && *pos < inode->i_size) {
		loff_t before = *pos;
		size_t chunk = min(count - done, sizeof(bounce));
		ssize_t n = kernel_read(file, bounce, chunk, pos);
		unsigned long left;

		if (n <= 0)
			break;
		left = copy_to_user(buf + done, bounce, (size_t)n);
		if (left) {
			*pos = before + n - (loff_t)left;
			done += (size_t)n - left;
			if (!done) {
				mutex_unlock(&inode->i_mutex);
				return -EFAULT;
			}
			break;
		}
		done += (size_t)n;
	}
	mutex_unlock(&inode->i_mutex);
	return (ssize_t)done;
}

static ssize_t ramfs_write(struct file *file, const char __user *buf,
			   size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	char bounce[RAMFS_BOUNCE];
	size_t done = 0;
	ssize_t ret = 0;

	mutex_lock(&inode->i_mutex);
	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	while (done < count) {
		size_t chunk = min(count - done, sizeof(bounce));

		if (copy_from_user(bounce, buf + done, chunk)) {
			ret = -EFAULT;
			break;
		}
		ret = ramfs_write_kernel(inode, bounce, chunk, *pos);
		if (ret < 0)
			break;
		done += (size_t)ret;
		*pos += ret;
	}
	mutex_unlock(&inode->i_mutex);
	return done ? (ssize_t)done : ret;
}

static loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t size = file->f_inode->i_size;

	/* No holes: data everywhere up to the end, the one hole after it. */
	if (whence == SEEK_DATA || whence == SEEK_HOLE) {
		if (offset >= size)
			return -ENXIO;
		if (whence == SEEK_HOLE)
			offset = size;
		whence = SEEK_SET;
	}
	return generic_file_llseek_size(file, offset, whence, MAX_LFS_FILESIZE,
					size);
}

static int noop_fsync(struct file *file, int datasync)
{
	return 0;
}

static int ramfs_fault(struct vm_fault *vmf)
{
	struct inode *inode = vmf->vma->vm_file->f_inode;
	struct page *page;

	if ((loff_t)vmf->pgoff << PAGE_SHIFT >= inode->i_size)
		return -EFAULT; /* past the end: SIGBUS */
	mutex_lock(&inode->i_mutex);
	page = ramfs_get_page(inode, vmf->pgoff);
	if (page)
		get_page(page);
	mutex_unlock(&inode->i_mutex);
	if (!page)
		return -ENOMEM;
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct ramfs_vm_ops = {
	.fault = ramfs_fault,
};

static int ramfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &ramfs_vm_ops;
	return 0;
}

static ssize_t generic_read_dir(struct file *file, char __user *buf,
				size_t count, loff_t *pos)
{
	return -EISDIR;
}

const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read = ramfs_read,
	.write = ramfs_write,
	.mmap = ramfs_mmap,
	.fsync = noop_fsync,
};

const struct file_operations ramfs_dir_operations = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.fsync = noop_fsync,
};

void __init vfs_caches_init(void)
{
	root_dentry = ramfs_create(NULL, "", S_IFDIR | 0755, 0, 0);
	if (!root_dentry)
		panic("vfs_caches_init: no memory for the root directory");
}
