// SPDX-License-Identifier: GPL-2.0
/*
 * devres.c - device-managed resources (Linux's drivers/base/devres.c and
 * the devm_ioremap() of lib/devres.c).
 *
 * Every devm_ function allocates a small record (a devres) that holds what
 * it took (the memory itself for devm_kmalloc, the mapped address for
 * devm_ioremap, the line and dev_id for devm_request_irq) and the function
 * that gives it back, and appends it to the device's list.  When the
 * driver unbinds, or its probe fails, devres_release_all() walks the list
 * from the newest record to the oldest and releases each: the reverse of
 * the order of acquisition, which is the order a hand-written error path
 * would use (the interrupt handler goes before the registers it reads are
 * unmapped, the registers before the memory that held their address).
 *
 * The list is changed under dev->devres_lock, but the release functions
 * run without it (they may wait: free_irq() waits for a running handler).
 * With `devres.log` each record added, released or dropped is logged as
 * Linux's "DEVRES ADD/REL/DEL" lines; the `devres` command shows a list.
 */
#include <device.h>
#include <errno.h>
#include <ioport.h>
#include <kernel.h>
#include <params.h>
#include <seq_file.h>
#include <slab.h>
#include <vmalloc.h>

struct devres_node {
	struct list_head entry; /* on dev->devres_head, oldest first */
	dr_release_t release; /* gives the resource back */
	const char *name; /* the release function's name */
	size_t size; /* bytes of data, for the log */
	dr_show_t show; /* describes the data in the view, or NULL */
};

struct devres {
	struct devres_node node;
	u8 data[] __aligned(8); /* the resource's own record */
};

bool devres_log;

static int __init devres_log_setup(char *arg)
{
	devres_log = true;
	return 0;
}
early_param("devres.log", devres_log_setup);

static void devres_log_op(struct device *dev, struct devres_node *node,
			  const char *op)
{
	if (devres_log)
		dev_info(dev, "DEVRES %3s %p %s (%zu bytes)\n", op, node,
			 node->name, node->size);
}

static struct devres *to_devres(void *res)
{
	return container_of(res, struct devres, data);
}

void *__devres_alloc(dr_release_t release, size_t size, gfp_t gfp,
		     const char *name)
{
	struct devres *dr = kmalloc(sizeof(*dr) + size, gfp | GFP_ZERO);

	if (!dr)
		return NULL;
	INIT_LIST_HEAD(&dr->node.entry);
	dr->node.release = release;
	dr->node.name = name;
	dr->node.size = size;
	return dr->data;
}

void devres_free(void *res)
{
	if (res) {
		WARN_ON(!list_empty(&to_devres(res)->node.entry));
		kfree(to_devres(res));
	}
}

void devres_set_show(void *res, dr_show_t show)
{
	to_devres(res)->node.show = show;
}

