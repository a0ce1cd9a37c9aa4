// SPDX-License-Identifier: GPL-2.0
/*
 * edu.c - a driver for QEMU's educational PCI device (1234:11e8), the
 * device QEMU ships for exactly this lesson (docs/specs/edu.rst).
 *
 * Registers (BAR 0, 32-bit accesses):
 *	0x00 identification, 0xMMmm00ed	0x04 liveness: reads back inverted
 *	0x08 factorial: write n, read n!	0x20 status: bit 0 computing,
 *	0x24 interrupt status			     bit 7 interrupt when done
 *	0x60 raise interrupt (bits)		0x64 acknowledge interrupt (bits)
 *	0x80 DMA source, 0x88 destination, 0x90 count, 0x98 command:
 *	     bit 0 start, bit 1 device -> RAM, bit 2 interrupt when done
 * The device's own buffer is 4 KB at device address 0x40000 (a transfer
 * must end before its last byte: edu.h says why).  Interrupt status bit 0
 * is the factorial's, bit 8 the DMA's.
 *
 * Probe uses only managed resources, so unbinding (or a probe failing
 * half-way) undoes them in reverse order without an error path: the
 * device structure, enabling the device, its BAR claimed and mapped, the
 * DMA mask, bus mastering, a coherent buffer and a DMA pool, the shared
 * interrupt line, its place on the driver's list.  Each step can be made
 * to fail on purpose (edu.fail_probe=N, or edu_probe_fail_step) so that
 * the tests can watch the release.
 *
 * INTx, not MSI: the device offers both; the PCI interrupt line reaches
 * the 8259A PIC (virtual-wire mode) level-triggered and possibly shared,
 * which is the lesson (IRQF_SHARED, IRQ_NONE, acknowledging before the
 * EOI).  MSI would need the local APIC's message address and a vector of
 * its own.  docs/design.md says more.
 *
 * Ordering: the registers are written with the _relaxed accessors (one
 * device's registers are ordered among themselves anyway) and the one
 * write that starts the work is preceded by wmb(): everything the CPU put
 * in RAM for the device is there before the device can look.  Completion
 * comes by interrupt (complete()/wait_for_completion: a release/acquire
 * pair orders the handler's reads before the waiter's) or, with EDU_POLL,
 * by polling the status register with readl_relaxed() followed by rmb():
 * the data in RAM is read only after the status that says it is there.
 */
#include <asm/atomic.h>
#include <asm/barrier.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <cmdline.h>
#include <dma-mapping.h>
#include <dmapool.h>
#include <edu.h>
#include <errno.h>
#include <init.h>
#include <interrupt.h>
#include <kernel.h>
#include <params.h>
#include <pci.h>
#include <printk.h>
#include <time.h>

#define PCI_DEVICE_ID_QEMU_EDU 0x11e8

#define EDU_REG_ID 0x00
#define EDU_REG_ALIVE 0x04
#define EDU_REG_FACT 0x08
#define EDU_REG_STATUS 0x20
#define EDU_STATUS_COMPUTING 0x01
#define EDU_STATUS_IRQFACT 0x80
#define EDU_REG_IRQ_STATUS 0x24
#define EDU_REG_IRQ_RAISE 0x60
#define EDU_REG_IRQ_ACK 0x64
#define EDU_REG_DMA_SRC 0x80
#define EDU_REG_DMA_DST 0x88
#define EDU_REG_DMA_COUNT 0x90
#define EDU_REG_DMA_CMD 0x98
#define EDU_DMA_RUN 0x1
#define EDU_DMA_TO_RAM 0x2 /* direction: the device's buffer -> RAM */
#define EDU_DMA_IRQ 0x4
#define EDU_BUF_ADDR 0x40000 /* the device's buffer, as its DMA sees it */
#define EDU_FACT_IRQ 0x00000001
#define EDU_DMA_IRQ_BIT 0x00000100
#define EDU_ID_MAGIC 0xed
#define EDU_TIMEOUT (5 * HZ) /* a DMA takes 100 ms of QEMU's clock */

static unsigned int edu_dma_bits = EDU_DEFAULT_DMA_BITS;
int edu_probe_fail_step;
static LIST_HEAD(edu_devices);
static DEFINE_SPINLOCK(edu_lock);
static unsigned int edu_next_index;

static int __init edu_dma_bits_setup(char *arg)
{
	unsigned long bits;

	if (!arg || kstrtoul(arg, 0, &bits) || bits < 24 || bits > 32)
		return -EINVAL;
	edu_dma_bits = (unsigned int)bits;
	return 0;
}
early_param("edu.dma_bits", edu_dma_bits_setup);

static int __init edu_fail_probe_setup(char *arg)
{
	unsigned long step;

	if (!arg || kstrtoul(arg, 0, &step))
		return -EINVAL;
	edu_probe_fail_step = (int)step;
	return 0;
}
early_param("edu.fail_probe", edu_fail_probe_setup);

