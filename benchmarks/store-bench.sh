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
python3 - "$work/artifacts" "$N" <<'PY'
import hashlib, json, os, sys
root, n = sys.argv[1], int(sys.argv[2])
exp = os.path.join(root, "backtest-sma-crossover")
base = sorted(d for d in os.listdir(exp) if not d.startswith(".") and d != "latest")[0]
src = os.path.join(exp, base)
manifest = json.load(open(os.path.join(src, "manifest.json")))
config = open(os.path.join(src, "config.yaml")).read()
metrics = json.load(open(os.path.join(src, "metrics.json")))
prov = json.load(open(os.path.join(src, "provenance.json")))
for i in range(n):
    name = f"20260101T{i // 3600 % 24:02d}{i // 60 % 60:02d}{i % 60:02d}Z-{i:08x}"
    dst = os.path.join(exp, name)
    os.mkdir(dst)
    for f in manifest["files"]:
        if f not in ("config.yaml", "metrics.json"):
            os.link(os.path.join(src, f), os.path.join(dst, f))
    fast, slow = 5 + i % 50, 20 + (i // 50) % 200
    c = config.replace("fast: 12", f"fast: {fast}").replace("slow: 48", f"slow: {slow}")
    metrics["metrics"]["sharpe"] = (i % 300) / 100.0
    m = json.dumps(metrics, indent=2, sort_keys=True) + "\n"
    files = dict(manifest["files"])
    for f, text in (("config.yaml", c), ("metrics.json", m)):
        open(os.path.join(dst, f), "w").write(text)
        files[f] = hashlib.sha256(text.encode()).hexdigest()
    mt = json.dumps({"algorithm": "sha256", "files": files}, indent=2, sort_keys=True) + "\n"
    open(os.path.join(dst, "manifest.json"), "w").write(mt)
    prov["run_id"], prov["manifest_sha256"] = name, hashlib.sha256(mt.encode()).hexdigest()
    open(os.path.join(dst, "provenance.json"), "w").write(json.dumps(prov, indent=2, sort_keys=True) + "\n")
PY

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
