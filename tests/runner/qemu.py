"""Starting QEMU and other programs: command lines, timeouts, exit codes, logs.

The kernel leaves QEMU through `-device isa-debug-exit,iobase=0xf4`, and QEMU
then exits with (value << 1) | 1: 33 = every test passed (0x10), 35 = a test
failed (0x11), 37 = panic or oops (0x12).  Any other status (QEMU's own 0 or
1, a signal, a timeout) is never a verdict of the kernel, so a caller treats
it as a crash of the run.  Every run's output is kept in a log file, with how
it was started and how it ended, because a crash report shows only its tail.
"""

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

QEMU = "qemu-system-i386"

EXIT_PASS = 33  # isa-debug-exit value 0x10
EXIT_FAIL = 35  # 0x11
EXIT_PANIC = 37  # 0x12


def accel():
    """QEMU's accelerator: TCG unless ACCEL says otherwise (nested KVM crashes guests)."""
    return os.environ.get("ACCEL") or "tcg"


def qemu_argv(mem, boot_args, monitor="none", smp=1, extra=()):
    """QEMU's command line for one boot; `boot_args` says what to boot.

    `smp` is QEMU's -smp value (a CPU count, or "4,sockets=4"); with more
    than one CPU under TCG each CPU gets a host thread of its own (MTTCG,
    which QEMU allows for i386 guests), so they really run at once.
    `extra` are more QEMU options (devices: "-device", "edu").
    """
    how = accel()
    if how == "tcg" and int(str(smp).split(",")[0]) > 1:
        how = "tcg,thread=multi"
    return [QEMU, "-accel", how, "-m", mem, "-smp", str(smp),
            *boot_args,
            "-display", "none", "-serial", "stdio", "-monitor", monitor,
            "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            *extra]


def run_process(argv, timeout, merge_stderr=False):
    """Run to completion, stdin from /dev/null: (stdout, stderr, status or None).

    A run that outlives `timeout` is killed; what it printed until then is
    kept, and its status is None.
    """
    try:
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE)
    except OSError as e:
        return "", f"cannot run {argv[0]}: {e}", 127
    try:
        out, err = proc.communicate(timeout=timeout)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()  # keeps what was read before the kill
        status = None
    return (out or b"").decode(errors="replace"), (err or b"").decode(errors="replace"), status


def describe_status(status, timeout=None, qemu=True):
    """A human reading of a process exit status (None: it timed out)."""
    if status is None:
        return f"timeout after {timeout:g} s"
    if status < 0:
        try:
            return f"killed by signal {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    if not qemu:
        return f"exit status {status}"
    if status == 0:
        return "exit status 0 (QEMU quit without an isa-debug-exit verdict: a triple fault?)"
    if status == 1:
        return "exit status 1 (QEMU failed; see its stderr)"
    if status == EXIT_PANIC:
        return "kernel panic/oops (exit 37)"
    if status & 1:
        return f"exit status {status} (isa-debug-exit value {status >> 1:#x}, not a verdict)"
    return f"exit status {status}"


def shell_quote(arg):
    """`arg` as a POSIX shell would need it, to paste a failing command."""
    return arg if re.fullmatch(r"[\w@%+=:,./-]+", arg) else "'" + arg.replace("'", "'\\''") + "'"


def log_name(label):
    """A file name for a run's label ("2G vmalloc=256M" -> "2G_vmalloc_256M")."""
    return re.sub(r"[^A-Za-z0-9._+-]+", "_", label).strip("_") or "run"


def last_wall_time(log_dir, name):
    """How long the run took last time (its log's trailer), or None."""
    try:
        text = (Path(log_dir) / (log_name(name) + ".log")).read_text(errors="replace")
    except OSError:
        return None
    m = re.search(r"^wall time: (\d+(?:\.\d+)?) s$", text[-4096:], re.M)
    return float(m.group(1)) if m else None


def write_log(res, log_dir, name):
    """The run's full output, then how it was started and how it ended."""
    path = Path(log_dir) / (log_name(name) + ".log")
    trailer = ["", "----- test runner -----",
               "command: " + " ".join(shell_quote(a) for a in res.command),
               "exit status: " + ("timeout" if res.status is None else str(res.status)),
               f"wall time: {res.seconds:.1f} s"]
    if res.crashes:
        trailer.append("crash: " + "; ".join(res.crashes))
    if res.stderr:
        trailer += ["----- stderr -----", res.stderr.rstrip()]
    try:
        path.write_text(res.output + "\n".join(trailer) + "\n", errors="replace")
        res.log_path = path
    except OSError as e:
        print(f"warning: cannot write {path}: {e}", file=sys.stderr)
