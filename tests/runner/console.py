"""The console runs: pasted input, line editing, and the PS/2 + VGA console.

These drive the shell with keys rather than whole commands, so they are
code, not data files:
  - a paste of 600 commands (4.8 KB) in one write: the console's input queue
    holds 4 KB, beyond that the UART driver stops reading until the shell
    catches up, so nothing may be lost;
  - the keys a terminal sends for Backspace (DEL), Ctrl-U and the up arrow;
    an escape sequence cut short by Enter (the Enter still ends the line),
    one with parameters (skipped whole); Ctrl-C while a command runs (it
    stops, says so, and the prompt comes back), also one that `oncpu` runs
    on the second CPU;
  - the other console: keys typed on the PS/2 keyboard through QEMU's monitor
    (sendkey), and the VGA text screen read back (pmemsave), to prove that
    what the shell prints reaches VGA text memory as well as COM1; Ctrl-C
    on the keyboard stops a running command too;
  - the lecture hall's keys on that console: a command typed on the PS/2
    keyboard pages its output ("--More--": space, q), Shift-PgUp/PgDn move
    through the scrollback, `clear` clears both screens; a command typed on
    COM1 never waits.
"""

import os
import re
import socket
import time
from pathlib import Path

from .expect import PROMPT, ShellError, run_session
from .qemu import log_name, qemu_argv

PASTE_CHECK = {"name": "pasted script", "mem": "128M", "lines": 600}
EDIT_CHECK = {"name": "line editing", "mem": "128M", "smp": 2}
CONSOLE_CHECK = {"name": "vga and keyboard", "mem": "128M"}
PAGER_CHECK = {"name": "vga pager and scrollback", "mem": "128M"}
VGA_TEXT = 0xB8000  # 80x25 cells of (character, attribute)
JIFFIES_RE = re.compile(r"jiffies: \d+")  # what `ticks` prints
# A command that runs for minutes unless Ctrl-C stops it, and its first row.
LONG_COMMAND = "bench 262144"
LONG_STARTED_RE = re.compile(r"floor: pop \+ push one free-list node")
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
        # The ^C arrives on CPU 0; the command runs on CPU 1 (the foreground).
        session.send("oncpu 1 " + LONG_COMMAND)
        try:
            session.expect(LONG_STARTED_RE, "the first row of oncpu 1 " + LONG_COMMAND)
        except ShellError:
            pass
        keys("Ctrl-C stops a command that oncpu runs on another CPU",
             b"\x03", INTERRUPTED_RE, "bench's interrupted line")
    argv = qemu_argv(EDIT_CHECK["mem"], ["-kernel", args.kernel], smp=EDIT_CHECK["smp"])
    return run_session(EDIT_CHECK["name"], argv, args.timeout, "shell", 8, body)


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
    """The sendkey name of a character (or a name such as shift-pgup)."""
    if len(ch) > 1:
        return ch
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


def run_vga_session(check, args, plan, body):
    """A shell session with QEMU's monitor on a socket: body(vga, session, suite)."""
    sock_path = f"/tmp/kmem386-monitor-{log_name(check['name'])}-{os.getpid()}.sock"
    vga_path = f"/tmp/kmem386-vga-{log_name(check['name'])}-{os.getpid()}.bin"
    monitors = []

    def session_body(session, suite, boot_text):
        monitor = Monitor(sock_path, session.deadline)
        monitors.append(monitor)
        body(VgaConsole(monitor, vga_path, session.deadline), session, suite)

    def cleanup():
        for monitor in monitors:
            monitor.close()
        for path in (sock_path, vga_path):
            try:
                os.unlink(path)
            except OSError:
                pass
    argv = qemu_argv(check["mem"], ["-kernel", args.kernel],
                     monitor=f"unix:{sock_path},server,nowait")
    return run_session(check["name"], argv, args.timeout, "console", plan, session_body,
                       cleanup)


def run_console_check(args):
    """Type on the PS/2 keyboard (QEMU's sendkey) and read the VGA screen."""

    def body(vga, session, suite):
        vga.type("tickx\bs\n")
        session.expect(JIFFIES_RE, "the output of `ticks`")
        session.expect_prompt()
        suite.add("PS/2 keystrokes with a Backspace run `ticks`", True)
        screen = vga.screen()
        text = "\n".join(screen)
        diags = ["VGA text:"] + ["  " + r for r in screen]
        suite.add("the VGA screen shows the typed command", "kmem386> ticks" in text, diags)
        suite.add("the VGA screen shows the command's output", "jiffies:" in text, diags)
        vga.type(LONG_COMMAND + "\n")
        ok = True
        try:
            session.expect(LONG_STARTED_RE, "the first row of " + LONG_COMMAND)
            vga.type(["ctrl-c"])
            session.expect(INTERRUPTED_RE, "bench's interrupted line")
            session.expect_prompt()
        except ShellError:
            ok = False
        suite.add("Ctrl-C on the keyboard stops a running command", ok,
                  ["output:"] + ["  " + l for l in session.text().splitlines()[-12:]])
    return run_vga_session(CONSOLE_CHECK, args, 4, body)


