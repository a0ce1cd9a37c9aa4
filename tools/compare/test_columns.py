"""Verifies the two-column report of `make compare` on fixed texts.

columns.py: lines with one key share a row, in order, unmatched lines get
rows of their own; a line too wide for its column is squeezed or wrapped
and loses no character; every report line fits two columns of 80.
notes.py: a known difference is explained when it is there and left out
when it is not.  No QEMU: the texts are written here, in the kernels'
formats.  Run: python3 -m unittest discover -s tools/compare.
"""

import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import columns  # noqa: E402
import compare  # noqa: E402
import notes  # noqa: E402
from collect import Side  # noqa: E402

MEM_OURS = ["MemTotal:        2079444 kB", "MemFree:         2079380 kB",
            "HighTotal:       1179520 kB", "VmallocChunk:     114680 kB"]
MEM_LINUX = ["MemTotal:        2059740 kB", "MemFree:         2039828 kB",
             "Buffers:               0 kB", "Cached:             2976 kB",
             "HighTotal:       1200008 kB", "VmallocChunk:          0 kB"]
ZONE_OURS = ["Node 0, zone      DMA", "  pages free     3799", "        min      15",
             "Node 0, zone    DMA32", "  pages free     0", "        min      0",
             "Node 0, zone   Normal", "  pages free     221166", "        min      932",
             "  pagesets", "    cpu: 0", "              count: 14", "              high:  186",
             "              batch: 31"]
ZONE_LINUX = ["Node 0, zone      DMA", "  per-node stats", "      nr_inactive_anon 348",
              "  pages free     3840", "        min      190",
              "Node 0, zone   Normal", "  pages free     207124", "        min      10438",
              "  pagesets", "    cpu: 0", "              count: 1221",
              "              high:  13047", "              batch: 63"]
BOOT_OURS = ["BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable",
             "896MB LOWMEM available.", "On node 0, zone DMA: 97 pages in unavailable ranges",
             "Built 1 zonelists, mobility grouping off.  Total pages: 519857",
             "virtual kernel memory layout:"]
BOOT_LINUX = ["BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable",
              "875MB LOWMEM available.", "  low ram: 0 - 36bfe000",
              "On node 0, zone DMA: 1 pages in unavailable ranges",
              "On node 0, zone DMA: 97 pages in unavailable ranges",
              "Built 1 zonelists, mobility grouping on.  Total pages: 521968"]


class AlignTest(unittest.TestCase):
    def test_meminfo_side_by_side_by_key(self):
        rows = columns.align(MEM_OURS, MEM_LINUX, key=columns.meminfo_key)
        self.assertEqual(rows, [
            (MEM_OURS[0], MEM_LINUX[0]), (MEM_OURS[1], MEM_LINUX[1]),
            (None, MEM_LINUX[2]), (None, MEM_LINUX[3]),
            (MEM_OURS[2], MEM_LINUX[4]), (MEM_OURS[3], MEM_LINUX[5])])

    def test_nothing_lost_nothing_doubled(self):
        rows = columns.align(BOOT_OURS, BOOT_LINUX, key=columns.boot_key, exact_first=True)
        self.assertEqual([l for l, _ in rows if l is not None], BOOT_OURS)
        self.assertEqual([r for _, r in rows if r is not None], BOOT_LINUX)

    def test_identical_lines_pair_first(self):
        rows = columns.align(BOOT_OURS, BOOT_LINUX, key=columns.boot_key, exact_first=True)
        self.assertIn((BOOT_OURS[2], BOOT_LINUX[4]), rows)  # the 97-page holes
        self.assertIn((None, BOOT_LINUX[3]), rows)  # Linux's page 0, alone
        self.assertIn((BOOT_OURS[1], BOOT_LINUX[1]), rows)  # LOWMEM, numbers aside
        self.assertIn((BOOT_OURS[3], BOOT_LINUX[5]), rows)  # Built 1 zonelists

    def test_zoneinfo_by_zone_and_field(self):
        rows = columns.align_by_keys(ZONE_OURS, ZONE_LINUX, columns.zoneinfo_keys(ZONE_OURS),
                                     columns.zoneinfo_keys(ZONE_LINUX))
        self.assertIn((ZONE_OURS[8], ZONE_LINUX[7]), rows)  # Normal's min, not DMA's
        self.assertIn((ZONE_OURS[13], ZONE_LINUX[12]), rows)  # the pageset's batch
        self.assertIn((ZONE_OURS[12], ZONE_LINUX[11]), rows)  # its high, not a watermark
        self.assertIn((ZONE_OURS[3], None), rows)  # DMA32: only kmem386 has it
        self.assertIn((None, ZONE_LINUX[2]), rows)

    def test_numbers_out(self):
        self.assertEqual(columns.numbers_out("Initializing HighMem for node 0 (00036bfe:0007ffe0)"),
                         "Initializing HighMem for node # (#:#)")
        self.assertEqual(columns.numbers_out("Memory: 9365K kernel code, DMA32 0x1f"),
                         "Memory: #K kernel code, DMA32 #")


