/* SPDX-License-Identifier: GPL-2.0 */
/*
 * debug_internal.h - what the two halves of dma-debug share: the records
 * of the live mappings (debug.c) and the checks of the DMA API's calls
 * against them (debug_check.c).  The records, their list and the counts
 * are changed under dma_debug_lock only.
 */
#ifndef _KERNEL_DMA_DEBUG_INTERNAL_H
#define _KERNEL_DMA_DEBUG_INTERNAL_H

#include <bug.h>
#include <device.h>
#include <dma-debug.h>
#include <list.h>
#include <printk.h>
#include <spinlock.h>
#include <types.h>

#define HASH_SIZE 16384ULL /* Linux's buckets, for the "idx" of the dump */
#define HASH_FN_SHIFT 13
#define L1_CACHE_SHIFT 6 /* a cache line is 64 bytes */

enum { dma_debug_single, dma_debug_sg, dma_debug_coherent };

enum map_err_types {
	MAP_ERR_CHECK_NOT_APPLICABLE,
	MAP_ERR_NOT_CHECKED,
	MAP_ERR_CHECKED,
};

struct dma_debug_entry {
	struct list_head list; /* on dma_debug_active or the free list */
	struct device *dev;
	u64 dev_addr; /* what the device was given */
	u64 size;
	int type; /* dma_debug_single, _sg, _coherent */
	int direction;
	int sg_call_ents; /* entries passed to dma_map_sg() */
	int sg_mapped_ents; /* entries it mapped */
	phys_addr_t paddr; /* the CPU's memory */
	enum map_err_types map_err_type;
	unsigned long caller; /* who mapped it */
	bool device_owned; /* csum is valid: only the CPU could change it */
	u8 span; /* the dma_debug_spans[] entry that covers it */
	u32 csum; /* the CPU's buffer when handed to the device */
};

/* Linux's names of the types and of the error-check states. */
extern const char *const type2name[];
extern const char *const maperr2str[];

extern struct list_head dma_debug_active; /* the live records */
extern spinlock_t dma_debug_lock;
extern unsigned long dma_debug_errors; /* Linux's error_count */

/* Linux's err_printk(): a WARN naming driver and device, then the caller. */
#define err_printk(dev, entry, format, ...)                                \
	do {                                                               \
		dma_debug_errors++;                                        \
		WARN(1, "DMA-API: %s %s: " format,                         \
		     (dev) ? dev_driver_string(dev) : "NULL",              \
		     (dev) ? dev_name(dev) : "NULL", ##__VA_ARGS__);       \
		if (entry)                                                 \
			pr_err("DMA-API: Mapped at:\n %pS\n",              \
			       (void *)((struct dma_debug_entry *)(entry)) \
				       ->caller);                          \
	} while (0)

static inline bool dma_debug_disabled(void)
{
	return !READ_ONCE(dma_debug_enabled);
}

/* A free record, or NULL (and dma-debug switched off: out of records). */
struct dma_debug_entry *dma_entry_alloc(void);
/* Put a filled record on the live list; take one off and free it. */
void add_dma_entry(struct dma_debug_entry *entry);
void dma_entry_free(struct dma_debug_entry *entry);
/* dev's record at dev_addr (of this type first), or NULL. */
struct dma_debug_entry *find_exact(struct device *dev, u64 dev_addr, int type);
/* dev's record whose mapping contains dev_addr, or NULL. */
struct dma_debug_entry *find_contain(struct device *dev, u64 dev_addr);
/* The device takes the buffer / the CPU takes it back (the checksum). */
void dma_entry_to_device(struct dma_debug_entry *entry);
void dma_entry_to_cpu(struct dma_debug_entry *entry);

#endif /* _KERNEL_DMA_DEBUG_INTERNAL_H */
