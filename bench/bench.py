#!/usr/bin/env python3
"""bench/bench.py - the kmem386 benchmarks, side by side (python3, standard library only).

`make bench` runs

    python3 bench/bench.py --kernel build/kernel.elf --out build

which boots the kernel with the `bench` command line at -m 128M, 2G and 3G,
and at 2G with 2 and 4 CPUs (in parallel), reads the result lines it prints
on COM1, and prints the table: one row per operation, one column per boot.
The table goes to build/bench.txt, the numbers to build/bench.json:

    [{"op": "kmalloc64_kfree", "mem": "2G", "per_op": 58, "unit": "instructions",
      "floor": "floor_freelist", "ratio": 5.8}, ...]

one object per operation and boot ("mem" is "2G smp4" for a boot with four
CPUs; a row the kernel skipped, such as a highmem row at 128M, has none).
The exit status is 0 when every boot exited 33 and printed all its results.

With several CPUs -icount still counts instructions, of all the CPUs
together: QEMU then runs them in turn on one thread (MTTCG and -icount
exclude each other), so a CPU's TSC delta includes what the others did
meanwhile.  The single-CPU rows are unchanged by the other CPUs (they
idle); the *_allcpu rows run on every CPU at once and are per CPU (see
bench/bench_smp.c).

Under TCG the boots use `-icount shift=0,sleep=off`: QEMU then advances the
guest's TSC by exactly one per guest instruction, so the numbers are
instruction counts, identical from run to run and from machine to machine.
With ACCEL=kvm (or --accel kvm) there is no icount: the TSC counts the
host's cycles, and the unit says so.

What the kernel prints, one line per row (bench/bench.c):

    bench: start iters=4096 batches=7 ram=2030MB highmem=1151MB
    bench: kmalloc64_kfree per_op=58.00 floor=floor_freelist ratio=5.80 ops=4096 \
min=58.00 max=58.00 desc="kmalloc(64) + kfree"
    bench: kmap_cached_highmem skipped desc="..." note="no highmem at this size"
    bench: done rows=33

tests/run.py uses parse_bench() to check that `bench bench.iters=2` works.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

QEMU = "qemu-system-i386"
# Each boot: "SIZE" or "SIZE smpN" (N CPUs).
MEMS = ["128M", "2G", "3G", "2G smp2", "2G smp4"]
EXIT_DONE = 33  # isa-debug-exit value 0x10
TARGET_MEM = "2G"  # the targets are stated at -m 2G

TIMESTAMP_RE = re.compile(r"^\[\s*\d+\.\d+\] ")
START_RE = re.compile(r"^bench: start (.*)$")
DONE_RE = re.compile(r"^bench: done\b")
ROW_RE = re.compile(r"^bench: (\w+) (per_op=.*|skipped .*)$")
FIELD_RE = re.compile(r'(\w+)=("(?:[^"]*)"|\S+)')

# (op, limit, what): the limits at -m 2G, in instructions: half of what
# Linux 6.1 (Debian 12's 686 kernel) takes in the same QEMU (issue 11).
TARGETS = [
    ("kmalloc64_kfree", 107, "kmalloc(64)+kfree, debugging off"),
    ("alloc_page_free_page", 336, "alloc_page+__free_page"),
    ("kmap_local_highmem", 99, "kmap_local_page+kunmap_local, highmem"),
    ("kmap_cached_highmem", 151, "kmap+kunmap, cached slot"),
    ("vmalloc_vfree_1page", 1421, "vmalloc(4096)+vfree"),
]
FLOOR_LIMIT = 3.0  # every row within 3x of its floor
SCALE_LIMIT = 2.0  # vmalloc+vfree with 10,000 live areas <= 2x with 10
# kmalloc+kfree on every CPU at once, per CPU: 4 CPUs within 20% of 1.
ALLCPU_OP, ALLCPU_LIMIT = "kmalloc64_kfree_allcpu", 1.2


@dataclass
class Row:
    """One `bench:` result line."""

    op: str
    desc: str = ""
    per_op: float = None  # None: skipped
    floor: str = None
    ratio: float = None
    ops: int = 0
    lo: float = None
    hi: float = None
    note: str = ""


@dataclass
class Boot:
    """What one boot printed, and how it ended."""

    mem: str
    rows: list = field(default_factory=list)
    start: dict = field(default_factory=dict)
    done: bool = False
    status: object = None
    output: str = ""
    problems: list = field(default_factory=list)

    def row(self, op):
        return next((r for r in self.rows if r.op == op), None)


def _number(text):
    return None if text in (None, "-") else float(text)


def parse_fields(text):
    return {k: v.strip('"') for k, v in FIELD_RE.findall(text)}


def parse_bench(text):
    """The rows, the start line's fields and whether `bench: done` came."""
    rows, start, done = [], {}, False
    for raw in text.splitlines():
        line = TIMESTAMP_RE.sub("", raw.rstrip(), count=1)
        if m := START_RE.match(line):
            start = parse_fields(m.group(1))
        elif DONE_RE.match(line):
            done = True
        elif m := ROW_RE.match(line):
            f = parse_fields(m.group(2))
            row = Row(op=m.group(1), desc=f.get("desc", ""), note=f.get("note", ""))
            if not m.group(2).startswith("skipped"):
                row.per_op = _number(f.get("per_op"))
                row.floor = None if f.get("floor", "-") == "-" else f["floor"]
                row.ratio = _number(f.get("ratio"))
                row.ops = int(f.get("ops", 0))
                row.lo, row.hi = _number(f.get("min")), _number(f.get("max"))
            rows.append(row)
    return rows, start, done