class LayoutTest(unittest.TestCase):
    LONG = ("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : "
            "tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> "
            "<num_slabs> <sharedavail>")

    def test_short_lines_unchanged(self):
        self.assertEqual(columns.fit("  pages free     3799"), ["  pages free     3799"])

    def test_wide_lines_squeezed_then_wrapped(self):
        buddy = "Node 0, zone   Normal" + "      1" * 11 + " "
        self.assertEqual(columns.fit(buddy), ["Node 0, zone Normal" + " 1" * 11])
        out = columns.fit(self.LONG)
        self.assertGreater(len(out), 1)
        self.assertTrue(all(len(l) <= columns.WIDTH for l in out))
        self.assertTrue(all(l.startswith("    ") for l in out[1:]))
        self.assertEqual(" ".join(" ".join(out).split()), " ".join(self.LONG.split()))

    def test_a_word_longer_than_a_line_is_cut_not_lost(self):
        word = "x" * 200
        out = columns.fit("a " + word, width=80)
        self.assertTrue(all(len(l) <= 80 for l in out))
        self.assertEqual("".join(l.strip() for l in out), "a" + word)

    def test_two_columns_of_80(self):
        rows = columns.align(MEM_OURS, MEM_LINUX, key=columns.meminfo_key) + \
            [(self.LONG, "short"), (None, self.LONG)]
        out = columns.side_by_side(rows, "kmem386", "Linux 6.1")
        self.assertTrue(out[0].startswith("kmem386" + " " * 73 + " | Linux 6.1"))
        for line in out:
            self.assertLessEqual(len(line), 2 * columns.WIDTH + len(columns.GAP))
        body = out[2:]
        self.assertTrue(all(l[80:82] == " |" for l in body if len(l) > 80))
        self.assertEqual(body[0][:80].rstrip(), MEM_OURS[0])
        self.assertEqual(body[0][83:], MEM_LINUX[0])
        self.assertEqual(body[2][:80].strip(), "")  # Buffers: Linux only
        self.assertEqual(len(body), 6 + 3 + 3)  # the wide rows take three lines each

    def test_notes_wrap_with_a_hanging_indent(self):
        out = columns.wrap_note("word " * 100, width=60)
        self.assertTrue(out[0].startswith("  * word"))
        self.assertTrue(all(len(l) <= 60 for l in out))
        self.assertTrue(all(l.startswith("    word") for l in out[1:]))


def side(name, boot, **views):
    return Side(name=name, boot=boot, views=views,
                bench={"kmalloc64_kfree": (102.0, "kmalloc(64) + kfree")} if name == "kmem386"
                else {"kmalloc64_kfree": (215.0, "kmalloc(64) + kfree")})


