# tools/linux/linux.mk - the user programs on Debian 12's real Linux 686,
# included by the top Makefile.
#
#   make linux             boot Debian's linux-image-686 (i386) under the same
#                          QEMU (TCG, -m $(MEM)) with a busybox initramfs that
#                          holds the user programs; run PROG, then a shell on
#                          this terminal (`poweroff -f` ends it)
#   make linux PROG=hello  run hello and power off (PROG: names, spaces or commas)
#   make bench-linux       the user benchmarks under -icount: instruction counts,
#                          the rows printed as the kernel's bench mode prints them
#                          (idle_tsc.ko loaded: /proc/idle_tsc, the idle clock the
#                          rows that wait for the disk subtract)
#   make bench-user        the same on kmem386 and on Linux at once, side by side
#                          (SMP=4: kmem386 with four CPUs, Linux with one)
#   make linux-initramfs   fetch and build what the boots need (make test uses it)
#   make bench-linux-kernel  kmem386's kernel bench rows timed on Linux by a module
#                          (tools/linux/kbench) built against Debian's headers
#
# Variables: PROG (default: hello and every test program), DISK=1 (the
# virtio disk build/run-disk.img, as for make run), LINUX_SHELL=0|1
# (a shell after the programs; default 1 without PROG, 0 with it), ARGS
# (arguments for each program), LINUX_APPEND (more kernel command line),
# MEM, ACCEL, QEMU_EXTRA as for make run.
#
# The packages come from apt (tools/linux/fetch.sh, as root; cached in
# build/linux: a second run downloads nothing).

LINUX_DIR := $(BUILD)/linux
LINUX_KERNEL := $(LINUX_DIR)/vmlinuz
LINUX_RELEASE := $(LINUX_DIR)/kernel-release
LINUX_LIST := $(LINUX_DIR)/initramfs.list
LINUX_INITRD := $(LINUX_DIR)/initramfs.cpio
# The modules' initramfs: the same, with tools/linux/kbench's two modules
# (kbench.ko, idle_tsc.ko), built against Debian's headers for the kernel.
LINUX_HEADERS_STAMP := $(LINUX_DIR)/headers.done
KBENCH_DIR := $(LINUX_DIR)/kbench
KBENCH_KO := $(KBENCH_DIR)/kbench.ko
IDLE_TSC_KO := $(KBENCH_DIR)/idle_tsc.ko
LINUX_KB_LIST := $(LINUX_DIR)/initramfs-kbench.list
LINUX_KB_INITRD := $(LINUX_DIR)/initramfs-kbench.cpio
# quiet: only warnings reach the console, so program output stays readable;
# init_on_alloc=0: Debian zeroes every allocation by default, which kmem386
# does not (issue 11 measured Linux so too).
LINUX_CMDLINE := console=ttyS0 quiet init_on_alloc=0
# The virtio disk's drivers, modules in Debian's kernel, in the order
# their dependencies ask (modinfo depends=): /init loads them, so a boot
# with -drive if=virtio has /dev/vda, as kmem386 does.
LINUX_VIRTIO_MODULES := drivers/virtio/virtio_ring.ko drivers/virtio/virtio.ko \
	drivers/virtio/virtio_pci_modern_dev.ko \
	drivers/virtio/virtio_pci_legacy_dev.ko drivers/virtio/virtio_pci.ko \
	drivers/block/virtio_blk.ko

PROG ?=
ARGS ?=
LINUX_APPEND ?=
comma := ,
empty :=
space := $(empty) $(empty)
LINUX_PROGS := $(or $(strip $(subst $(comma),$(space),$(PROG))),hello $(USER_TESTS))
LINUX_SHELL ?= $(if $(strip $(PROG)),0,1)

.PHONY: linux linux-initramfs linux-prepare bench-linux bench-linux-kernel \
	bench-user

$(LINUX_RELEASE): tools/linux/fetch.sh
	$(Q)./tools/linux/fetch.sh $(LINUX_DIR)

# The programs' own list (user/user.mk), then what Linux's side adds:
# busybox, /init and the mount points.
$(LINUX_LIST): $(USER_LIST) $(LINUX_RELEASE) tools/linux/init tools/linux/linux.mk
	@echo "  GEN     $@"
	$(Q){ cat $(USER_LIST); \
	  echo "# Debian's busybox and our /init (tools/linux/linux.mk)"; \
	  echo "dir /bin 0755 0 0"; \
	  echo "file /bin/busybox $(abspath $(LINUX_DIR))/root/bin/busybox 0755 0 0"; \
	  echo "file /init $(abspath tools/linux/init) 0755 0 0"; \
	  for d in proc sys dev modules; do echo "dir /$$d 0755 0 0"; done; \
	  for m in $(LINUX_VIRTIO_MODULES); do \
	    echo "file /modules/$$(basename $$m) $(abspath $(LINUX_DIR))/root/lib/modules/$$(cat $(LINUX_RELEASE))/kernel/$$m 0644 0 0"; \
	  done; \
	  echo "nod /dev/console 0600 0 0 c 5 1"; \
	  echo "nod /dev/null 0666 0 0 c 1 3"; \
	} > $@

