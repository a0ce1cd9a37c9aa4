"""The virtio disk of the page cache's boots: a fresh copy of build/disk.img
per boot (tools/mkdisk.py makes it), attached as QEMU's -drive if=virtio,
and after the boot the blocks its output announced (`# disk-expect:`,
`# disk-pristine:` lines) read back from the copy: what the kernel wrote,
and what it must not have, as the host sees it after poweroff.
"""

import os

from .ktap import Case, Suite
from .linux import load_linux_check

DISK_SUITE = "disk image after poweroff"
_linux_check = []  # tests/linux_check.py, loaded once: the helpers live there


def helpers():
    """tests/linux_check.py, which has the disk helpers both runs use."""
    if not _linux_check:
        _linux_check.append(load_linux_check())
    return _linux_check[0]


def fresh_copy(image):
    """A private copy of the pristine image (the caller removes it), or None."""
    return helpers().disk_copy(image)


def drive_args(path):
    return helpers().drive_args(path)


def image_suite(path, output):
    """The runner's suite for the announced blocks (None if none was)."""
    if not path:
        return None
    cases = helpers().mkdisk().check_image(path, output)
    if not cases:
        return None
    suite = Suite(name=DISK_SUITE, plan=len(cases), ok=all(ok for _, ok, _ in cases))
    suite.cases = [Case(i, name, ok, "", diags)
                   for i, (name, ok, diags) in enumerate(cases, 1)]
    return suite


def remove(path):
    if not path:
        return
    try:
        os.unlink(path)
    except OSError:
        pass
