// SPDX-License-Identifier: GPL-2.0
/*
 * edu_test.c - Verifies the edu driver against QEMU's edu device (boots
 * with -device edu; without it every case skips, saying so): its
 * identification and liveness registers, the factorial completed by the
 * interrupt (on CPU 0, even for a waiter on another CPU) or by polling,
 * DMA both ways with every kind of buffer a driver has (lowmem, highmem
 * by dma_map_page, vmalloc by dma_map_sg, coherent, DMA pool) with the
 * bounce used exactly when a buffer lies beyond the device's mask (never,
 * with `-device edu,dma_mask=0xffffffff edu.dma_bits=32`), and the shared
 * interrupt line.  Binding and unbinding: edu_bind_test.c.
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <device.h>
#include <dma-debug.h>
#include <dma-mapping.h>
#include <dmapool.h>
#include <edu.h>
#include <errno.h>
#include <highmem.h>
#include <interrupt.h>
#include <irqdesc.h>
#include <kernel.h>
#include <ktest.h>
#include <pci.h>
#include <seq_file.h>
#include <slab.h>
#include <smp.h>
#include <string.h>
#include <swiotlb.h>
#include <time.h>
#include <vmalloc.h>

#include "dma_test_helpers.h"
#include "smp_test_helpers.h"
#include <sprintf.h>

#define EDU_LEN 2048 /* bytes a round trip moves (EDU_DMA_END: edu.h) */
#define EDU_HALF (EDU_LEN / 2) /* a vmalloc buffer moves half of each page */

static struct edu_device *edu_or_skip(struct ktest *test)
{
	struct edu_device *edu = edu_get(0);

	if (!edu)
		ktest_skip(test, edu_present() ?
					 "the edu device is not bound" :
					 "no edu device (QEMU -device edu)");
	return edu;
}

static unsigned long bounces(void)
{
	struct swiotlb_stats s;

	swiotlb_get_stats(&s);
	return s.mapped;
}

static void edu_identifies_itself_and_is_alive(struct ktest *test)
{
	struct edu_device *edu = edu_or_skip(test);

	KTEST_EXPECT_EQ(test, edu->version & 0xff, 0xed);
	KTEST_EXPECT_EQ(test, edu->version >> 24, 1);
	KTEST_EXPECT_TRUE(test, edu_alive(edu, 0));
	KTEST_EXPECT_TRUE(test, edu_alive(edu, 0xdeadbeef));
	KTEST_EXPECT_EQ(test, dma_get_mask(edu_dev(edu)),
			DMA_BIT_MASK(edu->dma_bits));
	KTEST_EXPECT_NE(test, edu->pdev->irq, 0);
}

static void edu_factorial_by_interrupt(struct ktest *test)
{
	static const u32 n[] = { 0, 1, 5, 12, 13 };
	static const u32 want[] = { 1, 1, 120, 479001600, 1932053504 };
	struct edu_device *edu = edu_or_skip(test);
	unsigned int irq = edu->pdev->irq;
	unsigned long handled = edu->irqs_handled;
	unsigned long on_cpu0 = kstat_irqs_cpu(irq, 0);
	u32 result;

	for (unsigned int i = 0; i < ARRAY_SIZE(n); i++) {
		KTEST_EXPECT_EQ(test, edu_factorial(edu, n[i], &result, 0), 0);
		KTEST_EXPECT_EQ(test, result, want[i]); /* 13! wraps at 2^32 */
	}
	KTEST_EXPECT_EQ(test, edu->irqs_handled, handled + ARRAY_SIZE(n));
	KTEST_EXPECT_GE(test, kstat_irqs_cpu(irq, 0), on_cpu0 + ARRAY_SIZE(n));
}

static void edu_factorial_by_polling_takes_no_interrupt(struct ktest *test)
{
	struct edu_device *edu = edu_or_skip(test);
	unsigned long handled = edu->irqs_handled;
	u32 result;

	KTEST_EXPECT_EQ(test, edu_factorial(edu, 10, &result, EDU_POLL), 0);
	KTEST_EXPECT_EQ(test, result, 3628800);
	KTEST_EXPECT_EQ(test, edu->irqs_handled, handled);
}

static int factorial_on_this_cpu(void *data)
{
	u32 result = 0;

	if (edu_factorial(data, 11, &result, 0))
		return -1;
	return (int)result;
}

