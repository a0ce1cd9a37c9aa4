// SPDX-License-Identifier: GPL-2.0
/*
 * core.c - devices: their names, their messages, joining and leaving a
 * bus (Linux's drivers/base/core.c, without kobjects and sysfs).
 *
 * A device is embedded in what its bus knows about it (struct pci_dev) and
 * lives as long as that does; device_add() puts it on its bus's list and
 * offers it to the bus's drivers, device_del() unbinds it and takes it off.
 * dev_printk() prefixes messages with the driver (or bus) and the device,
 * so a log line says which of two identical devices spoke:
 * "edu 0000:00:04.0: factorial of 5 is 120".
 */
#include <device.h>
#include <kernel.h>
#include <sprintf.h>
#include <stdarg.h>
#include <string.h>

void device_initialize(struct device *dev)
{
	INIT_LIST_HEAD(&dev->devres_head);
	spin_lock_init(&dev->devres_lock);
	INIT_LIST_HEAD(&dev->dma_pools);
	INIT_LIST_HEAD(&dev->bus_node);
}

void dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(dev->name, sizeof(dev->name), fmt, args);
	va_end(args);
}

const char *dev_driver_string(const struct device *dev)
{
	struct device_driver *drv = READ_ONCE(dev->driver);

	if (drv)
		return drv->name;
	return dev->bus ? dev->bus->name : "";
}

void dev_printk(const char *level, const struct device *dev, const char *fmt,
		...)
{
	char msg[256];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	if (!dev) {
		printk("%s(NULL device *): %s", level, msg);
		return;
	}
	printk("%s%s %s: %s", level, dev_driver_string(dev), dev_name(dev),
	       msg);
}
