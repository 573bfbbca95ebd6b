#!/usr/bin/env bash
# The QuantBT benchmark: release build, whole process and engine loop alone.
# Job: SMA(10,30) long-only crossover, next-open fills, 0.1 % commission per side, all-in
# sizing, on 525,600 one-minute bars (data/sample/BTCUSD-1m.csv, made by `quantbt data synth`),
# then the same over 10 symbols. Targets (issue 2): whole process < 0.25 s, engine loop
# >= 17 M bars/s, peak memory < 120 MB. The tearsheet of that run (issue 13): breakdowns and
# report built in under 100 ms, report.html under 2 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "installing GNU time"; apt-get install -y -qq time >/dev/null; }

echo "== release build"
swift build -c release --product quantbt >/dev/null
swift build -c release --product sma-crossover >/dev/null
swift build -c release --product engine-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
"$bin/quantbt" data samples >/dev/null

runs=${RUNS:-5}
measure() {  # label, command...: best wall time over $runs runs, and that run's peak RSS
    local label=$1; shift
    local best="" rss="" stats
    stats=$(mktemp)
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$stats" "$@" >/dev/null 2>&1
        read -r secs kb <"$stats"
        if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; rss=$kb; fi
    done
    rm -f "$stats"
    awk -v l="$label" -v s="$best" -v k="$rss" -v n="$BARS" \
        'BEGIN{printf "%-34s wall %6.3f s  peak %6.1f MB  %6.2f M bars/s\n", l, s, k/1024, n/s/1e6}'
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Runs the benchmark makes under artifacts/<experiment>/ are removed afterwards, and `latest`
# put back, so the user's own runs of that experiment are left as they were.
keep_runs() { ls -A "artifacts/$1" 2>/dev/null >"$out/runs-$1" || true; readlink "artifacts/$1/latest" >"$out/latest-$1" 2>/dev/null || true; }
drop_new_runs() {
    local d=artifacts/$1 f
    [ -d "$d" ] || return 0
    for f in $(ls -A "$d"); do grep -qxF "$f" "$out/runs-$1" || rm -rf "${d:?}/$f"; done
    if [ -s "$out/latest-$1" ]; then ln -sfn "$(cat "$out/latest-$1")" "$d/latest"; fi
    rmdir "$d" 2>/dev/null || true
}
echo "== whole process (load CSV, run, metrics, write and hash artifacts), best of $runs"
BARS=525600 measure "1 symbol, experiment binary" \
    "$bin/sma-crossover" experiments/sma-crossover --artifacts "$out" --set params.fast=10 --set params.slow=30 --set output.equity_every=bar

echo "== tearsheet of 525,600 bars: breakdowns.json and report.html/md (goal: under 100 ms to build, report under 2 MB)"
tear=$(mktemp -d "$out/tearsheet.XXXX")
best_b="" best_r=""
for _ in $(seq "$runs"); do
    QUANTBT_TIMINGS=1 "$bin/sma-crossover" experiments/sma-crossover --artifacts "$tear" >/dev/null 2>"$tear/timings"
    b=$(awk '$2=="breakdowns"{print $3}' "$tear/timings"); r=$(awk '$2=="report"{print $3}' "$tear/timings")
    if [ -z "$best_b" ] || awk "BEGIN{exit !($b + $r < $best_b + $best_r)}"; then best_b=$b; best_r=$r; fi
done
run_dir=$(ls -d "$tear"/sma-crossover/2* | tail -1)
awk -v b="$best_b" -v r="$best_r" -v h="$(stat -c %s "$run_dir/report.html")" -v m="$(stat -c %s "$run_dir/report.md")" \
    -v j="$(stat -c %s "$run_dir/breakdowns.json")" \
    'BEGIN{printf "breakdowns %.1f ms + report %.1f ms = %.1f ms (goal < 100 ms); report.html %.0f KB, report.md %.0f KB (goal < 2 MB), breakdowns.json %.0f KB\n", b, r, b + r, h/1024, m/1024, j/1024}'

symbols=()
for k in $(seq 0 9); do
    f="$out/S$k-1m.csv"
    "$bin/quantbt" data synth --symbol "S$k" --seed $((100 + k)) --start 2023-01-01 --interval 1m --bars 525600 \
        --price 16500 --regimes bull:0.3,range:0.3,bear:0.4 --out "$f" >/dev/null
    symbols+=(--data "$f")
done
keep_runs backtest-sma-crossover
BARS=5256000 measure "10 symbols, quantbt backtest" \
    "$bin/quantbt" backtest --strategy sma-crossover "${symbols[@]}" --set costs.commission=0.001 --set params.fast=10 --set params.slow=30 --set params.size=1.0
drop_new_runs backtest-sma-crossover

echo "== engine loop alone (in process, no I/O)"
"$bin/engine-bench" data/sample/BTCUSD-1m.csv 10 "$runs"

# Real runs of daily-momentum, indexed in a throwaway store and removed afterwards.
keep_runs daily-momentum
echo "== start-up: quantbt run on an unchanged experiment against --no-build (goal: under 50 ms more)"
export QUANTBT_SWIFT_VERSION="$(swift --version 2>&1 | head -1)"  # both sides skip asking swift for provenance
"$bin/quantbt" run experiments/daily-momentum --store "$out/runs.sqlite" >/dev/null 2>&1  # builds once and stamps
best() {  # command...: best wall time in ms over 10 runs
    local b="" t0 t1 ms
    for _ in $(seq 10); do
        t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); ms=$(( (t1 - t0) / 1000000 ))
        if [ -z "$b" ] || [ "$ms" -lt "$b" ]; then b=$ms; fi
    done
    echo "$b"
}
checked=$(best "$bin/quantbt" run experiments/daily-momentum --store "$out/runs.sqlite")
unchecked=$(best "$bin/quantbt" run experiments/daily-momentum --store "$out/runs.sqlite" --no-build)
echo "run (build check) $checked ms, --no-build $unchecked ms: $((checked - unchecked)) ms of overhead"
drop_new_runs daily-momentum
