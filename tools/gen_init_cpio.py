#!/usr/bin/env python3
"""tools/gen_init_cpio.py - an initramfs (cpio "newc") from a list of files.

The same input and output as Linux's usr/gen_init_cpio: one entry a line,

    # a comment
    file <name> <location> <mode> <uid> <gid>     a regular file, copied
    dir <name> <mode> <uid> <gid>                  a directory
    nod <name> <mode> <uid> <gid> <dev_type> <maj> <min>   b or c device
    slink <name> <target> <mode> <uid> <gid>       a symbolic link
    pipe <name> <mode> <uid> <gid>                 a named pipe
    sock <name> <mode> <uid> <gid>                 a socket

with modes in octal, and the archive in the "new ASCII" format the kernel
unpacks (init/initramfs.c): per entry a 110-byte header, "070701" then
thirteen 8-digit hex fields (ino, mode, uid, gid, nlink, mtime, filesize,
devmajor, devminor, rdevmajor, rdevminor, namesize with its NUL, check 0),
the name and its NUL padded to 4 bytes, the data padded to 4 bytes; the
archive ends with an entry named TRAILER!!! and is padded to 512 bytes.
As gen_init_cpio does, names lose their leading '/', inodes count up from
721, devmajor:devminor is 3:1 on every entry, and `-t TIME` fixes every
mtime (the default here is 0, so the same list gives the same bytes).

Usage: gen_init_cpio.py [-t TIME] [-o OUT] LIST...   (LIST "-": stdin)
Python 3 standard library only.  --self-test checks the writer against
a parser of the format.
"""

import argparse
import os
import stat
import sys

MAGIC = b"070701"
FIRST_INO = 721
TRAILER = "TRAILER!!!"

TYPES = {  # entry -> (file type bits, number of fields after the keyword)
    "file": (stat.S_IFREG, 5),
    "dir": (stat.S_IFDIR, 4),
    "nod": (None, 7),
    "slink": (stat.S_IFLNK, 5),
    "pipe": (stat.S_IFIFO, 4),
    "sock": (stat.S_IFSOCK, 4),
}


class ListError(Exception):
    """A line of the list that cannot be turned into an entry."""


def pad4(n):
    return (4 - n % 4) % 4


class Writer:
    """Appends newc entries to a bytearray."""

    def __init__(self, mtime=0):
        self.out = bytearray()
        self.ino = FIRST_INO
        self.mtime = mtime

    def entry(self, name, mode, uid=0, gid=0, nlink=1, data=b"", rdev=(0, 0),
              ino=None):
        name = name.lstrip("/") or "."
        raw = name.encode() + b"\0"
        if ino is None:
            ino, self.ino = self.ino, self.ino + 1
        fields = [ino, mode, uid, gid, nlink, self.mtime, len(data), 3, 1,
                  rdev[0], rdev[1], len(raw), 0]
        if name == TRAILER:
            fields[7:9] = [0, 0]
        self.out += MAGIC + b"".join(b"%08X" % f for f in fields)
        self.out += raw + b"\0" * pad4(110 + len(raw))
        self.out += data + b"\0" * pad4(len(data))

    def finish(self):
        self.entry(TRAILER, 0, ino=0)
        self.out += b"\0" * ((512 - len(self.out) % 512) % 512)
        return bytes(self.out)


def add_line(writer, words, where):
    kind = words[0]
    if kind not in TYPES:
        raise ListError(f"{where}: unknown entry type {kind!r}")
    ftype, nfields = TYPES[kind]
    if len(words) - 1 < nfields:
        raise ListError(f"{where}: {kind} needs {nfields} fields, got {len(words) - 1}")
    name = words[1]
    try:
        if kind == "file":
            location, mode, uid, gid = words[2], *words[3:6]
            with open(location, "rb") as f:
                data = f.read()
            writer.entry(name, ftype | int(mode, 8), int(uid), int(gid), data=data)
        elif kind == "slink":
            target, mode, uid, gid = words[2], *words[3:6]
            writer.entry(name, ftype | int(mode, 8), int(uid), int(gid),
                         data=target.encode())
        elif kind == "nod":
            mode, uid, gid, dev, major, minor = words[2:8]
            if dev not in ("b", "c"):
                raise ListError(f"{where}: device type must be b or c, got {dev!r}")
            ftype = stat.S_IFBLK if dev == "b" else stat.S_IFCHR
            writer.entry(name, ftype | int(mode, 8), int(uid), int(gid),
                         rdev=(int(major), int(minor)))
        else:  # dir, pipe, sock
            mode, uid, gid = words[2:5]
            writer.entry(name, ftype | int(mode, 8), int(uid), int(gid),
                         nlink=2 if kind == "dir" else 1)
    except ValueError as e:
        raise ListError(f"{where}: {e}") from None
    except OSError as e:
        raise ListError(f"{where}: {e}") from None


