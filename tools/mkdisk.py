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
