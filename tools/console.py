#!/usr/bin/env python3
"""console.py SOCKET - a terminal on a QEMU serial port that is a Unix socket.

`make gdb` outside tmux puts COM1 (the kmem386> console) on a Unix socket so
that gdb can have the terminal; `make console`, in a second terminal, runs
this to type into the kernel's shell there.  Keys go to the kernel as they
are typed (the terminal in raw mode, as QEMU's own stdio console does);
Ctrl-] leaves, as in telnet.  Only python3's standard library is used.
"""

import os
import select
import socket
import sys
import termios
import time
import tty

QUIT = b"\x1d"  # Ctrl-]


def connect(path, seconds=10):
    """Connect to the socket, waiting a while for QEMU to create it."""
    end = time.monotonic() + seconds
    while True:
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.connect(path)
            return sock
        except OSError as e:
            sock.close()
            if time.monotonic() > end:
                sys.exit(f"console: cannot connect to {path}: {e} (is `make gdb` running?)")
            time.sleep(0.2)


def relay(sock):
    """Copy the terminal to the socket and back until Ctrl-] or QEMU exits."""
    stdin, stdout = sys.stdin.fileno(), sys.stdout.fileno()
    while True:
        ready, _, _ = select.select([sock, stdin], [], [])
        if sock in ready:
            data = sock.recv(4096)
            if not data:
                return "QEMU closed the console"
            os.write(stdout, data)
        if stdin in ready:
            data = os.read(stdin, 1024)
            if not data or QUIT in data:
                return "left the console (QEMU keeps running)"
            sock.sendall(data)


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: console.py SOCKET")
    sock = connect(argv[1])
    print(f"console: connected to {argv[1]}; Ctrl-] leaves\r")
    if not os.isatty(sys.stdin.fileno()):
        why = relay(sock)
    else:
        saved = termios.tcgetattr(sys.stdin)
        try:
            tty.setraw(sys.stdin)
            why = relay(sock)
        finally:
            termios.tcsetattr(sys.stdin, termios.TCSADRAIN, saved)
    print(f"\nconsole: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
