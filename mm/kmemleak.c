// SPDX-License-Identifier: GPL-2.0
/*
 * kmemleak.c - finding kmalloc and vmalloc memory that nothing points to.
 *
 * With `kmemleak=on` (Linux's CONFIG_DEBUG_KMEMLEAK_DEFAULT_OFF with its
 * option), every object the slab allocator hands out, every kmalloc_large()
 * block and every vmalloc area is recorded here: a kmemleak_object with
 * its address and size, who allocated it (a short call trace), when, and
 * in which command.  A scan is Linux's conservative mark and sweep:
 *  - every object starts white, with a count of 0;
 *  - the roots are scanned word by word: the kernel's .data and .bss,
 *    every CPU's per-CPU area, and the live part of every task's kernel
 *    stack (from where its stack pointer was, when the scan asked its CPU
 *    by IPI if it runs, else when it was switched out, to its top); a
 *    word that points anywhere inside an object counts one reference to
 *    it, and an object whose count reaches its min_count turns gray;
 *  - gray objects are scanned the same way, until none is left to scan;
 *  - what stays white is unreferenced: a suspected leak.  Each is reported
 *    once, in Linux's format (/proc/kmemleak; `kmemleak scan`).
 * Conservative: any word that happens to look like a pointer keeps an
 * object alive, so a leak can be missed, never invented, as long as every
 * place that holds pointers is scanned.  The places that are not (struct
 * page, pages from alloc_pages(), highmem) must not be the only holders of
 * a tracked pointer; vmalloc's own bookkeeping says so with
 * kmemleak_ignore(), and the vmap_area cache is not tracked at all.
 *
 * Objects are kept in an rbtree by address (a lookup per scanned word that
 * falls between the lowest and the highest object) and on a list (the
 * sweep); their own records come from a cache that is not tracked
 * (SLAB_NOLEAKTRACE).  When kmemleak is on, every tracked cache takes the
 * slab allocator's checked paths (no cpu slab), where the hooks are: the
 * fast paths have no test for kmemleak at all, which is why it is an
 * option.  Simpler than Linux: no grey/black lists beyond min_count, no
 * minimum age (a scan runs at a quiet moment, from the shell), no
 * automatic scanning thread.  kmemleak_lock (Linux's name) guards the
 * tree and the list: the hooks hold it for an insertion or a removal, with
 * interrupts off (they are called from under the allocators' own locks);
 * a scan holds it throughout, after it has asked the other CPUs for their
 * stack pointers (an IPI must not be waited for with it held), so that
 * allocations on other CPUs wait for the end of a scan.  The scan takes
 * tasklist_lock first (the tasks' stacks stay while it reads them): a
 * hook may run under tasklist_lock, never the reverse.
 */
#include <asm/smp.h>
#include <console.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <kmemleak.h>
#include <mm.h>
#include <panic.h>
#include <params.h>
#include <percpu.h>
#include <printk.h>
#include <rbtree.h>
#include <sched.h>
#include <seq_file.h>
#include <signal.h>
#include <slab.h>
#include <smp.h>
#include <spinlock.h>
#include <stack.h>
#include <string.h>
#include <time.h>
#include <vmalloc.h>

#define KMEMLEAK_TRACE 6 /* return addresses kept per object */
#define HEX_ROW 16
#define HEX_MAX 32 /* "hex dump (first 32 bytes)" */

#define OBJECT_REPORTED 0x1 /* reported as a leak once already */
#define OBJECT_NO_SCAN 0x2 /* kmemleak_ignore(): its contents are not roots */
#define OBJECT_WHITE 0x4 /* unreferenced at the last scan */

struct kmemleak_object {
	struct rb_node rb_node; /* in object_tree, by pointer */
	struct list_head object_list; /* every object, oldest first */
	struct list_head gray_list; /* a scan's objects still to scan */
	unsigned long pointer; /* the object */
	size_t size;
	int min_count; /* references it needs to be alive; 0: never a leak */
	int count; /* references found by this scan */
	unsigned int flags; /* OBJECT_* */
	unsigned long jiffies; /* when it was allocated */
	char comm[TASK_COMM_LEN]; /* the task that allocated it ... */
	int pid; /* ... and its pid */
	unsigned int trace_len;
	unsigned long trace[KMEMLEAK_TRACE]; /* who allocated it */
};

