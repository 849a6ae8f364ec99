#!/usr/bin/env bash
# Quality gate for a built Gazette site: the Nu HTML Checker and Lighthouse 12, run on the real pages.
#
#   bash tests/site_quality.sh [SITE_DIR]
#
# SITE_DIR defaults to public/ (build it first from the repository root:
# `cargo run --release -q -- build`). This script builds nothing. It serves SITE_DIR on 127.0.0.1 with
# python3's http.server, then:
#   1. validates every .html file with the Nu HTML Checker (vnu.jar, errors only);
#   2. runs Lighthouse 12 (mobile emulation, the default) on the home page, the newest day digest and the
#      newest article, and prints the four category scores of each page; then the accessibility category
#      again on the home page and the article in the dark colour scheme (prefers-color-scheme: dark);
#   3. checks that no page made a request to another host, that no page has a <script> (JSON-LD data
#      excepted; the search page's own inline script, which only reads search/, excepted) or any
#      script or stylesheet from another host, and that style.css is under 30 KB.
# It exits 1 if the validator reports any error, if accessibility, best-practices or SEO is below 0.95
# on any checked page (performance is reported, not gated), if Lighthouse's colour-contrast audit fails
# in either scheme, or if a check of step 3 fails. It exits 2 if it cannot run.
#
# The canonical URLs of the example site point to https://example.org/ (its base_url); Lighthouse's SEO
# audit accepts that, so the site does not need to be rebuilt with --base-url for this check.
#
# Tools (installed only when missing, so a second run installs nothing):
#   - vnu-jar and lighthouse@12 from npm, into $TOOLS_DIR (default /tmp/gazette-quality-tools);
#   - as root on Debian, with apt-get: chromium when /usr/bin/chromium (or $CHROME_PATH) is missing,
#     a Java runtime when `java` is missing, nodejs and npm when `npm` is missing.
# Environment: TOOLS_DIR, CHROME_PATH (default /usr/bin/chromium), PORT (default 8765),
#   MIN_SCORE (default 0.95), REPORT_DIR (default a temporary folder; Lighthouse JSON reports go there).
set -euo pipefail

SITE_DIR=${1:-public}
TOOLS_DIR=${TOOLS_DIR:-/tmp/gazette-quality-tools}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PORT=${PORT:-8765}
MIN_SCORE=${MIN_SCORE:-0.95}
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"

say() { printf '%s\n' "$*"; }
die() { printf 'site_quality: %s\n' "$*" >&2; exit 2; }

[ -f "$SITE_DIR/index.html" ] || die "$SITE_DIR/index.html not found; build the site first (cargo run --release -q -- build)"
SITE_DIR=$(cd "$SITE_DIR" && pwd)

# ---- tools ---------------------------------------------------------------------------------------
apt_updated=
apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || die "$1 is missing (run as root on Debian to install it)"
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  say "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
[ -x "$CHROME_PATH" ] || apt_install chromium
command -v java >/dev/null || apt_install default-jre-headless
command -v npm >/dev/null || apt_install nodejs npm
command -v python3 >/dev/null || apt_install python3

VNU_JAR=$TOOLS_DIR/node_modules/vnu-jar/build/dist/vnu.jar
LIGHTHOUSE=$TOOLS_DIR/node_modules/.bin/lighthouse
if [ ! -f "$VNU_JAR" ] || [ ! -x "$LIGHTHOUSE" ]; then
  say "installing vnu-jar and lighthouse@12 into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  start=$SECONDS
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$TOOLS_DIR" vnu-jar lighthouse@12 >/dev/null
  say "npm install took $((SECONDS - start)) s"
fi
[ -f "$VNU_JAR" ] || die "vnu.jar not found at $VNU_JAR after npm install"
[ -x "$LIGHTHOUSE" ] || die "lighthouse not found at $LIGHTHOUSE after npm install"

# ---- pages ---------------------------------------------------------------------------------------
home_links=$(grep -o 'href="\./[0-9][^"]*"' "$SITE_DIR/index.html" | sed 's/^href="\.\///; s/"$//' || true)
digest=$(printf '%s\n' "$home_links" | grep -E '^[0-9]{4}/[0-9]{2}/[0-9]{2}/$' | head -n1 || true)
article=$(printf '%s\n' "$home_links" | grep -E '^[0-9]{4}/[0-9]{2}/[0-9]{2}/[^/]+/$' | head -n1 || true)
[ -n "$digest" ] && [ -n "$article" ] || die "the home page links to no day digest or no article: is the site empty?"
month=${digest%??/}
year=${month%??/}

