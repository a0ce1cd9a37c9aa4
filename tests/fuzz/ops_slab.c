// SPDX-License-Identifier: GPL-2.0
/*
 * ops_slab.c - the slab allocator's operations: kmalloc() of every size
 * (the caches, the large blocks, 0, too much), kfree(), krealloc(),
 * kcalloc(), and caches of the harness's own, with every debugging flag,
 * alignment and constructor, from creation to destruction.
 *
 * The misuse the slab allocator promises to catch is done only where its
 * design says it is caught: a double free where the free list is walked
 * (F), the red zone shows it (Z) or the object heads the free list; a
 * pointer into an object where F checks it; a write after free where P
 * poisons; a write past the end where Z guards it.  Freed objects whose
 * bytes the kernel may reuse itself (the kmalloc caches serve vmalloc's
 * bookkeeping too) are misused only in the harness's own caches.
 */
#include <errno.h>
#include <kernel.h>
#include <sprintf.h>
#include <string.h>

#include "../../mm/slab_internal.h"
#include "fuzz.h"
#include "sim.h"

static const char *const fz_cache_names[FZ_CACHES] = { "fz-a", "fz-b", "fz-c",
						       "fz-d" };
/* Names that are no string constant: kstrdup_const() copies these. */
static char fz_cache_heap_names[FZ_CACHES][16];

static void fz_ctor(void *object)
{
	*(u8 *)object = 0xc7;
}

static gfp_t fz_slab_gfp(u8 g)
{
	gfp_t gfp = (g & 1) ? GFP_ATOMIC : GFP_KERNEL;

	if (g & 2)
		gfp |= GFP_ZERO;
	if ((g & 0x1c) == 0x04)
		gfp |= GFP_DMA;
	if ((g & 0x1c) == 0x08)
		gfp |= GFP_HIGHMEM; /* refused with a WARN, then ignored */
	if (g & 0x20)
		gfp |= __GFP_NOWARN;
	return gfp;
}

/* Sizes: mostly the caches', some large blocks (to 256 KB), 0, too much. */
static size_t fz_size(u16 v)
{
	if (v == 0xffff)
		return KMALLOC_MAX_SIZE + 1;
	if ((v & 0xc000) == 0xc000)
		return (size_t)(v & 0x3fff) * 16;
	if (v & 0x8000)
		return v & 0x1fff;
	return v & 0x1ff;
}

static int fz_free_obj_slot(void)
{
	for (int i = 0; i < FZ_OBJS; i++)
		if (!fz.objs[i].ptr)
			return i;
	return -1;
}

/* The object is new: where it should be, nobody else's, zeroed if asked. */
static void fz_expect_new_obj(void *p, size_t size, gfp_t gfp,
			      struct kmem_cache *s)
{
	unsigned long a = (unsigned long)p;
	struct kmem_cache *cache = virt_to_cache(p);
	const u8 *bytes = p;

