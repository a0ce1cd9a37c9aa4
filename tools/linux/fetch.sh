#!/bin/sh
# tools/linux/fetch.sh - Debian 12's real Linux 686 kernel and busybox, i386.
#
#   tools/linux/fetch.sh OUT_DIR [--headers]
#
# Downloads with apt (never by hand) the i386 packages the `make linux`
# boots need, and unpacks them with dpkg-deb -x under OUT_DIR/root:
#
#   linux-image-686:i386 -> the exact linux-image-6.1.0-N-686 it depends on
#                           (OUT_DIR/vmlinuz, OUT_DIR/kernel-release)
#   busybox-static:i386  -> OUT_DIR/busybox
#
# and with --headers what building a module for that kernel needs:
# linux-headers-6.1.0-N-686:i386, linux-headers-6.1.0-N-common (all) and
# linux-kbuild-6.1 for this machine (amd64: its fixdep and modpost run
# here; the compiler is this machine's gcc-12 with -m32, the one Debian
# built the kernel with).  The headers' Makefile includes the common one
# by its absolute /usr/src path, which is rewritten to OUT_DIR's.  The exact
# package names are resolved once and kept in OUT_DIR/packages, so a
# second run downloads nothing and keeps booting the same kernel even
# after Debian publishes a newer one (rm -r OUT_DIR to move to it).
#
# As root it adds the i386 architecture and runs apt-get update when apt
# does not know the packages; otherwise it prints what to run as root.
set -eu

out=${1:?usage: fetch.sh OUT_DIR [--headers]}
headers=${2:-}
mkdir -p "$out/debs" "$out/root"
out=$(cd "$out" && pwd)

# The versioned image package linux-image-686:i386 depends on.
resolve_image() {
	apt-cache depends linux-image-686:i386 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-686\)\(:i386\)\{0,1\}$/\1/p' |
		head -n 1
}

need_root() {
	if [ "$(id -u)" != 0 ]; then
		echo "fetch.sh: apt cannot find $1 and this is not root. As root run:" >&2
		echo "    dpkg --add-architecture i386 && apt-get update" >&2
		echo "then run this again (or make linux as root)." >&2
		exit 1
	fi
}

if [ ! -s "$out/packages" ]; then
	image=$(resolve_image)
	if [ -z "$image" ]; then
		need_root "linux-image-686:i386"
		if ! dpkg --print-foreign-architectures | grep -qx i386; then
			echo "  APT     dpkg --add-architecture i386"
			dpkg --add-architecture i386
		fi
		echo "  APT     apt-get update"
		apt-get update -qq
		image=$(resolve_image)
	fi
	if [ -z "$image" ]; then
		echo "fetch.sh: apt knows no linux-image-686:i386 (is this Debian 12 with a network mirror?)" >&2
		exit 1
	fi
	echo "$image:i386 busybox-static:i386" > "$out/packages.tmp"
	mv "$out/packages.tmp" "$out/packages"
fi

image=$(sed 's/ .*//; s/:i386$//' "$out/packages")
release=${image#linux-image-}
extra=
if [ "$headers" = --headers ]; then
	abi=${release%-686}
	extra="linux-headers-$release:i386 linux-headers-$abi-common linux-kbuild-$(echo "$abi" | cut -d. -f1,2)"
fi

# The resolved packages, and the headers when asked for.
for pkg in $(cat "$out/packages") $extra; do
	name=${pkg%:i386}
	if [ -e "$out/debs/$name.done" ]; then
		continue
	fi
	echo "  APT     apt-get download $pkg"
	rm -f "$out/debs/${name}_"*.deb
	if ! (cd "$out/debs" && apt-get download -q -o APT::Sandbox::User=root "$pkg"); then
		need_root "$pkg"
		apt-get update -qq
		(cd "$out/debs" && apt-get download -q -o APT::Sandbox::User=root "$pkg")
	fi
	for deb in "$out/debs/${name}_"*.deb; do
		echo "  DPKG    dpkg-deb -x $(basename "$deb")"
		dpkg-deb -x "$deb" "$out/root"
	done
	touch "$out/debs/$name.done"
done

if [ ! -f "$out/root/boot/vmlinuz-$release" ] || [ ! -x "$out/root/bin/busybox" ]; then
	echo "fetch.sh: $image or busybox-static did not unpack as expected" >&2
	exit 1
fi
echo "$release" > "$out/kernel-release"
ln -sf "root/boot/vmlinuz-$release" "$out/vmlinuz"
ln -sf root/bin/busybox "$out/busybox"
if [ -n "$extra" ]; then
	kdir="$out/root/usr/src/linux-headers-$release"
	sed -i "s|^include /usr/src/|include $out/root/usr/src/|" "$kdir/Makefile"
	ln -sfn "root/usr/src/linux-headers-$release" "$out/headers"
fi
