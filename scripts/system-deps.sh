#!/usr/bin/env bash
# Installs the Debian packages Wonder needs, only when something is missing.
#   scripts/system-deps.sh run           what `make run` needs: gettext (translations), fonts for the preview engines
#   scripts/system-deps.sh distributed   also redis-server, PostgreSQL and nginx (`make run-distributed`)
#   scripts/system-deps.sh test          all of the above and Chromium (browser tests)
set -euo pipefail
want=(gettext fonts-dejavu-core fonts-noto-cjk)
case "${1:-run}" in
  run) ;;
  distributed) want+=(redis-server postgresql nginx) ;;
  test) want+=(redis-server postgresql nginx chromium) ;;
  *) echo "usage: $0 run|distributed|test" >&2; exit 2 ;;
esac
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
