#!/usr/bin/env bash
# The QuantBT benchmark: release build, whole process and engine loop alone.
# P1: SMA(10,30) long-only crossover, next-open fills, 0.1 % commission per side, all-in
# sizing, on 525,600 one-minute bars (data/sample/BTCUSD-1m.csv, made by `quantbt data synth`),
# through `quantbt backtest` (every artifact written and hashed, equity every bar, indexed),
# then the same over 10 symbols. Goals (issue 15): P1 whole process at most 0.18 s median;
# the engine loop 25 M bars/s on 1 symbol and 20 M on 10; CSV parsing 500 MB/s per core;
# no allocation per bar; under 50 ms of start-up overhead for an unchanged experiment.
# The tearsheet (issue 13): breakdowns and report built in under 100 ms, report.html under 2 MB.
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
measure() {  # label, goal, command...: median and best wall time over $runs runs (ms precision), peak RSS of one more run
    local label=$1 goal=$2; shift 2
    local stats times t0 t1
    stats=$(mktemp); times=$(mktemp)
    for _ in $(seq "$runs"); do
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s%N)
        echo "$(( (t1 - t0) / 1000000 ))" >>"$times"
    done
    /usr/bin/time -f "%M" -o "$stats" "$@" >/dev/null 2>&1
    sort -n "$times" | awk -v l="$label" -v g="$goal" -v n="$BARS" -v r="$runs" -v kb="$(cat "$stats")" '
        { t[NR] = $1 / 1000 }
        END { k = int((NR + 1) / 2)
              printf "%-30s median %6.3f s  best %6.3f s  peak %6.1f MB  %5.2f M bars/s  (%d runs%s)\n", l, t[k], t[1], kb/1024, n/t[k]/1e6, r, g }'
    rm -f "$stats" "$times"
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
echo "== whole process (load CSV, run, metrics, write and hash every artifact, index), $runs runs"
# Into a throwaway artifacts folder (and so its own results store): the user's runs are untouched.
BARS=525600 measure "P1, quantbt backtest" "; goal: median <= 0.18 s" \
    "$bin/quantbt" backtest --strategy sma-crossover --data data/sample/BTCUSD-1m.csv --set costs.commission=0.001 \
    --set params.fast=10 --set params.slow=30 --set params.size=1.0 --artifacts "$out/p1"

echo "== tearsheet of 525,600 bars: breakdowns.json and report.html/md (goal: under 100 ms to build, report under 2 MB)"
tear=$(mktemp -d "$out/tearsheet.XXXX")
best_b="" best_r=""
for _ in $(seq "$runs"); do
    QUANTBT_TIMINGS=1 "$bin/sma-crossover" experiments/sma-crossover --artifacts "$tear" >/dev/null 2>"$tear/timings"
    # The report: rendered ahead, beside the files, then finished with its provenance section.
    b=$(awk '$2=="breakdowns"{print $3}' "$tear/timings")
    r=$(awk '$2=="report" && $3=="ahead"{a=$4} $2=="report" && $3 ~ /^[0-9.]+$/{f=$3} END{print a + f}' "$tear/timings")
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
BARS=5256000 measure "10 symbols, quantbt backtest" "" \
    "$bin/quantbt" backtest --strategy sma-crossover "${symbols[@]}" --set costs.commission=0.001 --set params.fast=10 --set params.slow=30 --set params.size=1.0 --artifacts "$out/p10"

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