def parse_boot(label):
    """"2G smp4" -> ("2G", 4); "2G" -> ("2G", 1)."""
    mem, _, cpus = label.partition(" smp")
    return mem, int(cpus) if cpus.isdigit() else 1


def qemu_argv(kernel, label, accel, append):
    mem, cpus = parse_boot(label)
    icount = ["-icount", "shift=0,sleep=off"] if accel == "tcg" else []
    return [QEMU, "-accel", accel, *icount, "-m", mem, "-smp", str(cpus),
            "-kernel", kernel,
            "-append", " ".join(["bench", *append]),
            "-display", "none", "-serial", "stdio", "-monitor", "none",
            "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            # The DMA rows map for QEMU's edu device (28-bit DMA mask).
            "-device", "edu", *disk_args()]


_DISKS = []


def disk_args():
    """A fresh copy of build/disk.img for the page cache's rows (if made)."""
    import shutil
    import tempfile
    image = Path(__file__).resolve().parent.parent / "build" / "disk.img"
    if not image.is_file():
        return []
    fd, path = tempfile.mkstemp(prefix="kmem386-bench-disk-", suffix=".img")
    os.close(fd)
    shutil.copyfile(image, path)
    _DISKS.append(path)
    return ["-drive", f"file={path},if=virtio,format=raw"]


def run_boot(kernel, mem, accel, append, timeout):
    """Boot once; a Boot with its rows, or with the problems that ended it."""
    boot = Boot(mem=mem)
    argv = qemu_argv(kernel, mem, accel, append)
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=timeout)
        boot.output = proc.stdout.decode(errors="replace")
        boot.status = proc.returncode
    except subprocess.TimeoutExpired as e:
        boot.output = (e.stdout or b"").decode(errors="replace")
        boot.problems.append(f"timeout after {timeout:g} s")
    except OSError as e:
        boot.problems.append(f"cannot run {QEMU}: {e}")
        return boot
    boot.rows, boot.start, boot.done = parse_bench(boot.output)
    if boot.status is not None and boot.status != EXIT_DONE:
        boot.problems.append(f"QEMU exit status {boot.status}, expected {EXIT_DONE}")
    if not boot.done:
        boot.problems.append("no `bench: done` line: the benchmark did not finish")
    return boot


# --- the table ---------------------------------------------------------------


def fmt_num(x):
    if x is None:
        return "n/a"
    if x >= 1000 or x == int(x):
        return f"{x:.0f}"
    return f"{x:.2f}"


def fmt_ratio(x):
    return "" if x is None else (f"{x:.1f}x" if x < 100 else f"{x:.0f}x")


def ordered_ops(boots):
    """Every op any boot printed, in the kernel's order."""
    ops = []
    for boot in boots:
        for row in boot.rows:
            if row.op not in ops:
                ops.append(row.op)
    return ops


