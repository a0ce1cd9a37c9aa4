"""Verifies that the pictures of tools/pictures draw what a `map dump` says.

A fixed input: testdata/map-dump-2G.txt, kept from one boot at -m 2G after
the scene of scene.py (three vmalloc areas, one unpurged; pkmap slot 1 in
use, slot 2 stale), and fixed benchmark rows.  The checks read the SVG back
as XML: sizes to scale, one element per area, slot, chunk and row, the
user-space hook, and the same bytes from a fresh interpreter with another
hash seed.  Run: python3 -m unittest discover -s tools/pictures.
"""

import os
import subprocess
import sys
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import mapdump  # noqa: E402
import render  # noqa: E402
from svg import num, spread  # noqa: E402

NS = "{http://www.w3.org/2000/svg}"
DUMP_TEXT = (HERE / "testdata" / "map-dump-2G.txt").read_text()
OURS = {"kmalloc64_kfree": 102, "alloc_page_free_page": 215, "vmalloc_vfree_1page": 1216,
        "kmap_local_highmem": 93, "floor_freelist": 10}
LINUX = {"kmalloc64_kfree": 215, "alloc_page_free_page": 682, "vmalloc_vfree_1page": 2863,
         "kmap_local_highmem": 198}


def elements(svg_text, tag):
    root = ET.fromstring(svg_text)
    return [e for e in root.iter(NS + tag)]


def tip(e):
    t = e.find(NS + "title")
    return t.text if t is not None else ""


def rects_titled(svg_text, prefix):
    return [e for e in elements(svg_text, "rect") if tip(e).startswith(prefix)]


def texts(svg_text):
    return [e.text for e in elements(svg_text, "text")]


class DumpTest(unittest.TestCase):
    def test_reads_the_fixed_dump(self):
        d = mapdump.parse(DUMP_TEXT)
        self.assertEqual(d.region("lowmem").end - d.region("lowmem").start, 896 << 20)
        self.assertEqual([a.kind for a in d.areas], ["vmalloc", "vmalloc", "unpurged"])
        self.assertEqual(d.slots, {1: "used", 2: "stale"})
        self.assertEqual([z.name for z in d.zones], ["DMA", "Normal", "HighMem"])
        self.assertEqual(sum(sum(k.values()) for _, k in d.chunks), d.max_pfn)
        for z in d.zones:
            self.assertEqual(sum(z.pages.values()), z.spanned, z.name)
            self.assertEqual(z.pages["free"], sum(n << o for o, n in enumerate(z.nr_free)))

    def test_refuses_what_it_cannot_read(self):
        with self.assertRaises(mapdump.DumpError):
            mapdump.parse(DUMP_TEXT.replace("version=1", "version=2"))
        with self.assertRaises(mapdump.DumpError):
            mapdump.parse(DUMP_TEXT.replace(mapdump.END, ""))
        with self.assertRaises(mapdump.DumpError):
            mapdump.parse(DUMP_TEXT.replace("zone=", "zone-"))

    def test_the_last_dump_of_a_session_counts(self):
        twice = DUMP_TEXT.replace("pkmap=1024 1 1", "pkmap=1024 9 9") + "kmem386> \n" + \
            "\r\n".join(DUMP_TEXT.splitlines())
        self.assertEqual(mapdump.parse(twice).pkmap_in_use, 1)


class VirtualMapTest(unittest.TestCase):
    def setUp(self):
        self.dump = mapdump.parse(DUMP_TEXT)
        self.svg = render.virtual_map(self.dump, "caption of the scene")

    def test_is_svg(self):
        root = ET.fromstring(self.svg)
        self.assertEqual(root.tag, NS + "svg")
        self.assertIn("caption of the scene", texts(self.svg))

    def test_regions_to_scale(self):
        user = rects_titled(self.svg, "user space:")[0]
        lowmem = rects_titled(self.svg, "lowmem (direct map):")
        self.assertEqual(len(lowmem), 2)  # the 4 GB column, the 1 GB zoom
        column = sum(float(e.get("height")) for e in elements(self.svg, "rect")
                     if e.get("x") == user.get("x") and tip(e))
        self.assertAlmostEqual(float(user.get("height")) / column, 0.75, places=3)
        self.assertAlmostEqual(float(lowmem[0].get("height")) / column, 896 / 4096, places=3)
        self.assertAlmostEqual(float(lowmem[1].get("height")) / column, 896 / 1024, places=3)
        vmalloc = rects_titled(self.svg, "vmalloc: 0xf8800000-0xff7fdfff, 111")
        self.assertEqual(len(vmalloc), 3)
        self.assertAlmostEqual(float(vmalloc[2].get("height")) / column,
                               (0xff7fe000 - 0xf8800000) / (128 << 20), places=3)

    def test_every_area_in_both_zooms(self):
        for a in self.dump.areas:
            want = f"{render.hex32(a.start)}-{render.hex32(a.end - 1)}"
            found = [e for e in elements(self.svg, "rect") if want in tip(e)]
            self.assertEqual(len(found), 2, want)
        self.assertEqual(len(rects_titled(self.svg, "freed area awaiting")), 2)

    def test_small_things_drawn_at_least_a_line(self):
        kernel = rects_titled(self.svg, "kernel image:")[0]
        self.assertGreaterEqual(float(kernel.get("height")), 2.5)
        self.assertIn("drawn larger than to scale", tip(kernel))

    def test_pkmap_and_fixmap_slots(self):
        self.assertEqual(len(rects_titled(self.svg, "pkmap slot 1: used")), 1)
        self.assertEqual(len(rects_titled(self.svg, "pkmap slot 2: stale")), 1)
        fixmap = [e for e in elements(self.svg, "rect") if "fixmap slot" in tip(e)]
        self.assertEqual(len(fixmap), 21)
        self.assertTrue(all("not mapped" in tip(e) for e in fixmap))

    def test_no_process_says_so(self):
        self.assertIn("no process:", texts(self.svg))

    def test_the_user_space_hook(self):
        text = DUMP_TEXT.replace("user.task=-", "user.task=hello\n"
                                 "user.region=0x8048000 0x8049000 /user/hello\n"
                                 "user.region=0xbffdf000 0xc0000000 [stack]")
        svg = render.virtual_map(mapdump.parse(text))
        self.assertEqual(len(rects_titled(svg, "hello /user/hello: 0x08048000-0x08048fff")), 1)
        self.assertEqual(len(rects_titled(svg, "hello [stack]: 0xbffdf000-0xbfffffff")), 1)
        self.assertNotIn("no process:", texts(svg))


