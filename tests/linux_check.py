#!/usr/bin/env python3
"""tests/linux_check.py - the user programs on Debian's real Linux 686 (python3,
standard library only).

The proof of the system call ABI: the static i386 programs in user/ boot
under Debian 12's linux-image-686 in the same QEMU, and every case of their
KTAP must pass there (a case that fails on real Linux is a wrong test).
Later the same programs run on kmem386, and compare_results() requires the
same result for every case; the programs mask what must differ (pids,
addresses) themselves, so the comparison is exact.

What a boot prints on COM1 (tools/linux/init), with kernel lines between:

    ===== KERNEL 6.1.0-57-686 i686 =====
    ===== BEGIN proc_test =====
    KTAP version 1                  <- one suite per program (user/include/ktap.h)
    ...
    ===== END proc_test exit=0 =====
    ===== ALL DONE =====

Used three ways:
  - by tests/run.py (`make test`): linux_check.run_check(...) returns plain
    data, (suites, crashes, output, seconds), which run.py turns into its own
    result: one suite per program plus a `linux` suite for the boot itself.
    If `make linux-initramfs` could not fetch or build what the boot needs,
    the check fails and says why (no silent skip).
  - `python3 tests/linux_check.py run --progs "hello proc_test"`: one boot,
    the verdict per case, exit status 0 when everything passed.
  - `python3 tests/linux_check.py bench` (`make bench-linux`): the benchmark
    programs under -icount, their `bench:` rows as a table.
  - `python3 tests/linux_check.py bench-both --kernel K --kmem386-initrd I`
    (`make bench-user`): the same programs on kmem386 (boot mode `progs`)
    and on Linux, at once, side by side, with the goal of each row: at most
    half of Linux's count.
`--self-test` runs this file's unit tests (no QEMU).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

QEMU = "qemu-system-i386"
REPO = Path(__file__).resolve().parent.parent
LINUX_DIR = REPO / "build" / "linux"
# The benchmarks' clock: one tick per instruction while a CPU runs.  While
# every CPU is halted (waiting for the disk), sleep=on lets the clock follow
# the host's instead of jumping from one timer deadline to the next: a
# wait then spans a few ticks, not dozens, and the rows that subtract the
# idle time (user/include/ubench.h) see little of the timers' work.
ICOUNT = "shift=0,sleep=on"
# The benchmarks' disk: the host reads it with O_DIRECT, 40-200 us a block,
# so a read always completes after the guest went to sleep for it.  From the
# host's page cache (2 us) the interrupt would sometimes come first, the
# reader would not sleep, and the uncached row would count either case.
BENCH_CACHE = "none"
DISK = REPO / "build" / "disk.img"  # tools/mkdisk.py's pristine image
CMDLINE = "console=ttyS0 quiet init_on_alloc=0"  # tools/linux/linux.mk's

ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1bc")
KERNEL_RE = re.compile(r"^===== KERNEL (.*) =====$")
BEGIN_RE = re.compile(r"^===== BEGIN (\S+) =====$")
END_RE = re.compile(r"^===== END (\S+) exit=(\d+) =====$")
DONE_RE = re.compile(r"^===== ALL DONE =====$")
CASE_RE = re.compile(r"^    (ok|not ok) (\d+) (\S+)(?: # (.*))?$")
SUITE_RE = re.compile(r"^    # Subtest: (\S+)$")
PLAN_RE = re.compile(r"^    1\.\.(\d+)$")
RESULT_RE = re.compile(r"^(ok|not ok) 1 (\S+)$")
DIAG_RE = re.compile(r"^    # (.*)$")
HELLO_RE = re.compile(r"^hello from user mode on \S+")


@dataclass
class Case:
    """One case of a program's KTAP."""

    name: str
    result: str  # "pass", "fail" or "skip"
    reason: str = ""  # the SKIP reason
    diagnostics: list = field(default_factory=list)


