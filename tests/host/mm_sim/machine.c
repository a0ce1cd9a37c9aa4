// SPDX-License-Identifier: GPL-2.0
/*
 * machine.c - the simulated PC: its RAM, its boot, and the two steps of
 * mm_core_init() that belong to arch/ (setup_memory() and mem_init()).
 *
 * sim_boot() powers the machine on: RAM is sized, the variables of mm/,
 * lib/ and the simulation's kernel side go back to what the program loaded
 * (sim_power_on(): the build links them into sections of their own), and
 * the kernel's own mm_core_init() runs: setup_memory() and mem_init()
 * below, then the buddy allocator's watermarks, per-CPU lists and
 * self-check, the slab allocator, vmalloc and kmap, exactly as at a real
 * boot.  Each fuzz input boots a fresh machine this way.
 *
 * The memory map is a PC's, as the kernel makes it of the e820 table: RAM
 * from page 1 to 636 KB and from 1 MB up, the low 64 KB reserved for the
 * BIOS and 1 MB at 1 MB for a kernel image that is not there (the host runs
 * the code).  Lowmem is what fits under MAXMEM, minus highmem= on a smaller
 * machine; the rest is highmem, as find_low_pfn_range() decides.  The
 * option checks and their messages stay the kernel's (arch/x86/mm/init.c).
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <slab.h>
#include <spinlock.h>
#include <string.h>

#include "host_os.h"
#include "sim.h"
#include "sim_internal.h"

#define LOW_RAM_END 0x9f000UL /* RAM below the ISA hole (636 KB) */
#define HIGH_RAM_START 0x100000UL /* RAM from 1 MB up */
#define BIOS_RESERVED 0x10000UL /* the low 64 KB, Linux's reserve_low */
#define IMAGE_SIZE 0x100000UL /* a stand-in for the kernel image */
#define MIN_RAM_MB 16

unsigned long max_low_pfn;
unsigned long max_pfn;
void *high_memory;
unsigned long __VMALLOC_RESERVE = VMALLOC_RESERVE_DEFAULT;

struct sim_machine sim_machine;
u64 sim_boot_mark;
unsigned long sim_fault_addr;
static int panic_catchers;

/* --- arch/x86/mm/init.c's part of mm_core_init() -------------------------- */

void __init setup_memory(void)
{
	unsigned long ram_end = sim_machine.ram_mb << 20;

	BUILD_BUG_ON(FIXADDR_TOP + PAGE_SIZE != HOST_KERNEL_END);
	max_pfn = ram_end >> PAGE_SHIFT;
	if (max_pfn > MAXMEM_PFN)
		max_low_pfn = MAXMEM_PFN;
	else
		max_low_pfn = max_pfn - (sim_machine.highmem_mb << 8);
	high_memory = __va(max_low_pfn << PAGE_SHIFT);
	pr_notice("%luMB HIGHMEM available.\n", (max_pfn - max_low_pfn) >> 8);
	pr_notice("%luMB LOWMEM available.\n", max_low_pfn >> 8);

	memblock_add(PAGE_SIZE, LOW_RAM_END - PAGE_SIZE);
	memblock_add(HIGH_RAM_START, ram_end - HIGH_RAM_START);
	memblock_reserve_named(0, BIOS_RESERVED, "BIOS low memory");
	memblock_reserve_named(HIGH_RAM_START, IMAGE_SIZE, "kernel image");
	memblock.current_limit = (phys_addr_t)max_low_pfn << PAGE_SHIFT;
	sim_paging_init();
	free_area_init();
}

void __init mem_init(void)
{
	memblock_free_all();
	pr_info("Memory: %luK available (%luK highmem)\n", nr_free_pages() << 2,
		totalhigh_pages() << 2);
}

/* --- power on ------------------------------------------------------------- */

/*
 * A machine the simulation can be.  Smaller than the kernel's highmem=
 * allows (it keeps 64 MB of lowmem): a fuzzer boots a machine for every
 * input, and 24 MB of lowmem with 8 MB of highmem boots in a fraction of
 * the time and has every zone.  The kernel's own option checks are tested
 * by its boots (tests/kernel/boot_options.checks).
 */
static int sim_machine_check(const struct sim_machine *m)
{
	unsigned long lowmem_mb = min(m->ram_mb, MAXMEM >> 20);

	if (m->ram_mb < MIN_RAM_MB || m->ram_mb > 4096 - 512)
		return -EINVAL;
	if (m->highmem_mb && (m->ram_mb > (MAXMEM >> 20) ||
			      lowmem_mb < m->highmem_mb + MIN_RAM_MB))
		return -EINVAL;
	return 0;
}

static void sim_boot_kernel(void *arg)
{
	const struct sim_machine *m = arg;

	spinlock_debug = true; /* recursion reported, not a hang: ktest's */
	if (m->slub_debug)
		slub_debug_set_default(m->slub_debug, "sim");
	min_free_kbytes = m->min_free_kbytes;
	_debug_pagealloc_enabled = m->debug_pagealloc;
	mm_core_init();
	system_running = true; /* might_sleep() checks from here on */
}

int sim_boot(const struct sim_machine *machine)
{
	struct sim_machine m = *machine;

	if (!m.ram_mb)
		m.ram_mb = 64;
	if (sim_machine_check(&m))
		return -EINVAL;
	if (host_kernel_range_error()) {
		host_write(2, host_kernel_range_error(),
			   strlen(host_kernel_range_error()));
		host_write(2, "\n", 1);
		return -ENOMEM;
	}
	if (host_ram_resize((unsigned long long)m.ram_mb << 20))
		return -ENOMEM;
	sim_power_on();
	sim_kernel_reset();
	sim_machine = m;
	sim_boot_mark = printk_mark();
	pr_info("sim: booting a %lu MB machine (highmem=%luM)\n", m.ram_mb,
		m.highmem_mb);
	return sim_catch_panic(sim_boot_kernel, &m);
}

/* --- panics and faults ---------------------------------------------------- */

int sim_catch_panic(void (*fn)(void *arg), void *arg)
{
	int ret;

	panic_catchers++;
	ret = host_try(fn, arg, 0);
	panic_catchers--;
	return ret ? -EIO : 0;
}

void sim_bail(void)
{
	if (panic_catchers)
		host_bail(-EIO);
	sim_dump_log(sim_boot_mark);
	host_abort();
}

struct sim_copy {
	void *dst;
	const void *src;
	size_t len;
};

static void sim_copy_bytes(void *arg)
{
	struct sim_copy *c = arg;

	memcpy(c->dst, c->src, c->len);
}

static int sim_copy(void *dst, const void *src, size_t len)
{
	struct sim_copy c = { dst, src, len };

	if (host_try(sim_copy_bytes, &c, 1) == HOST_TRY_FAULT) {
		sim_fault_addr = host_fault_addr;
		return -EFAULT;
	}
	return 0;
}

int sim_read(const void *addr, void *buf, size_t len)
{
	return sim_copy(buf, addr, len);
}

int sim_write(void *addr, const void *buf, size_t len)
{
	return sim_copy(addr, buf, len);
}
