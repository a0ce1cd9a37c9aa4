// SPDX-License-Identifier: GPL-2.0
/*
 * edu_bind_test.c - Verifies the edu driver's binding against QEMU's edu
 * device (skipped without it): unbinding releases every managed resource
 * newest first (the DEVRES REL lines say which, in order), a probe made
 * to fail at each of its steps leaves nothing behind, a mapping left at
 * unbind is reported by dma-debug, and the device's interrupt line, held
 * up with nobody to acknowledge it, is disabled after Linux's window of
 * 100,000 interrupts.  Each case binds the driver again before it ends.
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <device.h>
#include <dma-debug.h>
#include <dma-mapping.h>
#include <edu.h>
#include <interrupt.h>
#include <irqdesc.h>
#include <kernel.h>
#include <ktest.h>
#include <pci.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <time.h>
#include <vmalloc.h>

static struct device *edu_pci_dev_or_skip(struct ktest *test)
{
	struct pci_dev *pdev = pci_get_device(PCI_VENDOR_ID_QEMU, 0x11e8, NULL);

	if (!pdev || !pdev->dev.driver)
		ktest_skip(test, "no bound edu device (QEMU -device edu)");
	return &pdev->dev;
}

/* The release functions named by the DEVRES REL lines of `log`, in order. */
static unsigned int rel_names(const char *log, const char **names,
			      unsigned int max)
{
	unsigned int n = 0;

	for (const char *p = strstr(log, "DEVRES REL "); p && n < max;
	     p = strstr(p + 1, "DEVRES REL ")) {
		const char *name = strchr(p + 11, ' '); /* after the address */

		names[n++] = name ? name + 1 : "";
	}
	return n;
}

static void edu_unbind_releases_devres_newest_first(struct ktest *test)
{
	/* edu_probe() took them in the opposite order. */
	static const char *const newest_first[] = {
		"devm_action_release (", /* edu_unlist */
		"devm_irq_release (",	  "dmam_pool_release (",
		"dmam_release (",	  "pcim_iomap_release (",
		"devm_action_release (", /* pcim_disable */
		"devm_kmalloc_release (",
	};
	struct device *dev = edu_pci_dev_or_skip(test);
	struct device_driver *drv = dev->driver;
	struct pci_dev *pdev = to_pci_dev(dev);
	printk_mark_t mark = printk_mark();
	static char log[4096];
	const char *names[16];
	unsigned int n;

	KTEST_EXPECT_EQ(test, devres_count(dev), ARRAY_SIZE(newest_first));
	devres_log = true;
	device_release_driver(dev);
	devres_log = false;
	KTEST_EXPECT_NULL(test, dev->driver);
	KTEST_EXPECT_EQ(test, devres_count(dev), 0);
	KTEST_EXPECT_NULL(test, pdev->resource[0].child); /* "edu" claim gone */
	printk_since(mark, log, sizeof(log));
	n = rel_names(log, names, ARRAY_SIZE(names));
	KTEST_EXPECT_EQ(test, n, ARRAY_SIZE(newest_first));
	for (unsigned int i = 0; i < n && i < ARRAY_SIZE(newest_first); i++)
		if (strncmp(names[i], newest_first[i], strlen(newest_first[i])))
			ktest_fail(test, "release %u: expected %s...", i,
				   newest_first[i]);
	/* The BAR's old mapping waits for the lazy purge: let the new one reuse its place. */
	vmalloc_purge();
	KTEST_EXPECT_EQ(test, device_driver_attach(drv, dev), 0);
	KTEST_EXPECT_EQ(test, devres_count(dev), ARRAY_SIZE(newest_first));
	KTEST_EXPECT_NOT_NULL(test, edu_get(0));
}

static void edu_failed_probe_releases_what_it_took(struct ktest *test)
{
	struct device *dev = edu_pci_dev_or_skip(test);
	struct device_driver *drv = dev->driver;

	device_release_driver(dev);
	for (int step = 1; step <= 8; step++) {
		printk_mark_t mark = printk_mark();
		char want[48];

		edu_probe_fail_step = step;
		KTEST_EXPECT_NE(test, device_driver_attach(drv, dev), 0);
		KTEST_EXPECT_NULL(test, dev->driver);
		KTEST_EXPECT_EQ(test, devres_count(dev), 0);
		snprintf(want, sizeof(want), "failing at step %d on purpose",
			 step);
		KTEST_EXPECT_LOG(test, mark, want);
		KTEST_EXPECT_LOG(test, mark, "edu: probe of 0000:00:");
	}
	KTEST_EXPECT_EQ(test, edu_probe_fail_step, 0);
	vmalloc_purge(); /* the failed probes' BAR mappings, freed lazily */
	KTEST_EXPECT_EQ(test, device_driver_attach(drv, dev), 0);
	KTEST_EXPECT_NOT_NULL(test, edu_get(0));
}