static u32 edu_read(struct edu_device *edu, unsigned int reg)
{
	return readl((char *)edu->mmio + reg);
}

static void edu_write(struct edu_device *edu, unsigned int reg, u32 val)
{
	writel(val, (char *)edu->mmio + reg);
}

static bool edu_trylock(struct edu_device *edu)
{
	return !xchg32(&edu->busy, 1);
}

static void edu_unlock(struct edu_device *edu)
{
	smp_store_release(&edu->busy, 0);
}

/*
 * The line may be shared: an interrupt status of 0 means another device
 * asked, and the handler says IRQ_NONE.  Acknowledging lowers the line,
 * which must happen before the PIC's EOI or the level-triggered line
 * would interrupt again at once.
 */
static irqreturn_t edu_irq(int irq, void *dev_id)
{
	struct edu_device *edu = dev_id;
	u32 status = edu_read(edu, EDU_REG_IRQ_STATUS);

	if (!status) {
		edu->irqs_foreign++;
		return IRQ_NONE;
	}
	edu_write(edu, EDU_REG_IRQ_ACK, status);
	edu->irqs_handled++;
	edu->last_irq_status = status;
	if (status & EDU_FACT_IRQ)
		complete(&edu->fact_done);
	if (status & EDU_DMA_IRQ_BIT)
		complete(&edu->dma_done);
	if (status & ~(EDU_FACT_IRQ | EDU_DMA_IRQ_BIT))
		complete(&edu->raise_done);
	return IRQ_HANDLED;
}

/* Poll until (reg & bits) == 0: 0, or -ETIMEDOUT. */
static int edu_poll_clear(struct edu_device *edu, unsigned int reg, u32 bits)
{
	u64 deadline = jiffies + EDU_TIMEOUT;

	while (readl_relaxed((char *)edu->mmio + reg) & bits) {
		if (jiffies >= deadline)
			return -ETIMEDOUT;
		cpu_relax();
	}
	/* The status said done: whatever we read next is read after it. */
	rmb();
	return 0;
}

bool edu_alive(struct edu_device *edu, u32 value)
{
	edu_write(edu, EDU_REG_ALIVE, value);
	return edu_read(edu, EDU_REG_ALIVE) == ~value;
}

int edu_factorial(struct edu_device *edu, u32 n, u32 *result,
		  unsigned int flags)
{
	int ret = 0;

	if (!edu_trylock(edu))
		return -EBUSY;
	reinit_completion(&edu->fact_done);
	/* Ask for the interrupt first: both writes reach the device in order. */
	edu_write(edu, EDU_REG_STATUS,
		  flags & EDU_POLL ? 0 : EDU_STATUS_IRQFACT);
	edu_write(edu, EDU_REG_FACT, n);
	if (flags & EDU_POLL)
		ret = edu_poll_clear(edu, EDU_REG_STATUS, EDU_STATUS_COMPUTING);
	else if (!wait_for_completion_timeout(&edu->fact_done, EDU_TIMEOUT))
		ret = -ETIMEDOUT;
	if (!ret)
		*result = edu_read(edu, EDU_REG_FACT);
	edu_write(edu, EDU_REG_STATUS, 0);
	edu_unlock(edu);
	return ret;
}

int edu_dma(struct edu_device *edu, dma_addr_t ram, u32 dev_off, size_t len,
	    enum dma_data_direction dir, unsigned int flags)
{
	bool to_ram = dir == DMA_FROM_DEVICE;
	char *regs = edu->mmio;
	int ret = 0;

	if (!len || dev_off >= EDU_DMA_END || len > EDU_DMA_END - dev_off ||
	    (dir != DMA_TO_DEVICE && dir != DMA_FROM_DEVICE))
		return -EINVAL;
	if (!edu_trylock(edu))
		return -EBUSY;
	reinit_completion(&edu->dma_done);
	writel_relaxed(to_ram ? EDU_BUF_ADDR + dev_off : ram,
		       regs + EDU_REG_DMA_SRC);
	writel_relaxed(to_ram ? ram : EDU_BUF_ADDR + dev_off,
		       regs + EDU_REG_DMA_DST);
	writel_relaxed((u32)len, regs + EDU_REG_DMA_COUNT);
	/*
	 * The buffer the CPU filled (or the bounce slot the DMA layer filled)
	 * must be in memory before the device is told to read it.
	 */
	wmb();
	writel_relaxed(EDU_DMA_RUN | (to_ram ? EDU_DMA_TO_RAM : 0) |
			       (flags & EDU_POLL ? 0 : EDU_DMA_IRQ),
		       regs + EDU_REG_DMA_CMD);
	if (flags & EDU_POLL)
		ret = edu_poll_clear(edu, EDU_REG_DMA_CMD, EDU_DMA_RUN);
	else if (!wait_for_completion_timeout(&edu->dma_done, EDU_TIMEOUT))
		ret = -ETIMEDOUT;
	edu_unlock(edu);
	return ret;
}

