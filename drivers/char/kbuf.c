// SPDX-License-Identifier: GPL-2.0
/*
 * kbuf.c - /dev/kbuf and /dev/vbuf: kernel memory a program maps, the
 * notes' example of a driver's mmap().
 *
 * Each device owns a 16 KB buffer of kernel memory while someone uses it:
 * an open file or a mapping holds a reference (a mapping's copies, made
 * by fork or a split, one each: vm_operations open/close), the first
 * makes the buffer (zeroed) and the last frees it, so nothing stays
 * behind once every program is done with it:
 *  - /dev/kbuf: kmalloc(16 KB), four physically contiguous lowmem pages
 *    (above KMALLOC_MAX_CACHE_SIZE it comes straight from the page
 *    allocator, page aligned).  mmap() maps their frames with
 *    remap_pfn_range(): a VM_IO | VM_PFNMAP region whose PTEs are all
 *    there at once;
 *  - /dev/vbuf: vmalloc(16 KB), four pages contiguous only in the
 *    kernel's addresses, from highmem when there is some.  mmap() maps
 *    them with remap_vmalloc_range(), page by page (vm_insert_page: each
 *    referenced and counted as a mapped page).
 * A mapping must be MAP_SHARED (a private copy of a device's memory
 * would defeat its purpose: EINVAL, as many drivers do) and lie within
 * the buffer (the offset and the length: EINVAL otherwise).  The same
 * bytes are reached through read() and write() (the kernel copies to or
 * from its buffer: copy_to_user(), copy_from_user()), so what a program
 * writes into its mapping, read() returns, and what write() puts into
 * the buffer appears in the mapping at once: one memory, two ways in.
 */
#include <errno.h>
#include <fs.h>
#include <init.h>
#include <kbuf.h>
#include <kernel.h>
#include <miscdevice.h>
#include <mm.h>
#include <mutex.h>
#include <slab.h>
#include <uaccess.h>
#include <vmalloc.h>

static struct kbuf_info kbufs[NR_KBUFS] = {
	[KBUF_KMALLOC] = { .name = "kbuf",
			   .how = "kmalloc + remap_pfn_range",
			   .size = KBUF_SIZE },
	[KBUF_VMALLOC] = { .name = "vbuf",
			   .how = "vmalloc + remap_vmalloc_range",
			   .size = KBUF_SIZE },
};
static DEFINE_MUTEX(kbuf_mutex);
static struct miscdevice kbuf_devs[NR_KBUFS];

struct kbuf_info *kbuf_get(enum kbuf_kind kind)
{
	return &kbufs[kind];
}

/* One more user; the first makes the buffer.  0 or -ENOMEM. */
static int kbuf_hold(struct kbuf_info *kb, enum kbuf_kind kind)
{
	int err = 0;

	mutex_lock(&kbuf_mutex);
	if (!kb->users)
		kb->buf = kind == KBUF_KMALLOC ?
				  kzalloc(KBUF_SIZE, GFP_KERNEL) :
				  vzalloc(KBUF_SIZE);
	if (kb->buf)
		kb->users++;
	else
		err = -ENOMEM;
	mutex_unlock(&kbuf_mutex);
	return err;
}

/* One user less; the last frees the buffer. */
static void kbuf_put(struct kbuf_info *kb)
{
	mutex_lock(&kbuf_mutex);
	if (!--kb->users) {
		if (kb == &kbufs[KBUF_KMALLOC])
			kfree(kb->buf);
		else
			vfree(kb->buf);
		kb->buf = NULL;
	}
	mutex_unlock(&kbuf_mutex);
}

/* Which buffer a node is: its misc device is in the inode (misc.c). */
static enum kbuf_kind kbuf_kind_of(const struct inode *inode)
{
	return inode->i_private == &kbuf_devs[KBUF_KMALLOC] ? KBUF_KMALLOC :
							      KBUF_VMALLOC;
}

static int kbuf_open(struct inode *inode, struct file *file)
{
	enum kbuf_kind kind = kbuf_kind_of(inode);
	struct kbuf_info *kb = &kbufs[kind];
	int err = kbuf_hold(kb, kind);

	if (err)
		return err;
	__atomic_add_fetch(&kb->opens, 1, __ATOMIC_RELAXED);
	file->private_data = kb;
	return 0;
}

