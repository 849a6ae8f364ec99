#!/usr/bin/env bash
# Edit latency of `gazette serve`: appends a marker paragraph to one article, then times two
# moments from the end of the write, several times, and prints the medians (milliseconds):
#   - reload event: the browser is told to reload (the `reload` server-sent event);
#   - page visible: the served page holds the marker (what the browser shows after reloading).
#
#   bash tests/serve_latency.sh SITE_DIR ARTICLE_FILE PAGE_PATH [RUNS]
#   e.g. bash tests/serve_latency.sh . content/2025/09/14/tram-line-delay.txt 2025/09/14/tram-line-delay/ 10
#
# Edits and polls as ../shared/bench/serve_latency.py does (append, close, poll every 5 ms), with a
# live-reload listener open beside it, so both figures come from the same edit. Uses
# target/release/gazette (build it first). The article file is restored afterwards.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
site=$(cd "$1" && pwd)
article=$2
page=$3
runs=${4:-10}
port=${PORT:-4717}
backup=$(mktemp)
cp "$site/$article" "$backup"
"$repo/target/release/gazette" serve --root "$site" --port "$port" --quiet &
server=$!
trap 'kill $server 2>/dev/null; cp "$backup" "$site/$article"; rm -f "$backup"' EXIT
python3 - "$port" "$site/$article" "$page" "$runs" <<'PY'
import socket, sys, time, urllib.request

port, article, page, runs = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
url = "http://127.0.0.1:%d/%s" % (port, page)


def fetch():
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except Exception:
        return None, b""


started = time.monotonic()
while fetch()[0] != 200:
    if time.monotonic() - started > 600:
        sys.exit("the server did not answer within 600 s")
    time.sleep(0.2)

events = socket.create_connection(("127.0.0.1", port))
events.sendall(b"GET /__gazette/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
stream = events.makefile("rb")


def next_event():
    """Reads one server-sent event; returns its name (comments such as pings give None)."""
    name = None
    while True:
        line = stream.readline()
        if not line:
            sys.exit("the live-reload stream closed")
        line = line.rstrip(b"\r\n")
        if not line:
            return name
        if line.startswith(b"event:"):
            name = line[6:].strip().decode()


while stream.readline() not in (b"\r\n", b"\n"):
    pass
next_event()  # ": connected"

reloads, visibles = [], []
for run in range(runs):
    time.sleep(1)  # lets the last rebuild finish; not counted
    marker = "latencymarker%x" % time.time_ns()
    with open(article, "a", encoding="utf-8") as handle:
        handle.write("\n\nThis sentence was appended by the latency probe (%s).\n" % marker)
    written = time.monotonic()
    while (name := next_event()) != "reload":
        if name == "failed":
            sys.exit("the rebuild failed")
    reloads.append((time.monotonic() - written) * 1000)
    while marker.encode() not in fetch()[1]:
        if time.monotonic() - written > 60:
            sys.exit("the marker did not show within 60 s")
        time.sleep(0.005)
    visibles.append((time.monotonic() - written) * 1000)


def line(what, times):
    times = sorted(times)
    return "%s median %.1f ms over %d edits (min %.1f, max %.1f)" % (
        what, times[(len(times) - 1) // 2], len(times), times[0], times[-1])


print(line("reload event", reloads))
print(line("page visible", visibles))
PY
