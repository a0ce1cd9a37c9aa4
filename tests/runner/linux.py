"""The user programs on Debian's real Linux 686: every case must pass.

The boot, the KTAP collection and the comparison live in
tests/linux_check.py (it is also a command of its own, `make linux` and
`make bench-linux` use it); this file only turns its plain results into the
runner's suites and cases.
"""

import importlib.util

from . import REPO
from .ktap import Case, Suite
from .report import RunResult

LINUX_CHECK = "user programs on Linux"


def load_linux_check():
    """tests/linux_check.py as a module."""
    path = REPO / "tests" / "linux_check.py"
    spec = importlib.util.spec_from_file_location("kmem386_linux_check", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_linux_check(args):
    """Boot Debian's Linux with the user programs and collect their KTAP."""
    suites, crashes, out, seconds, argv = load_linux_check().run_check(args.linux_dir,
                                                                       args.timeout)
    res = RunResult(label=LINUX_CHECK, output=out, seconds=seconds, command=argv,
                    crashes=list(crashes))
    for name, cases in suites:
        suite = Suite(name=name, plan=len(cases), ok=all(ok for _, ok, _, _ in cases))
        suite.cases = [Case(i, case, ok, "", [] if ok else diags)
                       for i, (case, ok, _, diags) in enumerate(cases, 1)]
        res.suites.append(suite)
    return res
