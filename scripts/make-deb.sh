#!/usr/bin/env bash
# Builds a Debian package of newsd with dpkg-deb: the binary (Swift runtime linked in statically,
# so the target machine needs no Swift toolchain), its data, config, man pages, completions and
# the systemd unit, sysusers and tmpfiles files.
#   scripts/make-deb.sh [OUTDIR]      (make deb)  →  OUTDIR/newsd_VERSION_ARCH.deb, default .build/
# Install with: sudo apt install ./.build/newsd_*.deb && sudo systemctl enable --now newsd
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build}
version=${VERSION:-$(sed -n 's/^VERSION *?= *//p' Makefile)}
arch=$(dpkg --print-architecture)
scratch=.build/static
root=.build/deb/root
rm -rf .build/deb && mkdir -p "$root/DEBIAN" "$out"

swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product newsd
# `make install` lays out the tree (with the statically linked binary) under PREFIX=/usr.
make --no-print-directory install DESTDIR="$PWD/$root" PREFIX=/usr RELEASE_BIN="$scratch/release/newsd" \
  UNITDIR=/usr/lib/systemd/system >/dev/null
strip --strip-unneeded "$root/usr/bin/newsd"
gzip -9n "$root"/usr/share/man/man1/*.1

# Depends: the package owning each shared library the binary loads.
depends=$(objdump -p "$root/usr/bin/newsd" | awk '/NEEDED/ {print $2}' | while read -r lib; do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64|aarch64|64bit/ {print $NF; exit}')
  [ -n "$path" ] || continue
  { dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null || true; } | head -1 | cut -d: -f1
done | sort -u | paste -sd, | sed 's/,/, /g')

size=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: newsd
Version: $version
Architecture: $arch
Maintainer: newsd developers <newsd@localhost>
Installed-Size: $size
Depends: $depends
Section: net
Priority: optional
Homepage: https://github.com/newsd/newsd
Description: article-extraction daemon: news files in, JSON Lines records out
 newsd watches inbox folders and turns every news article dropped into them
 (.txt, .md, .html, .json) into a structured record: people with roles,
 organisations, places with country codes, quotes and their speakers, dates,
 amounts, keywords, a summary and tone, appended to records.jsonl, with a
 rolling summary of the last 24 hours beside it.
CONTROL
echo /etc/newsd/newsd.toml > "$root/DEBIAN/conffiles"
cat > "$root/DEBIAN/postinst" <<'SCRIPT'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  systemd-sysusers newsd.conf >/dev/null 2>&1 || systemd-sysusers >/dev/null 2>&1 || true
  systemd-tmpfiles --create newsd.conf >/dev/null 2>&1 || true
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || true
    systemctl try-restart newsd.service >/dev/null 2>&1 || true
  fi
  echo "newsd installed: start it with 'systemctl enable --now newsd'; drop articles into /var/lib/newsd/inbox"
fi
SCRIPT
cat > "$root/DEBIAN/prerm" <<'SCRIPT'
#!/bin/sh
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
  systemctl disable --now newsd.service >/dev/null 2>&1 || true
fi
SCRIPT
cat > "$root/DEBIAN/postrm" <<'SCRIPT'
#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then systemctl daemon-reload >/dev/null 2>&1 || true; fi
SCRIPT
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm" "$root/DEBIAN/postrm"
deb="$out/newsd_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
