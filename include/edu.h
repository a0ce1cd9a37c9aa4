/* SPDX-License-Identifier: GPL-2.0 */
/*
 * edu.h - the driver for QEMU's educational PCI device (`-device edu`,
 * 1234:11e8; QEMU's docs/specs/edu.rst), drivers/misc/edu.c.
 *
 * The device has one memory BAR of 1 MB with a few 32-bit registers, a
 * factorial unit that computes in the background and can interrupt when
 * done, and a DMA engine that copies between RAM and a 4 KB buffer inside
 * the device (at device address 0x40000).  Its DMA engine puts only 28
 * address bits on the bus unless QEMU is told otherwise
 * (`-device edu,dma_mask=0xffffffff`, then boot with `edu.dma_bits=32`).
 *
 * What the driver offers the shell, the demo and the tests, for each bound
 * device (edu_get(0) is the first):
 *
 *	err = edu_factorial(edu, 10, &result, 0);	// 3628800, by interrupt
 *	handle = dma_map_single(edu_dev(edu), buf, len, DMA_TO_DEVICE);
 *	err = edu_dma(edu, handle, 0, len, DMA_TO_DEVICE, 0);	// RAM -> device
 *	dma_unmap_single(edu_dev(edu), handle, len, DMA_TO_DEVICE);
 */
#ifndef _EDU_H
#define _EDU_H

#include <completion.h>
#include <dma-direction.h>
#include <list.h>
#include <types.h>

#define EDU_BUF_SIZE 4096 /* the device's DMA buffer */
/*
 * A transfer must end before the buffer's last byte: QEMU 7.2's edu
 * checks the range off by one and stops the whole machine (hw_error) for
 * a DMA that ends exactly at the end of its buffer.  edu_dma() refuses
 * one with -EINVAL instead.
 */
#define EDU_DMA_END (EDU_BUF_SIZE - 1)
#define EDU_DEFAULT_DMA_BITS 28 /* what the device reaches by default */

/* edu_factorial() and edu_dma() flags. */
#define EDU_POLL 0x1 /* poll the status register instead of the interrupt */

struct pci_dev;
struct device;
struct dma_pool;

struct edu_device {
	struct pci_dev *pdev;
	void *mmio; /* BAR 0, mapped uncached */
	unsigned int index; /* edu_get(index) */
	u32 version; /* the identification register: 0xMMmm00ed */
	unsigned int dma_bits; /* the DMA mask the driver set */
	struct completion fact_done; /* the factorial interrupt came */
	struct completion dma_done; /* the DMA interrupt came */
	struct completion raise_done; /* an interrupt raised by edu_raise_irq */
	u32 busy; /* one operation at a time (xchg) */
	void *coherent; /* a managed 4 KB coherent buffer */
	dma_addr_t coherent_dma;
	struct dma_pool *pool; /* managed 64-byte coherent blocks */
	unsigned long irqs_handled; /* interrupts this device raised */
	unsigned long irqs_foreign; /* interrupts on its line that were not its */
	u32 last_irq_status; /* what the handler last read */
	struct list_head list; /* on the list of bound edu devices */
};

/* The n-th bound edu device, or NULL. */
struct edu_device *edu_get(unsigned int n);
/* Its struct device, for the DMA API. */
struct device *edu_dev(struct edu_device *edu);
/* Is an edu device on the bus at all (bound or not)? */
bool edu_present(void);

/* n! computed by the device (32 bits, wrapping): 0, -ETIMEDOUT, -EBUSY. */
int edu_factorial(struct edu_device *edu, u32 n, u32 *result,
		  unsigned int flags);
/*
 * One DMA between RAM at `ram` (a bus address: what the DMA API
 * returned, or a raw physical address for the demo) and the device's
 * buffer at `dev_off`: DMA_TO_DEVICE copies RAM -> device, DMA_FROM_DEVICE
 * device -> RAM.  0, -EINVAL (not inside the first EDU_DMA_END bytes of
 * the buffer), -ETIMEDOUT, -EBUSY.
 */
int edu_dma(struct edu_device *edu, dma_addr_t ram, u32 dev_off, size_t len,
	    enum dma_data_direction dir, unsigned int flags);
/* Raise interrupt bits by hand (the raise register), wait for the handler. */
int edu_raise_irq(struct edu_device *edu, u32 bits);
/* Write, then read back the liveness register: the device inverts it. */
bool edu_alive(struct edu_device *edu, u32 value);

/* Fault injection: fail the next probe at this step (0: never). */
extern int edu_probe_fail_step;

#endif /* _EDU_H */
