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

events = socket.create_connection(("127.0.0.1", port), timeout=60)
events.sendall(b"GET /__gazette/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
received = b""


def read_line():
    global received
    while b"\n" not in received:
        try:
            chunk = events.recv(65536)
        except socket.timeout:
            sys.exit("no event from the server within 60 s")
        if not chunk:
            sys.exit("the live-reload stream closed")
        received += chunk
    line, _, received = received.partition(b"\n")
    return line + b"\n"


def next_event():
    """Reads one server-sent event; returns its name (None for a comment such as a ping)."""
    name = None
    while True:
        line = read_line().rstrip(b"\r\n")
        if not line:
            return name
        if line.startswith(b"event:"):
            name = line[6:].strip().decode()


def drain():
    """Drops events already sent (a rebuild the last edit caused late), so none is taken for the next."""
    global received
    received = b""
    events.setblocking(False)
    try:
        while events.recv(65536):
            pass
    except BlockingIOError:
        pass
    finally:
        events.settimeout(60)


status = read_line()
if b" 200 " not in status:
    sys.exit("the live-reload stream answered %r" % status)
while read_line() not in (b"\r\n", b"\n"):
    pass
# The server opens the stream with its version, then `failed` when the served site is in error.
first = next_event()
if first == "version":
    time.sleep(0.2)
    events.setblocking(False)
    try:
        received += events.recv(65536)
    except BlockingIOError:
        pass
    finally:
        events.settimeout(60)
if first == "failed" or b"event: failed" in received:
    sys.exit("the served site is in error; fix it before timing edits")

reloads, visibles = [], []
for run in range(runs):
    time.sleep(1)  # lets the last rebuild finish; not counted
    drain()
    marker = "latencymarker%x" % time.time_ns()
    with open(article, "a", encoding="utf-8") as handle:
        handle.write("\n\nThis sentence was appended by the latency probe (%s).\n" % marker)
    written = time.monotonic()
    while (name := next_event()) != "reload":
        if name == "failed":
            sys.exit("the rebuild failed")
        if time.monotonic() - written > 60:
            sys.exit("no reload within 60 s of the edit")
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
