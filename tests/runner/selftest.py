"""The runner's own tests: the KTAP parser, the shell engine, the checks format.

They need no QEMU: crafted KTAP, a fake shell on a pipe (a Python child that
prints a prompt and echoes), and crafted /proc texts.  Every check kind is
shown to pass on the right text, to still pass when only the spacing of the
output changes, and to fail when the value it checks is wrong.  They run in
`make test` as the run "runner self-test" (one case per test) and alone with
`python3 tests/run.py --self-test`.
"""

import io
import sys
import tempfile
import time
import unittest
from pathlib import Path

from .checks import (ChecksError, check_cases, find_check_files, load_checks, parse_checks,
                     run_steps)
from .expect import ShellError, ShellSession, boot_to_prompt, run_session
from .ktap import Case, Suite, ktap_problems, parse_ktap, verdict_problems
from .qemu import EXIT_FAIL, EXIT_PANIC, EXIT_PASS
from .readme_check import compare, load_walkthroughs, parse_walkthroughs, readme_runs
from .report import RunResult, format_result

SELF_TEST_NAME = "runner self-test"

KERNEL_SAMPLE = """\
[    0.000000] kmem386 version 0.1.0 (gcc 12.2.0) i386 non-PAE, 3G/1G split, HIGHMEM\r
[    0.014917] KTAP version 1\r
[    0.014972] 1..2\r
[    0.015041]     KTAP version 1\r
[    0.015102]     # Subtest: lib\r
[    0.015177]     1..3\r
[    0.015420]     ok 1 lib_snprintf_formats_hex_with_padding\r
[    0.015425] ------------[ cut here ]------------\r
[    0.015426] WARNING: at mm/page_alloc.c:12 something\r
[    0.015430]     # tests/kernel/lib_test.c:42: expected a == b, got 3 (0x3) vs 4 (0x4)\r
[    0.015440]     not ok 2 lib_other_case\r
[    0.015450]     ok 3 lib_skipped_case # SKIP no highmem at this size\r
[    0.015543] # lib: pass:1 fail:1 skip:1 total:3\r
[    0.015854] not ok 1 lib\r
[    0.015900]     KTAP version 1\r
[    0.015901]     # Subtest: traps\r
[    0.015902]     1..2\r
[    0.015903]     # about to loop\r
[    0.015904]     not ok 1 traps_loops # timeout after 120 s\r
[    0.015905]     not ok 2 traps_oopses # oops\r
[    0.015906] # traps: pass:0 fail:2 skip:0 total:2\r
[    0.015907] not ok 2 traps\r
[    0.016073] # Totals: pass:1 fail:3 skip:1 total:5\r
"""

HOST_SAMPLE = """\
KTAP version 1
1..1
    KTAP version 1
    # Subtest: string
    1..2
    ok 1 string_memcpy_copies
    ok 2 string_strlen_counts
    # string: pass:2 fail:0 skip:0 total:2
ok 1 string
"""


