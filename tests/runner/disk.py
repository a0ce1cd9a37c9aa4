"""The virtio disk of the page cache's boots: a fresh copy of build/disk.img
per boot (tools/mkdisk.py makes it), attached as QEMU's -drive if=virtio,
and after the boot the blocks its output announced (`# disk-expect:`,
`# disk-pristine:` lines) read back from the copy: what the kernel wrote,
and what it must not have, as the host sees it after poweroff.
"""

import importlib.util
import os
import shutil
import tempfile

from . import REPO
from .ktap import Case, Suite

DISK_SUITE = "disk image after poweroff"


def mkdisk():
    """tools/mkdisk.py as a module (its pattern and check_image())."""
    spec = importlib.util.spec_from_file_location("kmem386_mkdisk",
                                                  REPO / "tools" / "mkdisk.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fresh_copy(image):
    """A private copy of the pristine image (the caller removes it)."""
    fd, path = tempfile.mkstemp(prefix="kmem386-disk-", suffix=".img")
    os.close(fd)
    shutil.copyfile(image, path)
    return path


def drive_args(path):
    return ["-drive", f"file={path},if=virtio,format=raw"]


def image_suite(path, output):
    """The runner's suite for the announced blocks (None if none was)."""
    cases = mkdisk().check_image(path, output)
    if not cases:
        return None
    suite = Suite(name=DISK_SUITE, plan=len(cases), ok=all(ok for _, ok, _ in cases))
    suite.cases = [Case(i, name, ok, "", diags)
                   for i, (name, ok, diags) in enumerate(cases, 1)]
    return suite


def remove(path):
    try:
        os.unlink(path)
    except OSError:
        pass
