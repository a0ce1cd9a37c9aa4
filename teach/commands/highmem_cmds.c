// SPDX-License-Identifier: GPL-2.0
/*
 * highmem_cmds.c - highmem by hand: `kmap`, `kunmap`, `kmap_local`, `peek`,
 * `poke` and /proc/pkmap.
 *
 * `alloc 0 highmem` gives a page without an address; `kmap PFN` lends it a
 * pkmap slot and `cat /proc/pkmap` shows the slot, its count and the cursor;
 * `peek`/`poke` read and write through any kernel address, so the same frame
 * can be watched through two addresses, and an unmapped one answers "not
 * mapped" with the fault report's explanation instead of an oops (they use
 * the nofault probes of uaccess.h).  Misuse (`kunmap` once too often) is
 * reported by kmap itself, as it would be for kernel code.  `poke` decides
 * what it may write by the physical frame and its use (mm/page_use.c), not
 * by the address, so no alias of kernel text or of a page table is a way
 * around the protection.
 */
#include <asm/pgtable.h>
#include <bug.h>
#include <cpumask.h>
#include <errno.h>
#include <fault.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <seq_file.h>
#include <shell.h>
#include <smp.h>
#include <uaccess.h>

/* PFN argument -> its page, or NULL after saying why. */
static struct page *parse_pfn(const char *arg)
{
	unsigned long pfn;

	if (shell_parse_ulong(arg, &pfn))
		return NULL;
	if (!pfn_valid(pfn)) {
		kprintf("pfn %#lx is beyond the end of RAM (max_pfn %#lx)\n",
			pfn, max_pfn);
		return NULL;
	}
	return pfn_to_page(pfn);
}

static int cmd_kmap(int argc, char **argv)
{
	struct page *page;
	unsigned long vaddr;

	if (argc != 2)
		return shell_usage(argv[0]);
	page = parse_pfn(argv[1]);
	if (!page)
		return -EINVAL;
	vaddr = (unsigned long)kmap(page);
	if (!vaddr) {
		kprintf("kmap: failed, see the report above\n");
		return -ENOMEM;
	}
	if (!PageHighMem(page)) {
		kprintf("kmap: pfn %#lx is lowmem: its direct-map address %#lx, no slot used\n",
			page_to_pfn(page), vaddr);
		return 0;
	}
	if (!shell_hold(HELD_KMAP, page, 0)) {
		kunmap(page);
		return -ENOSPC;
	}
	kprintf("kmap: pfn %#lx -> %#lx: pkmap slot %lu, count %d (%d user%s)\n",
		page_to_pfn(page), vaddr, PKMAP_NR(vaddr),
		pkmap_slot_count(PKMAP_NR(vaddr)),
		pkmap_slot_count(PKMAP_NR(vaddr)) - 1,
		pkmap_slot_count(PKMAP_NR(vaddr)) > 2 ? "s" : "");
	kprintf("  give it back with: kunmap %#lx\n", page_to_pfn(page));
	return 0;
}
SHELL_COMMAND(kmap, "PFN", "map a page at a pkmap slot (kmap)",
	      SHELL_TOPIC_HIGHMEM, cmd_kmap,
	      .detail = "Lends a page a kernel address for as long as it is "
			"needed.  A highmem page gets one of the 1024 pkmap "
			"slots at 0xff800000 and the slot's count becomes 2 "
			"(1 user); a second kmap of the page reuses the slot "
			"(count 3).  A lowmem page needs no slot: kmap "
			"returns its direct-map address.  Each kmap is given "
			"back with one kunmap.",
	      .see = "kunmap, kmap_local, cat /proc/pkmap, walk VADDR, "
		     "alloc 0 highmem (a page to map), demo highmem");

/*
 * A slot with users none of which is the shell's (`kmap` put none on the
 * shell's list): its users still need it, so the shell does not take one
 * away.  (A slot without users, or no slot, goes to kunmap(), whose report
 * is the lesson.)
 */
static bool refuse_not_ours(struct page *page)
{
	void *vaddr = PageHighMem(page) ? page_address(page) : NULL;
	unsigned long nr;

	if (!vaddr || shell_holds(HELD_KMAP, page))
		return false;
	nr = PKMAP_NR((unsigned long)vaddr);
	if (pkmap_slot_count((unsigned int)nr) < 2)
		return false;
	kprintf("kunmap: pkmap slot %lu of pfn %#lx was kmapped by %pS, not by `kmap`: refused (its user still needs it)\n",
		nr, page_to_pfn(page),
		(void *)pkmap_slot_caller((unsigned int)nr));
	return true;
}