static int kbuf_release(struct inode *inode, struct file *file)
{
	kbuf_put(file->private_data);
	return 0;
}

/* A mapping holds the buffer too, and so does each copy of it. */
static void kbuf_vm_open(struct vm_area_struct *vma)
{
	struct kbuf_info *kb = vma->vm_private_data;

	mutex_lock(&kbuf_mutex);
	kb->users++;
	mutex_unlock(&kbuf_mutex);
}

static void kbuf_vm_close(struct vm_area_struct *vma)
{
	kbuf_put(vma->vm_private_data);
}

static const struct vm_operations_struct kbuf_vm_ops = {
	.open = kbuf_vm_open,
	.close = kbuf_vm_close,
};

static ssize_t kbuf_read(struct file *file, char __user *buf, size_t count,
			 loff_t *pos)
{
	const struct kbuf_info *kb = file->private_data;

	return simple_read_from_buffer(buf, count, pos, kb->buf, kb->size);
}

static ssize_t kbuf_write(struct file *file, const char __user *buf,
			  size_t count, loff_t *pos)
{
	const struct kbuf_info *kb = file->private_data;

	return simple_write_to_buffer(kb->buf, kb->size, pos, buf, count);
}

static loff_t kbuf_llseek(struct file *file, loff_t offset, int whence)
{
	const struct kbuf_info *kb = file->private_data;

	return fixed_size_llseek(file, offset, whence, (loff_t)kb->size);
}

/* Shared, and inside the buffer: 0 or -EINVAL. */
static int kbuf_check_vma(const struct kbuf_info *kb,
			  const struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > kb->size >> PAGE_SHIFT)
		return -EINVAL;
	return 0;
}

/* The mapping is made: it holds the buffer until it is unmapped. */
static void kbuf_map_done(struct kbuf_info *kb, struct vm_area_struct *vma)
{
	vma->vm_private_data = kb;
	vma->vm_ops = &kbuf_vm_ops;
	kbuf_vm_open(vma);
	__atomic_add_fetch(&kb->mmaps, 1, __ATOMIC_RELAXED);
}

/*
 * kbuf: the kmalloc'd buffer's frames, contiguous, with remap_pfn_range();
 * vbuf: the vmalloc'd buffer's pages, one by one (remap_vmalloc_range).
 */
static int kbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kbuf_info *kb = file->private_data;
	int err = kbuf_check_vma(kb, vma);

	if (err)
		return err;
	if (kb == &kbufs[KBUF_KMALLOC])
		err = remap_pfn_range(
			vma, vma->vm_start,
			(__pa(kb->buf) >> PAGE_SHIFT) + vma->vm_pgoff,
			vma->vm_end - vma->vm_start, vma->vm_page_prot);
	else
		err = remap_vmalloc_range(vma, kb->buf, vma->vm_pgoff);
	if (!err)
		kbuf_map_done(kb, vma);
	return err;
}

static const struct file_operations kbuf_fops = {
	.open = kbuf_open,
	.llseek = kbuf_llseek,
	.read = kbuf_read,
	.write = kbuf_write,
	.mmap = kbuf_mmap,
	.release = kbuf_release,
};

static struct miscdevice kbuf_devs[NR_KBUFS] = {
	[KBUF_KMALLOC] = { .minor = MISC_DYNAMIC_MINOR,
			   .name = "kbuf",
			   .fops = &kbuf_fops,
			   .mode = 0666 },
	[KBUF_VMALLOC] = { .minor = MISC_DYNAMIC_MINOR,
			   .name = "vbuf",
			   .fops = &kbuf_fops,
			   .mode = 0666 },
};

static int __init kbuf_init(void)
{
	for (int i = 0; i < NR_KBUFS; i++) {
		int err = misc_register(&kbuf_devs[i]);

		if (err)
			return err;
	}
	return 0;
}
device_initcall(kbuf_init);

void kbuf_lock(void)
{
	mutex_lock(&kbuf_mutex);
}

void kbuf_unlock(void)
{
	mutex_unlock(&kbuf_mutex);
}
