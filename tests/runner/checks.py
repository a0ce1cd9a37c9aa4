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
    initrd                      boot with the user programs' initramfs (--initrd,
                                build/user/initramfs.cpio), as `make run-kernel`
    disk                        with a virtio disk: a fresh copy of build/disk.img
                                (--disk), as `make run DISK=1`
    width 80                    every step gets a `width 80` check (below), unless it
                                has a `width` check of its own

    boot                        checks on what the kernel printed before its first prompt
      has 1151 MB of highmem

    $ cat /proc/meminfo         type this command; the indented checks look at its output
      field VmallocUsed = 20 kB

The checks, indented under a `boot` or `$` line:

    has TEXT              TEXT appears in the output.  A space in TEXT matches any
                          number of spaces (at least one between two letters or
                          digits, any number, even none, next to punctuation), or
                          a line break with the indent after it: the consoles
                          wrap long lines at 80 columns, and that is layout too.
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
                          exists in the repository.
    path KEY              a line starts with KEY (as for field) and what follows is
                          the path of a file that exists in the repository
                          (`help NAME`'s "file:" line).
    width N               no line is wider than N columns (tabs every 8): what an
                          N-column screen shows without wrapping.
    covers [NAME...]      every command the output names (the first word of each
                          indented line, as `help` lists them) is typed by some `$`
                          line of this file: the file runs every command there is.
                          The NAMEs are excused (poweroff ends every session anyway).
    in HEADER             a section: the first line that starts with HEADER (as for
                          field) and the lines after it that are indented deeper.
                          The checks indented below `in` look only at that section;
                          `in` lines nest.  The `in` line is a check of its own: the
                          section exists.
    set NAME REGEX        the regular expression (with one group) is found in the
                          output, and the group is kept as NAME: a later command
                          line may use it as {NAME} (`set pfn pfn (0x[0-9a-f]+)`,
                          then `$ free {pfn} 0`), for values no file can know.

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

HEADER_WORDS = ("run", "mem", "append", "smp", "iso", "width", "qemu", "initrd", "disk")
CHECK_WORDS = ("has", "lacks", "re", "field", "files", "path", "width", "covers", "in", "set")


class ChecksError(Exception):
    """A mistake in a checks file: the message starts with file:line."""


# --- matching --------------------------------------------------------------------


def flex_pattern(text, wrapped=False):
    """A regex for `text` in which each run of spaces matches any run of spaces.

    Between two word characters the output needs at least one space (so "a b"
    never matches "ab"); next to punctuation any number, even none.  With
    `wrapped`, a line break (and the hanging indent after it) counts as a run
    of spaces: where a console wrapped a long line.
    """
    blank = r"[ \t]*(?:\n[ \t]*)?" if wrapped else r"[ \t]*"
    some = r"(?:[ \t]+|[ \t]*\n[ \t]*)" if wrapped else r"[ \t]+"
    parts = re.split(r"([ \t]+)", text.strip())
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(part))
            continue
        before, after = parts[i - 1][-1:], parts[i + 1][:1]
        words = re.match(r"\w", before) and re.match(r"\w", after)
        out.append(some if words else blank)
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
    rx = re.compile(flex_pattern(arg, wrapped=True))

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


def _path_test(key, repo):
    repo = Path(repo).resolve()
    rx = key_regex(key)

    def test(lines):
        values = [line[m.end():].strip() for line in lines if (m := rx.match(line))]
        if not values:
            return False, [f"no line starts with {key!r}"]
        bad = []
        for value in values:
            parts = Path(value).parts
            if not value or value.startswith("/") or ".." in parts \
                    or not (repo / value).is_file():
                bad.append(f"{key}: {value!r} is not a file of the repository")
        return not bad, bad
    return test


def _width_test(arg, where):
    if not re.fullmatch(r"\d+", arg):
        raise ChecksError(f"{where}: `width` needs a number of columns, not {arg!r}")
    cols = int(arg)

    def test(lines):
        wide = [l for l in lines if len(l.expandtabs(8)) > cols]
        reasons = [f"{len(l.expandtabs(8))} columns: {l!r}" for l in wide[:5]]
        if len(wide) > 5:
            reasons.append(f"... {len(wide) - 5} more")
        return not wide, reasons
    return test


def _covers_test(commands, excused):
    """`commands()` is the file's command lines, known once it is loaded."""
    def test(lines):
        named = [l.split()[0] for l in lines if l[:1] in (" ", "\t") and l.strip()]
        typed = {c.split()[0] for c in commands()} | set(excused)
        missing = [n for n in named if n not in typed]
        if not named:
            return False, ["no indented lines name a command"]
        return not missing, [f"never run here: {', '.join(missing)}"] if missing else []
    return test


def _section_test(arg):
    def test(lines):
        ok = find_section(lines, arg) is not None
        return ok, [] if ok else [f"no line starts with {arg!r}"]
    return test