class NotesTest(unittest.TestCase):
    def test_a_difference_there_is_explained(self):
        ours = side("kmem386", BOOT_OURS, meminfo=MEM_OURS, zoneinfo=ZONE_OURS)
        linux = side("Linux 6.1.0-57-686", BOOT_LINUX, meminfo=MEM_LINUX, zoneinfo=ZONE_LINUX)
        boot = " ".join(notes.notes_for("boot", ours, linux))
        self.assertIn("LOWMEM 896 MB against 875 MB", boot)
        self.assertIn("0x36bfe000", boot)
        self.assertIn("virtual kernel memory layout", boot)
        self.assertIn("mobility grouping on", boot)
        mem = " ".join(notes.notes_for("meminfo", ours, linux))
        self.assertIn("VmallocChunk: Linux 6.1 always shows 0", mem)
        self.assertIn("2 fields only Linux has (Buffers, Cached", mem)
        zone = " ".join(notes.notes_for("zoneinfo", ours, linux))
        self.assertIn("min 932 against 10438", zone)
        self.assertIn("empty DMA32 zone", zone)
        self.assertIn("batch 31 against 63, high 186 against 13047", zone)
        self.assertIn("kmalloc64_kfree 0.47", " ".join(notes.notes_for("bench", ours, linux)))

    def test_no_difference_no_note(self):
        ours = side("kmem386", BOOT_LINUX, meminfo=MEM_LINUX, zoneinfo=ZONE_LINUX)
        linux = side("Linux", BOOT_LINUX, meminfo=MEM_LINUX, zoneinfo=ZONE_LINUX)
        boot = " ".join(notes.notes_for("boot", ours, linux))
        self.assertNotIn("LOWMEM", boot)
        self.assertNotIn("mobility", boot)
        self.assertNotIn("VmallocChunk", " ".join(notes.notes_for("meminfo", ours, linux)))
        zone = " ".join(notes.notes_for("zoneinfo", ours, linux))
        self.assertNotIn("DMA32", zone)
        self.assertNotIn("pagesets", zone)

    def test_the_whole_report_fits(self):
        ours = side("kmem386", BOOT_OURS, meminfo=MEM_OURS, zoneinfo=ZONE_OURS,
                    buddyinfo=["Node 0, zone      DMA      3      2      2      1      2      "
                               "1      2      0      0      1      3 "],
                    slabinfo=["kmalloc-64             0      0     64   64    1 : tunables    "
                              "0    0    0 : slabdata      0      0      0"])
        linux = side("Linux 6.1.0-57-686", BOOT_LINUX, meminfo=MEM_LINUX, zoneinfo=ZONE_LINUX,
                     buddyinfo=["Node 0, zone      DMA      0      0      0      0      0    "
                                "  0      0      0      1      1      3 "],
                     slabinfo=["dentry              2835   2835    136   30    1 : tunables"
                               "    0    0    0 : slabdata     94     94      0",
                               "kmalloc-64           768    768     64   64    1 : tunables"
                               "    0    0    0 : slabdata     12     12      0"])
        out = compare.report(ours, linux, "2G")
        self.assertTrue(all(len(l) <= 163 for l in out))
        text = "\n".join(out)
        self.assertIn("Node 0, zone      DMA    3    2    2", text)
        self.assertIn("and 1 caches kmem386 does not have:", text)
        for title in ("boot lines", "/proc/meminfo", "/proc/zoneinfo", "/proc/buddyinfo",
                      "/proc/slabinfo", "Benchmarks"):
            self.assertIn(title, text)
        row = next(l for l in out if l.startswith("kmalloc-64"))
        self.assertEqual(row.split(), ["kmalloc-64", "0", "0", "64", "64", "1", "0", "|",
                                       "kmalloc-64", "768", "768", "64", "64", "1", "12"])


if __name__ == "__main__":
    unittest.main()
