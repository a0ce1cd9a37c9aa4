"""Shell checks from data files: `*.checks`, kept next to the code they check.

Every file matching teach/**/*.checks or tests/**/*.checks is one shell-mode
boot: the runner boots the kernel, types each command at the `kmem386> `
prompt and checks what it printed.  Each check line is one test case, so a
new check is one line in a file and a new file needs no change to the runner.
Checks look at meaning, not layout: a space in expected text matches any
run of spaces, and a field check finds a line by its name and compares the
value after it, so a column that grows wider breaks nothing.

The format ('#' starts a comment line; blank lines are ignored):

    run highmem commands        the run's name (report, --only); default: the file name
    mem 2G                      guest RAM (QEMU -m); default 2G
    append demo demo.pace=none  the kernel command line; default: empty (the shell)
    smp 4                       CPUs (QEMU -smp, e.g. 4 or 4,sockets=4); default 1
    qemu -device edu            more QEMU options (a device); default: none
    iso                         boot the GRUB ISO's default entry (as `make run`)
                                instead of -kernel; `append` is then not used

    boot                        checks on what the kernel printed before its first prompt
      has 1151 MB of highmem

    $ cat /proc/meminfo         type this command; the indented checks look at its output
      field VmallocUsed = 20 kB

The checks, indented under a `boot` or `$` line:

    has TEXT              TEXT appears in the output.  A space in TEXT matches any
                          number of spaces (at least one between two letters or
                          digits, any number, even none, next to punctuation).
    lacks TEXT            TEXT does not appear (same rule for spaces).
    re REGEX              a Python regular expression is found in the output; ^ and $
                          match at the start and end of each line.
    field KEY             a line starts with KEY (after any indent), then an optional
                          ':' and a space or the end of the line.
    field KEY = VALUE     ... and for some such line, the rest of it is VALUE
                          (same rule for spaces).
    field KEY ~ REGEX     ... and the rest of it, with each run of spaces made one
                          space, matches REGEX whole.
    field KEY has N numbers   ... and the rest of it is exactly N whole numbers.
    files                 every indented line ends with the path of a file that
                          exists in the repository (help's file column).
    in HEADER             a section: the first line that starts with HEADER (as for
                          field) and the lines after it that are indented deeper.
                          The checks indented below `in` look only at that section;
                          `in` lines nest.  The `in` line is a check of its own: the
                          section exists.

A `$` line with no checks under it is typed and its output not checked.
Commands run in the order written, in one boot, so state carries from one
command to the next.  A mistake in a file (an unknown keyword, a bad regular
expression) is reported as file:line and fails that run.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import REPO
from .expect import run_session
from .qemu import qemu_argv

CHECK_GLOBS = ("teach/**/*.checks", "tests/**/*.checks")
OUTPUT_LINES = 40  # lines of the checked output shown with a failure

HEADER_WORDS = ("run", "mem", "append", "smp", "iso", "qemu")
CHECK_WORDS = ("has", "lacks", "re", "field", "files", "in")


class ChecksError(Exception):
    """A mistake in a checks file: the message starts with file:line."""


# --- matching --------------------------------------------------------------------


def flex_pattern(text):
    """A regex for `text` in which each run of spaces matches any run of spaces.

    Between two word characters the output needs at least one space (so "a b"
    never matches "ab"); next to punctuation any number, even none.
    """
    parts = re.split(r"([ \t]+)", text.strip())
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(part))
            continue
        before, after = parts[i - 1][-1:], parts[i + 1][:1]
        words = re.match(r"\w", before) and re.match(r"\w", after)
        out.append(r"[ \t]+" if words else r"[ \t]*")
    return "".join(out)


def key_regex(key):
    """Matches a line that starts with `key`: indent, key, optional ':', a space or the end."""
    return re.compile(r"^[ \t]*" + flex_pattern(key) + r"(?:[ \t]*:)?(?=[ \t]|$)")


def indent_of(line):
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip())


def find_section(lines, header):
    """The lines of the section that starts at `header`, or None."""
    rx = key_regex(header)
    for i, line in enumerate(lines):
        if rx.match(line):
            depth, j = indent_of(line), i + 1
            while j < len(lines) and (not lines[j].strip() or indent_of(lines[j]) > depth):
                j += 1
            while j > i + 1 and not lines[j - 1].strip():
                j -= 1
            return lines[i:j]
    return None


def field_values(lines, key):
    """The values of the lines that start with `key` (what follows key and ':')."""
    rx = key_regex(key)
    return [line[m.end():].strip() for line in lines if (m := rx.match(line))]


def squeeze(text):
    return " ".join(text.split())


def _text_test(arg, want):
    rx = re.compile(flex_pattern(arg))

    def test(lines):
        m = rx.search("\n".join(lines))
        if bool(m) == want:
            return True, []
        if want:
            return False, [f"not found: {arg!r}"]
        return False, [f"found: {m.group(0)!r}"]
    return test


def _regex_test(arg, where):
    rx = _compile(arg, re.M, where)

    def test(lines):
        ok = bool(rx.search("\n".join(lines)))
        return ok, [] if ok else [f"no match for /{arg}/"]
    return test


def _compile(pattern, flags, where):
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise ChecksError(f"{where}: bad regular expression {pattern!r}: {e}") from e


def _split_field(arg):
    """(key, op, operand) from `KEY`, `KEY = VALUE`, `KEY ~ REGEX`, `KEY has N numbers`."""
    m = re.search(r" ([=~])(?: |$)", arg)
    if m:
        return arg[:m.start()].strip(), m.group(1), arg[m.end():].strip()
    m = re.fullmatch(r"(.+?) has (\d+) numbers?", arg)
    if m:
        return m.group(1).strip(), "numbers", int(m.group(2))
    return arg.strip(), None, None


def _value_predicate(op, operand, where):
    """A function value -> bool for a field's operator."""
    if op is None:
        return lambda value: True
    if op == "=":
        rx = re.compile(flex_pattern(operand))
        return lambda value: bool(rx.fullmatch(value))
    if op == "~":
        rx = _compile(operand, 0, where)
        return lambda value: bool(rx.fullmatch(squeeze(value)))
    return lambda value: (len(value.split()) == operand
                          and all(re.fullmatch(r"-?\d+", w) for w in value.split()))


