// SPDX-License-Identifier: GPL-2.0
/*
 * stress.c - `stress SEED OPS`: seeded random work on every allocator,
 * through exhaustion and back, that must end where it began.
 *
 * Each operation is drawn from a small random generator (xorshift32) seeded
 * with SEED, so a run can be repeated exactly: alloc_pages of every order
 * from every zone (GFP_DMA, GFP_KERNEL, GFP_HIGHMEM, now and then
 * GFP_ZERO), kmalloc/kfree/krealloc of every size class up to 64 KB,
 * kmem_cache create/alloc/free/destroy (with and without debugging),
 * vmalloc/vzalloc/vfree, vmap/vunmap of pages it holds, kmap/kunmap, and
 * nested kmap_local.  What it holds it fills with a signature, and checks
 * that signature when it gives the memory back: a corruption is an error.
 * Now and then it runs a zone dry (every block it can get, largest first),
 * tries the allocators while nothing is left, which must fail cleanly, and
 * gives it all back.
 *
 * The run around them, the counts before and after that must be equal,
 * and `stress -a`, the same on every CPU at once (each CPU its own tables,
 * a per-CPU variable, and its own generator), are stress_run.c's.
 *
 * Bounded: at most STRESS_MAX_OPS operations, at most a few hundred things
 * held at once (fixed tables, per CPU: the run allocates nothing to keep
 * its books), and Ctrl-C stops it between two operations, after which it
 * gives everything back as usual.
 */
#include <console.h>
#include <cpumask.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <slab.h>
#include <smp.h>
#include <sprintf.h>
#include <stress.h>
#include <string.h>
#include <time.h>
#include <vmalloc.h>

#include "stress_internal.h"

#define NR_BLOCKS 256 /* page blocks held at once */
#define NR_OBJS 256 /* kmalloc objects */
#define NR_CACHES 4 /* caches of our own */
#define NR_CACHE_OBJS 64 /* objects per cache */
#define NR_AREAS 32 /* vmalloc and vmap areas */
#define MAX_VMAP 8 /* pages per vmap, and kmap_local depth */
#define MAX_KMAPS 64 /* kmap() users at once: well under 1024 slots */
#define PURGE_EVERY 32 /* vfrees between two purges: stay in the window */

struct stress_block {
	struct page *page;
	unsigned int order;
	u32 sig; /* at the start and end of its first page */
	unsigned int kmaps; /* kmap() users */
	unsigned int vmaps; /* vmap areas that map it */
};

struct stress_obj {
	u8 *p;
	size_t size;
	u8 sig; /* every byte */
};

struct stress_cache {
	struct kmem_cache *s;
	void *objs[NR_CACHE_OBJS];
	unsigned int nr;
	char name[16];
};

struct stress_area {
	u8 *addr;
	unsigned long size;
	u8 sig;
	unsigned int nr_pages; /* vmap: how many of pages[] */
	struct page *pages[MAX_VMAP]; /* vmap: the pages mapped */
};

struct stress {
	u32 rng;
	struct stress_result *r;
	unsigned long vfrees;
	struct stress_block blocks[NR_BLOCKS];
	unsigned int nr_blocks, nr_kmaps;
	struct stress_obj objs[NR_OBJS];
	unsigned int nr_objs;
	struct stress_cache caches[NR_CACHES];
	unsigned int cache_serial;
	struct stress_area areas[NR_AREAS];
	unsigned int nr_areas;
	struct list_head hoard[MAX_ORDER]; /* exhaustion: blocks, chained */
	bool concurrent; /* other CPUs run their own share at the same time */
};

/* Each CPU's run: its own tables, generator and result (stress -a). */
static DEFINE_PER_CPU(struct stress, stress_state);

/* The state of the run on this CPU (there is no preemption: it stays). */
static struct stress *stress_self(void)
{
	return this_cpu_ptr(&stress_state);
}

static u32 rnd(void)
{
	struct stress *st = stress_self();
	u32 x = st->rng;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	st->rng = x;
	return x;
}

static u32 rnd_below(u32 n)
{
	return n ? rnd() % n : 0;
}

