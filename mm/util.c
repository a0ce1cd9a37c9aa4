// SPDX-License-Identifier: GPL-2.0
/*
 * util.c - allocations that may be large: kvmalloc() tries kmalloc()
 * (physically contiguous, cheap) and falls back to vmalloc() when the
 * size is large or kmalloc() fails, as Linux's mm/util.c does; kvfree()
 * frees either.  A shared region's page array and an exec's argument
 * strings use it: usually small, sometimes not.
 */
#include <mm.h>
#include <slab.h>
#include <string.h>
#include <vmalloc.h>

void *kvmalloc(size_t size, gfp_t flags)
{
	void *p = NULL;

	if (size <= 8 * PAGE_SIZE)
		p = kmalloc(size, flags | __GFP_NOWARN);
	if (!p)
		p = vmalloc(size);
	if (p && (flags & GFP_ZERO))
		memset(p, 0, size);
	return p;
}

void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | GFP_ZERO);
}

void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}
