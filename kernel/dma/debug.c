// SPDX-License-Identifier: GPL-2.0
/*
 * debug.c - DMA API debugging, as Linux's CONFIG_DMA_API_DEBUG
 * (kernel/dma/debug.c): every mapping the DMA API makes is recorded, and
 * each unmap, sync and free is checked against the record.  This file
 * keeps the records, the switch, the ownership checksums, and the checks
 * at unbind and at free; debug_check.c checks the API's calls.
 *
 * A record (struct dma_debug_entry) says who mapped what: the device, its
 * bus address and size, the physical memory, how (single page or buffer,
 * scatter-gather entry, coherent allocation), which direction, who called,
 * and whether the driver checked dma_mapping_error() yet.  Records come
 * from a pool allocated once (Linux: PREALLOC_DMA_DEBUG_ENTRIES); if it
 * runs dry, debugging switches itself off with Linux's message.  Reports
 * are Linux's err_printk(): a WARN "DMA-API: <driver> <device>: <what>",
 * with the mapping's caller, and the kernel goes on.  Linux prints only
 * the first error unless asked for all; here every error is printed (and
 * counted), because each is a lesson.
 *
 * What is checked:
 *  - unmap: a mapping that does not exist, or unmapped with another size,
 *    function (type) or direction than it was mapped with, or whose
 *    dma_mapping_error() the driver never checked (Linux's texts);
 *  - sync: of memory not mapped, past the mapping, in the wrong direction;
 *  - map: memory from the kernel's text or rodata, or from the stack;
 *  - unbind (and failed probe): mappings the driver left behind;
 *  - free: memory given back to the page or slab allocator while a
 *    mapping still covers it (mm calls debug_dma_check_freed());
 *  - the CPU touching a buffer the device owns: between the handover to
 *    the device (map, sync_for_device) and back (unmap, sync_for_cpu),
 *    the device cannot change the CPU's copy when it only reads it
 *    (DMA_TO_DEVICE) or when it works on a bounce slot; a checksum taken
 *    at the first handover and compared at the second catches CPU writes
 *    in between.  Reported with Linux's old words for it ("cpu touching an
 *    active dma mapped cacheline"), naming the mapping's first line.
 *    Reads cannot be caught this way, nor writes to a buffer the device
 *    itself may write directly.
 *
 * The records sit on one list under one lock (Linux hashes them into
 * 16384 buckets; the "idx" printed is the bucket Linux would use).
 * Deliberately simpler: no driver filter, no per-cacheline overlap
 * tracking, no stack traces (one caller per record).
 */
#include <asm/memlayout.h>
#include <bug.h>
#include <config.h>
#include <dma-debug.h>
#include <dma-mapping.h>
#include <errno.h>
#include <highmem.h>
#include <init.h>
#include <kernel.h>
#include <params.h>
#include <printk.h>
#include <seq_file.h>
#include <slab.h>
#include <sort.h>
#include <spinlock.h>
#include <string.h>
#include <swiotlb.h>

#include "debug_internal.h"

#define PREALLOC_DMA_DEBUG_ENTRIES 1024

/* Linux's names.  "scather-gather" is Linux's spelling, kept as printed. */
const char *const type2name[] = {
	[dma_debug_single] = "single",
	[dma_debug_sg] = "scather-gather",
	[dma_debug_coherent] = "coherent",
};

const char *const maperr2str[] = {
	[MAP_ERR_CHECK_NOT_APPLICABLE] = "dma map error check not applicable",
	[MAP_ERR_NOT_CHECKED] = "dma map error not checked",
	[MAP_ERR_CHECKED] = "dma map error checked",
};

bool dma_debug_enabled = CONFIG_DMA_API_DEBUG;
unsigned int dma_debug_nr_entries;
struct dma_debug_span dma_debug_spans[2] = { { ULONG_MAX, 0 },
					     { ULONG_MAX, 0 } };
/* dma_span_recompute()'s records, sorted (under dma_debug_lock). */
static struct dma_debug_span span_sort[PREALLOC_DMA_DEBUG_ENTRIES];
static bool dma_debug_off_param;
unsigned long dma_debug_errors;
static unsigned int num_free_entries, min_free_entries;
static struct dma_debug_entry *entry_pool;
static LIST_HEAD(free_entries);
LIST_HEAD(dma_debug_active);
DEFINE_SPINLOCK(dma_debug_lock);

static void dma_span_recompute(void);

