"""What a run produced, and the report of all runs.

Each finished run prints one line per suite,
`[2G] lib: 12 passed, 0 failed, 1 skipped (3.4 s)`, each failing case with its
diagnostics below it, and for a crash its reason, its command line and the
last 40 lines of its output.  The end of the report lists the crashes and
prints, as the very last line, `N passed, M failed` (totals over every run; a
crash counts as one more failure).  The exit status is 0 only if nothing
failed and something ran.
"""

import time
from dataclasses import dataclass, field
from pathlib import Path

from .ktap import ANSI_RE
from .qemu import shell_quote

TAIL_LINES = 40  # lines of output shown for a crash


@dataclass
class RunResult:
    """What one run (a boot, a host test binary, the self-test) produced."""

    label: str
    suites: list = field(default_factory=list)
    crashes: list = field(default_factory=list)  # reasons; empty = no crash
    seconds: float = 0.0
    output: str = ""  # the serial line (or stdout)
    stderr: str = ""
    command: list = field(default_factory=list)
    status: object = None
    log_path: Path = None

    def counts(self):
        """(passed, failed, skipped); a crash is one more failure."""
        p = f = s = 0
        for suite in self.suites:
            sp, sf, ss = suite.count()
            p, f, s = p + sp, f + sf, s + ss
        return p, f + (1 if self.crashes else 0), s


def output_tail(res, n=TAIL_LINES):
    """The last `n` lines a run printed (serial, then QEMU's stderr)."""
    lines = [ANSI_RE.sub("", l).rstrip() for l in res.output.splitlines()]
    lines += ["(stderr) " + l.rstrip() for l in res.stderr.splitlines()]
    return lines[-n:]


def _suite_lines(res, suite, verbose):
    p, f, s = suite.count()
    lines = [f"[{res.label}] {suite.name or '?'}: {p} passed, {f} failed, "
             f"{s} skipped ({res.seconds:.1f} s)"]
    for case in suite.cases:
        if case.failed:
            lines.append("    " + case.line())
            lines += ["        # " + d for d in case.diagnostics]
        elif verbose:
            lines.append("    " + case.line())
    if suite.ok is False and suite.trailing:
        lines += ["    # " + d for d in suite.trailing]
    return lines


def _crash_lines(res):
    lines = [f"[{res.label}] # crash: {'; '.join(res.crashes)} ({res.seconds:.1f} s)"]
    if res.command:
        lines.append("    command: " + " ".join(shell_quote(a) for a in res.command))
    where = f" (full log: {res.log_path})" if res.log_path else ""
    tail = output_tail(res)
    if tail:
        lines.append(f"    last {len(tail)} lines of output{where}:")
        lines += ["    | " + l for l in tail]
    else:
        lines.append(f"    (no output){where}")
    return lines


def format_result(res, verbose=False):
    """The report of one finished run: a line per suite, failures, crash."""
    lines = []
    for suite in res.suites:
        if res.crashes and not suite.cases:
            continue  # e.g. a shell check that never reached its first command
        lines += _suite_lines(res, suite, verbose)
    if res.crashes:
        lines += _crash_lines(res)
    return "\n".join(lines)


class Report:
    """Totals over the runs as they finish, and the closing summary."""

    def __init__(self, verbose=False):
        self.verbose = verbose
        self.start = time.monotonic()
        self.passed = self.failed = self.skipped = 0
        self.crashed = []

    def add(self, res):
        """Print a finished run's report and count it."""
        print(format_result(res, self.verbose), flush=True)
        p, f, s = res.counts()
        self.passed, self.failed, self.skipped = self.passed + p, self.failed + f, self.skipped + s
        if res.crashes:
            self.crashed.append(res)

    def finish(self, nruns, jobs, log_dir):
        """Print the summary and the `N passed, M failed` line: the exit status."""
        print()
        if self.crashed:
            print(f"crashes ({len(self.crashed)}):")
            for res in self.crashed:
                print(f"  [{res.label}] {'; '.join(res.crashes)}")
        else:
            print("crashes: none")
        if self.skipped:
            print(f"skipped: {self.skipped}")
        print(f"wall time: {time.monotonic() - self.start:.1f} s "
              f"({nruns} run(s), -j {jobs}; logs in {log_dir})")
        if not nruns or self.passed + self.failed == 0:
            print("nothing ran")
            print(f"{self.passed} passed, {self.failed} failed")
            return 1
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        return 0 if self.failed == 0 else 1
