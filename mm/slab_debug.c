// SPDX-License-Identifier: GPL-2.0
/*
 * slab_debug.c - catching slab misuse: Linux's slub_debug.
 *
 * `slub_debug=FZPU[,cache,...]` on the command line (every letter when none
 * is given, `-` for none) debugs the named caches, or all of them; a cache
 * may ask for the same with its SLAB_* flags.  A boot mode may debug every
 * cache unless slub_debug= says otherwise (slub_debug_set_default(): `ktest`
 * boots do).  What the letters do:
 *  Z  red zones before and after each object: SLUB_RED_ACTIVE (0xcc) while
 *     it is allocated, SLUB_RED_INACTIVE (0xbb) while free.  A write just
 *     past either end of the object changes them.
 *  P  a free object is filled with POISON_FREE (0x6b), its last byte
 *     POISON_END (0xa5); any other byte at the next allocation is a write
 *     after free.  A new object is handed out full of POISON_INUSE (0x5a),
 *     so reading it uninitialised shows.  The padding is 0x5a too.
 *  U  the caller of the last allocation and of the last free are stored
 *     after the object (two struct track) and shown in every report.
 *  F  on free: is the pointer an object of this slab, and is it not free
 *     already (a walk of the slab's free list)?
 * Z and P bytes are checked at every allocation and free of the cache, and
 * for all objects by kmem_cache_validate().  Damage is reported
 * (slab_report.c), repaired, and the kernel goes on.  Debugging moves the
 * free pointer out of the object and forces the slow paths: it costs memory
 * and time, which is why Linux turns it on per cache.
 */
#include <bug.h>
#include <cmdline.h>
#include <ctype.h>
#include <errno.h>
#include <kernel.h>
#include <kmemleak.h>
#include <mm.h>
#include <params.h>
#include <printk.h>
#include <slab.h>
#include <string.h>
#include <time.h>

#include "slab_internal.h"

#define SLUB_DEBUG_CACHES_MAX 128

slab_flags_t slub_debug;
bool slub_debug_given;
/* The caches slub_debug= names, comma-separated; empty means all. */
static char slub_debug_caches[SLUB_DEBUG_CACHES_MAX];
/* Who turned debugging on without slub_debug= (the boot line says). */
static const char *slub_debug_default_why;

/* --- the option --------------------------------------------------------- */

static slab_flags_t slub_debug_letter(char c)
{
	switch (tolower((unsigned char)c)) {
	case 'f':
		return SLAB_CONSISTENCY_CHECKS;
	case 'z':
		return SLAB_RED_ZONE;
	case 'p':
		return SLAB_POISON;
	case 'u':
		return SLAB_STORE_USER;
	default:
		return 0;
	}
}

int slub_debug_parse(const char *str, slab_flags_t *flags, char *caches,
		     size_t size)
{
	*flags = SLAB_DEBUG_FLAGS;
	caches[0] = '\0';
	if (!str)
		return 0;
	if (*str && *str != ',')
		*flags = 0;
	for (; *str && *str != ','; str++) {
		if (*str == '-')
			*flags = 0;
		else if (slub_debug_letter(*str))
			*flags |= slub_debug_letter(*str);
		else
			pr_err("slub_debug option '%c' unknown. skipped\n",
			       *str);
	}
	if (*str == ',' && strscpy(caches, str + 1, size) < 0)
		return -EINVAL;
	return 0;
}

static int __init setup_slub_debug(char *str)
{
	slub_debug_given = true;
	return slub_debug_parse(str, &slub_debug, slub_debug_caches,
				sizeof(slub_debug_caches));
}
early_param("slub_debug", setup_slub_debug);

void __init slub_debug_set_default(slab_flags_t flags, const char *why)
{
	if (slub_debug_given)
		return;
	slub_debug = flags;
	slub_debug_caches[0] = '\0';
	slub_debug_default_why = why;
}

/* Is `name` in the list?  An entry ending in '*' matches a prefix. */
static bool slub_debug_names(const char *name)
{
	const char *entry = slub_debug_caches;

	while (*entry) {
		size_t len = strcspn(entry, ",");

		if (len && entry[len - 1] == '*' &&
		    !strncmp(name, entry, len - 1))
			return true;
		if (strlen(name) == len && !strncmp(name, entry, len))
			return true;
		entry += len + (entry[len] == ',');
	}
	return false;
}

bool slub_debug_applies(const char *name)
{
	return !slub_debug_caches[0] || slub_debug_names(name);
}

slab_flags_t kmem_cache_flags(const char *name, slab_flags_t flags)
{
	/* The tests' plain caches: no debugging, and no kmemleak either. */
	if (flags & SLAB_NO_USER_FLAGS)
		return flags;
	if (kmemleak_requested && !(flags & SLAB_NOLEAKTRACE))
		flags |= __SLAB_KMEMLEAK;
	if (slub_debug_applies(name))
		flags |= slub_debug;
	return flags;
}