@dataclass
class Program:
    """What one program printed between its markers, and how it ended."""

    name: str
    lines: list = field(default_factory=list)
    exit: int = None  # None: no END marker (the boot died inside it)
    suite: str = ""
    plan: int = None
    cases: list = field(default_factory=list)
    verdict: bool = None  # the suite's own ok / not ok line
    pending: list = field(default_factory=list)  # diagnostics of the next case

    def problems(self):
        """Why this program's report is not a clean, complete pass."""
        out = []
        if self.exit is None:
            return ["no END marker: the program or the kernel died"]
        if self.exit != 0:
            out.append(f"exit status {self.exit}")
        if self.name == "hello":
            if not any(HELLO_RE.match(line) for line in self.lines):
                out.append("no `hello from user mode on ...` line")
            return out
        if self.plan is None:
            out.append("no KTAP plan")
        elif len(self.cases) != self.plan:
            out.append(f"plan 1..{self.plan} but {len(self.cases)} result(s)")
        if self.verdict is None:
            out.append("no suite result line")
        return out


@dataclass
class Boot:
    """One boot of Debian's kernel with some programs."""

    kernel: str = ""
    programs: list = field(default_factory=list)
    done: bool = False
    status: object = None
    output: str = ""
    seconds: float = 0.0
    disk_cases: list = field(default_factory=list)  # check_image()'s, after it

    def program(self, name):
        return next((p for p in self.programs if p.name == name), None)


def parse_boot(text):
    """Split the serial output into programs and read each one's KTAP."""
    boot, prog = Boot(output=text), None
    for raw in text.splitlines():
        line = ANSI_RE.sub("", raw).rstrip("\r\n ")
        if m := KERNEL_RE.match(line):
            boot.kernel = m.group(1)
        elif m := BEGIN_RE.match(line):
            prog = Program(m.group(1))
            boot.programs.append(prog)
        elif (m := END_RE.match(line)) and prog and prog.name == m.group(1):
            prog.exit = int(m.group(2))
            prog = None
        elif DONE_RE.match(line):
            boot.done = True
        elif prog is not None:
            prog.lines.append(line)
            read_ktap_line(prog, line)
    return boot


def read_ktap_line(prog, line):
    """Add one line of a program's output to its KTAP reading."""
    if m := SUITE_RE.match(line):
        prog.suite = m.group(1)
    elif prog.plan is None and (m := PLAN_RE.match(line)):
        prog.plan = int(m.group(1))
    elif m := CASE_RE.match(line):
        directive = m.group(4) or ""
        diags, prog.pending = prog.pending, []
        if directive.upper().startswith("SKIP"):
            case = Case(m.group(3), "skip", directive[4:].strip(), diags)
        else:
            case = Case(m.group(3), "pass" if m.group(1) == "ok" else "fail",
                        diagnostics=diags)
        prog.cases.append(case)
    elif m := DIAG_RE.match(line):
        prog.pending.append(m.group(1))
    elif m := RESULT_RE.match(line):
        prog.verdict = m.group(1) == "ok"


def results(boot):
    """{program: {case: result}}, where a result is pass, fail or skip: REASON."""
    out = {}
    for prog in boot.programs:
        out[prog.name] = {c.name: c.result + (f": {c.reason}" if c.reason else "")
                          for c in prog.cases}
        out[prog.name]["(exit)"] = "pass" if prog.exit == 0 else f"exit {prog.exit}"
    return out


# What Linux lacks of what the programs may use: kmem386's own devices
# (user/tests/devmap_test.c skips there, saying so).
LINUX_LACKS = ["/dev/kbuf", "/dev/vbuf"]


def linux_lacks(case):
    """A case Linux skips for something only kmem386 has."""
    return case.result == "skip" and case.reason.startswith("needs ") and \
        case.reason[6:] in LINUX_LACKS


