#!/usr/bin/env python3
"""tests/run.py - the kmem386 host test runner (python3, standard library only).

`make test` runs

    python3 tests/run.py --kernel build/kernel.elf --iso build/kmem386.iso \
        --host-tests build/host/lib_tests

and this script's exit status is the verdict: 0 only if nothing failed.

What it runs, in parallel (a thread pool of os.cpu_count() workers, -j N):

  host      each --host-tests binary (the host unit tests of lib/).  It prints
            KTAP on stdout and exits 0 (all passed) or 1 (a case failed).
  MATRIX    one QEMU boot per entry below, `-kernel KERNEL -append "ktest ..."`
            (`ktest=FILTER` with --suite), `-smp N` where the entry says.
            The kernel runs its suites, prints KTAP on COM1 and leaves QEMU
            through isa-debug-exit.  Boots with several CPUs use one host
            thread per CPU (`-accel tcg,thread=multi`, MTTCG).
  iso       the real GRUB boot path: the ISO's default entry (the shell), then
            `test ISO_SUITE` typed at the `kmem386> ` prompt, then `poweroff`.
  SHELL_CHECKS  shell-mode boots that type commands and look for substrings in
            their output; every (command, substring) pair is one test case.
  console   the other console: keys typed on the PS/2 keyboard through QEMU's
            monitor (sendkey), the VGA text screen read back (pmemsave).
  bench     boot mode `bench` with `bench.iters=2`: it exits 33 and prints a
            result line per row (tests/bench.py parses them); `make bench`
            runs the real benchmark.

Exit codes.  isa-debug-exit makes QEMU exit with (value << 1) | 1:
  33 = the kernel says every test passed, 35 = a test failed, 37 = panic/oops.
Any other status (QEMU's own 0 or 1, a signal, a timeout) is a crash of the
run, never a pass.  A run also crashes if its KTAP is missing, a plan is short
(fewer results than its `1..N`), or the exit status disagrees with the KTAP
(33 with a `not ok` case, 35 without one).  A crash counts as one failure, is
reported as `# crash: <reason>` with the last 40 lines of that run's output,
and every run's full output is written to build/test-logs/<name>.log (or
--keep-logs DIR).

KTAP (version 1, as KUnit prints it).  Kernel lines may carry a printk
timestamp, `[    0.015420] `, which is stripped first; lines that are not KTAP
(boot messages, WARN reports) are ignored:

    KTAP version 1
    1..2                                    <- plan: number of suites
        KTAP version 1
        # Subtest: lib
        1..3                                <- plan: number of cases
        ok 1 lib_case_that_passed
        # tests/kernel/lib_test.c:42: ...   <- diagnostics of the next case
        not ok 2 lib_case_that_failed       <- also "# timeout after 120 s", "# oops"
        ok 3 lib_case_skipped # SKIP why    <- neither passed nor failed
    # lib: pass:1 fail:1 skip:1 total:3
    not ok 1 lib
    ...
    # Totals: pass:1 fail:1 skip:1 total:3

Output: one line per suite as each run finishes,
`[2G] lib: 12 passed, 0 failed, 1 skipped (3.4 s)`, each failing case with its
diagnostics below it, then a summary, and as the very last line
`N passed, M failed` (totals over every run; crashes count in M).

--only NAME restricts the QEMU runs (matrix entries, `iso`, shell checks) to
those named (see --list); the host tests still run when --host-tests is given.
--suite FILTER boots the matrix with `ktest=FILTER` and makes the iso run type
`test FILTER`.  --smp N (`make test SMP=N`) gives the matrix and iso boots N
CPUs.  ACCEL=kvm in the environment selects `-accel kvm` (default tcg).  `--self-test` runs this file's own unit tests (no QEMU needed).

Extending: add a dict to MATRIX for another boot; add an entry to SHELL_CHECKS
for scripted shell checks; ShellSession (expect/send/command/poweroff) is the
helper for anything more elaborate.
"""

import argparse
import codecs
import concurrent.futures
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

# --- what to run ---------------------------------------------------------------

# The boots of the matrix.  `append` is added after `ktest` on the kernel
# command line.  The sizes cover no highmem (16M-896M), the classic 896 MB
# boundary, highmem up to the 3.5 GB PCI hole (3583M is the most QEMU keeps
# below 4 GB), and RAM above 4 GB (from 3584M QEMU puts the rest there, which
# a non-PAE kernel cannot reach).  `bogus_option` checks that unknown options
# are reported and ignored.  `smp` runs the same suites with that many CPUs:
# 2 and 4 at the classic sizes, 8 (the most the kernel takes) once.
MATRIX = [
    {"name": "16M", "mem": "16M", "append": ""},
    {"name": "128M", "mem": "128M", "append": "bogus_option"},
    {"name": "896M", "mem": "896M", "append": ""},
    {"name": "1G", "mem": "1G", "append": ""},
    {"name": "2G", "mem": "2G", "append": ""},
    {"name": "3G", "mem": "3G", "append": ""},
    {"name": "3583M", "mem": "3583M", "append": ""},
    {"name": "3584M", "mem": "3584M", "append": ""},
    {"name": "4G", "mem": "4G", "append": ""},
    {"name": "2G nopse", "mem": "2G", "append": "nopse"},
    {"name": "2G vmalloc=256M", "mem": "2G", "append": "vmalloc=256M"},
    {"name": "256M highmem=64M", "mem": "256M", "append": "highmem=64M"},
    {"name": "2G mem=1G", "mem": "2G", "append": "mem=1G"},
    {"name": "2G smp2", "mem": "2G", "append": "", "smp": 2},
    {"name": "2G smp4", "mem": "2G", "append": "", "smp": 4},
    {"name": "128M smp2", "mem": "128M", "append": "", "smp": 2},
    {"name": "256M highmem=64M smp4", "mem": "256M", "append": "highmem=64M", "smp": 4},
    {"name": "1G smp8", "mem": "1G", "append": "", "smp": 8},
]

# The suite (or SUITE.CASE) the GRUB ISO boot runs from the shell: `boot` once
# that suite exists.
ISO_SUITE = "boot"
ISO_MEM = "2G"

