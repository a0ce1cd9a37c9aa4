# kmem386 - a 32-bit i386 kernel that teaches Linux memory management.
#
#   make            build build/kernel.elf
#   make run        boot the GRUB ISO in QEMU (-m 2G), COM1 on this terminal
#   make test       host unit tests + every QEMU boot of the test matrix
#   make fuzz       the libFuzzer targets of mm/ (FUZZ_SECONDS=300 in all)
#   make iso        build/kmem386.iso (GRUB, BIOS boot; the initramfs a module)
#   make run-kernel boot build/kernel.elf directly (QEMU -kernel, -initrd)
#   make gdb        QEMU halted with its gdb stub, gdb attached; the console
#                   in a tmux pane, or on build/console.sock for `make console`
#   make console    a terminal on build/console.sock (COM1 during make gdb)
#   make demo       the ex04 walkthrough (boot mode `demo`)
#   make bench      benchmarks at 128M/2G/3G: build/bench.txt, build/bench.json
#   make user       the user programs (user/README.md)
#   make linux      the user programs on Debian's real Linux 686 (PROG=hello ...)
#   make bench-linux  the user benchmarks on Linux under -icount
#   make pictures   SVG pictures of a live boot in docs/pictures
#   make compare    kmem386 beside Debian's Linux 686: boot lines, /proc, bench
#   make format / check-format / clean / compile_commands.json
#
# Every build runs on all cores (make -jN on the command line still wins).
#
# Variables: V=1 (show commands), MEM=2G (guest RAM), SMP=1 (CPUs, 1..8),
# APPEND="..." (kernel command line), ACCEL=tcg|kvm (TCG by default: nested
# KVM here has crashed guests the moment they enable paging), QEMU_EXTRA="..."
# (more QEMU options), EDU=1 (QEMU's edu PCI device, for `demo dma`),
# DISK=1 (a virtio disk, build/run-disk.img, for `demo pagecache`),
# GDB_PORT=1234 (make gdb's stub), GDB_CONSOLE=tmux|socket (where the console
# goes during make gdb; default: tmux when run inside tmux).

# All cores by default; `make clean` beside other goals runs them in order.
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 1)
ifneq ($(filter clean,$(MAKECMDGOALS)),)
.NOTPARALLEL:
endif

MEM ?= 2G
SMP ?= 1
V ?= 0
ifeq ($(V),1)
Q :=
else
Q := @
endif
APPEND ?=
ACCEL ?= tcg
QEMU_EXTRA ?=
GDB_PORT ?= 1234
GDB_CONSOLE ?=
EDU ?= 0
# QEMU's educational PCI device (1234:11e8, 28-bit DMA): `demo dma`.  Its
# "EDU: clamping DMA" lines come to this terminal (QEMU 7.2 prints them;
# later versions log them as guest errors, hence -d guest_errors).
ifeq ($(EDU),1)
QEMU_EDU := -device edu -d guest_errors
endif
DISK ?= 0
# A virtio disk (legacy PCI, 1af4:1001) for the page cache: /dev/vda.
# build/disk.img is the pristine image the tests copy; `make run DISK=1`
# boots with a copy of its own that keeps what the sessions wrote
# (`make disk-reset` starts it again from the pristine one).
DISK_IMG = $(BUILD)/disk.img
RUN_DISK = $(BUILD)/run-disk.img
ifeq ($(DISK),1)
QEMU_DISK = -drive file=$(RUN_DISK),if=virtio,format=raw
RUN_DISK_DEP = $(RUN_DISK)
endif

BUILD := build
KERNEL := $(BUILD)/kernel.elf
ISO := $(BUILD)/kmem386.iso

CC := gcc
LD := gcc
NM := nm
QEMU := qemu-system-i386
PYTHON := python3
GDB := gdb
CONSOLE_SOCK := $(BUILD)/console.sock

# Kernel sources: every .c and .S under these folders.  The kernel itself
# (CORE_DIRS) is everything below the teaching folder, the tests and the
# benchmarks (TOP_DIRS), which depend on it and never the other way round.
CORE_DIRS := arch/x86 kernel lib mm block drivers fs
TOP_DIRS := teach tests/kernel bench
find_srcs = $(shell find $(1) -name '*.c' -o -name '*.S' | LC_ALL=C sort)
CORE_OBJS := $(patsubst %,$(BUILD)/%.o,$(basename $(call find_srcs,$(CORE_DIRS))))
OBJS := $(CORE_OBJS) \
	$(patsubst %,$(BUILD)/%.o,$(basename $(call find_srcs,$(TOP_DIRS))))
DEPS := $(OBJS:.o=.d)