static int cmd_kunmap(int argc, char **argv)
{
	unsigned long warnings = nr_warnings;
	struct page *page;
	unsigned long vaddr;
	int count;

	if (argc != 2)
		return shell_usage(argv[0]);
	page = parse_pfn(argv[1]);
	if (!page)
		return -EINVAL;
	if (refuse_not_ours(page))
		return -EBUSY;
	kunmap(page);
	if (nr_warnings != warnings) {
		kprintf("kunmap: refused, see the report above\n");
		return -EINVAL;
	}
	shell_unhold(HELD_KMAP, page);
	if (!PageHighMem(page)) {
		kprintf("kunmap: pfn %#lx is lowmem: nothing to unmap\n",
			page_to_pfn(page));
		return 0;
	}
	vaddr = (unsigned long)page_address(page);
	count = pkmap_slot_count(PKMAP_NR(vaddr));
	if (count == 1) {
		kprintf("kunmap: pfn %#lx: pkmap slot %lu now has count 1, stale\n",
			page_to_pfn(page), PKMAP_NR(vaddr));
		kprintf("  no users, but %#lx stays mapped until the next flush\n",
			vaddr);
	} else {
		kprintf("kunmap: pfn %#lx: pkmap slot %lu now has count %d (%d user%s)\n",
			page_to_pfn(page), PKMAP_NR(vaddr), count, count - 1,
			count > 2 ? "s" : "");
	}
	return 0;
}
SHELL_COMMAND(kunmap, "PFN", "drop one kmap of a page", SHELL_TOPIC_HIGHMEM,
	      cmd_kunmap,
	      .detail = "Drops one kmap of a highmem page: its slot's count "
			"goes down by one.  At count 1 the slot is stale: "
			"nobody uses it, but its PTE (and maybe a TLB entry) "
			"stays until the slot cursor wraps past slot 1023, "
			"when all stale slots are cleared with one TLB flush.  "
			"One kunmap too many is a BUG report, and the count "
			"stays right.",
	      .see = "kmap, cat /proc/pkmap, demo highmem");

static int cmd_kmap_local(int argc, char **argv)
{
	struct page *page;
	unsigned long vaddr;
	u32 word;

	if (argc != 2)
		return shell_usage(argv[0]);
	page = parse_pfn(argv[1]);
	if (!page)
		return -EINVAL;
	vaddr = (unsigned long)kmap_local_page(page);
	if (!vaddr) {
		kprintf("kmap_local: failed, see the report above\n");
		return -ENOMEM;
	}
	if (!PageHighMem(page)) {
		kprintf("kmap_local: pfn %#lx is lowmem: its direct-map address %#lx\n",
			page_to_pfn(page), vaddr);
		return 0;
	}
	word = *(u32 *)vaddr;
	kprintf("kmap_local: pfn %#lx -> %#lx: kmap_local slot %d",
		page_to_pfn(page), vaddr,
		kmap_local_depth(smp_processor_id()) - 1);
	if (nr_cpu_ids > 1) /* the slot is this CPU's */
		kprintf(" of CPU %u", smp_processor_id());
	kprintf("\n");
	kprintf("  first word: %#010x\n", word);
	kunmap_local((void *)vaddr);
	kprintf("kunmap_local: %#lx unmapped (PTE cleared, INVLPG)\n", vaddr);
	kprintf("  `peek %#lx` now says: not mapped\n", vaddr);
	return 0;
}
SHELL_COMMAND(kmap_local, "PFN", "map at a fixmap slot, read, unmap",
	      SHELL_TOPIC_HIGHMEM, cmd_kmap_local,
	      .detail = "Maps the page at the next of this CPU's 16 "
			"kmap_local slots in the fixmap (one PTE write, no "
			"flush), reads its first word, and unmaps it at once "
			"(PTE cleared, one INVLPG).  Such mappings are cheap, "
			"strictly nested (last in, first out) and private to "
			"the CPU; kmap_atomic() works the same way.",
	      .see = "kmap, peek VADDR (after it: not mapped), "
		     "cat /proc/pkmap (the stack), demo highmem");

