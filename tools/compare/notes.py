"""tools/compare/notes.py - why kmem386's numbers differ from Linux's, one line each.

Every known difference has a function here that looks at both sides'
data and, when the difference is there, returns the sentence that
explains it with this run's numbers; when it is not there (a future
kmem386 or another Linux), the note is left out rather than left wrong.
notes_for(section, ours, linux) gives the notes printed under a table.
"""

import re


def _first(lines, rx):
    """The first match of rx in lines, or None."""
    for line in lines:
        m = re.search(rx, line)
        if m:
            return m
    return None


def meminfo(lines):
    """{field: number} of /proc/meminfo (kB, or a count)."""
    out = {}
    for line in lines:
        m = re.match(r"^([\w()]+):\s+(\d+)", line)
        if m:
            out[m.group(1)] = int(m.group(2))
    return out


ZONE_FIELD_RE = re.compile(
    r"^\s+(count:|batch:|high:|min|low|high|managed|present|spanned)\s+(\d+)")
ZONE_FIELD_NAMES = {"count:": "count", "batch:": "batch", "high:": "pcp_high"}


def zoneinfo(lines):
    """{zone: {field: number or tuple}} of /proc/zoneinfo (the fields notes use)."""
    out, zone = {}, None
    for line in lines:
        m = re.match(r"^Node \d+, zone\s+(\S+)", line)
        if m:
            zone = out.setdefault(m.group(1), {})
        elif zone is not None and (m := ZONE_FIELD_RE.match(line)):
            zone[ZONE_FIELD_NAMES.get(m.group(1), m.group(1))] = int(m.group(2))
        elif zone is not None and (m := re.match(r"^\s+protection: \(([\d, ]+)\)", line)):
            zone["protection"] = tuple(int(x) for x in m.group(1).split(","))
    return out


def slabinfo(lines):
    """{cache: (active_objs, num_objs, objsize, objperslab, pagesperslab, num_slabs)}."""
    out = {}
    for line in lines:
        w = line.split()
        if len(w) >= 16 and w[6] == ":" and w[7] == "tunables":
            out[w[0]] = tuple(int(x) for x in w[1:6]) + (int(w[14]),)
    return out


# --- the notes, by section ------------------------------------------------------------

def boot_notes(ours, linux):
    notes = []
    lo = _first(ours.boot, r"(\d+)MB LOWMEM available")
    ll = _first(linux.boot, r"(\d+)MB LOWMEM available")
    end = _first(linux.boot, r"low ram: 0 - ([0-9a-f]+)")
    if lo and ll and lo.group(1) != ll.group(1):
        notes.append(
            f"LOWMEM {lo.group(1)} MB against {ll.group(1)} MB: kmem386 keeps the classic "
            "i386 formula, 1 GB minus a 128 MB vmalloc reserve = 896 MB (max_low_pfn "
            "0x38000); Linux 6.1 ends lowmem at "
            f"{('0x' + end.group(1)) if end else 'a lower address'} because its fixmap also "
            "holds the cpu_entry_area and the LDT remap, which push pkmap and vmalloc down. "
            "So HIGHMEM is larger on Linux by as much.")
    if any("virtual kernel memory layout" in l for l in ours.boot) and \
            not any("virtual kernel memory layout" in l for l in linux.boot):
        notes.append("Linux 6.1 no longer prints the \"virtual kernel memory layout\" block "
                     "(fixmap, pkmap, vmalloc, lowmem, .init, .data, .text); older kernels "
                     "did, and kmem386 still does, so the class sees each region's bounds.")
    mo = _first(ours.boot, r"mobility grouping (on|off)")
    ml = _first(linux.boot, r"mobility grouping (on|off)")
    if mo and ml and mo.group(1) != ml.group(1):
        notes.append("\"mobility grouping on\": Linux sorts free pages by migratetype "
                     "(unmovable, movable, reclaimable...) in 4 MB pageblocks so that "
                     "compaction can rebuild large blocks; kmem386 has one migratetype, one "
                     "free list per order.")
    ko = _first(ours.boot, r"\((\d+)K kernel code.*?(\d+)K reserved")
    kl = _first(linux.boot, r"\((\d+)K kernel code.*?(\d+)K reserved")
    if ko and kl:
        notes.append(
            f"Memory: kmem386's code is {ko.group(1)}K, Linux's {kl.group(1)}K (every "
            "driver, file system and network stack built in); reserved is "
            f"{ko.group(2)}K against {kl.group(2)}K: both hold mem_map (32 bytes per 4 KB "
            "page, 16 MB at 2 GB) and the kernel image; Linux's bigger image, the "
            "initramfs and its early allocations make the rest.")
    if _first(linux.boot, r"zone DMA: 1 pages in unavailable") and \
            not _first(ours.boot, r"zone DMA: 1 pages in unavailable"):
        notes.append("\"zone DMA: 1 pages in unavailable ranges\": Linux counts page 0, "
                     "which its e820 update reserved, as a hole of its own; kmem386's DMA "
                     "zone starts at pfn 1, so only the 97-page hole below 1 MB is reported.")
    if any(l.startswith(("mem_map:", "memblock:")) for l in ours.boot):
        notes.append("Only kmem386 prints where mem_map went and what memblock kept "
                     "(teaching aids; Linux shows memblock's work with memblock=debug), and "
                     "its allocators' self-checks. Only Linux prints the hash tables and "
                     "per-CPU areas of subsystems kmem386 does not have (dentry and inode "
                     "caches, percpu).")
    return notes