def _set_test(arg, where):
    """Finds REGEX; its group becomes the variable NAME (test.var, test.value)."""
    name, _, pattern = arg.partition(" ")
    if not re.fullmatch(r"[A-Za-z_]\w*", name) or not pattern.strip():
        raise ChecksError(f"{where}: `set` needs a NAME and a REGEX")
    rx = _compile(pattern.strip(), re.M, where)
    if rx.groups != 1:
        raise ChecksError(f"{where}: the REGEX of `set` needs exactly one group")

    def test(lines):
        m = rx.search("\n".join(lines))
        test.value = m.group(1) if m else None
        return bool(m), [] if m else [f"no match for /{pattern.strip()}/"]
    test.var, test.value = name, None
    return test


def substitute(command, variables, where):
    """`command` with each {NAME} replaced by the value `set` kept."""
    def value(m):
        if m.group(1) not in variables:
            raise ChecksError(f"{where}: {{{m.group(1)}}} was not set by an earlier `set`")
        return variables[m.group(1)]
    return re.sub(r"\{([A-Za-z_]\w*)\}", value, command)


def make_test(keyword, arg, where, repo, commands=None):
    """The function lines -> (ok, reasons) for one check line.

    `commands` returns the command lines of the file (for `covers`).
    """
    if keyword in ("has", "lacks", "re", "field", "in", "path", "width", "set") and not arg:
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
    if keyword == "path":
        return _path_test(arg.rstrip(":").rstrip(), repo)
    if keyword == "width":
        return _width_test(arg, where)
    if keyword == "covers":
        return _covers_test(commands or (lambda: []), arg.split())
    if keyword == "set":
        return _set_test(arg, where)
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
    initrd: bool = False  # boot with the user programs' initramfs
    disk: bool = False  # with a copy of the virtio disk image
    width: str = None  # a `width` check for every step without one
    width_where: str = None
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
        elif word == "width":
            _width_test(rest, where)  # the same mistakes, reported here
            self.cf.width, self.cf.width_where = rest, where
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
        elif word == "initrd":
            if rest:
                raise ChecksError(f"{where}: `initrd` takes nothing after it")
            self.cf.initrd = True
        elif word == "disk":
            if rest:
                raise ChecksError(f"{where}: `disk` takes nothing after it")
            self.cf.disk = True
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
            raise ChecksError(f"{where}: expected `run`, `mem`, `append`, `smp`, `iso`, `width`, `qemu`, "
                              "`initrd`, `disk`, `boot` or "
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
        test = make_test(keyword, arg, where, self.repo, self.cf.commands)
        headers = tuple(h for _, h in self.sections)
        self.step.checks.append(Check(keyword, arg, headers, where, test))
        if keyword == "in":
            self.sections.append((indent, arg))

    def add_default_width(self):
        """The header's `width N` for every step that has no width check."""
        if self.cf.width is None:
            return
        for step in self.cf.steps:
            if not any(c.keyword == "width" for c in step.checks):
                step.checks.append(Check("width", self.cf.width, (), self.cf.width_where,
                                         _width_test(self.cf.width, self.cf.width_where)))

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
        self.add_default_width()
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


def run_steps(cf, session, suite, boot_text):
    """Type each command of `cf` (with {NAME}s replaced), record its checks."""
    variables = {}
    for step in cf.steps:
        if step.command is None:
            text = boot_text
        else:
            try:
                text = session.command(substitute(step.command, variables, step.where))
            except ChecksError as e:
                for check in step.checks:
                    suite.add(f"{step.label()}: {check.title()}", False, [str(e)])
                continue
        for name, ok, diags in check_cases(step, text):
            suite.add(name, ok, diags)
        for check in step.checks:
            if check.keyword == "set" and check.test.value is not None:
                variables[check.test.var] = check.test.value


def run_check_file(cf, args):
    """Boot for a CheckFile, type its commands, one test case per check."""
    if cf.iso:
        boot = ["-cdrom", args.iso, "-boot", "d"]
    else:
        boot = ["-kernel", args.kernel, "-append", cf.append]
        if cf.initrd:
            boot += ["-initrd", getattr(args, "initrd", "build/user/initramfs.cpio")]
    extra = list(cf.qemu)
    image = None
    if cf.disk:
        from . import disk as diskmod
        image = diskmod.fresh_copy(getattr(args, "disk", "build/disk.img"))
        extra += diskmod.drive_args(image)
    argv = qemu_argv(cf.mem, boot, smp=cf.smp, extra=extra)

    def body(session, suite, boot_text):
        run_steps(cf, session, suite, boot_text)
    try:
        return run_session(cf.name, argv, args.timeout, "shell", cf.plan(), body)
    finally:
        if image:
            diskmod.remove(image)