class ParserTest(unittest.TestCase):
    def test_kernel_sample(self):
        doc = parse_ktap(KERNEL_SAMPLE)
        self.assertEqual(ktap_problems(doc), [])
        self.assertEqual([s.name for s in doc.suites], ["lib", "traps"])
        lib, traps = doc.suites
        self.assertEqual(lib.count(), (1, 1, 1))
        self.assertEqual(traps.count(), (0, 2, 0))
        self.assertEqual(lib.cases[1].diagnostics,
                         ["tests/kernel/lib_test.c:42: expected a == b, "
                          "got 3 (0x3) vs 4 (0x4)"])
        self.assertEqual(lib.cases[0].diagnostics, [])
        self.assertEqual(lib.cases[2].directive, "SKIP no highmem at this size")
        self.assertEqual(traps.cases[0].directive, "timeout after 120 s")
        self.assertEqual(traps.cases[0].diagnostics, ["about to loop"])
        self.assertEqual(doc.totals, "pass:1 fail:3 skip:1 total:5")
        self.assertEqual(verdict_problems(doc, EXIT_FAIL, 1, EXIT_PASS, EXIT_FAIL), [])

    def test_host_sample_without_timestamps(self):
        doc = parse_ktap("ASan noise\n" + HOST_SAMPLE)
        self.assertEqual(ktap_problems(doc), [])
        self.assertEqual(doc.suites[0].count(), (2, 0, 0))
        self.assertEqual(verdict_problems(doc, 0, 1, 0, 1), [])
        self.assertTrue(verdict_problems(doc, 1, 1, 0, 1))  # 1 but all ok

    def test_exit_33_with_not_ok_is_a_crash(self):
        doc = parse_ktap(KERNEL_SAMPLE)
        reasons = verdict_problems(doc, EXIT_PASS, 1, EXIT_PASS, EXIT_FAIL)
        self.assertTrue(any("all passed" in r for r in reasons), reasons)

    def test_short_plan_is_a_crash(self):
        cut = KERNEL_SAMPLE.split("[    0.015450]")[0] + "[    0.02] Kernel panic\n"
        doc = parse_ktap(cut)
        reasons = verdict_problems(doc, EXIT_PANIC, 1, EXIT_PASS, EXIT_FAIL)
        self.assertIn("kernel panic/oops (exit 37)", reasons)
        self.assertTrue(any("cut short after 2 of 3" in r for r in reasons), reasons)
        self.assertTrue(any("plan 1..2 but only 0" in r for r in reasons), reasons)

    def test_missing_suite_is_a_crash(self):
        doc = parse_ktap(KERNEL_SAMPLE.split("[    0.015900]")[0])
        self.assertEqual(ktap_problems(doc), ["plan 1..2 but only 1 suite result(s)"])

    def test_suite_plan_mismatch(self):
        doc = parse_ktap(HOST_SAMPLE.replace("    1..2", "    1..3"))
        self.assertEqual(ktap_problems(doc), ["suite string: plan 1..3 but 2 result(s)"])

    def test_no_ktap(self):
        doc = parse_ktap("[    0.0] booting\n[    0.1] hello\n")
        self.assertEqual(verdict_problems(doc, EXIT_PASS, 1, EXIT_PASS, EXIT_FAIL),
                         ["no KTAP output"])

    def test_other_statuses_are_crashes(self):
        doc = parse_ktap(HOST_SAMPLE)
        for status in (0, 1, 3, -9, None):
            self.assertTrue(verdict_problems(doc, status, 5, EXIT_PASS, EXIT_FAIL), status)
        self.assertEqual(verdict_problems(doc, None, 5, EXIT_PASS, EXIT_FAIL),
                         ["timeout after 5 s"])
        self.assertEqual(verdict_problems(doc, EXIT_PASS, 5, EXIT_PASS, EXIT_FAIL), [])

    def test_exit_35_without_failure_names_the_reason(self):
        doc = parse_ktap("KTAP version 1\n1..0\n# ktest: no suite or case matches 'x'\n")
        reasons = verdict_problems(doc, EXIT_FAIL, 1, EXIT_PASS, EXIT_FAIL)
        self.assertEqual(len(reasons), 1)
        self.assertIn("no suite or case matches", reasons[0])

    def test_suite_ok_with_failing_case(self):
        doc = parse_ktap(HOST_SAMPLE.replace("    ok 2", "    not ok 2"))
        self.assertEqual(ktap_problems(doc), ["suite string: `ok` with 1 failing case(s)"])

    def test_report_and_counts(self):
        doc = parse_ktap(KERNEL_SAMPLE)
        res = RunResult(label="2G", suites=doc.suites, seconds=3.44)
        text = format_result(res)
        self.assertIn("[2G] lib: 1 passed, 1 failed, 1 skipped (3.4 s)", text)
        self.assertIn("    not ok 2 lib_other_case\n        # tests/kernel/", text)
        self.assertEqual(res.counts(), (1, 3, 1))
        res.crashes = ["timeout after 1 s"]
        self.assertEqual(res.counts(), (1, 4, 1))
        self.assertIn("[2G] # crash: timeout after 1 s", format_result(res))


