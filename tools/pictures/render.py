"""tools/pictures/render.py - memory pictures as SVG (python3, standard library only).

Three pictures, each a function from plain data to the text of an SVG:

  virtual_map(dump, caption)   the 4 GB virtual address space to scale, with
                               two zooms (the kernel's 1 GB, its top 128 MB)
                               and the pkmap and fixmap slots one by one
  physical_map(dump, caption)  physical memory in chunks, coloured by zone
                               and by how much of each chunk is used; each
                               zone's pages, watermarks and free blocks per
                               order
  bench_chart(ours, linux, caption)  instructions per operation, kmem386
                               beside Linux, on a log scale

`dump` is a mapdump.MapDump (the kernel's `map dump`); the benchmark rows
are {op: instructions}.  The same input always gives the same bytes
(svg.py), so the pictures in docs/pictures change only when memory does.
Regions too small to see at a scale are drawn at a minimum size and say
so in their tooltip; everything else is to scale.
"""

import math
import textwrap

from svg import Svg, spread

FOUR_GB = 1 << 32
TOP_ZOOM = 128 << 20  # the third column: the top 128 MB

# Colours, one per kind of region (the shell's `map` uses the same hues).
COLORS = {
    "user": "#8fb3e8", "user_region": "#2f6fd0", "lowmem": "#9ad19a",
    "kernel": "#5a5a5a", "gap": "#ffffff", "vmalloc": "#b8e6ea",
    "area": "#b04fb0", "unpurged": "#e6b8e6", "pkmap_guard": "#ffffff",
    "pkmap": "#f2d16b", "unused": "#f4f4f4", "fixmap": "#e07060",
    "top_hole": "#ffffff",
}
NAMES = {
    "user": "user space", "lowmem": "lowmem (direct map)", "gap": "guard gap",
    "vmalloc": "vmalloc", "pkmap_guard": "guard pages", "pkmap": "pkmap",
    "unused": "unused", "fixmap": "fixmap", "top_hole": "hole (FIX_HOLE)",
}
SLOT_COLORS = {"used": "#d03030", "stale": "#f0a020", "free": "#eeeeee"}
ZONE_COLORS = {"DMA": ("#3060c0", "#c8d6f2"), "Normal": ("#2e8b2e", "#cfeacf"),
               "HighMem": ("#9b3b9b", "#ecd3ec"), "Movable": ("#808080", "#e0e0e0")}
RESERVED = "#7a7a7a"
PCP = "#f2d16b"
OUTLINE = "#333333"


def size_text(n):
    """Bytes as 4 GB, 111 MB, 1.5 MB, 84 KB: rounded down, as the kernel prints them."""
    for unit, shift in (("GB", 30), ("MB", 20), ("KB", 10)):
        if n >= 1 << shift:
            if n % (1 << shift) == 0 or n >= 100 << shift:
                return f"{n >> shift} {unit}"
            return f"{(10 * n >> shift) // 10}.{(10 * n >> shift) % 10} {unit}"
    return f"{n} B"


def _caption(svg, caption, width=165):
    """The caption under a title, wrapped on two lines at most."""
    for i, line in enumerate(textwrap.wrap(caption, width)[:2]):
        svg.text(20, 47 + 13 * i, line, 11, fill="#444444")


def hex32(a):
    return f"0x{min(a, FOUR_GB - 1):08x}"


# --- the virtual map ------------------------------------------------------------------

class Column:
    """A vertical bar showing [lo, hi) of the address space, high addresses on top."""

    def __init__(self, x, y, w, h, lo, hi):
        self.x, self.y, self.w, self.h, self.lo, self.hi = x, y, w, h, lo, hi

    def ypos(self, addr):
        addr = min(max(addr, self.lo), self.hi)
        return self.y + self.h * (self.hi - addr) / (self.hi - self.lo)

    def band(self, svg, start, end, fill, tip, min_h=0.0, x_in=0.0):
        """Draw [start, end) clipped to the column; at least min_h pixels tall."""
        if end <= self.lo or start >= self.hi:
            return None
        top, bottom = self.ypos(end), self.ypos(start)
        if bottom - top < min_h:
            mid = (top + bottom) / 2
            top, bottom = mid - min_h / 2, mid + min_h / 2
            tip += " (drawn larger than to scale)"
        svg.rect(self.x + x_in, top, self.w - 2 * x_in, bottom - top, fill, tip=tip)
        return top, bottom