def _field_test(arg, where):
    key, op, operand = _split_field(arg)
    if not key.rstrip(":"):
        raise ChecksError(f"{where}: field needs a KEY")
    key = key.rstrip(":").rstrip()
    if op and operand in ("", None):
        raise ChecksError(f"{where}: nothing after {op!r}")
    pred = _value_predicate(op, operand, where)

    def test(lines):
        values = field_values(lines, key)
        if any(pred(v) for v in values):
            return True, []
        if not values:
            return False, [f"no line starts with {key!r}"]
        return False, [f"{key}: {v!r}" for v in values[:5]]
    return test


def _files_test(repo):
    repo = Path(repo).resolve()

    def test(lines):
        rows = [l for l in lines if l[:1] in (" ", "\t") and l.strip()]
        bad = []
        for row in rows:
            path = row.split()[-1]
            parts = Path(path).parts
            if "/" not in path or path.startswith("/") or ".." in parts \
                    or not (repo / path).is_file():
                bad.append(f"{path}: not a file of the repository ({row.strip()})")
        if not rows:
            return False, ["no indented lines"]
        return not bad, bad[:10]
    return test


def _section_test(arg):
    def test(lines):
        ok = find_section(lines, arg) is not None
        return ok, [] if ok else [f"no line starts with {arg!r}"]
    return test


