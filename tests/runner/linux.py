"""The user programs on Debian's real Linux 686 and on kmem386: the same
results on both.

On Linux every case must pass (LINUX_CHECK).  On kmem386 (USER_RUNS, at
-smp 1 and -smp 4) the same binaries run from the kernel's own initramfs
(boot mode `progs`, the same markers as Linux's /init prints), and every
case must have Linux's result, except the skips kmem386 declares (LACKS:
what user/README.md lets a kernel lack) -- tests/linux_check.py's
compare_results().  The Linux boot is made once and shared by the runs
that need it (a lock and a cache: the pool's workers are threads).

The boot, the KTAP collection and the comparison live in
tests/linux_check.py (it is also a command of its own, `make linux` and
`make bench-linux` use it); this file only turns its plain results into the
runner's suites and cases.
"""

import importlib.util
import re
import threading
import time
from pathlib import Path

from . import REPO
from .ktap import Case, Suite
from .qemu import qemu_argv, run_process
from .report import RunResult

LINUX_CHECK = "user programs on Linux"
# What kmem386 lacks of what the programs may use (user/README.md):
# nothing since issue 15 gave it /proc/self/maps.
LACKS = []
USER_RUNS = [
    {"name": "user programs on kmem386", "mem": "2G", "smp": 1},
    {"name": "user programs on kmem386 smp4", "mem": "2G", "smp": 4},
]

_linux_lock = threading.Lock()
_linux_boot = {}


def load_linux_check():
    """tests/linux_check.py as a module."""
    path = REPO / "tests" / "linux_check.py"
    spec = importlib.util.spec_from_file_location("kmem386_linux_check", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def linux_boot(args):
    """boot_check()'s result for Debian's Linux, booted once per runner."""
    with _linux_lock:
        if "result" not in _linux_boot:
            _linux_boot["result"] = load_linux_check().boot_check(
                args.linux_dir, args.timeout, disk=getattr(args, "disk", None))
        return _linux_boot["result"]


def suites_of(res, named_suites):
    for name, cases in named_suites:
        suite = Suite(name=name, plan=len(cases), ok=all(ok for _, ok, _, _ in cases))
        suite.cases = [Case(i, case, ok, "", [] if ok else diags)
                       for i, (case, ok, _, diags) in enumerate(cases, 1)]
        res.suites.append(suite)


KERNEL_REPORT = re.compile(r"^\[[ \d.]+\] ((?:BUG|WARNING|Oops|general protection fault|"
                           r"Kernel panic)\b.*)$", re.M)


def run_user_progs(entry, args):
    """kmem386 runs the test programs; each case must have Linux's result."""
    lc = load_linux_check()
    start = time.monotonic()
    progs = lc.test_programs(Path(args.initrd).parent)
    image = lc.disk_copy(getattr(args, "disk", None))  # /dev/vda, as Linux's
    argv = qemu_argv(entry["mem"], ["-kernel", args.kernel, "-initrd", args.initrd,
                                    "-append", f"kmem386.progs={','.join(progs)} quiet"],
                     smp=entry["smp"], extra=lc.drive_args(image))
    res = RunResult(label=entry["name"], command=argv)
    if not progs:
        res.crashes.append(f"no test programs in {Path(args.initrd).parent}/initramfs.list "
                           "(make user)")
        return res
    out, err, status = run_process(argv, args.timeout)
    res.output, res.stderr, res.status = out, err, status
    disk_cases = []
    if image:
        disk_cases = lc.mkdisk().check_image(image, out)
        Path(image).unlink()
    boot = lc.parse_boot(out)
    mine = lc.results(boot)
    if not boot.done or status not in (0, 33):
        res.crashes.append(f"the boot did not reach `ALL DONE` and power off (status {status})")
    linux, _, problems, _ = linux_boot(args) if args.linux_dir else (None, [], [
        "no --linux-dir: nothing to compare with"], [])
    named = []
    for prog in boot.programs:
        cases = [(c.name, c.result == "pass" or
                  (c.result == "skip" and c.reason.startswith("needs ") and
                   c.reason[6:] in LACKS),
                  c.result == "skip", c.diagnostics) for c in prog.cases]
        if cases:
            named.append((prog.suite or prog.name, cases))
    if linux is None:
        compare = [("same results as Debian's Linux 686", False, False, problems)]
    else:
        diffs = lc.compare_results(lc.results(linux), mine, lacks=LACKS)
        compare = [("same results as Debian's Linux 686", not diffs, False, diffs)]
    for name in progs:
        prog = boot.program(name)
        why = ["did not run"] if prog is None else prog.problems()
        compare.append((f"{name} runs to the end and exits 0", not why, False, why))
    # A program's misdeeds are its own: the kernel may say segfault, never
    # report a bug of its own while serving them.
    reports = KERNEL_REPORT.findall(out)
    compare.append(("the kernel reports no BUG, WARNING or Oops of its own", not reports,
                     False, reports[:5]))
    named.append(("compare", compare))
    if disk_cases:
        named.append(("disk image after poweroff",
                      [(name, ok, False, diags) for name, ok, diags in disk_cases]))
    suites_of(res, named)
    res.seconds = time.monotonic() - start
    return res


def run_linux_check(args):
    """Boot Debian's Linux with the user programs and collect their KTAP."""
    suites, crashes, out, seconds, argv = load_linux_check().run_check(
        args.linux_dir, args.timeout, booted=linux_boot(args))
    res = RunResult(label=LINUX_CHECK, output=out, seconds=seconds, command=argv,
                    crashes=list(crashes))
    suites_of(res, suites)
    return res