def meminfo_notes(ours, linux):
    o, l = meminfo(ours.views.get("meminfo", [])), meminfo(linux.views.get("meminfo", []))
    notes = []
    if "MemTotal" in o and "MemTotal" in l:
        notes.append(f"MemTotal {o['MemTotal']} kB against {l['MemTotal']} kB: what each "
                     "gave its page allocator, RAM minus the reserved memory of the boot "
                     "notes above. LowTotal and HighTotal split it at the end of lowmem.")
    only = [k for k in l if k not in o]
    if only:
        notes.append(f"{len(only)} fields only Linux has ({', '.join(only[:6])}, ...): the "
                     "swap, huge pages, commit accounting and the other subsystems "
                     "kmem386 does not have; the page cache and the LRU lists are in both "
                     "(with a disk: make compare runs without one).")
    zo, zl = zoneinfo(ours.views.get("zoneinfo", [])), zoneinfo(linux.views.get("zoneinfo", []))
    high = (sum(z.get("high", 0) for z in zo.values()), sum(z.get("high", 0) for z in zl.values()))
    if "MemAvailable" in o and "MemAvailable" in l and all(high):
        notes.append(f"MemAvailable is MemFree minus what the zones keep back, their high "
                     f"watermarks ({high[0] * 4} kB here, {high[1] * 4} kB in Linux: see the "
                     "zoneinfo notes; Linux also keeps back each zone's largest "
                     "lowmem_reserve), and on Linux plus what it could reclaim from its "
                     "caches.")
    if "VmallocTotal" in o and "VmallocTotal" in l and o["VmallocTotal"] != l["VmallocTotal"]:
        notes.append(f"VmallocTotal {o['VmallocTotal']} kB against {l['VmallocTotal']} kB: "
                     "both run from 8 MB above the end of lowmem to below pkmap; Linux's "
                     "lowmem ends lower, so its vmalloc area starts lower.")
    if l.get("VmallocChunk") == 0 and o.get("VmallocChunk", 0) > 0:
        notes.append("VmallocChunk: Linux 6.1 always shows 0 (it stopped computing it); "
                     "kmem386 shows its largest free gap.")
    if "DirectMap4k" in o and "DirectMap4k" in l and o["DirectMap4k"] != l["DirectMap4k"]:
        notes.append(f"DirectMap4k {o['DirectMap4k']} kB against {l['DirectMap4k']} kB: the "
                     "direct map is 4 MB pages except where 4 KB pages are needed: kmem386's "
                     "first 4 MB (page 0 unmapped, read-only text), on Linux the kernel "
                     "image and what it protects page by page.")
    return notes


def zoneinfo_notes(ours, linux):
    o, l = zoneinfo(ours.views.get("zoneinfo", [])), zoneinfo(linux.views.get("zoneinfo", []))
    notes = []
    mfk = linux.extra.get("/proc/sys/vm/min_free_kbytes", [""])[0].strip()
    lowmem_min = sum(o.get(z, {}).get("min", 0) for z in ("DMA", "Normal"))
    if "Normal" in o and "Normal" in l:
        notes.append(
            f"Watermarks (Normal: min {o['Normal'].get('min')} against "
            f"{l['Normal'].get('min')} pages): both derive them from min_free_kbytes, "
            "sqrt(lowmem KB x 16), shared out between the lowmem zones by size; Linux 6.1 "
            f"then raises it to {mfk or '?'} KB for transparent huge pages "
            "(khugepaged's recommended minimum), kmem386 has no THP and keeps "
            f"{lowmem_min * 4} KB ({lowmem_min} pages). low and high are min plus the larger "
            "of min/4 and 0.1% of the zone in both; boost is 0 (no THP, no compaction).")
    if "DMA32" in o and "DMA32" not in l:
        notes.append("kmem386 lists an empty DMA32 zone (its zone enum is the exercise's, "
                     "DMA32 included); Linux i386 has none, so its protection arrays have "
                     "four entries and kmem386's five.")
    if "Normal" in o and "Normal" in l and (o["Normal"].get("pcp_high") !=
                                            l["Normal"].get("pcp_high")):
        notes.append(
            f"pagesets: batch {o['Normal'].get('batch')} against {l['Normal'].get('batch')}, "
            f"high {o['Normal'].get('pcp_high')} against {l['Normal'].get('pcp_high')}: batch "
            "follows the same rule (the zone's pages / 4096, rounded to 2^n - 1) with a cap "
            "of 512 KB of pages here and 1 MB in Linux 6.1; high is 6 x batch here (Linux's "
            "rule for years), the zone's low watermark in Linux 6.1.")
    notes.append("Per-node stats: both list the LRU lists, file pages, dirty and "
                 "writeback counts kmem386 keeps since the page cache (issue 17); only "
                 "Linux lists workingset, huge-page, shmem-THP and misc-reclaimable "
                 "counters, for subsystems kmem386 does not have.")
    return notes