static void edu_waiter_on_another_cpu_is_woken_by_cpu0(struct ktest *test)
{
	struct edu_device *edu = edu_or_skip(test);
	unsigned int cpu = ktest_other_cpu(test);
	unsigned int irq = edu->pdev->irq;
	unsigned long there = kstat_irqs_cpu(irq, cpu);
	unsigned long on_cpu0 = kstat_irqs_cpu(irq, 0);

	KTEST_EXPECT_EQ(test,
			smp_call_on_cpu(cpu, factorial_on_this_cpu, edu, false),
			39916800);
	KTEST_EXPECT_GT(test, kstat_irqs_cpu(irq, 0), on_cpu0);
	KTEST_EXPECT_EQ(test, kstat_irqs_cpu(irq, cpu), there);
}

/* --- DMA with every kind of buffer ------------------------------------------ */

enum buf_kind {
	LOWMEM_DMA,
	LOWMEM,
	HIGHMEM,
	VMALLOC,
	COHERENT,
	POOL,
	NR_KINDS
};

struct test_buf {
	enum buf_kind kind;
	void *cpu; /* the CPU's address of the bytes (kmapped for highmem) */
	struct page *page;
	struct scatterlist sg[2];
	dma_addr_t bus; /* coherent and pool */
};

static int buf_alloc(struct edu_device *edu, struct dma_pool *pool,
		     struct test_buf *b)
{
	switch (b->kind) {
	case LOWMEM_DMA:
		b->cpu = kmalloc(EDU_BUF_SIZE, GFP_DMA);
		break;
	case LOWMEM:
		b->page = alloc_page(GFP_KERNEL);
		b->cpu = b->page ? page_address(b->page) : NULL;
		break;
	case HIGHMEM:
		b->page = alloc_page(GFP_HIGHMEM);
		b->cpu = b->page ? kmap(b->page) : NULL;
		break;
	case VMALLOC:
		b->cpu = vmalloc(2 * PAGE_SIZE);
		break;
	case COHERENT:
		b->cpu = dma_alloc_coherent(edu_dev(edu), EDU_BUF_SIZE, &b->bus,
					    GFP_KERNEL);
		break;
	default:
		b->cpu = dma_pool_alloc(pool, GFP_KERNEL, &b->bus);
		break;
	}
	return b->cpu ? 0 : -ENOMEM;
}

static void buf_free(struct edu_device *edu, struct dma_pool *pool,
		     struct test_buf *b)
{
	switch (b->kind) {
	case LOWMEM_DMA:
		kfree(b->cpu);
		break;
	case LOWMEM:
		__free_page(b->page);
		break;
	case HIGHMEM:
		kunmap(b->page);
		__free_page(b->page);
		break;
	case VMALLOC:
		vfree(b->cpu);
		break;
	case COHERENT:
		dma_free_coherent(edu_dev(edu), EDU_BUF_SIZE, b->cpu, b->bus);
		break;
	default:
		dma_pool_free(pool, b->cpu, b->bus);
		break;
	}
}

/* The bytes a kind moves: a pool block is 64, the others EDU_LEN. */
static size_t buf_len(enum buf_kind kind)
{
	return kind == POOL ? 64 : EDU_LEN;
}

/* One page or pool block, mapped and DMAed: bounce iff beyond the mask. */
static void dma_one(struct ktest *test, struct edu_device *edu,
		    struct page *page, unsigned int offset, dma_addr_t fixed,
		    u32 dev_off, size_t len, enum dma_data_direction dir)
{
	struct device *dev = edu_dev(edu);
	dma_addr_t bus = fixed;

	if (page) {
		phys_addr_t phys = page_to_phys(page) + offset;

		bus = dma_map_page(dev, page, offset, len, dir);
		KTEST_ASSERT_EQ(test, dma_mapping_error(dev, bus), 0);
		KTEST_EXPECT_EQ(test, is_swiotlb_buffer(bus),
				phys + len - 1 > dma_get_mask(dev));
	}
	KTEST_EXPECT_LE(test, (u64)bus + len - 1, dma_get_mask(dev));
	KTEST_EXPECT_EQ(test, edu_dma(edu, bus, dev_off, len, dir, 0), 0);
	if (page)
		dma_unmap_page(dev, bus, len, dir);
}

/* Move the buffer's bytes to or from the device's buffer. */
static void buf_dma(struct ktest *test, struct edu_device *edu,
		    struct test_buf *b, enum dma_data_direction dir)
{
	struct device *dev = edu_dev(edu);
	size_t len = buf_len(b->kind);
	struct scatterlist *s;
	int i, n;