# A fake shell on a pipe: a GRUB-like menu line, a prompt, echo, poweroff.
FAKE_SHELL = r"""
import sys
out = sys.stdout
if sys.argv[1:] == ["menu"]:
    out.write("\x1b[5;3H*kmem386: shell (kmem386> prompt)   will be executed automatically in 2s.")
    out.flush()
    sys.stdin.buffer.read(1)                   # Enter in the menu
out.write("\r\n[    0.0] booting\r\nzone  HighMem   1151 MB\r\n\r\nType `help`.\r\nkmem386> ")
out.flush()
line = b""
while True:
    c = sys.stdin.buffer.read(1)
    if not c:
        sys.exit(1)
    if c != b"\r":
        line += c; out.write(c.decode()); out.flush(); continue
    out.write("\r\n")
    cmd, line = line.decode(), b""
    if cmd == "poweroff":
        out.write("Power down.\r\n"); out.flush(); sys.exit(33)
    if cmd == "hang":
        out.flush(); import time; time.sleep(60)
    out.write("you said " + cmd + "\r\nVmallocUsed:   " + str(len(cmd)) + " kB\r\nkmem386> ")
    out.flush()
"""


def fake_shell(*args):
    return [sys.executable, "-c", FAKE_SHELL, *args]


class ShellSessionTest(unittest.TestCase):
    def test_conversation(self):
        with ShellSession(fake_shell("menu"), timeout=20) as sh:
            boot_to_prompt(sh)
            self.assertEqual(sh.command("hello"), "you said hello\nVmallocUsed:   5 kB")
            self.assertEqual(sh.command("a b"), "you said a b\nVmallocUsed:   3 kB")
            self.assertEqual(sh.poweroff(), 33)

    def test_timeout(self):
        with ShellSession(fake_shell("menu"), timeout=1) as sh:
            boot_to_prompt(sh)
            with self.assertRaisesRegex(ShellError, "timeout after 1 s"):
                sh.command("hang")

    def test_early_exit(self):
        with ShellSession([sys.executable, "-c", "print('bye')"], timeout=20) as sh:
            with self.assertRaisesRegex(ShellError, "exit status 0"):
                sh.expect_prompt()

    def test_checks_file_through_a_session(self):
        """A checks file drives the engine: boot checks, commands, one case each."""
        cf = parse_checks("boot\n  has zone HighMem 1151 MB\n"
                          "$ hello\n  has you said hello\n  field VmallocUsed = 5 kB\n"
                          "  set word said (\\w+)\n"
                          "$ hi\n  field VmallocUsed = 5 kB\n"
                          "$ again {word}\n  has you said again hello\n"
                          "$ {nothing}\n  has x\n", "fake.checks")

        def body(session, suite, boot_text):
            run_steps(cf, session, suite, boot_text)
        res = run_session("fake", fake_shell(), 20, "shell", cf.plan(), body)
        self.assertEqual(res.crashes, [])
        self.assertEqual(res.status, EXIT_PASS)
        self.assertEqual([c.ok for c in res.suites[0].cases],
                         [True, True, True, True, False, True, False])
        self.assertIn("{nothing} was not set", res.suites[0].cases[6].diagnostics[0])
        failed = res.suites[0].cases[4]
        self.assertEqual(failed.name, "$ hi: field VmallocUsed = 5 kB")
        self.assertIn("fake.checks:8: field VmallocUsed = 5 kB", failed.diagnostics)
        self.assertIn("VmallocUsed: '2 kB'", failed.diagnostics)


ZONEINFO = """\
Node 0, zone      DMA
  pages free     3803
        high     24
  pagesets
    cpu: 0
              count: 0
              high:  0
              batch: 1
  start_pfn:           1
Node 0, zone    DMA32
  pages free     0
Node 0, zone  HighMem
  pages free     294880
        high     748
        protection: (0, 0, 0, 0, 0)
  pagesets
    cpu: 0
              count: 0
              high:  186
              batch: 31
  start_pfn:           229376"""

# The same facts with other column widths: what a layout change looks like.
ZONEINFO_RESPACED = "\n".join(
    line.replace("     ", " ").replace("  ", " ").replace("\t", " ")
    if not line.startswith(" ") else "  " + line.replace("     ", "  ")
    for line in ZONEINFO.split("\n"))

MEMINFO = "MemTotal:        2079460 kB\nVmallocUsed:          20 kB\nVmallocChunk:     114656 kB"
BUDDYINFO = ("Node 0, zone      DMA      1      3      1      2      2      1      2      0      0"
             "      1      3 \n"
             "Node 0, zone  HighMem      0      0      0      0      0      1      1      1      1"
             "      1    287 ")