# Shell-mode boots (`-kernel`, no `ktest` on the command line): each command is
# typed at the prompt and every expected substring must be in its output.
SHELL_CHECKS = [
    {
        "name": "shell basics",
        "mem": "2G",
        "append": "",
        "commands": [
            ("help", ["poweroff", "test [SUITE", "kernel/shell_cmds.c"]),
            ("cat /proc/version", ["kmem386 version"]),
            ("nosuchcmd", ["unknown command: nosuchcmd (try help)"]),
            ("cat /proc/nosuch", ["cat: /proc/nosuch: No such file"]),
            ("x" * 300, ["line too long (at most 255 characters): refused"]),
            ("dmesg", ["buddy: self-check ok", "Kernel command line:"]),
        ],
    },
    {
        "name": "bad boot options",
        "mem": "128M",
        "append": "highmem=100M vmalloc=abc mem=1K nopse=yes",
        "commands": [
            ("dmesg", ["highmem size (100MB) results in <64MB lowmem, ignoring it!",
                       "vmalloc=abc: not a size", "mem=1K: too small",
                       "127MB LOWMEM available."]),
        ],
    },
    {
        "name": "vmalloc commands",
        "mem": "2G",
        "append": "",
        "commands": [
            ("vmalloc 20000", ["vmalloc: 20000 bytes at 0xf8800000-0xf8804fff",
                               "area of 24576 bytes with its guard page",
                               "5 pages: 5 highmem", "guard page 0xf8805000 (unmapped)"]),
            ("cat /proc/vmallocinfo", ["0xf8800000-0xf8806000   24576 cmd_vmalloc+0x",
                                       "pages=5 vmalloc"]),
            ("cat /proc/meminfo", ["VmallocUsed:          20 kB", "VmallocChunk:"]),
            ("walk 0xf8805000", ["guard page after vmalloc area 0xf8800000-0xf8805000"]),
            ("vfree 0xf8801000", ["not its start", "vfree: refused"]),
            ("vfree 0xf8800000", ["vfree: 0xf8800000 released"]),
            ("vfree 0xf8800000", ["already freed (double free)", "vfree: refused"]),
            ("cat /proc/vmallocinfo", ["0xf8800000-0xf8806000   24576 unpurged vm_area"]),
            ("vmalloc 0", ["vmalloc: size 0 requested by", "failed"]),
            ("demo vmalloc", ["kmalloc(262144): memory from the direct map",
                              "64 pages: 64 highmem", "-EFAULT, the write faulted"]),
        ],
    },
    {
        "name": "demo boot",
        "mem": "2G",
        "append": "demo demo.pace=none",
        "boot_expect": ["=== Kernel Address Space (a) ===", "=== Direct Mapping (b) ===",
                        "phys_to_virt(0x1000) = 0xc0001000",
                        "=== kmalloc vs vmalloc (c-d) ===", "Allocated 4KB at 0x",
                        "Allocated 1MB at 0xf88", "=== Slab Allocator (e) ===",
                        "Cache Name           ObjSize  Active   Total",
                        "=== Buddy System (f) ===", "Order  Pages      Free",
                        "=== GFP Flags (g) ===", "DMA buffer: GFP_KERNEL | GFP_DMA",
                        "=== Memory Zones (i) ===", "HighMem        229376     524256",
                        "=== High Memory (h) ===", "1151 MB of highmem",
                        "1. alloc_page(GFP_HIGHMEM)", "9. kunmap and free everything"],
        "commands": [
            ("explain", ["topics: layout kmalloc vmalloc compare slab buddy gfp zones highmem"]),
            ("explain buddy", ["Coalescing:", "the largest free blocks are order 10"]),
            ("explain nonsense", ["explain: no topic nonsense"]),
            ("demo", ["ex04", "highmem", "vmalloc"]),
            ("help", ["teaching   demos and explanations", "explain TOPIC",
                      "mm/kernel_memory/ex04_demo.c"]),
        ],
    },
    {
        "name": "memory commands",
        "mem": "2G",
        "append": "",
        "commands": [
            ("cat /proc/buddyinfo", ["Node 0, zone      DMA ", "Node 0, zone   Normal ",
                                     "Node 0, zone  HighMem "]),
            ("cat /proc/zoneinfo", ["Node 0, zone  HighMem", "        managed  ",
                                    "        protection: (0, 0, ",
                                    "\n  pagesets\n    cpu: 0\n              count: ",
                                    "              high:  186\n              batch: 31\n"]),
            ("cat /proc/meminfo", ["MemTotal:", "HighTotal:", "LowFree:", "VmallocTotal:"]),
            ("cat /proc/iomem", ["00100000-7ffdffff : System RAM", "  00100000-", ": Kernel code"]),
            ("cat /proc/pagetypeinfo", ["Page block order: 10", "Pages per block:  1024"]),
            ("layout", ["0xf8800000 - 0xff7fe000    111 MB", "0xc0000000 - 0xf8000000    896 MB"]),
            ("walk 0xc0100000", ["PTE  256", "(read-only)", "physical address 0x00100000"]),
            ("walk 0xc8000000", ["PS G", "a 4 MB page at physical 0x08000000"]),
            ("walk 0xf8001000", ["guard gap after lowmem", "use kmap()"]),
            ("alloc 0 highmem", ["zone HighMem", "no permanent mapping"]),
            ("alloc 2 dma", ["zone DMA", "virtual: 0xc0"]),
            ("free 0x1 0", ["Bad page state", "free: refused"]),
            ("alloc 11", ["order 11 is above MAX_ORDER-1", "failed"]),
            ("gfp atomic zero", ["GFP_ATOMIC | GFP_ZERO = 0x11: highest zone Normal"]),
            ("e820", ["e820: [mem 0x0000000000100000-0x000000007ffdffff] usable"]),
        ],
    },
    {
        "name": "highmem commands",
        "mem": "2G",
        "append": "",
        "commands": [
            # pfn 0x40000 (1 GB) is highmem at -m 2G; nothing kmaps before us.
            ("kmap 0x40000", ["kmap: pfn 0x40000 -> 0xff801000: pkmap slot 1, count 2 (1 user)"]),
            ("kmap 0x40000", ["pkmap slot 1, count 3 (2 users)"]),
            ("cat /proc/pkmap", ["1 in use, 0 stale, 1023 free", "cursor (last_pkmap_nr): 1",
                                 "    1      3      2   0x40000 0xff801000  cmd_kmap+",
                                 "kmap_local: 0 of 16 slots in use"]),
            ("poke 0xff801000 0x4b4d3338", ["0xff801000: 0x00000000 -> 0x4b4d3338"]),
            ("kmap_local 0x40000", ["-> 0xffffe000: kmap_local slot 0, first word 0x4b4d3338",
                                    "INVLPG"]),
            ("peek 0xffffe000", ["not mapped", "kmap_local slot 0 is not mapped",
                                 "last mapped pfn 0x40000"]),
            ("kunmap 0x40000", ["count 2 (1 user)"]),
            ("kunmap 0x40000", ["count 1, stale"]),
            ("kunmap 0x40000", ["BUG: kunmap of pfn 0x40000: one kunmap too many",
                                "called from cmd_kunmap+", "kunmap: refused"]),
            ("kunmap 0x40001", ["BUG: kunmap of unmapped page pfn 0x40001"]),
            ("peek 0xff801000", ["0xff801000: 0x4b4d3338"]),
            ("peek 0xf8000000", ["not mapped", "guard gap after lowmem", "use kmap()"]),
            ("poke 0xc0100000 0", ["mapped read-only"]),
            ("kmap 0x100", ["pfn 0x100 is lowmem: its direct-map address 0xc0100000"]),
            ("demo highmem", ["1. alloc_page(GFP_HIGHMEM)", "page_address(page) = NULL",
                              "kmem386> peek 0xf8000000", "PTE    2 at",
                              "wrote \"hello from pfn", "pkmap_count[2] = 1: no users",
                              "read at 0xffffe000: \"hello from pfn",
                              "kmap_local slot 0 is not mapped",
                              "flush_all_zero_pkmaps() cleared the 1 stale slot, ONE TLB flush",
                              "1024 kmaps, 1 TLB flush (flushes 1 -> 2)",
                              "kmap: all 1024 pkmap slots in use", "-> NULL",
                              "9. kunmap and free everything"]),
            # The demo flushed our stale slot 1 first (one flush), then wrapped once.
            ("cat /proc/pkmap", ["0 in use, 1024 stale, 0 free", "flushes: 2   failed kmaps: 1"]),
            ("help", ["2.7.9.h    high memory, kmap", "kmap_local PFN", "poke VADDR VALUE"]),
        ],
    },
    {
        "name": "slab commands",
        "mem": "2G",
        "append": "",
        "commands": [
            ("cat /proc/slabinfo", [
                "slabinfo - version: 2.1\n",
                "# name            <active_objs> <num_objs> <objsize> <objperslab> "
                "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
                "slabdata <active_slabs> <num_slabs> <sharedavail>",
                "\nkmalloc-8k  ", "\ndma-kmalloc-96  ", "\nkmem_cache  ",
                "   8192    4    8 : tunables    0    0    0 : slabdata "]),
            ("kmalloc 100", ["kmalloc: 100 bytes with GFP_KERNEL: 0x",
                             "cache kmalloc-128: object ", "give it back with: kfree 0x"]),
            ("kmalloc 20000", ["kmalloc_large", "order 3 (32 KB), zone Normal"]),
            ("kmalloc 0", ["ZERO_SIZE_PTR (0x00000010)"]),
            ("kmalloc 64 dma", ["cache dma-kmalloc-64", "zone DMA"]),
            ("kmalloc 64 highmem", ["kmalloc: GFP_HIGHMEM (0x8) ignored", "cache kmalloc-64"]),
            ("slab create lesson 100 SLAB_HWCACHE_ALIGN",
             ["slab: created lesson: 100-byte objects, 128 bytes apart, 32 per slab of 1 page"]),
            ("slab info lesson", ["free pointer (while free), inside the object"]),
            ("slab alloc lesson", ["slab: lesson object at 0x", "1 of 32 objects in use"]),
            ("slabtop", [" Active / Total Objects (% used)    : ",
                         " Minimum / Average / Maximum Object : ",
                         "  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME",
                         "    0.12K      1       32         4K lesson"]),
            ("slab destroy lesson", ["Objects remaining in lesson on __kmem_cache_shutdown()",
                                     "kmem_cache_destroy lesson: Slab cache still has objects",
                                     "slab: lesson kept"]),
            ("slab destroy kmalloc-64", ["kmalloc-64 is a boot cache: refused"]),
            ("kfree 0x1234", ["kfree: Invalid object pointer 0x00001234", "user space"]),
            ("cat /proc/meminfo", ["\nSlab:  ", "\nSReclaimable:  ", "\nSUnreclaim:  "]),
            ("dmesg", ["SLUB: HWalign=32, Order=0-3, MinObjects=0, CPUs=1, Nodes=1",
                       "slab: self-check ok"]),
        ],
    },
    {
        # What `make run SMP=4` does: the GRUB ISO, four CPUs.
        "name": "make run SMP=4",
        "mem": "2G",
        "smp": 4,
        "iso": True,
        "boot_expect": ["ACPI: Using ACPI (MADT) for SMP configuration information",
                        "smpboot: Allowing 4 CPUs, 0 hotplug CPUs",
                        "setup_percpu: NR_CPUS:8 nr_cpumask_bits:4 nr_cpu_ids:4",
                        "smp: Bringing up secondary CPUs ...",
                        "x86: Booting SMP configuration:",
                        ".... node  #0, CPUs:      #1 #2 #3\r\n",
                        "smp: Brought up 1 node, 4 CPUs",
                        "smpboot: Max logical packages: 1",
                        "smpboot: Total of 4 processors activated ("],
        "commands": [
            ("cat /proc/cpuinfo", ["processor\t: 0\n", "processor\t: 3\n",
                                   "apicid\t\t: 3\n", "flags\t\t: fpu ", "bogomips\t: "]),
            ("cat /proc/interrupts", ["CPU0       CPU1       CPU2       CPU3",
                                      "Local timer interrupts", "Function call interrupts",
                                      "TLB shootdowns", "XT-PIC  timer"]),
        ],
    },
    {
        "name": "smp commands",
        "mem": "2G",
        "smp": 4,
        "append": "demo.pace=none",
        "commands": [
            ("cpus", ["  0        0  online", "  3        3  online   f88",
                      "<- running `cpus`", "4 of 4 CPUs online"]),
            ("oncpu 2 cpus", ["  2        2  online   f88", "<- running `cpus`"]),
            ("oncpu 9 cpus", ["oncpu: no CPU 9: this machine has CPUs 0-3"]),
            ("oncpu x cpus", ["not a number: x"]),
            ("oncpu 1", ["usage: oncpu CPU COMMAND..."]),
            ("oncpu 1 oncpu 3 oncpu 0 cat /proc/version", ["kmem386 version"]),
            ("oncpu 3 kmap 0x40000", ["kmap: pfn 0x40000 -> 0xff801000: pkmap slot 1"]),
            ("oncpu 1 peek 0xff801000", ["0xff801000: 0x"]),
            # Slot 1 stays taken by the kmap above: 1023 kmaps fill the rest.
            ("demo highmem", ["1023 kmaps, 1 TLB flush (flushes 0 -> 1)"]),
            ("cat /proc/vmstat", ["nr_tlb_remote_flush 1\n",
                                  "nr_tlb_remote_flush_received 3\n",
                                  "nr_tlb_local_flush_all 1\n"]),
            ("oncpu 2 cat /proc/interrupts", ["TLB:          0          1          1          1"]),
            ("oncpu 1 peek 0x0", ["not mapped", "user space"]),
            ("oncpu 1 bad_cmd", ["unknown command: bad_cmd"]),
            ("help oncpu", ["oncpu CPU COMMAND...", "teach/commands/smp_cmds.c"]),
        ],
    },
    {
        # A CPU that never answers (fault injection: no STARTUP IPI sent).
        "name": "smp failing CPU",
        "mem": "128M",
        "smp": 4,
        "append": "smpboot.fail_cpu=2",
        "boot_expect": ["smpboot: do_boot_cpu failed(-1) to wakeup CPU#2",
                        "smp: Brought up 1 node, 3 CPUs"],
        "commands": [
            ("oncpu 2 cpus", ["oncpu: CPU 2 is offline"]),
            ("oncpu 3 cpus", ["  3        3  online", "<- running `cpus`"]),
            ("cat /proc/cpuinfo", ["processor\t: 3\n"]),
        ],
    },
    {
        # acpi=off: the MP table, which lists one CPU per package: four
        # packages of one CPU (QEMU's default is one package of four cores).
        "name": "smp MP table",
        "mem": "128M",
        "smp": "4,sockets=4",
        "append": "acpi=off",
        "boot_expect": ["Intel MultiProcessor Specification v1.4",
                        "Processor #0 (Bootup-CPU)", "Processor #3\r\n",
                        "smp: Brought up 1 node, 4 CPUs",
                        "smpboot: Max logical packages: 4"],
        "commands": [
            ("cat /proc/cpuinfo", ["physical id\t: 3\n", "siblings\t: 1\n"]),
        ],
    },
    {
        "name": "smp nolapic",
        "mem": "128M",
        "smp": 2,
        "append": "nolapic",
        "boot_expect": ["SMP disabled: no local APIC", "APIC: disabled by nolapic",
                        "smp: Brought up 1 node, 1 CPU\r\n"],
        "commands": [
            ("cat /proc/interrupts", ["XT-PIC  timer", "ERR:"]),
            ("oncpu 1 cpus", ["oncpu: no CPU 1: this machine has one CPU, CPU 0"]),
        ],
    },
    {
        "name": "smp maxcpus",
        "mem": "128M",
        "smp": 4,
        "append": "maxcpus=2",
        "boot_expect": ["smpboot: Allowing 4 CPUs, 0 hotplug CPUs",
                        "smp: Brought up 1 node, 2 CPUs"],
        "commands": [
            ("oncpu 3 cpus", ["oncpu: CPU 3 is offline"]),
            ("cpus", ["  2        2  offline", "2 of 4 CPUs online"]),
        ],
    },
]