def compare_results(reference, other, lacks=()):
    """The differences between two kernels' results ([] when they agree).

    `reference` is Linux's results(), `other` another kernel's.  A case that
    the other kernel skipped as `needs X` is accepted when X is in `lacks`
    (what that kernel declares it does not provide, user/README.md); any
    other difference, a missing program or case included, is reported.
    """
    diffs = []
    for prog, cases in reference.items():
        if prog not in other:
            diffs.append(f"{prog}: did not run")
            continue
        for case, want in cases.items():
            got = other[prog].get(case)
            if got == want:
                continue
            if got and got.startswith("skip: needs ") and got[12:] in lacks:
                continue
            if want.startswith("skip: needs ") and want[12:] in LINUX_LACKS:
                continue  # kmem386's own device: Linux cannot compare
            if got is None:
                diffs.append(f"{prog}.{case}: missing (Linux: {want})")
            elif case == "(exit)" and got == "exit 0" and want == "pass":
                continue
            else:
                diffs.append(f"{prog}.{case}: {got} (Linux: {want})")
        for case in other[prog]:
            if case not in cases:
                diffs.append(f"{prog}.{case}: not on Linux")
    return diffs


# --- booting ----------------------------------------------------------------------


def qemu_argv(linux_dir, progs, mem="2G", accel="tcg", icount=False, args="",
              append="", initrd=None, disk=None, cache=None):
    linux_dir = Path(linux_dir)
    initrd = initrd or linux_dir / "initramfs.cpio"
    words = [CMDLINE, "kmem386.progs=" + ",".join(progs),
             "kmem386.args=" + ",".join(args.split()), "kmem386.shell=0", append]
    return [QEMU, "-accel", accel, *(["-icount", ICOUNT] if icount else []),
            "-m", mem, "-kernel", str(linux_dir / "vmlinuz"),
            "-initrd", str(initrd),
            "-append", " ".join(w for w in words if w),
            "-display", "none", "-serial", "stdio", "-monitor", "none",
            "-nic", "none", "-no-reboot", *drive_args(disk, cache)]


# --- the virtio disk ---------------------------------------------------------------


def drive_args(disk, cache=None):
    """QEMU's options for a disk image (the same for both kernels)."""
    extra = f",cache={cache}" if cache else ""
    return ["-drive", f"file={disk},if=virtio,format=raw{extra}"] if disk else []