def _regions_in(svg, col, dump, min_h):
    for r in dump.regions.values():
        col.band(svg, r.start, r.end, COLORS[r.name],
                 f"{NAMES[r.name]}: {hex32(r.start)}-{hex32(r.end - 1)}, "
                 f"{size_text(r.end - r.start)}", min_h=min_h)


def _areas_in(svg, col, dump, min_h):
    for a in dump.areas:
        busy = a.kind != "unpurged"
        what = (f"{a.kind} area, {a.pages} pages, by {a.caller}" if busy else
                "freed area awaiting the lazy TLB purge")
        col.band(svg, a.start, a.end, COLORS["area" if busy else "unpurged"],
                 f"{what}: {hex32(a.start)}-{hex32(a.end - 1)} ({size_text(a.end - a.start)}"
                 ", guard page included)", min_h=min_h, x_in=4)


def _zoom(svg, a, b, lo, hi):
    """The grey funnel from [lo, hi) of column a to the whole of column b."""
    svg.polygon([(a.x + a.w, a.ypos(hi)), (b.x, b.y), (b.x, b.y + b.h),
                 (a.x + a.w, a.ypos(lo))], "#000000", opacity=0.06)
    for y1, y2 in ((a.ypos(hi), b.y), (a.ypos(lo), b.y + b.h)):
        svg.line(a.x + a.w, y1, b.x, y2, "#999999", 0.8, dash="3,3")


def _labels(svg, col, items, side="right", gap=13):
    """Address labels beside a column, spread apart, each with a leader line."""
    items = sorted(items, key=lambda it: (-it[0], it[1]))
    ys = spread([col.ypos(a) for a, _ in items], gap, col.y - 6, col.y + col.h + 6)
    for (addr, text), y in zip(items, ys):
        true_y = col.ypos(addr)
        if side == "right":
            x0 = col.x + col.w
            svg.line(x0, true_y, x0 + 10, y, "#666666", 0.7)
            svg.text(x0 + 13, y + 4, f"{hex32(addr)} {text}".rstrip(), 10.5, mono=True)
        else:
            svg.line(col.x, true_y, col.x - 10, y, "#666666", 0.7)
            svg.text(col.x - 13, y + 4, f"{text} {hex32(addr)}".lstrip(), 10.5,
                     anchor="end", mono=True)


def _column_frame(svg, col, title, subtitle):
    svg.rect(col.x, col.y, col.w, col.h, "none", stroke=OUTLINE, width=1)
    svg.text(col.x + col.w / 2, col.y - 22, title, 13, anchor="middle", weight="bold")
    svg.text(col.x + col.w / 2, col.y - 8, subtitle, 10.5, anchor="middle", fill="#555555")


def _user_column(svg, col, dump):
    user = dump.region("user")
    if not dump.user_task:
        svg.text(col.x + col.w / 2, col.ypos(user.end / 2), "no process:", 11,
                 anchor="middle", italic=True)
        svg.text(col.x + col.w / 2, col.ypos(user.end / 2) + 14, "nothing mapped", 11,
                 anchor="middle", italic=True)
        return
    for start, end, name in dump.user_regions:
        col.band(svg, start, end, COLORS["user_region"],
                 f"{dump.user_task} {name}: {hex32(start)}-{hex32(end - 1)}", min_h=2, x_in=4)
    svg.text(col.x + col.w / 2, col.ypos(user.end / 2), dump.user_task, 11,
             anchor="middle", italic=True)


