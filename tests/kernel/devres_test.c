// SPDX-License-Identifier: GPL-2.0
/*
 * devres_test.c - Verifies the driver model's binding and its managed
 * resources: a driver binds to the devices its bus matches, a second bind
 * or a mismatched one is refused, and everything a probe took with a
 * devm_ function is released in reverse order when the driver unbinds,
 * and at once when the probe fails (reported in Linux's words unless it
 * said -ENODEV: "not my device").  Memory, actions, I/O mappings,
 * coherent DMA buffers, DMA pools and interrupt handlers are all covered;
 * the per-case leak checks prove that nothing stays behind.
 */
#include <device.h>
#include <dma-mapping.h>
#include <dmapool.h>
#include <errno.h>
#include <interrupt.h>
#include <irqdesc.h>
#include <kernel.h>
#include <ktest.h>
#include <pci.h>
#include <seq_file.h>
#include <string.h>
#include <vmalloc.h>

#include "dma_test_helpers.h"

#define SPARE_IRQ 5 /* a PIC line that nothing on QEMU's PC uses */

static struct ktest_dev kdev;
static phys_addr_t some_mmio; /* a PCI memory BAR, to ioremap */
static int released[8]; /* the order the actions ran in */
static int nr_released;
static int probe_result; /* what the next probe returns */

static void record_release(void *data)
{
	released[nr_released++] = (int)(unsigned long)data;
}

static irqreturn_t never_called(int irq, void *dev_id)
{
	return IRQ_NONE;
}

/* Take one of each kind of managed resource, then return probe_result. */
static int devres_probe(struct device *dev)
{
	dma_addr_t bus;

	if (devm_add_action(dev, record_release, (void *)1) ||
	    !devm_kzalloc(dev, 100, GFP_KERNEL) ||
	    devm_add_action(dev, record_release, (void *)2) ||
	    !devm_ioremap(dev, some_mmio, PAGE_SIZE) ||
	    !dmam_alloc_coherent(dev, PAGE_SIZE, &bus, GFP_KERNEL) ||
	    !dmam_pool_create("ktest-devres", dev, 32, 32, 0) ||
	    devm_request_irq(dev, SPARE_IRQ, never_called, IRQF_SHARED,
			     "ktest-devres", dev) ||
	    devm_add_action(dev, record_release, (void *)3))
		return -ENOMEM;
	return probe_result;
}

static struct device_driver devres_driver = {
	.name = "ktest-devres",
	.bus = &ktest_bus,
	.probe = devres_probe,
};

/* The first memory BAR of any PCI device: something real to ioremap. */
static phys_addr_t first_memory_bar(void)
{
	struct pci_dev *pdev;

	list_for_each_entry(pdev, &pci_devices, bus_list)
		for (int bar = 0; bar < PCI_STD_NUM_BARS; bar++)
			if (pci_resource_flags(pdev, bar) & IORESOURCE_MEM &&
			    pci_resource_start(pdev, bar))
				return pci_resource_start(pdev, bar);
	return 0;
}

static int devres_test_init(struct ktest *test)
{
	some_mmio = first_memory_bar();
	if (!some_mmio)
		ktest_skip(test, "no PCI memory BAR to ioremap");
	ktest_driver_unregister(&devres_driver);
	nr_released = 0;
	probe_result = 0;
	ktest_dev_add(&kdev, "ktest-devres", DMA_BIT_MASK(32));
	return 0;
}

static void devres_test_exit(struct ktest *test)
{
	ktest_dev_del(&kdev);
	ktest_driver_unregister(&devres_driver);
}

static void expect_released_newest_first(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, nr_released, 3);
	KTEST_EXPECT_EQ(test, released[0], 3);
	KTEST_EXPECT_EQ(test, released[1], 2);
	KTEST_EXPECT_EQ(test, released[2], 1);
	KTEST_EXPECT_EQ(test, devres_count(&kdev.dev), 0);
	KTEST_EXPECT_NULL(test, irq_to_desc(SPARE_IRQ)->action);
}

static void devres_is_released_in_reverse_order_at_unbind(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, driver_register(&devres_driver), 0);
	KTEST_ASSERT_PTR_EQ(test, kdev.dev.driver, &devres_driver);
	KTEST_EXPECT_EQ(test, devres_count(&kdev.dev), 8);
	KTEST_EXPECT_NOT_NULL(test, irq_to_desc(SPARE_IRQ)->action);
	KTEST_EXPECT_EQ(test, nr_released, 0);
	device_release_driver(&kdev.dev);
	KTEST_EXPECT_NULL(test, kdev.dev.driver);
	expect_released_newest_first(test);
}

