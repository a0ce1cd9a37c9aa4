#!/usr/bin/env python3
"""tools/mkdisk.py - the disk image the page cache's tests and demos read.

    tools/mkdisk.py OUT [--mb 64]

Writes a raw image of MB mebibytes (QEMU: -drive file=OUT,if=virtio,
format=raw) whose every 4 KB block says what it is, so that any reader
(the kernel's tests, the user programs on kmem386 and on Linux, the
runner reading the image after poweroff) can check a block without a
copy of the image:

    bytes 0..31      b"kmem386 disk block 00000123    \\n"  (the block number)
    bytes 32..4095   the letter ord('a') + (block + offset) % 26

The same formula is in tests/kernel/pagecache_test_helpers.c and
user/include/diskpattern.h; change all three together.
"""

import argparse
import os
import re
import sys

BLOCK = 4096
HEADER = 32


_BODIES = [bytes(ord("a") + (r + i) % 26 for i in range(HEADER, BLOCK))
           for r in range(26)]  # the body depends on block % 26 only


def block_bytes(block):
    """The 4096 bytes of block `block` of a fresh image."""
    head = f"kmem386 disk block {block:08d}    \n".encode()
    assert len(head) == HEADER
    return head + _BODIES[block % 26]


EXPECT = re.compile(r"# disk-expect: (\d+) (.*?)\s*$", re.M)
PRISTINE = re.compile(r"# disk-pristine: (\d+)\s*$", re.M)


def header_line(text):
    """A block's first line as the tests write it: text, blanks, newline."""
    return (text[:HEADER - 1].ljust(HEADER - 1) + "\n").encode()


def check_image(path, output):
    """The blocks a boot's output announced, read from the image after it.

    `# disk-expect: BLOCK TEXT` lines say a block must now begin with TEXT
    (and keep the rest of its fresh bytes); `# disk-pristine: BLOCK` that it
    must still be fresh (written, never synced).  Returns [(case name, ok,
    [diagnostics])], one per announced block, in the order announced.
    """
    wanted = [(m.start(), int(m.group(1)), m.group(2)) for m in EXPECT.finditer(output)]
    wanted += [(m.start(), int(m.group(1)), None) for m in PRISTINE.finditer(output)]
    cases = []
    try:
        f = open(path, "rb")
    except OSError as e:
        return [("disk image readable after the boot", False, [str(e)])]
    with f:
        for _, block, text in sorted(wanted):
            f.seek(block * BLOCK)
            got = f.read(BLOCK)
            fresh = block_bytes(block)
            want = fresh if text is None else header_line(text) + fresh[HEADER:]
            name = (f"block {block} still fresh on the disk (never synced)" if text is None
                    else f"block {block} on the disk: {text}")
            ok = got == want
            diag = [] if ok else [f"block {block} begins {got[:HEADER]!r}, "
                                  f"expected {want[:HEADER]!r}"
                                  + ("" if got[:HEADER] != want[:HEADER] else
                                     " (the rest differs)")]
            cases.append((name, ok, diag))
    return cases


def write_image(path, mb):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        for block in range(mb * 1024 * 1024 // BLOCK):
            f.write(block_bytes(block))
    os.replace(tmp, path)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=int, default=64)
    args = ap.parse_args(argv)
    write_image(args.out, args.mb)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