	FZ_CHECK(virt_addr_valid(p), "an object at %p, outside lowmem", p);
	FZ_CHECK(!(a % ARCH_KMALLOC_MINALIGN), "object %p is misaligned", p);
	FZ_CHECK(ksize(p) >= size, "ksize(%p) %zu < %zu", p, ksize(p), size);
	if (s)
		FZ_CHECK(cache == s && !(a % s->align),
			 "object %p of cache %s is in %s, or misaligned", p,
			 s->name, cache ? cache->name : "no cache");
	if (cache && is_power_of_2(cache->object_size) && !s)
		FZ_CHECK(!(a % cache->object_size),
			 "kmalloc object %p of %s is not aligned to its size",
			 p, cache->name);
	if (!cache)
		FZ_CHECK(!offset_in_page(p) && PageHead(virt_to_page(p)),
			 "large kmalloc %p is not a page block", p);
	if (gfp & GFP_DMA)
		FZ_CHECK(page_zonenum(virt_to_page(p)) == ZONE_DMA,
			 "GFP_DMA object %p not in ZONE_DMA", p);
	for (int i = 0; i < FZ_OBJS; i++) {
		const struct fz_obj *o = &fz.objs[i];
		unsigned long b = (unsigned long)o->ptr;

		if (o->ptr && o->size)
			FZ_CHECK(a + size <= b || b + o->size <= a,
				 "object %p+%zu overlaps the live %p+%zu", p,
				 size, o->ptr, o->size);
	}
	for (int i = 0; i < FZ_BLOCKS; i++) {
		const struct fz_block *blk = &fz.blocks[i];
		unsigned long start;

		if (!blk->page || PageHighMem(blk->page))
			continue;
		start = (unsigned long)lowmem_page_address(blk->page);
		FZ_CHECK(a + size <= start ||
				 start + (PAGE_SIZE << blk->order) <= a,
			 "object %p lies in the block at %#lx", p, start);
	}
	if (gfp & GFP_ZERO)
		for (size_t i = 0; i < size && i < 64; i++)
			FZ_CHECK(!bytes[i], "GFP_ZERO object %p: byte %zu", p,
				 i);
	else if (cache && (cache->flags & __OBJECT_POISON) && size)
		FZ_CHECK(bytes[0] == POISON_INUSE,
			 "new object %p of %s is not POISON_INUSE", p,
			 cache->name);
}

static void fz_record_obj(void *p, size_t size, int cache)
{
	int slot = fz_free_obj_slot();

	FZ_CHECK(slot >= 0, "no room (the caller checks)");
	fz.objs[slot] = (struct fz_obj){ p, size, fz_new_tag(), cache };
	fz_tag_range(p, size, fz.objs[slot].tag);
	if (cache >= 0)
		fz.caches[cache].live++;
}

/* Freed a moment ago and still in its slab: poisoned, red zones inactive. */
static void fz_expect_freed_obj(void *p, struct kmem_cache *s)
{
	struct page *page;
	const u8 *b = p;

	if (!s || !virt_addr_valid(p))
		return;
	page = virt_to_page(p);
	if (!PageSlab(page) || page->slab_cache != s)
		return; /* the slab went back to the page allocator */
	if (s->flags & __OBJECT_POISON)
		FZ_CHECK((b[0] == POISON_FREE || s->object_size == 1) &&
				 b[s->object_size - 1] == POISON_END,
			 "freed %p of %s: poison %#x..%#x", p, s->name, b[0],
			 b[s->object_size - 1]);
	if (s->flags & SLAB_RED_ZONE)
		FZ_CHECK(b[s->object_size] == SLUB_RED_INACTIVE &&
				 *(b - 1) == SLUB_RED_INACTIVE,
			 "freed %p of %s: red zones %#x %#x", p, s->name,
			 *(b - 1), b[s->object_size]);
}

static void fz_forget_obj(int i)
{
	struct fz_obj *o = &fz.objs[i];

	if (o->cache >= 0)
		fz.caches[o->cache].live--;
	fz.freed_objs[fz.nr_freed_objs % FZ_FREED] = o->ptr;
	fz.freed_obj_cache[fz.nr_freed_objs++ % FZ_FREED] = o->cache;
	o->ptr = NULL;
}

static void fz_free_obj(int i)
{
	struct fz_obj *o = &fz.objs[i];
	struct kmem_cache *s = virt_to_cache(o->ptr);
	void *p = o->ptr;

	fz_expect_tag_range(p, o->size, o->tag, "object");
	if (o->cache >= 0)
		kmem_cache_free(fz.caches[o->cache].s, p);
	else
		kfree(p);
	fz.touched_cache = o->cache;
	fz_forget_obj(i);
	fz_expect_freed_obj(p, s);
}

