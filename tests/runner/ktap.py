"""KTAP version 1 (the format KUnit prints), with one level of subtests.

Kernel lines may carry a printk timestamp, `[    0.015420] `, which is
stripped first; lines that are not KTAP (boot messages, WARN reports) are
ignored:

    KTAP version 1
    1..2                                    <- plan: number of suites
        KTAP version 1
        # Subtest: lib
        1..3                                <- plan: number of cases
        ok 1 lib_case_that_passed
        # tests/kernel/lib_test.c:42: ...   <- diagnostics of the next case
        not ok 2 lib_case_that_failed       <- also "# timeout after 120 s", "# oops"
        ok 3 lib_case_skipped # SKIP why    <- neither passed nor failed
    # lib: pass:1 fail:1 skip:1 total:3
    not ok 1 lib
    ...
    # Totals: pass:1 fail:1 skip:1 total:3

The parser never trusts a report it could not read whole: a missing plan, a
plan with fewer results than it promised, cases out of sequence, a suite
`ok` with a failing case, all become problems, and a run with a problem is a
crash (verdict_problems), never a pass.
"""

import re
from dataclasses import dataclass, field

from .qemu import EXIT_PASS, describe_status

TIMESTAMP_RE = re.compile(r"^\[\s*\d+\.\d+\] ")
ANSI_RE = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])")
VERSION_RE = re.compile(r"^KTAP version \d+$")
PLAN_RE = re.compile(r"^1\.\.(\d+)$")
RESULT_RE = re.compile(r"^(ok|not ok) (\d+)(?: (?:- )?(.*?))?(?: # (.*))?$")
SUB_VERSION_RE = re.compile(r"^    KTAP version \d+$")
SUB_NAME_RE = re.compile(r"^    # Subtest: (.*)$")
SUB_PLAN_RE = re.compile(r"^    1\.\.(\d+)$")
SUB_RESULT_RE = re.compile(r"^    (ok|not ok) (\d+)(?: (?:- )?(.*?))?(?: # (.*))?$")
SUB_DIAG_RE = re.compile(r"^    # ?(.*)$")
SUMMARY_RE = re.compile(r"^# (\S+): pass:\d+ fail:\d+ skip:\d+ total:\d+$")
TOTALS_RE = re.compile(r"^# Totals: (.*)$")
TOP_DIAG_RE = re.compile(r"^# ?(.*)$")
SKIP_RE = re.compile(r"^SKIP\b", re.I)


@dataclass
class Case:
    """One `ok`/`not ok` line of a suite, with the diagnostics before it."""

    number: int
    name: str
    ok: bool
    directive: str = ""  # after " # ": "SKIP reason", "timeout after 120 s", "oops"
    diagnostics: list = field(default_factory=list)

    @property
    def skipped(self):
        return bool(SKIP_RE.match(self.directive))

    @property
    def passed(self):
        return self.ok and not self.skipped

    @property
    def failed(self):
        return not self.ok and not self.skipped

    def line(self):
        text = f"{'ok' if self.ok else 'not ok'} {self.number} {self.name}"
        return text + (f" # {self.directive}" if self.directive else "")


@dataclass
class Suite:
    """A subtest: its plan, its cases and its own result line."""

    name: str = ""
    plan: int = None
    cases: list = field(default_factory=list)
    ok: bool = None  # the result line; None until it is seen
    number: int = None
    trailing: list = field(default_factory=list)  # diagnostics after the last case

    def count(self):
        """(passed, failed, skipped)"""
        return (
            sum(c.passed for c in self.cases),
            sum(c.failed for c in self.cases),
            sum(c.skipped for c in self.cases),
        )

    def add(self, name, ok, diagnostics=()):
        """Record a case the runner judged itself (diagnostics kept on failure)."""
        self.cases.append(Case(len(self.cases) + 1, name, ok,
                               diagnostics=[] if ok else list(diagnostics)))


@dataclass
class Ktap:
    """A parsed KTAP document, and what looked wrong while parsing it."""

    found: bool = False
    plan: int = None
    suites: list = field(default_factory=list)
    diagnostics: list = field(default_factory=list)  # top-level "# ..." lines
    totals: str = None
    problems: list = field(default_factory=list)

    def failures(self):
        return sum(s.count()[1] for s in self.suites)


def clean_line(raw):
    """A serial line without ANSI escapes, trailing blanks or printk timestamp."""
    line = ANSI_RE.sub("", raw).rstrip()
    return TIMESTAMP_RE.sub("", line, count=1)


