// SPDX-License-Identifier: GPL-2.0
/*
 * leak_check.c - every test case gives back what it took.
 *
 * Around every case (ktest.c registers these hooks before the first run)
 * four checks compare the memory manager's counts after the case with its
 * counts before, each through mm's public interface:
 *  - vmalloc: as many areas as before, and consistent trees;
 *  - kmap: every pkmap slot with as many users as before, the kmap_local
 *    stack as deep as before, and kmap_self_check() happy;
 *  - slab: every cache with as many objects in use as before;
 *  - buddy: every zone with as many free pages as before;
 *  - and first of all the page cache: kswapd and the disk quiet, the
 *    clean pages dropped, no dirty page left behind.
 * They run in that order, before the case as after it (hooks run in reverse
 * registration order): each layer settles its own state first, so that the
 * layer below counts settled state.  Settling is what any kernel code would
 * do to see what is really free: vmalloc_purge() flushes the lazily freed
 * areas (their vmap_area objects go back to their cache), after the tasks
 * that died on other CPUs have made their last switch (their stacks),
 * kmem_cache_shrink()
 * returns the empty slabs each cache keeps as a reserve, drain_all_pages()
 * returns the blocks waiting on the per-CPU lists.  Without that, a reserve
 * filled during a case would look like a leak.
 *
 * A case that leaves a kmap behind fails, and the leftover mappings are
 * dropped so that the next case starts clean.  Page tables made on demand
 * for kernel mappings are never freed (as in Linux): pages that became page
 * tables during the case are not a leak.
 */
#include <blkdev.h>
#include <pagemap.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include <vmalloc.h>
#include <smp.h>
#include <swap.h>
#include <timer.h>
#include <vmstat.h>

/* kswapd asleep with nothing asked of it (at most 10 s). */
static void pc_leak_wait_kswapd(void)
{
	pg_data_t *pgdat = NODE_DATA(0);

	for (int i = 0; i < 1000 && pgdat->kswapd; i++) {
		if (READ_ONCE(pgdat->kswapd_highest_zoneidx) == MAX_NR_ZONES &&
		    waitqueue_active(&pgdat->kswapd_wait))
			return;
		msleep(10);
	}
}

/* More caches than this at the start of a case: the rest are reported. */
#define LEAK_MAX_CACHES 256

/* --- buddy: free pages per zone ------------------------------------------ */

static unsigned long free_before[MAX_NR_ZONES];
static unsigned long pgtables_before[MAX_NR_ZONES];

/*
 * The first hook settles what the others count too: a task that died on
 * another CPU frees its stack (a vmalloc area, its pages, its vmap_area)
 * at its last switch, and freed areas wait for the lazy purge.
 */
static void leak_settle(void)
{
	wait_for_dying_tasks();
	vmalloc_purge();
	drain_all_pages();
}

static void buddy_leak_before(struct ktest *test)
{
	leak_settle();
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		free_before[z] = zones[z].free_pages;
		pgtables_before[z] = (unsigned long)atomic_long_read(
			&zones[z].nr_page_table_pages);
	}
}

static void buddy_leak_after(struct ktest *test)
{
	leak_settle();
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		long lost = (long)free_before[z] - (long)zones[z].free_pages;

		/* Page tables made during the case stay: not a leak. */
		lost -= atomic_long_read(&zones[z].nr_page_table_pages) -
			(long)pgtables_before[z];
		if (lost)
			ktest_fail(
				test,
				"leak check: zone %s has %ld %s free pages than before the case",
				zones[z].name, lost > 0 ? lost : -lost,
				lost > 0 ? "fewer" : "more");
	}
}

static struct ktest_hook buddy_leak_hook = {
	.name = "buddy",
	.before = buddy_leak_before,
	.after = buddy_leak_after,
};

/* --- slab: objects in use per cache -------------------------------------- */

/*
 * A cache is known by its address and its name: a cache destroyed during
 * the case and another created at the same address under another name is
 * a new cache, which started with no objects.
 */
struct cache_count {
	const struct kmem_cache *cache;
	const char *name;
	unsigned long active;
};

static struct cache_count caches_before[LEAK_MAX_CACHES];
static unsigned int nr_caches_before;
static bool caches_overflowed;

static unsigned long active_before(const struct kmem_cache *s)
{
	for (unsigned int i = 0; i < nr_caches_before; i++)
		if (caches_before[i].cache == s &&
		    caches_before[i].name == s->name)
			return caches_before[i].active;
	return 0;
}

static void slab_leak_before(struct ktest *test)
{
	struct kmem_cache *s;

	nr_caches_before = 0;
	caches_overflowed = false;
	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		kmem_cache_shrink(s);
		if (nr_caches_before == LEAK_MAX_CACHES) {
			caches_overflowed = true;
			continue;
		}
		caches_before[nr_caches_before++] =
			(struct cache_count){ s, s->name,
					      kmem_cache_active_objects(s) };
	}
	mutex_unlock(&slab_mutex);
}

static void slab_leak_after(struct ktest *test)
{
	struct kmem_cache *s;

	if (caches_overflowed)
		ktest_fail(
			test,
			"leak check: more than %d slab caches, some not counted",
			LEAK_MAX_CACHES);
	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		long n = (long)kmem_cache_active_objects(s) -
			 (long)active_before(s);

		if (n)
			ktest_fail(
				test,
				"leak check: cache %s has %ld %s active objects than before the case",
				s->name, n > 0 ? n : -n,
				n > 0 ? "more" : "fewer");
		kmem_cache_shrink(s);
	}
	mutex_unlock(&slab_mutex);
}