static int __init dma_debug_cmdline(char *str)
{
	if (str && !strcmp(str, "off"))
		dma_debug_off_param = true;
	else if (str)
		return -EINVAL;
	else
		dma_debug_enabled = true; /* `dma_debug` alone: on */
	return 0;
}
early_param("dma_debug", dma_debug_cmdline);

unsigned long dma_debug_error_count(void)
{
	return dma_debug_errors;
}

/**
 * dma_debug_init - allocate the records (an initcall, before any driver)
 */
void __init dma_debug_init(void)
{
	if (dma_debug_off_param) {
		dma_debug_enabled = false;
		pr_info("DMA-API: debugging disabled on kernel command line\n");
		return;
	}
	if (!dma_debug_enabled)
		return;
	entry_pool = kcalloc(PREALLOC_DMA_DEBUG_ENTRIES, sizeof(*entry_pool),
			     GFP_KERNEL);
	if (!entry_pool) {
		pr_err("DMA-API: debugging out of memory error - disabled\n");
		dma_debug_enabled = false;
		return;
	}
	for (int i = 0; i < PREALLOC_DMA_DEBUG_ENTRIES; i++)
		list_add_tail(&entry_pool[i].list, &free_entries);
	num_free_entries = min_free_entries = PREALLOC_DMA_DEBUG_ENTRIES;
	pr_info("DMA-API: preallocated %d debug entries\n",
		PREALLOC_DMA_DEBUG_ENTRIES);
	pr_info("DMA-API: debugging enabled by kernel config\n");
}

static int __init dma_debug_initcall(void)
{
	dma_debug_init();
	return 0;
}
core_initcall(dma_debug_initcall);

/*
 * A pause, not a reset: the records stay.  A mapping made while paused is
 * unknown to dma-debug (its unmap, checked after the pause, would be
 * reported as never allocated): switch only with none of yours live.
 */
int dma_debug_set_enabled(bool on)
{
	unsigned long flags;

	if (on && !entry_pool)
		return -ENODEV; /* dma_debug=off at boot: no records */
	spin_lock_irqsave(&dma_debug_lock, flags);
	WRITE_ONCE(dma_debug_enabled, on);
	dma_span_recompute();
	spin_unlock_irqrestore(&dma_debug_lock, flags);
	return 0;
}

/* --- the checksum of a buffer, page by page (it may be highmem) ---------- */

/* x86 loads unaligned words; the packed struct tells the compiler so. */
static u32 get_unaligned_u32(const u8 *p)
{
	const struct {
		u32 v;
	} __packed *w = (const void *)p;

	return w->v;
}

static u32 dma_buffer_csum(phys_addr_t paddr, u64 size)
{
	u32 h = 0x811c9dc5;

	while (size) {
		unsigned long off = (unsigned long)(paddr & ~PAGE_MASK);
		size_t chunk = (size_t)min(size, (u64)(PAGE_SIZE - off));
		const u8 *p = kmap_local_page(pfn_to_page(paddr >> PAGE_SHIFT));

		size_t i = 0;

		/* FNV-1a, a 32-bit word at a time where the bytes allow it. */
		for (; i + 4 <= chunk; i += 4)
			h = (h ^ get_unaligned_u32(p + off + i)) * 0x01000193;
		for (; i < chunk; i++)
			h = (h ^ p[off + i]) * 0x01000193;
		kunmap_local(p);
		paddr += chunk;
		size -= chunk;
	}
	return h;
}

/* Can only the CPU change the buffer while the device holds it? */
static bool dma_cpu_copy_frozen(const struct dma_debug_entry *entry)
{
	return entry->type != dma_debug_coherent &&
	       (entry->direction == DMA_TO_DEVICE ||
		is_swiotlb_buffer((phys_addr_t)entry->dev_addr));
}

/* The device takes the buffer: remember it as it is now. */
void dma_entry_to_device(struct dma_debug_entry *entry)
{
	entry->device_owned = dma_cpu_copy_frozen(entry);
	if (entry->device_owned)
		entry->csum = dma_buffer_csum(entry->paddr, entry->size);
}