def mkdisk():
    """tools/mkdisk.py as a module: the image's pattern and check_image()."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("kmem386_mkdisk",
                                                  REPO / "tools" / "mkdisk.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def disk_copy(image):
    """A fresh copy of the pristine image for one boot, or None."""
    import shutil
    import tempfile
    if not image or not Path(image).is_file():
        return None
    fd, path = tempfile.mkstemp(prefix="kmem386-disk-", suffix=".img")
    os.close(fd)
    shutil.copyfile(image, path)
    return path


def boot_linux(argv, timeout):
    """Run QEMU to its end (or the timeout): a parsed Boot."""
    start = time.monotonic()
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
    except OSError as e:
        boot = Boot(output=f"cannot run {argv[0]}: {e}", status=127)
        return boot
    try:
        out, _ = proc.communicate(timeout=timeout)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        status = None
    boot = parse_boot((out or b"").decode(errors="replace"))
    boot.status, boot.seconds = status, time.monotonic() - start
    return boot


def missing_files(linux_dir):
    """What `make linux-initramfs` should have made, and did not; with its log."""
    linux_dir = Path(linux_dir)
    missing = [str(p) for p in (linux_dir / "vmlinuz", linux_dir / "initramfs.cpio")
               if not p.exists()]
    if not missing:
        return []
    reason = [f"Debian's Linux 686 or the initramfs is missing ({', '.join(missing)}): "
              "`make linux-initramfs` could not fetch or build it"]
    log = linux_dir / "prepare.log"
    if log.exists():
        reason += ["the end of " + str(log) + ":"] + \
            ["  " + line for line in log.read_text(errors="replace").splitlines()[-8:]]
    return reason


def test_programs(linux_dir):
    """hello and every *_test program the initramfs list names, in its order."""
    names = []
    lst = Path(linux_dir) / "initramfs.list"
    if lst.exists():
        for line in lst.read_text().splitlines():
            w = line.split()
            if len(w) >= 3 and w[0] == "file" and w[1].startswith("/user/"):
                name = w[1][len("/user/"):]
                if name == "hello" or name.endswith("_test"):
                    names.append(name)
    return names


def boot_check(linux_dir=LINUX_DIR, timeout=300, mem="2G", accel=None, disk=None):
    """One boot of Linux with hello and every test program: (boot, progs,
    problems, argv); boot is None when the files are missing (problems says
    why).  A copy of the disk image (default build/disk.img) is attached
    as /dev/vda and the blocks the programs announced are read back from
    it after the boot (boot.disk_cases)."""
    accel = accel or os.environ.get("ACCEL") or "tcg"
    problems = missing_files(linux_dir)
    if problems:
        return None, [], problems, []
    progs = test_programs(linux_dir)
    image = disk_copy(disk or DISK)
    argv = qemu_argv(linux_dir, progs, mem=mem, accel=accel, disk=image)
    boot = boot_linux(argv, timeout)
    if image:
        boot.disk_cases = mkdisk().check_image(image, boot.output)
        os.unlink(image)
    return boot, progs, [], argv


def run_check(linux_dir=LINUX_DIR, timeout=300, mem="2G", accel=None, booted=None):
    """The `make test` check: (suites, crashes, output, seconds, argv).

    suites: [(suite name, [(case name, ok, skipped, diagnostics)])], one per
    program (its KTAP cases, on Linux every one must pass: a skip fails too,
    since Linux has everything the programs need, except what LINUX_LACKS
    names: kmem386's own devices) and a last one, `linux`, for the boot and
    each program's exit status.  `booted`: boot_check()'s result, when the
    caller already booted.
    """
    boot, progs, problems, argv = booted or boot_check(linux_dir, timeout, mem, accel)
    if boot is None:
        return [], problems, "\n".join(problems), 0.0, []
    suites, crashes = [], []
    for prog in boot.programs:
        cases = [(c.name, c.result == "pass" or linux_lacks(c), linux_lacks(c),
                  c.diagnostics + ([f"skipped on Linux: {c.reason}"]
                                   if c.result == "skip" and not linux_lacks(c) else []))
                 for c in prog.cases]
        if cases:
            suites.append((prog.suite or prog.name, cases))
    meta = [("boot reaches `ALL DONE` and powers off",
             boot.done and boot.status == 0,
             False, [f"QEMU status {boot.status}" if boot.status is not None
                     else f"timeout after {timeout:g} s"])]
    for name in progs:
        prog = boot.program(name)
        why = ["did not run"] if prog is None else prog.problems()
        meta.append((f"{name} runs to the end and exits 0", not why, False, why))
    suites.append(("linux", meta))
    if boot.disk_cases:
        suites.append(("disk image after poweroff",
                       [(name, ok, False, diags) for name, ok, diags in boot.disk_cases]))
    if boot.status is None:
        crashes.append(f"timeout after {timeout:g} s")
    return suites, crashes, boot.output, boot.seconds, argv


# --- make bench-linux -------------------------------------------------------------


def bench_rows(boot):
    """[(program, Row)] of the `bench:` lines, via bench/bench.py's parser."""
    sys.path.insert(0, str(REPO / "bench"))
    import bench  # bench/bench.py

    rows = []
    for prog in boot.programs:
        parsed, _start, _done = bench.parse_bench("\n".join(prog.lines))
        rows += [(prog.name, r) for r in parsed]
    return rows


def bench_table(boot, rows, mem, unit):
    what = "kmem386's kernel rows, timed by tools/linux/kbench" if any(
        p.name.startswith("insmod:kbench") for p in boot.programs) else "The user benchmarks"
    lines = [f"{what} on Debian's Linux {boot.kernel} (-m {mem}), per operation in {unit}:",
             "the median of 7 batches, a batch's fixed cost subtracted (the loop of",
             "kernel/bench.c).", ""]
    width = max([len(r.op) for _, r in rows] + [10])
    lines.append(f"{'op':<{width}} {'per_op':>10} {'min':>10} {'max':>10}  what")
    for prog, r in rows:
        if r.per_op is None:
            lines.append(f"{r.op:<{width}} {'-':>10} {'':>10} {'':>10}  {r.desc} ({r.note})")
        else:
            lines.append(f"{r.op:<{width}} {r.per_op:>10.0f} {r.lo:>10.0f} {r.hi:>10.0f}"
                         f"  {r.desc}")
    return lines


def main_bench(args):
    problems = missing_files(args.linux_dir)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    icount = args.accel == "tcg"
    unit = "instructions" if icount else "cycles"
    disk = disk_copy(DISK)
    argv = qemu_argv(args.linux_dir, args.progs.split(), mem=args.mem, accel=args.accel,
                     icount=icount, args=args.args, append=args.append, initrd=args.initrd,
                     disk=disk, cache=BENCH_CACHE)
    boot = boot_linux(argv, args.timeout)
    if disk:
        os.unlink(disk)
    out, name = Path(args.out), args.name
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.log").write_text(boot.output)
    rows = bench_rows(boot)
    text = "\n".join(bench_table(boot, rows, args.mem, unit)) + "\n"
    (out / f"{name}.txt").write_text(text)
    (out / f"{name}.json").write_text(json.dumps(
        [{"op": r.op, "mem": args.mem, "per_op": r.per_op, "unit": unit,
          "kernel": f"Linux {boot.kernel}", "program": prog} for prog, r in rows
         if r.per_op is not None], indent=1) + "\n")
    print(text, end="")
    bad = [p.name for p in boot.programs if p.exit != 0] + \
        [n for n in args.progs.split() if not boot.program(n)]
    if not rows:
        bad.append("(no bench: rows)")
    print(f"\nwrote {out}/{name}.txt, {name}.json (log {out}/{name}.log)")
    if bad or not boot.done or boot.status != 0:
        print(f"FAILED: programs {', '.join(bad) or 'none'}; boot done={boot.done} "
              f"status={boot.status}")
        return 1
    return 0


def main_run(args):
    problems = missing_files(args.linux_dir)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    progs = args.progs.split() if args.progs else test_programs(args.linux_dir)
    image = disk_copy(DISK)
    boot = boot_linux(qemu_argv(args.linux_dir, progs, mem=args.mem, accel=args.accel,
                                args=args.args, append=args.append, disk=image),
                      args.timeout)
    if image:
        for name, ok, diags in mkdisk().check_image(image, boot.output):
            print(f"disk image: {name}: {'ok' if ok else 'FAILED'}")
            print("".join(f"    {d}\n" for d in diags), end="")
        os.unlink(image)
    failed = 0
    for name in progs:
        prog = boot.program(name)
        why = ["did not run"] if prog is None else prog.problems()
        bad = [c for c in (prog.cases if prog else []) if c.result != "pass"]
        failed += bool(why or bad)
        print(f"{name}: {len(prog.cases) if prog else 0} case(s), "
              f"{'ok' if not (why or bad) else 'FAILED'}")
        for w in why:
            print(f"    {w}")
        for c in bad:
            print(f"    {c.result} {c.name} {c.reason}")
            print("".join(f"        # {d}\n" for d in c.diagnostics), end="")
    print(f"{len(progs) - failed} passed, {failed} failed")
    return 1 if failed or not boot.done else 0


# --- self-test ----------------------------------------------------------------------

SAMPLE = """\
[    2.4] mce: Unable to init MCE device (rc: -5)\r
===== KERNEL 6.1.0-57-686 i686 =====\r
===== BEGIN hello =====\r
hello from user mode on Linux\r
===== END hello exit=0 =====\r
===== BEGIN proc_test =====\r
KTAP version 1\r
1..1\r
    KTAP version 1\r
    # Subtest: proc\r
    1..3\r
    ok 1 proc_a\r
    # proc_test.c:10: expected x == y, got 1 vs 2\r
    not ok 2 proc_b\r
    ok 3 proc_c # SKIP needs /proc/self/maps\r
# proc: pass:1 fail:1 skip:1 total:3\r
not ok 1 proc\r
===== END proc_test exit=1 =====\r
===== ALL DONE =====\r
[    5.0] reboot: Power down\r
"""


def self_test():
    import unittest

    class ParseTest(unittest.TestCase):
        def test_sample(self):
            boot = parse_boot(SAMPLE)
            self.assertTrue(boot.done)
            self.assertEqual(boot.kernel, "6.1.0-57-686 i686")
            self.assertEqual([p.name for p in boot.programs], ["hello", "proc_test"])
            hello, proc = boot.programs
            self.assertEqual(hello.problems(), [])
            self.assertEqual(proc.suite, "proc")
            self.assertEqual([c.result for c in proc.cases], ["pass", "fail", "skip"])
            self.assertEqual(proc.cases[1].diagnostics,
                             ["proc_test.c:10: expected x == y, got 1 vs 2"])
            self.assertEqual(proc.cases[2].reason, "needs /proc/self/maps")
            self.assertEqual(proc.problems(), ["exit status 1"])

        def test_cut_short(self):
            boot = parse_boot(SAMPLE.split("    ok 3")[0])
            self.assertFalse(boot.done)
            self.assertEqual(boot.program("proc_test").problems(),
                             ["no END marker: the program or the kernel died"])

        def test_compare(self):
            linux = {"p": {"a": "pass", "b": "pass", "(exit)": "pass"}}
            self.assertEqual(compare_results(linux, linux), [])
            other = {"p": {"a": "pass", "b": "skip: needs /proc/self/maps",
                           "(exit)": "pass"}}
            self.assertEqual(compare_results(linux, other, lacks=["/proc/self/maps"]), [])
            self.assertEqual(compare_results(linux, other),
                             ["p.b: skip: needs /proc/self/maps (Linux: pass)"])
            other = {"p": {"a": "fail", "c": "pass", "(exit)": "exit 1"}}
            self.assertEqual(compare_results(linux, other),
                             ["p.a: fail (Linux: pass)", "p.b: missing (Linux: pass)",
                              "p.(exit): exit 1 (Linux: pass)", "p.c: not on Linux"])
            self.assertEqual(compare_results(linux, {}), ["p: did not run"])
            linux = {"d": {"a": "skip: needs /dev/kbuf", "(exit)": "pass"}}
            self.assertEqual(compare_results(linux, {"d": {"a": "pass",
                                                          "(exit)": "pass"}}), [])

        def test_results_of_a_boot(self):
            res = results(parse_boot(SAMPLE))
            self.assertEqual(res["proc_test"], {"proc_a": "pass", "proc_b": "fail",
                                                "proc_c": "skip: needs /proc/self/maps",
                                                "(exit)": "exit 1"})

        def test_bench_rows_of_both_kernels(self):
            boot = parse_boot("===== KERNEL 6.1.0-57-686 i686 =====\n"
                              "===== BEGIN bench_pagecache =====\n"
                              "bench: start prog=bench_pagecache iters=1024 batches=7\n"
                              "bench: pagecache_read_uncached per_op=7304.38 floor=- "
                              "ratio=- ops=256 min=7301.19 max=7305.18 sleeps=1.00 "
                              'desc="pread, not cached"\n'
                              "bench: pagecache_read_cached skipped desc=\"pread\" "
                              'note="needs one CPU"\n'
                              "bench: done prog=bench_pagecache rows=2 failed=0\n"
                              "===== END bench_pagecache exit=0 =====\n"
                              "===== ALL DONE =====\n")
            (_, uncached), (_, cached) = bench_rows(boot)
            self.assertEqual((uncached.op, uncached.per_op, uncached.ops),
                             ("pagecache_read_uncached", 7304.38, 256))
            self.assertEqual((uncached.lo, uncached.hi), (7301.19, 7305.18))
            self.assertIsNone(cached.per_op)
            self.assertEqual(cached.note, "needs one CPU")
            import dataclasses
            linux = dataclasses.replace(uncached, per_op=20833.0)
            lines, met = both_table([("p", uncached)], [("p", linux)], "instructions")
            self.assertTrue(met)
            self.assertIn("10,416", lines[1])

        def test_bench_drive_and_clock(self):
            argv = qemu_argv(LINUX_DIR, ["bench_pagecache"], icount=True,
                             disk="/tmp/d.img", cache=BENCH_CACHE)
            self.assertIn("shift=0,sleep=on", argv)
            self.assertIn("file=/tmp/d.img,if=virtio,format=raw,cache=none", argv)
            self.assertIn("file=/tmp/d.img,if=virtio,format=raw",
                          qemu_argv(LINUX_DIR, [], disk="/tmp/d.img"))

        def test_missing_files_say_why(self):
            import tempfile
            with tempfile.TemporaryDirectory() as d:
                Path(d, "prepare.log").write_text("E: Unable to locate package\n")
                why = missing_files(d)
            self.assertIn("could not fetch or build", why[0])
            self.assertIn("  E: Unable to locate package", why)

    suite = unittest.defaultTestLoader.loadTestsFromTestCase(ParseTest)
    return 0 if unittest.TextTestRunner(verbosity=1).run(suite).wasSuccessful() else 1


def kmem386_argv(kernel, initrd, progs, mem="2G", accel="tcg", icount=False, args="",
                 smp=1, disk=None, cache=None):
    """kmem386 in boot mode `progs`: the same programs and markers as Linux's /init."""
    words = ["kmem386.progs=" + ",".join(progs), "kmem386.args=" + ",".join(args.split()),
             "quiet"]
    return [QEMU, "-accel", accel, *(["-icount", ICOUNT] if icount else []),
            "-m", mem, "-smp", str(smp), "-kernel", str(kernel), "-initrd", str(initrd),
            "-append", " ".join(words), "-display", "none", "-serial", "stdio",
            "-monitor", "none", "-no-reboot",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", *drive_args(disk, cache)]


def both_table(mine, theirs, unit):
    """Rows side by side: kmem386, Linux, the goal (half) and whether it is met."""
    linux = {r.op: r for _, r in theirs}
    width = max([len(r.op) for _, r in mine] + [10])
    lines = [f"{'op':<{width}} {'kmem386':>10} {'Linux':>10} {'goal':>10}  met  what"]
    met_all = True
    for _, r in mine:
        other = linux.get(r.op)
        if r.per_op is None or other is None or other.per_op is None:
            lines.append(f"{r.op:<{width}} {'-':>10} {'-':>10} {'':>10}       {r.desc}")
            continue
        goal = other.per_op / 2
        met = r.per_op <= goal
        met_all &= met
        lines.append(f"{r.op:<{width}} {r.per_op:>10,.0f} {other.per_op:>10,.0f} "
                     f"{goal:>10,.0f}  {'yes' if met else 'NO ':<4} {r.desc}")
    return lines, met_all


def main_bench_both(args):
    """kmem386 and Linux run the benchmark programs at once, under -icount."""
    import concurrent.futures

    problems = missing_files(args.linux_dir)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    icount = args.accel == "tcg"
    unit = "instructions" if icount else "cycles"
    progs = args.progs.split()
    disks = [disk_copy(DISK), disk_copy(DISK)]  # /dev/vda, one each
    mine_argv = kmem386_argv(args.kernel, args.kmem386_initrd, progs, mem=args.mem,
                             accel=args.accel, icount=icount, args=args.args,
                             smp=args.smp, disk=disks[0], cache=BENCH_CACHE)
    # Linux stays at -smp 1: its -smp 4 boot printed nothing in 600 s under
    # -icount.  The rows are one process or two taking turns, so one CPU
    # is the fair reference.
    linux_argv = qemu_argv(args.linux_dir, progs, mem=args.mem, accel=args.accel,
                           icount=icount, args=args.args, append=args.append,
                           initrd=args.initrd, disk=disks[1], cache=BENCH_CACHE)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        mine_f = pool.submit(boot_linux, mine_argv, args.timeout)
        linux_f = pool.submit(boot_linux, linux_argv, args.timeout)
        mine_boot, linux_boot = mine_f.result(), linux_f.result()
    for d in disks:
        if d:
            os.unlink(d)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench-user-kmem386.log").write_text(mine_boot.output)
    (out / "bench-user-linux.log").write_text(linux_boot.output)
    mine, theirs = bench_rows(mine_boot), bench_rows(linux_boot)
    lines, met = both_table(mine, theirs, unit)
    head = [f"The user benchmarks, -m {args.mem}, per operation in {unit}: kmem386 "
            f"(-smp {args.smp}) "
            f"{mine_boot.kernel or '?'} and Debian's Linux (-smp 1) {linux_boot.kernel or '?'}",
            "in the same QEMU; a row counts every instruction of the kernel and of",
            "every process involved.  Goal: at most half of Linux's.", ""]
    text = "\n".join(head + lines) + "\n"
    (out / "bench-user.txt").write_text(text)
    (out / "bench-user.json").write_text(json.dumps(
        [{"op": r.op, "mem": args.mem, "smp": args.smp, "unit": unit, "kmem386": r.per_op,
          "linux": next((o.per_op for _, o in theirs if o.op == r.op), None),
          "program": prog} for prog, r in mine], indent=1) + "\n")
    print(text, end="")
    print(f"\nwrote {out}/bench-user.txt, bench-user.json "
          f"(logs {out}/bench-user-kmem386.log, bench-user-linux.log)")
    ok = mine_boot.done and linux_boot.done and mine and theirs
    if not ok:
        print(f"FAILED: kmem386 done={mine_boot.done} status={mine_boot.status}, "
              f"Linux done={linux_boot.done} status={linux_boot.status}")
    return 0 if ok else 1


def main(argv):
    ap = argparse.ArgumentParser(description="the user programs on Debian's Linux 686")
    ap.add_argument("mode", nargs="?", choices=["run", "bench", "bench-both"], default="run")
    ap.add_argument("--kernel", default=str(REPO / "build" / "kernel.elf"),
                    help="bench-both: kmem386's kernel")
    ap.add_argument("--kmem386-initrd", default=str(REPO / "build" / "user" / "initramfs.cpio"),
                    help="bench-both: kmem386's initramfs")
    ap.add_argument("--linux-dir", default=str(LINUX_DIR))
    ap.add_argument("--progs", default="", help="programs to run (default: hello, *_test)")
    ap.add_argument("--args", default="", help="arguments for every program")
    ap.add_argument("--append", default="", help="more kernel command line")
    ap.add_argument("--mem", default="2G")
    ap.add_argument("--smp", type=int, default=1,
                    help="bench-both: kmem386's CPUs (under -icount they run in turn; "
                         "Linux keeps one)")
    ap.add_argument("--accel", default=os.environ.get("ACCEL") or "tcg")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--out", default=str(REPO / "build"))
    ap.add_argument("--initrd", help="another initramfs (default: LINUX_DIR/initramfs.cpio)")
    ap.add_argument("--name", default="bench-linux", help="bench: the name of the output files")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    if args.mode == "bench-both":
        return main_bench_both(args)
    return main_bench(args) if args.mode == "bench" else main_run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
