"""The host tests of tools/: the picture renderer, the two-column formatter.

Every tools/*/test_*.py is a unittest module of the tool beside it (no
QEMU: fixed inputs, checked outputs).  They run inside `make test` as the
run `tools self-test`, a case per test, and alone with
`python3 -m unittest discover -s tools/pictures` (one folder at a time).
"""

import io
import time
import unittest

from . import REPO
from .report import RunResult
from .selftest import _Collect

TOOLS_TEST_NAME = "tools self-test"
TOOLS_DIR = REPO / "tools"


def tools_suite():
    """Every test of tools/*/test_*.py, each folder's modules importable by name."""
    suite = unittest.TestSuite()
    for folder in sorted({p.parent for p in TOOLS_DIR.glob("*/test_*.py")}):
        suite.addTests(unittest.defaultTestLoader.discover(
            str(folder), pattern="test_*.py", top_level_dir=str(folder)))
    return suite


def run_tools_tests():
    """The tools' tests as one run of `make test`: a case per test."""
    start = time.monotonic()
    collect = _Collect()
    collect.suite.name = "tools"
    tests = tools_suite()
    collect.suite.plan = tests.countTestCases()
    tests.run(collect)
    out = io.StringIO()
    for case in collect.suite.cases:
        print(case.line(), file=out)
        for d in case.diagnostics:
            print("    # " + d, file=out)
    res = RunResult(label=TOOLS_TEST_NAME, suites=[collect.suite], output=out.getvalue(),
                    seconds=time.monotonic() - start,
                    command=["python3", "-m", "unittest", "discover", "-s", "tools"])
    if not collect.suite.plan:
        res.crashes.append("no tests found under tools/*/test_*.py")
    return res