static struct ktest_hook slab_leak_hook = {
	.name = "slab",
	.before = slab_leak_before,
	.after = slab_leak_after,
};

/* --- kmap: pkmap users and the kmap_local depth -------------------------- */

static int pkmap_users_before[LAST_PKMAP];
static int kmap_local_depth_before;

static int pkmap_users(unsigned int nr)
{
	return max(pkmap_slot_count(nr) - 1, 0);
}

static void kmap_leak_before(struct ktest *test)
{
	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++)
		pkmap_users_before[nr] = pkmap_users(nr);
	kmap_local_depth_before = kmap_local_depth(smp_processor_id());
}

/* Report the pkmap users a case left behind, and drop them. */
static void kmap_leak_after_pkmap(struct ktest *test)
{
	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++) {
		int extra = pkmap_users(nr) - pkmap_users_before[nr];
		struct page *page = pkmap_slot_page(nr);

		if (!extra)
			continue;
		ktest_fail(
			test,
			"kmap balance: pkmap slot %u (pfn %#lx, last kmap by %pS) has %d %s user%s than before the case",
			nr, page ? page_to_pfn(page) : 0,
			(void *)pkmap_slot_caller(nr),
			extra > 0 ? extra : -extra,
			extra > 0 ? "more" : "fewer",
			extra == 1 || extra == -1 ? "" : "s");
		for (; extra > 0; extra--)
			kunmap(page);
	}
}

static void kmap_leak_after(struct ktest *test)
{
	int depth = kmap_local_depth(smp_processor_id());

	kmap_leak_after_pkmap(test);
	if (depth != kmap_local_depth_before) {
		ktest_fail(
			test,
			"kmap balance: the kmap_local stack is %d deep, it was %d before the case (top slot mapped by %pS)",
			depth, kmap_local_depth_before,
			(void *)kmap_local_slot_caller(smp_processor_id(),
						       depth - 1));
		while (kmap_local_depth(smp_processor_id()) >
		       kmap_local_depth_before)
			__kunmap_local((void *)kmap_local_slot_addr(
				smp_processor_id(),
				kmap_local_depth(smp_processor_id()) - 1));
	}
	if (!kmap_self_check())
		ktest_fail(test,
			   "kmap self-check failed after the case (see above)");
}

static struct ktest_hook kmap_leak_hook = {
	.name = "kmap",
	.before = kmap_leak_before,
	.after = kmap_leak_after,
};

/* --- the page cache: settled, dropped ------------------------------------ */

/*
 * The page cache keeps what a case read (that is what it is for): its
 * clean pages are dropped before counting, after kswapd and the disk went
 * quiet, so that the counts below see only what the case really kept.  A
 * case that leaves dirty pages behind (no sync) or pages off the LRU
 * lists (isolated and forgotten) fails here.
 */
static unsigned long dirty_before;

static void pagecache_settle(void)
{
	pc_leak_wait_kswapd();
	for (struct block_device *b = bdev_next(NULL); b; b = bdev_next(b))
		filemap_fdatawait(b->bd_inode->i_mapping);
	drop_caches(1);
}

static void pagecache_leak_before(struct ktest *test)
{
	pagecache_settle();
	dirty_before = node_page_state(NR_FILE_DIRTY);
}

static void pagecache_leak_after(struct ktest *test)
{
	pagecache_settle();
	if (node_page_state(NR_FILE_DIRTY) != dirty_before)
		ktest_fail(
			test,
			"leak check: %lu dirty pages left in the page cache (was %lu: sync them)",
			node_page_state(NR_FILE_DIRTY), dirty_before);
	if (node_page_state(NR_ISOLATED_FILE))
		ktest_fail(
			test,
			"leak check: %lu pages isolated from the LRU lists and not put back",
			node_page_state(NR_ISOLATED_FILE));
}

static struct ktest_hook pagecache_leak_hook = {
	.name = "pagecache",
	.before = pagecache_leak_before,
	.after = pagecache_leak_after,
};

/* --- vmalloc: areas ------------------------------------------------------ */

static unsigned long areas_before;

static void vmalloc_leak_before(struct ktest *test)
{
	wait_for_dying_tasks(); /* their stacks are vmalloc areas */
	vmalloc_purge();
	areas_before = vmalloc_nr_areas();
}

static void vmalloc_leak_after(struct ktest *test)
{
	wait_for_dying_tasks(); /* their stacks are vmalloc areas */
	vmalloc_purge();
	if (vmalloc_nr_areas() != areas_before)
		ktest_fail(
			test,
			"leak check: %lu vmalloc areas now, %lu before the case",
			vmalloc_nr_areas(), areas_before);
	if (!vmalloc_self_check())
		ktest_fail(test,
			   "leak check: the vmalloc trees are inconsistent");
}

static struct ktest_hook vmalloc_leak_hook = {
	.name = "vmalloc",
	.before = vmalloc_leak_before,
	.after = vmalloc_leak_after,
};

/**
 * leak_checks_register - arm the per-case leak checks
 *
 * Bottom layer first: the hooks run in reverse order, so vmalloc settles
 * first and the buddy allocator counts last.
 */
void leak_checks_register(void)
{
	ktest_register_hook(&buddy_leak_hook);
	ktest_register_hook(&slab_leak_hook);
	ktest_register_hook(&kmap_leak_hook);
	ktest_register_hook(&vmalloc_leak_hook);
	ktest_register_hook(&pagecache_leak_hook);
}
