/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kmemleak.h - finding memory nobody points to any more (mm/kmemleak.c).
 *
 * Boot with `kmemleak=on`; then the allocators report each kmalloc,
 * kmem_cache_alloc and vmalloc object to kmemleak, and a scan (`kmemleak
 * scan` in the shell) finds the objects that no pointer in the kernel's
 * data, bss, stack or other live objects reaches: leaks, reported as
 * Linux's /sys/kernel/debug/kmemleak does (here /proc/kmemleak).
 *
 * The allocators call the hooks on their slow paths only; with kmemleak
 * off each is a test of kmemleak_enabled, inline.  Code that keeps a
 * pointer where the scan cannot see it says so: kmemleak_not_leak() (never
 * report it, still scan it), kmemleak_ignore() (neither); memory whose
 * contents are no roots, or are scanned another way (a CPU's stack), is
 * kmemleak_no_scan() (reported if unreferenced, never scanned).
 */
#ifndef _KMEMLEAK_H
#define _KMEMLEAK_H

#include <gfp.h>
#include <types.h>

/* kmemleak=on was given (the caches are made for it from the start). */
extern bool kmemleak_requested;
/* Tracking now (from kmemleak_init() on, until it runs out of memory). */
extern bool kmemleak_enabled;

void kmemleak_init(void);
void __kmemleak_alloc(const void *ptr, size_t size, int min_count, gfp_t gfp);
void __kmemleak_free(const void *ptr);
void __kmemleak_ignore(const void *ptr);
void kmemleak_not_leak(const void *ptr);
void kmemleak_no_scan(const void *ptr);

/* A new object of size bytes at ptr; min_count: references it needs. */
static inline void kmemleak_alloc(const void *ptr, size_t size, int min_count,
				  gfp_t gfp)
{
	if (kmemleak_enabled)
		__kmemleak_alloc(ptr, size, min_count, gfp);
}

static inline void kmemleak_free(const void *ptr)
{
	if (kmemleak_enabled)
		__kmemleak_free(ptr);
}

/* Neither scanned nor reported: pointers the allocators keep for themselves. */
static inline void kmemleak_ignore(const void *ptr)
{
	if (kmemleak_enabled)
		__kmemleak_ignore(ptr);
}

/*
 * Scan now; returns the number of new suspected leaks (reported once
 * each), or -EINTR after Ctrl-C, -ENODEV if kmemleak is off.
 */
int kmemleak_scan(void);
/*
 * Scan, and say on the console where the words that point into the
 * object at ptr are (a root, or another object): why it is no suspect.
 * The first max of those addresses go to words; returns how many there
 * are, or -ENODEV.
 */
int kmemleak_why(const void *ptr, unsigned long *words, int max);
/* Forget the current suspects: they are not reported again. */
void kmemleak_clear(void);
/* Is ptr a suspect of the last scan (reported, still unreferenced)? */
bool kmemleak_is_suspect(const void *ptr);

#endif /* _KMEMLEAK_H */
