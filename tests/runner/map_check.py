"""The `map` command: it fits 80 columns and agrees with /proc, same boot.

One shell-mode boot per MAP_RUNS entry.  tools/pictures/scene.py first
gives the picture something to show (vmalloc areas, one freed and waiting
for the purge, a pkmap slot in use and a stale one), then the session types
`map`, `map plain`, `map dump` and the /proc views, with nothing between
them that allocates, and checks:

  - every line of `map` is at most 80 columns once the ANSI colour
    sequences are taken out, and without them it is exactly `map plain`
    (colour only adds to the letters), which has no escape at all;
  - the free blocks per order of `map` and of `map dump` are
    /proc/buddyinfo's; the dump's walk of mem_map covers each zone's span
    exactly and finds as many free pages per zone as the buddy lists hold
    (so do its chunks, all zones together); its per-CPU pages are those of
    the pagesets of /proc/zoneinfo;
  - the vmalloc areas of `map` (the first few) and of `map dump` (all) are
    /proc/vmallocinfo's, with their sizes, pages and kinds;
  - the pkmap slots in use and stale are /proc/pkmap's, and the pkmap bar
    shows them where they are;
  - on the VGA screen (read back through QEMU's monitor, as console.py
    does), `map phys` has the same letters, no escape shows as text, and
    the colours became attributes: each zone's colours, grey after the bar.
"""

import importlib.util
import os
import re
from pathlib import Path

from . import REPO
from .console import VGA_TEXT, Monitor
from .expect import PROMPT, SHELL_LINE_MAX, run_session
from .ktap import ANSI_RE
from .qemu import qemu_argv

MAP_RUNS = [
    {"name": "map 2G", "mem": "2G", "append": ""},
    {"name": "map 256M highmem=64M", "mem": "256M", "append": "highmem=64M"},
]
WIDTH = 80

CASES = [
    "map fits 80 columns",
    "map without its colours is map plain",
    "map plain has no escape sequence, map has colours",
    "map's free blocks per order are /proc/buddyinfo's",
    "map's vmalloc areas are /proc/vmallocinfo's",
    "map's pkmap counts are /proc/pkmap's",
    "map's pkmap bar marks the slots in use and stale",
    "map dump's free blocks per order are /proc/buddyinfo's",
    "map dump's walk finds the free pages of each zone, and its span",
    "map dump's per-CPU pages are /proc/zoneinfo's pagesets",
    "map dump's vmalloc areas are /proc/vmallocinfo's",
    "map dump's pkmap slots are /proc/pkmap's",
    "map phys on VGA: the same letters, no escape shown as text",
    "map phys on VGA: colours became attributes, a zone's own",
]
# VGA attributes (background << 4 | foreground) of map's colours: DMA 37;44,
# Normal 30;42, HighMem 37;45, reserved 30;47, and the screen's grey.
ZONE_ATTRS = {"DMA": 0x17, "Normal": 0x20, "HighMem": 0x57}
RESERVED_ATTR, GREY = 0x70, 0x07


def load_tool(name):
    """tools/pictures/NAME.py as a module."""
    path = REPO / "tools" / "pictures" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"kmem386_pictures_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def raw_command(session, line):
    """Type a command; its output with the ANSI sequences kept (\\n lines)."""
    session.send(line)
    echoed = re.escape(line[:SHELL_LINE_MAX - 1])
    session.expect(re.compile(r"(?<=" + re.escape(PROMPT) + r")" + echoed + r"\r?\n"),
                   f"the echo of {line!r}")
    return "\n".join(l.rstrip("\r") for l in session.expect_prompt().splitlines())


# --- reading the views --------------------------------------------------------------

def buddyinfo(text):
    """{zone: [nr_free per order]} from /proc/buddyinfo."""
    out = {}
    for line in text.splitlines():
        m = re.match(r"^Node \d+, zone\s+(\S+)((?:\s+\d+)+)\s*$", line)
        if m:
            out[m.group(1)] = [int(w) for w in m.group(2).split()]
    return out


def map_buddy(text):
    """{zone: [nr_free per order]} from the table under `map`'s physical map."""
    out, inside = {}, False
    for line in text.splitlines():
        if line.startswith("Free blocks per order"):
            inside = True
        elif inside and re.match(r"^  order(\s+\d+)+$", line):
            continue
        elif inside and (m := re.match(r"^  (\S+)((?:\s+\d+)+)$", line)):
            out[m.group(1)] = [int(w) for w in m.group(2).split()]
        elif inside:
            inside = False
    return out