class _Parser:
    """The state of parse_ktap(): the suite being read and pending diagnostics."""

    def __init__(self):
        self.doc = Ktap()
        self.suite = None  # the subtest being read, until its result line
        self.diags = []  # "    # ..." lines since the previous case line

    def open_suite(self):
        if self.suite is not None:
            self.doc.problems.append(f"suite {self.suite.name or '?'}: no result line")
        self.suite = Suite()
        self.doc.suites.append(self.suite)
        self.diags = []

    def subtest_line(self, line):
        """A line indented as a subtest's; False if it is none of those."""
        if SUB_VERSION_RE.match(line):
            self.open_suite()
        elif m := SUB_NAME_RE.match(line):
            if self.suite is None or self.suite.name or self.suite.cases:
                self.open_suite()
            self.suite.name = m.group(1).strip()
        elif m := SUB_PLAN_RE.match(line):
            if self.suite is None:
                self.open_suite()
            self.suite.plan = int(m.group(1))
        elif m := SUB_RESULT_RE.match(line):
            if self.suite is None:
                self.open_suite()
            self.suite.cases.append(Case(int(m.group(2)), (m.group(3) or "").strip(),
                                         m.group(1) == "ok", (m.group(4) or "").strip(),
                                         self.diags))
            self.diags = []
        elif m := SUB_DIAG_RE.match(line):
            self.diags.append(m.group(1))
        else:
            return False
        return True

    def suite_result(self, m):
        """A top-level `ok N name`: the end of the suite being read."""
        doc, name = self.doc, (m.group(3) or "").strip()
        if self.suite is None:  # a result with no subtest before it
            self.suite = Suite(name=name)
            doc.suites.append(self.suite)
            doc.problems.append(f"suite {name}: a result line with no subtest")
        elif self.suite.name and name and self.suite.name != name:
            doc.problems.append(f"suite {self.suite.name}: result line names {name!r}")
        self.suite.name = self.suite.name or name
        self.suite.ok = m.group(1) == "ok"
        self.suite.number = int(m.group(2))
        self.suite.trailing = self.diags
        self.suite, self.diags = None, []

    def top_line(self, line):
        doc = self.doc
        if VERSION_RE.match(line):
            doc.problems.append("a second top-level KTAP header (did the kernel restart?)")
        elif m := PLAN_RE.match(line):
            if doc.plan is not None:
                doc.problems.append(f"a second top-level plan 1..{m.group(1)}")
            else:
                doc.plan = int(m.group(1))
        elif self.subtest_line(line):
            pass
        elif m := RESULT_RE.match(line):
            self.suite_result(m)
        elif m := TOTALS_RE.match(line):
            doc.totals = m.group(1)
        elif SUMMARY_RE.match(line):
            pass  # "# lib: pass:1 fail:0 skip:0 total:1": we count ourselves
        elif m := TOP_DIAG_RE.match(line):
            doc.diagnostics.append(m.group(1))
        # anything else is not KTAP: boot messages, WARN reports

    def finish(self):
        if self.suite is not None:
            done, planned = len(self.suite.cases), self.suite.plan
            self.doc.problems.append(
                f"suite {self.suite.name or '?'} cut short after {done} of "
                f"{planned if planned is not None else '?'} cases")
        return self.doc


def parse_ktap(text):
    """Parse the first KTAP document in `text` (any other lines are ignored)."""
    parser = _Parser()
    for raw in text.splitlines():
        line = clean_line(raw)
        if not parser.doc.found:
            parser.doc.found = bool(VERSION_RE.match(line))
            continue
        parser.top_line(line)
    return parser.finish()


def ktap_problems(doc):
    """Why this KTAP cannot be trusted as a complete report ([] if it can)."""
    if not doc.found:
        return ["no KTAP output"]
    problems = list(doc.problems)
    if doc.plan is None:
        problems.append("no KTAP plan (1..N)")
    else:
        finished = sum(s.ok is not None for s in doc.suites)
        if finished < doc.plan:
            problems.append(f"plan 1..{doc.plan} but only {finished} suite result(s)")
        elif finished > doc.plan:
            problems.append(f"plan 1..{doc.plan} but {finished} suite results")
    for s in doc.suites:
        name = s.name or "?"
        if s.plan is None:
            problems.append(f"suite {name}: no plan")
        elif len(s.cases) != s.plan and s.ok is not None:
            problems.append(f"suite {name}: plan 1..{s.plan} but {len(s.cases)} result(s)")
        if [c.number for c in s.cases] != list(range(1, len(s.cases) + 1)):
            problems.append(f"suite {name}: case numbers out of sequence")
        failed = s.count()[1]
        if s.ok is True and failed:
            problems.append(f"suite {name}: `ok` with {failed} failing case(s)")
        if s.ok is False and not failed:
            problems.append(f"suite {name}: `not ok` without a failing case")
    return problems


def verdict_problems(doc, status, timeout, pass_status, fail_status):
    """Crash reasons for a run whose KTAP is `doc` and exit status `status`.

    pass_status/fail_status: 33/35 for QEMU, 0/1 for the host test binary.
    The exit status and the KTAP must agree: 33 with a `not ok`, or 35
    without one, means one of them lies.
    """
    reasons = []
    if status not in (pass_status, fail_status):
        reasons.append(describe_status(status, timeout, qemu=pass_status == EXIT_PASS))
    reasons += ktap_problems(doc)
    failures = doc.failures() or any(s.ok is False for s in doc.suites)
    if status == pass_status and failures:
        reasons.append(f"exit {status} (all passed) but the KTAP has `not ok` results")
    if status == fail_status and not failures and not reasons:
        why = "; ".join(doc.diagnostics)
        reasons.append(f"exit {status} (a test failed) but no case failed"
                       + (f" ({why})" if why else ""))
    return reasons
