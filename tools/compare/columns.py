"""tools/compare/columns.py - two texts side by side, 80 columns each (python3, stdlib only).

    rows = align(left_lines, right_lines, key=meminfo_key)
    print("\\n".join(side_by_side(rows, "kmem386", "Linux 6.1")))

align() pairs the lines of two versions of one view: lines with the same
key (a /proc/meminfo field, a zone's field in /proc/zoneinfo, a boot line
with its numbers taken out) go on one row, in the order both texts share
(difflib finds the longest common run of keys); a line only one side has
gets a row of its own with the other side empty.  side_by_side() lays the
rows out in two columns of WIDTH characters with a bar between them: a line
too wide for its column has its runs of spaces squeezed first, then is
wrapped at a word boundary with a deeper indent, so no character is lost.
"""

import difflib
import re

WIDTH = 80
GAP = " | "
# A number: 0x..., a word of hex digits with a digit in it (00036bfe), or digits.
NUMBER_RE = re.compile(r"0x[0-9a-fA-F]+|\b[0-9a-fA-F]*\d[0-9a-fA-F]*\b|(?<![A-Za-z0-9])\d+(?:\.\d+)?")


def numbers_out(line):
    """The line with every number a `#` and its spaces squeezed."""
    return " ".join(NUMBER_RE.sub("#", line).split())


def boot_key(line):
    """A boot line's first three words, numbers out: `Built # zonelists,`."""
    return " ".join(numbers_out(line).split()[:3])


def align(left, right, key=numbers_out, exact_first=False):
    """[(left line or None, right line or None)] with equal keys on one row.

    exact_first: lines equal as text pair up first, and keys align only
    what lies between them (boot logs: the same line twice with other
    numbers must not steal the partner of the one that is identical).
    """
    if not exact_first:
        return align_by_keys(left, right, [key(l) for l in left], [key(r) for r in right])
    rows = []
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += list(zip(left[i1:i2], right[j1:j2]))
        else:
            rows += align(left[i1:i2], right[j1:j2], key)
    return rows


def align_by_keys(left, right, lkeys, rkeys):
    """align() with the keys given, one per line (zoneinfo's depend on context)."""
    rows = []
    matcher = difflib.SequenceMatcher(None, lkeys, rkeys, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += list(zip(left[i1:i2], right[j1:j2]))
        else:  # unmatched lines: each on a row of its own, left side first
            rows += [(l, None) for l in left[i1:i2]]
            rows += [(None, r) for r in right[j1:j2]]
    return rows


def fit(line, width=WIDTH, indent=4):
    """A line as one or more lines of at most `width` characters, nothing lost."""
    line = line.rstrip().expandtabs(8)
    if len(line) <= width:
        return [line]
    lead = len(line) - len(line.lstrip())
    squeezed = " " * lead + " ".join(line.split())
    if len(squeezed) <= width:
        return [squeezed]
    pad = " " * min(lead + indent, width // 2)
    out, cur = [], " " * lead
    for word in squeezed.split():
        sep = " " if cur.strip() else ""
        if len(cur) + len(sep) + len(word) <= width:
            cur += sep + word
            continue
        if cur.strip():
            out.append(cur)
            cur = pad
        while len(cur) + len(word) > width:  # longer than a line: cut it
            room = width - len(cur)
            out.append(cur + word[:room])
            word, cur = word[room:], pad
        cur += word
    if cur.strip():
        out.append(cur)
    return out


def side_by_side(rows, left_title, right_title, width=WIDTH):
    """The rows as text lines: a title row, a rule, then each row fitted to its column."""
    out = [f"{left_title:<{width}}{GAP}{right_title}".rstrip(),
           f"{'-' * width}{GAP.replace(' ', '-')}{'-' * width}"]
    for left, right in rows:
        lcell = fit(left, width) if left is not None else [""]
        rcell = fit(right, width) if right is not None else [""]
        for i in range(max(len(lcell), len(rcell))):
            l = lcell[i] if i < len(lcell) else ""
            r = rcell[i] if i < len(rcell) else ""
            out.append(f"{l:<{width}}{GAP}{r}".rstrip())
    return out


def wrap_note(text, width=2 * WIDTH + len(GAP), lead="  * "):
    """A note under a table: wrapped to the width of both columns, hanging indent."""
    out, cur = [], lead
    for word in text.split():
        if len(cur) + len(word) + 1 > width and cur.strip() != lead.strip():
            out.append(cur.rstrip())
            cur = " " * len(lead)
        cur += ("" if cur.endswith(" ") else " ") + word
    out.append(cur.rstrip())
    return out


# --- keys: what makes two lines "the same line" in each view ------------------

def meminfo_key(line):
    """`MemTotal:  2079484 kB` -> `MemTotal`."""
    return line.split(":", 1)[0].strip()


def zoneinfo_keys(lines):
    """A key per /proc/zoneinfo line: its zone and its field, numbers out."""
    keys, zone = [], ""
    for line in lines:
        m = re.match(r"^Node \d+, zone\s+(\S+)", line)
        if m:
            zone = m.group(1)
        field = re.match(r"^\s*([A-Za-z_][A-Za-z_ ]*?)\s*(?::|\s\d|\s\(|$)", line)
        keys.append(f"{zone}/{field.group(1) if field else numbers_out(line)}")
    return keys
