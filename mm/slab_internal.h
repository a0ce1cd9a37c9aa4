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
	/*
	 * The direct map of RAM is [PAGE_OFFSET, high_memory), the pfns
	 * below max_low_pfn; an address below PAGE_OFFSET wraps to a pfn
	 * above: one test for both ends (2 instructions on every kfree).
	 */
	unsigned long pfn = __pa(x) >> PAGE_SHIFT;
	struct page *page;

	if (unlikely(pfn >= max_low_pfn))
		return NULL;
	page = pfn_to_page(pfn);
	if (!PageSlab(page))
		return NULL;
	/* Every page of a slab has its head: no test for NULL needed. */
	if (!page->slab_head)
		__builtin_unreachable();
	return page->slab_head;
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

/* --- the cpu slabs' transaction ids (slab.c) ---------------------------- */

/*
 * kmem_cache_cpu.tid: a transaction id that every change of the cpu slab
 * moves on (the high bits), and the number of objects on the CPU's
 * freelist (the low TID_FREE_BITS).  An allocation adds TID_STEP - 1, a
 * free TID_STEP + 1: the same single instruction Linux spends on its tid,
 * and the count makes the cache's active objects exact without asking
 * each CPU (kmem_cache_active_objects()).  Linux's tid is only the id.
 */
#define TID_FREE_BITS 12 /* MAX_OBJS_PER_SLAB fits */
#define TID_FREE_MASK ((1UL << TID_FREE_BITS) - 1)
#define TID_STEP (1UL << TID_FREE_BITS)

static inline unsigned int tid_nr_free(unsigned long tid)
{
	return (unsigned int)(tid & TID_FREE_MASK);
}

/* The next transaction's id, with nr objects on the CPU's freelist. */
static inline unsigned long next_tid(unsigned long tid, unsigned int nr)
{
	return ((tid + TID_STEP) & ~TID_FREE_MASK) | nr;
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

/* slab_node.c: a cache's node lists and per-CPU slabs, empty; 0 or -ENOMEM. */
int init_kmem_cache_nodes(struct kmem_cache *s);
void free_kmem_cache_cpus(struct kmem_cache *s);
/* slab_node.c: a new slab from the buddy allocator, on no list; or NULL. */
struct page *new_slab(struct kmem_cache *s, gfp_t gfp);
/* slab_node.c: give a slab back to the buddy allocator. */
void discard_slab(struct kmem_cache *s, struct page *slab);
/* slab_node.c: put a slab on the list its inuse says (list_lock held). */
void slab_list_add(struct kmem_cache_node *n, struct page *slab);
/* slab_node.c: take it off its list, before inuse changes (list_lock). */
void slab_list_del(struct kmem_cache_node *n, struct page *slab);
/* slab_node.c: a partial slab, else an empty one, off its list (locked). */
struct page *get_partial_node(struct kmem_cache_node *n);
/* slab_node.c: may an empty slab stay as a reserve (list_lock held)? */
bool slab_keep_empty(struct kmem_cache *s, struct kmem_cache_node *n);
/* slab_node.c: this CPU's cpu slab back to the lists (interrupts off). */
void flush_cpu_slab(struct kmem_cache *s);
/* slab_node.c: every CPU's cpu slab back to the lists (IPIs, waits). */
void flush_all(struct kmem_cache *s);
/* slab_node.c: give back the empty slabs beyond `keep`, cpu slabs flushed. */
void slab_release_empty(struct kmem_cache *s, unsigned long keep);
/* slab_node.c: correct a listed slab's inuse (a repaired free list). */
void slab_fix_inuse(struct kmem_cache *s, struct page *slab,
		    unsigned int inuse);
/*
 * slab_node.c: visit every slab on the cache's lists, under list_lock
 * (cpu slabs are on no list: flush_all() first to see them all).
 */
void for_each_slab_of(struct kmem_cache *s,
		      void (*fn)(struct kmem_cache *s, struct page *slab,
				 void *arg),
		      void *arg);
/* slab_node.c: objects of a slab in use (a cpu slab's freelist aside). */
unsigned int slab_objects_in_use(struct kmem_cache *s, struct page *slab);
/* The objects of a slab that are on its free list, as a bitmap in map. */
#define SLAB_MAP_WORDS (MAX_OBJS_PER_SLAB / 32 + 1)
void slab_free_map(struct kmem_cache *s, struct page *slab, unsigned long *map);

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
