#!/usr/bin/env python3
"""tools/compare/compare.py - `make compare`: kmem386 beside Debian's real Linux 686.

    python3 tools/compare/compare.py --kernel build/kernel.elf --mem 2G \\
        --linux-dir build/linux --initrd build/linux/initramfs-kbench.cpio

boots both kernels at the same -m in the same QEMU (collect.py) and prints,
in two columns of 80 characters (kmem386 left, Linux right):

    the boot lines about memory   (e820, LOWMEM/HIGHMEM, zone ranges, Memory:, ...)
    /proc/meminfo                 side by side by field
    /proc/zoneinfo                by zone and field
    /proc/buddyinfo               by zone
    /proc/slabinfo                the caches both have, then each side's own
    the benchmark rows            both kernels, measured in this run (-icount)

with the known differences explained under each table (notes.py); the
report also goes to build/compare.txt.  The two-column layout is
columns.py's, with its host tests in test_columns.py.
"""

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import columns  # noqa: E402
import notes  # noqa: E402

REPO = HERE.parent.parent

# The boot lines about memory, as either kernel prints them.
BOOT_PATTERNS = [
    r"^BIOS-provided physical RAM map", r"^BIOS-e820:", r"^e820: (update|remove)",
    r"^last_pfn", r"^initial memory mapped", r"^\d+MB (HIGHMEM|LOWMEM) available",
    r"^\s+mapped low ram", r"^\s+low ram", r"^Zone ranges", r"^Movable zone start",
    r"^\s+(DMA|DMA32|Normal|HighMem|Movable)\s", r"^Early memory node ranges",
    r"^\s+node\s+\d+:", r"^Initmem setup", r"^On node \d+, zone", r"^mem_map:",
    r"^memblock:", r"^Built \d+ zonelists", r"^(Dentry cache|Inode-cache) hash table",
    r"^percpu:", r"^Initializing (HighMem|Movable)", r"^Memory: ",
    r"^virtual kernel memory layout", r"^\s+(fixmap|pkmap|vmalloc|lowmem)\s+:",
    r"^\s+\.(init|data|text|bss)\s+:", r"^SLUB: ", r"^(buddy|slab|highmem): self-check",
    r"^vmalloc: \d+ MB", r"^Freeing unused kernel image", r"^Freeing initrd memory",
]
BOOT_RE = re.compile("|".join(f"(?:{p})" for p in BOOT_PATTERNS))


def boot_lines(lines):
    return [l for l in lines if BOOT_RE.search(l)]


def buddy_lines(lines):
    """/proc/buddyinfo with 5-character columns (the numbers unchanged) and a header."""
    out = [f"{'zone':<21}" + "".join(f"{o:>5}" for o in range(11))]
    for line in lines:
        m = re.match(r"^(Node \d+), zone\s+(\S+)((?:\s+\d+)+)", line)
        if m:
            out.append(f"{m.group(1)}, zone {m.group(2):>8}" +
                       "".join(f"{int(n):>5}" for n in m.group(3).split()))
    return out


SLAB_HEADER = f"{'# name':<24}{'active':>8}{'num':>8}{'objsize':>8}{'o/slab':>7}" \
              f"{'pg/slab':>8}{'slabs':>7}"


def slab_row(name, v):
    return f"{name:<24}{v[0]:>8}{v[1]:>8}{v[2]:>8}{v[3]:>7}{v[4]:>8}{v[5]:>7}"


def slab_rows(ours, linux):
    """Rows: the caches both have (kmem386's order), then each side's own."""
    o = notes.slabinfo(ours.views.get("slabinfo", []))
    l = notes.slabinfo(linux.views.get("slabinfo", []))
    rows = [(SLAB_HEADER, SLAB_HEADER)]
    rows += [(slab_row(n, o[n]), slab_row(n, l[n])) for n in o if n in l]
    rows += [(slab_row(n, o[n]), None) for n in o if n not in l]
    only = [n for n in l if n not in o]
    if only:
        rows.append((None, f"and {len(only)} caches kmem386 does not have:"))
        rows += [(None, line) for line in columns.fit("  " + ", ".join(only), indent=0)]
    return rows