void devres_add(struct device *dev, void *res)
{
	struct devres *dr = to_devres(res);
	unsigned long flags;

	devres_log_op(dev, &dr->node, "ADD");
	spin_lock_irqsave(&dev->devres_lock, flags);
	list_add_tail(&dr->node.entry, &dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}

/* The newest matching record; the caller holds devres_lock. */
static struct devres *find_dr(struct device *dev, dr_release_t release,
			      dr_match_t match, void *match_data)
{
	struct list_head *pos;

	for (pos = dev->devres_head.prev; pos != &dev->devres_head;
	     pos = pos->prev) {
		struct devres *dr =
			container_of(pos, struct devres, node.entry);

		if (dr->node.release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		return dr;
	}
	return NULL;
}

void *devres_find(struct device *dev, dr_release_t release, dr_match_t match,
		  void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}

static struct devres *devres_remove(struct device *dev, dr_release_t release,
				    dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	if (dr)
		list_del_init(&dr->node.entry);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr;
}

int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data)
{
	struct devres *dr = devres_remove(dev, release, match, match_data);

	if (!dr)
		return -ENOENT;
	devres_log_op(dev, &dr->node, "DEL");
	kfree(dr);
	return 0;
}

int devres_release(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data)
{
	struct devres *dr = devres_remove(dev, release, match, match_data);

	if (!dr)
		return -ENOENT;
	devres_log_op(dev, &dr->node, "REL");
	dr->node.release(dev, dr->data);
	kfree(dr);
	return 0;
}

int devres_release_all(struct device *dev)
{
	unsigned long flags;
	int count = 0;

	if (!dev->devres_head.next)
		return -ENODEV; /* never initialised */
	for (;;) {
		struct devres *dr = NULL;

		spin_lock_irqsave(&dev->devres_lock, flags);
		if (!list_empty(&dev->devres_head)) {
			dr = list_last_entry(&dev->devres_head, struct devres,
					     node.entry);
			list_del_init(&dr->node.entry);
		}
		spin_unlock_irqrestore(&dev->devres_lock, flags);
		if (!dr)
			return count;
		devres_log_op(dev, &dr->node, "REL");
		dr->node.release(dev, dr->data);
		kfree(dr);
		count++;
	}
}

unsigned int devres_count(struct device *dev)
{
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&dev->devres_lock, flags);
	n = (unsigned int)list_count_nodes(&dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return n;
}

/**
 * devres_show - a device's managed resources, oldest first
 *
 * One line each: its place in the list, the release function's name, the
 * size of its record, and what it holds; unbinding releases them from the
 * bottom of the list up.
 */
void devres_show(struct seq_file *m, struct device *dev)
{
	struct devres *dr;
	unsigned long flags;
	unsigned int i = 0;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_for_each_entry(dr, &dev->devres_head, node.entry) {
		seq_printf(m, "%3u  %-20s %4zu  ", ++i, dr->node.name,
			   dr->node.size);
		if (dr->node.show)
			dr->node.show(m, dr->data);
		seq_putc(m, '\n');
	}
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}

/* --- devm_kmalloc: the record is the memory ------------------------------ */

static void devm_kmalloc_release(struct device *dev, void *res)
{
	/* The memory is the record's data: freeing the record frees it. */
}

static void devm_kmalloc_show(struct seq_file *m, void *res)
{
	seq_printf(m, "memory at %p", res);
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	void *p = devres_alloc(devm_kmalloc_release, size, gfp);

	if (!p)
		return NULL;
	devres_set_show(p, devm_kmalloc_show);
	devres_add(dev, p);
	return p;
}

static int devm_kmalloc_match(struct device *dev, void *res, void *data)
{
	return res == data;
}

void devm_kfree(struct device *dev, const void *p)
{
	WARN_ON(devres_destroy(dev, devm_kmalloc_release, devm_kmalloc_match,
			       (void *)p));
}

/* --- devm_add_action: any undo function ---------------------------------- */

struct action_devres {
	void *data;
	void (*action)(void *data);
};

static void devm_action_release(struct device *dev, void *res)
{
	struct action_devres *devres = res;

	devres->action(devres->data);
}

static int devm_action_match(struct device *dev, void *res, void *p)
{
	struct action_devres *devres = res, *target = p;

	return devres->action == target->action && devres->data == target->data;
}

static void devm_action_show(struct seq_file *m, void *res)
{
	struct action_devres *devres = res;

	seq_printf(m, "%pS(%p)", devres->action, devres->data);
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres *devres =
		devres_alloc(devm_action_release, sizeof(*devres), GFP_KERNEL);

	if (!devres)
		return -ENOMEM;
	devres->data = data;
	devres->action = action;
	devres_set_show(devres, devm_action_show);
	devres_add(dev, devres);
	return 0;
}

int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data)
{
	int ret = devm_add_action(dev, action, data);

	if (ret)
		action(data);
	return ret;
}

void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres devres = { .data = data, .action = action };

	WARN_ON(devres_destroy(dev, devm_action_release, devm_action_match,
			       &devres));
}

/* --- devm_ioremap and devm_request_mem_region ---------------------------- */

struct ioremap_devres {
	void *addr; /* what ioremap() returned */
	phys_addr_t phys; /* what it maps */
	unsigned long size;
};

static void devm_ioremap_release(struct device *dev, void *res)
{
	iounmap(((struct ioremap_devres *)res)->addr);
}

static int devm_ioremap_match(struct device *dev, void *res, void *addr)
{
	return ((struct ioremap_devres *)res)->addr == addr;
}

static void devm_ioremap_show(struct seq_file *m, void *res)
{
	struct ioremap_devres *dr = res;

	seq_printf(m, "%p -> [mem %#010llx-%#010llx]", dr->addr, dr->phys,
		   dr->phys + dr->size - 1);
}

void *devm_ioremap(struct device *dev, phys_addr_t offset, unsigned long size)
{
	struct ioremap_devres *dr =
		devres_alloc(devm_ioremap_release, sizeof(*dr), GFP_KERNEL);

	if (!dr)
		return NULL;
	dr->addr = ioremap(offset, size);
	if (!dr->addr) {
		devres_free(dr);
		return NULL;
	}
	dr->phys = offset;
	dr->size = size;
	devres_set_show(dr, devm_ioremap_show);
	devres_add(dev, dr);
	return dr->addr;
}

void devm_iounmap(struct device *dev, void *addr)
{
	WARN_ON(devres_release(dev, devm_ioremap_release, devm_ioremap_match,
			       addr));
}

struct region_devres {
	struct resource *parent;
	phys_addr_t start;
	phys_addr_t n;
};

static void devm_region_release(struct device *dev, void *res)
{
	struct region_devres *dr = res;

	__release_region(dr->parent, dr->start, dr->n);
}

static void devm_region_show(struct seq_file *m, void *res)
{
	struct region_devres *dr = res;

	seq_printf(m, "[mem %#010llx-%#010llx]", dr->start,
		   dr->start + dr->n - 1);
}

struct resource *devm_request_mem_region(struct device *dev, phys_addr_t start,
					 phys_addr_t n, const char *name)
{
	struct region_devres *dr =
		devres_alloc(devm_region_release, sizeof(*dr), GFP_KERNEL);
	struct resource *res;

	if (!dr)
		return NULL;
	res = request_mem_region(start, n, name);
	if (!res) {
		devres_free(dr);
		return NULL;
	}
	*dr = (struct region_devres){ &iomem_resource, start, n };
	devres_set_show(dr, devm_region_show);
	devres_add(dev, dr);
	return res;
}