QEMU = "qemu-system-i386"
DEFAULT_TIMEOUT = 300  # seconds per run
TAIL_LINES = 40  # lines of output shown for a crash

EXIT_PASS = 33  # isa-debug-exit value 0x10
EXIT_FAIL = 35  # 0x11
EXIT_PANIC = 37  # 0x12

PROMPT = "kmem386> "
SHELL_LINE_MAX = 256  # include/shell.h: longer lines are refused
# The prompt at the start of a line (the GRUB menu shows "(kmem386> prompt)").
PROMPT_RE = re.compile(r"^" + re.escape(PROMPT), re.M)
# GRUB's countdown: pressing Enter boots the default entry without waiting.
GRUB_COUNTDOWN_RE = re.compile(r"will be executed automatically")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_LOG_DIR = REPO / "build" / "test-logs"

# --- KTAP ------------------------------------------------------------------------

TIMESTAMP_RE = re.compile(r"^\[\s*\d+\.\d+\] ")
ANSI_RE = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])")
VERSION_RE = re.compile(r"^KTAP version \d+$")
PLAN_RE = re.compile(r"^1\.\.(\d+)$")
RESULT_RE = re.compile(r"^(ok|not ok) (\d+)(?: (?:- )?(.*?))?(?: # (.*))?$")
SUB_VERSION_RE = re.compile(r"^    KTAP version \d+$")
SUB_NAME_RE = re.compile(r"^    # Subtest: (.*)$")
SUB_PLAN_RE = re.compile(r"^    1\.\.(\d+)$")
SUB_RESULT_RE = re.compile(r"^    (ok|not ok) (\d+)(?: (?:- )?(.*?))?(?: # (.*))?$")
SUB_DIAG_RE = re.compile(r"^    # ?(.*)$")
SUMMARY_RE = re.compile(r"^# (\S+): pass:\d+ fail:\d+ skip:\d+ total:\d+$")
TOTALS_RE = re.compile(r"^# Totals: (.*)$")
TOP_DIAG_RE = re.compile(r"^# ?(.*)$")
SKIP_RE = re.compile(r"^SKIP\b", re.I)


@dataclass
class Case:
    """One `ok`/`not ok` line of a suite, with the diagnostics before it."""

    number: int
    name: str
    ok: bool
    directive: str = ""  # after " # ": "SKIP reason", "timeout after 120 s", "oops"
    diagnostics: list = field(default_factory=list)

    @property
    def skipped(self):
        return bool(SKIP_RE.match(self.directive))

    @property
    def passed(self):
        return self.ok and not self.skipped

    @property
    def failed(self):
        return not self.ok and not self.skipped

    def line(self):
        text = f"{'ok' if self.ok else 'not ok'} {self.number} {self.name}"
        return text + (f" # {self.directive}" if self.directive else "")


@dataclass
class Suite:
    """A subtest: its plan, its cases and its own result line."""

    name: str = ""
    plan: int = None
    cases: list = field(default_factory=list)
    ok: bool = None  # the result line; None until it is seen
    number: int = None
    trailing: list = field(default_factory=list)  # diagnostics after the last case

    def count(self):
        """(passed, failed, skipped)"""
        return (
            sum(c.passed for c in self.cases),
            sum(c.failed for c in self.cases),
            sum(c.skipped for c in self.cases),
        )


@dataclass
class Ktap:
    """A parsed KTAP document, and what looked wrong while parsing it."""

    found: bool = False
    plan: int = None
    suites: list = field(default_factory=list)
    diagnostics: list = field(default_factory=list)  # top-level "# ..." lines
    totals: str = None
    problems: list = field(default_factory=list)

    def failures(self):
        return sum(s.count()[1] for s in self.suites)


def clean_line(raw):
    """A serial line without ANSI escapes, trailing blanks or printk timestamp."""
    line = ANSI_RE.sub("", raw).rstrip()
    return TIMESTAMP_RE.sub("", line, count=1)