def judge(checks, text):
    """Whether the last check of `checks` (the lines under a `$`) passes on `text`."""
    cf = parse_checks("$ cmd\n" + "".join("  " + c + "\n" for c in checks), "t.checks")
    return cf.steps[0].checks[-1].evaluate(text)[0]


class ChecksTest(unittest.TestCase):
    def assertChecks(self, text, good, bad):
        """Each check in `good` passes on text, each in `bad` fails."""
        for c in good:
            self.assertTrue(judge(c if isinstance(c, list) else [c], text), c)
        for c in bad:
            self.assertFalse(judge(c if isinstance(c, list) else [c], text), c)

    def test_has_and_lacks_ignore_spacing(self):
        text = "HighMem        229376     524256\nkmap: pfn 0x40000 -> 0xff801000: slot 1"
        self.assertChecks(text,
                          ["has HighMem 229376 524256", "has HighMem 229376",
                           "has 0x40000 ->    0xff801000", "has 0x40000 - > 0xff801000",
                           "lacks HighMem 229377",
                           "has pfn 0x40000 -> 0xff801000: slot 1"],
                          ["has HighMem 229376 524257", "has HighMem229376",
                           "lacks 229376 524256", "has slot 2", "has 0x40000->0xff801000",
                           "has pfn 0x40000 -> 0xff801000: slot 1 x"])

    def test_has_reads_through_a_wrapped_line(self):
        text = ("peek: 0xf8000000: not mapped\n  f8000000 is in guard gap after lowmem\n"
                "      [f8000000-f87fffff]: nothing is mapped\nnext")
        # a line break is a blank, like any run of spaces (never none at all)
        self.assertChecks(text,
                          ["has guard gap after lowmem [f8000000-f87fffff]",
                           "has lowmem [f8000000-f87fffff]: nothing",
                           "has mapped next", "lacks mappednext"],
                          ["has lowmem[f8000000-f87fffff]", "has mappednext",
                           "lacks not mapped f8000000 is", "has mapped  next x"])

    def test_re(self):
        self.assertChecks(MEMINFO, [r"re ^VmallocUsed: +20 kB$", r"re ^MemTotal:"],
                          [r"re ^VmallocUsed: +21 kB$", r"re ^kB"])

    def test_field_values(self):
        self.assertChecks(MEMINFO,
                          ["field VmallocUsed = 20 kB", "field VmallocUsed: = 20 kB",
                           "field MemTotal ~ \\d+ kB", "field VmallocChunk"],
                          ["field VmallocUsed = 24 kB", "field VmallocUsed = 20",
                           "field VmallocUsed ~ 2 kB", "field Vmalloc", "field SwapTotal",
                           "field MemTotal ~ \\d+"])

    def test_field_rows(self):
        self.assertChecks(BUDDYINFO,
                          ["field Node 0, zone HighMem has 11 numbers",
                           "field Node 0, zone DMA has 11 numbers",
                           "field Node 0, zone HighMem ~ (0 ){5}(1 ){5}287"],
                          ["field Node 0, zone HighMem has 10 numbers",
                           "field Node 0, zone DMA32 has 11 numbers",
                           "field Node 0, zone HighMem ~ (0 ){5}(1 ){5}288"])

    def test_sections(self):
        high = ["in Node 0, zone HighMem", "  in pagesets", "    field high = 186"]
        for text in (ZONEINFO, ZONEINFO_RESPACED):
            self.assertChecks(text,
                              [high, high[:2], high[:1],
                               ["in Node 0, zone HighMem", "  field high = 748"],
                               ["in Node 0, zone DMA", "  in pagesets", "    field high = 0"],
                               ["in Node 0, zone HighMem", "  field protection ~ \\(0, .*\\)"],
                               ["in Node 0, zone HighMem", "  in pagesets", "  field high = 748"]],
                              [high[:2] + ["    field high = 187"],
                               ["in Node 0, zone DMA", "  in pagesets", "    field high = 186"],
                               ["in Node 0, zone DMA", "  field start_pfn = 229376"],
                               ["in Node 0, zone Movable"],
                               ["in Node 0, zone DMA32", "  in pagesets"]])

    def test_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            repo = Path(tmp)
            (repo / "teach").mkdir()
            (repo / "teach" / "a.c").write_text("")

            def files(text):
                cf = parse_checks("$ help\n  files\n", "t.checks", repo)
                return cf.steps[0].checks[0].evaluate(text)[0]
            self.assertTrue(files("group\n  cmd   does this   teach/a.c\n  x y teach/a.c"))
            self.assertFalse(files("group\n  cmd   does this   teach/b.c"))
            self.assertFalse(files("group\n  cmd   does this   teach/a.c\n  cmd2 no file"))
            self.assertFalse(files("  cmd   ../" + repo.name + "/teach/a.c"))
            self.assertFalse(files("group\n"))

    def test_path(self):
        with tempfile.TemporaryDirectory() as tmp:
            repo = Path(tmp)
            (repo / "teach").mkdir()
            (repo / "teach" / "a.c").write_text("")

            def path(text):
                cf = parse_checks("$ help x\n  path file\n", "t.checks", repo)
                return cf.steps[0].checks[0].evaluate(text)[0]
            self.assertTrue(path("usage: x\nfile: teach/a.c"))
            self.assertFalse(path("usage: x\nfile: teach/b.c"))
            self.assertFalse(path("usage: x\nfile: /etc/passwd"))
            self.assertFalse(path("usage: x\nfiles: teach/a.c"))

    def test_width(self):
        self.assertChecks("a" * 80 + "\n\tx", ["width 80", "width 81"], ["width 79"])
        # a tab reaches the next multiple of 8
        self.assertChecks("x" * 73 + "\tyy", ["width 82"], ["width 81"])

    def test_header_width_is_every_step_s_default(self):
        cf = parse_checks("width 80\nboot\n  has a\n$ x\n  has b\n$ y\n  width 200\n",
                          "t.checks")
        widths = [[c.arg for c in st.checks if c.keyword == "width"] for st in cf.steps]
        self.assertEqual(widths, [["80"], ["80"], ["200"]])
        self.assertEqual(cf.plan(), 5)
        wide = "z" * 100
        self.assertFalse(cf.steps[1].checks[-1].evaluate(wide)[0])
        self.assertTrue(cf.steps[2].checks[-1].evaluate(wide)[0])

    def test_covers(self):
        help_text = "group\n  alloc ORDER   take pages\n  free PFN ORDER   give\nhelp NAME: more"
        cf = parse_checks("$ help\n  covers\n$ alloc 3\n$ free 0x10 3\n", "t.checks")
        self.assertTrue(cf.steps[0].checks[0].evaluate(help_text)[0])
        cf = parse_checks("$ help\n  covers\n$ alloc 3\n", "t.checks")
        ok, reasons, _ = cf.steps[0].checks[0].evaluate(help_text)
        self.assertFalse(ok)
        self.assertEqual(reasons, ["never run here: free"])
        cf = parse_checks("$ help\n  covers free\n$ alloc 3\n", "t.checks")
        self.assertTrue(cf.steps[0].checks[0].evaluate(help_text)[0])

    def test_file_format(self):
        cf = parse_checks("# a comment\nrun some name\nmem 128M\nappend demo x=1\n\n"
                          "boot\n  has hello\n$ cat /proc/meminfo\n  # comment\n"
                          "  field MemTotal\n  in a\n    in b\n      has c\n    has d\n"
                          "  has e\n$ typed only\n", "dir/f.checks")
        self.assertEqual((cf.name, cf.mem, cf.append), ("some name", "128M", "demo x=1"))
        self.assertEqual([s.command for s in cf.steps], [None, "cat /proc/meminfo", "typed only"])
        self.assertEqual(cf.plan(), 7)
        titles = [c.title() for c in cf.steps[1].checks]
        self.assertEqual(titles, ["field MemTotal", "in a", "in a: in b", "in a > b: has c",
                                  "in a: has d", "has e"])
        self.assertEqual(cf.steps[1].checks[4].where, "dir/f.checks:14")
        self.assertEqual(parse_checks("$ x\n  has y\n", "some_file.checks").name, "some file")
        cf = parse_checks("qemu -device edu,dma_mask=0xffffffff -d guest_errors\n$ x\n  has y\n",
                          "q.checks")
        self.assertEqual(cf.qemu, ["-device", "edu,dma_mask=0xffffffff", "-d", "guest_errors"])
        self.assertEqual(parse_checks("$ x\n  has y\n", "q.checks").qemu, [])

    def test_mistakes_are_reported_with_their_line(self):
        for text, message in (
                ("$ x\n  hass y\n", "t.checks:2: unknown check 'hass'"),
                ("$ x\n  set 1a (x)\n", "t.checks:2: `set` needs a NAME"),
                ("$ x\n  set a x\n", "t.checks:2: the REGEX of `set` needs exactly one"),
                ("  has y\n", "t.checks:1: a check must be under"),
                ("$ x\n  re (unclosed\n", "t.checks:2: bad regular expression"),
                ("$ x\n  field K ~ [\n", "t.checks:2: bad regular expression"),
                ("$ x\n  has\n", "t.checks:2: `has` needs an argument"),
                ("$ x\n  field K =\n", "t.checks:2: nothing after"),
                ("$ x\n  has y\nmem 2G\n", "t.checks:3: `mem` must come before"),
                ("mem lots\n$ x\n  has y\n", "t.checks:1: `mem` needs a size"),
                ("qemu edu\n$ x\n  has y\n", "t.checks:1: `qemu` needs QEMU options"),
                ("$ x\n  has y\nboot\n", "t.checks:3: `boot` must come before"),
                ("hello\n", "t.checks:1: expected `run`"),
                ("$ x\n", "t.checks: no checks"),
                ("$\n", "t.checks:1: `$` needs a command"),
                ("width wide\n$ x\n  has y\n", "t.checks:1: `width` needs a number")):
            with self.assertRaises(ChecksError, msg=text) as cm:
                parse_checks(text, "t.checks")
            self.assertTrue(str(cm.exception).startswith(message), (text, str(cm.exception)))

    def test_failure_diagnostics(self):
        cf = parse_checks("$ cat /proc/meminfo\n  field VmallocUsed = 24 kB\n", "m.checks")
        (name, ok, diags), = check_cases(cf.steps[0], MEMINFO)
        self.assertFalse(ok)
        self.assertEqual(name, "$ cat /proc/meminfo: field VmallocUsed = 24 kB")
        self.assertEqual(diags[:2], ["m.checks:2: field VmallocUsed = 24 kB",
                                     "VmallocUsed: '20 kB'"])
        self.assertIn("  VmallocUsed:          20 kB", diags)

    def test_the_tree_checks_files_load(self):
        files = find_check_files()
        self.assertTrue(files, "no *.checks file in the tree")
        names = []
        for path in files:
            names.append(load_checks(path).name)  # raises ChecksError with file:line
        self.assertEqual(len(names), len(set(names)), names)


