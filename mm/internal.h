/* SPDX-License-Identifier: GPL-2.0 */
/* internal.h - what the files of mm/ share and nobody else needs. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <mm.h>

/* "BUG: Bad page state" report (page_alloc.c). */
void bad_page(const struct page *page, const char *reason);
/* "zone=Normal|slab|head": a page's flags in words, for reports. */
void dump_page_flags(const struct page *page, char *buf, size_t size);

/* Boot: give a reserved, aligned block to the buddy allocator. */
void __free_boot_block(struct page *page, unsigned int order);

#endif /* _MM_INTERNAL_H */
