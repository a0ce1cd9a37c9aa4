// SPDX-License-Identifier: GPL-2.0
/*
 * slab_demo.c - `demo slab`: one object's bytes, its red zones and its free
 * pointer, and a slab's free list walked.
 *
 * The demo makes a cache of its own, "demo-object", 24-byte objects with
 * the debugging that shows an object's layout: red zones (Z), poison (P)
 * and the owner tracks (U), as `slub_debug=ZPU,demo-object` would give it.
 * Then it reads memory: the bytes around one object as allocated and as
 * freed, where the free pointer sits and what it holds (the next free
 * object, XORed with a secret and its own address: a hardened free
 * pointer), the free list of a slab followed object by object, and last a
 * one-byte overflow into the right red zone, which the free reports.
 *
 * The cache and the objects are in `sd`; each section makes what it needs
 * if an earlier one has not, and `leave` frees the objects and destroys
 * the cache.  The bytes are read through the layout fields of struct
 * kmem_cache (mm's inside view, as `slab info` does).
 */
#include <demo.h>
#include <kernel.h>
#include <printk.h>
#include <slab.h>
#include <string.h>

#include "../../mm/slab_internal.h"

#define SD_OBJECT_SIZE 24
#define SD_LIST 6 /* objects of the free-list section */
#define SD_DUMP_BYTES 16 /* bytes of a region shown in full */

static struct {
	struct kmem_cache *cache; /* "demo-object" */
	void *obj; /* the object of sections 2 and 3 */
	bool obj_free; /* ... already freed (section 3) */
	void *list[SD_LIST]; /* the objects of section 4, NULL once freed */
} sd;

static bool sd_need_cache(void)
{
	if (!sd.cache)
		sd.cache = kmem_cache_create(
			"demo-object", SD_OBJECT_SIZE, 0,
			SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER, NULL);
	if (!sd.cache)
		kprintf("  kmem_cache_create(\"demo-object\") failed\n");
	return sd.cache;
}

/* One region of an object: [start, end) relative to it, and its bytes. */
static void sd_region(const u8 *obj, int start, int end, const char *what)
{
	int n = end - start;

	if (n <= 0)
		return;
	kprintf("  [%3d,%3d) %-16s", start, end, what);
	for (int i = 0; i < n; i++) {
		if (n > SD_DUMP_BYTES && i == SD_DUMP_BYTES - 4) {
			kprintf(" ..");
			i = n - 3;
		}
		kprintf(" %02x", obj[start + i]);
	}
	kprintf("\n");
}

/* Every region of the slot of obj, left red zone to padding. */
static void sd_dump(const void *obj)
{
	const struct kmem_cache *s = sd.cache;
	int info = (int)slab_debug_info_end(s);
	int tracks = info + 2 * (int)sizeof(struct track);

	sd_region(obj, -(int)s->red_left_pad, 0, "left red zone");
	sd_region(obj, 0, (int)s->object_size, "the object");
	sd_region(obj, (int)s->object_size, (int)s->inuse, "right red zone");
	sd_region(obj, (int)s->offset, (int)s->offset + 4, "free pointer");
	sd_region(obj, info, tracks, "alloc+free track");
	sd_region(obj, tracks, (int)slab_size_from_object(s), "padding");
}

static void sd_layout(void)
{
	const struct kmem_cache *s;

	if (!sd_need_cache())
		return;
	s = sd.cache;
	kprintf("  kmem_cache_create(\"demo-object\", %d, 0, SLAB_RED_ZONE |\n"
		"      SLAB_POISON | SLAB_STORE_USER, NULL): what slub_debug=ZPU gives\n",
		SD_OBJECT_SIZE);
	kprintf("  each %u-byte object takes %u bytes, %u to a slab of %lu KB:\n",
		s->object_size, s->size, s->objects,
		(PAGE_SIZE << s->order) >> 10);
	kprintf("  [%4d, %4d) left red zone: 0xcc in use, 0xbb free\n",
		-(int)s->red_left_pad, 0);
	kprintf("  [%4d, %4u) the object: 0x5a when handed out, 0x6b..0xa5 free\n",
		0, s->object_size);
	kprintf("  [%4u, %4u) right red zone\n", s->object_size, s->inuse);
	kprintf("  [%4u, %4u) free pointer: the next free object, while free\n",
		s->offset, s->offset + 4);
	kprintf("  [%4u, %4u) who allocated and freed it last (struct track x 2)\n",
		slab_debug_info_end(s),
		slab_debug_info_end(s) +
			2 * (unsigned int)sizeof(struct track));
	kprintf("  [%4u, %4u) padding to the next object's red zone: 0x5a\n",
		slab_debug_info_end(s) + 2 * (unsigned int)sizeof(struct track),
		slab_size_from_object(s));
	kprintf("  Without debugging the object is 24 bytes apart from the next and\n"
		"  the free pointer lives inside the free object.\n");
}

static void sd_allocated(void)
{
	if (!sd_need_cache())
		return;
	if (sd.obj && !sd.obj_free)
		kmem_cache_free(sd.cache, sd.obj);
	sd.obj = kmem_cache_alloc(sd.cache, GFP_KERNEL);
	sd.obj_free = false;
	if (!sd.obj)
		return;
	kprintf("  kmem_cache_alloc() -> %p, object %u of its slab; its bytes:\n",
		sd.obj, obj_to_index(sd.cache, virt_to_slab(sd.obj), sd.obj));
	sd_dump(sd.obj);
	kprintf("  red zones 0xcc: in use.  The object is 0x5a, POISON_INUSE, until\n"
		"  its owner writes it.  The alloc track names %pS.\n",
		(void *)get_track(sd.cache, sd.obj, TRACK_ALLOC)->addr);
}