static void edu_mapping_left_at_unbind_is_reported(struct ktest *test)
{
	struct device *dev = edu_pci_dev_or_skip(test);
	struct device_driver *drv = dev->driver;
	char *buf = kmalloc(64, GFP_DMA);
	printk_mark_t mark;
	dma_addr_t bus;

	if (!dma_debug_enabled)
		ktest_skip(test, "dma-debug is off");
	KTEST_ASSERT_NOT_NULL(test, buf);
	bus = dma_map_single(dev, buf, 64, DMA_TO_DEVICE);
	KTEST_ASSERT_EQ(test, dma_mapping_error(dev, bus), 0);
	mark = printk_mark();
	device_release_driver(dev);
	KTEST_EXPECT_LOG(
		test, mark,
		"DMA-API: pci 0000:00:04.0: device driver has pending DMA allocations while released from device [count=1]");
	dma_unmap_single(dev, bus, 64, DMA_TO_DEVICE);
	kfree(buf);
	vmalloc_purge(); /* as above: the rebind maps the BAR where it was */
	KTEST_EXPECT_EQ(test, device_driver_attach(drv, dev), 0);
}

static irqreturn_t nobody(int irq, void *dev_id)
{
	return IRQ_NONE;
}

/*
 * A level-triggered line that a device holds up and no handler
 * acknowledges interrupts again after every EOI: the 100,000-interrupt
 * window of the spurious accounting then disables it, with Linux's report.
 */
static void edu_line_nobody_cares_about_is_disabled(struct ktest *test)
{
	struct device *dev = edu_pci_dev_or_skip(test);
	struct device_driver *drv = dev->driver;
	struct pci_dev *pdev = to_pci_dev(dev);
	struct irq_desc *desc = irq_to_desc(pdev->irq);
	printk_mark_t mark = printk_mark();
	char want[48];
	void *regs;
	u64 deadline;

	device_release_driver(dev);
	regs = pci_iomap(pdev, 0, 0);
	KTEST_ASSERT_NOT_NULL(test, regs);
	KTEST_ASSERT_EQ(test,
			request_irq(pdev->irq, nobody, IRQF_SHARED,
				    "ktest-nobody", &mark),
			0);
	writel(0x100000, (char *)regs + 0x60); /* raise; nobody acks */
	deadline = jiffies + 20 * HZ;
	while (!READ_ONCE(desc->spurious_disabled) && jiffies < deadline)
		cpu_relax();
	KTEST_EXPECT_TRUE(test, desc->spurious_disabled);
	snprintf(want, sizeof(want), "irq %u: nobody cared", pdev->irq);
	KTEST_EXPECT_LOG(test, mark, want);
	KTEST_EXPECT_LOG(test, mark, "ktest-nobody");
	snprintf(want, sizeof(want), "Disabling IRQ #%u", pdev->irq);
	KTEST_EXPECT_LOG(test, mark, want);
	writel(0x100000, (char *)regs + 0x64); /* lower the line */
	free_irq(pdev->irq, &mark);
	pci_iounmap(pdev, regs);
	vmalloc_purge();
	KTEST_EXPECT_EQ(test, device_driver_attach(drv, dev), 0);
	KTEST_EXPECT_FALSE(test, desc->spurious_disabled); /* a fresh start */
}

static const struct ktest_case edu_bind_cases[] = {
	KTEST_CASE(edu_unbind_releases_devres_newest_first),
	KTEST_CASE(edu_failed_probe_releases_what_it_took),
	KTEST_CASE(edu_mapping_left_at_unbind_is_reported),
	KTEST_CASE(edu_line_nobody_cares_about_is_disabled),
	{}
};
KTEST_SUITE(edu_bind, edu_bind_cases);
