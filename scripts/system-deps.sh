#!/usr/bin/env bash
# Installs the Debian packages Wonder needs, only when something is missing.
#   scripts/system-deps.sh run    what `make run` needs: gettext (translations), fonts for the preview engines
#   scripts/system-deps.sh test   also Chromium (browser tests), redis-server and PostgreSQL (distributed tests)
set -euo pipefail
want=(gettext fonts-dejavu-core fonts-noto-cjk)
if [ "${1:-run}" = "test" ]; then
  want+=(chromium redis-server postgresql)
fi
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