static void sd_freed(void)
{
	void *next;

	if (!sd_need_cache())
		return;
	if (!sd.obj || sd.obj_free)
		sd_allocated();
	if (!sd.obj)
		return;
	kmem_cache_free(sd.cache, sd.obj);
	sd.obj_free = true;
	kprintf("  kmem_cache_free(%p); the same bytes now:\n", sd.obj);
	sd_dump(sd.obj);
	next = get_freepointer(sd.cache, sd.obj);
	kprintf("  red zones 0xbb: free.  Poison 0x6b, the last byte 0xa5: a write\n"
		"  after free would change them.  The free pointer holds %#010lx,\n"
		"  which decodes to %p (the next free object, or NULL): stored\n"
		"  as next ^ a secret ^ its own address, so a stray write or a\n"
		"  double free decodes to nonsense, which is caught.\n",
		*(unsigned long *)((char *)sd.obj + sd.cache->offset), next);
}

/* Free every object the sections hold. */
static void sd_free_objects(void)
{
	if (sd.obj && !sd.obj_free)
		kmem_cache_free(sd.cache, sd.obj);
	sd.obj = NULL;
	for (int i = 0; i < SD_LIST; i++)
		if (sd.list[i])
			kmem_cache_free(sd.cache, sd.list[i]);
	memset(sd.list, 0, sizeof(sd.list));
}

/* Free the list's objects 1, 3 and 4 (of 0..5), in that order. */
static void sd_make_holes(void)
{
	static const int freed[] = { 1, 3, 4 };

	for (unsigned int i = 0; i < ARRAY_SIZE(freed); i++) {
		kmem_cache_free(sd.cache, sd.list[freed[i]]);
		kprintf("  kmem_cache_free(object %u at %p)\n",
			obj_to_index(sd.cache, virt_to_slab(sd.list[freed[i]]),
				     sd.list[freed[i]]),
			sd.list[freed[i]]);
		sd.list[freed[i]] = NULL;
	}
}

/* Follow the slab's free list from its head, decoding each pointer. */
static void sd_walk(struct page *slab)
{
	void *p = slab->freelist;
	unsigned int n = 0;

	kprintf("  slab at %p: %u objects, %u in use; its free list:\n",
		slab_address(slab), slab->objects, slab->inuse);
	while (p && n < slab->objects) {
		void *next = get_freepointer(sd.cache, p);

		if (n < 6)
			kprintf("  %u. object %2u at %p: stored %#010lx -> next %p\n",
				n + 1, obj_to_index(sd.cache, slab, p), p,
				*(unsigned long *)((char *)p +
						   sd.cache->offset),
				next);
		p = next;
		n++;
	}
	if (n > 6)
		kprintf("  ... %u free objects in all, then NULL\n", n);
}

static void sd_free_list(void)
{
	if (!sd_need_cache())
		return;
	sd_free_objects();
	kmem_cache_shrink(sd.cache); /* a fresh slab, in object order */
	for (int i = 0; i < SD_LIST; i++) {
		sd.list[i] = kmem_cache_alloc(sd.cache, GFP_KERNEL);
		if (!sd.list[i])
			return;
	}
	kprintf("  %d objects allocated from an empty cache, then three freed:\n",
		SD_LIST);
	sd_make_holes();
	sd_walk(virt_to_slab(sd.list[0]));
	kprintf("  Last freed, first out: the list is a stack threaded through the\n"
		"  free objects themselves, and the next kmem_cache_alloc() pops the\n"
		"  head.  No memory outside the objects keeps it.\n");
}

static void sd_overflow(void)
{
	void *obj;

	if (!sd_need_cache())
		return;
	obj = kmem_cache_alloc(sd.cache, GFP_KERNEL);
	if (!obj)
		return;
	kprintf("  p = kmem_cache_alloc() -> %p; p[%u] = 0 writes one byte past\n"
		"  the end, into the right red zone; kmem_cache_free(p) checks it:\n",
		obj, sd.cache->object_size);
	((u8 *)obj)[sd.cache->object_size] = 0;
	kmem_cache_free(sd.cache, obj);
	kprintf("  The report names the cache, the damage, who allocated the object\n"
		"  and where; the red zone was restored and the kernel goes on, now\n"
		"  tainted B (bad page state), as Linux would be.\n");
}

static void sd_leave(void)
{
	if (sd.cache)
		sd_free_objects();
	kmem_cache_destroy(sd.cache);
	sd.cache = NULL;
}

static const struct demo_section slab_sections[] = {
	{ "A cache with red zones, poison and owner tracks", sd_layout },
	{ "An object as allocated", sd_allocated },
	{ "The same object freed: poison and the free pointer", sd_freed },
	{ "A slab's free list, walked", sd_free_list },
	{ "One byte too far: the red zone reports it", sd_overflow },
};
DEMO(slab, "an object's layout: red zones, free pointer; a free list walked",
     slab_sections, sd_leave);
