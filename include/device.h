/* SPDX-License-Identifier: GPL-2.0 */
/*
 * device.h - the driver model, as Linux's linux/device.h, reduced: devices
 * on a bus, drivers for a bus, binding one to the other, and device-managed
 * resources (devres).
 *
 * A bus (PCI) finds devices and registers each with device_add(); a driver
 * registers with driver_register().  Whenever a device and a driver of the
 * same bus match (bus->match: an id table), the driver's probe() is called
 * for the device: it claims what it needs and the device is *bound*.
 * Unbinding calls remove() and then releases, newest first, everything the
 * driver took with a devm_ function:
 *
 *	edu = devm_kzalloc(dev, sizeof(*edu), GFP_KERNEL);
 *	edu->mmio = devm_ioremap(dev, start, len);
 *	err = devm_request_irq(dev, irq, edu_irq, IRQF_SHARED, "edu", edu);
 *	buf = dmam_alloc_coherent(dev, SZ_4K, &handle, GFP_KERNEL);
 *
 * If probe() fails half-way, the same release runs at once, so a probe
 * never needs an error path of its own for managed resources.  Deliberately
 * simpler than Linux: no kobjects or sysfs, no device links, classes or
 * power management; a device is a static part of its bus (never freed).
 */
#ifndef _DEVICE_H
#define _DEVICE_H

#include <bug.h>
#include <gfp.h>
#include <list.h>
#include <printk.h>
#include <spinlock.h>
#include <types.h>

struct device;
struct device_driver;
struct seq_file;

struct bus_type {
	const char *name; /* "pci" */
	/* Does the driver want the device?  1 yes, 0 no. */
	int (*match)(struct device *dev, struct device_driver *drv);
	int (*probe)(struct device *dev); /* calls the driver's probe */
	void (*remove)(struct device *dev); /* calls the driver's remove */
	struct list_head devices; /* device.bus_node */
	struct list_head drivers; /* device_driver.bus_node */
	struct list_head bus_node; /* on the list of buses */
};

struct device_driver {
	const char *name; /* "edu" */
	struct bus_type *bus;
	int (*probe)(struct device *dev); /* for buses without their own */
	void (*remove)(struct device *dev);
	bool suppress_bind_attrs; /* no unbind (a disk with its cache) */
	struct list_head bus_node; /* on bus->drivers */
};

struct device {
	struct device *parent; /* the bridge or bus device above, or NULL */
	char name[24]; /* dev_name(): "0000:00:04.0" */
	struct bus_type *bus;
	struct device_driver *driver; /* bound driver, or NULL */
	void *driver_data; /* the driver's state (dev_set_drvdata) */
	u64 *dma_mask; /* streaming DMA reach (dma_set_mask); NULL: no DMA */
	u64 coherent_dma_mask; /* dma_alloc_coherent()'s reach */
	struct list_head devres_head; /* managed resources, oldest first */
	spinlock_t devres_lock; /* devres_head */
	struct list_head dma_pools; /* dma_pool_create()'s pools */
	struct list_head bus_node; /* on bus->devices */
	u32 busy; /* 1 while a probe or remove runs (xchg32) */
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}

/* What dev_printk() prints before the name: the driver's, else the bus's. */
const char *dev_driver_string(const struct device *dev);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

/* "edu 0000:00:04.0: message", at the given level. */
__printf(3, 4) void dev_printk(const char *level, const struct device *dev,
			       const char *fmt, ...);
#define dev_err(dev, fmt, ...) dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) \
	dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) \
	dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
/* A WARN whose message names the driver and the device, as Linux's. */
#define dev_WARN(dev, format, ...)                                       \
	WARN(1, "%s %s: " format, dev_driver_string(dev), dev_name(dev), \
	     ##__VA_ARGS__)

/* --- devices and drivers (drivers/base/core.c, bus.c, dd.c) ------------- */

void device_initialize(struct device *dev);
__printf(2, 3) void dev_set_name(struct device *dev, const char *fmt, ...);
/* Put the device on its bus and bind a matching driver, if there is one. */
int device_add(struct device *dev);
/* Unbind and take the device off its bus. */
void device_del(struct device *dev);

int bus_register(struct bus_type *bus);
void bus_unregister(struct bus_type *bus);
/* The device called `name` on the bus, or NULL. */
struct device *bus_find_device_by_name(struct bus_type *bus, const char *name);
/* Call fn on each device of the bus until it returns non-zero. */
int bus_for_each_dev(struct bus_type *bus, void *data,
		     int (*fn)(struct device *dev, void *data));
/* The first registered bus called `name`, or NULL. */
struct bus_type *bus_find_by_name(const char *name);

/* Register a driver and bind it to every matching device. */
int driver_register(struct device_driver *drv);
/* Unbind it from every device, then forget it. */
void driver_unregister(struct device_driver *drv);
struct device_driver *driver_find(const char *name, struct bus_type *bus);

/*
 * Bind `dev` to `drv` now (the shell's `bind`): 0, -EBUSY if bound,
 * -ENODEV if they do not match, or what probe() returned.
 */
int device_driver_attach(struct device_driver *drv, struct device *dev);
/* Bind `dev` to the first matching driver: 1 bound, 0 none, < 0 error. */
int device_attach(struct device *dev);
/* Unbind: remove(), then the devres list, newest first. */
void device_release_driver(struct device *dev);

/* --- devres (drivers/base/devres.c) ------------------------------------- */

typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);
/* Describes one managed resource for the `devres` view (may be NULL). */
typedef void (*dr_show_t)(struct seq_file *m, void *res);

/*
 * A managed resource of `size` bytes of data, released by `release`; the
 * name (the release function's, as Linux) is what the logs and the view
 * print.  NULL if there is no memory.
 */
void *__devres_alloc(dr_release_t release, size_t size, gfp_t gfp,
		     const char *name);
#define devres_alloc(release, size, gfp) \
	__devres_alloc(release, size, gfp, #release)
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
void devres_set_show(void *res, dr_show_t show);
/* The newest resource with this release function that match() accepts. */
void *devres_find(struct device *dev, dr_release_t release, dr_match_t match,
		  void *match_data);
/* Find it, unlink it and free it without releasing: 0 or -ENOENT. */
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data);
/* Find it, unlink it, release it and free it: 0 or -ENOENT. */
int devres_release(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data);
/* Release everything, newest first; returns how many. */
int devres_release_all(struct device *dev);
/* Managed resources of dev, and a view of them ("devres" command). */
unsigned int devres_count(struct device *dev);
void devres_show(struct seq_file *m, struct device *dev);
/* Print "DEVRES ADD/REL/DEL" lines, as Linux with devres.log=1. */
extern bool devres_log;

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | GFP_ZERO);
}
void devm_kfree(struct device *dev, const void *p);
/* Call action(data) at release; on failure to register, call it now. */
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data);
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
/* ioremap() undone at release. */
void *devm_ioremap(struct device *dev, phys_addr_t offset, unsigned long size);
void devm_iounmap(struct device *dev, void *addr);
/* request_mem_region() undone at release. */
struct resource *devm_request_mem_region(struct device *dev, phys_addr_t start,
					 phys_addr_t n, const char *name);

#endif /* _DEVICE_H */
