"""tools/compare/collect.py - what `make compare` reads from each kernel (python3, stdlib only).

kmem386: one shell-mode boot (its boot log up to the prompt, then `cat` of
each /proc view) and one `bench` boot under -icount (bench/bench.py), the
two at the same -m.  Linux: one boot of Debian's 686 kernel with the
kbench module in its initramfs, under -icount; tools/linux/init prints the
boot log (dmesg) and each /proc view between markers (kmem386.show=),
then loads kbench, whose `bench:` lines time the same operations with the
same loop (kmem386.insmod=).  The three boots run at once.

Each side comes back as a Side: its views as lists of lines (printk
timestamps taken out), its benchmark rows, and what went wrong, if
anything, so the report can say which side is missing and why.
"""

import concurrent.futures
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
for sub in ("tests", "bench"):
    if str(REPO / sub) not in sys.path:
        sys.path.insert(0, str(REPO / sub))

import bench  # noqa: E402  bench/bench.py
import linux_check  # noqa: E402  tests/linux_check.py

VIEWS = ["meminfo", "zoneinfo", "buddyinfo", "slabinfo"]
LINUX_EXTRA = ["/proc/sys/vm/min_free_kbytes"]
TIMESTAMP_RE = re.compile(r"^\[\s*\d+\.\d+\] ?")


@dataclass
class Side:
    """What one kernel showed."""

    name: str  # "kmem386", "Linux 6.1.0-57-686"
    boot: list = field(default_factory=list)  # the boot log, without timestamps
    views: dict = field(default_factory=dict)  # "meminfo" -> [lines]
    bench: dict = field(default_factory=dict)  # op -> (per_op, desc)
    extra: dict = field(default_factory=dict)  # other files, by path
    problems: list = field(default_factory=list)


def untimed(lines):
    return [TIMESTAMP_RE.sub("", l.rstrip("\r\n")) for l in lines]


def kmem386_views(kernel, mem, append, timeout):
    """Boot the shell, read the boot log and every view, power off."""
    from runner.expect import ShellError, ShellSession, plain_lines
    from runner.qemu import qemu_argv

    side = Side("kmem386")
    argv = qemu_argv(mem, ["-kernel", str(kernel), "-append", append])
    with ShellSession(argv, timeout) as session:
        try:
            side.boot = untimed(plain_lines(session.expect_prompt()).splitlines())
            for view in VIEWS:
                side.views[view] = session.command(f"cat /proc/{view}").splitlines()
            status = session.poweroff()
            if status != 33:
                side.problems.append(f"kmem386: QEMU status {status} after poweroff")
        except ShellError as e:
            side.problems.append(f"kmem386: {e}")
    return side


def kmem386_bench(kernel, mem, append, timeout):
    """bench/bench.py's boot in mode `bench`: {op: (per_op, desc)}."""
    boot = bench.run_boot(str(kernel), mem, "tcg", append.split(), timeout)
    rows = {r.op: (r.per_op, r.desc) for r in boot.rows if r.per_op is not None}
    return rows, [f"kmem386 bench: {p}" for p in boot.problems]


def linux_side(linux_dir, initrd, mem, timeout):
    """Debian's Linux: the views, the boot log, then kbench's rows."""
    shows = ["dmesg"] + [f"/proc/{v}" for v in VIEWS] + LINUX_EXTRA
    append = "kmem386.show=" + ",".join(shows) + " kmem386.insmod=kbench.ko"
    argv = linux_check.qemu_argv(linux_dir, [], mem=mem, accel="tcg", icount=True,
                                 append=append, initrd=initrd)
    boot = linux_check.boot_linux(argv, timeout)
    side = Side(f"Linux {boot.kernel.split()[0]}" if boot.kernel else "Linux")
    for prog in boot.programs:
        if not prog.name.startswith("show:"):
            continue
        what = prog.name[len("show:"):]
        if prog.exit != 0:
            side.problems.append(f"Linux: {what}: exit {prog.exit}")
        if what == "dmesg":
            side.boot = untimed(prog.lines)
        elif what.startswith("/proc/") and what[6:] in VIEWS:
            side.views[what[6:]] = [l.rstrip() for l in prog.lines]
        else:
            side.extra[what] = [l.rstrip() for l in prog.lines]
    side.bench = {r.op: (r.per_op, r.desc) for _, r in linux_check.bench_rows(boot)
                  if r.per_op is not None}
    if not boot.done or boot.status != 0:
        side.problems.append(f"Linux: the boot did not end well (done={boot.done}, "
                             f"QEMU status {boot.status})")
    for view in VIEWS:
        if view not in side.views:
            side.problems.append(f"Linux: no /proc/{view}")
    if not side.bench:
        side.problems.append("Linux: no kbench rows")
    return side, boot.output


def collect(kernel, mem, append, linux_dir, initrd, timeout):
    """(kmem386 Side, Linux Side, Linux's serial output): the three boots at once."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        linux = pool.submit(linux_side, linux_dir, initrd, mem, timeout)
        ours = kmem386_views(kernel, mem, append, timeout)
        ours.bench, problems = kmem386_bench(kernel, mem, append, timeout)
        ours.problems += problems
        theirs, output = linux.result()
    return ours, theirs, output
