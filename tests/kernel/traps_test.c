// SPDX-License-Identifier: GPL-2.0
/*
 * traps_test.c - verifies that faults the kernel expects are answers, not
 * crashes (the exception table), that unexpected ones are reported as Linux
 * reports them and end only the code that caused them, that WARN reports and
 * continues, and that the timer interrupt runs.
 */
#include <asm/extable.h>
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <bug.h>
#include <errno.h>
#include <fault.h>
#include <kallsyms.h>
#include <ktest.h>
#include <panic.h>
#include <sched.h>
#include <setjmp.h>
#include <smp.h>
#include <sprintf.h>
#include <string.h>
#include <time.h>
#include <uaccess.h>

asmlinkage void start_kernel(u32 magic, u32 mbi_phys);

/* FIX_HOLE, the last page of the address space: never mapped, by design. */
#define NEVER_MAPPED ((void *)__fix_to_virt(FIX_HOLE))

static void
traps_nofault_read_of_unmapped_page_returns_efault(struct ktest *test)
{
	unsigned long before = nr_fixed_up_faults;
	u32 val;

	KTEST_EXPECT_EQ(test, get_kernel_nofault(val, (u32 *)NEVER_MAPPED),
			-EFAULT);
	KTEST_EXPECT_EQ(test, nr_fixed_up_faults, before + 1);
}

static void
traps_nofault_write_to_unmapped_page_returns_efault(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, put_kernel_nofault((u32 *)NEVER_MAPPED, 1),
			-EFAULT);
}

static void traps_nofault_read_of_mapped_memory_copies_it(struct ktest *test)
{
	static const char text[] = "kmem386";
	char copy[sizeof(text)] = "";

	KTEST_EXPECT_EQ(test,
			copy_from_kernel_nofault(copy, text, sizeof(text)), 0);
	KTEST_EXPECT_STREQ(test, copy, text);
}

static void traps_nofault_copy_stops_at_the_unmapped_page(struct ktest *test)
{
	/* The guard page below the boot stack is unmapped, the stack is not. */
	extern char boot_stack_guard[], boot_stack[];
	char buf[16];

	KTEST_EXPECT_EQ(test,
			copy_from_kernel_nofault(buf, boot_stack_guard,
						 sizeof(buf)),
			-EFAULT);
	KTEST_EXPECT_EQ(test,
			copy_from_kernel_nofault(buf, boot_stack, sizeof(buf)),
			0);
}

/* Divide through a fixup: a #DE at the divl resumes at label 2, returning -1. */
static long divide_with_fixup(unsigned long a, unsigned long b)
{
	unsigned long high = 0;
	long result;

	__asm__ __volatile__("1:\tdivl %3\n\t"
			     "jmp 3f\n"
			     "2:\tmovl $-1, %0\n"
			     "3:\n" _ASM_EXTABLE(1b, 2b)
			     : "=a"(result), "+d"(high)
			     : "0"(a), "r"(b)
			     : "cc");
	return result;
}

static void traps_divide_error_in_a_fixup_is_caught(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, divide_with_fixup(42, 6), 7);
	KTEST_EXPECT_EQ(test, divide_with_fixup(42, 0), -1);
}

static void traps_extable_lists_the_nofault_copy(struct ktest *test)
{
	extern const struct exception_table_entry __start___ex_table[];
	extern const struct exception_table_entry __stop___ex_table[];
	const struct exception_table_entry *e = __start___ex_table;

	KTEST_ASSERT_TRUE(test, &__stop___ex_table[0] > &__start___ex_table[0]);
	KTEST_EXPECT_PTR_EQ(test, search_exception_tables(e->insn), e);
	KTEST_EXPECT_NULL(
		test,
		search_exception_tables(
			(unsigned long)traps_extable_lists_the_nofault_copy));
}

/* Oops scenarios run with panic-on-oops off, as in the shell. */
static int protected_run(void (*fn)(void *), void *arg)
{
	bool saved = panic_exits_qemu;
	int ret;

	panic_exits_qemu = false;
	ret = run_protected("traps-test", fn, arg);
	panic_exits_qemu = saved;
	return ret;
}

static void read_unmapped(void *arg)
{
	*(volatile u32 *)arg;
}

