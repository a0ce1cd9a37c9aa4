"""The console runs: pasted input, line editing, and the PS/2 + VGA console.

These drive the shell with keys rather than whole commands, so they are
code, not data files:
  - a paste of 600 commands (4.8 KB) in one write: the console's input queue
    holds 4 KB, beyond that the UART driver stops reading until the shell
    catches up, so nothing may be lost;
  - the keys a terminal sends for Backspace (DEL), Ctrl-U and the up arrow;
    an escape sequence cut short by Enter (the Enter still ends the line),
    one with parameters (skipped whole); Ctrl-C while a command runs (it
    stops, says so, and the prompt comes back);
  - the other console: keys typed on the PS/2 keyboard through QEMU's monitor
    (sendkey), and the VGA text screen read back (pmemsave), to prove that
    what the shell prints reaches VGA text memory as well as COM1; Ctrl-C
    on the keyboard stops a running command too.
"""

import os
import re
import socket
import time
from pathlib import Path

from .expect import PROMPT, ShellError, run_session
from .qemu import qemu_argv

PASTE_CHECK = {"name": "pasted script", "mem": "128M", "lines": 600}
EDIT_CHECK = {"name": "line editing", "mem": "128M"}
CONSOLE_CHECK = {"name": "vga and keyboard", "mem": "128M"}
VGA_TEXT = 0xB8000  # 80x25 cells of (character, attribute)
JIFFIES_RE = re.compile(r"jiffies: \d+")  # what `ticks` prints
# A command that runs for minutes unless Ctrl-C stops it, and its first row.
LONG_COMMAND = "bench 262144"
LONG_STARTED_RE = re.compile(r"bench: floor_freelist per_op")
INTERRUPTED_RE = re.compile(r"bench: interrupted by Ctrl-C")


def run_paste_check(args):
    """Paste 600 commands in one write: every one must run."""
    n = PASTE_CHECK["lines"]

    def body(session, suite, boot_text):
        session.write(b"cmdline\r" * n + b"echo-done\r")
        session.expect(re.compile(r"unknown command: echo-done"), "the end of the paste")
        ran = session.text().count(PROMPT + "cmdline\r\n")
        suite.add(f"all {n} pasted commands ran", ran == n,
                  [f"{ran} of {n} commands were echoed at a prompt"])
        session.expect_prompt()
    argv = qemu_argv(PASTE_CHECK["mem"], ["-kernel", args.kernel])
    return run_session(PASTE_CHECK["name"], argv, args.timeout, "console", 1, body)


def run_edit_check(args):
    """Keys a terminal sends: DEL (Backspace), Ctrl-U, up arrow (ESC [ A)."""

    def body(session, suite, boot_text):
        def keys(name, raw, expect, what):
            session.write(raw)
            try:
                session.expect(expect, what)
                session.expect_prompt()
                ok = True
            except ShellError:
                ok = False
            suite.add(name, ok,
                      ["output:"] + ["  " + l for l in session.text().splitlines()[-12:]])
        keys("Backspace (DEL) erases: tickq DEL s runs ticks",
             b"tickq\x7fs\r", JIFFIES_RE, "ticks' output")
        keys("Ctrl-U erases the line: xyz ^U ticks runs ticks",
             b"xyz\x15ticks\r", JIFFIES_RE, "ticks' output")
        session.send("cmdline")
        session.expect_prompt()
        keys("Up arrow recalls the last line (cmdline)",
             b"\x1b[A\r", re.compile(r"cmdline\r?\n"), "the recalled cmdline")
        keys("Up arrow twice goes one further back (ticks)",
             b"\x1b[A\x1b[A\r", JIFFIES_RE, "ticks' output")
        keys("An escape cut short by Enter: ticks ESC CR still runs ticks",
             b"ticks\x1b\r", JIFFIES_RE, "ticks' output")
        keys("A sequence with parameters (ESC [ 1 ; 5 C) is skipped whole",
             b"\x1b[1;5Cticks\r", JIFFIES_RE, "ticks' output")
        session.send(LONG_COMMAND)
        try:
            session.expect(LONG_STARTED_RE, "the first row of " + LONG_COMMAND)
        except ShellError:
            pass  # the check below fails with the output
        keys("Ctrl-C stops a running command, which says so",
             b"\x03", INTERRUPTED_RE, "bench's interrupted line")
    argv = qemu_argv(EDIT_CHECK["mem"], ["-kernel", args.kernel])
    return run_session(EDIT_CHECK["name"], argv, args.timeout, "shell", 7, body)