def vmallocinfo(text):
    """[(start, end, pages, kind)] from /proc/vmallocinfo, in its order."""
    out = []
    for line in text.splitlines():
        m = re.match(r"^0x([0-9a-f]+)-0x([0-9a-f]+)\s+(\d+)\s+(.*)$", line)
        if not m:
            continue
        rest = m.group(4)
        pages = re.search(r"\bpages=(\d+)", rest)
        kind = "unpurged" if "unpurged vm_area" in rest else \
            next((k for k in ("vmalloc", "vmap", "ioremap") if re.search(rf"\b{k}$", rest)), "?")
        out.append((int(m.group(1), 16), int(m.group(2), 16),
                    int(pages.group(1)) if pages else 0, kind))
    return out


def map_areas(text):
    """(count in the header, [(start, end, pages, kind)] listed) from `map`."""
    m = re.search(r"^vmalloc areas: (\d+),", text, re.M)
    rows = [(int(a, 16), int(b, 16), int(p), k) for a, b, p, k in re.findall(
        r"^  0x([0-9a-f]+)-0x([0-9a-f]+)\s+\d+ KB\s+(\d+) pages (\S+)", text, re.M)]
    return (int(m.group(1)) if m else None), rows


def pkmap(text):
    """(in use, stale, free, {slot: used|stale}) from /proc/pkmap."""
    m = re.search(r"(\d+) in use, (\d+) stale, (\d+) free", text)
    slots = {}
    stale = re.search(r"^stale .*: \d+ \(slots ([\d ]+)\)", text, re.M)
    for nr in (stale.group(1).split() if stale else []):
        slots[int(nr)] = "stale"
    table = text.split("kmap_local:")[0]
    for nr in re.findall(r"^\s+(\d+)\s+\d+\s+\d+\s+0x[0-9a-f]+\s+0x[0-9a-f]+", table, re.M):
        slots[int(nr)] = "used"
    return (tuple(int(x) for x in m.groups()) if m else None), slots


def map_pkmap(text):
    """((in use, stale), the 64-column bar) from `map plain`."""
    m = re.search(r"^pkmap 0x[0-9a-f]+, \d+ slots, (\d+) per column: (\d+) in use, "
                  r"(\d+) stale", text, re.M)
    bar = re.search(r"^pkmap .*\n  \[([^\]]*)\]", text, re.M)
    if not m or not bar:
        return None, None, ""
    return int(m.group(1)), (int(m.group(2)), int(m.group(3))), bar.group(1)


def zoneinfo_pcp(text):
    """{zone: pages on the per-CPU lists} from /proc/zoneinfo."""
    out, zone = {}, None
    for line in text.splitlines():
        if m := re.match(r"^Node \d+, zone\s+(\S+)", line):
            zone = m.group(1)
        elif zone and (m := re.match(r"^\s+count:\s+(\d+)", line)):
            out[zone] = out.get(zone, 0) + int(m.group(1))
    return out


# --- the checks ---------------------------------------------------------------------

def _same(what, got, want):
    return (got == want, [] if got == want else [f"{what}: {got!r}", f"/proc: {want!r}"])


def map_cases(views, dump):
    """(name, ok, diagnostics) for CASES, from the outputs of one boot."""
    raw, plain = views["map"], views["map plain"]
    stripped = ANSI_RE.sub("", raw)
    wide = [f"{len(l)}: {l}" for l in stripped.splitlines() if len(l) > WIDTH]
    buddy = buddyinfo(views["cat /proc/buddyinfo"])
    vmi = vmallocinfo(views["cat /proc/vmallocinfo"])
    counts, slots = pkmap(views["cat /proc/pkmap"])
    nr_areas, listed = map_areas(plain)
    per_col, map_counts, bar = map_pkmap(plain)
    bar_want = "".join(
        "U" if any(slots.get(i) == "used" for i in range(c * per_col, (c + 1) * per_col))
        else "s" if any(slots.get(i) == "stale" for i in range(c * per_col, (c + 1) * per_col))
        else "." for c in range(len(bar))) if per_col else None
    walked = {z.name: z.pages.get("free") for z in dump.zones}
    spans = [(z.name, sum(z.pages.values()), z.spanned) for z in dump.zones]
    chunk_free = sum(kinds.get("free", 0) for _, kinds in dump.chunks)
    buddy_pages = {z: sum(n << o for o, n in enumerate(orders)) for z, orders in buddy.items()}
    dump_areas = [(a.start, a.end, a.pages, a.kind) for a in dump.areas]
    pcp = {z: n for z, n in zoneinfo_pcp(views["cat /proc/zoneinfo"]).items() if z in
           {zz.name for zz in dump.zones}}
    return [
        (CASES[0], not wide, wide[:10]),
        (CASES[1], stripped == plain, ["map, colours taken out:", *stripped.splitlines()[:30]]),
        (CASES[2], "\x1b" not in plain and "\x1b[" in raw, []),
        (CASES[3], *_same("map", map_buddy(plain), buddy)),
        (CASES[4], nr_areas == len(vmi) and listed == vmi[:len(listed)] and
         len(listed) == min(len(vmi), 3),
         [f"map: {nr_areas} areas, listed {listed!r}", f"/proc: {vmi!r}"]),
        (CASES[5], *_same("map", map_counts, counts[:2] if counts else None)),
        (CASES[6], *_same("map's bar", bar, bar_want)),
        (CASES[7], *_same("map dump", {z.name: z.nr_free for z in dump.zones}, buddy)),
        (CASES[8], walked == buddy_pages and all(a == b for _, a, b in spans)
         and chunk_free == sum(buddy_pages.values()),
         [f"walk: {walked!r}", f"/proc: {buddy_pages!r}",
          f"pages walked per zone against its span: {spans!r}",
          f"free pages in the chunks: {chunk_free}"]),
        (CASES[9], *_same("map dump", {z.name: z.pcp for z in dump.zones}, pcp)),
        (CASES[10], *_same("map dump", dump_areas, vmi)),
        (CASES[11], *_same("map dump", ((dump.pkmap_in_use, dump.pkmap_stale,
                                         dump.pkmap_free), dump.slots), (counts, slots))),
    ]