/* The CPU takes it back: was it written while the device had it? */
void dma_entry_to_cpu(struct dma_debug_entry *entry)
{
	phys_addr_t cln = entry->paddr >> L1_CACHE_SHIFT;

	if (!entry->device_owned)
		return;
	entry->device_owned = false;
	if (dma_buffer_csum(entry->paddr, entry->size) == entry->csum)
		return;
	err_printk(
		entry->dev, entry,
		"cpu touching an active dma mapped cacheline [cln=%#010llx]\n",
		cln);
	pr_err("DMA-API: [mem %#010llx-%#010llx] changed while the device owned it (mapped with %s)\n",
	       entry->paddr, entry->paddr + entry->size - 1,
	       dma_dir_name(entry->direction));
}

/* --- the records ---------------------------------------------------------- */

struct dma_debug_entry *dma_entry_alloc(void)
{
	struct dma_debug_entry *entry;

	if (list_empty(&free_entries)) {
		pr_err("DMA-API: debugging out of memory - disabling\n");
		WRITE_ONCE(dma_debug_enabled, false);
		return NULL;
	}
	entry = list_first_entry(&free_entries, struct dma_debug_entry, list);
	list_del(&entry->list);
	memset(entry, 0, sizeof(*entry));
	if (--num_free_entries < min_free_entries)
		min_free_entries = num_free_entries;
	return entry;
}