# Header folders, per source folder: the kernel sees include/ and the arch's
# headers only, so a kernel file that included a teaching, test or benchmark
# header would not compile.  The folders on top see their own headers too.
INCLUDES := -Iinclude -Iarch/x86/include
TEACH_INCLUDES := -Iteach/include -Iteach/ex04
$(BUILD)/teach/%.o: INCLUDES += $(TEACH_INCLUDES)
$(BUILD)/tests/kernel/%.o: INCLUDES += $(TEACH_INCLUDES) -Itests/kernel
$(BUILD)/bench/%.o: INCLUDES += -Iteach/include -Ibench
# -mregparm=3: arguments in registers, as Linux i386 (compiler.h: asmlinkage).
CFLAGS := -m32 -march=i686 -mregparm=3 -std=gnu11 -O2 -g \
	-ffreestanding -fno-pie -fno-stack-protector -fno-builtin-printf \
	-fno-omit-frame-pointer -fno-strict-aliasing -fno-common \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns \
	-mgeneral-regs-only -mno-red-zone \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes \
	-Wstrict-prototypes -Wshadow=local -Wvla -MMD -MP
ASFLAGS := -m32 -D__ASSEMBLY__ -MMD -MP -g
LDFLAGS := -m32 -nostdlib -no-pie -static -Wl,--build-id=none \
	-Wl,-T,arch/x86/kernel.ld -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments

# Several CPUs under TCG: one host thread per CPU (MTTCG, which QEMU allows
# for i386 guests), so they really run at the same time.
ifeq ($(ACCEL)$(filter 1,$(SMP)),tcg)
QEMU_ACCEL := -accel tcg,thread=multi
else
QEMU_ACCEL := -accel $(ACCEL)
endif
QEMU_COMMON := $(QEMU_ACCEL) -m $(MEM) -smp $(SMP) -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 $(QEMU_EDU) $(QEMU_DISK) \
	$(QEMU_EXTRA)
# Show the VGA window when there is a display; COM1 is always this terminal.
ifeq ($(DISPLAY)$(WAYLAND_DISPLAY),)
QEMU_DISPLAY := -display none
else
QEMU_DISPLAY :=
endif
QEMU_CONSOLE := -serial mon:stdio $(QEMU_DISPLAY)

.PHONY: all kernel iso run run-kernel demo bench gdb console test deps clean \
	format check-format host-tests host-test-run compile_commands.json \
	disk disk-reset

all: kernel

kernel: $(KERNEL)

-include $(DEPS)
include tests/host/host.mk
include tests/host/mm_sim/sim.mk
include tests/fuzz/fuzz.mk
include user/user.mk
include tools/linux/linux.mk
include tools/pictures/pictures.mk
include tools/compare/compare.mk

# --- dependencies ----------------------------------------------------------
# The tools the build and QEMU need; installed as root, named otherwise.
deps:
	@./tools/check-deps.sh

# --- the kernel ------------------------------------------------------------
# Every compile first makes sure the tools are there (order-only: the check
# itself never makes anything out of date).
$(OBJS) $(BUILD)/kallsyms_empty.o: | deps

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) $(INCLUDES) -c $< -o $@

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(ASFLAGS) $(INCLUDES) -c $< -o $@

# Two links: the first without a symbol table, whose text symbols then fill
# .kallsyms for the second.  .kallsyms comes after all code, so no function
# moves between the two links (checked by tools/gen-kallsyms.sh).
$(BUILD)/kernel.pass1.elf: $(OBJS) $(BUILD)/kallsyms_empty.o arch/x86/kernel.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -o $@ $(OBJS) $(BUILD)/kallsyms_empty.o

$(BUILD)/kallsyms_empty.o: tools/gen-kallsyms.sh
	@mkdir -p $(BUILD)
	$(Q)./tools/gen-kallsyms.sh /dev/null > $(BUILD)/kallsyms_empty.S
	$(Q)$(CC) $(ASFLAGS) -c $(BUILD)/kallsyms_empty.S -o $@

$(BUILD)/kallsyms.o: $(BUILD)/kernel.pass1.elf tools/gen-kallsyms.sh
	@echo "  KSYMS   $@"
	$(Q)$(NM) -n $< | ./tools/gen-kallsyms.sh - > $(BUILD)/kallsyms.S
	$(Q)$(CC) $(ASFLAGS) -c $(BUILD)/kallsyms.S -o $@

$(KERNEL): $(BUILD)/kernel.pass1.elf $(BUILD)/kallsyms.o
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -o $@ $(OBJS) $(BUILD)/kallsyms.o
	$(Q)./tools/check-kallsyms.sh $(BUILD)/kernel.pass1.elf $@

# The kernel alone, without teach/, tests/ and bench/: that it links proves
# that nothing below them calls into them (`make test` builds it).  It boots
# only as far as the boot mode: it has none to run.
$(BUILD)/kernel-core.elf: $(CORE_OBJS) $(BUILD)/kallsyms_empty.o \
		arch/x86/kernel.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -o $@ $(CORE_OBJS) $(BUILD)/kallsyms_empty.o

# --- the GRUB ISO ----------------------------------------------------------
iso: $(ISO)