README_SAMPLE = """\
# A README

    kmem386> demo highmem      (an indented block: an illustration, not replayed)

```
kmem386> kmap 0x40000
kmap: pfn 0x40000 -> 0xff801000: pkmap slot 1, count 2 (1 user)
  give it back with: kunmap 0x40000
kmem386> cat /proc/interrupts
           CPU0       CPU1
[...]
TLB:          0          1   TLB shootdowns
kmem386> cat /proc/pkmap
cursor (last_pkmap_nr): 1   flushes: [...]   failed kmaps: 0

```

```
not a session: no prompt on its first line
kmem386> ignored
```

```smp=4
kmem386> oncpu 3 kmap 0x40000
kmap: pfn 0x40000 -> 0xff801000: pkmap slot 1, count 2 (1 user)
```
"""


class ReadmeTest(unittest.TestCase):
    def walks(self):
        return parse_walkthroughs(README_SAMPLE)

    def test_fenced_blocks_at_the_prompt_are_walkthroughs(self):
        walks = self.walks()
        self.assertEqual([w.line for w in walks], [5, 23])
        self.assertEqual([c.text for c in walks[0].commands],
                         ["kmap 0x40000", "cat /proc/interrupts", "cat /proc/pkmap"])
        self.assertEqual(walks[0].commands[0].line, 6)
        self.assertEqual(walks[0].commands[2].expected,
                         ["cursor (last_pkmap_nr): 1   flushes: [...]   failed kmaps: 0"])
        self.assertEqual(dict(walks[0].options), {"mem": "2G", "smp": "1"})
        self.assertEqual(dict(walks[1].options), {"mem": "2G", "smp": "4"})

    def test_a_bad_fence_option_is_an_error_with_its_line(self):
        with self.assertRaisesRegex(ValueError, "README.md:1: .*sockets=2"):
            parse_walkthroughs("```sockets=2\nkmem386> cpus\n```\n")

    def test_same_output_with_other_spacing_matches(self):
        cmd = self.walks()[0].commands[0]
        out = "kmap: pfn 0x40000 ->   0xff801000: pkmap slot 1, count 2 (1 user)\n" \
              "    give it back with: kunmap 0x40000\n"
        self.assertEqual(compare(cmd, out), (True, []))

    def test_another_address_fails_with_a_diff(self):
        cmd = self.walks()[0].commands[0]
        out = "kmap: pfn 0x40000 -> 0xff802000: pkmap slot 2, count 2 (1 user)\n" \
              "  give it back with: kunmap 0x40000"
        ok, diags = compare(cmd, out)
        self.assertFalse(ok)
        self.assertIn("README.md:6", diags[0])
        self.assertTrue(any(d.startswith("+kmap: pfn 0x40000 -> 0xff802000") for d in diags))

    def test_a_skip_line_stands_for_any_lines_even_none(self):
        cmd = self.walks()[0].commands[1]
        head = "           CPU0       CPU1"
        tlb = "TLB:          0          1   TLB shootdowns"
        self.assertTrue(compare(cmd, f"{head}\n  0: 5 3 XT-PIC timer\nLOC: 9 9\n{tlb}")[0])
        self.assertTrue(compare(cmd, f"{head}\n{tlb}")[0])
        self.assertFalse(compare(cmd, f"{head}\n{tlb}\nERR: 0")[0])
        self.assertFalse(compare(cmd, f"{head}\nTLB: 0 2 TLB shootdowns")[0])

    def test_a_skip_inside_a_line_stands_for_any_text_there(self):
        cmd = self.walks()[0].commands[2]
        self.assertTrue(compare(cmd, "cursor (last_pkmap_nr): 1 flushes: 17 failed kmaps: 0")[0])
        self.assertFalse(compare(cmd, "cursor (last_pkmap_nr): 2 flushes: 17 failed kmaps: 0")[0])

    def test_the_readme_has_walkthroughs_and_every_one_parses(self):
        walks = load_walkthroughs()
        self.assertTrue(walks, "README.md has no walkthrough")
        self.assertTrue(all(w.commands for w in walks))
        names = [name for name, _ in readme_runs()]
        self.assertEqual(names[0], "readme walkthroughs")


