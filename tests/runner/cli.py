"""The command line: what to run, in parallel, and the final verdict.

What runs, in a thread pool of os.cpu_count() workers (-j N):
  iso           the GRUB ISO boot (matrix.py)
  MATRIX        one ktest boot per entry (matrix.py)
  *.checks      one shell-mode boot per checks file (checks.py)
  console runs  pasted input, line editing, PS/2 + VGA, pager and scrollback
                (console.py)
  demo pacing   the keys of a paced demo, boot mode `demo` (demo_pace.py)
  readme walkthroughs  README.md's sessions replayed, reset between (readme_check.py)
  bench mode    `bench bench.iters=2` (bench_mode.py)
  map runs      `map` against /proc, one boot each (map_check.py)
  host NAME     each --host-tests binary (the host unit tests of lib/, of
                mm/ on the simulated machine, the fuzz corpus replay)
  runner self-test  this package's own tests (selftest.py)
  tools self-test   the host tests of tools/ (tools_tests.py)

--only NAME restricts the runs to those named (see --list); the host tests
still run when --host-tests is given.  --suite FILTER boots the matrix with
`ktest=FILTER` and makes the iso run type `test FILTER`.  ACCEL=kvm in the
environment selects `-accel kvm` (default tcg).  --self-test runs only the
runner's own tests (no QEMU needed).
"""

import argparse
import concurrent.futures
import os
import sys
import time
import traceback
from pathlib import Path

from . import REPO
from .bench_mode import BENCH_CHECK, run_bench_check
from .checks import ChecksError, find_check_files, load_checks, relative, run_check_file
from .console import (CONSOLE_CHECK, EDIT_CHECK, PAGER_CHECK, PASTE_CHECK,
                      run_console_check, run_edit_check, run_pager_check,
                      run_paste_check)
from .demo_pace import PACE_CHECK, run_demo_pace_check
from .linux import LINUX_CHECK, USER_RUNS, run_linux_check, run_user_progs
from .map_check import MAP_RUNS, run_map_check
from .readme_check import readme_runs, run_readme_check
from .matrix import ISO_MEM, ISO_SUITE, MATRIX, run_host_tests, run_iso_boot, run_ktest_boot
from .qemu import last_wall_time, write_log
from .report import Report, RunResult
from .selftest import SELF_TEST_NAME, run_self_test, self_test
from .tools_tests import TOOLS_TEST_NAME, run_tools_tests

DEFAULT_TIMEOUT = 300  # seconds per run
DEFAULT_LOG_DIR = REPO / "build" / "test-logs"
LIGHT_RUNS = ("runner-self-test", "tools-self-test")  # runs kept out of the worker pool


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="kmem386 tests: host unit tests, the QEMU boot matrix, "
                    "the GRUB ISO and shell checks.")
    ap.add_argument("--kernel", default="build/kernel.elf")
    ap.add_argument("--iso", default="build/kmem386.iso")
    ap.add_argument("--initrd", default="build/user/initramfs.cpio",
                    help="kmem386's initramfs (make user): the user programs' runs and "
                         "checks files with `initrd` in their header")
    ap.add_argument("--disk", default="build/disk.img",
                    help="the pristine virtio disk image (tools/mkdisk.py): each boot "
                         "that wants a disk gets a copy of it")
    ap.add_argument("--host-tests", action="append", default=[], metavar="PATH",
                    help="a host unit-test binary (KTAP on stdout); repeatable")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="run only the runs with this name (see --list); repeatable")
    ap.add_argument("--suite", metavar="FILTER",
                    help="boot with ktest=FILTER (SUITE or SUITE.CASE)")
    ap.add_argument("--smp", type=int, metavar="N",
                    help="run the matrix boots and the ISO boot with N CPUs "
                         "(default: as each entry says, 1 for most)")
    ap.add_argument("--no-iso", action="store_true", help="skip the GRUB ISO boot")
    ap.add_argument("--no-shell", action="store_true", help="skip the shell checks")
    ap.add_argument("--linux-dir", metavar="DIR",
                    help="run the user programs on Debian's Linux from DIR (build/linux)")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help=f"seconds per run (default {DEFAULT_TIMEOUT})")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="runs in parallel (default: the number of CPUs)")
    ap.add_argument("--keep-logs", metavar="DIR", default=str(DEFAULT_LOG_DIR),
                    help="write each run's output to DIR/<name>.log "
                         "(default build/test-logs)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every case")
    ap.add_argument("--list", action="store_true", help="print the runs and exit")
    ap.add_argument("--self-test", action="store_true",
                    help="run the runner's own unit tests and exit")
    args = ap.parse_args(argv)
    if args.jobs < 1:
        ap.error("-j must be at least 1")
    if args.timeout <= 0:
        ap.error("--timeout must be positive")
    if args.smp is not None and not 1 <= args.smp <= 8:
        ap.error("--smp takes 1 to 8 CPUs")
    return args, ap