def parse_ktap(text):
    """Parse the first KTAP document in `text` (any other lines are ignored)."""
    doc = Ktap()
    suite = None  # the subtest being read, until its result line
    diags = []  # "    # ..." lines since the previous case line

    def open_suite():
        nonlocal suite, diags
        if suite is not None:
            doc.problems.append(f"suite {suite.name or '?'}: no result line")
        suite = Suite()
        doc.suites.append(suite)
        diags = []

    for raw in text.splitlines():
        line = clean_line(raw)
        if not doc.found:
            doc.found = bool(VERSION_RE.match(line))
            continue
        if VERSION_RE.match(line):
            doc.problems.append("a second top-level KTAP header (did the kernel restart?)")
        elif m := PLAN_RE.match(line):
            if doc.plan is not None:
                doc.problems.append(f"a second top-level plan 1..{m.group(1)}")
            else:
                doc.plan = int(m.group(1))
        elif SUB_VERSION_RE.match(line):
            open_suite()
        elif m := SUB_NAME_RE.match(line):
            if suite is None or suite.name or suite.cases:
                open_suite()
            suite.name = m.group(1).strip()
        elif m := SUB_PLAN_RE.match(line):
            if suite is None:
                open_suite()
            suite.plan = int(m.group(1))
        elif m := SUB_RESULT_RE.match(line):
            if suite is None:
                open_suite()
            case = Case(int(m.group(2)), (m.group(3) or "").strip(),
                        m.group(1) == "ok", (m.group(4) or "").strip(), diags)
            suite.cases.append(case)
            diags = []
        elif m := SUB_DIAG_RE.match(line):
            diags.append(m.group(1))
        elif m := RESULT_RE.match(line):
            name = (m.group(3) or "").strip()
            if suite is None:  # a result with no subtest before it
                suite = Suite(name=name)
                doc.suites.append(suite)
                doc.problems.append(f"suite {name}: a result line with no subtest")
            elif suite.name and name and suite.name != name:
                doc.problems.append(
                    f"suite {suite.name}: result line names {name!r}")
            suite.name = suite.name or name
            suite.ok = m.group(1) == "ok"
            suite.number = int(m.group(2))
            suite.trailing = diags
            suite, diags = None, []
        elif m := TOTALS_RE.match(line):
            doc.totals = m.group(1)
        elif SUMMARY_RE.match(line):
            pass  # "# lib: pass:1 fail:0 skip:0 total:1": we count ourselves
        elif m := TOP_DIAG_RE.match(line):
            doc.diagnostics.append(m.group(1))
        # anything else is not KTAP: boot messages, WARN reports
    if suite is not None:
        done, planned = len(suite.cases), suite.plan
        doc.problems.append(
            f"suite {suite.name or '?'} cut short after {done} of "
            f"{planned if planned is not None else '?'} cases")
    return doc


def ktap_problems(doc):
    """Why this KTAP cannot be trusted as a complete report ([] if it can)."""
    if not doc.found:
        return ["no KTAP output"]
    problems = list(doc.problems)
    if doc.plan is None:
        problems.append("no KTAP plan (1..N)")
    else:
        finished = sum(s.ok is not None for s in doc.suites)
        if finished < doc.plan:
            problems.append(f"plan 1..{doc.plan} but only {finished} suite result(s)")
        elif finished > doc.plan:
            problems.append(f"plan 1..{doc.plan} but {finished} suite results")
    for s in doc.suites:
        name = s.name or "?"
        if s.plan is None:
            problems.append(f"suite {name}: no plan")
        elif len(s.cases) != s.plan and s.ok is not None:
            problems.append(f"suite {name}: plan 1..{s.plan} but {len(s.cases)} result(s)")
        if [c.number for c in s.cases] != list(range(1, len(s.cases) + 1)):
            problems.append(f"suite {name}: case numbers out of sequence")
        failed = s.count()[1]
        if s.ok is True and failed:
            problems.append(f"suite {name}: `ok` with {failed} failing case(s)")
        if s.ok is False and not failed:
            problems.append(f"suite {name}: `not ok` without a failing case")
    return problems


# --- judging a run ------------------------------------------------------------------


def describe_status(status, timeout=None, qemu=True):
    """A human reading of a process exit status (None: it timed out)."""
    if status is None:
        return f"timeout after {timeout:g} s"
    if status < 0:
        try:
            return f"killed by signal {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    if not qemu:
        return f"exit status {status}"
    if status == 0:
        return "exit status 0 (QEMU quit without an isa-debug-exit verdict: a triple fault?)"
    if status == 1:
        return "exit status 1 (QEMU failed; see its stderr)"
    if status == EXIT_PANIC:
        return "kernel panic/oops (exit 37)"
    if status & 1:
        return f"exit status {status} (isa-debug-exit value {status >> 1:#x}, not a verdict)"
    return f"exit status {status}"


def verdict_problems(doc, status, timeout, pass_status, fail_status):
    """Crash reasons for a run whose KTAP is `doc` and exit status `status`.

    pass_status/fail_status: 33/35 for QEMU, 0/1 for the host test binary.
    """
    reasons = []
    if status not in (pass_status, fail_status):
        reasons.append(describe_status(status, timeout, qemu=pass_status == EXIT_PASS))
    reasons += ktap_problems(doc)
    failures = doc.failures() or any(s.ok is False for s in doc.suites)
    if status == pass_status and failures:
        reasons.append(f"exit {status} (all passed) but the KTAP has `not ok` results")
    if status == fail_status and not failures and not reasons:
        why = "; ".join(doc.diagnostics)
        reasons.append(f"exit {status} (a test failed) but no case failed"
                       + (f" ({why})" if why else ""))
    return reasons


@dataclass
class RunResult:
    """What one run (a boot or a host test binary) produced."""

    label: str
    suites: list = field(default_factory=list)
    crashes: list = field(default_factory=list)  # reasons; empty = no crash
    seconds: float = 0.0
    output: str = ""  # the serial line (or stdout)
    stderr: str = ""
    command: list = field(default_factory=list)
    status: object = None
    log_path: Path = None

    def counts(self):
        """(passed, failed, skipped); a crash is one more failure."""
        p = f = s = 0
        for suite in self.suites:
            sp, sf, ss = suite.count()
            p, f, s = p + sp, f + sf, s + ss
        return p, f + (1 if self.crashes else 0), s


# --- running processes ---------------------------------------------------------------


def qemu_argv(mem, boot_args, monitor="none", smp=1):
    """QEMU's command line for one boot; `boot_args` says what to boot.

    With more than one CPU under TCG, each CPU gets a host thread (MTTCG).
    """
    accel = os.environ.get("ACCEL") or "tcg"
    if accel == "tcg" and int(str(smp).split(",")[0]) > 1:  # "4,sockets=4"
        accel = "tcg,thread=multi"
    return [QEMU, "-accel", accel, "-m", mem, "-smp", str(smp),
            *boot_args,
            "-display", "none", "-serial", "stdio", "-monitor", monitor,
            "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]


def run_process(argv, timeout, merge_stderr=False):
    """Run to completion, stdin from /dev/null: (stdout, stderr, status or None)."""
    try:
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE)
    except OSError as e:
        return "", f"cannot run {argv[0]}: {e}", 127
    try:
        out, err = proc.communicate(timeout=timeout)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()  # keeps what was read before the kill
        status = None
    return (out or b"").decode(errors="replace"), (err or b"").decode(errors="replace"), status


def run_ktest_boot(entry, args):
    """One matrix entry: boot `ktest`, judge exit status and KTAP."""
    append = f"ktest={args.suite}" if args.suite else "ktest"
    if entry.get("append"):
        append += " " + entry["append"]
    argv = qemu_argv(entry["mem"], ["-kernel", args.kernel, "-append", append],
                     smp=args.smp or entry.get("smp", 1))
    start = time.monotonic()
    out, err, status = run_process(argv, args.timeout)
    doc = parse_ktap(out)
    return RunResult(
        label=entry["name"], suites=doc.suites, output=out, stderr=err,
        crashes=verdict_problems(doc, status, args.timeout, EXIT_PASS, EXIT_FAIL),
        seconds=time.monotonic() - start, command=argv, status=status)


def run_host_tests(path, label, args):
    """The host unit-test binary: KTAP on stdout, exit 0 (pass) or 1 (fail)."""
    start = time.monotonic()
    if not os.path.isfile(path):
        return RunResult(label=label, crashes=[f"host test binary not found: {path}"],
                         command=[path])
    out, err, status = run_process([path], args.timeout, merge_stderr=True)
    doc = parse_ktap(out)
    return RunResult(
        label=label, suites=doc.suites, output=out, stderr=err,
        crashes=verdict_problems(doc, status, args.timeout, 0, 1),
        seconds=time.monotonic() - start, command=[path], status=status)


