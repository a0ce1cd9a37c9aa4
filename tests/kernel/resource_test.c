// SPDX-License-Identifier: GPL-2.0
/*
 * resource_test.c - Verifies the resource trees behind /proc/iomem and
 * /proc/ioports, on a private tree: a child never overlaps a sibling
 * (request_resource), insert_resource() puts a range at the depth where
 * it fits and adopts the ranges it covers but refuses one it straddles,
 * a driver's claim (__request_region) goes inside the deepest container
 * and fails on anything busy, releasing what was never claimed is
 * reported, and ranges print as Linux's %pR.
 */
#include <errno.h>
#include <ioport.h>
#include <kernel.h>
#include <ktest.h>
#include <string.h>

#define RES(n, s, e, f)                                     \
	{                                                   \
		.name = n, .start = s, .end = e, .flags = f \
	}

static struct resource root = RES("root", 0, 0xffff, IORESOURCE_IO);

static void reset_root(void)
{
	root.child = NULL;
}

static void request_resource_refuses_an_overlap(struct ktest *test)
{
	struct resource a = RES("a", 0x100, 0x1ff, IORESOURCE_IO);
	struct resource b = RES("b", 0x180, 0x27f, IORESOURCE_IO);
	struct resource c = RES("c", 0x200, 0x2ff, IORESOURCE_IO);
	struct resource outside = RES("o", 0xff00, 0x1ffff, IORESOURCE_IO);

	reset_root();
	KTEST_EXPECT_EQ(test, request_resource(&root, &a), 0);
	KTEST_EXPECT_EQ(test, request_resource(&root, &b), -EBUSY);
	KTEST_EXPECT_PTR_EQ(test, request_resource_conflict(&root, &b), &a);
	KTEST_EXPECT_EQ(test, request_resource(&root, &c), 0);
	KTEST_EXPECT_PTR_EQ(test, root.child, &a);
	KTEST_EXPECT_PTR_EQ(test, a.sibling, &c); /* sorted */
	KTEST_EXPECT_EQ(test, request_resource(&root, &outside), -EBUSY);
	KTEST_EXPECT_EQ(test, release_resource(&a), 0);
	KTEST_EXPECT_EQ(test, release_resource(&a), -EINVAL);
	KTEST_EXPECT_PTR_EQ(test, root.child, &c);
	release_resource(&c);
}

static void insert_resource_adopts_what_it_covers(struct ktest *test)
{
	struct resource a = RES("a", 0x100, 0x10f, IORESOURCE_IO);
	struct resource b = RES("b", 0x120, 0x12f, IORESOURCE_IO);
	struct resource window = RES("window", 0x100, 0x1ff, IORESOURCE_IO);
	struct resource inner = RES("inner", 0x140, 0x14f, IORESOURCE_IO);
	struct resource straddle = RES("s", 0x1f0, 0x20f, IORESOURCE_IO);

	reset_root();
	request_resource(&root, &a);
	request_resource(&root, &b);
	KTEST_EXPECT_EQ(test, insert_resource(&root, &window), 0);
	KTEST_EXPECT_PTR_EQ(test, root.child, &window);
	KTEST_EXPECT_PTR_EQ(test, window.child, &a);
	KTEST_EXPECT_PTR_EQ(test, a.parent, &window);
	KTEST_EXPECT_PTR_EQ(test, b.parent, &window);
	KTEST_EXPECT_EQ(test, insert_resource(&root, &inner), 0);
	KTEST_EXPECT_PTR_EQ(test, inner.parent, &window); /* went down */
	KTEST_EXPECT_PTR_EQ(test, b.sibling, &inner);
	KTEST_EXPECT_EQ(test, insert_resource(&root, &straddle), -EBUSY);
	KTEST_EXPECT_PTR_EQ(test, lookup_resource_addr(&root, 0x145), &inner);
	KTEST_EXPECT_PTR_EQ(test, lookup_resource_addr(&root, 0x1a0), &window);
	KTEST_EXPECT_NULL(test, lookup_resource_addr(&root, 0x300));
	release_resource(&window);
}

static void a_claim_goes_inside_containers_and_stops_at_busy(struct ktest *test)
{
	struct resource bar =
		RES("0000:00:09.0", 0x1000, 0x1fff, IORESOURCE_IO);
	struct resource ram =
		RES("RAM", 0x3000, 0x3fff, IORESOURCE_IO | IORESOURCE_BUSY);
	struct resource *claim, *again;
	printk_mark_t mark;

	reset_root();
	request_resource(&root, &bar);
	request_resource(&root, &ram);
	claim = __request_region(&root, 0x1000, 0x100, "drv", 0);
	KTEST_ASSERT_NOT_NULL(test, claim);
	KTEST_EXPECT_PTR_EQ(test, claim->parent, &bar);
	KTEST_EXPECT_TRUE(test, claim->flags & IORESOURCE_BUSY);
	again = __request_region(&root, 0x1080, 0x10, "other", 0);
	KTEST_EXPECT_NULL(test, again);
	KTEST_EXPECT_NULL(test, __request_region(&root, 0x3000, 0x10, "x", 0));
	KTEST_EXPECT_NULL(test, __request_region(&root, 0x1f00, 0x200, "x", 0));
	__release_region(&root, 0x1000, 0x100);
	KTEST_EXPECT_NULL(test, bar.child);
	mark = printk_mark();
	__release_region(&root, 0x1000, 0x100);
	KTEST_EXPECT_LOG(test, mark,
			 "Trying to free nonexistent resource <1000-10ff>");
	release_resource(&bar);
	release_resource(&ram);
}

static void resources_print_as_linux_pR(struct ktest *test)
{
	struct resource io = RES("io", 0xc040, 0xc04f, IORESOURCE_IO);
	struct resource mem = RES("mem", 0xfd000000, 0xfdffffff,
				  IORESOURCE_MEM | IORESOURCE_PREFETCH);
	char buf[64];

	resource_str(buf, sizeof(buf), &io);
	KTEST_EXPECT_STREQ(test, buf, "[io  0xc040-0xc04f]");
	resource_str(buf, sizeof(buf), &mem);
	KTEST_EXPECT_STREQ(test, buf, "[mem 0xfd000000-0xfdffffff pref]");
}

static const struct ktest_case resource_cases[] = {
	KTEST_CASE(request_resource_refuses_an_overlap),
	KTEST_CASE(insert_resource_adopts_what_it_covers),
	KTEST_CASE(a_claim_goes_inside_containers_and_stops_at_busy),
	KTEST_CASE(resources_print_as_linux_pR),
	{}
};
KTEST_SUITE(resource, resource_cases);
