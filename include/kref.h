/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kref.h - reference counts for objects that free themselves, as Linux's.
 *
 *	struct thing { struct kref ref; ... };
 *
 *	static void thing_release(struct kref *ref)
 *	{
 *		kfree(container_of(ref, struct thing, ref));
 *	}
 *
 *	kref_init(&t->ref);			// the creator's reference: 1
 *	kref_get(&t->ref);			// another user: 2
 *	kref_put(&t->ref, thing_release);	// 1
 *	kref_put(&t->ref, thing_release);	// 0: thing_release() frees it
 *
 * The count saturates instead of wrapping, with Linux's refcount_t
 * warnings: a get on 0 or a put below 0 means the object was already
 * released, a use after free, and is reported rather than obeyed.  One CPU
 * and no interrupt-time users: plain integers, no atomics.
 */
#ifndef _KREF_H
#define _KREF_H

#include <bug.h>
#include <types.h>

#define REFCOUNT_SATURATED (INT_MIN / 2) /* stuck here after misuse */

struct kref {
	int refcount; /* users; 0: released; REFCOUNT_SATURATED: misused */
};

#define KREF_INIT(n)            \
	{                       \
		.refcount = (n) \
	}

static inline void kref_init(struct kref *kref)
{
	kref->refcount = 1;
}

static inline unsigned int kref_read(const struct kref *kref)
{
	return (unsigned int)kref->refcount;
}

/* Take another reference; the caller must already hold one. */
static inline void kref_get(struct kref *kref)
{
	if (WARN(kref->refcount <= 0,
		 "refcount_t: addition on 0; use-after-free.\n")) {
		kref->refcount = REFCOUNT_SATURATED;
		return;
	}
	kref->refcount++;
}

/**
 * kref_put - drop a reference; the last one calls release
 * @kref: the count
 * @release: frees the object (called with the count at 0)
 *
 * Return: 1 if the object was released, 0 otherwise.
 */
static inline int kref_put(struct kref *kref,
			   void (*release)(struct kref *kref))
{
	if (WARN(kref->refcount <= 0,
		 "refcount_t: underflow; use-after-free.\n")) {
		kref->refcount = REFCOUNT_SATURATED;
		return 0;
	}
	if (--kref->refcount)
		return 0;
	release(kref);
	return 1;
}

#endif /* _KREF_H */
