# tests/host/mm_sim/sim.mk - mm/ on a simulated machine, on the host, under
# AddressSanitizer and UBSan; included by the top Makefile.
#
#   make sim-tests       build build/mm_sim/mm_tests (the unit tests of mm/)
#   make sim-test-run    build and run it (KTAP; SIM_TEST_ARGS='buddy.*')
#
# The SAME files as the kernel's (mm/*.c, lib/*.c, kernel/printk.c,
# kernel/seq_file.c, arch/x86/mm/regions.c, arch/x86/mm/pgtable.c,
# arch/x86/mm/kernel_pgtable.c, and the
# SMP layer mm/ runs on: kernel/smp.c (and the idle clock its idle loop
# keeps, kernel/sched/idle_time.c), kernel/might_sleep.c,
# kernel/locking/, kernel/sched/wait.c, arch/x86/mm/tlb.c) are compiled as
# i386 code (-m32), so the kernel's addresses, sizes and overflows are the
# ones tested.  The arch layer is replaced: arch/sim/include/asm/ (the
# simulated machine as an architecture, as Linux's arch/um) comes before
# arch/x86/include/asm/ (the CPU's instructions, per-CPU
# access without %fs, WARN/BUG), and the files of tests/host/mm_sim/
# provide the boot, the one CPU, the page tables, the TLB, the one task
# (sched.c), no disk (block.c), and what kernel/ does for mm/.
# sim_config.h is put in front of every file (the fixmap's top, the
# linker script's symbols, lib/'s host_ names).
#
# After compiling, the variables of mm/, lib/, those kernel/ files and the
# simulation's kernel side (cpu.c, kernel.c, machine.c, mmu.c) are moved to
# sections mm_data and mm_bss, and every object's .data..percpu (the
# per-CPU template) to mm_percpu (objcopy), so that the simulation can put
# them back at each boot and keep them in snapshots (host_os.c); each
# .proc_files.NAME section becomes proc_files, which kernel/seq_file.c
# walks as the kernel's linker script would.  kmalloc.c's
# _srodata/_erodata (kstrdup_const) are the host program's read-only data:
# from the end of its text to its first writable section; the kernel's
# data and bss (page_use.c, kmemleak.c) are mm_data and mm_bss.
#
# The fuzz targets (tests/fuzz/fuzz.mk) build the same objects with clang
# and libFuzzer's coverage: sim_build_rules makes the rules for a tree.

SIM_CC ?= clang
OBJCOPY ?= objcopy
OBJDUMP ?= objdump
SIM_BUILD := $(or $(BUILD),build)/mm_sim
SIM_TEST_BIN := $(SIM_BUILD)/mm_tests
SIM_TEST_ARGS ?=

SIM_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
# gcc only: what clang does not know; clang only: the tables of variables
# the linker makes (asan_ignore.txt says why).
SIM_IS_GCC = $(filter gcc%,$(notdir $(1)))
SIM_CC_WARN := $(if $(call SIM_IS_GCC,$(SIM_CC)),-Wshadow=local, \
	-fsanitize-ignorelist=tests/host/mm_sim/asan_ignore.txt)
# The kernel's warnings; -fno-pie: the kernel's addresses are absolute.
SIM_BASE_CFLAGS := -m32 -O1 -g -std=gnu11 -fno-pie -fno-common \
	-fno-omit-frame-pointer -fno-strict-aliasing \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wvla
# The kernel side: the kernel's headers behind the simulation's asm/; each
# variable in a section of its own (see above).
SIM_KERNEL_CFLAGS := -ffreestanding -fno-builtin -fdata-sections \
	-DHOST_TEST -Iarch/sim/include -Iinclude -Iarch/x86/include \
	-include tests/host/mm_sim/sim_config.h
SIM_LDFLAGS := -m32 -no-pie \
	-Wl,--defsym=_srodata=etext -Wl,--defsym=_erodata=__init_array_start \
	-Wl,--defsym=__per_cpu_start=__start_mm_percpu \
	-Wl,--defsym=__per_cpu_end=__stop_mm_percpu \
	-Wl,--defsym=sim_text=__executable_start -Wl,--defsym=sim_etext=etext \
	-Wl,--defsym=sim_sdata=__start_mm_data \
	-Wl,--defsym=sim_edata=__stop_mm_data \
	-Wl,--defsym=sim_bss_start=__start_mm_bss \
	-Wl,--defsym=sim_bss_stop=__stop_mm_bss \
	-Wl,--defsym=sim_boot_stack_guard=__stop_mm_bss \
	-Wl,--defsym=sim_boot_stack_top=__stop_mm_bss

# What the kernel's mm is built from, as the kernel builds it.
SIM_LOCKING_SRCS := kernel/smp.c kernel/sched/idle_time.c kernel/might_sleep.c \
	kernel/locking/spinlock_debug.c kernel/locking/mutex.c \
	kernel/sched/wait.c
