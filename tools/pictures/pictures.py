#!/usr/bin/env python3
"""tools/pictures/pictures.py - `make pictures`: SVG pictures of a live kmem386.

    python3 tools/pictures/pictures.py --kernel build/kernel.elf --mem 2G \\
        --bench build/bench.json --linux-bench build/bench-linux-kernel.json \\
        --out docs/pictures

boots the kernel in QEMU (TCG, shell mode, -m MEM), types the scene of
scene.py at the prompt (a few vmalloc areas, one freed and awaiting the
purge, a pkmap slot in use and a stale one), then `map dump`, and draws
from its numbers (render.py):

    virtual-map.svg      the 4 GB virtual address space to scale, zoomed
    physical-memory.svg  the zones, the pages in use, the free blocks
    bench.svg            `make bench` rows beside Linux's kbench rows

The dump is kept in build/pictures/map-dump-MEM.txt; --from-dump FILE draws
from a kept dump without booting.  The same dump and benchmark files give
the same bytes, so the committed pictures change only when memory does.
Python 3 standard library only.
"""

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))

import mapdump  # noqa: E402
import render  # noqa: E402
import scene  # noqa: E402


def boot_and_dump(kernel, mem, append, timeout):
    """Boot, play the scene, `map dump`: (the dump's text, the commands typed)."""
    from runner.expect import ShellError, ShellSession
    from runner.qemu import qemu_argv

    argv = qemu_argv(mem, ["-kernel", str(kernel), "-append", append])
    with ShellSession(argv, timeout) as session:
        try:
            session.expect_prompt()
            typed, _ = scene.play(session.command)
            text = session.command("map dump")
            status = session.poweroff()
        except ShellError as e:
            raise SystemExit(f"pictures: the boot went wrong: {e}\n"
                             + "\n".join(session.text().splitlines()[-20:]))
    if status != 33:
        raise SystemExit(f"pictures: QEMU ended with status {status}, not 33 (poweroff)")
    return text, typed


def bench_rows(path, mem):
    """{op: instructions} of a bench JSON (bench/bench.py or tests/linux_check.py)."""
    rows = json.loads(Path(path).read_text())
    unit = {r.get("unit") for r in rows}
    if unit != {"instructions"}:
        raise SystemExit(f"pictures: {path}: unit {unit}, not instructions (-icount, TCG)")
    return {r["op"]: float(r["per_op"]) for r in rows if r.get("mem", mem) == mem}


def linux_name(path):
    rows = json.loads(Path(path).read_text())
    return next((r["kernel"] for r in rows if r.get("kernel")), "Linux")


def scene_caption(mem, typed):
    return f"Live numbers of one boot at -m {mem} (make pictures), after typing: " + \
        "; ".join(typed)


def draw(dump, mem, typed, bench, lname, out):
    ours, linux, bench_mem = bench
    out.mkdir(parents=True, exist_ok=True)
    caption = scene_caption(mem, typed)
    pictures = {
        "virtual-map.svg": render.virtual_map(dump, caption),
        "physical-memory.svg": render.physical_map(dump, caption),
        "bench.svg": render.bench_chart(
            ours, linux, f"make bench at -m {bench_mem} beside the kbench module on "
                         f"{lname} (make bench-linux-kernel): same QEMU, TCG with -icount",
            linux_name=" ".join(lname.split()[:2])),
    }
    for name, text in pictures.items():
        (out / name).write_text(text)
        print(f"  SVG     {out / name}")


def main(argv):
    ap = argparse.ArgumentParser(description="SVG pictures of a live kmem386")
    ap.add_argument("--kernel", default=str(REPO / "build" / "kernel.elf"))
    ap.add_argument("--mem", default="2G")
    ap.add_argument("--append", default="", help="kernel command line")
    ap.add_argument("--bench", default=str(REPO / "build" / "bench.json"))
    ap.add_argument("--bench-mem", default="2G", help="the -m of the benchmark rows drawn")
    ap.add_argument("--linux-bench", default=str(REPO / "build" / "bench-linux-kernel.json"))
    ap.add_argument("--out", default=str(REPO / "docs" / "pictures"))
    ap.add_argument("--keep", default=str(REPO / "build" / "pictures"),
                    help="where the dump and the commands typed are kept")
    ap.add_argument("--from-dump", metavar="FILE", help="draw from a kept dump, no boot")
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args(argv)

    keep = Path(args.keep)
    if args.from_dump:
        text = Path(args.from_dump).read_text()
        scene_file = Path(args.from_dump).with_suffix(".scene")
        typed = scene_file.read_text().splitlines() if scene_file.exists() else []
    else:
        text, typed = boot_and_dump(args.kernel, args.mem, args.append, args.timeout)
        keep.mkdir(parents=True, exist_ok=True)
        dump_file = keep / f"map-dump-{args.mem}.txt"
        dump_file.write_text("\n".join(mapdump.extract(text)) + "\n")
        dump_file.with_suffix(".scene").write_text("\n".join(typed) + "\n")
        print(f"  DUMP    {dump_file}")
    try:
        dump = mapdump.parse(text if mapdump.BEGIN in text else
                             "\n".join([mapdump.BEGIN, text, mapdump.END]))
    except mapdump.DumpError as e:
        raise SystemExit(f"pictures: {e}")
    ours = bench_rows(args.bench, args.bench_mem)
    linux = bench_rows(args.linux_bench, args.bench_mem)
    if not ours or not linux:
        raise SystemExit(f"pictures: no benchmark rows at -m {args.bench_mem} in "
                         f"{args.bench if not ours else args.linux_bench}: run make bench "
                         f"and make bench-linux-kernel MEM={args.bench_mem}")
    draw(dump, args.mem, typed, (ours, linux, args.bench_mem),
         linux_name(args.linux_bench), Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