def make_test(keyword, arg, where, repo):
    """The function lines -> (ok, reasons) for one check line."""
    if keyword in ("has", "lacks", "re", "field", "in") and not arg:
        raise ChecksError(f"{where}: `{keyword}` needs an argument")
    if keyword in ("has", "lacks"):
        return _text_test(arg, keyword == "has")
    if keyword == "re":
        return _regex_test(arg, where)
    if keyword == "field":
        return _field_test(arg, where)
    if keyword == "files":
        if arg:
            raise ChecksError(f"{where}: `files` takes no argument")
        return _files_test(repo)
    if keyword == "in":
        return _section_test(arg)
    raise ChecksError(f"{where}: unknown check {keyword!r} (one of: {', '.join(CHECK_WORDS)})")


# --- the data ------------------------------------------------------------------------


@dataclass
class Check:
    """One check line: one test case."""

    keyword: str
    arg: str
    sections: tuple  # the headers of the `in` lines around it, outermost first
    where: str  # "teach/commands/vmalloc.checks:12"
    test: object  # lines -> (ok, reasons)

    def title(self):
        text = f"{self.keyword} {self.arg}".rstrip()
        return (f"in {' > '.join(self.sections)}: " if self.sections else "") + text

    def evaluate(self, text):
        """(ok, reasons, the lines looked at) for this check on `text`."""
        lines = text.split("\n")
        for header in self.sections:
            section = find_section(lines, header)
            if section is None:
                return False, [f"no section starts with {header!r}"], lines
            lines = section
        ok, reasons = self.test(lines)
        return ok, reasons, lines


@dataclass
class Step:
    """`boot` (command None) or a `$ COMMAND` line, and the checks under it."""

    command: str
    where: str
    checks: list = field(default_factory=list)

    def label(self):
        if self.command is None:
            return "boot"
        cmd = self.command if len(self.command) <= 60 else self.command[:57] + "..."
        return f"$ {cmd}"


@dataclass
class CheckFile:
    """A parsed checks file: one boot and its steps."""

    path: Path
    name: str
    mem: str = "2G"
    append: str = ""
    smp: str = "1"
    iso: bool = False
    qemu: list = field(default_factory=list)
    steps: list = field(default_factory=list)

    def plan(self):
        return sum(len(s.checks) for s in self.steps)

    def commands(self):
        return [s.command for s in self.steps if s.command is not None]


def relative(path, repo=REPO):
    try:
        return str(Path(path).resolve().relative_to(repo))
    except ValueError:
        return str(path)