static void fz_kmalloc(struct fz_input *in)
{
	size_t size = fz_size(fz_u16(in));
	gfp_t gfp = fz_slab_gfp(fz_u8(in));
	struct fz_reports r;
	void *p;

	if (fz_free_obj_slot() < 0)
		return;
	fz_reports_snap(&r);
	p = kmalloc(size, gfp);
	if ((gfp & GFP_HIGHMEM) && size)
		fz_expect_report(&r, "kmalloc(GFP_HIGHMEM)");
	if (!size) {
		FZ_CHECK(p == ZERO_SIZE_PTR, "kmalloc(0) gave %p", p);
		kfree(p);
		return;
	}
	if (size > KMALLOC_MAX_SIZE) {
		FZ_CHECK(!p, "kmalloc(%zu) gave %p", size, p);
		if (!(gfp & __GFP_NOWARN))
			fz_expect_report(&r, "kmalloc above KMALLOC_MAX_SIZE");
		return;
	}
	if (!p)
		return;
	fz_expect_new_obj(p, size, gfp, NULL);
	fz_record_obj(p, size, -1);
}

static void fz_krealloc(struct fz_input *in)
{
	int i = fz_pick_obj(fz_u8(in));
	size_t size = fz_size(fz_u16(in));
	struct fz_obj *o;
	void *p, *q;
	u32 tag;

	if (i < 0 || fz.objs[i].cache >= 0 || size > KMALLOC_MAX_SIZE)
		return;
	o = &fz.objs[i];
	p = o->ptr;
	tag = o->tag;
	fz_expect_tag_range(p, o->size, tag, "object");
	q = krealloc(p, size, GFP_KERNEL | __GFP_NOWARN);
	if (!size) {
		FZ_CHECK(q == ZERO_SIZE_PTR, "krealloc(p, 0) gave %p", q);
		fz_forget_obj(i);
		return;
	}
	if (!q)
		return; /* p is untouched and still ours */
	if (o->size >= 2 * sizeof(u32) && size >= sizeof(u32))
		FZ_CHECK(*(u32 *)q == tag, "krealloc lost the contents of %p",
			 p);
	fz_forget_obj(i);
	if (q != p)
		fz_expect_freed_obj(p, virt_to_cache(p));
	o->ptr = NULL;
	fz_record_obj(q, size, -1);
}

/* kcalloc's overflow check, kmalloc(0), kfree(NULL) and ZERO_SIZE_PTR. */
static void fz_kmalloc_edges(struct fz_input *in)
{
	u8 n = fz_u8(in);
	void *p = kcalloc(0x10000 + n, 0x10000, GFP_KERNEL);

	FZ_CHECK(!p, "kcalloc overflowed into %p", p);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	FZ_CHECK(!ksize(NULL) && !ksize(ZERO_SIZE_PTR), "ksize of nothing");
}

static void fz_cache_create(struct fz_input *in)
{
	u16 size = fz_u16(in);
	u8 f = fz_u8(in), a = fz_u8(in);
	static const unsigned int aligns[4] = { 0, 8, 64, 24 };
	slab_flags_t flags = 0;
	const char *name;
	int c = -1;
	struct kmem_cache *s;

	for (int i = 0; i < FZ_CACHES; i++)
		if (!fz.caches[i].s)
			c = i;
	if (c < 0)
		return;
	if (f & 1)
		flags |= SLAB_HWCACHE_ALIGN;
	if (f & 2)
		flags |= SLAB_RED_ZONE;
	if (f & 4)
		flags |= SLAB_POISON;
	if (f & 8)
		flags |= SLAB_STORE_USER | SLAB_CONSISTENCY_CHECKS;
	if (f & 0x10)
		flags |= SLAB_CACHE_DMA;
	if ((f & 0x60) == 0x60)
		flags |= 0x80000; /* a flag nobody knows: refused */
	size %= 5000;
	if (a & 4) {
		scnprintf(fz_cache_heap_names[c],
			  sizeof(fz_cache_heap_names[c]), "fz-heap-%d", c);
		name = fz_cache_heap_names[c];
	} else {
		name = fz_cache_names[c];
	}
	s = kmem_cache_create(name, size, aligns[a & 3], flags,
			      (a & 8) ? fz_ctor : NULL);
	if (!size || aligns[a & 3] == 24 || (flags & 0x80000)) {
		FZ_CHECK(
			!s,
			"kmem_cache_create(%u, align %u, flags %#x) made a cache",
			size, aligns[a & 3], flags);
		return;
	}
	if (!s)
		return;
	if (name == fz_cache_heap_names[c]) {
		/* The cache has its own copy: the caller's buffer may change. */
		FZ_CHECK(s->name != name && !strcmp(s->name, name),
			 "the cache name was not copied");
		fz_cache_heap_names[c][0] = '?';
	}
	FZ_CHECK(s->object_size == size && s->size >= size &&
			 is_power_of_2(s->align),
		 "cache %s: object_size %u size %u align %u for %u", s->name,
		 s->object_size, s->size, s->align, size);
	fz.caches[c] = (struct fz_cache){ s, size, s->flags, 0 };
	fz.touched_cache = c;
}