def _pkmap_grid(svg, x, y, dump):
    """The pkmap slots as a 32 x 32 grid, slot 0 at the top left."""
    cell, per_row = 6, 32
    svg.text(x, y - 8, f"pkmap: {dump.pkmap_slots} kmap() slots", 12, weight="bold")
    for nr in range(dump.pkmap_slots):
        state = dump.slots.get(nr, "free")
        svg.rect(x + (nr % per_row) * cell, y + (nr // per_row) * cell, cell - 0.6,
                 cell - 0.6, SLOT_COLORS[state],
                 tip=f"pkmap slot {nr}: {state}" if state != "free" else None)
    bottom = y + math.ceil(dump.pkmap_slots / per_row) * cell
    lines = [f"{dump.pkmap_in_use} in use, {dump.pkmap_stale} stale,",
             f"{dump.pkmap_free} free; cursor {dump.pkmap_cursor},",
             f"{dump.pkmap_flushes} flushes so far"]
    for i, line in enumerate(lines):
        svg.text(x, bottom + 16 + 13 * i, line, 10.5)
    return bottom + 16 + 13 * len(lines)


def _fixmap_strip(svg, x, y, dump):
    """The fixmap slots by address, low to high: btmap, kmap_local, the hole."""
    cell = 9
    svg.text(x, y - 8, f"fixmap: {len(dump.fixmap)} slots, low to high", 12, weight="bold")
    slots = sorted(dump.fixmap, key=lambda s: s[1])
    for i, (idx, addr, mapped, name) in enumerate(slots):
        fill = "#ffffff" if name == "hole" else SLOT_COLORS["used" if mapped else "free"]
        svg.rect(x + i * cell, y, cell - 1, 14, fill, stroke="#999999", width=0.5,
                 tip=f"{hex32(addr)} fixmap slot {idx}: {name}, "
                     f"{'mapped' if mapped else 'not mapped'}")
    groups = {}
    for i, (_, _, _, name) in enumerate(slots):
        groups.setdefault(name.split()[0], []).append(i)
    for name, cols in sorted(groups.items(), key=lambda kv: kv[1][0]):
        mid = x + (cols[0] + cols[-1] + 1) * cell / 2
        svg.text(mid, y + 27, name, 9.5, anchor="middle")
    svg.text(x, y + 44, f"kmap_local: {dump.kmap_local_depth} of "
                        f"{dump.kmap_local_slots} in use", 10.5)
    return y + 44


def _area_list(svg, x, y, dump, limit=8):
    svg.text(x, y, f"vmalloc areas: {dump.nr_areas}", 12, weight="bold")
    for i, a in enumerate(dump.areas[:limit]):
        what = f"{a.pages:>4} pages" if a.kind == "vmalloc" else a.kind
        svg.text(x, y + 16 + 13 * i, f"{hex32(a.start)} {size_text(a.end - a.start):>6} "
                                     f"{what}", 10, mono=True,
                 fill=COLORS["area"] if a.kind != "unpurged" else "#a070a0")
    if len(dump.areas) > limit:
        svg.text(x, y + 16 + 13 * limit, f"... {len(dump.areas) - limit} more", 10)


def _legend(svg, x, y, entries, width):
    cx, cy = x, y
    for color, text in entries:
        w = 22 + 6.3 * len(text)
        if cx + w > x + width:
            cx, cy = x, cy + 18
        svg.rect(cx, cy - 9, 12, 12, color, stroke="#999999", width=0.6)
        svg.text(cx + 17, cy + 1, text, 11)
        cx += w + 10


def virtual_map(dump, caption=""):
    """The 4 GB, the kernel's 1 GB and its top 128 MB, to scale; the slots."""
    svg = Svg(1160, 800, "kmem386: the virtual address space")
    svg.text(20, 28, "The 4 GB virtual address space of kmem386 (i386, 3G/1G split, "
                     "no PAE), live", 17, weight="bold")
    _caption(svg, caption)
    page_offset = dump.region("lowmem").start
    y, h = 125, 550
    c4 = Column(170, y, 80, h, 0, FOUR_GB)
    c1 = Column(450, y, 80, h, page_offset, FOUR_GB)
    ct = Column(640, y, 80, h, FOUR_GB - TOP_ZOOM, FOUR_GB)
    for col, min_h in ((c4, 0.0), (c1, 1.5), (ct, 2.0)):
        _regions_in(svg, col, dump, min_h)
    c1.band(svg, dump.kernel[0], dump.kernel[1], COLORS["kernel"],
            f"kernel image: {hex32(dump.kernel[0])}-{hex32(dump.kernel[1] - 1)}, "
            f"{size_text(dump.kernel[1] - dump.kernel[0])}", min_h=2.5, x_in=4)
    _areas_in(svg, c1, dump, 0.0)
    _areas_in(svg, ct, dump, 1.5)
    _user_column(svg, c4, dump)
    _column_frame(svg, c4, "4 GB", "one address space")
    _column_frame(svg, c1, "the kernel's 1 GB", f"x{FOUR_GB // (FOUR_GB - page_offset)} zoom")
    _column_frame(svg, ct, "the top 128 MB", f"x{FOUR_GB // TOP_ZOOM} zoom")
    _zoom(svg, c4, c1, page_offset, FOUR_GB)
    _zoom(svg, c1, ct, FOUR_GB - TOP_ZOOM, FOUR_GB)
    r = dump.regions
    _labels(svg, c4, [(0, "user space"), (page_offset, "PAGE_OFFSET"), (FOUR_GB, "")],
            side="left")
    svg.text(c4.x + c4.w / 2, c4.ypos(page_offset) + 16, "3G/1G split", 10, anchor="middle")
    _labels(svg, c1, [(page_offset, "lowmem"), (r["gap"].start, "high_memory"),
                      (dump.kernel[0], "kernel image")], side="left")
    svg.text(c1.x + c1.w / 2, c1.ypos((page_offset + r["gap"].start) / 2), "lowmem", 11,
             anchor="middle")
    low = size_text(r["lowmem"].end - r["lowmem"].start)
    for i, line in enumerate((low, "= physical", f"0-{low}")):
        svg.text(c1.x + c1.w / 2, c1.ypos((page_offset + r["gap"].start) / 2) + 14 * (i + 1),
                 line, 10, anchor="middle")
    svg.text(c4.x + c4.w / 2, c4.ypos((page_offset + FOUR_GB) / 2) + 4, "kernel", 11,
             anchor="middle")
    top_items = [(r[n].start, NAMES[n]) for n in ("gap", "vmalloc", "pkmap_guard", "pkmap",
                                                 "unused", "fixmap", "top_hole")
                 if r[n].end > FOUR_GB - TOP_ZOOM and r[n].end > r[n].start]
    _labels(svg, ct, top_items)
    vm = r["vmalloc"]
    svg.text(ct.x + ct.w / 2, ct.ypos((max(vm.start, FOUR_GB - TOP_ZOOM) + vm.end) / 2),
             "vmalloc", 11, anchor="middle")
    bottom = _pkmap_grid(svg, 930, y + 10, dump)
    bottom = _fixmap_strip(svg, 930, bottom + 40, dump)
    _area_list(svg, 930, bottom + 40, dump)
    _legend(svg, 20, 720, [(COLORS["user"], "user space"), (COLORS["lowmem"], "lowmem"),
                           (COLORS["kernel"], "kernel image"), (COLORS["vmalloc"], "vmalloc"),
                           (COLORS["area"], "vmalloc area"),
                           (COLORS["unpurged"], "freed, awaiting purge"),
                           (COLORS["pkmap"], "pkmap"), (COLORS["fixmap"], "fixmap"),
                           (COLORS["gap"], "guard, unmapped"),
                           (SLOT_COLORS["used"], "slot in use"),
                           (SLOT_COLORS["stale"], "slot stale")], 1120)
    svg.text(20, 780, "To scale, except what would be thinner than a line (the kernel "
                      "image, small areas, the fixmap): drawn at a minimum height.", 10.5,
             fill="#555555")
    return svg.render()


# --- the physical map -------------------------------------------------------------

def _zone_at(dump, pfn):
    for z in reversed(dump.zones):
        if pfn >= z.start_pfn:
            return z
    return None


def _chunk_cell(svg, x, y, w, h, dump, pfn, kinds):
    total = sum(kinds.values()) or 1
    zone = _zone_at(dump, pfn)
    dark, light = ZONE_COLORS.get(zone.name if zone else "", ("#808080", "#e0e0e0"))
    counts = ", ".join(f"{k} {v}" for k, v in kinds.items() if v)
    svg.rect(x, y, w, h, light, stroke="#ffffff", width=0.6,
             tip=f"pfn {pfn:#x} (physical {pfn << 12:#010x}), "
                 f"{zone.name if zone else 'no zone'}: {counts}")
    used = total - kinds.get("free", 0) - kinds.get("pcp", 0) - kinds.get("reserved", 0)
    yy = y + h
    for part, color in ((kinds.get("reserved", 0), RESERVED), (used, dark),
                        (kinds.get("pcp", 0), PCP)):
        if part:
            ph = h * part / total
            svg.rect(x + 0.3, yy - ph, w - 0.6, ph, color)
            yy -= ph


def _chunk_grid(svg, x, y, dump, per_row=32, cw=26, ch=15):
    for i, (pfn, kinds) in enumerate(dump.chunks):
        row, col = divmod(i, per_row)
        _chunk_cell(svg, x + col * cw, y + row * ch, cw, ch, dump, pfn, kinds)
        if col == 0:
            svg.text(x - 6, y + row * ch + ch - 4, f"{pfn << 12:#010x}", 10, anchor="end",
                     mono=True)
    rows = math.ceil(len(dump.chunks) / per_row)
    for z in dump.zones:  # a line where each zone starts
        i = next((j for j, (pfn, _) in enumerate(dump.chunks)
                  if pfn + dump.chunk_pages > z.start_pfn), 0)
        row, col = divmod(i, per_row)
        zx, zy = x + col * cw, y + row * ch
        svg.line(zx, zy, zx, zy + ch, "#000000", 2.5)
        svg.text(zx + 3, zy - 3, z.name, 10.5, weight="bold", fill=ZONE_COLORS.get(
            z.name, ("#000000",))[0])
    return y + rows * ch


def _zone_bar(svg, x, y, w, z):
    """A zone's span: reserved, used, per-CPU, free; the watermarks as ticks."""
    dark, light = ZONE_COLORS.get(z.name, ("#808080", "#e0e0e0"))
    total = max(z.spanned, 1)
    reserved = z.spanned - z.managed
    xx = x
    for part, color, what in ((reserved, RESERVED, "never given to the buddy allocator "
                               "(holes, the kernel, mem_map, page tables)"),
                              (z.used, dark, "used"), (z.pcp, PCP, "on per-CPU lists"),
                              (z.free, light, "free in the buddy lists")):
        pw = w * part / total
        svg.rect(xx, y, pw, 16, color, tip=f"{z.name}: {part} pages {what}")
        xx += pw
    svg.rect(x, y, w, 16, "none", stroke=OUTLINE, width=0.8)
    for i, name in enumerate(("min", "low", "high")):
        wx = x + w * z.wmark[i] / total
        svg.line(wx, y - 4, wx, y + 20, "#c00000", 1)
    svg.text(x, y - 6, f"{z.name}: {z.spanned} pages spanned, {z.managed} managed: "
                       f"{reserved} reserved, {z.used} used, {z.pcp} per-CPU, {z.free} free; "
                       f"watermarks {z.wmark[0]}, {z.wmark[1]}, {z.wmark[2]}", 10.5)


def _buddy_bars(svg, x, y, z, vmax):
    """Free blocks per order: bar height on a log scale, the count on top."""
    dark, _ = ZONE_COLORS.get(z.name, ("#808080", "#e0e0e0"))
    h, bw = 46, 22
    for order, n in enumerate(z.nr_free):
        bh = h * math.log10(1 + n) / math.log10(1 + vmax) if vmax else 0
        bx = x + order * (bw + 4)
        svg.rect(bx, y + h - bh, bw, bh, dark,
                 tip=f"{z.name}: {n} free blocks of order {order} ({n << order} pages)")
        svg.text(bx + bw / 2, y + h - bh - 3, n, 9.5, anchor="middle")
        svg.text(bx + bw / 2, y + h + 12, order, 9.5, anchor="middle", fill="#555555")
    svg.text(x + 11 * (bw + 4) + 6, y + h - 4, z.name, 11, weight="bold")


def physical_map(dump, caption=""):
    """Physical memory in chunks by zone and use; the zones; the free blocks."""
    rows = math.ceil(len(dump.chunks) / 32)
    grid_bottom = 95 + rows * 15
    height = grid_bottom + 175 + len(dump.zones) * 122
    svg = Svg(1000, height, "kmem386: physical memory, zones and free blocks")
    mb = dump.max_pfn * 4096 // (1 << 20)
    svg.text(20, 28, f"Physical memory of kmem386, {mb} MB, live: zones, pages in use, "
                     "free blocks", 17, weight="bold")
    _caption(svg, caption)
    svg.text(110, 75, f"One cell = {dump.chunk_pages} pages ({size_text(dump.chunk_pages * 4096)}"
                      f"), {len(dump.chunks)} cells, address order. A cell fills up from the "
                      "bottom: reserved, used, per-CPU lists; the rest is free.", 10.5)
    bottom = _chunk_grid(svg, 110, 95, dump)
    _legend(svg, 110, bottom + 24, [(RESERVED, "reserved (kernel, mem_map, holes)"),
                                    (PCP, "on per-CPU lists")] +
            [(ZONE_COLORS[z.name][0], f"{z.name} used") for z in dump.zones
             if z.name in ZONE_COLORS] +
            [(ZONE_COLORS[z.name][1], f"{z.name} free") for z in dump.zones
             if z.name in ZONE_COLORS], 840)
    y = bottom + 80
    svg.text(20, y, "Each zone's pages, from its first to its last (red ticks: the min, low "
                    "and high watermarks)", 13, weight="bold")
    y += 30
    for z in dump.zones:
        _zone_bar(svg, 110, y, 832, z)
        y += 44
    y += 10
    svg.text(20, y, "Free blocks per order, as /proc/buddyinfo (an order-n block is 2^n "
                    "pages; bar height on a log scale)", 13, weight="bold")
    y += 20
    vmax = max((n for z in dump.zones for n in z.nr_free), default=0)
    for z in dump.zones:
        _buddy_bars(svg, 110, y, z, vmax)
        y += 78
    return svg.render()


# --- the benchmark chart ------------------------------------------------------------

BENCH_ROWS = [
    ("kmalloc64_kfree", "kmalloc(64) + kfree"),
    ("alloc_page_free_page", "alloc_page + __free_page (GFP_KERNEL)"),
    ("alloc_page_free_page_highmem", "alloc_page + __free_page (highmem)"),
    ("kmap_local_lowmem", "kmap_local_page + kunmap_local, lowmem"),
    ("kmap_local_highmem", "kmap_local_page + kunmap_local, highmem"),
    ("kmap_cached_highmem", "kmap + kunmap, highmem, slot cached"),
    ("vmalloc_vfree_1page", "vmalloc(4096) + vfree"),
]
OURS, THEIRS = "#2e8b2e", "#c07830"


def bench_chart(ours, linux, caption="", linux_name="Linux 6.1"):
    """Instructions per operation, ours beside Linux's, rows both measured."""
    rows = [(op, what) for op, what in BENCH_ROWS if op in ours and op in linux]
    top, row_h = 90, 46
    svg = Svg(1000, top + row_h * len(rows) + 70, "kmem386 and Linux: instructions per operation")
    svg.text(20, 28, "Instructions per operation: kmem386 beside Linux, same QEMU, same loop",
             17, weight="bold")
    _caption(svg, caption)
    x0, width = 330, 520
    lo, hi = 1, 4  # 10 .. 10,000 instructions, log scale

    def xpos(v):
        return x0 + width * (math.log10(max(v, 10 ** lo)) - lo) / (hi - lo)

    for e in range(lo, hi + 1):
        svg.line(xpos(10 ** e), top - 10, xpos(10 ** e), top + row_h * len(rows), "#dddddd")
        svg.text(xpos(10 ** e), top - 14, f"{10 ** e:,}", 10, anchor="middle",
                 fill="#666666")
    for i, (op, what) in enumerate(rows):
        y = top + i * row_h
        svg.text(x0 - 10, y + 17, what, 11.5, anchor="end")
        svg.text(x0 - 10, y + 31, op, 9.5, anchor="end", mono=True, fill="#666666")
        for j, (value, color, who) in enumerate(((ours[op], OURS, "kmem386"),
                                                 (linux[op], THEIRS, linux_name))):
            by = y + 6 + j * 16
            svg.rect(x0, by, xpos(value) - x0, 13, color,
                     tip=f"{who}: {value:,.0f} instructions")
            svg.text(xpos(value) + 5, by + 11, f"{value:,.0f}", 10.5)
        svg.text(x0 + width + 80, y + 24, f"{ours[op] / linux[op]:.2f}x", 12,
                 anchor="end", weight="bold")
    y = top + row_h * len(rows) + 22
    _legend(svg, x0, y, [(OURS, "kmem386"), (THEIRS, linux_name)], 400)
    svg.text(x0 + width + 80, top - 14, "ratio", 10, anchor="end", fill="#666666")
    svg.text(20, y + 28, "Guest instructions counted by QEMU -icount (not cycles); the "
                         "loop's own 2-3 instructions included; log scale.", 10.5,
             fill="#555555")
    return svg.render()

