// SPDX-License-Identifier: GPL-2.0
/*
 * held.c - the one list of what the shell's commands handed out and nobody
 * gave back yet.
 *
 * Each command that hands something out records it (shell_hold()): `alloc`
 * its block, `kmalloc` and `slab alloc` their objects, `slab create` its
 * cache, `vmalloc` its area, `kmap` its page (once per kmap).  The command
 * that gives it back crosses it out (shell_unhold()).  The list answers two
 * questions, and so is kept once:
 *
 *  - may the user free this?  `free`, `kfree`, `slab free`, `slab destroy`,
 *    `vfree` and `kunmap` free only what is on the list (shell_holds()):
 *    anything else that is allocated belongs to some other part of the
 *    kernel, which still uses it.  (What the kernel catches by itself, a
 *    free page or a slab page given to `free`, still goes through: the
 *    kernel's report is the lesson.)
 *  - what does `reset` give back?  What is left on the list
 *    (teach/commands/reset_cmds.c takes it off with shell_held_take()).
 *
 * With a page block, a kmalloc_large block or a vmalloc area goes the
 * kernel's own record of who allocated it (the block's owner, the area's
 * caller), so that `reset` can tell the thing the shell got from a later
 * one at the same address, should the user's have been freed some other
 * way and the memory reused.
 *
 * The list lives in .bss, so a kmemleak scan finds what the shell holds
 * for the user referenced.  It has room for SHELL_MAX_HELD things; when it
 * is full, shell_hold() says so and the command gives the new thing back
 * at once, since nothing could free it later.
 */
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <vmalloc.h>

#define SHELL_MAX_HELD 512 /* things handed out and not given back */

static struct shell_held held[SHELL_MAX_HELD];

static const char *const held_names[NR_HELD_KINDS] = {
	[HELD_KMAP] = "kmap",
	[HELD_KMALLOC] = "kmalloc object",
	[HELD_OBJECT] = "slab object",
	[HELD_CACHE] = "cache",
	[HELD_VMALLOC] = "vmalloc area",
	[HELD_PAGES] = "page block",
};

const char *shell_held_name(enum held_kind kind)
{
	return kind < NR_HELD_KINDS ? held_names[kind] : "?";
}

unsigned long shell_held_owner(enum held_kind kind, const void *ptr)
{
	const struct vm_struct *area;
	struct page *head;

	switch (kind) {
	case HELD_PAGES:
		return ((const struct page *)ptr)->owner;
	case HELD_KMALLOC:
		if (!virt_addr_valid(ptr) ||
		    page_use(virt_to_page(ptr), &head) !=
			    PAGE_USE_LARGE_KMALLOC)
			return 0; /* a slab object records no owner */
		return head->owner;
	case HELD_VMALLOC:
		area = find_vm_area(ptr);
		return area ? (unsigned long)area->caller : 0;
	default:
		return 0;
	}
}

bool shell_hold(enum held_kind kind, void *ptr, unsigned long arg)
{
	for (unsigned int i = 0; i < SHELL_MAX_HELD; i++)
		if (!held[i].ptr) {
			held[i] = (struct shell_held){
				ptr, arg, shell_held_owner(kind, ptr), kind
			};
			return true;
		}
	kprintf("the shell's list of what it handed out is full (%d things): this %s is given back; free something first, or reset\n",
		SHELL_MAX_HELD, held_names[kind]);
	return false;
}

static struct shell_held *held_find(enum held_kind kind, const void *ptr)
{
	for (unsigned int i = 0; i < SHELL_MAX_HELD; i++)
		if (held[i].ptr == ptr && held[i].kind == kind)
			return &held[i];
	return NULL;
}

bool shell_holds(enum held_kind kind, const void *ptr)
{
	return ptr && held_find(kind, ptr);
}

bool shell_unhold(enum held_kind kind, const void *ptr)
{
	struct shell_held *h = ptr ? held_find(kind, ptr) : NULL;

	if (h)
		h->ptr = NULL;
	return h;
}

bool shell_held_take(enum held_kind kind, struct shell_held *out)
{
	for (unsigned int i = 0; i < SHELL_MAX_HELD; i++)
		if (held[i].ptr && held[i].kind == kind) {
			*out = held[i];
			held[i].ptr = NULL;
			return true;
		}
	return false;
}