def header(unit, accel, boots):
    iters = next((b.start.get("iters") for b in boots if b.start), "?")
    batches = next((b.start.get("batches") for b in boots if b.start), "?")
    if unit == "instructions":
        how = ["Unit: guest instructions.  QEMU runs under TCG with -icount shift=0,sleep=off,",
               "so the guest TSC advances by exactly one per guest instruction: a TSC delta is",
               "an instruction count, identical from run to run and from machine to machine.",
               "These are instructions, not cycles (see docs/benchmarks.md)."]
    else:
        how = [f"Unit: cycles.  QEMU runs with -accel {accel}: the guest TSC counts the host",
               "CPU's cycles, so the numbers vary a little from run to run."]
    return ["kmem386 benchmarks (make bench): cost per operation", *how,
            f"Each number is the median of {batches} batches (up to {iters} operations each)",
            "divided by the operations, the loop's own 2-3 instructions included.  xN is",
            "the ratio to the family's floor row, timed in the same boot.", ""]


def table(boots, unit, accel):
    mems = [b.mem for b in boots]
    ops = ordered_ops(boots)
    desc = {r.op: r.desc for b in boots for r in b.rows}
    floors = {r.op: r.floor for b in boots for r in b.rows if r.floor}
    width = max(len(op) for op in ops) if ops else 10
    lines = header(unit, accel, boots)
    lines.append(f"{'op':<{width}}" + "".join(f"{m:>18}" for m in mems)
                 + f"  {'floor':<15} what")
    for op in ops:
        cells = []
        for boot in boots:
            row = boot.row(op)
            value = fmt_num(row.per_op if row else None)
            cells.append(f"{value:>11}{fmt_ratio(row.ratio if row else None):>7}")
        lines.append(f"{op:<{width}}" + "".join(cells)
                     + f"  {floors.get(op, '-'):<15} {desc.get(op, '')}")
    notes = [f"  [{b.mem}] {r.op}: {r.note}" for b in boots for r in b.rows if r.note]
    if notes:
        lines += ["", "Notes:", *notes]
    lines += boot_lines(boots)
    if unit == "instructions":
        lines += target_lines(next((b for b in boots if b.mem == TARGET_MEM), None))
        lines += allcpu_lines(boots)
    return lines


def allcpu_lines(boots):
    """The all-CPU row at 1 CPU against the most CPUs of the same size."""
    one = next((b for b in boots if b.mem == TARGET_MEM), None)
    many = [b for b in boots if parse_boot(b.mem)[0] == TARGET_MEM
            and parse_boot(b.mem)[1] > 1]
    if not one or not many:
        return []
    most = max(many, key=lambda b: parse_boot(b.mem)[1])
    a, b = one.row(ALLCPU_OP), most.row(ALLCPU_OP)
    if not a or not b or not a.per_op or b.per_op is None:
        return []
    r = b.per_op / a.per_op
    what = f"kmalloc(64)+kfree per CPU, {parse_boot(most.mem)[1]} CPUs / 1"
    return [f"  {what:<42} {r:>8.2f} <= {ALLCPU_LIMIT:<5} "
            f"{'met' if r <= ALLCPU_LIMIT else 'MISSED'}"]


def boot_lines(boots):
    """boot_to_prompt against RAM: what each further MB costs."""
    points = []
    for b in boots:
        if parse_boot(b.mem)[1] != 1:
            continue  # the same RAM as its single-CPU twin
        row, ram = b.row("boot_to_prompt"), b.start.get("ram", "")
        mb = int(ram[:-2]) if ram.endswith("MB") and ram[:-2].isdigit() else 0
        if row and row.per_op and mb:
            points.append((mb, row.per_op, b.mem))
    if not points:
        return []
    out = ["", "Boot (boot_to_prompt) against the RAM the allocator manages:"]
    for i, (mb, n, mem) in enumerate(sorted(points)):
        line = f"  {mem:>5}: {n:>12.0f} for {mb:>4} MB"
        if i:
            pmb, pn, pmem = sorted(points)[i - 1]
            line += f", {(n - pn) / (mb - pmb):,.0f} more per MB than {pmem}"
        out.append(line)
    return out