static void
traps_oops_in_protected_code_is_reported_and_survived(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	int oopses = oops_count;

	KTEST_EXPECT_EQ(test, protected_run(read_unmapped, NEVER_MAPPED),
			-EFAULT);
	KTEST_EXPECT_EQ(test, oops_count, oopses + 1);
	KTEST_EXPECT_LOG(
		test, mark,
		"BUG: unable to handle page fault for address: fffff000");
	KTEST_EXPECT_LOG(test, mark,
			 "#PF: supervisor read access in kernel mode");
	KTEST_EXPECT_LOG(test, mark,
			 "#PF: error_code(0x0000) - not-present page");
	KTEST_EXPECT_LOG(test, mark, "never mapped");
	KTEST_EXPECT_LOG(test, mark, "EIP: read_unmapped+0x");
	KTEST_EXPECT_LOG(test, mark, "Call Trace:");
	KTEST_EXPECT_LOG(test, mark, "Comm: traps-test");
}

static void traps_null_dereference_is_named_as_such(struct ktest *test)
{
	printk_mark_t mark = printk_mark();

	KTEST_EXPECT_EQ(test, protected_run(read_unmapped, (void *)8), -EFAULT);
	KTEST_EXPECT_LOG(
		test, mark,
		"BUG: kernel NULL pointer dereference, address: 00000008");
	KTEST_EXPECT_LOG(test, mark, "a NULL pointer");
}

static void load_bad_segment(void *arg)
{
	__asm__ __volatile__(
		"movw %w0, %%fs"
		:
		: "r"(0x1230)); /* GDT index 0x246: past the GDT limit */
}

static void traps_general_protection_fault_is_reported(struct ktest *test)
{
	printk_mark_t mark = printk_mark();

	KTEST_EXPECT_EQ(test, protected_run(load_bad_segment, NULL), -EFAULT);
	KTEST_EXPECT_LOG(test, mark, "general protection fault: 1230 [#");
	KTEST_EXPECT_LOG(test, mark, "EIP: load_bad_segment+0x");
}

static void traps_warn_on_reports_and_continues(struct ktest *test)
{
	char where[96];
	printk_mark_t mark = printk_mark();
	unsigned long warnings = nr_warnings;
	int ret = WARN_ON(warnings + 1 > 0);

	KTEST_EXPECT_TRUE(test, ret);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "------------[ cut here ]------------");
	snprintf(where, sizeof(where),
		 "WARNING: CPU: %u PID: %d at %s:", smp_processor_id(),
		 current->pid, "tests/kernel/traps_test.c");
	KTEST_EXPECT_LOG(test, mark, where);
	KTEST_EXPECT_LOG(test, mark, "---[ end trace");
	KTEST_EXPECT_FALSE(test, WARN_ON(0));
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
}

/* noinline: each inlined copy would be a WARN site of its own. */
static noinline int warn_once_site(void)
{
	return WARN_ON_ONCE(1);
}

static void traps_warn_on_once_reports_only_the_first_time(struct ktest *test)
{
	unsigned long warnings = nr_warnings;

	warn_once_site();
	warn_once_site();
	/* At most one: an earlier run of this case may have fired it. */
	KTEST_EXPECT_LE(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_TRUE(test, warn_once_site());
}

static void traps_warn_with_message_prints_it(struct ktest *test)
{
	char where[64];
	printk_mark_t mark = printk_mark();

	WARN(1, "traps test: %d bananas\n", 3);
	KTEST_EXPECT_LOG(test, mark, "traps test: 3 bananas");
	snprintf(where, sizeof(where), "WARNING: CPU: %u PID: %d at",
		 smp_processor_id(), current->pid);
	KTEST_EXPECT_LOG(test, mark, where);
}

static void call_bug(void *arg)
{
	BUG();
}

static void traps_bug_oopses_with_file_and_line(struct ktest *test)
{
	printk_mark_t mark = printk_mark();

	KTEST_EXPECT_EQ(test, protected_run(call_bug, NULL), -EFAULT);
	KTEST_EXPECT_LOG(test, mark,
			 "kernel BUG at tests/kernel/traps_test.c:");
	KTEST_EXPECT_LOG(test, mark, "invalid opcode: 0000 [#");
}

static void traps_recovery_points_nest(struct ktest *test)
{
	/* An oops inside an inner protected call leaves the outer one armed. */
	KTEST_EXPECT_EQ(test, protected_run(read_unmapped, NEVER_MAPPED),
			-EFAULT);
	KTEST_EXPECT_EQ(test, protected_run(read_unmapped, NEVER_MAPPED),
			-EFAULT);
}

static void traps_kallsyms_names_kernel_functions(struct ktest *test)
{
	unsigned long addr =
		(unsigned long)traps_kallsyms_names_kernel_functions;
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr + 3, &size, &offset);

	KTEST_ASSERT_NOT_NULL(test, name);
	KTEST_EXPECT_STREQ(test, name, "traps_kallsyms_names_kernel_functions");
	KTEST_EXPECT_EQ(test, offset, 3);
	KTEST_EXPECT_GT(test, size, 3);
	KTEST_EXPECT_EQ(test, kallsyms_lookup_name("start_kernel"),
			(unsigned long)start_kernel);
	KTEST_EXPECT_NULL(test, kallsyms_lookup(0x1000, NULL, NULL));
}