void __init slub_debug_print_boot(void)
{
	const char *why = slub_debug_given ? NULL : slub_debug_default_why;

	if (!slub_debug)
		return;
	pr_info("SLUB: debugging %s%s%s%s for %s%s%s%s\n",
		slub_debug & SLAB_CONSISTENCY_CHECKS ? "F" : "",
		slub_debug & SLAB_RED_ZONE ? "Z" : "",
		slub_debug & SLAB_POISON ? "P" : "",
		slub_debug & SLAB_STORE_USER ? "U" : "",
		slub_debug_caches[0] ? slub_debug_caches : "every cache",
		why ? " (" : "", why ? why : "", why ? ")" : "");
}

/* --- metadata ----------------------------------------------------------- */

unsigned int slab_debug_metadata_size(slab_flags_t flags)
{
	unsigned int size = 0;

	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	/* A word between the tracks and the next object's left red zone. */
	if (flags & SLAB_RED_ZONE)
		size += sizeof(void *);
	return size;
}

static void set_track(struct kmem_cache *s, void *object, enum track_item item,
		      unsigned long addr)
{
	struct track *t;

	if (!(s->flags & SLAB_STORE_USER))
		return;
	t = get_track(s, object, item);
	t->addr = addr;
	t->when = (unsigned long)jiffies;
}

/* Red zones set to `val`; a free object poisoned. */
static void init_object(struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
	if ((s->flags & __OBJECT_POISON) && val == SLUB_RED_INACTIVE) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
}

void setup_slab_debug(struct kmem_cache *s, struct page *slab)
{
	if (s->flags & SLAB_POISON)
		memset(slab_address(slab), POISON_INUSE, slab_size(slab));
}

void setup_object_debug(struct kmem_cache *s, void *object)
{
	init_object(s, object, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, object, TRACK_ALLOC), 0,
		       2 * sizeof(struct track));
}

/* --- checks ------------------------------------------------------------- */

bool check_valid_pointer(struct kmem_cache *s, struct page *slab, void *p)
{
	unsigned long base = (unsigned long)slab_address(slab);
	unsigned long start = (unsigned long)p - s->red_left_pad;

	if (!p)
		return true;
	return start >= base && start < base + slab->objects * s->size &&
	       (start - base) % s->size == 0;
}

/* The bytes after the tracks, up to the next object, are POISON_INUSE. */
static bool check_pad_bytes(struct kmem_cache *s, struct page *slab, u8 *p)
{
	unsigned int off = slab_debug_info_end(s);

	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (off == slab_size_from_object(s))
		return true;
	return check_bytes_and_report(s, slab, p, "Object padding", p + off,
				      POISON_INUSE,
				      slab_size_from_object(s) - off);
}

/* Red zones as `val` says, poison if free, free pointer if free. */
static bool check_object(struct kmem_cache *s, struct page *slab, void *object,
			 u8 val)
{
	u8 *p = object, *end = p + s->object_size;

	if (s->flags & SLAB_RED_ZONE) {
		if (!check_bytes_and_report(s, slab, p, "Left Redzone",
					    p - s->red_left_pad, val,
					    s->red_left_pad) ||
		    !check_bytes_and_report(s, slab, p, "Right Redzone", end,
					    val, s->inuse - s->object_size))
			return false;
	}
	if (s->flags & SLAB_POISON) {
		if (val != SLUB_RED_ACTIVE && (s->flags & __OBJECT_POISON) &&
		    (!check_bytes_and_report(s, slab, p, "Poison", p,
					     POISON_FREE, s->object_size - 1) ||
		     !check_bytes_and_report(s, slab, p, "End Poison", end - 1,
					     POISON_END, 1)))
			return false;
		check_pad_bytes(s, slab, p);
	}
	/* An allocated object may use the bytes of an inside free pointer. */
	if (s->offset < s->inuse && val == SLUB_RED_ACTIVE)
		return true;
	if (!check_valid_pointer(s, slab, get_freepointer(s, p))) {
		object_err(s, slab, p, "Freepointer corrupt");
		/* No choice but to lose the rest of the free objects. */
		set_freepointer(s, p, NULL);
		return false;
	}
	return true;
}

bool on_freelist(struct kmem_cache *s, struct page *slab, void *search)
{
	void *fp = slab->freelist, *object = NULL;
	unsigned int nr = 0;

	while (fp && nr <= slab->objects) {
		if (fp == search)
			return true;
		if (!check_valid_pointer(s, slab, fp)) {
			if (object) {
				object_err(s, slab, object,
					   "Freechain corrupt");
				set_freepointer(s, object, NULL);
				slab_fix(s, "Isolate corrupted freechain");
			} else {
				slab_err(s, slab, "Freepointer corrupt");
				slab->freelist = NULL;
				slab_fix_inuse(s, slab, slab->objects);
				slab_fix(s, "Freelist cleared");
				return false;
			}
			break;
		}
		object = fp;
		fp = get_freepointer(s, object);
		nr++;
	}
	if (slab->inuse != slab->objects - nr) {
		slab_err(
			s, slab,
			"Wrong object count. Counter is %u but counted were %u",
			slab->inuse, slab->objects - nr);
		slab_fix_inuse(s, slab, slab->objects - nr);
		slab_fix(s, "Object count adjusted");
	}
	return search == NULL;
}