bool kmemleak_requested;
bool kmemleak_enabled;
static DEFINE_RAW_SPINLOCK(kmemleak_lock);
static struct kmem_cache *object_cache;
static struct rb_root object_tree = RB_ROOT;
static LIST_HEAD(object_list);
/*
 * Below and above every object: a word outside (below_min, max_addr) points
 * to none.  below_min is one less than the lowest object, so that this
 * very variable, in the .bss the scan reads, is no reference to it.
 */
static unsigned long below_min = ~0UL, max_addr;
static unsigned long nr_objects;

extern char _sdata[], _edata[], __bss_start[], __bss_stop[];
extern char boot_stack_guard[], boot_stack_top[];

static int __init kmemleak_boot_config(char *str)
{
	if (!str || (strcmp(str, "on") && strcmp(str, "off"))) {
		pr_err("kmemleak=%s: expected on or off; off\n",
		       str ? str : "");
		return -EINVAL;
	}
	kmemleak_requested = !strcmp(str, "on");
	return 0;
}
early_param("kmemleak", kmemleak_boot_config);

/* --- the records ---------------------------------------------------------- */

/* The object that contains addr, or NULL. */
static struct kmemleak_object *lookup_object(unsigned long addr)
{
	struct rb_node *node = object_tree.rb_node;

	while (node) {
		struct kmemleak_object *o =
			rb_entry(node, struct kmemleak_object, rb_node);

		if (addr < o->pointer)
			node = node->left;
		else if (addr >= o->pointer + max(o->size, (size_t)1))
			node = node->right;
		else
			return o;
	}
	return NULL;
}

static void insert_object(struct kmemleak_object *o)
{
	struct rb_node **link = &object_tree.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (o->pointer <
		    rb_entry(parent, struct kmemleak_object, rb_node)->pointer)
			link = &parent->left;
		else
			link = &parent->right;
	}
	rb_link_node(&o->rb_node, parent, link);
	rb_insert_color(&o->rb_node, &object_tree);
	list_add_tail(&o->object_list, &object_list);
	below_min = min(below_min, o->pointer - 1);
	max_addr = max(max_addr, o->pointer + o->size);
	nr_objects++;
}

/* No memory for our own records: stop, as Linux's kmemleak_disable(). */
static void kmemleak_disable(const char *why)
{
	kmemleak_enabled = false;
	pr_err("kmemleak: %s: kmemleak disabled\n", why);
}

void __kmemleak_alloc(const void *ptr, size_t size, int min_count, gfp_t gfp)
{
	struct kmemleak_object *o;
	unsigned long flags;

	if (!kmemleak_enabled || ZERO_OR_NULL_PTR(ptr))
		return;
	o = kmem_cache_alloc(object_cache, GFP_ATOMIC | __GFP_NOWARN);
	if (!o) {
		kmemleak_disable("Cannot allocate a kmemleak_object structure");
		return;
	}
	*o = (struct kmemleak_object){
		.pointer = (unsigned long)ptr,
		.size = size,
		.min_count = min_count,
		.jiffies = (unsigned long)jiffies,
		.pid = current->pid,
	};
	strscpy(o->comm, current->comm, sizeof(o->comm));
	/* Skip this function and the allocator's hook that called it. */
	o->trace_len = stack_trace_save(o->trace, KMEMLEAK_TRACE, 1);
	raw_spin_lock_irqsave(&kmemleak_lock, flags);
	insert_object(o);
	raw_spin_unlock_irqrestore(&kmemleak_lock, flags);
}

void __kmemleak_free(const void *ptr)
{
	struct kmemleak_object *o;
	unsigned long flags;

	if (!kmemleak_enabled || ZERO_OR_NULL_PTR(ptr))
		return;
	raw_spin_lock_irqsave(&kmemleak_lock, flags);
	o = lookup_object((unsigned long)ptr);
	if (o && o->pointer == (unsigned long)ptr) {
		rb_erase(&o->rb_node, &object_tree);
		list_del(&o->object_list);
		nr_objects--;
	} else {
		o = NULL; /* allocated before kmemleak started, or not ours */
	}
	raw_spin_unlock_irqrestore(&kmemleak_lock, flags);
	if (o)
		kmem_cache_free(object_cache, o);
}

/* Change the object at ptr (if kmemleak tracks it): clear, then set flags. */
static void update_object(const void *ptr, bool not_leak, unsigned int set)
{
	struct kmemleak_object *o;
	unsigned long flags;

	if (!kmemleak_enabled)
		return;
	raw_spin_lock_irqsave(&kmemleak_lock, flags);
	o = lookup_object((unsigned long)ptr);
	if (o) {
		if (not_leak)
			o->min_count = 0;
		o->flags |= set;
	}
	raw_spin_unlock_irqrestore(&kmemleak_lock, flags);
}

