"""The paced demos: the keys a lecturer presses between sections.

One boot in mode `demo` (the GRUB menu's demo entry, `make demo`), paced as
it is by default: the ex04 walkthrough stops after its first section, a
digit jumps to a section, Enter at the end of ex04 goes on to the highmem
walkthrough, q ends it and the shell's prompt comes.  Then, in the shell,
`demo -p highmem`: a digit, b (back: the section before the one shown,
re-run from its start with the state it needs), n, Enter (CR LF counted
once), and Ctrl-C, which ends the demo as q does.  After each demo the
framework's line says it gave back all it took.
"""

import re

from .expect import ShellError, plain_lines, run_session
from .qemu import qemu_argv

PACE_CHECK = {"name": "demo pacing", "mem": "2G", "append": "demo"}
PAUSE_RE = re.compile(r"-- (?:(\d+)/(\d+): Enter or n next|end of demo (\w+):)[^\n]*-- ")


class Pacer:
    """Keys at the pauses of a paced demo, and what each brought."""

    def __init__(self, session, suite):
        self.session = session
        self.suite = suite

    def pause(self, what):
        """Wait for the next pause: (the text before it, its match)."""
        before, m = self.session.expect(PAUSE_RE, what)
        return plain_lines(before), m

    def key(self, raw, name, want_section, want_texts=(), lacks=()):
        """Press `raw`, then wait for the pause after section want_section.

        want_section is "N/M" or "end NAME"; the case passes if that pause
        comes and the text since the key has every want_texts and no lacks.
        """
        if raw is not None:
            self.session.write(raw)
        try:
            text, m = self.pause(f"the pause after section {want_section}")
        except ShellError as e:
            self.suite.add(name, False, [str(e)])
            raise
        got = f"{m.group(1)}/{m.group(2)}" if m.group(1) else f"end {m.group(3)}"
        missing = [t for t in want_texts if t not in text]
        found = [t for t in lacks if t in text]
        diags = [f"paused after: {got}, expected {want_section}"]
        diags += [f"not found: {t!r}" for t in missing]
        diags += [f"found: {t!r}" for t in found]
        diags += ["output:"] + ["  " + l for l in text.splitlines()[-15:]]
        self.suite.add(name, got == want_section and not missing and not found, diags)
        return text

    def leave(self, raw, name, demo):
        """Press the key that ends the demo: its cleanup line, then on."""
        self.session.write(raw)
        line = f"demo {demo}: gave back all it took"
        try:
            self.session.expect(re.compile(re.escape(line)), f"`{line}`")
            ok, diags = True, []
        except ShellError as e:
            ok, diags = False, [str(e)]
        self.suite.add(name, ok, diags)


def boot_cases(p):
    """Boot mode `demo`: ex04 then highmem, paced, then the prompt."""
    p.key(None, "boot mode demo stops after ex04's first section", "1/8",
          ["[1/8] === Kernel Address Space (a) ==="], ["[2/8]"])
    p.key(b"8", "a digit jumps to that section (8: the last)", "end ex04",
          ["[8/8] === High Memory (h) ==="], ["[2/8]", "[7/8]"])
    p.key(b"\r", "Enter at the end of ex04 goes on to highmem", "1/9",
          ["demo ex04: gave back all it took", "[1/9] alloc_page(GFP_HIGHMEM)"])
    p.leave(b"q", "q ends the highmem demo, which gives back all it took",
            "highmem")
    try:
        p.session.expect_prompt()
        ok, diags = True, []
    except ShellError as e:
        ok, diags = False, [str(e)]
    p.suite.add("the prompt comes after the boot demos", ok, diags)


def shell_cases(p):
    """`demo -p highmem` at the prompt: digits, b, n, Enter, Ctrl-C."""
    p.session.send("demo -p highmem")
    p.key(None, "demo -p stops after the first section", "1/9",
          ["[1/9] alloc_page(GFP_HIGHMEM)"], ["[2/9]"])
    p.key(b"5", "5 runs section 5 from what it needs: kmap, then kunmap",
          "5/9", ["[5/9] kunmap(page): the slot is stale", "pkmap_count[1] = 1"],
          ["[2/9]", "[3/9]", "[4/9]"])
    p.key(b"b", "b goes back to the section before: 4 writes through a new kmap",
          "4/9", ["[4/9] Write a pattern", 'wrote "hello from pfn'], ["[5/9]"])
    p.key(b"n", "n goes on to section 5", "5/9",
          ["[5/9] kunmap(page)", "pkmap_count[1] = 1"])
    p.key(b"\r\n", "Enter (CR LF counted once) goes on to section 6", "6/9",
          ["[6/9] kmap_local_page(page)", 'read at 0xffffe000: "hello from pfn'],
          ["[7/9]"])
    p.leave(b"\x03", "Ctrl-C ends the demo as q does, and it gives back all",
            "highmem")
    try:
        p.session.expect_prompt()
        out = p.session.command("cat /proc/pkmap")
        ok = "0 in use, 0 stale, 1024 free" in out and \
            re.search(r"cursor \(last_pkmap_nr\): 0 ", out) is not None
        diags = ["cat /proc/pkmap:"] + ["  " + l for l in out.splitlines()]
    except ShellError as e:
        ok, diags = False, [str(e)]
    p.suite.add("after the demo: no kmap left, the cursor where it was", ok, diags)


PLAN = 12  # the cases above: 5 at boot, 7 in the shell


def run_demo_pace_check(args):
    """Boot in mode `demo`, paced, and press the keys (see the top)."""

    def body(session, suite, boot_text):
        pacer = Pacer(session, suite)
        boot_cases(pacer)
        shell_cases(pacer)
    argv = qemu_argv(PACE_CHECK["mem"],
                     ["-kernel", args.kernel, "-append", PACE_CHECK["append"]])
    return run_session(PACE_CHECK["name"], argv, args.timeout, "pacing", PLAN, body,
                       first_prompt=False)
