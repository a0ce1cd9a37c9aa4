"""The bench-mode boot: it starts, reports every row and leaves QEMU with 33.

A tiny benchmark run (`bench bench.iters=2`, under -icount as `make bench`
boots it), not to measure anything, only to keep the mode working.  The
numbers are bench.py's business; its parse_bench() reads the rows here too,
so the two cannot drift apart.  bench.py lives in bench/.
"""

import importlib.util
import time

from . import REPO
from .ktap import Suite
from .qemu import EXIT_PASS, accel, describe_status, qemu_argv, run_process
from .report import RunResult

BENCH_CHECK = {"name": "bench mode", "mem": "2G", "append": "bench bench.iters=2"}
BENCH_ROWS = ["kmalloc64_kfree", "alloc_page_free_page", "kmap_local_highmem",
              "kmap_cached_highmem", "vmalloc_vfree_live10", "vmalloc_vfree_live10000",
              "boot_to_prompt"]
BENCH_SCRIPTS = (REPO / "bench" / "bench.py",)


def load_bench():
    """bench.py as a module, from wherever the tree keeps it."""
    for path in BENCH_SCRIPTS:
        if path.is_file():
            spec = importlib.util.spec_from_file_location("kmem386_bench", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise FileNotFoundError("bench.py: in none of " + ", ".join(map(str, BENCH_SCRIPTS)))


def bench_cases(out, status):
    """(name, ok, diagnostics) for what a bench boot printed and how it ended."""
    rows, start, done = load_bench().parse_bench(out)
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
    icount = ["-icount", "shift=0,sleep=off"] if accel() == "tcg" else []
    argv = qemu_argv(BENCH_CHECK["mem"], [*icount, "-kernel", args.kernel,
                                          "-append", BENCH_CHECK["append"]])
    start = time.monotonic()
    out, err, status = run_process(argv, args.timeout)
    suite = Suite(name="bench", plan=3 + len(BENCH_ROWS))
    for name, ok, diags in bench_cases(out, status):
        suite.add(name, ok, diags)
    res = RunResult(label=BENCH_CHECK["name"], suites=[suite], output=out, stderr=err,
                    seconds=time.monotonic() - start, command=argv, status=status)
    if status is None or status < 0:
        res.crashes.append(describe_status(status, args.timeout))
    return res
