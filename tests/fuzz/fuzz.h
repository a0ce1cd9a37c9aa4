/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fuzz.h - the fuzz targets' shared harness (tests/fuzz).
 *
 * An input is a machine and a program: its first byte picks the simulated
 * machine (tests/host/mm_sim) and slub_debug, every following group of
 * bytes is one operation on the allocators with its arguments.  The
 * harness (driver.c) boots the machine, runs the operations, checks the
 * invariants after each (check.c), then gives everything back and checks
 * that the machine is where the boot left it.  What the harness holds is
 * recorded here, so that each operation knows what is valid, and each
 * invalid one (a double free, a pointer into an object, an out-of-order
 * kunmap_local) is chosen only where the kernel's design says it must be
 * caught: then the kernel must report it and change nothing.  A sanitizer
 * error, a broken invariant, a missing report or a crash is a finding: the
 * kernel log since the boot is printed and the program aborts.
 */
#ifndef _FUZZ_H
#define _FUZZ_H

#include <highmem.h>
#include <mm.h>
#include <slab.h>
#include <types.h>
#include <vmalloc.h>

/* The operation families; a target runs some of them. */
#define FZ_PAGE (1U << 0) /* alloc_pages, __free_pages and their misuse */
#define FZ_SLAB (1U << 1) /* kmalloc, krealloc, kmem_cache_* */
#define FZ_VMALLOC (1U << 2) /* vmalloc, vfree, vmap, vunmap, the purge */
#define FZ_KMAP (1U << 3) /* kmap, kunmap, kmap_local, kunmap_local */
#define FZ_ALL (FZ_PAGE | FZ_SLAB | FZ_VMALLOC | FZ_KMAP)

/* Run one input; returns 0 (findings abort). */
int fuzz_run(const u8 *data, size_t size, unsigned int families);

struct fuzz_target {
	const char *name; /* "page": build/fuzz/page, corpus/page/ */
	unsigned int families; /* FZ_* */
};

/* The targets (targets.c), and one by its name (NULL if none). */
extern const struct fuzz_target fuzz_targets[];
const struct fuzz_target *fuzz_target(const char *name);

/* --- the input ------------------------------------------------------------ */

struct fz_input {
	const u8 *data;
	size_t size, pos;
};

u8 fz_u8(struct fz_input *in); /* 0 once the input is used up */
u16 fz_u16(struct fz_input *in);

/* --- what the harness holds ----------------------------------------------- */

#define FZ_BLOCKS 48 /* page blocks */
#define FZ_OBJS 96 /* kmalloc and cache objects */
#define FZ_CACHES 4 /* caches of the harness's own */
#define FZ_AREAS 12 /* vmalloc and vmap areas */
#define FZ_VMAP_PAGES 8 /* pages per vmap */
#define FZ_KMAPS 32 /* pages with kmap()s */
#define FZ_FREED 8 /* recently freed blocks, objects, areas */

struct fz_block {
	struct page *page; /* NULL: the entry is unused */
	unsigned int order;
	u32 tag; /* at the start of the first page, the end of the last */
	int vmaps; /* vmap areas that map one of its pages */
	int kmaps; /* kmap()s and kmap_local()s of its pages */
};

struct fz_obj {
	void *ptr; /* NULL: unused */
	size_t size; /* asked for */
	u32 tag; /* in its first and last bytes */
	int cache; /* index in fz.caches, -1 for kmalloc */
};

struct fz_cache {
	struct kmem_cache *s; /* NULL: unused */
	unsigned int size;
	slab_flags_t flags; /* as the cache has them (slub_debug included) */
	int live; /* objects the harness holds */
};

struct fz_area {
	void *addr; /* NULL: unused */
	unsigned long pages; /* mapped pages (the guard page not counted) */
	bool is_vmap;
	u32 tag; /* vmalloc: at the start and the end */
	int blocks[FZ_VMAP_PAGES]; /* vmap: the blocks of its pages */
};

struct fz_kmap {
	struct page *page; /* NULL: unused */
	int block; /* whose page it is */
	int count; /* kmap()s not yet kunmap()ped */
};

/* A kmap_local slot the harness pushed (highmem pages only use slots). */
struct fz_local {
	void *addr;
	int block;
	bool released; /* unmapped out of order: pops with the slots above */
};

/* Counts that show a report was made: each invalid operation moves one. */
struct fz_reports {
	unsigned long warnings, bad_pages, slab_errors;
};