def vga_cells(path):
    """[[(character, attribute)] * 80] * 25 from a saved VGA text buffer."""
    data = Path(path).read_bytes()
    return [[(chr(data[(r * 80 + c) * 2]), data[(r * 80 + c) * 2 + 1]) for c in range(80)]
            for r in range(25)]


def vga_cases(cells, serial, zones):
    """(name, ok, diagnostics) for `map phys` as the VGA screen shows it."""
    rows = ["".join(ch for ch, _ in row).rstrip() for row in cells]
    bar = next((l for l in serial.splitlines() if l.startswith("  [")), None)
    at = next((i for i, r in enumerate(rows) if bar and r == bar), None)
    diags = ["VGA text:"] + ["  " + r for r in rows] + [f"serial bar: {bar!r}"]
    shown = not any(re.search(r"\[\d+(;\d+)*m", r) for r in rows)
    cases = [(CASES[12], at is not None and shown, diags)]
    if at is None:
        return cases + [(CASES[13], False, diags)]
    width = len(bar) - 4
    attrs = [a for _, a in cells[at][3:3 + width]]
    want = {ZONE_ATTRS[z] for z in zones if z in ZONE_ATTRS}
    got = set(attrs) - {RESERVED_ATTR}
    tail = {a for _, a in cells[at][3 + width:]}
    # The first column starts at pfn 0 in DMA; it is "mostly reserved" once
    # the BIOS area and the kernel image fill half of it (at 256M, a column
    # is 3.5 MB and the image 1.4 MB): either is right.
    ok = attrs[0] in (ZONE_ATTRS["DMA"], RESERVED_ATTR) and got == want and tail == {GREY}
    return cases + [(CASES[13], ok, [f"attributes of the bar: {[hex(a) for a in attrs]}",
                                     f"after it: {sorted(hex(a) for a in tail)}",
                                     f"want the zones' {sorted(hex(a) for a in want)}"])]


def run_map_check(entry, args):
    """Boot, play the scene, read map and the /proc views, judge them."""
    mapdump, scene = load_tool("mapdump"), load_tool("scene")
    tag = f"{os.getpid()}-{entry['mem']}"
    sock_path, vga_path = f"/tmp/kmem386-map-{tag}.sock", f"/tmp/kmem386-map-vga-{tag}.bin"
    monitors = []
    argv = qemu_argv(entry["mem"], ["-kernel", args.kernel, "-append", entry["append"]],
                     monitor=f"unix:{sock_path},server,nowait")

    def body(session, suite, boot_text):
        monitors.append(Monitor(sock_path, session.deadline))
        scene.play(session.command)
        views = {cmd: raw_command(session, cmd) if cmd == "map" else session.command(cmd)
                 for cmd in ("map", "map plain", "cat /proc/buddyinfo",
                             "cat /proc/vmallocinfo", "cat /proc/pkmap",
                             "cat /proc/zoneinfo", "map dump")}
        dump = mapdump.parse(views["map dump"])
        for name, ok, diags in map_cases(views, dump):
            suite.add(name, ok, diags)
        serial = session.command("map phys")
        monitors[0].command(f'pmemsave {VGA_TEXT} 4000 "{vga_path}"')
        for name, ok, diags in vga_cases(vga_cells(vga_path), serial,
                                         [z.name for z in dump.zones]):
            suite.add(name, ok, diags)

    def cleanup():
        for monitor in monitors:
            monitor.close()
        for path in (sock_path, vga_path):
            try:
                os.unlink(path)
            except OSError:
                pass
    return run_session(entry["name"], argv, args.timeout, "map", len(CASES), body, cleanup)