SIM_STATE_SRCS := $(sort $(wildcard mm/*.c lib/*.c)) arch/x86/mm/regions.c \
	arch/x86/mm/tlb.c arch/x86/mm/pgtable.c arch/x86/mm/kernel_pgtable.c \
	kernel/taint.c $(SIM_LOCKING_SRCS)
SIM_KERNEL_SRCS := $(SIM_STATE_SRCS) kernel/printk.c kernel/seq_file.c \
	$(filter-out tests/host/mm_sim/host_os.c, \
		$(sort $(wildcard tests/host/mm_sim/*.c)))
SIM_HOST_SRCS := tests/host/mm_sim/host_os.c

# sim_objs(BUILD-DIR, SOURCES)
sim_objs = $(patsubst %.c,$(1)/%.o,$(2))
SIM_OBJS := $(call sim_objs,$(SIM_BUILD),$(SIM_KERNEL_SRCS) $(SIM_HOST_SRCS))

SIM_TEST_SRCS := $(sort $(wildcard tests/host/mm/*.c)) tests/host/host_ktest.c
SIM_TEST_OBJS := $(call sim_objs,$(SIM_BUILD),$(SIM_TEST_SRCS))

.PHONY: sim-tests sim-test-run

# `make host-tests` (and so `make test`) builds these too.
host-tests: $(SIM_TEST_BIN)
$(SIM_OBJS) $(SIM_TEST_OBJS): | deps

sim-tests: $(SIM_TEST_BIN)

sim-test-run: $(SIM_TEST_BIN)
	$(SIM_TEST_BIN) $(SIM_TEST_ARGS)

$(SIM_TEST_BIN): $(SIM_OBJS) $(SIM_TEST_OBJS)
	$(SIM_CC) $(SIM_SANITIZE) $(SIM_LDFLAGS) -o $@ $^

# Rename a state object's variables (one section each, -fdata-sections) to
# mm_data and mm_bss, and any object's .proc_files.NAME to proc_files.  The
# sanitizers' own data (.data..L*) is left out: it need not be reset.
# sim_sections(OBJECT, STATE: yes or empty)
define sim_sections
	$(Q)renames=$$($(OBJDUMP) -h $(1) | awk -v state="$(2)" ' \
		$$2 ~ /^\.proc_files\./ { to = "proc_files" } \
		$$2 == ".data..percpu" { to = "mm_percpu" } \
		state && $$2 ~ /^\.(data|init\.data)$$|^\.data\.[^.]/ { to = "mm_data" } \
		state && $$2 ~ /^\.bss$$|^\.bss\.[^.]/ { to = "mm_bss" } \
		to { printf " --rename-section %s=%s", $$2, to; to = "" }'); \
	[ -z "$$renames" ] || $(OBJCOPY) $$renames $(1)
endef

# sim_build_rules(BUILD-DIR, CC, CFLAGS, KERNEL-CFLAGS): the objects of one
# tree.  CFLAGS are the compiler's own (warnings, sanitizers), for every
# file; KERNEL-CFLAGS only for the kernel's files (mm/, lib/, kernel/,
# arch/), which libFuzzer's coverage instruments.  host_os.c sees only the C
# library's headers; lib/string.c keeps its own names (sim_config.h); the
# test files see the harness and the simulation's header.
define sim_build_rules
$(1)/tests/host/mm_sim/host_os.o: tests/host/mm_sim/host_os.c \
		tests/host/mm_sim/sim.mk
	@mkdir -p $$(dir $$@)
	$$(Q)$(2) $$(SIM_BASE_CFLAGS) $(3) -fno-builtin -MMD -MP -c $$< -o $$@

$(1)/mm/%.o $(1)/lib/%.o $(1)/arch/%.o: SIM_STATE := yes
$(addprefix $(1)/tests/host/mm_sim/,kernel.o machine.o mmu.o cpu.o sched.o): \
	SIM_STATE := yes
$(call sim_objs,$(1),$(SIM_LOCKING_SRCS)): SIM_STATE := yes
$(1)/mm/%.o $(1)/lib/%.o $(1)/arch/%.o $(1)/kernel/%.o: SIM_EXTRA := $(4)
$(1)/lib/string.o: SIM_EXTRA := $(4) -DSIM_LIB_STRING
$(1)/tests/%.o: SIM_EXTRA := -Itests/host -Itests/host/mm_sim

$(1)/%.o: %.c tests/host/mm_sim/sim.mk
	@mkdir -p $$(dir $$@)
	$$(Q)$(2) $$(SIM_BASE_CFLAGS) $$(SIM_KERNEL_CFLAGS) $(3) \
		$$(SIM_EXTRA) -MMD -MP -c $$< -o $$@
	$$(call sim_sections,$$@,$$(SIM_STATE))
endef

$(eval $(call sim_build_rules,$(SIM_BUILD),$(SIM_CC),$(SIM_CC_WARN) \
	$(SIM_SANITIZE),))

-include $(SIM_OBJS:.o=.d) $(SIM_TEST_OBJS:.o=.d)