failed=0
fail() { printf 'FAIL: %s\n' "$*"; failed=1; }

# ---- 1. Nu HTML Checker --------------------------------------------------------------------------
say "== Nu HTML Checker ($(find "$SITE_DIR" -name '*.html' | wc -l) pages)"
vnu_out=$(mktemp)
REPORT_DIR=${REPORT_DIR:-$(mktemp -d)}
mkdir -p "$REPORT_DIR"
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -f "$vnu_out"
}
trap cleanup EXIT

find "$SITE_DIR" -name '*.html' -print0 | sort -z |
  xargs -0 java -jar "$VNU_JAR" --errors-only --format text >"$vnu_out" 2>&1 || true
# Each message is an "Error: ..." line followed by a "... in resource file:PATH" line.
total_errors=$(grep -c -E '^(Fatal )?Error' "$vnu_out" || true)
kind_of() {
  local rel=${1#"$SITE_DIR"/}
  case $rel in
    index.html | page/*) echo home ;;
    404.html) echo 404 ;;
    tags/* | sources/* | authors/*) echo taxonomy ;;
    [0-9][0-9][0-9][0-9]/index.html) echo year ;;
    [0-9][0-9][0-9][0-9]/[0-9][0-9]/index.html) echo month ;;
    [0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html | [0-9][0-9][0-9][0-9]/w[0-9][0-9]/index.html) echo digest ;;
    *) echo article ;;
  esac
}
kinds=(home digest article month year taxonomy 404)
declare -A pages_by_kind errors_by_kind
for kind in "${kinds[@]}"; do pages_by_kind[$kind]=0; errors_by_kind[$kind]=0; done
while IFS= read -r -d '' file; do
  kind=$(kind_of "$file")
  pages_by_kind[$kind]=$((pages_by_kind[$kind] + 1))
done < <(find "$SITE_DIR" -name '*.html' -print0)
while IFS= read -r file; do
  kind=$(kind_of "$file")
  errors_by_kind[$kind]=$((errors_by_kind[$kind] + 1))
done < <(awk '/^(Fatal )?Error/ { pending = 1; next }
  pending && / in resource file:/ { sub(/.* in resource file:/, ""); print; pending = 0 }' "$vnu_out")
for kind in "${kinds[@]}"; do
  say "  $kind: ${errors_by_kind[$kind]} errors in ${pages_by_kind[$kind]} pages"
done
if [ "$total_errors" != 0 ]; then
  cat "$vnu_out"
  fail "the Nu HTML Checker found $total_errors errors"
else
  say "  no errors"
fi

# ---- 2. Lighthouse ---------------------------------------------------------------------------------
python3 -m http.server --bind 127.0.0.1 "$PORT" --directory "$SITE_DIR" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
      "http://127.0.0.1:$PORT/" 2>/dev/null; then break; fi
  sleep 0.1
done
kill -0 "$server" 2>/dev/null || die "could not serve $SITE_DIR on 127.0.0.1:$PORT"

# lighthouse NAME PATH CATEGORIES EXTRA_CHROME_FLAGS: runs Lighthouse on one page, prints its scores,
# the failed audits of the gated categories and any request to another host; returns 1 on a failed gate.
lighthouse() {
  local name=$1 url="http://127.0.0.1:$PORT/$2" categories=$3 flags="$CHROME_FLAGS $4"
  local report="$REPORT_DIR/$name.json"
  if ! "$LIGHTHOUSE" "$url" --quiet --output=json --output-path="$report" --only-categories="$categories" \
      --chrome-flags="$flags" >"$REPORT_DIR/$name.log" 2>&1; then
    cat "$REPORT_DIR/$name.log"
    printf 'FAIL: Lighthouse did not run on %s\n' "$url"
    return 1
  fi
  node - "$report" "$MIN_SCORE" "$name" "127.0.0.1:$PORT" <<'EOF'
const [report, min, name, host] = process.argv.slice(2);
const lhr = JSON.parse(require('fs').readFileSync(report, 'utf8'));
const ids = ['performance', 'accessibility', 'best-practices', 'seo'];
const fmt = (c) => (!c ? '-' : c.score === null ? 'n/a' : c.score.toFixed(2));
const widths = [11, 13, 14, 5];
console.log(`  ${name.padEnd(13)} ${ids.map((id, i) => fmt(lhr.categories[id]).padEnd(widths[i])).join(' ')} ${lhr.finalDisplayedUrl}`);
let bad = false;
for (const id of ids.slice(1)) {
  const category = lhr.categories[id];
  if (!category) continue;
  if (category.score === null || category.score < Number(min)) {
    bad = true;
    console.log(`FAIL: ${name}: ${id} ${fmt(category)} < ${min}`);
  }
  for (const ref of category.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
      console.log(`    ${id}: ${ref.id}: ${audit.title}${audit.displayValue ? ' (' + audit.displayValue + ')' : ''}`);
    }
  }
}
// WCAG AA contrast is required in both schemes, whatever the category score.
const contrast = lhr.audits['color-contrast'];
if (contrast && contrast.score === 0) {
  bad = true;
  console.log(`FAIL: ${name}: colour contrast below WCAG AA`);
}
const requests = ((lhr.audits['network-requests'] || {}).details || {}).items || [];
for (const r of requests) {
  if (!r.url.startsWith(`http://${host}/`) && !r.url.startsWith('data:')) {
    bad = true;
    console.log(`FAIL: ${name}: request to another host: ${r.url}`);
  }
}
process.exit(bad ? 1 : 0);
EOF
}

say "== Lighthouse $("$LIGHTHOUSE" --version) (scores 0-1; gate: accessibility, best-practices, seo >= $MIN_SCORE)"
printf '  %-13s %-11s %-13s %-14s %-5s %s\n' page performance accessibility best-practices seo url
all=performance,accessibility,best-practices,seo
lighthouse home "" "$all" "" || failed=1
lighthouse digest "$digest" "$all" "" || failed=1
lighthouse article "$article" "$all" "" || failed=1
# The dark colour scheme, for its contrast: accessibility only.
dark="--blink-settings=preferredColorScheme=0 --force-dark-mode"
lighthouse home-dark "" accessibility "$dark" || failed=1
lighthouse article-dark "$article" accessibility "$dark" || failed=1
say "  reports: $REPORT_DIR"

# ---- 3. Theme budget -------------------------------------------------------------------------------
say "== Theme checks"
css_size=$(wc -c <"$SITE_DIR/style.css")
if [ "$css_size" -ge 30720 ]; then fail "style.css is $css_size bytes (budget 30 KB)"; else say "  style.css: $css_size bytes"; fi
# JSON-LD (<script type="application/ld+json">) is data, not a script; any other <script> is refused,
# except the inline script of the search page (search/index.html), which must not load anything else.
scripts=$(grep -rlP '<script(?![^>]*type="application/ld\+json")' --include='*.html' "$SITE_DIR" \
  | grep -v "^$SITE_DIR/search/index.html$" || true)
if [ -f "$SITE_DIR/search/index.html" ] && grep -qP '<script[^>]*\ssrc=' "$SITE_DIR/search/index.html"; then
  scripts="$scripts $SITE_DIR/search/index.html"
fi
external_css=$(grep -rlE '<link[^>]*rel="stylesheet"[^>]*href="(https?:)?//|<link[^>]*href="(https?:)?//[^"]*"[^>]*rel="stylesheet"' \
  --include='*.html' "$SITE_DIR" || true)
if [ -n "$scripts$external_css" ]; then
  fail "pages with a script or a stylesheet from another host: $(printf '%s\n' $scripts $external_css | head -n5 | tr '\n' ' ')"
else
  say "  no scripts, no stylesheets from other hosts"
fi
if grep -qE '@import|url\((["'\'']?)(https?:)?//' "$SITE_DIR/style.css"; then
  fail "style.css loads something from another host"
fi

if [ "$failed" != 0 ]; then
  say "site_quality: FAILED"
  exit 1
fi
say "site_quality: all checks passed"