static int span_cmp(const void *a, const void *b)
{
	const struct dma_debug_span *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static void span_set(int i, unsigned long lo, unsigned long hi)
{
	WRITE_ONCE(dma_debug_spans[i].lo, lo);
	WRITE_ONCE(dma_debug_spans[i].hi, hi);
}

/*
 * The spans of the inline free check (under the lock): the records sorted
 * by address, split at the widest gap between them (none: one span), and
 * each record told its span.  Then a record comes to the span it widens
 * least (add_dma_entry()) and its span shrinks when it goes from an edge
 * (dma_span_shrink()).
 */
static void dma_span_recompute(void)
{
	struct dma_debug_span *r = span_sort;
	unsigned long end = 0, gap = 0, split_lo = 0, split_hi = 0;
	struct dma_debug_entry *entry;
	unsigned int n = 0;

	if (dma_debug_enabled) {
		list_for_each_entry(entry, &dma_debug_active, list) {
			r[n].lo = entry->paddr;
			r[n].hi = entry->paddr + entry->size;
			n++;
		}
	}
	if (!n) {
		span_set(0, ULONG_MAX, 0);
		span_set(1, ULONG_MAX, 0);
		return;
	}
	sort(r, n, sizeof(*r), span_cmp);
	for (unsigned int i = 0; i < n; i++) {
		if (i && r[i].lo > end && r[i].lo - end > gap) {
			gap = r[i].lo - end;
			split_lo = end;
			split_hi = r[i].lo;
		}
		end = max(end, r[i].hi);
	}
	/* Each record to its side of the gap (no gap: all in span 0). */
	list_for_each_entry(entry, &dma_debug_active, list)
		entry->span = gap && (unsigned long)entry->paddr >= split_hi;
	if (!gap) {
		span_set(0, r[0].lo, end);
		span_set(1, ULONG_MAX, 0);
		return;
	}
	span_set(0, r[0].lo, split_lo);
	span_set(1, split_hi, end);
}

/*
 * Span i lost a record at one of its edges (under the lock): it shrinks
 * to the records it still covers, a walk of the list and no sort.  The
 * split between the spans stays where it was until the next full
 * recompute (dma_debug_set_enabled()).
 */
static void dma_span_shrink(unsigned int i)
{
	unsigned long lo = ULONG_MAX, hi = 0;
	struct dma_debug_entry *entry;

	list_for_each_entry(entry, &dma_debug_active, list) {
		if (entry->span != i)
			continue;
		lo = min(lo, (unsigned long)entry->paddr);
		hi = max(hi, (unsigned long)(entry->paddr + entry->size));
	}
	span_set(i, lo, hi);
}

static unsigned long span_growth(const struct dma_debug_span *span,
				 unsigned long lo, unsigned long hi)
{
	if (span->lo > span->hi)
		return 0; /* empty: take it */
	return (lo < span->lo ? span->lo - lo : 0) +
	       (hi > span->hi ? hi - span->hi : 0);
}

void add_dma_entry(struct dma_debug_entry *entry)
{
	unsigned long lo = entry->paddr, hi = entry->paddr + entry->size;
	struct dma_debug_span *span = dma_debug_spans;

	list_add_tail(&entry->list, &dma_debug_active);
	WRITE_ONCE(dma_debug_nr_entries, dma_debug_nr_entries + 1);
	/* The span it widens least takes it. */
	if (span_growth(&span[1], lo, hi) < span_growth(&span[0], lo, hi))
		span++;
	entry->span = (u8)(span - dma_debug_spans);
	span_set(entry->span, min(span->lo, lo), max(span->hi, hi));
}

void dma_entry_free(struct dma_debug_entry *entry)
{
	unsigned long lo = entry->paddr, hi = entry->paddr + entry->size;
	const struct dma_debug_span *span = &dma_debug_spans[entry->span];

	list_del(&entry->list);
	list_add(&entry->list, &free_entries);
	num_free_entries++;
	WRITE_ONCE(dma_debug_nr_entries, dma_debug_nr_entries - 1);
	if (lo == span->lo || hi == span->hi)
		dma_span_shrink(entry->span); /* it was at an edge */
}

/* The record of dev's mapping at dev_addr (of this type first), or NULL. */
struct dma_debug_entry *find_exact(struct device *dev, u64 dev_addr, int type)
{
	struct dma_debug_entry *entry, *other = NULL;

	list_for_each_entry(entry, &dma_debug_active, list) {
		if (entry->dev != dev || entry->dev_addr != dev_addr)
			continue;
		if (entry->type == type)
			return entry;
		other = entry;
	}
	return other;
}

/* The record of dev's mapping that contains dev_addr, or NULL. */
struct dma_debug_entry *find_contain(struct device *dev, u64 dev_addr)
{
	struct dma_debug_entry *entry;

	list_for_each_entry(entry, &dma_debug_active, list)
		if (entry->dev == dev && dev_addr >= entry->dev_addr &&
		    dev_addr < entry->dev_addr + entry->size)
			return entry;
	return NULL;
}

/* --- unbind and free ------------------------------------------------------ */

void __debug_dma_device_unbound(struct device *dev)
{
	struct dma_debug_entry *entry, *leaked = NULL;
	unsigned long flags;
	int count = 0;

	if (dma_debug_disabled())
		return;
	spin_lock_irqsave(&dma_debug_lock, flags);
	list_for_each_entry(entry, &dma_debug_active, list) {
		if (entry->dev != dev)
			continue;
		count++;
		leaked = entry;
	}
	if (count)
		err_printk(
			dev, leaked,
			"device driver has pending DMA allocations while released from device [count=%d]\n"
			"One of leaked entries details: [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [mapped as %s]\n",
			count, leaked->dev_addr, leaked->size,
			dma_dir_name(leaked->direction),
			type2name[leaked->type]);
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

void __debug_dma_check_freed(unsigned long phys, unsigned long size)
{
	struct dma_debug_entry *entry;
	unsigned long flags;

	if (dma_debug_disabled())
		return;
	spin_lock_irqsave(&dma_debug_lock, flags);
	list_for_each_entry(entry, &dma_debug_active, list) {
		if (entry->paddr >= phys + size ||
		    phys >= entry->paddr + entry->size)
			continue;
		err_printk(
			entry->dev, entry,
			"memory freed while still DMA-mapped [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [mapped as %s]\n",
			entry->dev_addr, entry->size,
			dma_dir_name(entry->direction), type2name[entry->type]);
		break;
	}
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

/* --- the dump ------------------------------------------------------------- */

void debug_dma_dump_mappings(struct seq_file *m, struct device *dev)
{
	struct dma_debug_entry *entry;
	unsigned long flags;

	spin_lock_irqsave(&dma_debug_lock, flags);
	list_for_each_entry(entry, &dma_debug_active, list) {
		if (dev && entry->dev != dev)
			continue;
		seq_printf(
			m,
			"%s %s %s idx %llu P=%#010llx D=%llx L=%llx cln=%#010llx %s %s\n",
			dev_driver_string(entry->dev), dev_name(entry->dev),
			type2name[entry->type],
			(entry->dev_addr >> HASH_FN_SHIFT) & (HASH_SIZE - 1),
			entry->paddr, entry->dev_addr, entry->size,
			entry->paddr >> L1_CACHE_SHIFT,
			dma_dir_name(entry->direction),
			maperr2str[entry->map_err_type]);
	}
	spin_unlock_irqrestore(&dma_debug_lock, flags);
	if (!dev)
		seq_printf(
			m,
			"error_count: %lu  num_free_entries: %u  min_free_entries: %u\n",
			dma_debug_errors, num_free_entries, min_free_entries);
}
