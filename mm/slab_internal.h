/* SPDX-License-Identifier: GPL-2.0 */
/*
 * slab_internal.h - what the slab files share: where objects and free
 * pointers are, the kmalloc pieces of kmalloc.c, and the hooks and reports
 * of slab_debug.c and slab_report.c.
 */
#ifndef _MM_SLAB_INTERNAL_H
#define _MM_SLAB_INTERNAL_H

#include <asm/memlayout.h>
#include <mm.h>
#include <slab.h>

#define MAX_OBJS_PER_SLAB 4095 /* page->objects has 12 bits */
#define SLUB_MAX_ORDER 3 /* Linux's slub_max_order (PAGE_ALLOC_COSTLY_ORDER) */
#define ARCH_KMALLOC_MINALIGN 8 /* __alignof__(unsigned long long) on i386 */
#define ARCH_SLAB_MINALIGN 8

/* Internal: poison the object (set when SLAB_POISON and no constructor). */
#define __OBJECT_POISON 0x80000000U

/* --- slabs and objects -------------------------------------------------- */

static inline void *slab_address(const struct page *slab)
{
	return lowmem_page_address(slab);
}

static inline unsigned long slab_size(const struct page *slab)
{
	return PAGE_SIZE << slab->slab_order;
}

/* Every object of a slab, from the one at the lowest address. */
#define for_each_object(p, s, addr, nr)                            \
	for (p = (char *)(addr) + (s)->red_left_pad;               \
	     p < (char *)(addr) + (unsigned long)(nr) * (s)->size; \
	     p += (s)->size)

static inline unsigned int obj_to_index(const struct kmem_cache *s,
					const struct page *slab,
					const void *object)
{
	return (unsigned int)(((unsigned long)object -
			       (unsigned long)slab_address(slab)) /
			      s->size);
}

/* Debugging, or kmemleak: the checked paths, no cpu slab. */
static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & (SLAB_DEBUG_FLAGS | __SLAB_KMEMLEAK);
}

/**
 * virt_to_slab - the slab an address belongs to
 * @x: any address
 *
 * Return: the first page of the slab, or NULL if x is not in the direct
 * map or not in a slab (NULL, ZERO_SIZE_PTR, a large kmalloc, vmalloc...).
 */
static inline struct page *virt_to_slab(const void *x)
{
	unsigned long addr = (unsigned long)x;
	struct page *page;

	/* The direct map of RAM is [PAGE_OFFSET, high_memory). */
	if (unlikely(addr < PAGE_OFFSET || addr >= (unsigned long)high_memory))
		return NULL;
	page = virt_to_page(x);
	return PageSlab(page) ? page->slab_head : NULL;
}

/*
 * Hardened free pointers (Linux's SLAB_FREELIST_HARDENED): a free object
 * stores the next free object XORed with the cache's secret and with the
 * address of the slot itself.  A stray write or a double free then decodes
 * to a pointer outside the slab, which the allocator notices before
 * following it, and the stored value reveals no kernel address.  (Linux
 * also byte-swaps the slot address, so that the top bits of the secret do
 * not show either; that costs two instructions on each allocation and
 * free.)
 */
static __always_inline void *freelist_ptr(const struct kmem_cache *s, void *ptr,
					  unsigned long slot)
{
	return (void *)((unsigned long)ptr ^ s->random ^ slot);
}

static __always_inline void *get_freepointer(const struct kmem_cache *s,
					     void *object)
{
	unsigned long slot = (unsigned long)object + s->offset;

	return freelist_ptr(s, *(void **)slot, slot);
}

static __always_inline void set_freepointer(const struct kmem_cache *s,
					    void *object, void *fp)
{
	unsigned long slot = (unsigned long)object + s->offset;

	*(void **)slot = freelist_ptr(s, fp, slot);
}

/*
 * Does the next free pointer stay inside the slab of `object`?  A slab is
 * a naturally aligned block, so both addresses give the same start when
 * slab_mask clears their offset in it.  The end of the list (NULL) does not stay either:
 * slab_alloc() leaves both cases to __slab_alloc().
 */
static __always_inline bool freeptr_in_slab(const struct kmem_cache *s,
					    const void *object,
					    const void *next)
{
	return ((unsigned long)object & s->slab_mask) ==
	       ((unsigned long)next & s->slab_mask);
}

/* --- shared between the slab files -------------------------------------- */

/* slab_common.c: fill in a cache (sizes, order, debugging). */
int __kmem_cache_create(struct kmem_cache *s, const char *name,
			unsigned int size, unsigned int align,
			slab_flags_t flags, void (*ctor)(void *));