/*
 * A 4-byte probe at vaddr faulted.  The byte that faulted may be in the
 * next page (a word that crosses the end of lowmem): explain that one.
 */
static void print_not_mapped(const char *cmd, unsigned long vaddr)
{
	unsigned long fault = this_cpu_read(fixed_up_fault_address);
	char why[320];

	if (fault < vaddr || fault - vaddr >= sizeof(u32))
		fault = vaddr; /* not this probe's: say what we know */
	explain_address(fault, 0, why, sizeof(why));
	if (fault != vaddr)
		kprintf("%s: %#lx: the 4 bytes cross into %#lx, which is not mapped\n  %s\n",
			cmd, vaddr, fault, why);
	else
		kprintf("%s: %#lx: not mapped\n  %s\n", cmd, vaddr, why);
}

static int cmd_peek(int argc, char **argv)
{
	unsigned long vaddr;
	u32 word;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (shell_parse_ulong(argv[1], &vaddr))
		return -EINVAL;
	if (get_kernel_nofault(word, (const u32 *)vaddr)) {
		print_not_mapped("peek", vaddr);
		return -EFAULT;
	}
	kprintf("%#010lx: %#010x\n", vaddr, word);
	return 0;
}
SHELL_COMMAND(peek, "VADDR", "read a 32-bit word; a fault says why",
	      SHELL_TOPIC_HIGHMEM, cmd_peek,
	      .detail = "Reads a 32-bit word at any kernel virtual address "
			"with get_kernel_nofault(): an unmapped address is "
			"not an oops but an answer, saying what lies there in "
			"this layout (the guard gap after lowmem, a vmalloc "
			"guard page, a stale pkmap slot, a kmap_local slot...).",
	      .see = "poke, walk VADDR, layout, kmap");

/* The frame the page tables map vaddr to; false if none is mapped. */
static bool mapped_pfn(unsigned long vaddr, unsigned long *pfn)
{
	enum pg_level level;
	pte_t *pte = lookup_address(vaddr, &level);

	if (!pte || !pte_present(*pte))
		return false;
	*pfn = level == PG_LEVEL_4M ?
		       (*pte >> PAGE_SHIFT) +
			       ((vaddr & ~PGDIR_MASK) >> PAGE_SHIFT) :
		       pte_pfn(*pte);
	return true;
}

/*
 * May poke write at vaddr?  Decided by the frame and what it is used for,
 * never by the address: a second mapping of kernel text (a kmap, a vmap,
 * an ioremap of the same frame) is just as much kernel text.  Writable:
 * memory someone allocated (kmalloc, slab, vmalloc, alloc_pages: writing
 * past an object is a lesson slub_debug reports) and frames that are no
 * RAM the kernel manages.  Refused: the kernel image, mem_map and the other
 * boot reservations, page tables, and free pages.
 */
static bool poke_allowed(unsigned long vaddr, unsigned long len)
{
	for (unsigned long a = vaddr; a - vaddr < len;
	     a = (a & PAGE_MASK) + PAGE_SIZE) {
		enum page_use use = PAGE_USE_UNKNOWN;
		char what[256];
		struct page *head;
		unsigned long pfn;

		if (!mapped_pfn(a, &pfn) || !pfn_valid(pfn))
			continue; /* the write faults, or is no RAM of ours */
		use = page_use(pfn_to_page(pfn), &head);
		if (use == PAGE_USE_SLAB || use == PAGE_USE_LARGE_KMALLOC ||
		    use == PAGE_USE_VMALLOC || use == PAGE_USE_ALLOCATED)
			continue;
		page_use_describe(pfn_to_page(pfn), what, sizeof(what));
		kprintf("poke: %#lx is pfn %#lx, %s: refused (poke writes only to allocated memory, whatever address maps the frame)\n",
			a, pfn, what);
		return false;
	}
	return true;
}

