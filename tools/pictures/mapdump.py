"""tools/pictures/mapdump.py - read the kernel's `map dump` (python3, standard library only).

The shell command `map dump` (teach/commands/map_dump.c) prints one snapshot
of memory as key=value lines between two markers; the format is described
atop that file.  parse() turns the text into a MapDump, which the SVG
renderer (render.py) draws and the runner's map check
(tests/runner/map_check.py) compares with the /proc views of the same boot.
"""

import re
from dataclasses import dataclass, field

BEGIN = "==== map dump begin ===="
END = "==== map dump end ===="
VERSION = 1
ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
TIMESTAMP_RE = re.compile(r"^\[\s*\d+\.\d+\] ")


class DumpError(Exception):
    """The text is not a complete `map dump` of a version we know."""


@dataclass
class Region:
    name: str  # "user", "lowmem", "gap", "vmalloc", "pkmap", "fixmap"...
    start: int
    end: int  # one past the last byte (0x100000000 for the top)


@dataclass
class Area:
    """A vmalloc area, busy or freed and waiting for the lazy purge."""

    start: int
    end: int  # one past its guard page
    pages: int
    kind: str  # vmalloc, vmap, ioremap, unpurged
    caller: str  # "cmd_vmalloc+0x31/0xc0", or "-"


@dataclass
class Zone:
    name: str
    start_pfn: int
    spanned: int
    present: int
    managed: int
    free: int  # in the buddy lists
    pcp: int  # free on the per-CPU lists
    wmark: tuple  # (min, low, high)
    nr_free: list = field(default_factory=list)  # free blocks per order
    pages: dict = field(default_factory=dict)  # the walk of its span: kind -> pages

    @property
    def used(self):
        return self.managed - self.free - self.pcp


@dataclass
class MapDump:
    regions: dict = field(default_factory=dict)  # name -> Region
    kernel: tuple = (0, 0)  # the kernel image, [start, end)
    max_pfn: int = 0
    max_low_pfn: int = 0
    user_task: str = None  # None: no process
    user_regions: list = field(default_factory=list)  # (start, end, name)
    nr_areas: int = 0
    nr_unpurged: int = 0
    area_bytes: int = 0
    largest_free: int = 0
    areas: list = field(default_factory=list)
    pkmap_slots: int = 0
    pkmap_in_use: int = 0
    pkmap_stale: int = 0
    pkmap_free: int = 0
    pkmap_cursor: int = 0
    pkmap_flushes: int = 0
    slots: dict = field(default_factory=dict)  # slot number -> used|stale
    kmap_local_depth: int = 0
    kmap_local_slots: int = 0
    fixmap: list = field(default_factory=list)  # (idx, addr, mapped, name)
    zones: list = field(default_factory=list)
    chunk_kinds: list = field(default_factory=list)
    chunk_pages: int = 0
    chunks: list = field(default_factory=list)  # (pfn, {kind: pages})

    def region(self, name):
        return self.regions[name]

    def zone(self, name):
        return next((z for z in self.zones if z.name == name), None)


def extract(text):
    """The lines between the markers of the last dump in `text` (serial output)."""
    lines = [TIMESTAMP_RE.sub("", ANSI_RE.sub("", l)).rstrip("\r\n ")
             for l in text.splitlines()]
    try:
        begin = len(lines) - 1 - lines[::-1].index(BEGIN)
    except ValueError:
        raise DumpError(f"no `{BEGIN}` line") from None
    try:
        end = lines.index(END, begin)
    except ValueError:
        raise DumpError(f"no `{END}` line after the begin marker") from None
    return lines[begin + 1:end]


def _int(word):
    return int(word, 0)


def _parse_line(d, key, words):
    if key == "region":
        d.regions[words[0]] = Region(words[0], _int(words[1]), _int(words[2]))
    elif key == "kernel":
        d.kernel = (_int(words[0]), _int(words[1]))
    elif key == "pfn":
        d.max_pfn, d.max_low_pfn = _int(words[0]), _int(words[1])
    elif key == "user.task":
        d.user_task = None if words == ["-"] else " ".join(words)
    elif key == "user.region":
        d.user_regions.append((_int(words[0]), _int(words[1]), " ".join(words[2:])))
    elif key == "vmalloc":
        d.nr_areas, d.nr_unpurged, d.area_bytes, d.largest_free = map(_int, words[:4])
    elif key == "vmalloc.area":
        d.areas.append(Area(_int(words[0]), _int(words[1]), _int(words[2]), words[3],
                            " ".join(words[4:])))
    elif key == "pkmap":
        (d.pkmap_slots, d.pkmap_in_use, d.pkmap_stale, d.pkmap_free, d.pkmap_cursor,
         d.pkmap_flushes) = map(_int, words[:6])
    elif key == "pkmap.slot":
        d.slots[_int(words[0])] = words[1]
    elif key == "kmap_local":
        d.kmap_local_depth, d.kmap_local_slots = map(_int, words[:2])
    elif key == "fixmap.slot":
        d.fixmap.append((_int(words[0]), _int(words[1]), words[2] == "mapped",
                         " ".join(words[3:])))
    elif key == "zone":
        n = list(map(_int, words[1:10]))
        d.zones.append(Zone(words[0], n[0], n[1], n[2], n[3], n[4], n[5], tuple(n[6:9])))
    elif key == "zone.buddy":
        d.zone(words[0]).nr_free = list(map(_int, words[1:]))
    elif key == "chunk.kinds":
        d.chunk_kinds = words
    elif key == "zone.pages":
        d.zone(words[0]).pages = dict(zip(d.chunk_kinds, map(_int, words[1:])))
    elif key == "chunk.pages":
        d.chunk_pages = _int(words[0])
    elif key == "chunk":
        d.chunks.append((_int(words[0]), dict(zip(d.chunk_kinds, map(_int, words[1:])))))


def parse(text):
    """A MapDump from serial output holding a `map dump` (the last one, if several)."""
    lines = extract(text)
    d, version = MapDump(), None
    for number, line in enumerate(lines, 1):
        if not line:
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise DumpError(f"line {number}: not key=value: {line!r}")
        words = value.split()
        if key == "version":
            version = _int(value)
            if version != VERSION:
                raise DumpError(f"map dump version {version}; this reader knows {VERSION}")
            continue
        try:
            _parse_line(d, key, words)
        except (ValueError, IndexError, AttributeError) as e:
            raise DumpError(f"line {number}: {line!r}: {e}") from None
    if version is None:
        raise DumpError("no version line")
    missing = [r for r in ("user", "lowmem", "vmalloc", "pkmap", "fixmap") if r not in d.regions]
    if missing or not d.zones or not d.chunks:
        raise DumpError("incomplete dump: " + ", ".join(
            missing + (["zones"] if not d.zones else []) + (["chunks"] if not d.chunks else [])))
    return d