class _Loader:
    """Reads a checks file line by line (see the format at the top)."""

    def __init__(self, path, repo):
        self.repo = repo
        self.name = relative(path, repo)
        self.cf = CheckFile(path=Path(path), name=Path(path).stem.replace("_", " "))
        self.step = None
        self.sections = []  # [(indent, header)] of the open `in` lines

    def header(self, word, rest, where):
        if self.cf.steps:
            raise ChecksError(f"{where}: `{word}` must come before `boot` and the commands")
        if word == "run":
            if not rest:
                raise ChecksError(f"{where}: `run` needs a name")
            self.cf.name = rest
        elif word == "mem":
            if not re.fullmatch(r"\d+[KMGT]?", rest):
                raise ChecksError(f"{where}: `mem` needs a size such as 2G, not {rest!r}")
            self.cf.mem = rest
        elif word == "smp":
            if not re.fullmatch(r"[1-8](,[a-z]+=\d+)*", rest):
                raise ChecksError(f"{where}: `smp` needs 1 to 8 CPUs (e.g. 4,sockets=4), "
                                  f"not {rest!r}")
            self.cf.smp = rest
        elif word == "iso":
            if rest:
                raise ChecksError(f"{where}: `iso` takes nothing after it")
            self.cf.iso = True
        elif word == "qemu":
            if not rest.startswith("-"):
                raise ChecksError(f"{where}: `qemu` needs QEMU options such as "
                                  f"-device edu, not {rest!r}")
            self.cf.qemu = rest.split()
        else:
            self.cf.append = rest

    def top_line(self, text, where):
        word, _, rest = text.partition(" ")
        rest = rest.strip()
        if text.startswith("$"):
            command = text[1:].strip()
            if not command:
                raise ChecksError(f"{where}: `$` needs a command")
            self.open_step(command, where)
        elif text == "boot":
            if self.cf.steps:
                raise ChecksError(f"{where}: `boot` must come before the first command")
            self.open_step(None, where)
        elif word in HEADER_WORDS:
            self.header(word, rest, where)
        else:
            raise ChecksError(f"{where}: expected `run`, `mem`, `append`, `smp`, `iso`, `qemu`, `boot` or "
                              f"`$ COMMAND` (checks are indented under those): {text!r}")

    def open_step(self, command, where):
        self.step = Step(command, where)
        self.cf.steps.append(self.step)
        self.sections = []

    def check_line(self, text, indent, where):
        if self.step is None:
            raise ChecksError(f"{where}: a check must be under a `boot` or `$ COMMAND` line")
        while self.sections and self.sections[-1][0] >= indent:
            self.sections.pop()
        keyword, _, arg = text.partition(" ")
        arg = arg.strip()
        test = make_test(keyword, arg, where, self.repo)
        headers = tuple(h for _, h in self.sections)
        self.step.checks.append(Check(keyword, arg, headers, where, test))
        if keyword == "in":
            self.sections.append((indent, arg))

    def load(self, text):
        for number, raw in enumerate(text.splitlines(), 1):
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                continue
            where = f"{self.name}:{number}"
            indent = indent_of(raw)
            if indent == 0:
                self.top_line(stripped, where)
            else:
                self.check_line(stripped, indent, where)
        if not self.cf.plan():
            raise ChecksError(f"{self.name}: no checks")
        return self.cf


def parse_checks(text, path, repo=REPO):
    """A CheckFile from the text of a checks file; ChecksError on a mistake."""
    return _Loader(path, repo).load(text)


def load_checks(path, repo=REPO):
    try:
        text = Path(path).read_text()
    except (OSError, UnicodeDecodeError) as e:
        raise ChecksError(f"{relative(path, repo)}: cannot read: {e}") from e
    return parse_checks(text, path, repo)


def find_check_files(repo=REPO):
    """Every checks file of the tree, in a stable order."""
    found = {p for pattern in CHECK_GLOBS for p in repo.glob(pattern) if p.is_file()}
    return sorted(found)


# --- running -----------------------------------------------------------------------------


def check_cases(step, text):
    """(name, ok, diagnostics) for each check of a step on its output `text`."""
    cases = []
    for check in step.checks:
        ok, reasons, lines = check.evaluate(text)
        diags = []
        if not ok:
            shown = lines[-OUTPUT_LINES:] if step.command is None else lines[:OUTPUT_LINES]
            part = "the section checked" if check.sections else "the output"
            diags = [f"{check.where}: {check.title()}", *reasons,
                     f"{part} of `{step.label()}` ({len(shown)} of {len(lines)} lines):"]
            diags += ["  " + l for l in shown]
        cases.append((f"{step.label()}: {check.title()}", ok, diags))
    return cases


def run_check_file(cf, args):
    """Boot for a CheckFile, type its commands, one test case per check."""
    if cf.iso:
        boot = ["-cdrom", args.iso, "-boot", "d"]
    else:
        boot = ["-kernel", args.kernel, "-append", cf.append]
    argv = qemu_argv(cf.mem, boot, smp=cf.smp, extra=cf.qemu)

    def body(session, suite, boot_text):
        for step in cf.steps:
            text = boot_text if step.command is None else session.command(step.command)
            for name, ok, diags in check_cases(step, text):
                suite.add(name, ok, diags)
    return run_session(cf.name, argv, args.timeout, "shell", cf.plan(), body)
