/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dma_test_helpers.h - what the device, DMA and devres suites share: a bus
 * of their own ("ktest") with devices that have a DMA mask and no hardware
 * behind them, so that the DMA layer can be tested on every boot of the
 * matrix, with or without QEMU's edu device; and pages picked by where
 * they lie, to make the bounce decision go either way.
 *
 * A "device" here is the CPU pretending: where a real device would read or
 * write at the bus address it was given, the test reads or writes that
 * physical address (ktest_dev_view()).
 */
#ifndef _DMA_TEST_HELPERS_H
#define _DMA_TEST_HELPERS_H

#include <device.h>
#include <dma-mapping.h>
#include <ktest.h>
#include <mm.h>

struct ktest_dev {
	struct device dev;
	u64 dma_mask; /* dev.dma_mask points here */
};

extern struct bus_type ktest_bus;

/*
 * A device called `name` on the ktest bus, with this mask (both masks).
 * `kd` is zeroed (a local) or was added before (a static one: a case
 * that ended early may have left it on the bus, which is undone here).
 */
void ktest_dev_add(struct ktest_dev *kd, const char *name, u64 mask);
void ktest_dev_del(struct ktest_dev *kd);
/* Unregister a driver if it is registered (a case may have ended early). */
void ktest_driver_unregister(struct device_driver *drv);

/*
 * A page above `limit` (its physical address), from the zones `gfp`
 * allows, or NULL: the pages tried on the way are given back.
 */
struct page *ktest_page_above(phys_addr_t limit, gfp_t gfp);
/* The same, or the case is skipped with a reason naming the limit. */
struct page *ktest_page_above_or_skip(struct ktest *test, phys_addr_t limit,
				      gfp_t gfp);

/* Copy to or from RAM at a physical address, as a device would. */
void ktest_phys_write(phys_addr_t phys, const void *src, size_t len);
void ktest_phys_read(phys_addr_t phys, void *dst, size_t len);
/* Fill with a pattern that depends on `seed`; check it. */
void ktest_fill(void *buf, size_t len, u8 seed);
bool ktest_check(const void *buf, size_t len, u8 seed);

/* The per-case DMA leak check: swiotlb slots and dma-debug records. */
void dma_leak_checks_register(void);

#endif /* _DMA_TEST_HELPERS_H */
