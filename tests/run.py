#!/usr/bin/env python3
"""tests/run.py - runs every kmem386 test: `make test` calls this.

    python3 tests/run.py --kernel build/kernel.elf --iso build/kmem386.iso \
        --host-tests build/host/lib_tests

The runner itself is the package tests/runner/ (its __init__.py says which
file does what); shell checks are the `*.checks` files under teach/ and
tests/ (tests/runner/checks.py describes their format).  --list shows the
runs, --help the options.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from runner.cli import main  # noqa: E402 - after the path is set

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