	switch (b->kind) {
	case COHERENT:
	case POOL:
		dma_one(test, edu, NULL, 0, b->bus, 0, len, dir);
		return;
	case VMALLOC:
		/* Half of each of its two pages: two entries, two DMAs. */
		sg_init_table(b->sg, 2);
		for (i = 0; i < 2; i++)
			sg_set_page(
				&b->sg[i],
				vmalloc_to_page((char *)b->cpu + i * PAGE_SIZE),
				EDU_HALF, 0);
		n = dma_map_sg(dev, b->sg, 2, dir);
		KTEST_ASSERT_EQ(test, n, 2);
		for_each_sg(b->sg, s, n, i) {
			KTEST_EXPECT_EQ(
				test, is_swiotlb_buffer(sg_dma_address(s)),
				sg_phys(s) + EDU_HALF - 1 > dma_get_mask(dev));
			KTEST_EXPECT_EQ(test,
					edu_dma(edu, sg_dma_address(s),
						i * EDU_HALF, EDU_HALF, dir, 0),
					0);
		}
		dma_unmap_sg(dev, b->sg, 2, dir);
		return;
	default:
		dma_one(test, edu, b->page ? b->page : virt_to_page(b->cpu),
			b->page ? 0 : offset_in_page(b->cpu), 0, 0, len, dir);
	}
}

/* The CPU's view of the bytes the DMA moved (vmalloc: half of each page). */
static void *buf_bytes(struct test_buf *b, size_t half)
{
	return (char *)b->cpu + (b->kind == VMALLOC ? half * PAGE_SIZE : 0);
}

static void fill_buf(struct test_buf *b, u8 seed)
{
	if (b->kind == VMALLOC) {
		ktest_fill(b->cpu, EDU_HALF, seed);
		ktest_fill((char *)b->cpu + PAGE_SIZE, EDU_HALF,
			   seed + EDU_HALF * 7 + (EDU_HALF >> 8));
	} else {
		ktest_fill(b->cpu, buf_len(b->kind), seed);
	}
}

static bool buf_has(struct test_buf *b, size_t len, u8 seed)
{
	if (b->kind == VMALLOC)
		return ktest_check(buf_bytes(b, 0), min(len, (size_t)EDU_HALF),
				   seed) &&
		       (len <= EDU_HALF ||
			ktest_check(buf_bytes(b, 1), len - EDU_HALF,
				    seed + EDU_HALF * 7 + (EDU_HALF >> 8)));
	return ktest_check(b->cpu, len, seed);
}

static void edu_dma_round_trips_with_every_kind_of_buffer(struct ktest *test)
{
	struct edu_device *edu = edu_or_skip(test);
	struct dma_pool *pool =
		dma_pool_create("ktest-edu", edu_dev(edu), 64, 64, 0);
	struct test_buf bufs[NR_KINDS];

	KTEST_ASSERT_NOT_NULL(test, pool);
	for (int k = 0; k < NR_KINDS; k++) {
		bufs[k] = (struct test_buf){ .kind = k };
		KTEST_ASSERT_EQ(test, buf_alloc(edu, pool, &bufs[k]), 0);
	}
	/* Each kind writes the device; the next kind reads it back. */
	for (int k = 0; k < NR_KINDS; k++) {
		struct test_buf *src = &bufs[k],
				*dst = &bufs[(k + 1) % NR_KINDS];
		size_t len = min(buf_len(src->kind), buf_len(dst->kind));

		fill_buf(src, (u8)(0x10 * k + 1));
		buf_dma(test, edu, src, DMA_TO_DEVICE);
		memset(dst->cpu, 0,
		       dst->kind == VMALLOC ? 2 * PAGE_SIZE :
					      buf_len(dst->kind));
		buf_dma(test, edu, dst, DMA_FROM_DEVICE);
		if (!buf_has(dst, len, (u8)(0x10 * k + 1)))
			ktest_fail(
				test,
				"kind %d -> device -> kind %d: the data differs",
				k, (k + 1) % NR_KINDS);
	}
	for (int k = 0; k < NR_KINDS; k++)
		buf_free(edu, pool, &bufs[k]);
	dma_pool_destroy(pool);
}

static void edu_never_bounces_memory_it_reaches(struct ktest *test)
{
	struct edu_device *edu = edu_or_skip(test);
	struct device *dev = edu_dev(edu);
	struct page *page = alloc_page(GFP_HIGHMEM);
	unsigned long before = bounces();
	bool reaches;
	dma_addr_t bus;

	KTEST_ASSERT_NOT_NULL(test, page);
	reaches = page_to_phys(page) + PAGE_SIZE - 1 <= dma_get_mask(dev);
	bus = dma_map_page(dev, page, 0, PAGE_SIZE, DMA_TO_DEVICE);
	KTEST_ASSERT_EQ(test, dma_mapping_error(dev, bus), 0);
	KTEST_EXPECT_EQ(test, bounces(), before + !reaches);
	KTEST_EXPECT_EQ(test, bus == page_to_phys(page), reaches);
	dma_unmap_page(dev, bus, PAGE_SIZE, DMA_TO_DEVICE);
	__free_page(page);
	/* A 32-bit device reaches all of a non-PAE machine's memory. */
	if (edu->dma_bits == 32)
		KTEST_EXPECT_TRUE(test, reaches);
}

