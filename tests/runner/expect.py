"""The shell session engine: a conversation with the kernel over COM1.

QEMU's `-serial stdio` is a terminal we type into.  A command is typed with
a CR (as a terminal sends Enter); its output is everything between the echo
of the command after a prompt and the next prompt, so a stray extra prompt
cannot be mistaken for the command's end.  Every wait has one deadline, the
session's timeout; running out of it, or QEMU exiting first, raises
ShellError, which the caller reports as a crash of the run.

run_session() is the frame every shell-mode run uses: boot to the prompt,
let a body record test cases, type `poweroff`, and insist on exit 33.
"""

import codecs
import os
import re
import subprocess
import threading
import time

from .ktap import ANSI_RE, Suite
from .qemu import EXIT_PASS, describe_status
from .report import RunResult

PROMPT = "kmem386> "
SHELL_LINE_MAX = 256  # include/shell.h: longer lines are refused
# The prompt at the start of a line (the GRUB menu shows "(kmem386> prompt)"),
# or right after a terminal escape sequence (`clear` sends ESC [H ESC [2J).
PROMPT_RE = re.compile(r"^(?:\x1b\[[0-9;?]*[A-Za-z])*" + re.escape(PROMPT), re.M)
# GRUB's countdown: pressing Enter boots the default entry without waiting.
GRUB_COUNTDOWN_RE = re.compile(r"will be executed automatically")


class ShellError(Exception):
    """The conversation went wrong: a timeout, or QEMU exited early."""


def plain_lines(text):
    """Terminal output as \\n-separated lines, without CRs or ANSI escapes."""
    return "\n".join(ANSI_RE.sub("", l) for l in text.splitlines())


class ShellSession:
    """A QEMU (or any program) whose stdout/stdin is a terminal we type into.

        with ShellSession(argv, timeout=300) as sh:
            sh.expect(PROMPT_RE)                  # wait for the first prompt
            out = sh.command("cat /proc/version") # type it, wait, its output
            status = sh.poweroff()                # QEMU's exit status

    `timeout` bounds the whole session; every wait raises ShellError when it
    runs out or when the program exits first.  The output is read in a
    background thread; `text()` is everything received so far.
    """

    def __init__(self, argv, timeout, prompt_re=PROMPT_RE):
        self.argv = argv
        self.timeout = timeout
        self.prompt_re = prompt_re
        self.deadline = None
        self.proc = None
        self.pos = 0  # output before this has been consumed by expect()
        self._text = ""
        self._stderr = []
        self._eof = False
        self._cond = threading.Condition()
        self._threads = []

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self):
        self.deadline = time.monotonic() + self.timeout
        try:
            self.proc = subprocess.Popen(
                self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, bufsize=0)
        except OSError as e:
            raise ShellError(f"cannot run {self.argv[0]}: {e}") from e
        for target, stream in ((self._read_stdout, self.proc.stdout),
                               (self._read_stderr, self.proc.stderr)):
            t = threading.Thread(target=target, args=(stream,), daemon=True)
            t.start()
            self._threads.append(t)

    def _read_stdout(self, stream):
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        while True:
            data = os.read(stream.fileno(), 65536)
            with self._cond:
                self._text += decoder.decode(data, final=not data)
                if not data:
                    self._eof = True
                self._cond.notify_all()
            if not data:
                return

    def _read_stderr(self, stream):
        self._stderr.append(stream.read().decode(errors="replace"))

    def text(self):
        with self._cond:
            return self._text

    def stderr(self):
        return "".join(self._stderr)

    def expect(self, pattern, what=None):
        """Wait for `pattern` (a compiled regex) after the last match.

        Returns (text before the match, the match); the next expect() starts
        after it.
        """
        with self._cond:
            while True:
                m = pattern.search(self._text, self.pos)
                if m:
                    before = self._text[self.pos:m.start()]
                    self.pos = m.end()
                    return before, m
                left = self.deadline - time.monotonic()
                what = what or repr(pattern.pattern)
                if self._eof:
                    self.proc.wait()
                    raise ShellError(f"{describe_status(self.proc.returncode)} "
                                     f"while waiting for {what}")
                if left <= 0:
                    raise ShellError(f"timeout after {self.timeout:g} s waiting for {what}")
                self._cond.wait(left)

    def expect_prompt(self):
        return self.expect(self.prompt_re, f"the {PROMPT.strip()!r} prompt")[0]

    def write(self, data):
        """Send raw bytes (keys a terminal would send)."""
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            raise ShellError(f"cannot type {data!r}: {e}") from e

    def send(self, line):
        """Type `line` and Enter (CR, as a terminal sends it)."""
        self.write(line.encode() + b"\r")

    def command(self, line):
        """Type a command at the prompt; return its output (\\n-separated lines).

        Waits for the echo of the command after a prompt (the prompt itself
        may already have been consumed), then the next prompt.
        """
        self.send(line)
        # The shell echoes at most SHELL_LINE_MAX - 1 characters of a line.
        echoed = line[:SHELL_LINE_MAX - 1]
        echo = re.compile(r"(?<=" + re.escape(PROMPT) + r")" + re.escape(echoed) + r"\r?\n")
        self.expect(echo, f"the echo of {line!r}")
        return plain_lines(self.expect_prompt())

    def wait_exit(self):
        """Wait for the program to exit: its status, None on timeout (it is killed)."""
        try:
            return self.proc.wait(timeout=max(0.0, self.deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def poweroff(self):
        """Type `poweroff`; QEMU's exit status (None: it did not exit in time)."""
        self.send("poweroff")
        return self.wait_exit()

    def close(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for t in self._threads:
            t.join(timeout=5)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except OSError:
                pass


def boot_to_prompt(session):
    """Wait for the first prompt; press Enter in GRUB's menu if it shows one."""
    either = re.compile(PROMPT_RE.pattern + "|" + GRUB_COUNTDOWN_RE.pattern, re.M)
    _, m = session.expect(either, f"GRUB's menu or the {PROMPT.strip()!r} prompt")
    if m.group(0) != PROMPT:
        session.send("")  # boot the default entry now
        session.expect_prompt()


def run_session(label, argv, timeout, suite_name, plan, body, cleanup=None,
                first_prompt=True):
    """Boot to the prompt, run body(session, suite, boot_text), power off.

    body() records test cases with suite.add(name, ok, diagnostics); boot_text
    is what the kernel printed before its first prompt (with first_prompt
    False, body() starts at once, with boot_text None: for a boot mode that
    waits for keys before any prompt).  A timeout, QEMU exiting early or a
    poweroff status other than 33 is a crash of the run; cleanup() (if
    given) runs whatever happened.
    """
    suite = Suite(name=suite_name, plan=plan)
    res = RunResult(label=label, suites=[suite], command=argv)
    start = time.monotonic()
    session = ShellSession(argv, timeout)
    try:
        session.start()
        body(session, suite,
             plain_lines(session.expect_prompt()) if first_prompt else None)
        res.status = session.poweroff()
        if res.status != EXIT_PASS:
            res.crashes.append("poweroff: " + describe_status(res.status, timeout))
    except (ShellError, OSError) as e:
        res.crashes.append(str(e))
    finally:
        if cleanup:
            cleanup()
        session.close()
        res.output, res.stderr = session.text(), session.stderr()
        res.status = session.proc.returncode if session.proc else res.status
        res.seconds = time.monotonic() - start
    return res
