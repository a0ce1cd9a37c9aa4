// SPDX-License-Identifier: GPL-2.0
/*
 * bus.c - buses and their lists of devices and drivers (Linux's
 * drivers/base/bus.c and driver.c).
 *
 * A bus keeps two lists; a device or a driver joining one is offered to
 * every member of the other (dd.c does the binding).  The lists change
 * under bus_lock.  They are walked without it, calling out to probe and
 * remove functions that take their time and may take other locks: that is
 * safe because devices and drivers come and go at boot and in tests, from
 * one CPU at a time, and a device or driver taken off a list stays in
 * memory (it belongs to its bus or module), so a walk never follows a
 * freed node.  Linux uses a klist with references for the general case.
 */
#include <device.h>
#include <errno.h>
#include <kernel.h>
#include <string.h>

static LIST_HEAD(buses);
static DEFINE_SPINLOCK(bus_lock);

int bus_register(struct bus_type *bus)
{
	INIT_LIST_HEAD(&bus->devices);
	INIT_LIST_HEAD(&bus->drivers);
	spin_lock(&bus_lock);
	list_add_tail(&bus->bus_node, &buses);
	spin_unlock(&bus_lock);
	return 0;
}

void bus_unregister(struct bus_type *bus)
{
	spin_lock(&bus_lock);
	list_del_init(&bus->bus_node);
	spin_unlock(&bus_lock);
}

struct bus_type *bus_find_by_name(const char *name)
{
	struct bus_type *bus;

	list_for_each_entry(bus, &buses, bus_node)
		if (!strcmp(bus->name, name))
			return bus;
	return NULL;
}

int bus_for_each_dev(struct bus_type *bus, void *data,
		     int (*fn)(struct device *dev, void *data))
{
	struct device *dev, *next;
	int ret = 0;

	list_for_each_entry_safe(dev, next, &bus->devices, bus_node) {
		ret = fn(dev, data);
		if (ret)
			break;
	}
	return ret;
}

struct device *bus_find_device_by_name(struct bus_type *bus, const char *name)
{
	struct device *dev;

	list_for_each_entry(dev, &bus->devices, bus_node)
		if (!strcmp(dev_name(dev), name))
			return dev;
	return NULL;
}

int device_add(struct device *dev)
{
	if (!dev->bus || !dev->name[0])
		return -EINVAL;
	spin_lock(&bus_lock);
	list_add_tail(&dev->bus_node, &dev->bus->devices);
	spin_unlock(&bus_lock);
	device_attach(dev);
	return 0;
}

void device_del(struct device *dev)
{
	device_release_driver(dev);
	spin_lock(&bus_lock);
	list_del_init(&dev->bus_node);
	spin_unlock(&bus_lock);
}

struct device_driver *driver_find(const char *name, struct bus_type *bus)
{
	struct device_driver *drv;

	list_for_each_entry(drv, &bus->drivers, bus_node)
		if (!strcmp(drv->name, name))
			return drv;
	return NULL;
}

static int driver_attach_one(struct device *dev, void *data)
{
	struct device_driver *drv = data;

	if (!dev->driver)
		device_driver_attach(drv, dev);
	return 0; /* a failed probe does not stop the others */
}

int driver_register(struct device_driver *drv)
{
	if (!drv->bus || !drv->name)
		return -EINVAL;
	if (driver_find(drv->name, drv->bus)) {
		pr_err("Error: Driver '%s' is already registered, aborting...\n",
		       drv->name);
		return -EBUSY;
	}
	spin_lock(&bus_lock);
	list_add_tail(&drv->bus_node, &drv->bus->drivers);
	spin_unlock(&bus_lock);
	bus_for_each_dev(drv->bus, drv, driver_attach_one);
	return 0;
}

static int driver_detach_one(struct device *dev, void *data)
{
	if (dev->driver == data)
		device_release_driver(dev);
	return 0;
}

void driver_unregister(struct device_driver *drv)
{
	bus_for_each_dev(drv->bus, drv, driver_detach_one);
	spin_lock(&bus_lock);
	list_del_init(&drv->bus_node);
	spin_unlock(&bus_lock);
}
