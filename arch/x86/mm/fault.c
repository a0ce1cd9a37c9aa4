// SPDX-License-Identifier: GPL-2.0
/*
 * fault.c - page faults: expected ones are fixed up, the rest are explained.
 *
 * The kernel never maps memory on demand, so a page fault is either a probe
 * that expected it (get_kernel_nofault(): the exception table sends it to a
 * fixup) or a bug.  For a bug the report is Linux's ("BUG: unable to handle
 * page fault for address", the "#PF:" access and error-code lines, the page
 * table entries, the oops) plus one line that says what the address *is* in
 * this layout: a NULL pointer, the guard gap after lowmem, a vmalloc guard
 * page, an unmapped pkmap slot...  That line is the lesson: most kernel
 * memory bugs are an address in the wrong region.  Subsystems that know more
 * about their region (vmalloc, highmem) register an explainer that is asked
 * first.
 */
#include <asm/extable.h>
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/regions.h>
#include <asm/traps.h>
#include <fault.h>
#include <kernel.h>
#include <percpu.h>
#include <printk.h>
#include <sprintf.h>

#define MAX_FAULT_EXPLAINERS 8

extern char boot_stack_guard[];

static fault_explainer_t explainers[MAX_FAULT_EXPLAINERS];
unsigned long nr_fixed_up_faults;
DEFINE_PER_CPU(unsigned long, fixed_up_fault_address);

int register_fault_explainer(fault_explainer_t fn)
{
	for (int i = 0; i < MAX_FAULT_EXPLAINERS; i++) {
		if (!explainers[i]) {
			explainers[i] = fn;
			return 0;
		}
	}
	return -1;
}

static const char *fixmap_slot_name(unsigned int idx, char *buf, size_t size)
{
	if (idx >= FIX_KMAP_BEGIN && idx <= FIX_KMAP_END)
		snprintf(buf, size, "kmap_local slot %u of CPU %u",
			 (idx - FIX_KMAP_BEGIN) % KM_MAX_IDX,
			 (idx - FIX_KMAP_BEGIN) / KM_MAX_IDX);
	else if (idx >= FIX_BTMAP_BEGIN && idx <= FIX_BTMAP_END)
		snprintf(buf, size, "early boot slot %u",
			 idx - FIX_BTMAP_BEGIN);
	else if (idx == FIX_APIC_BASE)
		snprintf(buf, size, "the local APIC's registers");
	else
		snprintf(buf, size, "unused slot");
	return buf;
}

static void explain_lowmem(unsigned long addr, unsigned long err, char *buf,
			   size_t size)
{
	unsigned long guard = (unsigned long)boot_stack_guard;

	if (addr >= guard && addr < guard + PAGE_SIZE)
		snprintf(
			buf, size,
			"the unmapped guard page below the boot stack: a kernel stack overflow");
	else if (addr < PAGE_OFFSET + PAGE_SIZE)
		snprintf(
			buf, size,
			"physical page 0 is never mapped, even in the direct map");
	else if ((err & X86_PF_PROT) && (err & X86_PF_WRITE))
		snprintf(
			buf, size,
			"a write to a read-only page: kernel text and rodata are write-protected (CR0.WP)");
	else
		snprintf(
			buf, size,
			"the direct map of physical 0x%08lx, which should be mapped",
			__pa(addr));
}

/* The default explanation of a fault at addr in region r. */
static void explain_region(const struct region_info *r, unsigned long addr,
			   unsigned long err, char *buf, size_t size)
{
	char slot[32];

	switch (r->region) {
	case REGION_USER:
		if (addr < PAGE_SIZE)
			snprintf(
				buf, size,
				"page 0 is never mapped: a NULL pointer, or a small offset from one");
		else
			snprintf(
				buf, size,
				"nothing is mapped below PAGE_OFFSET: this kernel runs no user processes");
		break;
	case REGION_LOWMEM:
		explain_lowmem(addr, err, buf, size);
		break;
	case REGION_LOWMEM_GAP:
		snprintf(
			buf, size,
			"nothing is mapped in these 8 MB, so running off the end of the direct map faults; a highmem page has no address here: use kmap()");
		break;
	case REGION_VMALLOC:
		snprintf(buf, size, "not inside any vmalloc area");
		break;
	case REGION_PKMAP_GAP:
		snprintf(buf, size,
			 "the two unmapped pages between vmalloc and pkmap");
		break;
	case REGION_PKMAP:
		snprintf(buf, size,
			 "pkmap slot %lu is not mapped: kmap() the page first",
			 PKMAP_NR(addr));
		break;
	case REGION_FIXMAP:
		snprintf(buf, size, "fixmap %s is not mapped",
			 fixmap_slot_name(__virt_to_fix(addr), slot,
					  sizeof(slot)));
		break;
	case REGION_TOP_HOLE:
		snprintf(
			buf, size,
			"the last page of the address space (FIX_HOLE) is never mapped");
		break;
	default:
		snprintf(buf, size, "nothing is mapped here");
	}
}

void explain_address(unsigned long addr, unsigned long err, char *buf,
		     size_t size)
{
	struct region_info r = memlayout_region(addr);
	char why[200];
	bool done = false;

	for (int i = 0; i < MAX_FAULT_EXPLAINERS && !done; i++)
		if (explainers[i])
			done = explainers[i](addr, err, why, sizeof(why));
	if (!done)
		explain_region(&r, addr, err, why, sizeof(why));
	snprintf(buf, size, "%08lx is in %s [%08lx-%08lx]: %s", addr, r.name,
		 r.start, r.end - 1, why);
}

static void dump_pagetable(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);

	if (!pgd_present(*pgd) || pgd_large(*pgd)) {
		pr_alert("*pde = %08lx\n", *pgd);
		return;
	}
	pr_alert("*pde = %08lx *pte = %08lx\n", *pgd,
		 *pte_offset_kernel(pgd, addr));
}

static const char *access_kind(unsigned long err)
{
	if (err & X86_PF_INSTR)
		return "instruction fetch";
	return (err & X86_PF_WRITE) ? "write access" : "read access";
}

static const char *error_kind(unsigned long err)
{
	if (!(err & X86_PF_PROT))
		return "not-present page";
	if (err & X86_PF_RSVD)
		return "reserved bit violation";
	return "permissions violation";
}

void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	unsigned long err = regs->error_code;
	char why[320];

	if (fixup_exception(regs)) {
		nr_fixed_up_faults++;
		/* Which byte, for reports: this CPU's probe, not another's. */
		this_cpu_write(fixed_up_fault_address, address);
		return;
	}
	if (address < PAGE_SIZE)
		pr_alert(
			"BUG: kernel NULL pointer dereference, address: %08lx\n",
			address);
	else
		pr_alert(
			"BUG: unable to handle page fault for address: %08lx\n",
			address);
	pr_alert("#PF: %s %s in %s mode\n",
		 (err & X86_PF_USER) ? "user" : "supervisor", access_kind(err),
		 user_mode(regs) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", err, error_kind(err));
	explain_address(address, err, why, sizeof(why));
	pr_alert("#PF: %s\n", why);
	dump_pagetable(address);
	die("Oops", regs, err);
}
