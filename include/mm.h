/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm.h - the memory manager's entry points from start_kernel(), and the
 * page-level API everything else uses.
 */
#ifndef _MM_H
#define _MM_H

#include <types.h>

/* Memory map -> memblock -> page tables -> mem_map and zones. */
void setup_memory(void);
/* Hand free memory to the buddy allocator; start slab, vmalloc, kmap. */
void mem_init(void);
/* Give the boot-only code and data back to the page allocator. */
void free_initmem(void);

/* Boot modes implemented elsewhere (bench, demo). */
__attribute__((noreturn)) void bench_main(void);
void demo_main(void);

#endif /* _MM_H */