def buddyinfo_notes(ours, linux):
    return ["Columns narrowed to fit 80 characters (the numbers are /proc/buddyinfo's): the "
            "free blocks of order 0 to 10. Both kernels hand out memory from the same "
            "buddy allocator; after boot most free memory is order-10 (4 MB) blocks in "
            "both, and the small orders hold what boot allocations split off. Linux's "
            "lists are also split by migratetype (/proc/pagetypeinfo); buddyinfo sums them."]


def slabinfo_notes(ours, linux):
    o, l = slabinfo(ours.views.get("slabinfo", [])), slabinfo(linux.views.get("slabinfo", []))
    notes = ["Columns narrowed to fit 80 characters: active_objs, num_objs, objsize, "
             "objperslab, pagesperslab and num_slabs of /proc/slabinfo; the tunables are "
             "0 and sharedavail 0 in both (SLUB)."]
    only = sorted(set(l) - set(o))
    fam = {"kmalloc-cg-": "memory-cgroup accounted", "kmalloc-rcl-": "reclaimable"}
    groups = [f"{sum(n.startswith(p) for n in only)} {p}* ({what})" for p, what in fam.items()
              if any(n.startswith(p) for n in only)]
    if only:
        notes.append(
            f"{len(only)} caches only Linux has: {', '.join(groups)} kmalloc caches, and "
            "the caches of its subsystems (dentry, inode_cache, task_struct, mm_struct, "
            "vm_area_struct, filp, sockets...); Linux also merges caches of one size "
            "into one (slab_merge), kmem386 never does.")
    size = [f"{n} {o[n][2]} bytes here, {l[n][2]} in Linux" for n in sorted(set(o) & set(l))
            if o[n][2] != l[n][2]]
    if size:
        notes.append("The same names, other structures: " + "; ".join(size) + ".")
    busy = sum(v[0] for v in o.values()), sum(v[0] for v in l.values())
    notes.append(f"Objects in use: {busy[0]} here, {busy[1]} in Linux: after boot only "
                 "the shell runs on kmem386, while Linux's subsystems have filled their "
                 "caches and its kmalloc caches.")
    notes.append("active_objs: kmem386 counts exactly the objects handed out; Linux counts "
                 "every object of its per-CPU slabs as active, free ones included.")
    return notes


def bench_notes(ours, linux):
    ratios = [f"{op} {ours.bench[op][0] / linux.bench[op][0]:.2f}"
              for op in linux.bench if op in ours.bench and linux.bench[op][0]]
    notes = []
    if ratios:
        notes.append("kmem386 / Linux: " + ", ".join(ratios) + ".")
    notes.append("Both measured in this run, in the same QEMU under -icount: guest "
                 "instructions (not cycles), the loop of bench/bench.c on kmem386 and "
                 "of the kbench module on Linux (warm-up, an empty batch subtracted, the "
                 "median of 7 batches), Linux booted with init_on_alloc=0 since kmem386 "
                 "does not zero what it hands out.")
    notes.append("Linux's paths also carry memory-cgroup accounting and debugging and "
                 "hardening hooks behind static keys, which kmem386 does not have.")
    return notes


NOTES = {"boot": boot_notes, "meminfo": meminfo_notes, "zoneinfo": zoneinfo_notes,
         "buddyinfo": buddyinfo_notes, "slabinfo": slabinfo_notes, "bench": bench_notes}


def notes_for(section, ours, linux):
    """The notes under a section's table, [] when there are none."""
    return NOTES[section](ours, linux) if section in NOTES else []
