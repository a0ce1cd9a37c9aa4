# tests/fuzz/fuzz.mk - libFuzzer targets for mm/ on the simulated machine;
# included by the top Makefile.
#
#   make fuzz               run every target for FUZZ_SECONDS in all (default
#                           300), two at a time; new inputs join the corpus,
#                           which is then minimised (libFuzzer's -merge)
#   make fuzz-build         build build/fuzz/fuzz_<target> (clang, libFuzzer)
#   make fuzz-replay        build build/mm_sim/fuzz_replay and replay the corpus
#   FUZZ_TARGETS="slab kmap" FUZZ_SECONDS=60 FUZZ_JOBS=2   narrow a run
#   FUZZ_MAX_LEN=512        longer programs (default 256 bytes: about 80
#                           operations; the harness runs at most 200)
#
# The targets (tests/fuzz/targets.c) run the harness of tests/fuzz on the
# objects of tests/host/mm_sim/sim.mk, compiled a second time with clang,
# AddressSanitizer, UBSan and libFuzzer's coverage (-m32: libFuzzer's i386
# runtime is in Debian's libclang-rt-14-dev).  `make test` needs none of
# that: build/mm_sim/fuzz_replay runs the kept corpus with gcc's sanitizers.
# A finding leaves crash-*/timeout-* files in build/fuzz/<target>-artifacts/;
# `build/fuzz/fuzz_<target> FILE` replays one.

FUZZ_CC ?= clang
FUZZ_BUILD := $(or $(BUILD),build)/fuzz
FUZZ_TARGETS ?= page slab vmalloc kmap mm
FUZZ_SECONDS ?= 300
FUZZ_JOBS ?= 2
FUZZ_MAX_LEN ?= 256
FUZZ_CORPUS := tests/fuzz/corpus
FUZZ_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fsanitize-ignorelist=tests/host/mm_sim/asan_ignore.txt

FUZZ_HARNESS_SRCS := $(filter-out tests/fuzz/entry.c tests/fuzz/replay.c, \
	$(sort $(wildcard tests/fuzz/*.c)))
FUZZ_OBJS := $(call sim_objs,$(FUZZ_BUILD),$(SIM_KERNEL_SRCS) \
	$(SIM_HOST_SRCS) $(FUZZ_HARNESS_SRCS))
FUZZ_BINS := $(addprefix $(FUZZ_BUILD)/fuzz_,$(FUZZ_TARGETS))

FUZZ_REPLAY_BIN := $(SIM_BUILD)/fuzz_replay
FUZZ_REPLAY_OBJS := $(call sim_objs,$(SIM_BUILD),$(FUZZ_HARNESS_SRCS)) \
	$(SIM_BUILD)/tests/fuzz/replay.o

.PHONY: fuzz fuzz-build fuzz-replay fuzz-deps

host-tests: $(FUZZ_REPLAY_BIN)
$(FUZZ_REPLAY_OBJS): | deps

fuzz-deps:
	@./tools/check-deps.sh fuzz

$(FUZZ_OBJS) $(patsubst %,$(FUZZ_BUILD)/entry-%.o,$(FUZZ_TARGETS)): | fuzz-deps

# Coverage for the kernel's files only, and without tracing comparisons
# (the input is a program, not magic values: tracing every comparison of
# mem_map's loops took three quarters of the time).
FUZZ_COVERAGE := -fsanitize=fuzzer-no-link -fno-sanitize-coverage=trace-cmp
$(eval $(call sim_build_rules,$(FUZZ_BUILD),$(FUZZ_CC),$(FUZZ_SANITIZE),\
	$(FUZZ_COVERAGE)))

$(FUZZ_BUILD)/entry-%.o: tests/fuzz/entry.c tests/fuzz/fuzz.mk
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(SIM_BASE_CFLAGS) $(SIM_KERNEL_CFLAGS) \
		-Itests/host/mm_sim $(FUZZ_SANITIZE) \
		-DFUZZ_TARGET='"$*"' -MMD -MP -c $< -o $@

$(FUZZ_BINS): $(FUZZ_BUILD)/fuzz_%: $(FUZZ_OBJS) $(FUZZ_BUILD)/entry-%.o
	$(FUZZ_CC) $(FUZZ_SANITIZE) -fsanitize=fuzzer $(SIM_LDFLAGS) -o $@ $^

fuzz-build: $(FUZZ_BINS)

# The replay sees only the C library's headers, as host_os.c.
$(SIM_BUILD)/tests/fuzz/replay.o: tests/fuzz/replay.c tests/fuzz/fuzz.mk
	@mkdir -p $(dir $@)
	$(Q)$(SIM_CC) $(SIM_BASE_CFLAGS) $(SIM_SANITIZE) -MMD -MP -c $< -o $@

$(FUZZ_REPLAY_BIN): $(SIM_OBJS) $(FUZZ_REPLAY_OBJS)
	$(SIM_CC) $(SIM_SANITIZE) $(SIM_LDFLAGS) -o $@ $^

fuzz-replay: $(FUZZ_REPLAY_BIN)
	$(FUZZ_REPLAY_BIN) $(FUZZ_CORPUS)

# Each target gets an equal share of FUZZ_SECONDS, FUZZ_JOBS at a time;
# tools/fuzz-run.sh prints each target's executions and the total.
fuzz: $(FUZZ_BINS)
	@./tools/fuzz-run.sh $(FUZZ_BUILD) $(FUZZ_CORPUS) $(FUZZ_SECONDS) \
		$(FUZZ_JOBS) $(FUZZ_MAX_LEN) $(FUZZ_TARGETS)

-include $(FUZZ_OBJS:.o=.d) $(FUZZ_REPLAY_OBJS:.o=.d)