static void error(const char *fmt, ...)
{
	struct stress *st = stress_self();
	char text[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(text, sizeof(text), fmt, args);
	va_end(args);
	st->r->errors++;
	pr_err("stress: op %lu: %s\n", st->r->ops, text);
}

/* --- signatures ---------------------------------------------------------- */

static void fill(u8 *p, size_t size, u8 sig)
{
	memset(p, sig, size);
}

/* Every byte up to 4 KB, then the first and last 256. */
static bool check_bytes(const u8 *p, size_t size, u8 sig)
{
	size_t head = size <= 4096 ? size : 256;

	for (size_t i = 0; i < head; i++)
		if (p[i] != sig)
			return false;
	for (size_t i = size - min(size, (size_t)256); i < size; i++)
		if (p[i] != sig)
			return false;
	return true;
}

static void block_sign(struct stress_block *b)
{
	u32 *p = kmap_local_page(b->page);

	b->sig = rnd() | 1;
	p[0] = b->sig;
	p[PAGE_SIZE / sizeof(u32) - 1] = ~b->sig;
	kunmap_local(p);
}

static bool block_check(const struct stress_block *b)
{
	u32 *p = kmap_local_page(b->page);
	bool ok = p[0] == b->sig && p[PAGE_SIZE / sizeof(u32) - 1] == ~b->sig;

	kunmap_local(p);
	return ok;
}

/* --- page blocks ---------------------------------------------------------- */

static const gfp_t zone_gfp[] = { GFP_DMA, GFP_KERNEL, GFP_DMA32, GFP_HIGHMEM };

static void op_alloc_pages(void)
{
	struct stress *st = stress_self();
	unsigned int order = rnd_below(4) ? rnd_below(4) : rnd_below(MAX_ORDER);
	gfp_t gfp = zone_gfp[rnd_below(ARRAY_SIZE(zone_gfp))] | __GFP_NOWARN;
	struct stress_block *b = &st->blocks[st->nr_blocks];
	bool zero = !rnd_below(8) && order <= 3;
	struct page *page;

	if (st->nr_blocks == NR_BLOCKS)
		return;
	page = alloc_pages(gfp | (zero ? GFP_ZERO : 0), order);
	if (!page) {
		st->r->refused++;
		return;
	}
	*b = (struct stress_block){ .page = page, .order = order };
	if (zero) {
		u32 *p = kmap_local_page(page + (1U << order) - 1);

		if (p[0] || p[PAGE_SIZE / sizeof(u32) - 1])
			error("GFP_ZERO block at pfn %#lx is not zeroed",
			      page_to_pfn(page));
		kunmap_local(p);
	}
	block_sign(b);
	st->nr_blocks++;
}

static void block_release(unsigned int i)
{
	struct stress *st = stress_self();
	struct stress_block *b = &st->blocks[i];

	for (; b->kmaps; b->kmaps--, st->nr_kmaps--)
		kunmap(b->page);
	if (!block_check(b))
		error("pfn %#lx (order %u) lost its signature",
		      page_to_pfn(b->page), b->order);
	__free_pages(b->page, b->order);
	st->blocks[i] = st->blocks[--st->nr_blocks];
}

static void op_free_pages(void)
{
	struct stress *st = stress_self();
	unsigned int i = rnd_below(st->nr_blocks);

	if (st->nr_blocks && !st->blocks[i].vmaps)
		block_release(i);
}

static void op_kmap(void)
{
	struct stress *st = stress_self();
	struct stress_block *b = &st->blocks[rnd_below(st->nr_blocks)];

	if (!st->nr_blocks)
		return;
	if (b->kmaps && (rnd() & 1 || st->nr_kmaps == MAX_KMAPS)) {
		kunmap(b->page);
		b->kmaps--;
		st->nr_kmaps--;
		return;
	}
	if (st->nr_kmaps == MAX_KMAPS)
		return;
	if (*(u32 *)kmap(b->page) != b->sig)
		error("kmap of pfn %#lx reads no signature",
		      page_to_pfn(b->page));
	b->kmaps++;
	st->nr_kmaps++;
}

/* Map a few blocks at once, nested, check each, unmap last-in first-out. */
static void op_kmap_local(void)
{
	struct stress *st = stress_self();
	unsigned int n = min(st->nr_blocks, 1U + rnd_below(MAX_VMAP));
	u32 *addr[MAX_VMAP];
	unsigned int which[MAX_VMAP];

	for (unsigned int k = 0; k < n; k++) {
		which[k] = rnd_below(st->nr_blocks);
		addr[k] = kmap_local_page(st->blocks[which[k]].page);
	}
	for (int k = (int)n - 1; k >= 0; k--) {
		if (addr[k][0] != st->blocks[which[k]].sig)
			error("kmap_local of pfn %#lx reads no signature",
			      page_to_pfn(st->blocks[which[k]].page));
		kunmap_local(addr[k]);
	}
}

/* --- kmalloc ---------------------------------------------------------------- */

static size_t random_size(void)
{
	switch (rnd_below(8)) {
	case 0:
		return 1 + rnd_below(65536); /* kmalloc_large too */
	case 1:
	case 2:
		return 1 + rnd_below(8192);
	default:
		return 1 + rnd_below(512);
	}
}

static void op_kmalloc(void)
{
	struct stress *st = stress_self();
	struct stress_obj *o = &st->objs[st->nr_objs];
	gfp_t gfp = (rnd_below(8) ? GFP_KERNEL : GFP_DMA) | __GFP_NOWARN;

	if (st->nr_objs == NR_OBJS)
		return;
	o->size = random_size();
	o->p = kmalloc(o->size, gfp);
	if (!o->p) {
		st->r->refused++;
		return;
	}
	o->sig = (u8)(rnd() | 1);
	fill(o->p, o->size, o->sig);
	st->nr_objs++;
}

static void obj_release(unsigned int i)
{
	struct stress *st = stress_self();
	struct stress_obj *o = &st->objs[i];

	if (!check_bytes(o->p, o->size, o->sig))
		error("kmalloc object %p (%zu bytes) was overwritten", o->p,
		      o->size);
	kfree(o->p);
	st->objs[i] = st->objs[--st->nr_objs];
}

static void op_kfree(void)
{
	struct stress *st = stress_self();

	if (st->nr_objs)
		obj_release(rnd_below(st->nr_objs));
}

static void op_krealloc(void)
{
	struct stress *st = stress_self();
	struct stress_obj *o = &st->objs[rnd_below(st->nr_objs)];
	size_t size = random_size();
	u8 *p;

	if (!st->nr_objs)
		return;
	p = krealloc(o->p, size, GFP_KERNEL | __GFP_NOWARN);
	if (!p) {
		st->r->refused++; /* the old object stays, untouched */
		return;
	}
	if (!check_bytes(p, min(size, o->size), o->sig))
		error("krealloc %p -> %p lost its contents", o->p, p);
	o->p = p;
	o->size = size;
	o->sig = (u8)(rnd() | 1);
	fill(o->p, o->size, o->sig);
}

/* --- caches of our own ------------------------------------------------------ */

static void cache_destroy(struct stress_cache *c)
{
	while (c->nr) {
		void *p = c->objs[--c->nr];

		if (!check_bytes(p, c->s->object_size, (u8)c->nr))
			error("object %p of %s was overwritten", p, c->name);
		kmem_cache_free(c->s, p);
	}
	kmem_cache_destroy(c->s);
	c->s = NULL;
}

static void cache_create(struct stress_cache *c)
{
	struct stress *st = stress_self();
	static const slab_flags_t flags[] = {
		0,
		SLAB_HWCACHE_ALIGN,
		SLAB_RED_ZONE | SLAB_POISON,
		SLAB_STORE_USER,
		SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE,
	};

	snprintf(c->name, sizeof(c->name), "stress-%u-%u", smp_processor_id(),
		 st->cache_serial++);
	c->s = kmem_cache_create(c->name, 1 + rnd_below(2048),
				 rnd_below(2) ? 0 : 1U << rnd_below(7),
				 flags[rnd_below(ARRAY_SIZE(flags))], NULL);
	if (!c->s)
		st->r->refused++;
	c->nr = 0;
}

static void op_cache(void)
{
	struct stress *st = stress_self();
	struct stress_cache *c = &st->caches[rnd_below(NR_CACHES)];
	u32 what = rnd_below(16);
	void *p;

	if (!c->s) {
		cache_create(c);
	} else if (what == 0) {
		cache_destroy(c);
	} else if (what < 9 && c->nr < NR_CACHE_OBJS) {
		p = kmem_cache_alloc(c->s, GFP_KERNEL | __GFP_NOWARN);
		if (!p) {
			st->r->refused++;
			return;
		}
		fill(p, c->s->object_size, (u8)c->nr);
		c->objs[c->nr++] = p;
	} else if (c->nr) {
		unsigned int i = rnd_below(c->nr);
		void *last = c->objs[--c->nr];

		/* The last one moves into i: refill it with i's signature. */
		p = c->objs[i];
		if (!check_bytes(p, c->s->object_size, (u8)i) ||
		    !check_bytes(last, c->s->object_size, (u8)c->nr))
			error("an object of %s was overwritten", c->name);
		if (p != last) {
			c->objs[i] = last;
			fill(last, c->s->object_size, (u8)i);
		}
		kmem_cache_free(c->s, p);
	}
}

/* --- vmalloc and vmap --------------------------------------------------------- */

static void op_vmalloc(void)
{
	struct stress *st = stress_self();
	struct stress_area *a = &st->areas[st->nr_areas];
	bool zero = rnd() & 1;

	if (st->nr_areas == NR_AREAS)
		return;
	*a = (struct stress_area){ .size = 1 + rnd_below(16 * PAGE_SIZE) };
	a->addr = __vmalloc(a->size,
			    GFP_KERNEL | GFP_HIGHMEM | __GFP_NOWARN |
				    (zero ? GFP_ZERO : 0),
			    __builtin_return_address(0));
	if (!a->addr) {
		st->r->refused++;
		return;
	}
	if (zero && !check_bytes(a->addr, a->size, 0))
		error("vzalloc area %p is not zeroed", a->addr);
	a->sig = (u8)(rnd() | 1);
	fill(a->addr, a->size, a->sig);
	st->nr_areas++;
}

/* vmap a few single pages we hold; write through it, read through kmap. */
static void op_vmap(void)
{
	struct stress *st = stress_self();
	struct stress_area *a = &st->areas[st->nr_areas];
	unsigned int want = 1 + rnd_below(MAX_VMAP);
	struct stress_block *b[MAX_VMAP];

	if (st->nr_areas == NR_AREAS)
		return;
	*a = (struct stress_area){ .nr_pages = 0 };
	for (unsigned int i = 0; i < st->nr_blocks && a->nr_pages < want; i++) {
		if (st->blocks[i].order || st->blocks[i].vmaps)
			continue;
		b[a->nr_pages] = &st->blocks[i];
		a->pages[a->nr_pages++] = st->blocks[i].page;
	}
	if (!a->nr_pages)
		return;
	a->addr = vmap(a->pages, a->nr_pages, 0, PAGE_KERNEL);
	if (!a->addr) {
		st->r->refused++;
		return;
	}
	for (unsigned int i = 0; i < a->nr_pages; i++) {
		u32 *p = kmap_local_page(a->pages[i]);

		((u32 *)(a->addr + i * PAGE_SIZE))[1] = b[i]->sig;
		if (p[1] != b[i]->sig || p[0] != b[i]->sig)
			error("vmap of pfn %#lx shows other memory",
			      page_to_pfn(a->pages[i]));
		kunmap_local(p);
		b[i]->vmaps++;
	}
	st->nr_areas++;
}

static void area_release(unsigned int i)
{
	struct stress *st = stress_self();
	struct stress_area *a = &st->areas[i];

	if (a->nr_pages) {
		for (unsigned int k = 0; k < a->nr_pages; k++)
			for (unsigned int j = 0; j < st->nr_blocks; j++)
				if (st->blocks[j].page == a->pages[k])
					st->blocks[j].vmaps--;
		vunmap(a->addr);
	} else {
		if (!check_bytes(a->addr, a->size, a->sig))
			error("vmalloc area %p was overwritten", a->addr);
		vfree(a->addr);
	}
	st->areas[i] = st->areas[--st->nr_areas];
	if (++st->vfrees % PURGE_EVERY == 0)
		vmalloc_purge(); /* reuse the window's addresses */
}

static void op_vfree(void)
{
	struct stress *st = stress_self();

	if (st->nr_areas)
		area_release(rnd_below(st->nr_areas));
}

/* --- exhaustion ---------------------------------------------------------- */

/* Take every block of the zones gfp allows, largest first. */
static void hoard_fill(gfp_t gfp)
{
	struct stress *st = stress_self();

	for (int o = MAX_ORDER - 1; o >= 0; o--) {
		struct page *page;

		while ((page = alloc_pages(gfp | __GFP_NOWARN, (unsigned)o)))
			list_add(&page->buddy_list, &st->hoard[o]);
	}
}

static void hoard_release(void)
{
	struct stress *st = stress_self();

	for (int o = 0; o < MAX_ORDER; o++) {
		struct page *page, *next;

		list_for_each_entry_safe(page, next, &st->hoard[o],
					 buddy_list) {
			list_del(&page->buddy_list);
			__free_pages(page, (unsigned int)o);
		}
	}
}

/*
 * Run the zones that gfp may use dry, then ask every allocator for memory:
 * each must fail cleanly or find some elsewhere (GFP_ATOMIC may dig into
 * the reserve).  Then everything goes back.
 */
static void op_exhaust(void)
{
	struct stress *st = stress_self();
	static const gfp_t which[] = { GFP_KERNEL, GFP_HIGHMEM, GFP_DMA };
	gfp_t gfp = which[rnd_below(ARRAY_SIZE(which))];
	struct page *page;
	void *p;

	hoard_fill(gfp);
	/* Alone, nothing is left; other CPUs may free pages meanwhile. */
	page = alloc_pages(gfp | __GFP_NOWARN, 0);
	if (page && !st->concurrent)
		error("a page was handed out after the zones ran dry");
	if (page)
		__free_page(page);
	page = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0);
	if (page)
		__free_page(page);
	for (int i = 0; i < 4; i++) {
		p = kmalloc(random_size(), GFP_KERNEL | __GFP_NOWARN);
		kfree(p);
		st->r->refused += !p;
		op_vmalloc();
		op_vfree();
		op_cache();
	}
	hoard_release();
	st->r->exhaustions++;
}