int edu_raise_irq(struct edu_device *edu, u32 bits)
{
	reinit_completion(&edu->raise_done);
	edu_write(edu, EDU_REG_IRQ_RAISE, bits);
	return wait_for_completion_timeout(&edu->raise_done, EDU_TIMEOUT) ?
		       0 :
		       -ETIMEDOUT;
}

struct device *edu_dev(struct edu_device *edu)
{
	return &edu->pdev->dev;
}

struct edu_device *edu_get(unsigned int n)
{
	struct edu_device *edu, *found = NULL;

	spin_lock(&edu_lock);
	list_for_each_entry(edu, &edu_devices, list) {
		if (!n--) {
			found = edu;
			break;
		}
	}
	spin_unlock(&edu_lock);
	return found;
}

bool edu_present(void)
{
	return pci_get_device(PCI_VENDOR_ID_QEMU, PCI_DEVICE_ID_QEMU_EDU,
			      NULL) != NULL;
}

static void edu_unlist(void *data)
{
	struct edu_device *edu = data;

	spin_lock(&edu_lock);
	list_del(&edu->list);
	spin_unlock(&edu_lock);
}

/* Fault injection: is this the probe step that must fail? */
static bool edu_fail_at(struct pci_dev *pdev, int step)
{
	if (edu_probe_fail_step != step)
		return false;
	edu_probe_fail_step = 0;
	dev_info(&pdev->dev,
		 "probe: failing at step %d on purpose (edu.fail_probe)\n",
		 step);
	return true;
}

/* Identification and liveness: is this really an edu device, and awake? */
static int edu_check(struct edu_device *edu)
{
	struct device *dev = edu_dev(edu);

	edu->version = edu_read(edu, EDU_REG_ID);
	if ((edu->version & 0xff) != EDU_ID_MAGIC) {
		dev_err(dev, "unexpected identification %#010x\n",
			edu->version);
		return -ENODEV;
	}
	if (!edu_alive(edu, 0x12345678)) {
		dev_err(dev, "liveness check failed\n");
		return -EIO;
	}
	return 0;
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct device *dev = &pdev->dev;
	struct edu_device *edu;
	int err;

	edu = devm_kzalloc(dev, sizeof(*edu), GFP_KERNEL);
	if (!edu || edu_fail_at(pdev, 1))
		return -ENOMEM;
	edu->pdev = pdev;
	init_completion(&edu->fact_done);
	init_completion(&edu->dma_done);
	init_completion(&edu->raise_done);
	err = pcim_enable_device(pdev);
	if (err || edu_fail_at(pdev, 2))
		return err ?: -EIO;
	edu->mmio = pcim_iomap_region(pdev, 0, "edu");
	if (!edu->mmio || edu_fail_at(pdev, 3))
		return -EBUSY;
	err = edu_check(edu);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(edu_dma_bits));
	if (err || edu_fail_at(pdev, 4)) {
		dev_err(dev, "No usable DMA configuration\n");
		return -EIO;
	}
	edu->dma_bits = edu_dma_bits;
	pci_set_master(pdev);
	edu->coherent = dmam_alloc_coherent(dev, EDU_BUF_SIZE,
					    &edu->coherent_dma, GFP_KERNEL);
	if (!edu->coherent || edu_fail_at(pdev, 5))
		return -ENOMEM;
	edu->pool = dmam_pool_create("edu-blocks", dev, 64, 64, 0);
	if (!edu->pool || edu_fail_at(pdev, 6))
		return -ENOMEM;
	err = devm_request_irq(dev, pdev->irq, edu_irq, IRQF_SHARED, "edu",
			       edu);
	if (err || edu_fail_at(pdev, 7))
		return err ?: -EIO;

	spin_lock(&edu_lock);
	edu->index = edu_next_index++;
	list_add_tail(&edu->list, &edu_devices);
	spin_unlock(&edu_lock);
	err = devm_add_action_or_reset(dev, edu_unlist, edu);
	if (err || edu_fail_at(pdev, 8))
		return err ?: -EIO;
	pci_set_drvdata(pdev, edu);
	dev_info(dev, "version %u.%u, DMA mask %u bits, IRQ %u\n",
		 edu->version >> 24, (edu->version >> 16) & 0xff, edu->dma_bits,
		 pdev->irq);
	return 0;
}

/* Everything else is managed; the device must only be idle. */
static void edu_remove(struct pci_dev *pdev)
{
	struct edu_device *edu = pci_get_drvdata(pdev);

	while (READ_ONCE(edu->busy))
		cpu_relax(); /* an operation on another CPU finishes */
	edu_write(edu, EDU_REG_STATUS, 0);
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, PCI_DEVICE_ID_QEMU_EDU) },
	{}
};

static struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};

static int __init edu_init(void)
{
	int err = pci_register_driver(&edu_driver);

	if (err)
		return err;
	if (!edu_present())
		pr_info("edu: no device (1234:11e8) on the PCI bus: boot QEMU with -device edu\n");
	return 0;
}
device_initcall(edu_init);
