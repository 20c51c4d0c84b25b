#!/usr/bin/env bash
# Installs into a temporary DESTDIR and checks the tree a package or `make install` lays out,
# then verifies the systemd unit and reports its exposure score. Usage: scripts/check-install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
make --no-print-directory install DESTDIR="$dest" PREFIX=/usr/local >/dev/null
expected=(
  usr/local/bin/newsd
  usr/local/share/newsd/data/README.md
  usr/local/share/man/man1/newsd.1
  usr/local/share/bash-completion/completions/newsd
  usr/local/share/zsh/site-functions/_newsd
  usr/local/share/fish/vendor_completions.d/newsd.fish
  usr/local/lib/systemd/system/newsd.service
  usr/local/lib/sysusers.d/newsd.conf
  usr/local/lib/tmpfiles.d/newsd.conf
  etc/newsd/newsd.toml
)
missing=0
for f in "${expected[@]}"; do
  if [ -e "$dest/$f" ]; then echo "ok      /$f"; else echo "MISSING /$f"; missing=1; fi
done
grep -q "ExecStart=/usr/local/bin/newsd run --config /etc/newsd/newsd.toml" "$dest/usr/local/lib/systemd/system/newsd.service" \
  || { echo "the unit does not point at the installed binary"; missing=1; }
# The installed binary finds its data beside it and extracts an article.
printf 'Council approves budget\nThe council in Berlin approved the budget on Tuesday, officials said.\n' > "$dest/a.txt"
"$dest/usr/local/bin/newsd" extract "$dest/a.txt" | grep -q '"schema":"newsd.article/1"' \
  || { echo "the installed binary cannot extract"; missing=1; }
if command -v systemd-analyze >/dev/null; then
  # verify needs the ExecStart binary at its path: check a copy of the unit that points into DESTDIR.
  # (--man=no: the man page is checked above; `man` cannot find it inside DESTDIR.)
  mkdir -p "$dest/verify"
  sed "s|/usr/local/bin/newsd|$dest/usr/local/bin/newsd|" "$dest/usr/local/lib/systemd/system/newsd.service" > "$dest/verify/newsd.service"
  if systemd-analyze verify --man=no "$dest/verify/newsd.service"; then echo "systemd-analyze verify: clean"
  else echo "systemd-analyze verify: problems above"; missing=1; fi
  systemd-analyze security --offline=true "$dest/usr/local/lib/systemd/system/newsd.service" 2>/dev/null | tail -1
  # With the database drop-in (systemd/newsd.service.d/database.conf) the unit must stay <= 2.0:
  # analyse the unit with the drop-in's [Service] lines appended, as systemd merges them.
  mkdir -p "$dest/with-database"
  cat "$dest/usr/local/lib/systemd/system/newsd.service" systemd/newsd.service.d/database.conf > "$dest/with-database/newsd.service"
  exposure=$(systemd-analyze security --offline=true "$dest/with-database/newsd.service" 2>/dev/null | tail -1)
  echo "with the database drop-in: $exposure"
  level=$(echo "$exposure" | grep -o 'level for newsd.service: [0-9.]*' | grep -o '[0-9.]*$')
  if [ -n "$level" ] && awk "BEGIN { exit !($level > 2.0) }"; then
    echo "the database drop-in raises the exposure above 2.0"; missing=1
  fi
fi
[ "$missing" = 0 ] && echo "install tree complete" || { echo "install tree incomplete"; exit 1; }