static int fz_pick_cache(u8 n)
{
	return fz_pick(n, fz.caches, sizeof(fz.caches[0]), FZ_CACHES);
}

static void fz_cache_alloc(struct fz_input *in)
{
	int c = fz_pick_cache(fz_u8(in));
	gfp_t gfp = fz_slab_gfp(fz_u8(in)) & ~(gfp_t)GFP_DMA;
	struct fz_reports r;
	void *p;

	if (c < 0 || fz_free_obj_slot() < 0)
		return;
	fz_reports_snap(&r);
	p = kmem_cache_alloc(fz.caches[c].s, gfp);
	if (gfp & GFP_HIGHMEM)
		fz_expect_report(&r, "kmem_cache_alloc(GFP_HIGHMEM)");
	fz.touched_cache = c;
	if (!p)
		return;
	fz_expect_new_obj(p, fz.caches[c].size, gfp, fz.caches[c].s);
	if (fz.caches[c].s->flags & SLAB_CACHE_DMA)
		FZ_CHECK(page_zonenum(virt_to_page(p)) == ZONE_DMA,
			 "SLAB_CACHE_DMA object %p not in ZONE_DMA", p);
	fz_record_obj(p, fz.caches[c].size, c);
}

static void fz_cache_destroy(struct fz_input *in)
{
	int c = fz_pick_cache(fz_u8(in));
	struct fz_reports r;
	struct kmem_cache *s;

	if (c < 0)
		return;
	s = fz.caches[c].s;
	fz_reports_snap(&r);
	kmem_cache_destroy(s);
	if (fz.caches[c].live) {
		fz_expect_report(&r, "kmem_cache_destroy of a cache in use");
		FZ_CHECK(find_kmem_cache(s->name) != NULL,
			 "a cache in use was destroyed");
		fz.touched_cache = c;
		return;
	}
	fz.caches[c].s = NULL;
	/* Its objects may still be in the freed ring: not misused again. */
	for (int i = 0; i < FZ_FREED; i++)
		if (fz.freed_obj_cache[i] == c)
			fz.freed_objs[i] = NULL;
}

/* A freed object of a harness cache, still free in its slab, or NULL. */
static void *fz_freed_free_obj(u8 n, int *cache)
{
	void *p;
	struct page *page;
	int c;

	if (!fz.nr_freed_objs)
		return NULL;
	n %= FZ_FREED;
	p = fz.freed_objs[(fz.nr_freed_objs - 1 - n) % FZ_FREED];
	c = fz.freed_obj_cache[(fz.nr_freed_objs - 1 - n) % FZ_FREED];
	if (!p || c < 0 || !fz.caches[c].s || !virt_addr_valid(p))
		return NULL;
	page = virt_to_page(p);
	if (!PageSlab(page) || page->slab_cache != fz.caches[c].s)
		return NULL;
	for (int i = 0; i < FZ_OBJS; i++)
		if (fz.objs[i].ptr == p)
			return NULL; /* handed out again */
	*cache = c;
	return p;
}

