"""The boots: the ktest matrix, the GRUB ISO, and the host unit tests.

Each MATRIX entry is one QEMU boot, `-kernel KERNEL -append "ktest APPEND"`
(`ktest=FILTER` with --suite): the kernel runs its suites, prints KTAP on COM1
and leaves QEMU through isa-debug-exit; the exit status and the KTAP must
agree.  The sizes cover no highmem (16M-896M), the classic 896 MB boundary,
highmem up to the 3.5 GB PCI hole (3583M is the most QEMU keeps below 4 GB),
and RAM above 4 GB (from 3584M QEMU puts the rest there, which a non-PAE
kernel cannot reach); the options are the ones that change the layout.
`bogus_option` checks that unknown options are reported and ignored.
Between 896M and 1G, highmem is a few MB (900M: 4 MB, 960M, 1000M): the
suites must hold or skip with a reason there too; those boots also carry
options that are legal but unusual and do not interact with the size:
`slub_debug=F,nosuch` (debugging for a cache nobody has: no cache at all)
and `mem=0` (refused, as Linux refuses it: all RAM is used).  The debug
options run the suites too, in one boot as they do not interact:
`debug_pagealloc=on` (free pages unmapped, no PSE) and `kmemleak=on` (every
cache on its checked paths; the suite `kmemleak` plants leaks and finds
them, and finds none left by the suites before it), with two CPUs so
that kmemleak reads another CPU's stack and per-CPU area.  The `smp` boots run
the same suites with 2, 4 and 8 CPUs.

QEMU's edu device (`qemu: [...]`) is on the boots that exercise the DMA
API against a device: its DMA engine reaches 28 bits, so at 2G and up
highmem and most of lowmem must be bounced, at 128M or 16M nothing is;
one boot widens its mask (`dma_mask=0xffffffff`, `edu.dma_bits=32`) where
no bounce may happen (the 2G `-smp 4` boot, so that it adds no boot); the
boots without it check that its driver says the device is absent and the
edu suite skips.

The virtio disk (`disk`: a fresh copy of build/disk.img each) is on the
boots that run the page cache and reclaim suites for real: 2G and 128M
(highmem and none), 2G at -smp 4, and 256M highmem=64M at -smp 4 (a
small highmem zone); elsewhere those suites skip.  After such a boot the
blocks its output announced are read back from the copy (tests/runner/
disk.py).

The ISO run is the real GRUB boot path: the default entry (the shell), then
`test ISO_SUITE` typed at the prompt, then `poweroff`.
"""

import os
import time

from . import disk as diskmod
from .expect import ShellError, ShellSession, boot_to_prompt
from .ktap import ktap_problems, parse_ktap, verdict_problems
from .qemu import EXIT_FAIL, EXIT_PASS, describe_status, qemu_argv, run_process
from .report import RunResult

EDU = ["-device", "edu"]

MATRIX = [
    {"name": "16M", "mem": "16M", "append": "", "qemu": EDU},
    {"name": "128M", "mem": "128M", "append": "bogus_option", "qemu": EDU, "disk": True},
    {"name": "896M", "mem": "896M", "append": ""},
    {"name": "900M", "mem": "900M", "append": ""},
    {"name": "960M slub_debug=F,nosuch", "mem": "960M", "append": "slub_debug=F,nosuch"},
    {"name": "1000M mem=0", "mem": "1000M", "append": "mem=0"},
    {"name": "1G", "mem": "1G", "append": ""},
    {"name": "2G", "mem": "2G", "append": "", "qemu": EDU, "initrd": True, "disk": True},
    {"name": "3G", "mem": "3G", "append": "", "qemu": EDU},
    {"name": "3583M", "mem": "3583M", "append": ""},
    {"name": "3584M", "mem": "3584M", "append": ""},
    {"name": "4G", "mem": "4G", "append": ""},
    {"name": "2G nopse", "mem": "2G", "append": "nopse"},
    {"name": "2G vmalloc=256M", "mem": "2G", "append": "vmalloc=256M"},
    {"name": "256M highmem=64M", "mem": "256M", "append": "highmem=64M"},
    {"name": "2G mem=1G", "mem": "2G", "append": "mem=1G"},
    {"name": "2G debug_pagealloc kmemleak smp2", "mem": "2G",
     "append": "debug_pagealloc=on kmemleak=on", "smp": 2},
    # The same suites with several CPUs: 2 and 4 at the classic sizes, 8
    # (the most the kernel takes) once.
    {"name": "2G smp2", "mem": "2G", "append": "", "smp": 2, "qemu": EDU},
    # The edu device with a 32-bit DMA mask, and a driver told so: on an
    # SMP boot rather than a boot of its own (make test's time); the user
    # programs (suites process and vm) on four CPUs, with the processes'
    # page tables in lowmem (nohighpte; the 2G boot has them in highmem).
    {"name": "2G smp4 edu dma_mask=32 bits nohighpte", "mem": "2G",
     "append": "edu.dma_bits=32 nohighpte",
     "smp": 4, "qemu": ["-device", "edu,dma_mask=0xffffffff"], "initrd": True,
     "disk": True},
    {"name": "128M smp2", "mem": "128M", "append": "", "smp": 2},
    {"name": "256M highmem=64M smp4", "mem": "256M", "append": "highmem=64M", "smp": 4,
     "qemu": EDU, "disk": True},
    {"name": "1G smp8", "mem": "1G", "append": "", "smp": 8},
    # Every CPU at work on every allocator at once for 10 s (issue 13).
    {"name": "2G smp4 stress 10 s", "mem": "2G", "append": "stress.seconds=10",
     "smp": 4, "suite": "stress.stress_every_cpu_at_once_ends_where_it_began"},
]

