# tests/host/host.mk - host unit tests of lib/, included by the top Makefile.
#
#   make host-tests      build build/host/lib_tests
#   make host-test-run   build it and run it (KTAP on stdout; exit 0 = pass)
#
# lib/*.c and tests/host/*.c are compiled for the host, natively, under
# AddressSanitizer and UBSan.  tests/host/host_rename.h, force-included into
# every file, renames what lib/ exports to host_* so that our memcpy, strlen,
# snprintf... do not collide with the host C library's or ASan's.  The link
# fails if a lib/ object defines a global function the header forgot.
#
# Run from the top of the tree (the paths are relative to it).  Arguments for
# the test program: make host-test-run HOST_TEST_ARGS='string.* sort'.

HOST_CC := gcc
HOST_NM := nm
HOST_BUILD := $(or $(BUILD),build)/host
HOST_TEST_BIN := $(HOST_BUILD)/lib_tests
HOST_TEST_ARGS ?=

HOST_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
HOST_CFLAGS := -O1 -g -std=gnu11 -ffreestanding -fno-builtin \
	-Wall -Wextra -Werror $(HOST_SANITIZE) -fno-omit-frame-pointer \
	-Iinclude -DHOST_TEST -include tests/host/host_rename.h
HOST_DEPFLAGS := -MMD -MP
HOST_LDFLAGS := $(HOST_SANITIZE)

HOST_LIB_SRCS := $(sort $(wildcard lib/*.c))
HOST_TEST_SRCS := $(sort $(wildcard tests/host/*.c))
HOST_LIB_OBJS := $(patsubst %.c,$(HOST_BUILD)/%.o,$(HOST_LIB_SRCS))
HOST_TEST_OBJS := $(patsubst %.c,$(HOST_BUILD)/%.o,$(HOST_TEST_SRCS))
HOST_OBJS := $(HOST_LIB_OBJS) $(HOST_TEST_OBJS)

.PHONY: host-tests host-test-run

host-tests: $(HOST_TEST_BIN)

host-test-run: $(HOST_TEST_BIN)
	$(HOST_TEST_BIN) $(HOST_TEST_ARGS)

# Every global function lib/ defines must be a host_* one (host_rename.h).
$(HOST_TEST_BIN): $(HOST_OBJS)
	@bad=$$($(HOST_NM) -g --defined-only $(HOST_LIB_OBJS) | \
		awk 'NF == 3 && $$2 ~ /^[TW]$$/ && $$3 !~ /^host_/ \
			{ print $$3 }'); \
	if [ -n "$$bad" ]; then \
		echo "lib/ symbols missing from tests/host/host_rename.h:" \
			$$bad >&2; \
		exit 1; \
	fi
	$(HOST_CC) $(HOST_LDFLAGS) -o $@ $(HOST_OBJS)

$(HOST_BUILD)/%.o: %.c tests/host/host_rename.h tests/host/host.mk
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) $(HOST_DEPFLAGS) -c $< -o $@

-include $(HOST_OBJS:.o=.d)