def load_check_runs():
    """[(name, CheckFile or None, error)] for every checks file of the tree."""
    runs = []
    for path in find_check_files():
        try:
            cf = load_checks(path)
            runs.append((cf.name, cf, None))
        except ChecksError as e:
            runs.append((relative(path), None, str(e)))
    return runs


def list_runs(check_runs):
    print("matrix (ktest boots, -kernel):")
    for e in MATRIX:
        append = " ".join(a for a in ("ktest", e["append"]) if a)
        extra = " " + " ".join(e["qemu"]) if e.get("qemu") else ""
        print(f"  {e['name']:<24} -m {e['mem']:<6} -smp {e.get('smp', 1)} "
              f"-append \"{append}\"{extra}")
    print(f"iso: the GRUB ISO, -m {ISO_MEM}, `test {ISO_SUITE}` at the prompt")
    print("shell checks (shell mode; one boot per checks file):")
    for name, cf, error in check_runs:
        if cf is None:
            print(f"  {name:<24} (cannot load: {error})")
            continue
        append = f' -append "{cf.append}"' if cf.append else ""
        if cf.iso:
            append = " the GRUB ISO"
        smp = f" -smp {cf.smp}" if cf.smp != "1" else ""
        if cf.qemu:
            append += " " + " ".join(cf.qemu)
        print(f"  {name:<24} -m {cf.mem:<6}{smp}{append}  {relative(cf.path)}: "
              f"{len(cf.commands())} command(s), {cf.plan()} check(s)")
    for c, what in ((CONSOLE_CHECK, "PS/2 keys through QEMU's monitor, VGA text memory read back"),
                    (PAGER_CHECK, "--More--, Shift-PgUp/PgDn and clear on VGA"),
                    (PASTE_CHECK, f"{PASTE_CHECK['lines']} commands pasted at once"),
                    (EDIT_CHECK, "Backspace, Ctrl-U, the history")):
        print(f"  {c['name']:<24} -m {c['mem']:<6} {what}")
    print(f"  {PACE_CHECK['name']:<24} -m {PACE_CHECK['mem']:<6} boot mode demo, paced: "
          "the keys between sections")
    for name, options in readme_runs():
        opts = dict(options)
        print(f"  {name:<24} -m {opts['mem']:<6} -smp {opts['smp']} README.md's walkthroughs, "
              "replayed (readme_check.py)")
    print(f"{BENCH_CHECK['name']}: -m {BENCH_CHECK['mem']}, -icount, "
          f"-append \"{BENCH_CHECK['append']}\": exit 33 and a result line per row")
    for e in MAP_RUNS:
        append = f' -append "{e["append"]}"' if e["append"] else ""
        print(f"  {e['name']:<24} -m {e['mem']:<6}{append}  `map` against /proc "
              "(tests/runner/map_check.py)")
    print(f"{LINUX_CHECK}: Debian's Linux 686 boots with the user programs (--linux-dir)")
    for e in USER_RUNS:
        print(f"  {e['name']:<24} -m {e['mem']:<6} -smp {e['smp']} -initrd: "
              "the same programs, Linux's results (tests/runner/linux.py)")
    print(f"{SELF_TEST_NAME}: the runner's own tests (no QEMU)")
    print(f"{TOOLS_TEST_NAME}: tools/*/test_*.py (no QEMU)")


def failed_load(name, error):
    return lambda: RunResult(label=name, crashes=[f"cannot load the checks file: {error}"])