/*
 * A report of a damaged object prints it in hex (up to a page, as Linux's
 * print_trailer()): misuse is done on small objects, or one report of an
 * 8 KB object would cost more than a thousand operations.
 */
#define FZ_MISUSE_MAX_OBJECT 512

static bool fz_small(const struct kmem_cache *s)
{
	return s && s->object_size <= FZ_MISUSE_MAX_OBJECT;
}

/* A double free, where the design catches it. */
static void fz_double_free(u8 n)
{
	struct fz_reports r;
	struct kmem_cache *s;
	int c;
	void *p = fz_freed_free_obj(n, &c);

	if (!p)
		return;
	s = fz.caches[c].s;
	/* Without F or Z, only the head of a free list is known free. */
	if (!fz_small(s) ||
	    (!(s->flags & (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE)) &&
	     virt_to_page(p)->slab_head->freelist != p &&
	     per_cpu_ptr(s->cpu_slab, 0)->freelist != p))
		return;
	fz_reports_snap(&r);
	kmem_cache_free(s, p);
	fz_expect_report(&r, "a double free");
	fz.touched_cache = c;
}

/* A pointer into an object, where F checks it. */
static void fz_free_into_object(u8 n)
{
	int i = fz_pick_obj(n);
	struct fz_reports r;
	struct kmem_cache *s;

	if (i < 0 || fz.objs[i].size < 2)
		return;
	s = virt_to_cache(fz.objs[i].ptr);
	if (!s || !(s->flags & SLAB_CONSISTENCY_CHECKS))
		return;
	fz_reports_snap(&r);
	kfree((char *)fz.objs[i].ptr + 1);
	fz_expect_report(&r, "kfree of a pointer into an object");
	fz.touched_cache = fz.objs[i].cache;
}

/* A write after free, where P shows it: kmem_cache_validate() repairs. */
static void fz_write_after_free(u8 n)
{
	int c;
	void *p = fz_freed_free_obj(n, &c);
	struct kmem_cache *s = p ? fz.caches[c].s : NULL;

	if (!fz_small(s) || !(s->flags & __OBJECT_POISON))
		return;
	((u8 *)p)[n % s->object_size] ^= 0x11;
	FZ_CHECK(kmem_cache_validate(s) > 0,
		 "a write after free in %s was not found", s->name);
	fz.touched_cache = c;
}

/* A write past the end, where Z guards: the free reports and repairs. */
static void fz_write_past_end(u8 n)
{
	int i = fz_pick_obj(n);
	struct fz_reports r;
	struct kmem_cache *s;

	if (i < 0)
		return;
	s = virt_to_cache(fz.objs[i].ptr);
	if (!fz_small(s) || !(s->flags & SLAB_RED_ZONE))
		return;
	fz_reports_snap(&r);
	((u8 *)fz.objs[i].ptr)[s->object_size] = 0x78;
	fz_free_obj(i);
	fz_expect_report(&r, "a write into the right red zone");
}

/* kmem_cache_free() to the wrong cache: a WARN, freed in the right one. */
static void fz_free_to_wrong_cache(u8 n, u8 other)
{
	int i = fz_pick_obj(n), c = fz_pick_cache(other);
	struct fz_reports r;
	struct kmem_cache *s;
	void *p;

	if (i < 0 || c < 0 || fz.objs[i].cache == c ||
	    !virt_to_cache(fz.objs[i].ptr))
		return;
	fz_expect_tag_range(fz.objs[i].ptr, fz.objs[i].size, fz.objs[i].tag,
			    "object");
	p = fz.objs[i].ptr;
	s = virt_to_cache(p);
	fz_reports_snap(&r);
	kmem_cache_free(fz.caches[c].s, p);
	fz_expect_report(&r, "kmem_cache_free to the wrong cache");
	fz.touched_cache = fz.objs[i].cache;
	fz_forget_obj(i);
	fz_expect_freed_obj(p, s);
}