class Monitor:
    """QEMU's human monitor on a Unix socket: sendkey, pmemsave."""

    def __init__(self, path, deadline):
        self.sock = socket.socket(socket.AF_UNIX)
        while True:
            try:
                self.sock.connect(path)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise ShellError("QEMU's monitor socket never appeared")
                time.sleep(0.05)
        self.sock.settimeout(5)
        self.read_until("(qemu) ")

    def read_until(self, marker):
        data = b""
        while marker.encode() not in data:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ShellError("QEMU's monitor closed")
            data += chunk
        return data.decode(errors="replace")

    def command(self, line):
        self.sock.sendall(line.encode() + b"\n")
        return self.read_until("(qemu) ")

    def close(self):
        self.sock.close()


def qemu_key(ch):
    """The sendkey name of a character."""
    names = {" ": "spc", "-": "minus", "/": "slash", ".": "dot", "\n": "ret",
             "\b": "backspace", "=": "equal"}
    if ch in names:
        return names[ch]
    return f"shift-{ch.lower()}" if ch.isupper() else ch


def vga_screen(path):
    """The text of a saved 80x25 VGA buffer, one string per row."""
    data = Path(path).read_bytes()
    return ["".join(chr(data[(r * 80 + c) * 2]) for c in range(80)).rstrip()
            for r in range(25)]


def run_console_check(args):
    """Type on the PS/2 keyboard (QEMU's sendkey) and read the VGA screen."""
    sock_path = f"/tmp/kmem386-monitor-{os.getpid()}.sock"
    vga_path = f"/tmp/kmem386-vga-{os.getpid()}.bin"
    monitors = []

    def body(session, suite, boot_text):
        monitor = Monitor(sock_path, session.deadline)
        monitors.append(monitor)
        for ch in "tickx\bs\n":
            monitor.command(f"sendkey {qemu_key(ch)}")
        session.expect(JIFFIES_RE, "the output of `ticks`")
        session.expect_prompt()
        suite.add("PS/2 keystrokes with a Backspace run `ticks`", True)
        monitor.command(f'pmemsave {VGA_TEXT} 4000 "{vga_path}"')
        screen = vga_screen(vga_path)
        text = "\n".join(screen)
        diags = ["VGA text:"] + ["  " + r for r in screen]
        suite.add("the VGA screen shows the typed command", "kmem386> ticks" in text, diags)
        suite.add("the VGA screen shows the command's output", "jiffies:" in text, diags)
        for ch in LONG_COMMAND + "\n":
            monitor.command(f"sendkey {qemu_key(ch)}")
        ok = True
        try:
            session.expect(LONG_STARTED_RE, "the first row of " + LONG_COMMAND)
            monitor.command("sendkey ctrl-c")
            session.expect(INTERRUPTED_RE, "bench's interrupted line")
            session.expect_prompt()
        except ShellError:
            ok = False
        suite.add("Ctrl-C on the keyboard stops a running command", ok,
                  ["output:"] + ["  " + l for l in session.text().splitlines()[-12:]])

    def cleanup():
        for monitor in monitors:
            monitor.close()
        for path in (sock_path, vga_path):
            try:
                os.unlink(path)
            except OSError:
                pass
    argv = qemu_argv(CONSOLE_CHECK["mem"], ["-kernel", args.kernel],
                     monitor=f"unix:{sock_path},server,nowait")
    return run_session(CONSOLE_CHECK["name"], argv, args.timeout, "console", 4, body, cleanup)
