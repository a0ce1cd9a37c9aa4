#!/bin/sh
# check-deps.sh - make sure the tools kmem386 needs are on this machine.
#
# Checks: gcc can build and link 32-bit code (gcc-multilib), qemu-system-i386,
# grub-mkrescue with the BIOS (i386-pc) GRUB modules, xorriso, mtools,
# python3, and clang can build 32-bit code under AddressSanitizer and UBSan
# (the host tests of mm/, tests/host/mm_sim).  With the argument `fuzz`:
# also libFuzzer's 32-bit runtime (make fuzz), which links C++.  As root the
# missing Debian packages are installed; otherwise the command to run is
# printed and the check fails.
set -u

PACKAGES="gcc-multilib make qemu-system-x86 grub-pc-bin grub-common xorriso mtools python3 clang libclang-rt-14-dev"
if [ "${1:-}" = fuzz ]; then
	PACKAGES="$PACKAGES lib32stdc++-12-dev"
fi
missing=""

check() {
	# $1: what, $2...: the command that must succeed
	what=$1
	shift
	if ! "$@" >/dev/null 2>&1; then
		missing="$missing $what"
	fi
}

# $1: the compiler, the rest its options: does a 32-bit program link?
m32_links() {
	cc=$1
	shift
	dir=$(mktemp -d) || return 1
	printf 'int main(void) { return 0; }\n' > "$dir/t.c"
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' > "$dir/f.c"
	case " $* " in
	*fuzzer*) "$cc" -m32 "$@" "$dir/f.c" -o "$dir/t" ;;
	*) "$cc" -m32 "$@" "$dir/t.c" -o "$dir/t" ;;
	esac
	status=$?
	rm -rf "$dir"
	return $status
}

run_checks() {
	missing=""
	check "gcc-m32" m32_links gcc
	check "clang-m32-sanitizers" m32_links clang -fsanitize=address,undefined
	if [ "${1:-}" = fuzz ]; then
		check "clang-m32-libfuzzer" m32_links clang -fsanitize=fuzzer
	fi
	check "qemu-system-i386" command -v qemu-system-i386
	check "grub-mkrescue" command -v grub-mkrescue
	check "grub-i386-pc" test -d /usr/lib/grub/i386-pc
	check "xorriso" command -v xorriso
	check "mtools" command -v mformat
	check "python3" command -v python3
}

run_checks "${1:-}"
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

run_checks "${1:-}"
if [ -n "$missing" ]; then
	echo "kmem386: still missing after apt-get:$missing"
	exit 1
fi