struct fz_state {
	unsigned int families;
	struct fz_block blocks[FZ_BLOCKS];
	struct fz_obj objs[FZ_OBJS];
	struct fz_cache caches[FZ_CACHES];
	struct fz_area areas[FZ_AREAS];
	struct fz_kmap kmaps[FZ_KMAPS];
	struct fz_local local[KM_MAX_IDX];
	int local_depth; /* the kernel's kmap_local stack depth */
	struct page *freed_pages[FZ_FREED]; /* freed blocks, newest last */
	void *freed_objs[FZ_FREED];
	int freed_obj_cache[FZ_FREED];
	unsigned long freed_areas[FZ_FREED];
	unsigned int nr_freed_pages, nr_freed_objs, nr_freed_areas;
	unsigned int exhausts; /* exhaust-and-free runs (bounded: slow) */
	u32 next_tag;
	unsigned int step; /* operations run */
	int touched_cache; /* the cache the last operation used, or -1 */
	u64 log_mark; /* the boot's start in the kernel log */
};

extern struct fz_state fz;

/* A finding: the message, the kernel log since the boot, abort(). */
__printf(1, 2) __noreturn void fz_fail(const char *fmt, ...);
#define FZ_CHECK(cond, fmt, ...)                                              \
	do {                                                                  \
		if (!(cond))                                                  \
			fz_fail("%s:%d: %s: " fmt, __FILE__, __LINE__, #cond, \
				##__VA_ARGS__);                               \
	} while (0)

/* Snapshot the report counts before an invalid operation... */
void fz_reports_snap(struct fz_reports *r);
/* ...and fail unless one of them moved since. */
void fz_expect_report(const struct fz_reports *r, const char *what);

/*
 * Frees that must be refused: a report, and nothing changed (the struct
 * page of what was passed, the slab and vmalloc counts).  The kernel knows
 * every page's use from its struct page (mm/page_use.c), so these hold for
 * any page the harness can name: one in a slab, backing a vmalloc area, a
 * page table, a kmalloc_large() block, a kmapped page, a buddy block to
 * kfree() or vfree().
 */
void fz_refuse_free_pages(struct page *page, unsigned int order,
			  const char *what);
void fz_refuse_kfree(const void *p, const char *what);
void fz_refuse_vfree(const void *p, const char *what);

u32 fz_new_tag(void);
/*
 * The `n`th (modulo) used entry of a table whose entries start with a
 * pointer (NULL: unused), or -1 if none is used.
 */
int fz_pick(u8 n, const void *table, size_t entry, int count);
int fz_pick_block(u8 n);
int fz_pick_obj(u8 n);
int fz_pick_area(u8 n);

/* Read or write a u32 through a kernel mapping; -EFAULT if it faults. */
int fz_peek(const void *addr, u32 *val);
int fz_poke(void *addr, u32 val);
/* Tag the first and the last u32 of [addr, addr + size) (fill a small one). */
void fz_tag_range(void *addr, size_t size, u32 tag);
void fz_expect_tag_range(const void *addr, size_t size, u32 tag,
			 const char *what);

/* --- the operations (ops_*.c): each consumes its arguments ---------------- */

void fz_op_page(struct fz_input *in, u8 op);
void fz_op_slab(struct fz_input *in, u8 op);
void fz_op_vmalloc(struct fz_input *in, u8 op);
void fz_op_kmap(struct fz_input *in, u8 op);
/* Give back everything of one family the harness holds. */
void fz_release_pages(void);
void fz_release_slab(void);
void fz_release_vmalloc(void);
void fz_release_kmaps(void);
/* Free a block (its tags checked first); it must hold no mapping. */
void fz_free_block(int idx);
/* Tags of a block, through kmap_local (its first and last page). */
void fz_tag_block(struct fz_block *b);
void fz_expect_block_tags(const struct fz_block *b);

/* --- the invariants (check.c) --------------------------------------------- */

/* After every operation: cheap checks of everything, full ones at times. */
void fz_check_step(bool full);
/* The machines an input's first byte chooses from (driver.c). */
#define FZ_MACHINES 20
/* Right after the boot of a machine: settle, remember the state... */
void fz_check_boot(int machine);
/* ...and at the end, with everything given back: the same state again. */
void fz_check_end(int machine);

#endif /* _FUZZ_H */
