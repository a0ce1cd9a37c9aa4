// SPDX-License-Identifier: GPL-2.0
/*
 * percpu_test.c - verifies per-CPU variables as Linux has them: a static
 * DEFINE_PER_CPU variable has one copy per CPU, each CPU reaches its own
 * with this_cpu_*() (one %fs-prefixed instruction, checked in the machine
 * code) and any CPU's with per_cpu(); alloc_percpu() memory is zeroed on
 * every CPU, reachable the same ways, freed and reused, and its misuse (a
 * full area, a bad or double free_percpu) is reported; get_cpu_var() and
 * get_cpu() hold preemption off until their put; and the course notes'
 * example ("Per-CPU Variables") compiles and runs as written.
 */
#include <bug.h>
#include <kernel.h>
#include <ktest.h>
#include <percpu.h>
#include <printk.h>
#include <smp.h>
#include <string.h>

static DEFINE_PER_CPU(int, percpu_test_counter);
static DEFINE_PER_CPU(u8, percpu_test_byte);
static DEFINE_PER_CPU(u64, percpu_test_wide);

static void percpu_static_variable_has_a_copy_per_cpu(struct ktest *test)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(percpu_test_counter, cpu) = 1000 + (int)cpu;
	for_each_possible_cpu(cpu) {
		KTEST_EXPECT_EQ(test, per_cpu(percpu_test_counter, cpu),
				1000 + (int)cpu);
		/* Each copy sits in its CPU's area, a unit apart. */
		KTEST_EXPECT_EQ(test,
				(unsigned long)per_cpu_ptr(&percpu_test_counter,
							   cpu) -
					(unsigned long)&percpu_test_counter,
				per_cpu_offset(cpu));
	}
	KTEST_EXPECT_PTR_EQ(test, this_cpu_ptr(&percpu_test_counter),
			    per_cpu_ptr(&percpu_test_counter,
					smp_processor_id()));
}

static void percpu_this_cpu_ops_change_only_this_cpu(struct ktest *test)
{
	unsigned int cpu, me = smp_processor_id();
	int counter;
	u8 byte;
	u64 wide;

	for_each_possible_cpu(cpu) {
		per_cpu(percpu_test_counter, cpu) = 7;
		per_cpu(percpu_test_byte, cpu) = 7;
		per_cpu(percpu_test_wide, cpu) = 7;
	}
	this_cpu_write(percpu_test_counter, 40);
	this_cpu_inc(percpu_test_counter); /* 41 */
	this_cpu_add(percpu_test_counter, 3); /* 44 */
	this_cpu_dec(percpu_test_counter); /* 43 */
	this_cpu_sub(percpu_test_counter, 2); /* 41 */
	counter = this_cpu_read(percpu_test_counter);
	KTEST_EXPECT_EQ(test, counter, 41);
	this_cpu_add(percpu_test_byte, 250); /* 8 bits: wraps to 1 */
	this_cpu_add(percpu_test_wide, 1ULL << 40); /* 64 bits: generic */
	byte = this_cpu_read(percpu_test_byte);
	wide = this_cpu_read(percpu_test_wide);
	KTEST_EXPECT_EQ(test, byte, 1);
	KTEST_EXPECT_EQ(test, wide, (1ULL << 40) + 7);
	for_each_possible_cpu(cpu) {
		if (cpu == me)
			continue;
		KTEST_EXPECT_EQ(test, per_cpu(percpu_test_counter, cpu), 7);
		KTEST_EXPECT_EQ(test, per_cpu(percpu_test_byte, cpu), 7);
		KTEST_EXPECT_EQ(test, per_cpu(percpu_test_wide, cpu), 7);
	}
}

/* The code of this function must contain `incl %fs:percpu_test_counter`. */
static noinline void percpu_test_inc(void)
{
	this_cpu_inc(percpu_test_counter);
}

static void percpu_this_cpu_inc_is_one_fs_instruction(struct ktest *test)
{
	const u8 *code = (const u8 *)percpu_test_inc;
	u32 addr = (u32)(unsigned long)&percpu_test_counter;
	bool found = false;

	/* 64 = %fs prefix, ff /0 = inc r/m32, 05 = disp32 absolute. */
	for (int i = 0; i < 32 && !found; i++)
		found = code[i] == 0x64 && code[i + 1] == 0xff &&
			code[i + 2] == 0x05 && !memcmp(&code[i + 3], &addr, 4);
	KTEST_EXPECT_TRUE(test, found);
	this_cpu_write(percpu_test_counter, 5);
	percpu_test_inc();
	KTEST_EXPECT_EQ(test, this_cpu_read(percpu_test_counter), 6);
}

static void record_cpu_func(void *arg)
{
	int __percpu *dyn = arg;

	this_cpu_write(percpu_test_counter, 500 + (int)smp_processor_id());
	*this_cpu_ptr(dyn) = 900 + (int)smp_processor_id();
}

static void percpu_each_cpu_sees_its_own_copy(struct ktest *test)
{
	int __percpu *dyn = alloc_percpu(int);
	unsigned int cpu;

	KTEST_ASSERT_NOT_NULL(test, dyn);
	on_each_cpu(record_cpu_func, dyn, true);
	for_each_online_cpu(cpu) {
		KTEST_EXPECT_EQ(test, per_cpu(percpu_test_counter, cpu),
				500 + (int)cpu);
		KTEST_EXPECT_EQ(test, *per_cpu_ptr(dyn, cpu), 900 + (int)cpu);
	}
	free_percpu(dyn);
}