CASES = (ParserTest, ShellSessionTest, ChecksTest, ReadmeTest)


def _suite():
    suite = unittest.TestSuite()
    for case in CASES:
        suite.addTests(unittest.defaultTestLoader.loadTestsFromTestCase(case))
    return suite


def self_test():
    """`--self-test`: run the tests with unittest's own report."""
    result = unittest.TextTestRunner(verbosity=1).run(_suite())
    return 0 if result.wasSuccessful() else 1


class _Collect(unittest.TestResult):
    """Records each test as a KTAP-like case."""

    def __init__(self):
        super().__init__()
        self.suite = Suite(name="runner")

    @staticmethod
    def _name(test):
        return ".".join(test.id().split(".")[-2:])

    def addSuccess(self, test):
        super().addSuccess(test)
        self.suite.add(self._name(test), True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.suite.add(self._name(test), False, self._exc_info_to_string(err, test).splitlines())

    def addError(self, test, err):
        super().addError(test, err)
        self.suite.add(self._name(test), False, self._exc_info_to_string(err, test).splitlines())

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.suite.cases.append(Case(len(self.suite.cases) + 1, self._name(test), True,
                                     directive=f"SKIP {reason}"))


def run_collected(label, tests, command, suite_name=None):
    """Run unittest tests as one run of `make test`: a case per test."""
    start = time.monotonic()
    collect = _Collect()
    if suite_name:
        collect.suite.name = suite_name
    collect.suite.plan = tests.countTestCases()
    tests.run(collect)
    out = io.StringIO()
    for case in collect.suite.cases:
        print(case.line(), file=out)
        for d in case.diagnostics:
            print("    # " + d, file=out)
    return RunResult(label=label, suites=[collect.suite], output=out.getvalue(),
                     seconds=time.monotonic() - start, command=command)


def run_self_test():
    """The self-test as one run of `make test`: a case per test."""
    return run_collected(SELF_TEST_NAME, _suite(), ["tests/run.py", "--self-test"])