/* kmalloc.c: the kmalloc-* and dma-kmalloc-* caches. */
void create_kmalloc_caches(void);
/* kmalloc.c: kmalloc() above KMALLOC_MAX_CACHE_SIZE: pages. */
void *kmalloc_large(size_t size, gfp_t flags, unsigned long caller);
/* kmalloc.c: kfree() of what is no slab object: pages, NULL, or misuse. */
void kfree_large(const void *object, unsigned long addr);
/* slab.c: give back the empty slabs beyond `keep` (the cpu slab too if 0). */
void slab_release_empty(struct kmem_cache *s, unsigned long keep);
/* slab.c: correct a slab's inuse (a repaired free list), keeping its list. */
void slab_fix_inuse(struct kmem_cache *s, struct page *slab,
		    unsigned int inuse);
/* slab.c: visit every slab of a cache, the cpu slab first. */
void for_each_slab_of(struct kmem_cache *s,
		      void (*fn)(struct kmem_cache *s, struct page *slab,
				 void *arg),
		      void *arg);
/* The objects of a slab that are on its free list, as a bitmap. */
unsigned long *slab_free_map(struct kmem_cache *s, struct page *slab);
#define SLAB_MAP_WORDS (MAX_OBJS_PER_SLAB / 32 + 1)

/* --- debugging (slab_debug.c, slab_report.c) ---------------------------- */

/* Who allocated or freed an object last (SLAB_STORE_USER). */
struct track {
	unsigned long addr; /* the caller of kmalloc/kfree/... */
	unsigned long when; /* jiffies */
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

/* Where the metadata after the object starts: after an outside free pointer. */
static inline unsigned int slab_debug_info_end(const struct kmem_cache *s)
{
	return s->offset >= s->inuse ? s->inuse + sizeof(void *) : s->inuse;
}

static inline struct track *get_track(const struct kmem_cache *s, void *object,
				      enum track_item item)
{
	struct track *t =
		(struct track *)((char *)object + slab_debug_info_end(s));

	return t + item;
}

/* The bytes from the object to the next object's left red zone. */
static inline unsigned int slab_size_from_object(const struct kmem_cache *s)
{
	return s->size - s->red_left_pad;
}

extern bool slub_debug_given;
void slub_debug_print_boot(void);

/* The flags a new cache gets: its own, plus slub_debug= unless excluded. */
slab_flags_t kmem_cache_flags(const char *name, slab_flags_t flags);
/* The metadata bytes debugging adds after the object. */
unsigned int slab_debug_metadata_size(slab_flags_t flags);
/* A new slab's objects: red zones, poison, empty tracks. */
void setup_slab_debug(struct kmem_cache *s, struct page *slab);
void setup_object_debug(struct kmem_cache *s, void *object);
/* Checks and bookkeeping around a debug cache's alloc and free. */
void alloc_debug_processing(struct kmem_cache *s, struct page *slab,
			    void *object, unsigned long caller);
bool free_debug_processing(struct kmem_cache *s, struct page *slab,
			   void *object, unsigned long caller);
/* A slab of a debug cache going back to the buddy allocator. */
void slab_pad_check(struct kmem_cache *s, struct page *slab);
/* Is p NULL or the start of an object of this slab? */
bool check_valid_pointer(struct kmem_cache *s, struct page *slab, void *p);
/* Is `search` on the slab's free list?  Repairs a broken list on the way. */
bool on_freelist(struct kmem_cache *s, struct page *slab, void *search);

/* Reports, in Linux's words (slab_report.c); slab_errors counts them. */
extern unsigned long slab_errors;
__printf(2, 3) void slab_bug(struct kmem_cache *s, const char *fmt, ...);
__printf(2, 3) void slab_fix(struct kmem_cache *s, const char *fmt, ...);
void object_err(struct kmem_cache *s, struct page *slab, u8 *object,
		const char *reason);
__printf(3, 4) void slab_err(struct kmem_cache *s, struct page *slab,
			     const char *fmt, ...);
bool check_bytes_and_report(struct kmem_cache *s, struct page *slab, u8 *object,
			    const char *what, u8 *start, unsigned int value,
			    unsigned int bytes);
void slab_freelist_corrupt(struct kmem_cache *s, struct page *slab,
			   void *object);
void slab_double_free(struct kmem_cache *s, struct page *slab, void *object);
void slab_wrong_cache(struct kmem_cache *s, struct kmem_cache *cachep,
		      void *object, unsigned long caller);
void slab_not_a_slab_object(struct kmem_cache *s, const void *object,
			    unsigned long caller);
void slab_out_of_memory(struct kmem_cache *s, gfp_t gfp);
void list_slab_objects(struct kmem_cache *s, struct page *slab);
void print_tracking(struct kmem_cache *s, void *object);

#endif /* _MM_SLAB_INTERNAL_H */