struct percpu_test_obj {
	u32 words[5];
};

static void percpu_alloc_is_zeroed_everywhere_and_reused(struct ktest *test)
{
	size_t used = pcpu_nr_used_bytes();
	struct percpu_test_obj __percpu *obj =
		alloc_percpu(struct percpu_test_obj);
	struct percpu_test_obj __percpu *again;
	unsigned int cpu;

	KTEST_ASSERT_NOT_NULL(test, obj);
	KTEST_EXPECT_EQ(test, pcpu_nr_used_bytes(), used + 24);
	for_each_possible_cpu(cpu) {
		struct percpu_test_obj *o = per_cpu_ptr(obj, cpu);

		for (int i = 0; i < 5; i++)
			KTEST_EXPECT_EQ(test, o->words[i], 0);
		memset(o, 0xa5, sizeof(*o)); /* dirty it for the next user */
	}
	free_percpu(obj);
	KTEST_EXPECT_EQ(test, pcpu_nr_used_bytes(), used);
	again = alloc_percpu(struct percpu_test_obj);
	KTEST_EXPECT_PTR_EQ(test, again, obj); /* first fit: the same spot */
	for_each_possible_cpu(cpu)
		KTEST_EXPECT_EQ(test, per_cpu_ptr(again, cpu)->words[4], 0);
	free_percpu(again);
}

static void percpu_misuse_is_reported(struct ktest *test)
{
	size_t half = pcpu_dynamic_size() / 2 + 8;
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();
	void __percpu *a, *b;

	a = __alloc_percpu(half, 8);
	KTEST_ASSERT_NOT_NULL(test, a);
	b = __alloc_percpu(half, 8); /* cannot fit beside a */
	KTEST_EXPECT_NULL(test, b);
	KTEST_EXPECT_LOG(test, mark, "percpu: allocation failed, size=");
	free_percpu(a);
	free_percpu(a);
	KTEST_EXPECT_LOG(test, mark, "is not a per-CPU allocation");
	free_percpu((char __percpu *)a + 4);
	KTEST_EXPECT_NULL(test, __alloc_percpu(0, 8));
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 3);
}

static void percpu_get_cpu_holds_preemption_off(struct ktest *test)
{
	unsigned int count = preempt_count();
	int cpu = (int)get_cpu();

	KTEST_EXPECT_EQ(test, cpu, (int)smp_processor_id());
	KTEST_EXPECT_EQ(test, preempt_count(), count + 1);
	KTEST_EXPECT_TRUE(test, in_atomic());
	put_cpu();
	KTEST_EXPECT_EQ(test, preempt_count(), count);
	get_cpu_var(percpu_test_counter) = 3;
	KTEST_EXPECT_EQ(test, preempt_count(), count + 1);
	put_cpu_var(percpu_test_counter);
	KTEST_EXPECT_EQ(test, preempt_count(), count);
	KTEST_EXPECT_EQ(test, this_cpu_read(percpu_test_counter), 3);
}

/* The notes' example, line for line (004, "Per-CPU Variables"). */
DEFINE_PER_CPU(int, my_counter);

static void percpu_notes_example_runs_as_written(struct ktest *test)
{
	unsigned int count = preempt_count();
	int cpu = (int)smp_processor_id();

	this_cpu_write(my_counter, 41);
	{
		// Access
		int value = get_cpu_var(my_counter);
		value++;
		put_cpu_var(my_counter);

		/* value is a copy: the per-CPU variable itself stays 41. */
		KTEST_EXPECT_EQ(test, value, 42);
		KTEST_EXPECT_EQ(test, this_cpu_read(my_counter), 41);
	}
	{
		// Or with preemption disabled
		int *ptr = per_cpu_ptr(&my_counter, cpu);

		KTEST_EXPECT_EQ(test, *ptr, 41);
	}
	{
		// Dynamic allocation
		int __percpu *counter = alloc_percpu(int);

		KTEST_ASSERT_NOT_NULL(test, counter);
		{
			// Access
			int *ptr = per_cpu_ptr(counter, smp_processor_id());
			*ptr = 42;
		}
		KTEST_EXPECT_EQ(test, *this_cpu_ptr(counter), 42);

		// Free
		free_percpu(counter);
	}
	KTEST_EXPECT_EQ(test, preempt_count(), count);
}

static const struct ktest_case percpu_cases[] = {
	KTEST_CASE(percpu_static_variable_has_a_copy_per_cpu),
	KTEST_CASE(percpu_this_cpu_ops_change_only_this_cpu),
	KTEST_CASE(percpu_this_cpu_inc_is_one_fs_instruction),
	KTEST_CASE(percpu_each_cpu_sees_its_own_copy),
	KTEST_CASE(percpu_alloc_is_zeroed_everywhere_and_reused),
	KTEST_CASE(percpu_misuse_is_reported),
	KTEST_CASE(percpu_get_cpu_holds_preemption_off),
	KTEST_CASE(percpu_notes_example_runs_as_written),
	{}
};
KTEST_SUITE(percpu, percpu_cases);
