#!/usr/bin/env bash
# The release build that `make bench` times is the one users ship, and it is built with
# flags of its own (Package.swift: the quantbt target links Swift's runtime statically in
# release). This builds it and runs P1 (the benchmark's job) with it and with the debug
# build, and checks that both wrote the same artifacts, byte for byte.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "== release build of quantbt"
swift build -c release --product quantbt >"$out/build.log" 2>&1 || { cat "$out/build.log"; echo "error: the release build of quantbt failed" >&2; exit 1; }
release=$(swift build -c release --show-bin-path)/quantbt
debug=$(swift build --show-bin-path)/quantbt
[ -x "$debug" ] || { echo "error: no debug build at $debug; run make build first" >&2; exit 1; }
p1=(backtest --strategy sma-crossover --data data/sample/BTCUSD-1m.csv --set costs.commission=0.001
    --set params.fast=10 --set params.slow=30 --set params.size=1.0)
for build in release debug; do
    bin=$release; [ "$build" = debug ] && bin=$debug
    "$bin" "${p1[@]}" --artifacts "$out/$build" >"$out/$build.txt"
done
files="equity.csv trades.csv fills.csv rejections.csv risk_events.csv metrics.json breakdowns.json"
(cd "$out/release/backtest-sma-crossover/latest" && sha256sum $files) >"$out/release.sha256"
if ! (cd "$out/debug/backtest-sma-crossover/latest" && sha256sum --quiet -c "$out/release.sha256"); then
    echo "error: P1's artifacts differ between the release and the debug build (above)" >&2
    exit 1
fi
echo "release and debug builds: P1's $(grep -c . "$out/release.sha256") artifacts identical ($(awk '/trades/ {print $2; exit}' "$out/release.txt") trades)"
