#!/usr/bin/env bash
# The browser check (make test-browser, also run by make test): headless Chromium opens
# report.html of every shipped golden from disk, with every host name unresolvable, and
# checks what a reader would see:
#   - the screenshot is not blank (png_check.py: pixels drawn, colours used);
#   - the console shows no message (the page has no script, and its Content-Security-Policy
#     turns any load from outside the page into a console error);
#   - the DOM has every tearsheet section heading (the list in Tearsheet.swift) and charts.
# The plain runs' reports are rebuilt first with `quantbt report` (into a copy), so the
# page checked is the one this build writes. Chromium is installed when missing (Debian
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
    --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0 "$@"
}

failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }

check() {  # check PAGE [tearsheet]
  local page=$1 kind=${2:-} url="file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  echo "$page"
  chrome --window-size=1280,2400 --screenshot="$work/shot.png" "$url" >/dev/null 2>"$work/shot.log" || fail "chromium could not screenshot it"
  chrome --dump-dom "$url" >"$work/dom.html" 2>"$work/dom.log" || fail "chromium could not load it"
  if summary=$(python3 Tests/browser/png_check.py "$work/shot.png" 2>&1); then echo "  screenshot: $summary"; else fail "blank screenshot: $summary"; fi
  if grep -h "CONSOLE" "$work/shot.log" "$work/dom.log" >"$work/console.txt"; then fail "console messages:"; sed 's/^/    /' "$work/console.txt"; fi
  local charts
  charts=$(grep -o "<svg" "$work/dom.html" | wc -l)
  [ "$charts" -ge 2 ] || fail "only $charts charts (svg) in the DOM"
  if [ "$kind" = validation ]; then
    for s in "Splits" "Stress scenarios" "Baseline" "Equity" "Drawdown" "Monthly returns" "Split equity (each split starts at 1)" \
             "Sweep on train" "Walk-forward" "Test return by fold"; do
      grep -q ">$s</h2>" "$work/dom.html" || fail "no section heading '$s' in the DOM"
    done
    [ "$charts" -ge 10 ] || fail "a validation page draws at least 10 charts; the DOM has $charts"
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

if [ "$failures" -gt 0 ]; then echo "browser check FAILED: $failures problem(s)"; exit 1; fi
echo "browser check passed: 4 reports, screenshots drawn, consoles clean, every section present"
