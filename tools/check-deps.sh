#!/bin/sh
# check-deps.sh - make sure the tools kmem386 needs are on this machine.
#
# Checks: gcc can build and link 32-bit code (gcc-multilib), qemu-system-i386,
# grub-mkrescue with the BIOS (i386-pc) GRUB modules, xorriso, mtools and
# python3.  As root the missing Debian packages are installed; otherwise the
# command to run is printed and the check fails.
set -u

PACKAGES="gcc-multilib make qemu-system-x86 grub-pc-bin grub-common xorriso mtools python3"
missing=""

check() {
	# $1: what, $2...: the command that must succeed
	what=$1
	shift
	if ! "$@" >/dev/null 2>&1; then
		missing="$missing $what"
	fi
}

gcc_m32_links() {
	dir=$(mktemp -d) || return 1
	printf 'int main(void) { return 0; }\n' > "$dir/t.c"
	gcc -m32 "$dir/t.c" -o "$dir/t"
	status=$?
	rm -rf "$dir"
	return $status
}

run_checks() {
	missing=""
	check "gcc-m32" gcc_m32_links
	check "qemu-system-i386" command -v qemu-system-i386
	check "grub-mkrescue" command -v grub-mkrescue
	check "grub-i386-pc" test -d /usr/lib/grub/i386-pc
	check "xorriso" command -v xorriso
	check "mtools" command -v mformat
	check "python3" command -v python3
}

run_checks
[ -z "$missing" ] && exit 0

echo "kmem386: missing tools:$missing"
cmd="apt-get update && apt-get install -y --no-install-recommends $PACKAGES"
if [ "$(id -u)" != 0 ]; then
	echo "kmem386: run as root:  $cmd"
	exit 1
fi
echo "kmem386: installing: $cmd"
export DEBIAN_FRONTEND=noninteractive
sh -c "$cmd" || { echo "kmem386: apt-get failed"; exit 1; }

run_checks
if [ -n "$missing" ]; then
	echo "kmem386: still missing after apt-get:$missing"
	exit 1
fi
