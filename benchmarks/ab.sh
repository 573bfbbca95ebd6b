#!/usr/bin/env bash
# Two quantbt binaries on P1, alternated run by run in one sitting (this machine's speed
# swings by a third from hour to hour, so a change is judged this way, never against a
# figure printed earlier). Each binary records into its own throwaway artifacts folder and
# store, as `make bench` does. Prints the median, mean and best wall time of each, in s.
#
#   bash benchmarks/ab.sh OLD_QUANTBT NEW_QUANTBT [RUNS=15]
#   e.g. cp .build/release/quantbt /tmp/quantbt-old; (change, swift build -c release --product quantbt)
#        bash benchmarks/ab.sh /tmp/quantbt-old .build/release/quantbt
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bash benchmarks/ab.sh OLD_QUANTBT NEW_QUANTBT [RUNS]" >&2; exit 2; }
old=$1 new=$2 runs=${3:-15}
for b in "$old" "$new"; do [ -x "$b" ] || { echo "error: $b is not an executable quantbt" >&2; exit 2; }; done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/old" "$out/new"
for _ in $(seq "$runs"); do
    for side in old new; do
        bin=$old; [ "$side" = new ] && bin=$new
        start=$(date +%s%N)
        "$bin" backtest --strategy sma-crossover --data data/sample/BTCUSD-1m.csv --set costs.commission=0.001 \
            --set params.fast=10 --set params.slow=30 --set params.size=1.0 --artifacts "$out/$side" >/dev/null 2>&1
        echo "$side $(( ($(date +%s%N) - start) / 1000 ))"
    done
done | awk -v runs="$runs" '
    { t[$1, ++n[$1]] = $2 / 1e6; sum[$1] += $2 / 1e6 }
    END {
        for (s = 0; s < 2; s++) {
            side = s == 0 ? "old" : "new"; k = n[side]
            for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (t[side, j] < t[side, i]) { x = t[side, i]; t[side, i] = t[side, j]; t[side, j] = x }
            printf "%s  median %.3f s  mean %.3f s  best %.3f s  (%d runs, alternated)\n", side, t[side, int((k + 1) / 2)], sum[side] / k, t[side, 1], k
        }
    }'
