// SPDX-License-Identifier: GPL-2.0
/*
 * devres.c - interrupt handlers that go away with their driver (Linux's
 * kernel/irq/devres.c): devm_request_irq() records the line and dev_id, and
 * the driver's unbind calls free_irq() for it, before the driver's memory
 * and mappings (which the handler uses) are released.
 */
#include <device.h>
#include <errno.h>
#include <interrupt.h>
#include <seq_file.h>

struct irq_devres {
	unsigned int irq;
	void *dev_id;
};

static void devm_irq_release(struct device *dev, void *res)
{
	struct irq_devres *this = res;

	free_irq(this->irq, this->dev_id);
}

static int devm_irq_match(struct device *dev, void *res, void *data)
{
	struct irq_devres *this = res, *match = data;

	return this->irq == match->irq && this->dev_id == match->dev_id;
}

static void devm_irq_show(struct seq_file *m, void *res)
{
	struct irq_devres *this = res;

	seq_printf(m, "IRQ %u, dev_id %p", this->irq, this->dev_id);
}

int devm_request_irq(struct device *dev, unsigned int irq,
		     irq_handler_t handler, unsigned long irqflags,
		     const char *devname, void *dev_id)
{
	struct irq_devres *dr;
	int rc;

	dr = devres_alloc(devm_irq_release, sizeof(*dr), GFP_KERNEL);
	if (!dr)
		return -ENOMEM;
	rc = request_irq(irq, handler, irqflags, devname ?: dev_name(dev),
			 dev_id);
	if (rc) {
		dev_err(dev, "error -%d requesting IRQ %u (%s)\n", -rc, irq,
			devname);
		devres_free(dr);
		return rc;
	}
	dr->irq = irq;
	dr->dev_id = dev_id;
	devres_set_show(dr, devm_irq_show);
	devres_add(dev, dr);
	return 0;
}

void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id)
{
	struct irq_devres match = { irq, dev_id };

	WARN_ON(devres_release(dev, devm_irq_release, devm_irq_match, &match));
}