# --- the shell: a conversation over the serial line ------------------------------------


class ShellError(Exception):
    """The conversation went wrong: a timeout, or QEMU exited early."""


class ShellSession:
    """A QEMU (or any program) whose stdout/stdin is a terminal we type into.

        with ShellSession(argv, timeout=300) as sh:
            sh.expect(PROMPT_RE)                  # wait for the first prompt
            out = sh.command("cat /proc/version") # type it, wait, its output
            status = sh.poweroff()                # QEMU's exit status

    `timeout` bounds the whole session; every wait raises ShellError when it
    runs out or when the program exits first.  The output is read in a
    background thread; `text()` is everything received so far.
    """

    def __init__(self, argv, timeout, prompt_re=PROMPT_RE):
        self.argv = argv
        self.timeout = timeout
        self.prompt_re = prompt_re
        self.deadline = None
        self.proc = None
        self.pos = 0  # output before this has been consumed by expect()
        self._chunks = []
        self._text = ""
        self._stderr = []
        self._eof = False
        self._cond = threading.Condition()
        self._threads = []

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self):
        self.deadline = time.monotonic() + self.timeout
        try:
            self.proc = subprocess.Popen(
                self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, bufsize=0)
        except OSError as e:
            raise ShellError(f"cannot run {self.argv[0]}: {e}") from e
        for target, stream in ((self._read_stdout, self.proc.stdout),
                               (self._read_stderr, self.proc.stderr)):
            t = threading.Thread(target=target, args=(stream,), daemon=True)
            t.start()
            self._threads.append(t)

    def _read_stdout(self, stream):
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        while True:
            data = os.read(stream.fileno(), 65536)
            with self._cond:
                self._text += decoder.decode(data, final=not data)
                if not data:
                    self._eof = True
                self._cond.notify_all()
            if not data:
                return

    def _read_stderr(self, stream):
        self._stderr.append(stream.read().decode(errors="replace"))

    def text(self):
        with self._cond:
            return self._text

    def stderr(self):
        return "".join(self._stderr)

    def expect(self, pattern, what=None):
        """Wait for `pattern` (a compiled regex) after the last match.

        Returns (text before the match, the match); the next expect() starts
        after it.
        """
        with self._cond:
            while True:
                m = pattern.search(self._text, self.pos)
                if m:
                    before = self._text[self.pos:m.start()]
                    self.pos = m.end()
                    return before, m
                left = self.deadline - time.monotonic()
                what = what or repr(pattern.pattern)
                if self._eof:
                    self.proc.wait()
                    raise ShellError(f"{describe_status(self.proc.returncode)} "
                                     f"while waiting for {what}")
                if left <= 0:
                    raise ShellError(f"timeout after {self.timeout:g} s waiting for {what}")
                self._cond.wait(left)

    def expect_prompt(self):
        return self.expect(self.prompt_re, f"the {PROMPT.strip()!r} prompt")[0]

    def send(self, line):
        """Type `line` and Enter (CR, as a terminal sends it)."""
        try:
            self.proc.stdin.write(line.encode() + b"\r")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            raise ShellError(f"cannot type {line!r}: {e}") from e

    def command(self, line):
        """Type a command at the prompt; return its output (\\n-separated lines).

        Waits for the echo of the command after a prompt (the prompt itself
        may already have been consumed), then the next prompt, so a stray
        extra prompt cannot be mistaken for the command's end.
        """
        self.send(line)
        # The shell echoes at most SHELL_LINE_MAX - 1 characters of a line.
        echoed = line[:SHELL_LINE_MAX - 1]
        echo = re.compile(r"(?<=" + re.escape(PROMPT) + r")" + re.escape(echoed) + r"\r?\n")
        self.expect(echo, f"the echo of {line!r}")
        out = self.expect_prompt()
        return "\n".join(ANSI_RE.sub("", l) for l in out.splitlines())

    def wait_exit(self):
        """Wait for the program to exit: its status, None on timeout (it is killed)."""
        try:
            return self.proc.wait(timeout=max(0.0, self.deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def poweroff(self):
        """Type `poweroff`; QEMU's exit status (None: it did not exit in time)."""
        self.send("poweroff")
        return self.wait_exit()

    def close(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for t in self._threads:
            t.join(timeout=5)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except OSError:
                pass


def boot_to_prompt(session):
    """Wait for the first prompt; press Enter in GRUB's menu if it shows one."""
    either = re.compile(PROMPT_RE.pattern + "|" + GRUB_COUNTDOWN_RE.pattern, re.M)
    _, m = session.expect(either, f"GRUB's menu or the {PROMPT.strip()!r} prompt")
    if m.group(0) != PROMPT:
        session.send("")  # boot the default entry now
        session.expect_prompt()


def run_iso_boot(args):
    """The GRUB ISO: shell entry, `test SUITE` at the prompt, then poweroff."""
    suite = args.suite or ISO_SUITE
    argv = qemu_argv(ISO_MEM, ["-cdrom", args.iso, "-boot", "d"], smp=args.smp or 1)
    res = RunResult(label="iso", command=argv)
    start = time.monotonic()
    if not os.path.isfile(args.iso):
        res.crashes.append(f"ISO not found: {args.iso} (make iso)")
        return res
    session = ShellSession(argv, args.timeout)
    try:
        session.start()
        boot_to_prompt(session)
        out = session.command(f"test {suite}")
        doc = parse_ktap(out)
        res.suites = doc.suites
        res.crashes += ktap_problems(doc)
        res.status = session.poweroff()
        if res.status != EXIT_PASS:
            res.crashes.append("poweroff: " + describe_status(res.status, args.timeout))
    except ShellError as e:
        res.crashes.append(str(e))
    finally:
        session.close()
        res.output, res.stderr = session.text(), session.stderr()
        res.status = session.proc.returncode if session.proc else res.status
        res.seconds = time.monotonic() - start
    return res


def run_session(label, argv, args, suite_name, plan, body, cleanup=None):
    """Boot to the prompt, run body(session, case, boot_text), power off.

    body() records test cases with case(name, ok, diagnostics=()).  A
    timeout, QEMU exiting early or a wrong poweroff status is a crash of the
    run; cleanup() (if given) runs whatever happened.
    """
    suite = Suite(name=suite_name, plan=plan)
    res = RunResult(label=label, suites=[suite], command=argv)
    start = time.monotonic()
    session = ShellSession(argv, args.timeout)

    def case(name, ok, diagnostics=()):
        suite.cases.append(Case(len(suite.cases) + 1, name, ok,
                                diagnostics=[] if ok else list(diagnostics)))
    try:
        session.start()
        body(session, case, session.expect_prompt())
        res.status = session.poweroff()
        if res.status != EXIT_PASS:
            res.crashes.append("poweroff: " + describe_status(res.status, args.timeout))
    except (ShellError, OSError) as e:
        res.crashes.append(str(e))
    finally:
        if cleanup:
            cleanup()
        session.close()
        res.output, res.stderr = session.text(), session.stderr()
        res.status = session.proc.returncode if session.proc else res.status
        res.seconds = time.monotonic() - start
    return res


def run_shell_check(check, args):
    """A SHELL_CHECKS entry: every (command, substring) is one test case.

    "iso": True boots the GRUB ISO (as `make run` does) instead of -kernel.
    """
    if check.get("iso"):
        boot = ["-cdrom", args.iso, "-boot", "d"]
    else:
        boot = ["-kernel", args.kernel, "-append", check.get("append", "")]
    argv = qemu_argv(check["mem"], boot, smp=check.get("smp", 1))
    plan = sum(len(e) for _, e in check["commands"]) + len(check.get("boot_expect", []))

    def body(session, case, boot_text):
        for text in check.get("boot_expect", []):
            case(f"the boot prints {text!r}", text in boot_text,
                 ["boot output (last 30 lines):"] +
                 ["  " + l for l in boot_text.splitlines()[-30:]])
        for cmd, expected in check["commands"]:
            out = session.command(cmd)
            for text in expected:
                case(f"{cmd!r} prints {text!r}", text in out,
                     [f"output of {cmd!r}:"] + ["  " + l for l in out.splitlines()[:30]])
    return run_session(check["name"], argv, args, "shell", plan, body)


# --- pasted input: more than the kernel's 4 KB input queue at once ----------------------

PASTE_CHECK = {"name": "pasted script", "mem": "128M", "lines": 600}


def run_paste_check(args):
    """Paste 600 commands (4.8 KB) in one write: every one must run.

    The console's input queue holds 4 KB; beyond that the UART driver stops
    reading until the shell catches up, so nothing may be lost.
    """
    n = PASTE_CHECK["lines"]

    def body(session, case, boot_text):
        session.proc.stdin.write(b"cmdline\r" * n + b"echo-done\r")
        session.proc.stdin.flush()
        session.expect(re.compile(r"unknown command: echo-done"), "the end of the paste")
        ran = session.text().count(PROMPT + "cmdline\r\n")
        case(f"all {n} pasted commands ran", ran == n,
             [f"{ran} of {n} commands were echoed at a prompt"])
        session.expect_prompt()
    argv = qemu_argv(PASTE_CHECK["mem"], ["-kernel", args.kernel])
    return run_session(PASTE_CHECK["name"], argv, args, "console", 1, body)


# --- line editing: Backspace, Ctrl-U, the history ----------------------------------------

EDIT_CHECK = {"name": "line editing", "mem": "128M"}


def run_edit_check(args):
    """Keys a terminal sends: DEL (Backspace), Ctrl-U, up arrow (ESC [ A)."""
    jiffies = re.compile(r"jiffies: \d+")

    def body(session, case, boot_text):
        def keys(name, raw, expect, what):
            session.proc.stdin.write(raw)
            session.proc.stdin.flush()
            try:
                session.expect(expect, what)
                session.expect_prompt()
                ok = True
            except ShellError:
                ok = False
            case(name, ok, ["output:"] + ["  " + l for l in session.text().splitlines()[-12:]])
        keys("Backspace (DEL) erases: tickq DEL s runs ticks",
             b"tickq\x7fs\r", jiffies, "ticks' output")
        keys("Ctrl-U erases the line: xyz ^U ticks runs ticks",
             b"xyz\x15ticks\r", jiffies, "ticks' output")
        session.send("cmdline")
        session.expect_prompt()
        keys("Up arrow recalls the last line (cmdline)",
             b"\x1b[A\r", re.compile(r"cmdline\r?\n"), "the recalled cmdline")
        keys("Up arrow twice goes one further back (ticks)",
             b"\x1b[A\x1b[A\r", jiffies, "ticks' output")
    argv = qemu_argv(EDIT_CHECK["mem"], ["-kernel", args.kernel])
    return run_session(EDIT_CHECK["name"], argv, args, "shell", 4, body)


# --- bench mode: it starts, reports every row and leaves QEMU with 33 -----------------

# A tiny benchmark run (bench.iters=2, under -icount as `make bench` boots it):
# not to measure anything, only to keep the mode working.  The numbers are
# tests/bench.py's business.
BENCH_CHECK = {"name": "bench mode", "mem": "2G", "append": "bench bench.iters=2"}
BENCH_ROWS = ["kmalloc64_kfree", "alloc_page_free_page", "kmap_local_highmem",
              "kmap_cached_highmem", "vmalloc_vfree_live10", "vmalloc_vfree_live10000",
              "boot_to_prompt"]


def bench_cases(out, status):
    """(name, ok, diagnostics) for what a bench boot printed and how it ended."""
    import bench  # tests/bench.py, beside this file

    rows, start, done = bench.parse_bench(out)
    by_op = {r.op: r for r in rows}
    unexplained = [r.op for r in rows if r.per_op is None and not r.note]
    cases = [("exits 33", status == EXIT_PASS, [describe_status(status)]),
             ("prints `bench: start` and `bench: done`", bool(start) and done, []),
             ("every row has a number or says why it was skipped", not unexplained,
              unexplained)]
    for op in BENCH_ROWS:
        row = by_op.get(op)
        cases.append((f"reports {op}", row is not None and row.per_op is not None
                      and row.per_op > 0, [f"row: {row!r}"]))
    return cases


def run_bench_check(args):
    """Boot `bench bench.iters=2`: exit 33 and a parseable line per row."""
    argv = qemu_argv(BENCH_CHECK["mem"], ["-icount", "shift=0,sleep=off",
                                          "-kernel", args.kernel,
                                          "-append", BENCH_CHECK["append"]])
    if (os.environ.get("ACCEL") or "tcg") != "tcg":
        argv.remove("-icount")
        argv.remove("shift=0,sleep=off")
    start = time.monotonic()
    out, err, status = run_process(argv, args.timeout)
    suite = Suite(name="bench", plan=3 + len(BENCH_ROWS))
    for name, ok, diags in bench_cases(out, status):
        suite.cases.append(Case(len(suite.cases) + 1, name, ok,
                                diagnostics=[] if ok else diags))
    res = RunResult(label=BENCH_CHECK["name"], suites=[suite], output=out, stderr=err,
                    seconds=time.monotonic() - start, command=argv, status=status)
    if status is None or status < 0:
        res.crashes.append(describe_status(status, args.timeout))
    return res


# --- the other console: PS/2 keyboard in, VGA text screen out --------------------------

CONSOLE_CHECK = {"name": "vga and keyboard", "mem": "128M"}
VGA_TEXT = 0xB8000  # 80x25 cells of (character, attribute)


class Monitor:
    """QEMU's human monitor on a Unix socket: sendkey, pmemsave."""

    def __init__(self, path, deadline):
        self.sock = socket.socket(socket.AF_UNIX)
        while True:
            try:
                self.sock.connect(path)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise ShellError("QEMU's monitor socket never appeared")
                time.sleep(0.05)
        self.sock.settimeout(5)
        self.read_until("(qemu) ")

    def read_until(self, marker):
        data = b""
        while marker.encode() not in data:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ShellError("QEMU's monitor closed")
            data += chunk
        return data.decode(errors="replace")

    def command(self, line):
        self.sock.sendall(line.encode() + b"\n")
        return self.read_until("(qemu) ")

    def close(self):
        self.sock.close()


def qemu_key(ch):
    """The sendkey name of a character."""
    names = {" ": "spc", "-": "minus", "/": "slash", ".": "dot", "\n": "ret",
             "\b": "backspace", "=": "equal"}
    if ch in names:
        return names[ch]
    return f"shift-{ch.lower()}" if ch.isupper() else ch


def vga_screen(path):
    """The text of a saved 80x25 VGA buffer, one string per row."""
    data = Path(path).read_bytes()
    return ["".join(chr(data[(r * 80 + c) * 2]) for c in range(80)).rstrip()
            for r in range(25)]


def run_console_check(args):
    """Type on the PS/2 keyboard (QEMU's sendkey) and read the VGA screen.

    Proves the second console end to end: keystrokes reach the shell's line
    editor (with a Backspace in them), and what the shell prints appears in
    VGA text memory as well as on COM1.
    """
    sock_path = f"/tmp/kmem386-monitor-{os.getpid()}.sock"
    vga_path = f"/tmp/kmem386-vga-{os.getpid()}.bin"
    monitors = []

    def body(session, case, boot_text):
        monitor = Monitor(sock_path, session.deadline)
        monitors.append(monitor)
        for ch in "tickx\bs\n":
            monitor.command(f"sendkey {qemu_key(ch)}")
        session.expect(re.compile(r"jiffies: \d+"), "the output of `ticks`")
        session.expect_prompt()
        case("PS/2 keystrokes with a Backspace run `ticks`", True)
        monitor.command(f'pmemsave {VGA_TEXT} 4000 "{vga_path}"')
        screen = vga_screen(vga_path)
        text = "\n".join(screen)
        diags = ["VGA text:"] + ["  " + r for r in screen]
        case("the VGA screen shows the typed command", "kmem386> ticks" in text, diags)
        case("the VGA screen shows the command's output", "jiffies:" in text, diags)

    def cleanup():
        for monitor in monitors:
            monitor.close()
        for path in (sock_path, vga_path):
            try:
                os.unlink(path)
            except OSError:
                pass
    argv = qemu_argv(CONSOLE_CHECK["mem"], ["-kernel", args.kernel],
                     monitor=f"unix:{sock_path},server,nowait")
    return run_session(CONSOLE_CHECK["name"], argv, args, "console", 3, body, cleanup)


# --- reporting --------------------------------------------------------------------


def output_tail(res, n=TAIL_LINES):
    """The last `n` lines a run printed (serial, then QEMU's stderr)."""
    lines = [ANSI_RE.sub("", l).rstrip() for l in res.output.splitlines()]
    lines += ["(stderr) " + l.rstrip() for l in res.stderr.splitlines()]
    return lines[-n:]


def format_result(res, verbose=False):
    """The report of one finished run: a line per suite, failures, crash."""
    lines = []
    for suite in res.suites:
        if res.crashes and not suite.cases:
            continue  # e.g. a shell check that never reached its first command
        p, f, s = suite.count()
        lines.append(f"[{res.label}] {suite.name or '?'}: {p} passed, {f} failed, "
                     f"{s} skipped ({res.seconds:.1f} s)")
        for case in suite.cases:
            if case.failed:
                lines.append("    " + case.line())
                lines += ["        # " + d for d in case.diagnostics]
            elif verbose:
                lines.append("    " + case.line())
        if suite.ok is False and suite.trailing:
            lines += ["    # " + d for d in suite.trailing]
    if res.crashes:
        lines.append(f"[{res.label}] # crash: {'; '.join(res.crashes)} "
                     f"({res.seconds:.1f} s)")
        if res.command:
            lines.append("    command: " + " ".join(shell_quote(a) for a in res.command))
        where = f" (full log: {res.log_path})" if res.log_path else ""
        tail = output_tail(res)
        if tail:
            lines.append(f"    last {len(tail)} lines of output{where}:")
            lines += ["    | " + l for l in tail]
        else:
            lines.append(f"    (no output){where}")
    return "\n".join(lines)


def shell_quote(arg):
    return arg if re.fullmatch(r"[\w@%+=:,./-]+", arg) else "'" + arg.replace("'", "'\\''") + "'"


def log_name(label):
    return re.sub(r"[^A-Za-z0-9._+-]+", "_", label).strip("_") or "run"


def write_log(res, log_dir, name):
    """The run's full output, then how it was started and how it ended."""
    path = Path(log_dir) / (log_name(name) + ".log")
    trailer = ["", "----- test runner -----",
               "command: " + " ".join(shell_quote(a) for a in res.command),
               "exit status: " + ("timeout" if res.status is None else str(res.status)),
               f"wall time: {res.seconds:.1f} s"]
    if res.crashes:
        trailer.append("crash: " + "; ".join(res.crashes))
    if res.stderr:
        trailer += ["----- stderr -----", res.stderr.rstrip()]
    try:
        path.write_text(res.output + "\n".join(trailer) + "\n", errors="replace")
        res.log_path = path
    except OSError as e:
        print(f"warning: cannot write {path}: {e}", file=sys.stderr)


# --- the command line ------------------------------------------------------------------


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="kmem386 tests: host unit tests, the QEMU boot matrix, "
                    "the GRUB ISO and shell checks.")
    ap.add_argument("--kernel", default="build/kernel.elf")
    ap.add_argument("--iso", default="build/kmem386.iso")
    ap.add_argument("--host-tests", action="append", default=[], metavar="PATH",
                    help="a host unit-test binary (KTAP on stdout); repeatable")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="run only the QEMU runs with this name (see --list); repeatable")
    ap.add_argument("--suite", metavar="FILTER",
                    help="boot with ktest=FILTER (SUITE or SUITE.CASE)")
    ap.add_argument("--smp", type=int, metavar="N",
                    help="run the matrix boots and the ISO boot with N CPUs "
                         "(default: as each entry says, 1 for most)")
    ap.add_argument("--no-iso", action="store_true", help="skip the GRUB ISO boot")
    ap.add_argument("--no-shell", action="store_true", help="skip the shell checks")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help=f"seconds per run (default {DEFAULT_TIMEOUT})")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="runs in parallel (default: the number of CPUs)")
    ap.add_argument("--keep-logs", metavar="DIR", default=str(DEFAULT_LOG_DIR),
                    help="write each run's output to DIR/<name>.log "
                         "(default build/test-logs)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every case")
    ap.add_argument("--list", action="store_true", help="print the matrix and exit")
    ap.add_argument("--self-test", action="store_true",
                    help="run this script's own unit tests and exit")
    args = ap.parse_args(argv)
    if args.jobs < 1:
        ap.error("-j must be at least 1")
    if args.timeout <= 0:
        ap.error("--timeout must be positive")
    if args.smp is not None and not 1 <= args.smp <= 8:
        ap.error("--smp takes 1 to 8 CPUs")
    return args, ap