void slab_free_map(struct kmem_cache *s, struct page *slab, unsigned long *map)
{
	unsigned int nr = 0;

	memset(map, 0, SLAB_MAP_WORDS * sizeof(*map));
	for (void *p = slab->freelist; p && nr < slab->objects;
	     p = get_freepointer(s, p), nr++) {
		unsigned int i;

		if (!check_valid_pointer(s, slab, p))
			break;
		i = obj_to_index(s, slab, p);
		map[i / 32] |= 1UL << (i % 32);
	}
}

/* --- around alloc and free ---------------------------------------------- */

/* Without F, a right red zone of SLUB_RED_INACTIVE still betrays a free one. */
static bool slab_redzone_says_free(struct kmem_cache *s, u8 *object)
{
	return (s->flags & SLAB_RED_ZONE) &&
	       !memchr_inv(object + s->object_size, SLUB_RED_INACTIVE,
			   s->inuse - s->object_size);
}

void alloc_debug_processing(struct kmem_cache *s, struct page *slab,
			    void *object, unsigned long caller)
{
	/* The free pointer was checked on the way out of the list. */
	if (s->flags & (SLAB_RED_ZONE | SLAB_POISON))
		check_object(s, slab, object, SLUB_RED_INACTIVE);
	set_track(s, object, TRACK_ALLOC, caller);
	init_object(s, object, SLUB_RED_ACTIVE);
	if (s->flags & __OBJECT_POISON)
		memset(object, POISON_INUSE, s->object_size);
}

bool free_debug_processing(struct kmem_cache *s, struct page *slab,
			   void *object, unsigned long caller)
{
	if (s->flags & SLAB_CONSISTENCY_CHECKS) {
		if (!check_valid_pointer(s, slab, object)) {
			slab_err(s, slab, "Invalid object pointer %p", object);
			goto fail;
		}
		if (on_freelist(s, slab, object)) {
			object_err(s, slab, object, "Object already free");
			goto fail;
		}
	} else if (object == slab->freelist ||
		   slab_redzone_says_free(s, object)) {
		object_err(s, slab, object, "Object already free");
		goto fail;
	}
	/* Damaged red zones are restored by the check: the free goes on. */
	if (s->flags & (SLAB_RED_ZONE | SLAB_POISON))
		check_object(s, slab, object, SLUB_RED_ACTIVE);
	set_track(s, object, TRACK_FREE, caller);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
fail:
	slab_fix(s, "Object at %p not freed", object);
	return false;
}

/* The bytes after the last object of a poisoned slab must be untouched. */
void slab_pad_check(struct kmem_cache *s, struct page *slab)
{
	u8 *start = slab_address(slab), *pad, *fault, *end;
	unsigned long length = slab_size(slab);
	unsigned long remainder = length % s->size;

	if (!(s->flags & SLAB_POISON) || !remainder)
		return;
	pad = start + length - remainder;
	fault = memchr_inv(pad, POISON_INUSE, remainder);
	if (!fault)
		return;
	end = start + length;
	while (end > fault && end[-1] == POISON_INUSE)
		end--;
	slab_err(s, slab, "Padding overwritten. %p-%p @offset=%lu",
		 (void *)fault, (void *)(end - 1),
		 (unsigned long)(fault - start));
	print_hex_dump(KERN_ERR, "Padding  ", pad, remainder);
	slab_fix(s, "Restoring Padding %p-%p=%#x", (void *)fault,
		 (void *)(end - 1), POISON_INUSE);
	memset(fault, POISON_INUSE, (size_t)(end - fault));
}

/* --- validation --------------------------------------------------------- */

static void validate_slab(struct kmem_cache *s, struct page *slab, void *arg)
{
	void *addr = slab_address(slab);
	unsigned long *map = arg;
	char *p;

	if (!on_freelist(s, slab, NULL))
		return;
	slab_free_map(s, slab, map);
	for_each_object(p, s, addr, slab->objects) {
		unsigned int i = obj_to_index(s, slab, p);
		bool free = map[i / 32] & (1UL << (i % 32));

		if (!(s->flags & (SLAB_RED_ZONE | SLAB_POISON)))
			continue;
		if (!check_object(s, slab, p,
				  free ? SLUB_RED_INACTIVE : SLUB_RED_ACTIVE))
			break;
	}
}

/**
 * kmem_cache_validate - check every slab and object of a cache
 * @s: the cache
 *
 * Every CPU's slab goes back to the lists first.  Walks each slab's free
 * list (and repairs it), then checks each object's
 * red zones and poison as far as the cache's debugging allows, reporting
 * and repairing what is wrong, as Linux's validate_slab_cache().
 *
 * Return: the number of errors reported.
 */
int kmem_cache_validate(struct kmem_cache *s)
{
	unsigned long before = slab_errors;
	unsigned long map[SLAB_MAP_WORDS];

	flush_all(s); /* the cpu slabs too: every slab on a list */
	for_each_slab_of(s, validate_slab, map);
	return (int)(slab_errors - before);
}