def build(lists, mtime=0):
    """The archive for the list files' lines (a ListError names a bad line)."""
    writer = Writer(mtime)
    for path in lists:
        text = sys.stdin.read() if path == "-" else open(path).read()
        for n, line in enumerate(text.splitlines(), 1):
            words = line.split()
            if words and not words[0].startswith("#"):
                add_line(writer, words, f"{path}:{n}")
    return writer.finish()


def parse(archive):
    """[(name, mode, data, (rdevmajor, rdevminor))] of a newc archive."""
    out, off = [], 0
    while True:
        if archive[off:off + 6] != MAGIC:
            raise ValueError(f"no newc magic at offset {off}")
        f = [int(archive[off + 6 + 8 * i: off + 14 + 8 * i], 16) for i in range(13)]
        namesize, filesize = f[11], f[6]
        name = archive[off + 110: off + 110 + namesize - 1].decode()
        off += 110 + namesize + pad4(110 + namesize)
        data = archive[off: off + filesize]
        off += filesize + pad4(filesize)
        if name == TRAILER:
            return out
        out.append((name, f[1], data, (f[9], f[10])))


def self_test():
    import tempfile
    import unittest

    class CpioTest(unittest.TestCase):
        def test_round_trip(self):
            with tempfile.TemporaryDirectory() as d:
                src = os.path.join(d, "f")
                with open(src, "wb") as f:
                    f.write(b"hello\n")
                lst = os.path.join(d, "list")
                with open(lst, "w") as f:
                    f.write(f"# c\ndir /etc 0755 0 0\nfile /etc/f {src} 0644 0 0\n"
                            "slink /bin/sh busybox 0777 0 0\n"
                            "nod /dev/null 0666 0 0 c 1 3\n")
                archive = build([lst])
            self.assertEqual(len(archive) % 512, 0)
            got = parse(archive)
            self.assertEqual([g[0] for g in got], ["etc", "etc/f", "bin/sh", "dev/null"])
            self.assertEqual(got[0][1], stat.S_IFDIR | 0o755)
            self.assertEqual(got[1][2], b"hello\n")
            self.assertEqual(got[2][2], b"busybox")
            self.assertEqual(got[3][1], stat.S_IFCHR | 0o666)
            self.assertEqual(got[3][3], (1, 3))
            self.assertEqual(archive[:14], b"070701000002D1")  # ino 721

        def test_bad_lines(self):
            w = Writer()
            with self.assertRaisesRegex(ListError, "unknown entry type"):
                add_line(w, ["link", "a", "b"], "x:1")
            with self.assertRaisesRegex(ListError, "needs 4 fields"):
                add_line(w, ["dir", "/a"], "x:2")
            with self.assertRaisesRegex(ListError, "x:3"):
                add_line(w, ["file", "/a", "/nonexistent/file", "0644", "0", "0"], "x:3")
            with self.assertRaisesRegex(ListError, "b or c"):
                add_line(w, ["nod", "/a", "0644", "0", "0", "x", "1", "1"], "x:4")

    suite = unittest.defaultTestLoader.loadTestsFromTestCase(CpioTest)
    return 0 if unittest.TextTestRunner(verbosity=1).run(suite).wasSuccessful() else 1


def main(argv):
    ap = argparse.ArgumentParser(description="cpio newc initramfs from a gen_init_cpio list")
    ap.add_argument("lists", nargs="*", metavar="LIST")
    ap.add_argument("-o", "--output", help="the archive (default: stdout)")
    ap.add_argument("-t", "--mtime", type=int, default=0, help="every entry's mtime")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    if not args.lists:
        ap.error("no list file")
    try:
        archive = build(args.lists, args.mtime)
    except ListError as e:
        print(f"gen_init_cpio: {e}", file=sys.stderr)
        return 1
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "wb") as f:
            f.write(archive)
        os.replace(tmp, args.output)
    else:
        sys.stdout.buffer.write(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