$(ISO): $(KERNEL) iso/boot/grub/grub.cfg $(USER_INITRD)
	@rm -rf $(BUILD)/isodir
	@mkdir -p $(BUILD)/isodir/boot/grub
	cp $(KERNEL) $(BUILD)/isodir/boot/kernel.elf
	cp $(USER_INITRD) $(BUILD)/isodir/boot/initramfs.cpio
	cp iso/boot/grub/grub.cfg $(BUILD)/isodir/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(BUILD)/isodir 2> $(BUILD)/grub-mkrescue.log || \
		{ cat $(BUILD)/grub-mkrescue.log; exit 1; }

# --- the disk image ----------------------------------------------------------
disk: $(DISK_IMG)

$(DISK_IMG): tools/mkdisk.py
	@mkdir -p $(BUILD)
	@echo "  DISK    $@"
	$(Q)$(PYTHON) tools/mkdisk.py $@

$(RUN_DISK): | $(DISK_IMG)
	$(Q)cp $(DISK_IMG) $@

disk-reset: $(DISK_IMG)
	cp $(DISK_IMG) $(RUN_DISK)

# --- running ---------------------------------------------------------------
# `poweroff` leaves QEMU with status 33 (isa-debug-exit): a normal end here.
QEMU_OK = status=$$?; [ $$status = 0 ] || [ $$status = 33 ] || exit $$status

run: deps $(ISO) $(RUN_DISK_DEP)
	$(QEMU) $(QEMU_COMMON) $(QEMU_CONSOLE) -cdrom $(ISO) -boot d; \
		$(QEMU_OK)

run-kernel: deps $(KERNEL) $(USER_INITRD) $(RUN_DISK_DEP)
	$(QEMU) $(QEMU_COMMON) $(QEMU_CONSOLE) -kernel $(KERNEL) \
		-initrd $(USER_INITRD) -append "$(APPEND)"; $(QEMU_OK)

demo: deps $(KERNEL) $(USER_INITRD) $(RUN_DISK_DEP)
	$(QEMU) $(QEMU_COMMON) $(QEMU_CONSOLE) -kernel $(KERNEL) \
		-initrd $(USER_INITRD) -append "demo $(APPEND)"; $(QEMU_OK)

# gdb and the console each need a terminal: tools/gdb-session.sh gives the
# console a tmux pane, or a socket for `make console` in a second terminal.
# Ctrl-C in gdb stops the guest; QEMU is not in gdb's process group.
gdb: deps $(KERNEL) $(USER_INITRD) $(RUN_DISK_DEP)
	QEMU="$(QEMU)" QEMU_ARGS="$(QEMU_COMMON) $(QEMU_DISPLAY) -initrd $(USER_INITRD)" \
		APPEND="$(APPEND)" GDB="$(GDB)" GDB_PORT="$(GDB_PORT)" \
		GDB_CONSOLE="$(GDB_CONSOLE)" CONSOLE_SOCK="$(CONSOLE_SOCK)" \
		./tools/gdb-session.sh $(KERNEL)

console:
	$(PYTHON) tools/console.py $(CONSOLE_SOCK)

# Boots `bench` at -m 128M, 2G and 3G (TCG with -icount: instruction counts)
# and prints the table; build/bench.txt and build/bench.json keep it.
bench: deps $(KERNEL)
	$(PYTHON) bench/bench.py --kernel $(KERNEL) --out $(BUILD) \
		--accel $(ACCEL) --append "$(APPEND)"

# --- tests -----------------------------------------------------------------
# SMP=N given to make: every matrix boot (and the ISO's) with N CPUs.
TEST_SMP := $(if $(filter command line environment,$(origin SMP)),--smp $(SMP))

# The host tests: lib/ (gcc), mm/ on the simulated machine, the fuzz corpus.
test: deps $(KERNEL) $(BUILD)/kernel-core.elf $(ISO) host-tests linux-prepare \
		$(USER_INITRD) $(DISK_IMG)
	$(PYTHON) tests/run.py --kernel $(KERNEL) --iso $(ISO) \
		--initrd $(USER_INITRD) --host-tests $(HOST_TEST_BIN) \
		--host-tests $(SIM_TEST_BIN) --host-tests $(FUZZ_REPLAY_BIN) \
		--disk $(DISK_IMG) \
		--linux-dir $(LINUX_DIR) $(TEST_SMP)

# --- housekeeping ----------------------------------------------------------
FORMAT_FILES = $(shell find arch include kernel lib mm block drivers fs teach tests bench user \
	-name '*.[ch]' | LC_ALL=C sort)

format:
	clang-format -i $(FORMAT_FILES)

check-format:
	@bad=0; for f in $(FORMAT_FILES); do \
		clang-format --dry-run -Werror $$f >/dev/null 2>&1 || \
		{ echo "not formatted: $$f"; bad=1; }; \
	done; exit $$bad

# Rebuilds everything (-B) under bear, which records each compiler call.
compile_commands.json:
	bear --output $@ -- $(MAKE) -B kernel host-tests

clean:
	rm -rf $(BUILD)