# The suite (or SUITE.CASE) the GRUB ISO boot runs from the shell.
ISO_SUITE = "boot"
ISO_MEM = "2G"


def run_ktest_boot(entry, args):
    """One matrix entry: boot `ktest`, judge exit status and KTAP."""
    suite = args.suite or entry.get("suite")
    append = f"ktest={suite}" if suite else "ktest"
    if entry.get("append"):
        append += " " + entry["append"]
    boot = ["-kernel", args.kernel, "-append", append]
    if entry.get("initrd") and getattr(args, "initrd", None):
        boot += ["-initrd", args.initrd]  # the user programs (suite process)
    extra = list(entry.get("qemu", ()))
    image = None
    if entry.get("disk") and os.path.isfile(getattr(args, "disk", "") or ""):
        image = diskmod.fresh_copy(args.disk)  # suites pagecache, reclaim
        extra += diskmod.drive_args(image)
    argv = qemu_argv(entry["mem"], boot, smp=args.smp or entry.get("smp", 1),
                     extra=extra)
    start = time.monotonic()
    out, err, status = run_process(argv, args.timeout)
    doc = parse_ktap(out)
    res = RunResult(
        label=entry["name"], suites=doc.suites, output=out, stderr=err,
        crashes=verdict_problems(doc, status, args.timeout, EXIT_PASS, EXIT_FAIL),
        seconds=time.monotonic() - start, command=argv, status=status)
    if image:
        suite = diskmod.image_suite(image, out)
        if suite:
            res.suites.append(suite)
        diskmod.remove(image)
    elif entry.get("disk"):
        res.crashes.append(f"no disk image {getattr(args, 'disk', None)} (make disk)")
    return res


def run_host_tests(path, label, args):
    """The host unit-test binary: KTAP on stdout, exit 0 (pass) or 1 (fail)."""
    start = time.monotonic()
    if not os.path.isfile(path):
        return RunResult(label=label, crashes=[f"host test binary not found: {path}"],
                         command=[path])
    out, err, status = run_process([path], args.timeout, merge_stderr=True)
    doc = parse_ktap(out)
    return RunResult(
        label=label, suites=doc.suites, output=out, stderr=err,
        crashes=verdict_problems(doc, status, args.timeout, 0, 1),
        seconds=time.monotonic() - start, command=[path], status=status)


def run_iso_boot(args):
    """The GRUB ISO: shell entry, `test SUITE` at the prompt, then poweroff."""
    suite = args.suite or ISO_SUITE
    argv = qemu_argv(ISO_MEM, ["-cdrom", args.iso, "-boot", "d"], smp=args.smp or 1)
    res = RunResult(label="iso", command=argv)
    start = time.monotonic()
    if not os.path.isfile(args.iso):
        res.crashes.append(f"ISO not found: {args.iso} (make iso)")
        return res
    session = ShellSession(argv, args.timeout)
    try:
        session.start()
        boot_to_prompt(session)
        doc = parse_ktap(session.command(f"test {suite}"))
        res.suites = doc.suites
        res.crashes += ktap_problems(doc)
        res.status = session.poweroff()
        if res.status != EXIT_PASS:
            res.crashes.append("poweroff: " + describe_status(res.status, args.timeout))
    except ShellError as e:
        res.crashes.append(str(e))
    finally:
        session.close()
        res.output, res.stderr = session.text(), session.stderr()
        res.status = session.proc.returncode if session.proc else res.status
        res.seconds = time.monotonic() - start
    return res