/* kfree() of what kmalloc never gave: a vmalloc area, the host's stack. */
static void fz_kfree_foreign(u8 n)
{
	int i = fz_pick_area(n);
	struct fz_reports r;

	fz_reports_snap(&r);
	kfree(i >= 0 ? fz.areas[i].addr : (void *)&r);
	fz_expect_report(&r, "kfree of no kmalloc pointer");
}

/*
 * An object's memory freed by another allocator's free: __free_pages() of
 * a slab page or of a kmalloc_large() block, vfree() of either, kfree()
 * inside a large block.  All refused: the page says what it is used for.
 */
static void fz_free_obj_elsewhere(u8 n, u8 how)
{
	int i = fz_pick_obj(n);
	const struct fz_obj *o;
	struct page *page;

	if (i < 0 || ZERO_OR_NULL_PTR(fz.objs[i].ptr))
		return;
	o = &fz.objs[i];
	page = virt_to_page(o->ptr);
	switch (how % 3) {
	case 0:
		fz_refuse_free_pages(
			page, PageSlab(page) ? 0 : get_order(o->size),
			PageSlab(page) ?
				"__free_pages of a slab page" :
				"__free_pages of a kmalloc_large block");
		break;
	case 1:
		fz_refuse_vfree(o->ptr, "vfree of a kmalloc object");
		break;
	default:
		if (!PageSlab(page))
			fz_refuse_kfree((char *)o->ptr +
						(how & 4 ? 1 : PAGE_SIZE),
					"kfree inside a kmalloc_large block");
		break;
	}
}

static void fz_slab_misuse(struct fz_input *in)
{
	u8 kind = fz_u8(in), n = fz_u8(in);

	switch (kind % 7) {
	case 6:
		fz_free_obj_elsewhere(n, kind >> 3);
		break;
	case 0:
		fz_double_free(n);
		break;
	case 1:
		fz_free_into_object(n);
		break;
	case 2:
		fz_write_after_free(n);
		break;
	case 3:
		fz_write_past_end(n);
		break;
	case 4:
		fz_free_to_wrong_cache(n, kind >> 3);
		break;
	default:
		fz_kfree_foreign(n);
		break;
	}
}

void fz_op_slab(struct fz_input *in, u8 op)
{
	int i;

	switch (op % 16) {
	case 0:
	case 1:
	case 2:
	case 3:
		fz_kmalloc(in);
		break;
	case 4:
	case 5:
	case 6:
		i = fz_pick_obj(fz_u8(in));
		if (i >= 0)
			fz_free_obj(i);
		break;
	case 7:
		fz_krealloc(in);
		break;
	case 8:
		fz_kmalloc_edges(in);
		break;
	case 9:
		fz_cache_create(in);
		break;
	case 10:
	case 11:
		fz_cache_alloc(in);
		break;
	case 12:
		fz_cache_destroy(in);
		break;
	case 13:
		i = fz_pick_cache(fz_u8(in));
		if (i >= 0) {
			kmem_cache_shrink(fz.caches[i].s);
			FZ_CHECK(
				!get_node(fz.caches[i].s, 0)->nr_empty &&
					!per_cpu_ptr(fz.caches[i].s->cpu_slab,
						     0)
						 ->slab,
				"empty or cpu slabs left after kmem_cache_shrink");
			fz.touched_cache = i;
		}
		break;
	default:
		fz_slab_misuse(in);
		break;
	}
}

void fz_release_slab(void)
{
	for (int i = 0; i < FZ_OBJS; i++)
		if (fz.objs[i].ptr)
			fz_free_obj(i);
	for (int c = 0; c < FZ_CACHES; c++) {
		if (!fz.caches[c].s)
			continue;
		kmem_cache_destroy(fz.caches[c].s);
		fz.caches[c].s = NULL;
	}
}
