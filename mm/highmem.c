// SPDX-License-Identifier: GPL-2.0
/*
 * highmem.c - page_address() and (soon) the permanent kmap slots.
 *
 * A lowmem page's address is arithmetic on the direct map.  A highmem page
 * has an address only while it is kmapped; this version knows no permanent
 * kmaps yet, so a highmem page has none.
 */
#include <highmem.h>
#include <mm.h>

void *page_address(const struct page *page)
{
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return NULL;
}