static void edu_dma_by_polling(struct ktest *test)
{
	struct edu_device *edu = edu_or_skip(test);
	unsigned long handled = edu->irqs_handled;

	ktest_fill(edu->coherent, 256, 0x42);
	KTEST_EXPECT_EQ(test,
			edu_dma(edu, edu->coherent_dma, 512, 256, DMA_TO_DEVICE,
				EDU_POLL),
			0);
	memset(edu->coherent, 0, 256);
	KTEST_EXPECT_EQ(test,
			edu_dma(edu, edu->coherent_dma, 512, 256,
				DMA_FROM_DEVICE, EDU_POLL),
			0);
	KTEST_EXPECT_TRUE(test, ktest_check(edu->coherent, 256, 0x42));
	KTEST_EXPECT_EQ(test, edu->irqs_handled, handled);
}

static void edu_dma_outside_its_buffer_is_refused(struct ktest *test)
{
	struct edu_device *edu = edu_or_skip(test);

	KTEST_EXPECT_EQ(test,
			edu_dma(edu, edu->coherent_dma, 4000, 200,
				DMA_TO_DEVICE, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			edu_dma(edu, edu->coherent_dma, 4096, 1, DMA_TO_DEVICE,
				0),
			-EINVAL);
	/* QEMU 7.2 would stop the machine for this one (edu.h). */
	KTEST_EXPECT_EQ(test,
			edu_dma(edu, edu->coherent_dma, 0, EDU_BUF_SIZE,
				DMA_TO_DEVICE, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			edu_dma(edu, edu->coherent_dma, 0, 0, DMA_TO_DEVICE, 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			edu_dma(edu, edu->coherent_dma, 0, 16,
				DMA_BIDIRECTIONAL, 0),
			-EINVAL);
}

static unsigned long shared_calls;

static irqreturn_t shared_handler(int irq, void *dev_id)
{
	shared_calls++;
	return IRQ_NONE; /* it never is this handler's device */
}

static void edu_shared_line_runs_every_handler(struct ktest *test)
{
	struct edu_device *edu = edu_or_skip(test);
	unsigned int irq = edu->pdev->irq;
	unsigned long handled = edu->irqs_handled;
	printk_mark_t mark = printk_mark();
	static char out[2048];

	shared_calls = 0;
	KTEST_ASSERT_EQ(test,
			request_irq(irq, shared_handler, IRQF_SHARED,
				    "ktest-shared", &shared_calls),
			0);
	KTEST_EXPECT_EQ(test, edu_raise_irq(edu, 0x10000), 0);
	KTEST_EXPECT_EQ(test, edu->last_irq_status, 0x10000);
	KTEST_EXPECT_EQ(test, edu->irqs_handled, handled + 1);
	KTEST_EXPECT_GE(test, shared_calls, 1);
	KTEST_EXPECT_GT(test, proc_read("interrupts", out, sizeof(out)), 0);
	KTEST_EXPECT_NOT_NULL(test, strstr(out, "edu, ktest-shared"));
	KTEST_EXPECT_EQ(test,
			request_irq(irq, shared_handler, 0, "ktest-solo",
				    &handled),
			-EBUSY);
	KTEST_EXPECT_LOG(test, mark, "genirq: Flags mismatch irq");
	KTEST_EXPECT_STREQ(test, free_irq(irq, &shared_calls), "ktest-shared");
}

static const struct ktest_case edu_cases[] = {
	KTEST_CASE(edu_identifies_itself_and_is_alive),
	KTEST_CASE(edu_factorial_by_interrupt),
	KTEST_CASE(edu_factorial_by_polling_takes_no_interrupt),
	KTEST_CASE(edu_waiter_on_another_cpu_is_woken_by_cpu0),
	KTEST_CASE(edu_dma_round_trips_with_every_kind_of_buffer),
	KTEST_CASE(edu_never_bounces_memory_it_reaches),
	KTEST_CASE(edu_dma_by_polling),
	KTEST_CASE(edu_dma_outside_its_buffer_is_refused),
	KTEST_CASE(edu_shared_line_runs_every_handler),
	{}
};
KTEST_SUITE(edu, edu_cases);