def list_runs():
    print("matrix (ktest boots, -kernel):")
    for e in MATRIX:
        append = " ".join(a for a in ("ktest", e["append"]) if a)
        print(f"  {e['name']:<12} -m {e['mem']:<6} -smp {e.get('smp', 1)} "
              f"-append \"{append}\"")
    print(f"iso: the GRUB ISO, -m {ISO_MEM}, `test {ISO_SUITE}` at the prompt")
    print("shell checks (-kernel, shell mode):")
    for c in SHELL_CHECKS:
        cmds = ", ".join(cmd for cmd, _ in c["commands"])
        print(f"  {c['name']:<20} -m {c['mem']:<6} {cmds}")
    print(f"  {CONSOLE_CHECK['name']:<20} -m {CONSOLE_CHECK['mem']:<6} "
          "PS/2 keys through QEMU's monitor, VGA text memory read back")
    print(f"bench mode: -m {BENCH_CHECK['mem']}, -icount, -append \"{BENCH_CHECK['append']}\": "
          "exit 33 and a result line per row")


def plan_runs(args, ap):
    """[(label, log name, function)] for everything this invocation runs."""
    names = [e["name"] for e in MATRIX] + ["iso"] + \
        [c["name"] for c in SHELL_CHECKS] + \
        [CONSOLE_CHECK["name"], PASTE_CHECK["name"], EDIT_CHECK["name"], BENCH_CHECK["name"]]
    dups = {n for n in names if names.count(n) > 1}
    if dups:
        ap.error(f"duplicate run names: {', '.join(sorted(dups))}")
    unknown = [n for n in args.only if n not in names]
    if unknown:
        ap.error(f"--only {', '.join(unknown)}: no such run (see --list)")

    def wanted(name):
        return not args.only or name in args.only

    runs = []
    if not args.no_iso and wanted("iso"):
        runs.append(("iso", "iso", lambda: run_iso_boot(args)))
    for e in MATRIX:
        if wanted(e["name"]):
            runs.append((e["name"], e["name"], lambda e=e: run_ktest_boot(e, args)))
    if not args.no_shell:
        for c in SHELL_CHECKS:
            if wanted(c["name"]):
                runs.append((c["name"], "shell-" + c["name"],
                             lambda c=c: run_shell_check(c, args)))
        if wanted(CONSOLE_CHECK["name"]):
            runs.append((CONSOLE_CHECK["name"], "console",
                         lambda: run_console_check(args)))
        if wanted(PASTE_CHECK["name"]):
            runs.append((PASTE_CHECK["name"], "paste",
                         lambda: run_paste_check(args)))
        if wanted(EDIT_CHECK["name"]):
            runs.append((EDIT_CHECK["name"], "line-editing",
                         lambda: run_edit_check(args)))
    if wanted(BENCH_CHECK["name"]):
        runs.append((BENCH_CHECK["name"], "bench",
                     lambda: run_bench_check(args)))
    for i, path in enumerate(args.host_tests):
        label = "host" if len(args.host_tests) == 1 else f"host {i + 1}"
        runs.append((label, label, lambda p=path, l=label: run_host_tests(p, l, args)))
    return runs