class VgaConsole:
    """The PS/2 keyboard and the VGA screen of one QEMU, through its monitor."""

    def __init__(self, monitor, path, deadline):
        self.monitor, self.path, self.deadline = monitor, path, deadline

    def type(self, keys):
        for key in keys:
            self.monitor.command(f"sendkey {qemu_key(key)}")

    def screen(self):
        self.monitor.command(f'pmemsave {VGA_TEXT} 4000 "{self.path}"')
        return vga_screen(self.path)

    def wait_screen(self, predicate, seconds=15):
        """The screen once predicate(rows) holds, or the last one seen."""
        end = min(self.deadline, time.monotonic() + seconds)
        while True:
            rows = self.screen()
            if predicate(rows) or time.monotonic() > end:
                return rows
            time.sleep(0.05)


def more_shown(rows):
    return any(r.startswith("--More--") for r in rows)


def prompt_at_bottom(rows):
    return rows[-1].startswith("kmem386>") or (rows[-2].startswith("kmem386>") and not rows[-1])


def screen_diags(rows):
    return ["VGA text:"] + ["  |" + r for r in rows]


def pager_cases(vga, session, suite):
    """help typed at the keyboard: a page, --More--, space (each page), the rest."""
    vga.type("help\n")
    rows = vga.wait_screen(more_shown)
    text = "\n".join(rows)
    suite.add("help typed on the keyboard stops at --More-- on the bottom row",
              rows[-1].startswith("--More--"), screen_diags(rows))
    suite.add("the first page keeps the command line in view",
              "kmem386> help" in text and "help NAME:" not in text, screen_diags(rows))
    early = session.text()
    suite.add("COM1 waits with the screen (the end of help is not sent yet)",
              "help NAME: a command" not in early[early.rfind("kmem386> help"):],
              ["COM1 so far:"] + early.splitlines()[-5:])
    # help is more than two screens long: space until its end is shown.
    for _ in range(6):
        before = rows
        vga.type(" ")
        rows = vga.wait_screen(lambda r, b=before: r != b and
                               (more_shown(r) or prompt_at_bottom(r)))
        if not more_shown(rows):
            break
    session.expect(re.compile(r"help NAME: a command"), "the end of help after space")
    session.expect_prompt()
    rows = vga.wait_screen(prompt_at_bottom)
    suite.add("space shows the next page, then the prompt",
              "help NAME: a command" in "\n".join(rows) and not more_shown(rows),
              screen_diags(rows))


def quit_and_scrollback_cases(vga, session, suite):
    """dmesg typed at the keyboard, q; then Shift-PgUp/PgDn; then clear."""
    vga.type("dmesg\n")
    rows = vga.wait_screen(more_shown)
    vga.type("q")
    session.expect(re.compile(r"Freeing unused kernel image"), "the rest of dmesg on COM1")
    session.expect_prompt()
    rows = vga.wait_screen(lambda r: any(x.startswith("kmem386>") for x in r[-3:]))
    text = "\n".join(rows)
    suite.add("q at --More-- drops the rest on the screen (COM1 still gets all)",
              "Freeing unused kernel image" not in text and not more_shown(rows)
              and any(x == "kmem386>" for x in rows[-3:]), screen_diags(rows))
    live = rows
    vga.type(["shift-pgup"])
    rows = vga.wait_screen(lambda r: r != live)
    back = "\n".join(rows)
    suite.add("Shift-PgUp shows older rows: the end of help, above dmesg",
              "help NAME: a command" in back and rows[12:] == live[:13],
              screen_diags(rows))
    vga.type(["shift-pgdn"])
    rows = vga.wait_screen(lambda r: r == live)
    suite.add("Shift-PgDn comes back to the live screen", rows == live, screen_diags(rows))
    vga.type("clear\n")
    rows = vga.wait_screen(lambda r: r[0] == "kmem386>" and not any(r[1:]))
    suite.add("clear leaves the prompt alone at the top of the screen",
              rows[0] == "kmem386>" and not any(rows[1:]), screen_diags(rows))
    raw = session.text()
    suite.add("clear sends ESC [H ESC [2J to COM1", "\x1b[H\x1b[2J" in raw,
              ["COM1 tail: " + repr(raw[-120:])])
    vga.type(["shift-pgup"])
    rows = vga.wait_screen(lambda r: any(r[1:]))
    suite.add("the screen before clear is kept in the scrollback",
              any(x.startswith("kmem386> clear") for x in rows), screen_diags(rows))
    vga.type(["shift-pgdn"])


def run_pager_check(args):
    """Paging, scrollback and clear on the VGA console, keys on the PS/2 keyboard."""

    def body(vga, session, suite):
        pager_cases(vga, session, suite)
        quit_and_scrollback_cases(vga, session, suite)
        # Typed on COM1 (a terminal, or this runner): never paged.
        out = session.command("help")
        rows = vga.screen()
        suite.add("help typed on COM1 runs to the end without --More--",
                  "help NAME: a command" in out and not more_shown(rows),
                  screen_diags(rows))
    return run_vga_session(PAGER_CHECK, args, 11, body)