$(LINUX_INITRD): $(LINUX_LIST) $(USER_PROGS) tools/gen_init_cpio.py
	@echo "  CPIO    $@"
	$(Q)$(PYTHON) tools/gen_init_cpio.py -o $@ $(LINUX_LIST)

linux-initramfs: $(LINUX_INITRD)

# For make test: a failed fetch must not stop the other tests; the Linux
# check then fails and shows this log (tests/linux_check.py).
linux-prepare: user
	@mkdir -p $(LINUX_DIR)
	@$(MAKE) --no-print-directory linux-initramfs \
		> $(LINUX_DIR)/prepare.log 2>&1 || { rm -f $(LINUX_INITRD); \
		echo "make linux-initramfs failed: see $(LINUX_DIR)/prepare.log"; }

LINUX_QEMU = $(QEMU) $(QEMU_ACCEL) -m $(MEM) -no-reboot -nic none $(QEMU_EXTRA) \
	$(QEMU_DISK) -kernel $(LINUX_KERNEL) -initrd $(LINUX_INITRD)

LINUX_RUN_ARGS = kmem386.progs=$(subst $(space),$(comma),$(LINUX_PROGS)) \
	kmem386.args=$(subst $(space),$(comma),$(strip $(ARGS))) \
	kmem386.shell=$(LINUX_SHELL)

linux: deps $(LINUX_INITRD) $(RUN_DISK_DEP)
	$(LINUX_QEMU) $(QEMU_CONSOLE) \
		-append "$(strip $(LINUX_CMDLINE) $(LINUX_RUN_ARGS) $(LINUX_APPEND))"; \
		$(QEMU_OK)

# The user benchmarks load idle_tsc.ko first: /proc/idle_tsc, the idle
# clock the rows that wait for the disk subtract (user/include/ubench.h).
BENCH_LINUX_APPEND = kmem386.insmod=idle_tsc.ko $(LINUX_APPEND)

bench-linux: deps $(LINUX_KB_INITRD) $(DISK_IMG)
	$(PYTHON) tests/linux_check.py bench --linux-dir $(LINUX_DIR) \
		--initrd $(LINUX_KB_INITRD) \
		--mem $(MEM) --accel $(ACCEL) $(if $(ARGS),--args "$(ARGS)") \
		--progs "$(USER_BENCHES)" --append "$(BENCH_LINUX_APPEND)"

# The same user benchmarks on kmem386 and on Linux at once, side by side
# (build/bench-user.txt): the goal of each row is half of Linux's count.
bench-user: deps $(KERNEL) $(USER_INITRD) $(LINUX_KB_INITRD) $(DISK_IMG)
	$(PYTHON) tests/linux_check.py bench-both --linux-dir $(LINUX_DIR) \
		--kernel $(KERNEL) --kmem386-initrd $(USER_INITRD) \
		--initrd $(LINUX_KB_INITRD) \
		--mem $(MEM) --smp $(SMP) --accel $(ACCEL) $(if $(ARGS),--args "$(ARGS)") \
		--progs "$(USER_BENCHES)" --append "$(BENCH_LINUX_APPEND)"

# The kernel module: Debian's headers for the exact kernel, kbuild's host
# tools for this machine, this machine's gcc-12 -m32 (fetch.sh --headers).
# Kbuild writes next to the sources, so they are copied to build/ first.

$(LINUX_HEADERS_STAMP): tools/linux/fetch.sh $(LINUX_RELEASE)
	$(Q)./tools/linux/fetch.sh $(LINUX_DIR) --headers && touch $@

KBENCH_SRCS := tools/linux/kbench/kbench.c tools/linux/kbench/idle_tsc.c \
	tools/linux/kbench/Kbuild

# Both modules at once (one Kbuild): kbench.ko and idle_tsc.ko.
$(KBENCH_KO): $(KBENCH_SRCS) $(LINUX_HEADERS_STAMP)
	@mkdir -p $(KBENCH_DIR)
	$(Q)cp $(KBENCH_SRCS) $(KBENCH_DIR)/
	$(Q)$(MAKE) --no-print-directory -C $(LINUX_DIR)/headers \
		M=$(abspath $(KBENCH_DIR)) modules
$(IDLE_TSC_KO): $(KBENCH_KO)

$(LINUX_KB_LIST): $(LINUX_LIST) $(KBENCH_KO) $(IDLE_TSC_KO)
	$(Q){ cat $(LINUX_LIST); \
	  echo "file /modules/kbench.ko $(abspath $(KBENCH_KO)) 0644 0 0"; \
	  echo "file /modules/idle_tsc.ko $(abspath $(IDLE_TSC_KO)) 0644 0 0"; \
	} > $@

$(LINUX_KB_INITRD): $(LINUX_KB_LIST) $(USER_PROGS)
	@echo "  CPIO    $@"
	$(Q)$(PYTHON) tools/gen_init_cpio.py -o $@ $(LINUX_KB_LIST)

bench-linux-kernel: deps $(LINUX_INITRD) $(LINUX_KB_INITRD)
	$(PYTHON) tests/linux_check.py bench --linux-dir $(LINUX_DIR) \
		--initrd $(LINUX_KB_INITRD) --mem $(MEM) --accel $(ACCEL) \
		--progs "" --name bench-linux-kernel \
		--append "kmem386.insmod=kbench.ko $(LINUX_APPEND)"
