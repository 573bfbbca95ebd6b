#!/usr/bin/env bash
# Sweep memory and time (issue 15), release build, whole process of the experiment binary:
# the 100-cell grid fast=10:100:10 x slow=200:1100:100 on a year of 1-minute bars with 2 and
# 1 workers, then a 1,000-cell grid (slow in steps of 10) whose peak memory must stay within
# 10 % of the 100-cell one. Goals: 100 cells < 300 MB and < 2.5 s with 2 workers, 2 workers
# >= 1.7x faster than 1, 1,000 cells within 10 % of the 100-cell memory.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "installing GNU time"; apt-get install -y -qq time >/dev/null; }
swift build -c release --product quantbt >/dev/null
swift build -c release --product sma-crossover >/dev/null
bin=$(swift build -c release --show-bin-path)
"$bin/quantbt" data samples >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

sweep() {  # workers, slow step, slow stop: prints "seconds peak-KB"
    /usr/bin/time -f "%e %M" -o "$out/stats" "$bin/sma-crossover" experiments/sma-crossover --sweep --artifacts "$out" \
        --set params.fast=10:100:10 --set "params.slow=200:$3:$2" --workers "$1" >/dev/null 2>"$out/progress"
    cat "$out/stats"
}
read -r t2 m2 < <(sweep 2 100 1100)
read -r t1 m1 < <(sweep 1 100 1100)
read -r t1k m1k < <(sweep 2 10 1190)
awk -v t2="$t2" -v m2="$m2" -v t1="$t1" -v m1="$m1" -v t1k="$t1k" -v m1k="$m1k" 'BEGIN {
    printf "100 cells, 2 workers     %6.2f s  peak %6.1f MB   goal < 2.5 s, < 300 MB\n", t2, m2/1024
    printf "100 cells, 1 worker      %6.2f s  peak %6.1f MB\n", t1, m1/1024
    printf "speed-up of 2 workers    %6.2fx                  goal >= 1.7x\n", t1/t2
    printf "1,000 cells, 2 workers   %6.2f s  peak %6.1f MB   goal peak within 10 %% of 100 cells (%+.1f %%)\n", t1k, m1k/1024, (m1k/m2-1)*100
}'