def target_lines(boot):
    """The issue's targets at -m 2G: met or not (benchmarks never fail the build)."""
    if boot is None:
        return []
    out = ["", f"Targets at -m {boot.mem} (instructions; a missed target does not fail make bench):"]

    def verdict(ok):
        return "met" if ok else "MISSED"

    for op, limit, what in TARGETS:
        row = boot.row(op)
        if row and row.per_op is not None:
            out.append(f"  {what:<42} {fmt_num(row.per_op):>8} <= {limit:<5} "
                       f"{verdict(row.per_op <= limit)}")
    few, many = boot.row("vmalloc_vfree_live10"), boot.row("vmalloc_vfree_live10000")
    if few and many and few.per_op and many.per_op is not None:
        r = many.per_op / few.per_op
        out.append(f"  {'vmalloc+vfree, 10,000 live / 10 live':<42} {r:>8.2f} <= {SCALE_LIMIT:<5} "
                   f"{verdict(r <= SCALE_LIMIT)}")
    above = [r for r in boot.rows if r.ratio is not None and r.ratio > FLOOR_LIMIT]
    plain = [r.op for r in above if not r.op.endswith("_debug")]
    out.append(f"  {'rows within 3x of their floor':<42} "
               f"{sum(r.ratio is not None for r in boot.rows) - len(above):>8} of "
               f"{sum(r.ratio is not None for r in boot.rows)}")
    if plain:
        out.append("    above 3x (debugging rows aside): " + ", ".join(plain))
    return out


def to_json(boots, unit):
    out = []
    for op in ordered_ops(boots):
        for boot in boots:
            row = boot.row(op)
            if row is None or row.per_op is None:
                continue
            per_op = int(row.per_op) if row.per_op == int(row.per_op) else row.per_op
            out.append({"op": op, "mem": boot.mem, "per_op": per_op, "unit": unit,
                        "floor": row.floor, "ratio": row.ratio})
    return out


# --- the command line ----------------------------------------------------------


def parse_args(argv):
    ap = argparse.ArgumentParser(description="kmem386 benchmarks at several memory sizes")
    ap.add_argument("--kernel", default="build/kernel.elf")
    ap.add_argument("--mem", action="append", metavar="SIZE",
                    help="guest RAM, 'SIZE smpN' for N CPUs, repeatable "
                         f"(default {', '.join(MEMS)})")
    ap.add_argument("--accel", default=os.environ.get("ACCEL") or "tcg",
                    help="tcg (instructions, with -icount) or kvm (cycles)")
    ap.add_argument("--iters", type=int, help="bench.iters=N: operations per batch")
    ap.add_argument("--append", default="", help="more kernel command line")
    ap.add_argument("--out", default="build", help="where bench.txt and bench.json go")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per boot")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    return ap.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    mems = args.mem or MEMS
    append = args.append.split() + ([f"bench.iters={args.iters}"] if args.iters else [])
    unit = "instructions" if args.accel == "tcg" else "cycles"
    if not os.path.isfile(args.kernel):
        print(f"bench: {args.kernel} not found (make)", file=sys.stderr)
        return 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        boots = list(pool.map(lambda m: run_boot(args.kernel, m, args.accel, append,
                                                 args.timeout), mems))
    for path in _DISKS:
        os.unlink(path)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for boot in boots:
        name = boot.mem.replace(" ", "-")
        (out / f"bench-{name}.log").write_text(boot.output, errors="replace")
    text = "\n".join(table(boots, unit, args.accel)) + "\n"
    (out / "bench.txt").write_text(text)
    (out / "bench.json").write_text(json.dumps(to_json(boots, unit), indent=1) + "\n")
    print(text, end="")
    failed = [b for b in boots if b.problems]
    for boot in failed:
        print(f"\n[{boot.mem}] FAILED: {'; '.join(boot.problems)}; the last lines:")
        print("\n".join("    " + l for l in boot.output.splitlines()[-20:]))
    print(f"\nwrote {out / 'bench.txt'}, {out / 'bench.json'} "
          f"(logs {out}/bench-<mem>.log); {len(boots) - len(failed)} of {len(boots)} boots ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
