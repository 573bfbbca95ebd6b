#!/usr/bin/env bash
# The results store's benchmark (release build, whole processes, loopback-free):
#   - indexing added to a plain run (QUANTBT_TIMINGS's "index" phase)   goal < 5 ms
#   - `runs reindex` of 10,000 run folders                               goal < 30 s
#   - `runs list --filter ... --format json` over 10,000 runs, warm      goal < 100 ms
# The 10,000 folders are copies of one real run (files hard-linked, config.yaml, metrics.json
# and the manifest rewritten so every copy has its own params and metrics and checks out).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
echo "== release build"
swift build -c release --product quantbt >/dev/null
bin=$(swift build -c release --show-bin-path)
"$bin/quantbt" data samples >/dev/null
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT; echo "work folder: $work"
mkdir -p "$work/artifacts"
cp Package.swift "$work/"   # the folder is a package root, so quantbt runs works there
ln -s "$PWD/data" "$work/data"

echo "== indexing cost of one plain run (median of 5)"
for i in 1 2 3 4 5; do
    (cd "$work" && QUANTBT_TIMINGS=1 "$bin/quantbt" backtest --strategy sma-crossover --data data/sample/ETHUSD-1h.csv \
        --from 2023-01-01 --to 2023-06-30 --set params.fast=12 --set params.slow=48 2>&1 >/dev/null \
        | awk '$2=="index" && NF==4 {print $3}')
done | sort -n | awk '{a[NR]=$1} END{printf "indexing after the commit (read the folder back, save)  %6.2f ms   (goal < 5 ms; the store is opened while the run computes)\n", a[int((NR+1)/2)]}'

echo "== making $N run folders"
python3 benchmarks/make-run-folders.py "$work/artifacts" "$N"

echo "== runs reindex of $((N + 5)) folders"
start=$(date +%s.%N)
(cd "$work" && "$bin/quantbt" runs reindex)
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "reindex              %6.2f s    (goal < 30 s)\n", e - s}'

filter="metrics.sharpe > 1 and params.fast <= 20 or (tags.author = 'ana' and git.dirty = false)"
echo "== runs list --filter \"$filter\" --format json (warm, median of 11)"
(cd "$work" && "$bin/quantbt" runs list --filter "$filter" --format json >/dev/null)
for i in $(seq 11); do
    s=$(date +%s%N); (cd "$work" && "$bin/quantbt" runs list --filter "$filter" --format json >/dev/null); e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
done | sort -n | awk '{a[NR]=$1} END{printf "list (100 of many)   %6.1f ms   (goal < 100 ms)\n", a[6] / 1000}'
count=$(cd "$work" && "$bin/quantbt" runs list --filter "$filter" --format json --limit 0 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
for i in $(seq 5); do
    s=$(date +%s%N); (cd "$work" && "$bin/quantbt" runs list --filter "$filter" --format json --limit 0 >/dev/null); e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
done | sort -n | awk -v c="$count" '{a[NR]=$1} END{printf "list (all %d)      %6.1f ms\n", c, a[3] / 1000}'
