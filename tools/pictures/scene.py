"""tools/pictures/scene.py - a few shell commands that give a picture something to show.

Right after boot the vmalloc area is empty and every pkmap slot is free,
so `make pictures` and the runner's map check (tests/runner/map_check.py)
first type these commands at the kmem386> prompt, as a lecturer would:

    vmalloc 100000         a 25-page area (and its guard page)
    vmalloc 1M             a 256-page area
    vmalloc 64K            a 16-page area ...
    vfree ADDR             ... freed at once: it waits for the lazy purge
    alloc 0 highmem        a highmem page (PFN read from the output)
    kmap PFN               pkmap slot 1, in use
    alloc 0 highmem        a second one
    kmap PFN2, kunmap PFN2 pkmap slot 2, stale (unmapped, not yet flushed)

play() takes a function that types a command and returns its output, so
it works with any shell session; it returns the commands it typed and
what it learnt (the addresses and PFNs), for the pictures' captions.
"""

import re

VMALLOC_RE = re.compile(r"^vmalloc: \d+ bytes at (0x[0-9a-f]+)-", re.M)
ALLOC_RE = re.compile(r"^\s*pfn (0x[0-9a-f]+)-", re.M)


class SceneError(Exception):
    """A command did not print what the scene needs from it."""


def _find(rx, text, cmd):
    m = rx.search(text)
    if not m:
        raise SceneError(f"`{cmd}` printed no {rx.pattern!r}:\n{text}")
    return m.group(1)


def play(command):
    """Type the scene through command(line) -> output; ([commands], {facts})."""
    typed, facts = [], {}

    def run(line):
        typed.append(line)
        return command(line)

    run("vmalloc 100000")
    run("vmalloc 1M")
    lazy = _find(VMALLOC_RE, run("vmalloc 64K"), "vmalloc 64K")
    run(f"vfree {lazy}")
    facts["unpurged"] = lazy
    pfn = _find(ALLOC_RE, run("alloc 0 highmem"), "alloc 0 highmem")
    run(f"kmap {pfn}")
    facts["kmapped"] = pfn
    stale = _find(ALLOC_RE, run("alloc 0 highmem"), "alloc 0 highmem")
    run(f"kmap {stale}")
    run(f"kunmap {stale}")
    facts["stale"] = stale
    return typed, facts