def bench_rows(ours, linux):
    ops = [op for op in ours.bench if op in linux.bench]

    def row(side, op):
        per_op, desc = side.bench[op]
        return f"{op:<28}{per_op:>7,.0f} {desc}"
    head = f"{'operation':<28}{'instr.':>7} what"
    return [(head, head)] + [(row(ours, op), row(linux, op)) for op in ops]


def sections(ours, linux):
    """[(title, rows, section)] of the report."""
    o, l = ours.views, linux.views
    return [
        ("The boot lines about memory", columns.align(boot_lines(ours.boot),
                                                      boot_lines(linux.boot),
                                                      key=columns.boot_key,
                                                      exact_first=True), "boot"),
        ("/proc/meminfo", columns.align(o.get("meminfo", []), l.get("meminfo", []),
                                        key=columns.meminfo_key), "meminfo"),
        ("/proc/zoneinfo", columns.align_by_keys(
            o.get("zoneinfo", []), l.get("zoneinfo", []),
            columns.zoneinfo_keys(o.get("zoneinfo", [])),
            columns.zoneinfo_keys(l.get("zoneinfo", []))), "zoneinfo"),
        ("/proc/buddyinfo", columns.align(buddy_lines(o.get("buddyinfo", [])),
                                          buddy_lines(l.get("buddyinfo", [])),
                                          key=lambda s: s.split()[3] if s.startswith("Node")
                                          else "header"), "buddyinfo"),
        ("/proc/slabinfo", slab_rows(ours, linux), "slabinfo"),
        ("Benchmarks: instructions per operation, this run (QEMU -icount, the same loop)",
         bench_rows(ours, linux), "bench"),
    ]


def report(ours, linux, mem):
    """The whole report as lines."""
    width = 2 * columns.WIDTH + len(columns.GAP)
    out = [f"kmem386 and Debian's {linux.name} side by side: -m {mem}, the same QEMU "
           "(TCG), kmem386 on the left.", "=" * width]
    for problem in ours.problems + linux.problems:
        out.append(f"WARNING: {problem}")
    for title, rows, section in sections(ours, linux):
        out += ["", f"== {title} ==", ""]
        out += columns.side_by_side(rows, ours.name, linux.name)
        explained = notes.notes_for(section, ours, linux)
        if explained:
            out += ["", "Why they differ:"]
            for note in explained:
                out += columns.wrap_note(note, width)
    return out


def main(argv):
    import collect

    ap = argparse.ArgumentParser(description="kmem386 beside Debian's Linux 686")
    ap.add_argument("--kernel", default=str(REPO / "build" / "kernel.elf"))
    ap.add_argument("--mem", default="2G")
    ap.add_argument("--append", default="", help="kmem386's kernel command line")
    ap.add_argument("--linux-dir", default=str(REPO / "build" / "linux"))
    ap.add_argument("--initrd", default=str(REPO / "build" / "linux" / "initramfs-kbench.cpio"))
    ap.add_argument("--out", default=str(REPO / "build" / "compare.txt"))
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args(argv)
    for path in (args.kernel, Path(args.linux_dir) / "vmlinuz", args.initrd):
        if not Path(path).exists():
            print(f"compare: {path} is missing (make compare builds and fetches it)",
                  file=sys.stderr)
            return 1
    ours, linux, output = collect.collect(args.kernel, args.mem, args.append,
                                          args.linux_dir, args.initrd, args.timeout)
    text = "\n".join(report(ours, linux, args.mem)) + "\n"
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    out.with_name("compare-linux.log").write_text(output)
    print(text, end="")
    print(f"\nwrote {out} (Linux's serial output: {out.with_name('compare-linux.log')})")
    return 1 if ours.problems or linux.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
