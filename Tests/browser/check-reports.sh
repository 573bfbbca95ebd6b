#!/usr/bin/env bash
# The browser check (make test-browser, also run by make test): headless Chromium opens
# report.html of every shipped golden from disk, with every host name unresolvable, and
# checks what a reader would see:
#   - the screenshot is not blank (png_check.py: pixels drawn, colours used);
#   - the console shows no message (the page has no script, and its Content-Security-Policy
#     turns any load from outside the page into a console error);
#   - the DOM has every tearsheet section heading (the list in Tearsheet.swift) and charts.
# The plain runs' reports are rebuilt first with `quantbt report` (into a copy), so the
# page checked is the one this build writes. Then `quantbt serve` is started on a free
# loopback port (stopped by pid whatever happens), two jobs run through it, and its pages
# are checked the same way: `/`, a run's page, and the compare page (its delta table and
# two equity series overlaid). Chromium is installed when missing (Debian
# package `chromium`); the check is skipped, saying so, only when that is impossible.
set -euo pipefail
cd "$(dirname "$0")/../.."
QUANTBT=${QUANTBT:-.build/debug/quantbt}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] && command -v apt-get >/dev/null; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  echo "browser check: installing chromium (Debian package)"
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium; } >/dev/null 2>&1 || true
  browser=$(command -v chromium || true)
fi
if [ -z "$browser" ]; then
  echo "browser check SKIPPED: chromium is not installed and could not be installed (apt-get install chromium); nothing was checked"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sections=$(python3 - <<'PY'
import re
source = open("Sources/Reports/Tearsheet/Tearsheet.swift").read()
names = re.search(r"static let sections = \[(.*?)\]", source, re.S).group(1)
print("\n".join(re.findall(r'"([^"]+)"', names)))
PY
)

chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" --enable-logging=stderr --v=0 "$@"
}

failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }

check() {  # check PAGE|URL [tearsheet|validation|compare|page]
  local page=$1 kind=${2:-} url
  if [[ $page == http* ]]; then url=$page; else url="file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; fi
  echo "$page"
  chrome --window-size=1280,2400 --screenshot="$work/shot.png" "$url" >/dev/null 2>"$work/shot.log" || fail "chromium could not screenshot it"
  chrome --dump-dom "$url" >"$work/dom.html" 2>"$work/dom.log" || fail "chromium could not load it"
  if summary=$(python3 Tests/browser/png_check.py "$work/shot.png" 2>&1); then echo "  screenshot: $summary"; else fail "blank screenshot: $summary"; fi
  if grep -h "CONSOLE" "$work/shot.log" "$work/dom.log" >"$work/console.txt"; then fail "console messages:"; sed 's/^/    /' "$work/console.txt"; fi
  local charts
  charts=$(grep -o "<svg" "$work/dom.html" | wc -l || true)
  [ "$charts" -ge 2 ] || [ "$kind" = page ] || fail "only $charts charts (svg) in the DOM"
  if [ "$kind" = validation ]; then
    for s in "Splits" "Stress scenarios" "Baseline" "Equity" "Drawdown" "Monthly returns" "Split equity (each split starts at 1)" \
             "Sweep on train" "Walk-forward" "Test return by fold"; do
      grep -q ">$s</h2>" "$work/dom.html" || fail "no section heading '$s' in the DOM"
    done
    [ "$charts" -ge 10 ] || fail "a validation page draws at least 10 charts; the DOM has $charts"
  fi
  if [ "$kind" = compare ]; then
    grep -q 'id="delta-table"' "$work/dom.html" || fail "no delta table in the DOM"
    local overlaid
    overlaid=$(python3 -c 'import re,sys; d=open(sys.argv[1]).read(); s=d.split("id=\"equity-overlay\"")[1].split("</svg>")[0]; print(len(re.findall("<polyline", s)))' "$work/dom.html" 2>/dev/null || echo 0)
    [ "$overlaid" -ge 2 ] || fail "the equity overlay draws $overlaid series, not 2"
  fi
  if [ "$kind" = tearsheet ]; then
    while IFS= read -r s; do
      grep -q ">$s</h2>" "$work/dom.html" || fail "no section heading '$s' in the DOM"
    done <<<"$sections"
    [ "$charts" -ge 6 ] || fail "a tearsheet draws at least 6 charts; the DOM has $charts"
  fi
  echo "  console: $( [ -s "$work/console.txt" ] && echo messages || echo clean ), charts: $charts"
}

for name in sma-crossover daily-momentum risk-portfolio; do
  cp -r "golden/$name" "$work/$name"
  "$QUANTBT" report "$work/$name" >/dev/null
  check "$work/$name/report.html" tearsheet
done
cp -r golden/risk-portfolio-validation "$work/risk-portfolio-validation"
"$QUANTBT" report "$work/risk-portfolio-validation" >/dev/null
check "$work/risk-portfolio-validation/report.html" validation

# The server's pages, live on loopback.
"$QUANTBT" serve --port 0 --workers 2 --no-build --artifacts "$work/serve/artifacts" --store "$work/serve/runs.sqlite" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
base=$(grep -o "http://[0-9.:]*" "$work/serve.log" | head -1)
runs=$(python3 - "$base" <<'PY'
import json, sys, time, urllib.request
base = sys.argv[1]
def call(path, body=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body else None, method="POST" if body else "GET")
    return json.load(urllib.request.urlopen(request, timeout=30))
ids = [call("/api/v1/jobs", {"experiment": "risk-portfolio", "set": [f"params.entry={e}"]})["id"] for e in (40, 55)]
for _ in range(600):
    jobs = [call(f"/api/v1/jobs/{i}") for i in ids]
    if all(j["status"] not in ("queued", "running") for j in jobs): break
    time.sleep(0.2)
print(" ".join(j["run_id"] or "none" for j in jobs))
PY
)
read -r run_a run_b <<<"$runs"
if [ "$run_a" = none ] || [ "$run_b" = none ]; then fail "the server's jobs did not succeed: $(cat "$work/serve.log")"; else
  check "$base/" page
  grep -q 'name="run" value="'"$run_a"'"' "$work/dom.html" || fail "the runs table has no checkbox for $run_a"
  check "$base/runs/$run_a" tearsheet
  check "$base/compare?a=$run_a&b=$run_b" compare
fi
kill $server; wait $server 2>/dev/null || true

if [ "$failures" -gt 0 ]; then echo "browser check FAILED: $failures problem(s)"; exit 1; fi
echo "browser check passed: 4 reports and 3 server pages, screenshots drawn, consoles clean, every section present"
exit 0