void kmemleak_not_leak(const void *ptr)
{
	update_object(ptr, true, 0);
}

void __kmemleak_ignore(const void *ptr)
{
	update_object(ptr, true, OBJECT_NO_SCAN);
}

void kmemleak_no_scan(const void *ptr)
{
	update_object(ptr, false, OBJECT_NO_SCAN);
}

/* --- the scan --------------------------------------------------------------- */

static LIST_HEAD(gray_list);

/*
 * kmemleak_why(): the object whose references a scan notes, where the
 * scan is reading (a root's name and task, or the object scanned), and
 * the first few references found, printed once the scan is over (the
 * lock held and interrupts off meanwhile).
 */
#define WHY_MAX 4
struct why_ref {
	unsigned long word; /* where the pointer is */
	const char *root; /* in a root ... */
	char comm[TASK_COMM_LEN]; /* ... a task's stack: whose */
	unsigned long holder, holder_size; /* ... or in this object */
	unsigned long holder_caller;
	unsigned long percpu_var; /* in a per-CPU area: the variable's name */
	int cpu;
};
static struct kmemleak_object *why_object;
static const char *why_root;
static const struct task_struct *why_task;
static const char *why_percpu_area; /* the per-CPU area read, or NULL */
static int why_cpu;
static struct why_ref why_refs[WHY_MAX];
static int why_nr;
static bool why_known; /* the object was found */

static noinline void why_note(const unsigned long *word,
			      const struct kmemleak_object *self)
{
	struct why_ref *r;

	if (why_nr++ >= WHY_MAX)
		return;
	r = &why_refs[why_nr - 1];
	memset(r, 0, sizeof(*r));
	r->word = (unsigned long)word;
	if (self) {
		r->holder = self->pointer;
		r->holder_size = self->size;
		r->holder_caller = self->trace_len ? self->trace[0] : 0;
	} else {
		r->root = why_root;
		if (why_percpu_area) {
			r->cpu = why_cpu;
			r->percpu_var = (unsigned long)__per_cpu_start +
					((const char *)word - why_percpu_area);
		}
		if (why_task)
			strscpy(r->comm, why_task->comm, sizeof(r->comm));
	}
}

/* Every aligned word of [start, end) that points into an object counts. */
static void scan_block(const void *start, const void *end,
		       const struct kmemleak_object *self)
{
	const unsigned long *p = PTR_ALIGN((const unsigned long *)start, 4);

	for (; (const void *)(p + 1) <= end; p++) {
		unsigned long v = *p;
		struct kmemleak_object *o;

		if (v <= below_min || v >= max_addr)
			continue;
		o = lookup_object(v);
		if (!o || o == self)
			continue; /* not an object, or a pointer to itself */
		if (unlikely(o == why_object))
			why_note(p, self);
		if (++o->count == o->min_count)
			list_add_tail(&o->gray_list, &gray_list);
	}
}

/*
 * Where each CPU's stack pointer was when the scan asked (an IPI for APs),
 * and whose stack that is: the task running there.
 */
static DEFINE_PER_CPU(unsigned long, scan_stack_sp);
static DEFINE_PER_CPU(struct task_struct *, scan_stack_task);

static void save_stack_pointer(void *unused)
{
	this_cpu_write(scan_stack_sp,
		       (unsigned long)__builtin_frame_address(0));
	this_cpu_write(scan_stack_task, current);
}

/*
 * The live part of a task's stack: from the stack pointer its CPU gave if
 * it runs, else from where it was switched out (all of it if that is not
 * on the stack).
 */
static void scan_task_stack(struct task_struct *p)
{
	unsigned long bottom = (unsigned long)p->stack;
	unsigned long top = bottom + p->stack_size;
	unsigned long sp = p->thread.sp;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (per_cpu(scan_stack_task, cpu) == p)
			sp = per_cpu(scan_stack_sp, cpu);
	if (sp < bottom || sp >= top)
		sp = bottom;
	why_root = "a live stack";
	why_task = p;
	scan_block((void *)sp, (void *)top, NULL);
	why_task = NULL;
}

/*
 * The live part of every task's stack only: dead frames below the stack
 * pointer hold stale pointers, which would hide leaks.  Each CPU's idle
 * task has its CPU's stack: the boot stack in .bss for CPU 0, a vmalloc
 * area for an AP; every other task a vmalloc'ed THREAD_SIZE stack.  Those
 * areas are kmemleak_no_scan() (smpboot.c, fork.c) so that their dead
 * frames are not read as an object either.  The caller holds
 * tasklist_lock: no task leaves the list (and frees its stack) meanwhile.
 */
