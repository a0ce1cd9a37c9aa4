// SPDX-License-Identifier: GPL-2.0
/*
 * dd.c - binding a device to its driver and unbinding it (Linux's
 * drivers/base/dd.c).
 *
 * Binding sets dev->driver and calls probe(); a probe that fails has every
 * managed resource it took released at once, newest first, and leaves the
 * device unbound (a failure other than -ENODEV/-ENXIO, which mean "not my
 * device", is reported in Linux's words).  Unbinding calls remove(), then
 * releases the managed resources, newest first, then lets dma-debug look
 * for DMA mappings the driver forgot (kernel/dma/debug.c).
 *
 * dev->busy (taken with xchg) keeps two CPUs from probing or removing the
 * same device at once: the second is told -EBUSY.  Linux sleeps on the
 * device's mutex instead; this kernel has nothing to sleep on.
 */
#include <asm/atomic.h>
#include <asm/barrier.h>
#include <device.h>
#include <dma-debug.h>
#include <errno.h>
#include <kernel.h>

static bool device_trylock(struct device *dev)
{
	return !xchg32(&dev->busy, 1);
}

static void device_unlock(struct device *dev)
{
	smp_store_release(&dev->busy, 0);
}

static int really_probe(struct device *dev, struct device_driver *drv)
{
	int ret = 0;

	WRITE_ONCE(dev->driver, drv);
	if (dev->bus->probe)
		ret = dev->bus->probe(dev);
	else if (drv->probe)
		ret = drv->probe(dev);
	if (!ret)
		return 0;

	/* What the probe took before it failed goes back, newest first. */
	devres_release_all(dev);
	WRITE_ONCE(dev->driver, NULL);
	dev_set_drvdata(dev, NULL);
	debug_dma_device_unbound(dev);
	if (ret != -ENODEV && ret != -ENXIO)
		pr_warn("%s: probe of %s failed with error %d\n", drv->name,
			dev_name(dev), ret);
	return ret;
}

int device_driver_attach(struct device_driver *drv, struct device *dev)
{
	int ret;

	if (drv->bus != dev->bus || !dev->bus->match(dev, drv))
		return -ENODEV;
	if (!device_trylock(dev))
		return -EBUSY;
	ret = dev->driver ? -EBUSY : really_probe(dev, drv);
	device_unlock(dev);
	return ret;
}

int device_attach(struct device *dev)
{
	struct device_driver *drv;

	if (dev->driver)
		return 1;
	list_for_each_entry(drv, &dev->bus->drivers, bus_node) {
		int ret = device_driver_attach(drv, dev);

		if (!ret)
			return 1;
		if (ret != -ENODEV && ret != -ENXIO)
			return ret;
	}
	return 0;
}

void device_release_driver(struct device *dev)
{
	struct device_driver *drv;

	if (!device_trylock(dev)) {
		dev_warn(dev,
			 "busy (a probe or remove is running): not unbound\n");
		return;
	}
	drv = dev->driver;
	if (drv) {
		if (dev->bus->remove)
			dev->bus->remove(dev);
		else if (drv->remove)
			drv->remove(dev);
		devres_release_all(dev);
		WRITE_ONCE(dev->driver, NULL);
		dev_set_drvdata(dev, NULL);
		/* As Linux's BUS_NOTIFY_UNBOUND_DRIVER: the driver is gone. */
		debug_dma_device_unbound(dev);
	}
	device_unlock(dev);
}
