/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbuf.h - two buffers of kernel memory that programs map
 * (drivers/char/kbuf.c): /dev/kbuf, from kmalloc(), mapped with
 * remap_pfn_range(); /dev/vbuf, from vmalloc(), mapped with
 * remap_vmalloc_range().  A buffer exists while a program has its
 * device open or mapped.  The shell's `kbuf` command shows and writes
 * their kernel side.
 */
#ifndef _KBUF_H
#define _KBUF_H

#include <types.h>

#define KBUF_SIZE (16UL << 10) /* each buffer: 4 pages */

enum kbuf_kind { KBUF_KMALLOC, KBUF_VMALLOC, NR_KBUFS };

struct kbuf_info {
	const char *name; /* "kbuf", "vbuf": the node in /dev */
	const char *how; /* "kmalloc + remap_pfn_range" ... */
	char *buf; /* its kernel address; NULL while nobody uses it */
	size_t size; /* KBUF_SIZE */
	unsigned int users; /* open files and mappings (under a mutex) */
	unsigned long opens; /* open()s since boot */
	unsigned long mmaps; /* mmap()s since boot */
};

/* The buffer's state, for a look (kbuf_lock() while reading buf). */
struct kbuf_info *kbuf_get(enum kbuf_kind kind);
/* Keep the buffers where they are while the shell reads or writes one. */
void kbuf_lock(void);
void kbuf_unlock(void);

#endif /* _KBUF_H */
