// SPDX-License-Identifier: GPL-2.0
/*
 * kbuf_cmds.c - `kbuf`: the kernel's side of /dev/kbuf and /dev/vbuf
 * (drivers/char/kbuf.c), the two buffers programs map.
 *
 * `kbuf` shows each buffer as the kernel holds it: its kernel address,
 * the page frames under it (one contiguous lowmem run for kmalloc's,
 * four scattered pages for vmalloc's, highmem ones when there is
 * highmem), how many open files and mappings hold it, and its first
 * bytes, read through the kernel's own address: what a program wrote
 * into its mapping is there.  `kbuf write NAME TEXT` is the other
 * direction: the kernel writes TEXT at the start of the buffer (a memcpy
 * to its kernel address), and a program that maps it sees it at once
 * (`run kbufwatch vbuf &` prints it).  A buffer exists only while some
 * program holds it.
 */
#include <errno.h>
#include <kbuf.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <string.h>
#include <vmalloc.h>

/* The page frame under byte off of a buffer. */
static unsigned long kbuf_pfn(const struct kbuf_info *kb, enum kbuf_kind kind,
			      size_t off)
{
	if (kind == KBUF_KMALLOC)
		return __pa(kb->buf + off) >> PAGE_SHIFT;
	return page_to_pfn(vmalloc_to_page(kb->buf + off));
}

/* The first bytes: printable ones as they are, the rest as dots. */
static void kbuf_show_text(const struct kbuf_info *kb)
{
	char text[65];
	size_t n = 0;

	while (n < sizeof(text) - 1 && n < kb->size && kb->buf[n]) {
		char c = kb->buf[n];

		text[n++] = (c >= ' ' && c < 0x7f) ? c : '.';
	}
	text[n] = '\0';
	kprintf("  bytes 0..: \"%s\"%s\n", text, n ? "" : " (zeroes)");
}

/* "page frames 0x1f3c0-0x1f3c3 (Normal), contiguous", or each one. */
static void kbuf_show_frames(const struct kbuf_info *kb, enum kbuf_kind kind)
{
	unsigned long first = kbuf_pfn(kb, kind, 0), pfn = first;
	bool contiguous = true;

	for (size_t off = PAGE_SIZE; off < kb->size; off += PAGE_SIZE)
		contiguous &= kbuf_pfn(kb, kind, off) == ++pfn;
	if (contiguous) {
		kprintf("  page frames %#lx-%#lx (%s), contiguous\n", first,
			pfn, page_zone(pfn_to_page(first))->name);
		return;
	}
	kprintf("  page frames");
	for (size_t off = 0; off < kb->size; off += PAGE_SIZE)
		kprintf(" %#lx", kbuf_pfn(kb, kind, off));
	kprintf(" (%s, scattered)\n", page_zone(pfn_to_page(first))->name);
}

static void kbuf_show(enum kbuf_kind kind)
{
	const struct kbuf_info *kb = kbuf_get(kind);

	kprintf("/dev/%s: %s, %zu KB\n", kb->name, kb->how, kb->size >> 10);
	kbuf_lock();
	if (!kb->buf) {
		kbuf_unlock();
		kprintf("  no buffer: no program has it open or mapped (run kbufwatch %s &)\n",
			kb->name);
		return;
	}
	kprintf("  kernel address %p, %u users (open files, mappings)\n",
		kb->buf, kb->users);
	kbuf_show_frames(kb, kind);
	kbuf_show_text(kb);
	kbuf_unlock();
}

static int kbuf_write_text(const char *name, int argc, char **argv)
{
	enum kbuf_kind kind;
	struct kbuf_info *kb;
	size_t len = 0;

	if (!strcmp(name, "kbuf"))
		kind = KBUF_KMALLOC;
	else if (!strcmp(name, "vbuf"))
		kind = KBUF_VMALLOC;
	else
		return -EINVAL;
	kb = kbuf_get(kind);
	kbuf_lock();
	if (!kb->buf) {
		kbuf_unlock();
		kprintf("kbuf: no program holds /dev/%s: no buffer to write to\n",
			kb->name);
		return -ENOENT;
	}
	for (int i = 0; i < argc; i++) {
		size_t n = min(strlen(argv[i]), kb->size - 1 - len);

		memcpy(kb->buf + len, argv[i], n);
		len += n;
		if (i + 1 < argc && len < kb->size - 1)
			kb->buf[len++] = ' ';
	}
	kb->buf[len] = '\0';
	kprintf("the kernel wrote %zu bytes at %p (/dev/%s's buffer)\n", len,
		kb->buf, kb->name);
	kbuf_unlock();
	return 0;
}

static int cmd_kbuf(int argc, char **argv)
{
	if (argc == 1) {
		kbuf_show(KBUF_KMALLOC);
		kbuf_show(KBUF_VMALLOC);
		return 0;
	}
	if (argc >= 4 && !strcmp(argv[1], "write")) {
		int err = kbuf_write_text(argv[2], argc - 3, argv + 3);

		return err == -EINVAL ? shell_usage(argv[0]) : err;
	}
	return shell_usage(argv[0]);
}
SHELL_COMMAND(kbuf, "[write kbuf|vbuf TEXT]",
	      "the kernel's side of /dev/kbuf and /dev/vbuf",
	      SHELL_TOPIC_PROCESS, cmd_kbuf,
	      .detail = "Two buffers of kernel memory that programs map "
			"(mmap MAP_SHARED of /dev/kbuf or /dev/vbuf): kbuf is "
			"kmalloc(16 KB), contiguous lowmem pages mapped with "
			"remap_pfn_range(); vbuf is vmalloc(16 KB), scattered "
			"pages (highmem when there is some) mapped with "
			"remap_vmalloc_range().  Without arguments: each "
			"buffer's kernel address, its page frames and its "
			"first bytes, as the kernel reads them: what a "
			"program wrote into its mapping.  `kbuf write vbuf "
			"hello` writes through the kernel's address: a "
			"program that maps it reads hello.  A buffer exists "
			"while a program has it open or mapped: run "
			"kbufwatch vbuf & keeps one, and prints what the "
			"kernel writes.",
	      .see = "run kbufwatch, run devmap_test, cat /proc/PID/maps");
