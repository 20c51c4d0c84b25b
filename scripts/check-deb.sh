#!/usr/bin/env bash
# Builds the Debian package (make deb), installs it with apt, checks what it installed and that the
# installed daemon records an article as the newsd user, verifies the unit, then purges it.
# Needs root (apt). Usage: scripts/check-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "check-deb: needs root (apt install); skipped"; exit 0; }
if dpkg -s newsd >/dev/null 2>&1; then echo "check-deb: a newsd package is installed already; skipped"; exit 0; fi
make --no-print-directory deb >/dev/null
deb=$(ls -t .build/newsd_*.deb | head -1)
dpkg-deb --info "$deb" | grep -E "Package|Version|Depends"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq newsd >/dev/null 2>&1 || true; rm -rf /var/lib/newsd' EXIT
status=0
for f in /usr/bin/newsd /usr/share/newsd/data/entity-tagger.bin /etc/newsd/newsd.toml /usr/lib/systemd/system/newsd.service \
         /usr/share/man/man1/newsd.1.gz /var/lib/newsd/inbox; do
  [ -e "$f" ] && echo "ok      $f" || { echo "MISSING $f"; status=1; }
done
if ldd /usr/bin/newsd | grep -q libswift; then echo "the packaged binary needs the Swift runtime"; status=1; fi
id newsd >/dev/null || { echo "no newsd user"; status=1; }
printf 'Council approves budget\nThe council in Berlin approved the budget on Tuesday, officials said.\n' > /var/lib/newsd/inbox/a.txt
chown newsd:newsd /var/lib/newsd/inbox/a.txt
runuser -u newsd -- /usr/bin/newsd run --once --config /etc/newsd/newsd.toml 2>/dev/null
grep -q '"schema":"newsd.article/1"' /var/lib/newsd/records.jsonl && echo "ok      the installed daemon recorded an article as newsd" \
  || { echo "the installed daemon recorded nothing"; status=1; }
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /usr/lib/systemd/system/newsd.service && echo "systemd-analyze verify: clean" || status=1
  systemd-analyze security --offline=true /usr/lib/systemd/system/newsd.service 2>/dev/null | tail -1
fi
[ "$status" = 0 ] && echo "package check passed: $deb" || { echo "package check FAILED"; exit 1; }