def guarded(label, fn):
    """Run fn(); a bug in the runner itself becomes a crash of that run."""
    start = time.monotonic()
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - report, never hang the pool
        import traceback
        return RunResult(label=label, crashes=[f"test runner error: {e!r}"],
                         output=traceback.format_exc(), seconds=time.monotonic() - start)


def main(argv):
    args, ap = parse_args(argv)
    if args.self_test:
        return self_test()
    if args.list:
        list_runs()
        return 0
    runs = plan_runs(args, ap)
    log_dir = Path(args.keep_logs)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"warning: cannot create {log_dir}: {e}", file=sys.stderr)

    start = time.monotonic()
    passed = failed = skipped = 0
    crashed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(guarded, label, fn): name for label, name, fn in runs}
        for fut in concurrent.futures.as_completed(futures):
            res = fut.result()
            write_log(res, log_dir, futures[fut])
            print(format_result(res, args.verbose), flush=True)
            p, f, s = res.counts()
            passed, failed, skipped = passed + p, failed + f, skipped + s
            if res.crashes:
                crashed.append(res)

    print()
    if crashed:
        print(f"crashes ({len(crashed)}):")
        for res in crashed:
            print(f"  [{res.label}] {'; '.join(res.crashes)}")
    else:
        print("crashes: none")
    if skipped:
        print(f"skipped: {skipped}")
    print(f"wall time: {time.monotonic() - start:.1f} s "
          f"({len(runs)} run(s), -j {args.jobs}; logs in {log_dir})")
    if not runs or passed + failed == 0:
        print("nothing ran")
        print(f"{passed} passed, {failed} failed")
        return 1
    print(f"{passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


# --- self-test: the parser and the shell helper on crafted input ------------------------


KERNEL_SAMPLE = """\
[    0.000000] kmem386 version 0.1.0 (gcc 12.2.0) i386 non-PAE, 3G/1G split, HIGHMEM\r
[    0.014917] KTAP version 1\r
[    0.014972] 1..2\r
[    0.015041]     KTAP version 1\r
[    0.015102]     # Subtest: lib\r
[    0.015177]     1..3\r
[    0.015420]     ok 1 lib_snprintf_formats_hex_with_padding\r
[    0.015425] ------------[ cut here ]------------\r
[    0.015426] WARNING: at mm/page_alloc.c:12 something\r
[    0.015430]     # tests/kernel/lib_test.c:42: expected a == b, got 3 (0x3) vs 4 (0x4)\r
[    0.015440]     not ok 2 lib_other_case\r
[    0.015450]     ok 3 lib_skipped_case # SKIP no highmem at this size\r
[    0.015543] # lib: pass:1 fail:1 skip:1 total:3\r
[    0.015854] not ok 1 lib\r
[    0.015900]     KTAP version 1\r
[    0.015901]     # Subtest: traps\r
[    0.015902]     1..2\r
[    0.015903]     # about to loop\r
[    0.015904]     not ok 1 traps_loops # timeout after 120 s\r
[    0.015905]     not ok 2 traps_oopses # oops\r
[    0.015906] # traps: pass:0 fail:2 skip:0 total:2\r
[    0.015907] not ok 2 traps\r
[    0.016073] # Totals: pass:1 fail:3 skip:1 total:5\r
"""

HOST_SAMPLE = """\
KTAP version 1
1..1
    KTAP version 1
    # Subtest: string
    1..2
    ok 1 string_memcpy_copies
    ok 2 string_strlen_counts
    # string: pass:2 fail:0 skip:0 total:2
ok 1 string
"""


def self_test():
    import unittest

    class ParserTest(unittest.TestCase):
        def test_kernel_sample(self):
            doc = parse_ktap(KERNEL_SAMPLE)
            self.assertEqual(ktap_problems(doc), [])
            self.assertEqual([s.name for s in doc.suites], ["lib", "traps"])
            lib, traps = doc.suites
            self.assertEqual(lib.count(), (1, 1, 1))
            self.assertEqual(traps.count(), (0, 2, 0))
            self.assertEqual(lib.cases[1].diagnostics,
                             ["tests/kernel/lib_test.c:42: expected a == b, "
                              "got 3 (0x3) vs 4 (0x4)"])
            self.assertEqual(lib.cases[0].diagnostics, [])
            self.assertEqual(lib.cases[2].directive, "SKIP no highmem at this size")
            self.assertEqual(traps.cases[0].directive, "timeout after 120 s")
            self.assertEqual(traps.cases[0].diagnostics, ["about to loop"])
            self.assertEqual(doc.totals, "pass:1 fail:3 skip:1 total:5")
            self.assertEqual(verdict_problems(doc, EXIT_FAIL, 1, EXIT_PASS, EXIT_FAIL), [])

        def test_host_sample_without_timestamps(self):
            doc = parse_ktap("ASan noise\n" + HOST_SAMPLE)
            self.assertEqual(ktap_problems(doc), [])
            self.assertEqual(doc.suites[0].count(), (2, 0, 0))
            self.assertEqual(verdict_problems(doc, 0, 1, 0, 1), [])
            self.assertTrue(verdict_problems(doc, 1, 1, 0, 1))  # 1 but all ok

        def test_exit_33_with_not_ok_is_a_crash(self):
            doc = parse_ktap(KERNEL_SAMPLE)
            reasons = verdict_problems(doc, EXIT_PASS, 1, EXIT_PASS, EXIT_FAIL)
            self.assertTrue(any("all passed" in r for r in reasons), reasons)

        def test_short_plan_is_a_crash(self):
            cut = KERNEL_SAMPLE.split("[    0.015450]")[0] + "[    0.02] Kernel panic\n"
            doc = parse_ktap(cut)
            reasons = verdict_problems(doc, EXIT_PANIC, 1, EXIT_PASS, EXIT_FAIL)
            self.assertIn("kernel panic/oops (exit 37)", reasons)
            self.assertTrue(any("cut short after 2 of 3" in r for r in reasons), reasons)
            self.assertTrue(any("plan 1..2 but only 0" in r for r in reasons), reasons)

        def test_missing_suite_is_a_crash(self):
            doc = parse_ktap(KERNEL_SAMPLE.split("[    0.015900]")[0])
            self.assertEqual(ktap_problems(doc), ["plan 1..2 but only 1 suite result(s)"])

        def test_suite_plan_mismatch(self):
            doc = parse_ktap(HOST_SAMPLE.replace("    1..2", "    1..3"))
            self.assertEqual(ktap_problems(doc), ["suite string: plan 1..3 but 2 result(s)"])

        def test_no_ktap(self):
            doc = parse_ktap("[    0.0] booting\n[    0.1] hello\n")
            self.assertEqual(verdict_problems(doc, EXIT_PASS, 1, EXIT_PASS, EXIT_FAIL),
                             ["no KTAP output"])

        def test_other_statuses_are_crashes(self):
            doc = parse_ktap(HOST_SAMPLE)
            for status in (0, 1, 3, -9, None):
                self.assertTrue(verdict_problems(doc, status, 5, EXIT_PASS, EXIT_FAIL),
                                status)
            self.assertEqual(verdict_problems(doc, None, 5, EXIT_PASS, EXIT_FAIL),
                             ["timeout after 5 s"])
            self.assertEqual(verdict_problems(doc, EXIT_PASS, 5, EXIT_PASS, EXIT_FAIL), [])

        def test_exit_35_without_failure_names_the_reason(self):
            doc = parse_ktap("KTAP version 1\n1..0\n# ktest: no suite or case matches 'x'\n")
            reasons = verdict_problems(doc, EXIT_FAIL, 1, EXIT_PASS, EXIT_FAIL)
            self.assertEqual(len(reasons), 1)
            self.assertIn("no suite or case matches", reasons[0])

        def test_suite_ok_with_failing_case(self):
            doc = parse_ktap(HOST_SAMPLE.replace("    ok 2", "    not ok 2"))
            self.assertEqual(ktap_problems(doc),
                             ["suite string: `ok` with 1 failing case(s)"])

        def test_report_and_counts(self):
            doc = parse_ktap(KERNEL_SAMPLE)
            res = RunResult(label="2G", suites=doc.suites, seconds=3.44)
            text = format_result(res)
            self.assertIn("[2G] lib: 1 passed, 1 failed, 1 skipped (3.4 s)", text)
            self.assertIn("    not ok 2 lib_other_case\n        # tests/kernel/", text)
            self.assertEqual(res.counts(), (1, 3, 1))
            res.crashes = ["timeout after 1 s"]
            self.assertEqual(res.counts(), (1, 4, 1))
            self.assertIn("[2G] # crash: timeout after 1 s", format_result(res))

    # A fake shell on a pipe: a GRUB-like menu line, a prompt, echo, poweroff.
    fake_shell = r"""
import sys
out = sys.stdout
out.write("\x1b[5;3H*kmem386: shell (kmem386> prompt)   will be executed automatically in 2s.")
out.flush()
sys.stdin.buffer.read(1)                       # Enter in the menu
out.write("\r\n[    0.0] booting\r\n\r\nType `help`.\r\nkmem386> "); out.flush()
line = b""
while True:
    c = sys.stdin.buffer.read(1)
    if not c:
        sys.exit(1)
    if c != b"\r":
        line += c; out.write(c.decode()); out.flush(); continue
    out.write("\r\n")
    cmd, line = line.decode(), b""
    if cmd == "poweroff":
        out.write("Power down.\r\n"); out.flush(); sys.exit(33)
    if cmd == "hang":
        out.flush(); import time; time.sleep(60)
    out.write("you said " + cmd + "\r\nkmem386> "); out.flush()
"""

    class ShellSessionTest(unittest.TestCase):
        def test_conversation(self):
            with ShellSession([sys.executable, "-c", fake_shell], timeout=20) as sh:
                boot_to_prompt(sh)
                self.assertEqual(sh.command("hello"), "you said hello")
                self.assertEqual(sh.command("a b"), "you said a b")
                self.assertEqual(sh.poweroff(), 33)

        def test_timeout(self):
            with ShellSession([sys.executable, "-c", fake_shell], timeout=1) as sh:
                boot_to_prompt(sh)
                with self.assertRaisesRegex(ShellError, "timeout after 1 s"):
                    sh.command("hang")

        def test_early_exit(self):
            with ShellSession([sys.executable, "-c", "print('bye')"], timeout=20) as sh:
                with self.assertRaisesRegex(ShellError, "exit status 0"):
                    sh.expect_prompt()

    suite = unittest.TestSuite()
    for case in (ParserTest, ShellSessionTest):
        suite.addTests(unittest.defaultTestLoader.loadTestsFromTestCase(case))
    result = unittest.TextTestRunner(verbosity=1).run(suite)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