static void devres_is_released_when_the_probe_fails(struct ktest *test)
{
	printk_mark_t mark = printk_mark();

	probe_result = -ENOMEM;
	KTEST_ASSERT_EQ(test, driver_register(&devres_driver), 0);
	KTEST_EXPECT_NULL(test, kdev.dev.driver);
	expect_released_newest_first(test);
	KTEST_EXPECT_LOG(
		test, mark,
		"ktest-devres: probe of ktest-devres failed with error -12");
}

static void a_probe_saying_enodev_is_not_reported(struct ktest *test)
{
	printk_mark_t mark = printk_mark();

	probe_result = -ENODEV;
	KTEST_ASSERT_EQ(test, driver_register(&devres_driver), 0);
	KTEST_EXPECT_NULL(test, kdev.dev.driver);
	expect_released_newest_first(test);
	KTEST_EXPECT_NO_LOG(test, mark, "probe of ktest-devres failed");
}

static void binding_twice_or_to_a_stranger_is_refused(struct ktest *test)
{
	struct ktest_dev stranger = { 0 };

	KTEST_ASSERT_EQ(test, driver_register(&devres_driver), 0);
	KTEST_EXPECT_EQ(test, device_driver_attach(&devres_driver, &kdev.dev),
			-EBUSY);
	ktest_dev_add(&stranger, "ktest-other", DMA_BIT_MASK(32));
	KTEST_EXPECT_NULL(test, stranger.dev.driver);
	KTEST_EXPECT_EQ(test,
			device_driver_attach(&devres_driver, &stranger.dev),
			-ENODEV);
	ktest_dev_del(&stranger);
	device_release_driver(&kdev.dev);
	KTEST_EXPECT_EQ(test, nr_released, 3);
	/* bind again by hand: probe runs again */
	KTEST_EXPECT_EQ(test, device_driver_attach(&devres_driver, &kdev.dev),
			0);
	KTEST_EXPECT_EQ(test, devres_count(&kdev.dev), 8);
	device_release_driver(&kdev.dev);
}

static void devm_kfree_and_devm_remove_action_drop_one_early(struct ktest *test)
{
	void *p;

	/* Managed resources need no driver: a device holds them. */
	KTEST_EXPECT_NULL(test, kdev.dev.driver);
	p = devm_kmalloc(&kdev.dev, 64, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_EQ(
		test, devm_add_action(&kdev.dev, record_release, (void *)7), 0);
	KTEST_EXPECT_EQ(test, devres_count(&kdev.dev), 2);
	devm_kfree(&kdev.dev, p);
	devm_remove_action(&kdev.dev, record_release, (void *)7);
	KTEST_EXPECT_EQ(test, devres_count(&kdev.dev), 0);
	KTEST_EXPECT_EQ(test, nr_released, 0); /* removed, not run */
}

static void devres_view_lists_oldest_first(struct ktest *test)
{
	char out[1024];
	struct seq_file m = { .buf = out, .size = sizeof(out) };
	char *kmalloc_line, *irq_line;

	KTEST_ASSERT_EQ(test, driver_register(&devres_driver), 0);
	devres_show(&m, &kdev.dev);
	out[min(m.count, sizeof(out) - 1)] = '\0';
	kmalloc_line = strstr(out, "devm_kmalloc_release");
	irq_line = strstr(out, "devm_irq_release");
	KTEST_EXPECT_NOT_NULL(test, kmalloc_line);
	KTEST_EXPECT_NOT_NULL(test, irq_line);
	KTEST_EXPECT_TRUE(test, kmalloc_line < irq_line);
	KTEST_EXPECT_NOT_NULL(test, strstr(out, "IRQ 5"));
	KTEST_EXPECT_NOT_NULL(test, strstr(out, "dmam_release"));
	device_release_driver(&kdev.dev);
}

static const struct ktest_case devres_cases[] = {
	KTEST_CASE(devres_is_released_in_reverse_order_at_unbind),
	KTEST_CASE(devres_is_released_when_the_probe_fails),
	KTEST_CASE(a_probe_saying_enodev_is_not_reported),
	KTEST_CASE(binding_twice_or_to_a_stranger_is_refused),
	KTEST_CASE(devm_kfree_and_devm_remove_action_drop_one_early),
	KTEST_CASE(devres_view_lists_oldest_first),
	{}
};

const struct ktest_suite devres_ktest_suite = {
	.name = "devres",
	.cases = devres_cases,
	.init = devres_test_init,
	.exit = devres_test_exit,
};
