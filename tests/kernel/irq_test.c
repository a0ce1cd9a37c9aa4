// SPDX-License-Identifier: GPL-2.0
/*
 * irq_test.c - Verifies the rules of request_irq() and free_irq() as
 * Linux's genirq has them: a shared request needs a dev_id, a line is
 * shared only if every handler on it agreed to share ("genirq: Flags
 * mismatch"), /proc/interrupts lists every handler of a line, free_irq()
 * removes the one with the given dev_id and warns about one that is not
 * there, and enable_irq() without disable_irq() is a WARN.  A spare PIC
 * line is used, which no device raises: delivery is tested with the edu
 * device (edu_test.c).
 */
#include <bug.h>
#include <errno.h>
#include <interrupt.h>
#include <irqdesc.h>
#include <kernel.h>
#include <ktest.h>
#include <seq_file.h>
#include <string.h>

#define SPARE_IRQ 5 /* nothing on QEMU's PC uses it */

static int a, b;

static irqreturn_t ktest_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}

/* The /proc/interrupts line of SPARE_IRQ, or "" if it has none. */
static void spare_line(char *line, size_t size)
{
	static char out[2048];
	char *p;
	int len = proc_read("interrupts", out, sizeof(out));

	line[0] = '\0';
	if (len < 0)
		return;
	p = strstr(out, "  5: ");
	if (!p)
		return;
	strscpy(line, p, size);
	if (strchr(line, '\n'))
		*strchr(line, '\n') = '\0';
}

static void request_irq_shared_needs_a_dev_id(struct ktest *test)
{
	KTEST_EXPECT_EQ(test,
			request_irq(SPARE_IRQ, ktest_handler, IRQF_SHARED,
				    "ktest-a", NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(test, request_irq(SPARE_IRQ, NULL, 0, "ktest-a", &a),
			-EINVAL);
	KTEST_EXPECT_EQ(test, request_irq(NR_IRQS, ktest_handler, 0, "x", &a),
			-EINVAL);
	KTEST_EXPECT_EQ(test,
			request_irq(IRQ_CASCADE, ktest_handler, 0, "x", &a),
			-EINVAL);
	KTEST_EXPECT_NULL(test, irq_to_desc(SPARE_IRQ)->action);
}

static void a_line_not_shared_is_busy(struct ktest *test)
{
	printk_mark_t mark = printk_mark();

	KTEST_ASSERT_EQ(test,
			request_irq(SPARE_IRQ, ktest_handler, 0, "ktest-a", &a),
			0);
	KTEST_EXPECT_EQ(test,
			request_irq(SPARE_IRQ, ktest_handler, IRQF_SHARED,
				    "ktest-b", &b),
			-EBUSY);
	KTEST_EXPECT_LOG(
		test, mark,
		"genirq: Flags mismatch irq 5. 00000080 (ktest-b) vs. 00000000 (ktest-a)");
	KTEST_EXPECT_STREQ(test, free_irq(SPARE_IRQ, &a), "ktest-a");
}

static void shared_handlers_are_listed_and_freed_by_dev_id(struct ktest *test)
{
	char line[160];

	KTEST_ASSERT_EQ(test,
			request_irq(SPARE_IRQ, ktest_handler, IRQF_SHARED,
				    "ktest-a", &a),
			0);
	KTEST_ASSERT_EQ(test,
			request_irq(SPARE_IRQ, ktest_handler, IRQF_SHARED,
				    "ktest-b", &b),
			0);
	spare_line(line, sizeof(line));
	KTEST_EXPECT_NOT_NULL(test, strstr(line, "XT-PIC"));
	KTEST_EXPECT_NOT_NULL(test, strstr(line, "ktest-a, ktest-b"));
	KTEST_EXPECT_STREQ(test, free_irq(SPARE_IRQ, &a), "ktest-a");
	spare_line(line, sizeof(line));
	KTEST_EXPECT_NOT_NULL(test, strstr(line, "  ktest-b"));
	KTEST_EXPECT_NULL(test, strstr(line, "ktest-a"));
	KTEST_EXPECT_STREQ(test, free_irq(SPARE_IRQ, &b), "ktest-b");
	KTEST_EXPECT_NULL(test, irq_to_desc(SPARE_IRQ)->action);
	KTEST_EXPECT_EQ(test, irq_to_desc(SPARE_IRQ)->depth, 1); /* masked */
}

static void free_irq_of_an_unknown_dev_id_warns(struct ktest *test)
{
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();

	KTEST_EXPECT_NULL(test, free_irq(SPARE_IRQ, &a));
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "Trying to free already-free IRQ 5");
}

static void enable_irq_without_disable_warns(struct ktest *test)
{
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();
	struct irq_desc *desc = irq_to_desc(SPARE_IRQ);

	KTEST_ASSERT_EQ(test,
			request_irq(SPARE_IRQ, ktest_handler, 0, "ktest-a", &a),
			0);
	disable_irq(SPARE_IRQ);
	disable_irq(SPARE_IRQ);
	KTEST_EXPECT_EQ(test, desc->depth, 2);
	enable_irq(SPARE_IRQ);
	enable_irq(SPARE_IRQ);
	KTEST_EXPECT_EQ(test, desc->depth, 0);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings);
	enable_irq(SPARE_IRQ);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "Unbalanced enable for IRQ 5");
	free_irq(SPARE_IRQ, &a);
}

static const struct ktest_case irq_cases[] = {
	KTEST_CASE(request_irq_shared_needs_a_dev_id),
	KTEST_CASE(a_line_not_shared_is_busy),
	KTEST_CASE(shared_handlers_are_listed_and_freed_by_dev_id),
	KTEST_CASE(free_irq_of_an_unknown_dev_id_warns),
	KTEST_CASE(enable_irq_without_disable_warns),
	{}
};
KTEST_SUITE(irq, irq_cases);
