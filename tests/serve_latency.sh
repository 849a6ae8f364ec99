#!/usr/bin/env bash
# Edit-to-visible latency of `gazette serve`: appends a marker to one article, times until the
# served page shows it, several times, and prints the median (milliseconds).
#
#   bash tests/serve_latency.sh SITE_DIR ARTICLE_FILE PAGE_PATH [RUNS]
#   e.g. bash tests/serve_latency.sh . content/2025/09/14/tram-line-delay.txt 2025/09/14/tram-line-delay/ 10
#
# Uses ../shared/bench/serve_latency.py (or $SERVE_LATENCY) and target/release/gazette (build it
# first). The article file is restored afterwards.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
site=$(cd "$1" && pwd)
article=$2
page=$3
runs=${4:-10}
probe=${SERVE_LATENCY:-$repo/../shared/bench/serve_latency.py}
port=${PORT:-4717}
backup=$(mktemp)
cp "$site/$article" "$backup"
"$repo/target/release/gazette" serve --root "$site" --port "$port" --quiet &
server=$!
trap 'kill $server 2>/dev/null; cp "$backup" "$site/$article"; rm -f "$backup"' EXIT
python3 "$probe" wait --url "http://127.0.0.1:$port/$page" >/dev/null
times=()
for _ in $(seq "$runs"); do
  times+=("$(python3 "$probe" poke --settle 1 --file "$site/$article" --url "http://127.0.0.1:$port/$page" | grep -o '[0-9.]*' | head -1)")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms over %d edits (min %.1f, max %.1f)\n", a[int((NR+1)/2)], NR, a[1], a[NR]}'