class PhysicalMapTest(unittest.TestCase):
    def setUp(self):
        self.dump = mapdump.parse(DUMP_TEXT)
        self.svg = render.physical_map(self.dump)

    def test_a_cell_per_chunk(self):
        cells = rects_titled(self.svg, "pfn ")
        self.assertEqual(len(cells), len(self.dump.chunks))
        # mem_map, 16 MB below the end of lowmem, is reserved: chunk 220 is in it
        self.assertEqual(tip(cells[220]), "pfn 0x37000 (physical 0x37000000), Normal: "
                                          "reserved 1024")

    def test_zone_bars_add_up(self):
        for z in self.dump.zones:
            parts = [e for e in rects_titled(self.svg, f"{z.name}: ") if "pages" in tip(e)
                     and "free blocks" not in tip(e)]
            self.assertEqual(len(parts), 4)
            widths = sum(float(e.get("width")) for e in parts)
            self.assertAlmostEqual(widths, 832, delta=0.05, msg=z.name)

    def test_free_blocks_per_order(self):
        for z in self.dump.zones:
            for order, n in enumerate(z.nr_free):
                found = rects_titled(self.svg, f"{z.name}: {n} free blocks of order {order} ")
                self.assertEqual(len(found), 1, (z.name, order))


class BenchChartTest(unittest.TestCase):
    def setUp(self):
        self.svg = render.bench_chart(OURS, LINUX, "caption")

    def test_rows_measured_on_both(self):
        bars = [tip(e) for e in elements(self.svg, "rect") if tip(e)]
        self.assertEqual(len(bars), 2 * 4)
        self.assertIn("kmem386: 1,216 instructions", bars)
        self.assertIn("Linux 6.1: 2,863 instructions", bars)
        self.assertIn("0.47x", texts(self.svg))
        self.assertNotIn("floor_freelist", texts(self.svg))

    def test_log_scale(self):
        width = {tip(e): float(e.get("width")) for e in elements(self.svg, "rect") if tip(e)}
        w = [width["kmem386: 102 instructions"], width["Linux 6.1: 215 instructions"],
             width["kmem386: 1,216 instructions"]]
        self.assertAlmostEqual((w[1] - w[0]) / 520, (0.3324 - 0.0086) / 3, delta=0.001)
        self.assertLess(w[0], w[1])
        self.assertLess(w[1], w[2])


class StableOutputTest(unittest.TestCase):
    def test_same_input_same_bytes_in_another_interpreter(self):
        code = ("import sys; sys.path.insert(0, sys.argv[1]); import mapdump, render; "
                "d = mapdump.parse(open(sys.argv[2]).read()); "
                "sys.stdout.write(render.virtual_map(d, 'c') + render.physical_map(d, 'c'))")
        outs = []
        for seed in ("1", "2"):
            env = dict(os.environ, PYTHONHASHSEED=seed)
            outs.append(subprocess.run([sys.executable, "-c", code, str(HERE),
                                        str(HERE / "testdata" / "map-dump-2G.txt")],
                                       env=env, capture_output=True, check=True).stdout)
        d = mapdump.parse(DUMP_TEXT)
        self.assertEqual(outs[0], outs[1])
        self.assertEqual(outs[0].decode(), render.virtual_map(d, "c") + render.physical_map(d, "c"))

    def test_numbers_are_short_and_stable(self):
        self.assertEqual([num(1.0), num(2.5), num(1 / 3), num(-0.001)], ["1", "2.5", "0.33", "0"])

    def test_labels_spread_apart_within_bounds(self):
        ys = spread([100, 101, 102, 300, 5], 13, 0, 400)
        self.assertEqual(ys[4], 5)
        got = sorted(ys)
        self.assertTrue(all(b - a >= 13 for a, b in zip(got, got[1:])))
        self.assertEqual(spread([395, 396], 13, 0, 400), [387, 400])


if __name__ == "__main__":
    unittest.main()
