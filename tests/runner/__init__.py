"""The kmem386 host test runner (python3, standard library only).

`make test` runs `python3 tests/run.py --kernel build/kernel.elf --iso
build/kmem386.iso --host-tests build/host/lib_tests`; its exit status is the
verdict, 0 only if nothing failed.  The package, one file per job:

  cli.py        the command line, the list of runs, the thread pool (-j N)
  matrix.py     the ktest boots (memory sizes, boot options), the GRUB ISO
                boot, the host unit-test binary
  qemu.py       QEMU's command line, timeouts, exit codes, log files
  ktap.py       the KTAP v1 parser and how a run's exit status must agree with it
  expect.py     the shell session engine: type, wait for the prompt, power off
  checks.py     shell checks from `*.checks` data files under teach/ and tests/
  console.py    the console runs: pasted input, line editing, PS/2 + VGA
  bench_mode.py the `bench bench.iters=2` boot (bench.py parses its rows)
  report.py     a line per suite, the crash list, `N passed, M failed`
  selftest.py   the runner's own tests (they run in `make test` too)
  linux.py      the user programs on Debian's Linux (tests/linux_check.py)

A run that the kernel did not finish cleanly (a wrong exit status, short
KTAP, a timeout, QEMU gone mid-session) is a crash: one failure, reported
with the reason, the command line and the tail of its output; every run's
full output goes to build/test-logs/<name>.log.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]  # the top of the tree