static void traps_timer_interrupt_advances_jiffies(struct ktest *test)
{
	u64 start = jiffies;
	u64 tsc = rdtsc();

	KTEST_ASSERT_FALSE(test, irqs_disabled());
	/* Wait for two ticks, bounded by the TSC in case the PIT is dead. */
	while (jiffies < start + 2 && rdtsc() - tsc < 10000000000ULL)
		cpu_relax();
	KTEST_EXPECT_GE(test, jiffies, start + 2);
}

static void traps_setjmp_returns_the_longjmp_value(struct ktest *test)
{
	jmp_buf env;
	volatile int passes = 0;
	int ret = setjmp(env);

	passes++;
	if (ret == 0)
		longjmp(env, 7);
	KTEST_EXPECT_EQ(test, ret, 7);
	KTEST_EXPECT_EQ(test, passes, 2);
}

static void traps_explain_address_names_every_region(struct ktest *test)
{
	char buf[320];

	explain_address(0, 0, buf, sizeof(buf));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "user space"));
	explain_address((unsigned long)high_memory + PAGE_SIZE, 0, buf,
			sizeof(buf));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "guard gap after lowmem"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "use kmap()"));
	explain_address(PKMAP_BASE + 5 * PAGE_SIZE, 0, buf, sizeof(buf));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "pkmap"));
	explain_address(__fix_to_virt(FIX_KMAP_BEGIN + 2), 0, buf, sizeof(buf));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "kmap_local slot 2"));
	explain_address(0xfffff000, 0, buf, sizeof(buf));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "FIX_HOLE"));
}

static const struct ktest_case traps_cases[] = {
	KTEST_CASE(traps_nofault_read_of_unmapped_page_returns_efault),
	KTEST_CASE(traps_nofault_write_to_unmapped_page_returns_efault),
	KTEST_CASE(traps_nofault_read_of_mapped_memory_copies_it),
	KTEST_CASE(traps_nofault_copy_stops_at_the_unmapped_page),
	KTEST_CASE(traps_divide_error_in_a_fixup_is_caught),
	KTEST_CASE(traps_extable_lists_the_nofault_copy),
	KTEST_CASE(traps_oops_in_protected_code_is_reported_and_survived),
	KTEST_CASE(traps_null_dereference_is_named_as_such),
	KTEST_CASE(traps_general_protection_fault_is_reported),
	KTEST_CASE(traps_warn_on_reports_and_continues),
	KTEST_CASE(traps_warn_on_once_reports_only_the_first_time),
	KTEST_CASE(traps_warn_with_message_prints_it),
	KTEST_CASE(traps_bug_oopses_with_file_and_line),
	KTEST_CASE(traps_recovery_points_nest),
	KTEST_CASE(traps_kallsyms_names_kernel_functions),
	KTEST_CASE(traps_timer_interrupt_advances_jiffies),
	KTEST_CASE(traps_setjmp_returns_the_longjmp_value),
	KTEST_CASE(traps_explain_address_names_every_region),
	{}
};
KTEST_SUITE(traps, traps_cases);