static void scan_stacks(void)
{
	struct task_struct *p;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		scan_task_stack(idle_task((int)cpu));
	for_each_process(p)
		scan_task_stack(p);
}

/*
 * The kernel's data and bss, without the boot stack's unmapped guard and
 * the boot stack itself (scan_stacks()); every CPU's per-CPU area, static
 * variables and alloc_percpu() memory alike (memblock memory, which no
 * object contains); the stacks.
 */
static void scan_roots(void)
{
	size_t unit =
		(size_t)(__per_cpu_end - __per_cpu_start) + pcpu_dynamic_size();
	unsigned int cpu;

	why_root = "the kernel's data or bss";
	scan_block(_sdata, _edata, NULL);
	scan_block(__bss_start, boot_stack_guard, NULL);
	scan_block(boot_stack_top, __bss_stop, NULL);
	why_root = "a per-CPU area";
	for_each_possible_cpu(cpu) {
		char *area = __per_cpu_start + per_cpu_offset(cpu);

		why_percpu_area = area;
		why_cpu = (int)cpu;
		scan_block(area, area + unit, NULL);
	}
	why_percpu_area = NULL;
	scan_stacks();
}

static int scan_gray(void)
{
	struct kmemleak_object *o;

	while (!list_empty(&gray_list)) {
		if (signal_pending(current))
			return -EINTR;
		o = list_first_entry(&gray_list, struct kmemleak_object,
				     gray_list);
		list_del(&o->gray_list);
		if (!(o->flags & OBJECT_NO_SCAN))
			scan_block((void *)o->pointer,
				   (void *)(o->pointer + o->size), o);
	}
	return 0;
}

/* The scan itself, kmemleak_lock held. */
static int __kmemleak_scan(void)
{
	struct kmemleak_object *o;
	int new_leaks = 0, ret;

	INIT_LIST_HEAD(&gray_list);
	list_for_each_entry(o, &object_list, object_list) {
		o->count = 0;
		o->flags &= ~OBJECT_WHITE;
		/* Never a leak: gray from the start, so its contents count. */
		if (o->min_count == 0)
			list_add_tail(&o->gray_list, &gray_list);
	}
	scan_roots();
	ret = scan_gray();
	if (ret)
		return ret;
	list_for_each_entry(o, &object_list, object_list) {
		if (o->min_count == 0 || o->count >= o->min_count)
			continue;
		o->flags |= OBJECT_WHITE;
		if (!(o->flags & OBJECT_REPORTED)) {
			o->flags |= OBJECT_REPORTED;
			new_leaks++;
		}
	}
	return new_leaks;
}

