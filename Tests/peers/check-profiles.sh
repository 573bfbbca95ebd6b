#!/usr/bin/env bash
# The peer cross-check (run by make test): installs empyrical-reloaded, quantstats and
# backtesting.py at the versions in requirements.txt into .build/peers (a virtual
# environment, out of git), runs every shipped experiment and a daily, an hourly and a
# minute series under each peer profile with equity at every bar, and compares
# metrics.json with the library's numbers (check_profiles.py: 1e-9 relative). Then
# backtesting.py's own SmaCross example on its GOOG fixture, reproduced to the cent
# (check_backtesting_py_example.py). Skipped, saying so, only without python3 or PyPI.
set -euo pipefail
cd "$(dirname "$0")/../.."
QUANTBT=${QUANTBT:-.build/debug/quantbt}
venv=.build/peers
if ! command -v python3 >/dev/null; then echo "peer cross-check SKIPPED: no python3 on PATH; nothing was checked"; exit 0; fi
if [ ! -x "$venv/bin/python" ] || ! cmp -s Tests/peers/requirements.txt "$venv/requirements.txt"; then
  echo "peer cross-check: installing empyrical-reloaded, quantstats and backtesting.py (Tests/peers/requirements.txt) into $venv"
  rm -rf "$venv"
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check -r Tests/peers/requirements.txt; } >"$venv.log" 2>&1; then
    echo "peer cross-check SKIPPED: could not install the peers from PyPI (see $venv.log); nothing was checked"
    rm -rf "$venv"; exit 0
  fi
  cp Tests/peers/requirements.txt "$venv/requirements.txt"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
folders=()
bin=$(dirname "$QUANTBT")
run() {  # NAME, command...: one run per peer profile into $out (its own store), the folder added to the list
  local name=$1; shift
  for profile in empyrical quantstats backtesting.py; do
    "$@" --artifacts "$out/$name-$profile" --store "$out/runs.sqlite" --set metrics.profile=$profile --set output.equity_every=bar \
      >/dev/null 2>"$out/err" || { echo "peer cross-check: $* failed:"; cat "$out/err"; exit 1; }
    folders+=("$(ls -d "$out/$name-$profile"/*/2* | head -1)")
  done
}
for e in sma-crossover daily-momentum risk-portfolio; do run "$e" "$bin/$e" "experiments/$e"; done
run daily "$QUANTBT" backtest --strategy sma-crossover --data data/sample/ALPHA-1d.csv --set params.fast=5 --set params.slow=20 --set metrics.risk_free_rate=0.03
run hourly "$QUANTBT" backtest --strategy donchian-breakout --data data/sample/ETHUSD-1h.csv
run minute "$QUANTBT" backtest --strategy sma-crossover --data data/sample/BTCUSD-1m.csv --set params.fast=10 --set params.slow=30
status=0
"$venv/bin/python" Tests/peers/check_profiles.py "${folders[@]}" || status=1
"$venv/bin/python" Tests/peers/check_backtesting_py_example.py "$QUANTBT" "$out" || status=1
exit $status
