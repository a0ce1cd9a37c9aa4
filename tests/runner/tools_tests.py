"""The host tests of tools/: the picture renderer, the two-column formatter.

Every tools/*/test_*.py is a unittest module of the tool beside it (no
QEMU: fixed inputs, checked outputs).  They run inside `make test` as the
run `tools self-test`, a case per test, and alone with
`python3 -m unittest discover -s tools/pictures` (one folder at a time).
"""

import unittest

from . import REPO
from .selftest import run_collected

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
    res = run_collected(TOOLS_TEST_NAME, tools_suite(),
                        ["python3", "-m", "unittest", "discover", "-s", "tools/<tool>"],
                        suite_name="tools")
    if not res.suites[0].plan:
        res.crashes.append("no tests found under tools/*/test_*.py")
    return res