/* A scan; if why is an object's address, note what references it. */
static int scan_noting(unsigned long why)
{
	unsigned long flags;
	int ret;

	if (!kmemleak_enabled)
		return -ENODEV;
	/* Every CPU's stack pointer first: waiting for IPIs, no lock held. */
	save_stack_pointer(NULL);
	smp_call_function(save_stack_pointer, NULL, true);
	/* tasklist_lock first: a hook may run with it held (never the reverse). */
	spin_lock_irqsave(&tasklist_lock, flags);
	raw_spin_lock(&kmemleak_lock);
	why_object = why ? lookup_object(why) : NULL;
	why_known = why_object;
	why_nr = 0;
	ret = __kmemleak_scan();
	why_object = NULL;
	raw_spin_unlock(&kmemleak_lock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (ret > 0)
		pr_info("kmemleak: %d new suspected memory leaks (see /proc/kmemleak)\n",
			ret);
	return ret;
}

int kmemleak_scan(void)
{
	return scan_noting(0);
}

int kmemleak_why(const void *ptr, unsigned long *words, int max)
{
	int ret = scan_noting((unsigned long)ptr);

	if (ret < 0)
		return ret;
	if (!why_known) {
		pr_info("kmemleak: %p is in no object kmemleak tracks\n", ptr);
		return 0;
	}
	pr_info("kmemleak: %d references to %p\n", why_nr, ptr);
	for (int i = 0; i < min(why_nr, WHY_MAX); i++) {
		const struct why_ref *r = &why_refs[i];

		if (i < max)
			words[i] = r->word;
		if (r->holder)
			pr_info("  at %p, in object 0x%08lx (size %lu) from %pS\n",
				(void *)r->word, r->holder, r->holder_size,
				(void *)r->holder_caller);
		else if (r->percpu_var)
			pr_info("  at %p, in CPU %d's per-CPU area: %pS\n",
				(void *)r->word, r->cpu, (void *)r->percpu_var);
		else
			pr_info("  at %p, in %s%s%s\n", (void *)r->word,
				r->root, r->comm[0] ? " of " : "", r->comm);
	}
	return why_nr;
}

void kmemleak_clear(void)
{
	struct kmemleak_object *o;
	unsigned long flags;

	raw_spin_lock_irqsave(&kmemleak_lock, flags);
	list_for_each_entry(o, &object_list, object_list)
		if ((o->flags & OBJECT_REPORTED) && (o->flags & OBJECT_WHITE))
			o->min_count = 0; /* Linux paints it grey */
	raw_spin_unlock_irqrestore(&kmemleak_lock, flags);
}

bool kmemleak_is_suspect(const void *ptr)
{
	struct kmemleak_object *o;
	unsigned long flags;
	bool suspect;

	raw_spin_lock_irqsave(&kmemleak_lock, flags);
	o = lookup_object((unsigned long)ptr);
	suspect = o && o->pointer == (unsigned long)ptr &&
		  (o->flags & OBJECT_WHITE) && o->min_count;
	raw_spin_unlock_irqrestore(&kmemleak_lock, flags);
	return suspect;
}

/* --- the report, in Linux's format ------------------------------------------- */

static void hex_dump_object(struct seq_file *m, const struct kmemleak_object *o)
{
	const u8 *p = (const u8 *)o->pointer;
	size_t len = min(o->size, (size_t)HEX_MAX);

	seq_printf(m, "  hex dump (first %zu bytes):\n", len);
	for (size_t row = 0; row < len; row += HEX_ROW) {
		size_t n = min(len - row, (size_t)HEX_ROW);

		seq_puts(m, "    ");
		for (size_t i = 0; i < n; i++)
			seq_printf(m, "%02x ", p[row + i]);
		seq_printf(m, "%*s ", (int)(3 * (HEX_ROW - n)), "");
		for (size_t i = 0; i < n; i++) {
			u8 c = p[row + i];

			seq_putc(m, c >= 0x20 && c < 0x7f ? (char)c : '.');
		}
		seq_putc(m, '\n');
	}
}

static void print_unreferenced(struct seq_file *m,
			       const struct kmemleak_object *o)
{
	unsigned long age = (unsigned long)jiffies - o->jiffies;

	seq_printf(m, "unreferenced object 0x%08lx (size %zu):\n", o->pointer,
		   o->size);
	seq_printf(m, "  comm \"%s\", pid %d, jiffies %lu (age %lu.%03lus)\n",
		   o->comm, o->pid, o->jiffies, age / HZ,
		   (age % HZ) * 1000 / HZ);
	hex_dump_object(m, o);
	seq_puts(m, "  backtrace:\n");
	for (unsigned int i = 0; i < o->trace_len; i++)
		seq_printf(m, "    [<%08lx>] %pS\n", o->trace[i],
			   (void *)o->trace[i]);
}

/* /proc/kmemleak: the suspects of the last scan, as Linux's debugfs file. */
static void kmemleak_show(struct seq_file *m)
{
	const struct kmemleak_object *o;

	unsigned long flags;

	if (!kmemleak_enabled) {
		seq_puts(m, "kmemleak: off (boot with kmemleak=on)\n");
		return;
	}
	raw_spin_lock_irqsave(&kmemleak_lock, flags);
	list_for_each_entry(o, &object_list, object_list)
		if ((o->flags & OBJECT_WHITE) && o->min_count)
			print_unreferenced(m, o);
	raw_spin_unlock_irqrestore(&kmemleak_lock, flags);
}
PROC_FILE("kmemleak", kmemleak_show);

/**
 * kmemleak_init - start tracking (after the slab allocator, before vmalloc)
 *
 * The caches made before now were made for kmemleak already (kmemleak=on
 * is known from the command line), but their objects so far are not
 * tracked: none of them can leak, they are the allocators' own.
 */
void __init kmemleak_init(void)
{
	if (!kmemleak_requested)
		return;
	object_cache = kmem_cache_create("kmemleak_object",
					 sizeof(struct kmemleak_object), 0,
					 SLAB_NOLEAKTRACE, NULL);
	if (!object_cache) {
		pr_err("kmemleak: no cache for its records: kmemleak disabled\n");
		return;
	}
	kmemleak_enabled = true;
	pr_info("kmemleak: Kernel memory leak detector initialized (kmalloc, kmem_cache and vmalloc objects)\n");
}
