// SPDX-License-Identifier: GPL-2.0
/*
 * initramfs.c - unpacking the initramfs into the root, at boot (Linux's
 * init/initramfs.c, "Trying to unpack rootfs image as initramfs...").
 *
 * The boot loader left a cpio archive in memory (GRUB's `module`,
 * QEMU's -initrd; arch/x86/kernel/setup.c notes where).  It is the "newc"
 * format (tools/gen_init_cpio.py writes it, as Linux's usr/gen_init_cpio
 * does): per entry a 110-byte header of "070701" and thirteen 8-digit hex
 * fields (ino, mode, uid, gid, nlink, mtime, filesize, devmajor,
 * devminor, rdevmajor, rdevminor, namesize, check), the name and its NUL
 * padded to 4 bytes, the data padded to 4 bytes, up to the entry named
 * TRAILER!!!.  Directories and regular files become ramfs entries (a
 * file's data is copied into its pages); device nodes, links and pipes
 * are skipped, and counted in the boot line.  Then the archive's pages go
 * back to the page allocator ("Freeing initrd memory").
 */
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <printk.h>
#include <slab.h>
#include <string.h>
#include <vmalloc.h>

#define CPIO_HDR_LEN 110

static unsigned long parse_hex8(const char *s, bool *ok)
{
	unsigned long v = 0;

	for (int i = 0; i < 8; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned long)(c - 'A' + 10);
		else
			*ok = false;
	}
	return v;
}

/* Make name (a/b/c, the parents already there) as mode; the dentry. */
static struct dentry *cpio_create(const char *name, umode_t mode,
				  unsigned int uid, unsigned int gid)
{
	struct dentry *dir = root_dentry, *d;
	const char *slash;

	while ((slash = strchr(name, '/'))) {
		dir = d_lookup(dir, name, (size_t)(slash - name));
		if (!dir || !S_ISDIR(dir->d_inode->i_mode))
			return NULL;
		name = slash + 1;
	}
	if (!*name || !strcmp(name, "."))
		return root_dentry;
	d = d_lookup(dir, name, strlen(name));
	if (d) {
		d->d_inode->i_mode = mode; /* a directory listed twice */
		return d;
	}
	return ramfs_create(dir, name, mode, uid, gid);
}

/* Unpack the archive at buf; the entries made, or -errno. */
static int unpack_to_rootfs(const char *buf, unsigned long len,
			    unsigned int *skipped)
{
	unsigned long off = 0;
	int made = 0;

	while (off + CPIO_HDR_LEN <= len) {
		const char *h = buf + off;
		bool ok = !memcmp(h, "070701", 6) || !memcmp(h, "070702", 6);
		unsigned long mode = parse_hex8(h + 14, &ok);
		unsigned long uid = parse_hex8(h + 22, &ok);
		unsigned long gid = parse_hex8(h + 30, &ok);
		unsigned long filesize = parse_hex8(h + 54, &ok);
		unsigned long namesize = parse_hex8(h + 94, &ok);
		unsigned long data = ALIGN(off + CPIO_HDR_LEN + namesize, 4UL);
		const char *name = h + CPIO_HDR_LEN;
		struct dentry *d;

		if (!ok || !namesize || data > len || filesize > len - data ||
		    name[namesize - 1])
			return -EINVAL;
		if (!strcmp(name, "TRAILER!!!"))
			return made;
		while (*name == '/' || (name[0] == '.' && name[1] == '/'))
			name += *name == '/' ? 1 : 2;
		if (S_ISDIR(mode) || S_ISREG(mode)) {
			d = cpio_create(name, (umode_t)mode, (unsigned int)uid,
					(unsigned int)gid);
			if (!d)
				return -ENOMEM;
			if (S_ISREG(mode) && filesize &&
			    ramfs_write_kernel(d->d_inode, buf + data, filesize,
					       0) < 0)
				return -ENOMEM;
			made++;
		} else {
			(*skipped)++;
		}
		off = ALIGN(data + filesize, 4UL);
	}
	return -EINVAL; /* no trailer */
}

void __init populate_rootfs(void)
{
	unsigned long len = (unsigned long)(initrd_end - initrd_start);
	bool lowmem = initrd_end <= (phys_addr_t)max_low_pfn << PAGE_SHIFT;
	unsigned int skipped = 0;
	char *buf;
	int made;

	if (!initrd_start)
		return;
	pr_info("Trying to unpack rootfs image as initramfs...\n");
	if (lowmem) {
		buf = __va(initrd_start);
	} else {
		/* Above the direct map: copy it through the fixmap first. */
		buf = vmalloc(len);
		if (!buf) {
			pr_err("Initramfs unpacking failed: no memory for a copy of %lu KB\n",
			       len >> 10);
			return;
		}
		early_copy_from_phys(buf, initrd_start, len);
	}
	made = unpack_to_rootfs(buf, len, &skipped);
	if (made < 0)
		pr_err("Initramfs unpacking failed: %s\n",
		       made == -ENOMEM ? "out of memory" :
					 "not a cpio (newc) archive");
	else
		pr_info("initramfs: %d files and directories, %u entries skipped (devices, links)\n",
			made, skipped);
	if (lowmem) {
		/* The whole pages only, as free_reserved_area() frees. */
		phys_addr_t start = PAGE_ALIGN(initrd_start);
		phys_addr_t end = initrd_end & PAGE_MASK;

		if (start < end)
			memblock_phys_free(start, end - start);
		free_reserved_area(__va(initrd_start), __va(initrd_end),
				   "initrd");
	} else {
		vfree(buf);
	}
}
