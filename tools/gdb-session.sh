#!/bin/bash
# gdb-session.sh KERNEL - `make gdb`: QEMU halted with its gdb stub, gdb
# attached, and the kmem386> console usable beside it.
#
# gdb and the kernel's console cannot share one terminal (both read the
# keyboard), so the console gets its own:
#   - inside tmux: QEMU runs in a new pane to the right, COM1 on its stdio
#     (type shell commands there; Ctrl-A X leaves QEMU);
#   - elsewhere: COM1 is the Unix socket $CONSOLE_SOCK and `make console`,
#     in a second terminal, connects to it (Ctrl-] leaves).
# QEMU never shares gdb's process group (another pane, or setsid), so Ctrl-C
# in gdb stops the guest (gdb interrupts the stub) and not QEMU.  When gdb
# exits, this script ends the QEMU it started.
#
# Environment (the Makefile sets them): QEMU, QEMU_ARGS (memory, devices,
# display), APPEND (the kernel command line), GDB, GDB_PORT (default 1234),
# CONSOLE_SOCK (default build/console.sock), GDB_CONSOLE=tmux|socket to
# choose instead of guessing.
set -u

kernel=${1:?usage: gdb-session.sh KERNEL}
QEMU=${QEMU:-qemu-system-i386}
GDB=${GDB:-gdb}
port=${GDB_PORT:-1234}
sock=${CONSOLE_SOCK:-build/console.sock}
mode=${GDB_CONSOLE:-}

if ! command -v "$GDB" >/dev/null 2>&1; then
	echo "gdb-session: $GDB not found (Debian: apt-get install gdb)" >&2
	exit 1
fi
case $port in
'' | *[!0-9]*)
	echo "gdb-session: GDB_PORT=$port is not a port number" >&2
	exit 1
	;;
esac
if command -v ss >/dev/null 2>&1 &&
	[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; then
	echo "gdb-session: port $port is in use; choose another: make gdb GDB_PORT=1235" >&2
	exit 1
fi
if [ -z "$mode" ]; then
	if [ -n "${TMUX:-}" ] && command -v tmux >/dev/null 2>&1; then
		mode=tmux
	else
		mode=socket
	fi
fi

# shellcheck disable=SC2206 # QEMU_ARGS is a list of words by design
qemu=("$QEMU" ${QEMU_ARGS:-} -kernel "$kernel" -append "${APPEND:-}"
	-S -gdb "tcp:127.0.0.1:$port")
qemu_pid=
pane=

stop_qemu() {
	if [ -n "$pane" ]; then
		tmux kill-pane -t "$pane" 2>/dev/null
	elif [ -n "$qemu_pid" ]; then
		kill "$qemu_pid" 2>/dev/null
		wait "$qemu_pid" 2>/dev/null
	fi
}
trap stop_qemu EXIT

if [ "$mode" = tmux ]; then
	pane=$(tmux split-window -h -d -P -F '#{pane_id}' \
		"$(printf '%q ' "${qemu[@]}") -serial mon:stdio; sleep 3") || exit 1
	echo "The kmem386> console is the tmux pane on the right (Ctrl-A X quits QEMU)."
else
	mkdir -p "$(dirname "$sock")"
	rm -f "$sock"
	setsid "${qemu[@]}" -serial "unix:$sock,server=on,wait=off" \
		-monitor none </dev/null &
	qemu_pid=$!
	echo "The kmem386> console (COM1) is on $sock:"
	echo "  in another terminal, run \`make console\` (Ctrl-] leaves it)."
fi

# Wait for the stub to listen (a test connection could resume the guest).
for _ in $(seq 50); do
	if command -v ss >/dev/null 2>&1; then
		[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ] && break
	else
		sleep 1 && break
	fi
	sleep 0.1
done

# Ctrl-C must reach gdb (it stops the guest) and leave this script waiting.
trap : INT
"$GDB" -q "$kernel" -ex "target remote 127.0.0.1:$port" \
	-ex 'break start_kernel' -ex 'continue'
