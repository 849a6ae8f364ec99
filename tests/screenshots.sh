#!/usr/bin/env bash
# Screenshots of a built Gazette site, to look at the theme on a phone and a wide screen, light and dark.
#
#   bash tests/screenshots.sh [OUT_DIR] [SITE_DIR]
#
# OUT_DIR defaults to /tmp/gazette-shots, SITE_DIR to public/ (build it first:
# `cargo run --release -q -- build`). Builds nothing. Needs python3 and Chromium at /usr/bin/chromium
# (or $CHROME_PATH); as root on Debian it installs Chromium with apt-get when it is missing.
#
# Takes the home page, the newest day digest and the newest article (found from the home page's links),
# each at 390 px and 1280 px wide, in the light and the dark colour scheme: 12 PNGs named
# PAGE-WIDTH-SCHEME.png. The dark scheme is forced with --blink-settings=preferredColorScheme=0 plus
# --force-dark-mode, which is what makes `@media (prefers-color-scheme: dark)` match in headless Chromium.
# Environment: PORT (default 8766), SHOT_HEIGHT_PHONE (default 2200), SHOT_HEIGHT_WIDE (default 1600).
set -euo pipefail

OUT_DIR=${1:-/tmp/gazette-shots}
SITE_DIR=${2:-public}
PORT=${PORT:-8766}
CHROME=${CHROME_PATH:-/usr/bin/chromium}
PHONE_H=${SHOT_HEIGHT_PHONE:-2200}
WIDE_H=${SHOT_HEIGHT_WIDE:-1600}

if [ ! -f "$SITE_DIR/index.html" ]; then
  echo "screenshots: $SITE_DIR/index.html not found; build the site first (cargo run --release -q -- build)" >&2
  exit 2
fi
if [ ! -x "$CHROME" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "screenshots: installing chromium with apt-get" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "screenshots: no Chromium at $CHROME (set CHROME_PATH, or run as root to install it)" >&2
    exit 2
  fi
fi
mkdir -p "$OUT_DIR"
SITE_DIR=$(cd "$SITE_DIR" && pwd)

# Pages: the first digest link and the first story link on the home page.
home_links=$(grep -o 'href="\./[0-9][^"]*"' "$SITE_DIR/index.html" | sed 's/^href="\.\///; s/"$//')
digest=$(printf '%s\n' "$home_links" | grep -E '^[0-9]{4}/[0-9]{2}/[0-9]{2}/$' | head -n1 || true)
article=$(printf '%s\n' "$home_links" | grep -E '^[0-9]{4}/[0-9]{2}/[0-9]{2}/[^/]+/$' | head -n1 || true)
if [ -z "$digest" ] || [ -z "$article" ]; then
  echo "screenshots: could not find a digest and an article linked from the home page" >&2
  exit 2
fi

python3 -m http.server --bind 127.0.0.1 "$PORT" --directory "$SITE_DIR" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
      "http://127.0.0.1:$PORT/" 2>/dev/null; then break; fi
  sleep 0.1
done

profile=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
  --hide-scrollbars --user-data-dir="$profile")

shoot() { # name path width height scheme
  local name=$1 path=$2 width=$3 height=$4 scheme=$5 extra=()
  if [ "$scheme" = dark ]; then extra=(--blink-settings=preferredColorScheme=0 --force-dark-mode); fi
  local file="$OUT_DIR/$name-$width-$scheme.png"
  "$CHROME" "${flags[@]}" "${extra[@]}" --window-size="$width,$height" --screenshot="$file" \
    "http://127.0.0.1:$PORT/$path" >/dev/null 2>&1
  [ -s "$file" ] || { echo "screenshots: no image for $path ($width px, $scheme)" >&2; return 1; }
  echo "$file"
}

for scheme in light dark; do
  for page in "home:" "digest:$digest" "article:$article"; do
    shoot "${page%%:*}" "${page#*:}" 390 "$PHONE_H" "$scheme"
    shoot "${page%%:*}" "${page#*:}" 1280 "$WIDE_H" "$scheme"
  done
done
echo "screenshots: 12 images in $OUT_DIR"
