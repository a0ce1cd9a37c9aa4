# user/user.mk - the user programs, included by the top Makefile.
#
#   make user        build/user/<prog> for every program, and
#                    build/user/initramfs.list (gen_init_cpio format)
#
# Static i386 ELF executables linked at 0x08048000 as Linux's are, with no
# C library but the project's own (user/lib/): gcc -m32 -static -nostdlib.
# Programs: user/*.c (tools and demos), user/tests/*_test.c (KTAP suites),
# user/bench/*.c (benchmarks).  Each program is one .c file plus the library.

USER_BUILD := $(BUILD)/user
USER_CFLAGS := -m32 -march=i686 -std=gnu11 -O2 -g \
	-ffreestanding -fno-builtin -fno-pie -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Iuser/include -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wmissing-prototypes -Wstrict-prototypes -Wvla -MMD -MP
USER_ASFLAGS := -m32 -D__ASSEMBLY__ -Iuser/include -MMD -MP
USER_LDFLAGS := -m32 -static -nostdlib -no-pie -Wl,--build-id=none \
	-Wl,-z,noexecstack -Wl,-Ttext-segment=0x08048000

USER_LIB_SRCS := $(sort $(wildcard user/lib/*.c user/lib/*.S))
USER_LIB_OBJS := $(patsubst %,$(USER_BUILD)/%.o,$(basename $(USER_LIB_SRCS)))
USER_CRT0 := $(USER_BUILD)/user/lib/crt0.o
USER_LIB := $(USER_BUILD)/libuser.a
USER_PROG_SRCS := $(sort $(wildcard user/*.c user/tests/*.c user/bench/*.c))
USER_PROGS := $(addprefix $(USER_BUILD)/bin/,$(notdir $(basename $(USER_PROG_SRCS))))
USER_TESTS := $(notdir $(basename $(wildcard user/tests/*_test.c)))
USER_BENCHES := $(notdir $(basename $(wildcard user/bench/*.c)))
USER_LIST := $(USER_BUILD)/initramfs.list

-include $(USER_LIB_OBJS:.o=.d) $(USER_PROGS:%=%.d)

.PHONY: user

user: $(USER_PROGS) $(USER_LIST)

$(USER_BUILD)/user/lib/%.o: user/lib/%.c
	@mkdir -p $(dir $@)
	@echo "  CC [U]  $<"
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(USER_BUILD)/user/lib/%.o: user/lib/%.S
	@mkdir -p $(dir $@)
	@echo "  AS [U]  $<"
	$(Q)$(CC) $(USER_ASFLAGS) -c $< -o $@

$(USER_LIB): $(filter-out $(USER_CRT0),$(USER_LIB_OBJS))
	$(Q)rm -f $@ && ar rcs $@ $^

# crt0.o is linked first and whole (nothing refers to _start, so the
# archive would not supply it); the rest of the library comes as needed.
define USER_PROG_RULE
$(USER_BUILD)/bin/$(notdir $(basename $(1))): $(1) $(USER_CRT0) $(USER_LIB)
	@mkdir -p $$(dir $$@)
	@echo "  LD [U]  $$@"
	$(Q)$(CC) $(USER_CFLAGS) -MF $$@.d $(USER_LDFLAGS) -o $$@ \
		$(USER_CRT0) $(1) $(USER_LIB) -lgcc
endef
$(foreach src,$(USER_PROG_SRCS),$(eval $(call USER_PROG_RULE,$(src))))

# The files every kernel's initramfs needs for the programs (user/README.md).
$(USER_LIST): $(USER_PROGS) user/user.mk user/data/motd
	@echo "  GEN     $@"
	$(Q){ echo "# the user programs (user/user.mk)"; \
	  echo "dir /user 0755 0 0"; \
	  for p in $(notdir $(USER_PROGS)); do \
	    echo "file /user/$$p $(abspath $(USER_BUILD))/bin/$$p 0755 0 0"; done; \
	  echo "dir /etc 0755 0 0"; \
	  echo "file /etc/motd $(abspath user/data/motd) 0644 0 0"; \
	  echo "file /user/not-elf $(abspath user/data/motd) 0755 0 0"; \
	  echo "dir /tmp 01777 0 0"; \
	} > $@