static int cmd_poke(int argc, char **argv)
{
	unsigned long vaddr, value;
	u32 word;

	if (argc != 3)
		return shell_usage(argv[0]);
	if (shell_parse_ulong(argv[1], &vaddr) ||
	    shell_parse_ulong(argv[2], &value))
		return -EINVAL;
	if (get_kernel_nofault(word, (const u32 *)vaddr)) {
		print_not_mapped("poke", vaddr);
		return -EFAULT;
	}
	if (!poke_allowed(vaddr, sizeof(u32)))
		return -EPERM;
	if (put_kernel_nofault((u32 *)vaddr, (u32)value)) {
		kprintf("poke: %#lx: mapped read-only (%#010x stays)\n", vaddr,
			word);
		return -EFAULT;
	}
	kprintf("%#010lx: %#010x -> %#010x\n", vaddr, word, (u32)value);
	return 0;
}
SHELL_COMMAND(poke, "VADDR VALUE", "write a 32-bit word; a fault says why",
	      SHELL_TOPIC_HIGHMEM, cmd_poke,
	      .detail = "Writes a 32-bit word with put_kernel_nofault().  An "
			"unmapped address, or a read-only page (kernel text "
			"and rodata: CR0.WP is on), is refused with the "
			"reason, and nothing changes.",
	      .see = "peek, walk VADDR, kmap");

/* "stale: 3 (slots 1 2 7)", the slot numbers only while they fit a line. */
static void pkmap_show_stale(struct seq_file *m, unsigned int stale)
{
	unsigned int shown = 0;

	seq_printf(m, "stale (count 1, flushed at the next wrap): %u", stale);
	if (!stale || stale > 16) {
		seq_putc(m, '\n');
		return;
	}
	seq_puts(m, " (slots");
	for (unsigned int nr = 0; nr < LAST_PKMAP && shown < stale; nr++)
		if (pkmap_slot_count(nr) == 1) {
			seq_printf(m, " %u", nr);
			shown++;
		}
	seq_puts(m, ")\n");
}

/* One CPU's kmap_local stack, top first. */
static void pkmap_show_kmap_local(struct seq_file *m, unsigned int cpu)
{
	int depth = kmap_local_depth(cpu);

	seq_printf(m, "\nkmap_local: %d of %d slots in use (%#lx-%#lx)", depth,
		   KM_MAX_IDX, kmap_local_slot_addr(cpu, KM_MAX_IDX - 1),
		   kmap_local_slot_addr(cpu, 0) + PAGE_SIZE - 1);
	if (nr_cpu_ids > 1)
		seq_printf(m, ", CPU %u's", cpu);
	seq_putc(m, '\n');
	if (depth)
		seq_printf(m, "%5s %10s %9s  %s\n", "slot", "address", "pfn",
			   "mapped by");
	for (int idx = depth - 1; idx >= 0; idx--) {
		struct page *page = kmap_local_slot_page(cpu, idx);

		if (!page) {
			seq_printf(m,
				   "%5d %#10lx %9s  (released out of order)\n",
				   idx, kmap_local_slot_addr(cpu, idx), "-");
			continue;
		}
		seq_printf(m, "%5d %#10lx %#9lx  %pS\n", idx,
			   kmap_local_slot_addr(cpu, idx), page_to_pfn(page),
			   (void *)kmap_local_slot_caller(cpu, idx));
	}
}

/* Our own view (Linux has none): the slots in use, then the kmap_local stack. */
static void pkmap_show(struct seq_file *m)
{
	struct pkmap_state s;
	unsigned int cpu;

	pkmap_get_state(&s);
	seq_printf(
		m,
		"pkmap: %d slots at %#lx-%#lx: %u in use, %u stale, %u free\n",
		LAST_PKMAP, PKMAP_BASE, PKMAP_END - 1, s.in_use, s.stale,
		s.free);
	seq_printf(
		m,
		"cursor (last_pkmap_nr): %u   flushes: %lu   failed kmaps: %lu\n",
		s.cursor, s.flushes, s.failures);
	pkmap_show_stale(m, s.stale);
	if (s.in_use)
		seq_printf(m, "%5s %6s %6s %9s %10s  %s\n", "slot", "count",
			   "users", "pfn", "address", "last kmap by");
	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++) {
		int count = pkmap_slot_count(nr);

		if (count < 2)
			continue;
		seq_printf(m, "%5u %6d %6d %#9lx %#10lx  %pS\n", nr, count,
			   count - 1, page_to_pfn(pkmap_slot_page(nr)),
			   PKMAP_ADDR(nr), (void *)pkmap_slot_caller(nr));
	}
	for_each_online_cpu(cpu)
		pkmap_show_kmap_local(m, cpu);
}
PROC_FILE("pkmap", pkmap_show);