def plan_runs(args, ap, check_runs):
    """[(label, log name, function)] for everything this invocation runs."""
    names = [e["name"] for e in MATRIX] + ["iso"] + [n for n, _, _ in check_runs] + \
        [CONSOLE_CHECK["name"], PAGER_CHECK["name"], PASTE_CHECK["name"], EDIT_CHECK["name"],
         PACE_CHECK["name"], BENCH_CHECK["name"], LINUX_CHECK, SELF_TEST_NAME,
         TOOLS_TEST_NAME] + [name for name, _ in readme_runs()] + \
        [e["name"] for e in MAP_RUNS] + [e["name"] for e in USER_RUNS]
    dups = {n for n in names if names.count(n) > 1}
    if dups:
        ap.error(f"duplicate run names: {', '.join(sorted(dups))} "
                 "(a checks file's `run` line names its run)")
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
        for name, cf, error in check_runs:
            if wanted(name):
                fn = failed_load(name, error) if cf is None else \
                    (lambda cf=cf: run_check_file(cf, args))
                runs.append((name, "shell-" + name, fn))
        for check, log, fn in ((CONSOLE_CHECK, "console", run_console_check),
                               (PAGER_CHECK, "pager", run_pager_check),
                               (PASTE_CHECK, "paste", run_paste_check),
                               (EDIT_CHECK, "line-editing", run_edit_check)):
            if wanted(check["name"]):
                runs.append((check["name"], log, lambda fn=fn: fn(args)))
        if wanted(PACE_CHECK["name"]):
            runs.append((PACE_CHECK["name"], "demo-pacing",
                         lambda: run_demo_pace_check(args)))
        for name, options in readme_runs():
            if wanted(name):
                runs.append((name, name.replace(" ", "-").replace("=", ""),
                             lambda o=options: run_readme_check(args, o)))
        for e in MAP_RUNS:
            if wanted(e["name"]):
                runs.append((e["name"], "shell-" + e["name"].replace(" ", "-"),
                             lambda e=e: run_map_check(e, args)))
    if wanted(BENCH_CHECK["name"]):
        runs.append((BENCH_CHECK["name"], "bench", lambda: run_bench_check(args)))
    if args.linux_dir and wanted(LINUX_CHECK):
        runs.append((LINUX_CHECK, "linux", lambda: run_linux_check(args)))
    for e in USER_RUNS:
        if wanted(e["name"]):
            runs.append((e["name"], "user-" + e["name"].replace(" ", "-"),
                         lambda e=e: run_user_progs(e, args)))
    for i, path in enumerate(args.host_tests):
        # "host lib_tests", "host mm_tests", "host fuzz_replay": which binary.
        label = "host" if len(args.host_tests) == 1 else \
            f"host {os.path.basename(path)}"
        runs.append((label, label.replace(" ", "-"),
                     lambda p=path, l=label: run_host_tests(p, l, args)))
    if wanted(SELF_TEST_NAME):
        runs.append((SELF_TEST_NAME, "runner-self-test", run_self_test))
    if wanted(TOOLS_TEST_NAME):
        runs.append((TOOLS_TEST_NAME, "tools-self-test", run_tools_tests))
    return runs


def guarded(label, fn):
    """Run fn(); a bug in the runner itself becomes a crash of that run."""
    start = time.monotonic()
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - report, never hang the pool
        return RunResult(label=label, crashes=[f"test runner error: {e!r}"],
                         output=traceback.format_exc(), seconds=time.monotonic() - start)


def main(argv):
    args, ap = parse_args(argv)
    if args.self_test:
        return self_test()
    check_runs = load_check_runs()
    if args.list:
        list_runs(check_runs)
        return 0
    runs = plan_runs(args, ap, check_runs)
    log_dir = Path(args.keep_logs)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"warning: cannot create {log_dir}: {e}", file=sys.stderr)

    report = Report(args.verbose)
    light = [r for r in runs if r[1] in LIGHT_RUNS]
    pooled = longest_first([r for r in runs if r[1] not in LIGHT_RUNS], log_dir)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(guarded, label, fn): name for label, name, fn in pooled}
        # The light runs (no QEMU, mostly waiting) take no worker from the boots.
        for label, name, fn in light:
            res = guarded(label, fn)
            write_log(res, log_dir, name)
            report.add(res)
        for fut in concurrent.futures.as_completed(futures):
            res = fut.result()
            write_log(res, log_dir, futures[fut])
            report.add(res)
    return report.finish(len(runs), args.jobs, log_dir)


def longest_first(runs, log_dir):
    """The runs ordered by how long each took last time, longest (or new) first.

    With fewer workers than runs, starting the long boots first keeps one
    long boot from running alone at the end.
    """
    def key(run):
        seconds = last_wall_time(log_dir, run[1])
        return -(float("inf") if seconds is None else seconds)
    return sorted(runs, key=key)
