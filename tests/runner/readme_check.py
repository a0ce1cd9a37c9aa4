"""The README's walkthroughs, replayed: what it shows must be what a session shows.

A walkthrough in README.md is a fenced code block whose first line starts
at the prompt, `kmem386> `; each such line is a command, and the lines
after it, up to the next command, are its output as the README shows it:

    ```
    kmem386> kmap 0x40000
    kmap: pfn 0x40000 -> 0xff801000: pkmap slot 1, count 2 (1 user)
      give it back with: kunmap 0x40000
    ```

One boot (-m 2G, the shell) replays every walkthrough in the order of the
README, typing `reset` before each one (a walkthrough starts from the state
after boot, in any order: that is what `reset` is for), and compares each
command's output with the README's, a test case per command.  A fence may
name the boot a walkthrough needs, as `key=value` words after the fence
(```smp=4, ```mem=128M smp=2): the walkthroughs that name the same boot
share another one, in their README order.  The comparison:
  - by meaning: runs of blanks count as one blank, trailing blanks none;
  - `[...]` on a line of its own stands for any number of lines (none too):
    output the README leaves out;
  - `[...]` inside a line stands for any text in that line: a number that
    depends on the boot (a time, a count of interrupts).
Everything else must match, addresses, pfns and slots first: `reset` makes
those repeatable, so a README that shows them must show the right ones.
Indented code blocks are never replayed: they illustrate, they are no
session.
"""

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import REPO
from .expect import run_session
from .qemu import qemu_argv

README_CHECK = {"name": "readme walkthroughs", "mem": "2G", "path": "README.md"}
PROMPT = "kmem386> "
SKIP = "[...]"  # README's mark for output it leaves out
FENCE_RE = re.compile(r"^\s*(```+|~~~+)")
RESET_OK = "reset: as after boot"


@dataclass
class Command:
    """One command of a walkthrough and the output the README shows."""

    line: int  # README line of the command
    text: str  # what is typed
    expected: list = field(default_factory=list)


@dataclass
class Walkthrough:
    line: int  # README line of the fence
    options: tuple = ()  # (("mem", "2G"), ("smp", "4")): the boot it needs
    commands: list = field(default_factory=list)


BOOT_KEYS = ("mem", "smp")  # what a fence may set


def _fence_options(fence, number):
    """The boot a fence names: (("mem", M), ("smp", N)); ValueError if bad."""
    words = fence.strip().lstrip("`~").split()
    opts = dict(zip(BOOT_KEYS, (README_CHECK["mem"], "1")))
    for word in words:
        key, eq, value = word.partition("=")
        if key not in BOOT_KEYS or not eq or not value:
            raise ValueError(f"README.md:{number}: a walkthrough's fence takes "
                             f"mem=SIZE and smp=N, not {word!r}")
        opts[key] = value
    return tuple(opts.items())


def parse_walkthroughs(text):
    """The walkthroughs of a README (see the top), in order."""
    found, block, start, fence = [], None, None, None
    for number, raw in enumerate(text.splitlines(), 1):
        if FENCE_RE.match(raw):
            if block is None:
                block, start, fence = [], number, raw
            else:
                walk = _walkthrough(block, start, fence)
                if walk:
                    found.append(walk)
                block = None
            continue
        if block is not None:
            block.append((number, raw))
    return found


def _walkthrough(body, start, fence):
    """A Walkthrough from a fenced block's lines, or None if it is none."""
    first = next(((n, l) for n, l in body if l.strip()), None)
    if first is None or not first[1].startswith(PROMPT):
        return None
    walk = Walkthrough(line=start, options=_fence_options(fence, start))
    for number, raw in body:
        if raw.startswith(PROMPT):
            walk.commands.append(Command(number, raw[len(PROMPT):].strip()))
        else:
            walk.commands[-1].expected.append(raw)
    for cmd in walk.commands:
        while cmd.expected and not cmd.expected[-1].strip():
            cmd.expected.pop()
    return walk


def _squeeze(line):
    return " ".join(line.split())


def _line_regex(line):
    """The regex an expected line matches: blanks squeezed, [...] any text."""
    parts = [re.escape(_squeeze(p)) for p in line.split(SKIP)]
    return re.compile(r".*".join(parts))


def _matches(expected, actual):
    """Does `actual` (lines) read as `expected` (lines, with [...] marks)?"""
    exp = [l for l in expected]
    act = [_squeeze(l) for l in actual]
    while act and not act[-1]:
        act.pop()
    memo = {}

    def match(i, j):
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(exp):
            ok = j == len(act)
        elif exp[i].strip() == SKIP:
            ok = any(match(i + 1, k) for k in range(j, len(act) + 1))
        else:
            ok = j < len(act) and bool(_line_regex(exp[i]).fullmatch(act[j])) and \
                match(i + 1, j + 1)
        memo[(i, j)] = ok
        return ok
    return match(0, 0)


def compare(cmd, output):
    """(ok, diagnostics) for a command's output against the README's."""
    actual = output.split("\n")
    if _matches(cmd.expected, actual):
        return True, []
    diff = difflib.unified_diff([_squeeze(l) for l in cmd.expected],
                                [_squeeze(l) for l in actual],
                                "README.md", "the session", lineterm="", n=2)
    return False, [f"README.md:{cmd.line}: `{cmd.text}` printed something else "
                   "(blanks squeezed; - README, + session):", *list(diff)[2:42]]


def load_walkthroughs(path=None):
    path = Path(path or REPO / README_CHECK["path"])
    return parse_walkthroughs(path.read_text())


def run_name(options):
    """The run of the walkthroughs that need this boot."""
    extra = [f"{k}={v}" for k, v in options
             if v != dict(zip(BOOT_KEYS, (README_CHECK["mem"], "1")))[k]]
    return " ".join([README_CHECK["name"], *extra])


def readme_runs():
    """[(run name, boot options)], one per boot the walkthroughs need.

    The default boot always runs: a README without walkthroughs fails it.
    A README that cannot be read or parsed is a run that fails.
    """
    try:
        walks = load_walkthroughs()
    except (OSError, ValueError):
        walks = []
    groups = [tuple(dict(zip(BOOT_KEYS, (README_CHECK["mem"], "1"))).items())]
    for walk in walks:
        if walk.options not in groups:
            groups.append(walk.options)
    return [(run_name(g), g) for g in groups]


def run_readme_check(args, options):
    """Boot as `options` say, and for each walkthrough that needs that boot:
    `reset`, then its commands, compared."""
    error = None
    try:
        walks = [w for w in load_walkthroughs() if w.options == options]
    except (OSError, ValueError) as e:
        walks, error = [], str(e)
    plan = 1 + sum(1 + len(w.commands) for w in walks)

    def body(session, suite, boot_text):
        suite.add("README.md has walkthroughs for this boot (fenced blocks at the prompt)",
                  bool(walks), [error or "no fenced block starts with `kmem386> `"])
        for walk in walks:
            out = session.command("reset")
            suite.add(f"README.md:{walk.line}: reset before the walkthrough",
                      RESET_OK in out, ["reset printed:"] + ["  " + l for l in out.split("\n")])
            for cmd in walk.commands:
                ok, diags = compare(cmd, session.command(cmd.text))
                suite.add(f"README.md:{cmd.line}: $ {cmd.text}", ok, diags)
    opts = dict(options)
    argv = qemu_argv(opts["mem"], ["-kernel", args.kernel], smp=opts["smp"])
    return run_session(run_name(options), argv, args.timeout, "readme", plan, body)