/* --- the run --------------------------------------------------------------- */

typedef void (*stress_op_t)(void);

/* Weights: allocations a little ahead of frees, so that things pile up. */
static const stress_op_t stress_ops[] = {
	op_alloc_pages, op_alloc_pages, op_free_pages, op_kmap,
	op_kmap_local,	op_kmalloc,	op_kmalloc,    op_kfree,
	op_krealloc,	op_cache,	op_cache,      op_vmalloc,
	op_vfree,	op_vmap,	op_kfree,      op_free_pages,
};

static void release_all(void)
{
	struct stress *st = stress_self();

	while (st->nr_areas)
		area_release(st->nr_areas - 1);
	while (st->nr_blocks)
		block_release(st->nr_blocks - 1);
	while (st->nr_objs)
		obj_release(st->nr_objs - 1);
	for (unsigned int i = 0; i < NR_CACHES; i++)
		if (st->caches[i].s)
			cache_destroy(&st->caches[i]);
}

/* Start this CPU's state for a run (its own seed: CPUs draw apart). */
static void stress_init(u32 seed, struct stress_result *r, bool concurrent)
{
	struct stress *st = stress_self();

	memset(st, 0, sizeof(*st));
	st->r = r;
	st->concurrent = concurrent;
	/* Never 0: xorshift would stay 0. */
	st->rng = (seed + smp_processor_id() * 0x9e3779b9U) * 2654435761U | 1;
	for (int o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&st->hoard[o]);
}

/* This CPU's share of a run: see stress_internal.h. */
void stress_cpu_run(u32 seed, unsigned long ops, u64 until, bool concurrent,
		    struct stress_result *r)
{
	stress_init(seed, r, concurrent);
	for (r->ops = 0; r->ops < ops || (until && jiffies < until); r->ops++) {
		if (stress_stopped() || r->ops >= STRESS_MAX_OPS * 64) {
			r->interrupted = stress_stopped();
			break;
		}
		/* An exhaustion now and then, and once in any run of 100. */
		if (!rnd_below(512) || (r->ops == ops / 2 && ops >= 100))
			op_exhaust();
		else
			stress_ops[rnd_below(ARRAY_SIZE(stress_ops))]();
	}
	release_all();
	/*
	 * No stale pointer left in the tables: kmemleak's conservative scan
	 * reads every CPU's per-CPU area, and an address the run freed, once
	 * handed out again, would look referenced from here.
	 */
	memset(stress_self(), 0, sizeof(struct stress));
}
