#!/usr/bin/env bash
# quantbt serve under load (release build, loopback only, bounded in count and time):
#   - GET /api/v1/runs?limit=50 with 1,000 runs indexed, paced at 200 requests/s for 15 s:
#     p50 / p99 latency                                                   goal p99 < 50 ms
#   - the same route flat out with wrk (4 connections, 10 s), when wrk is installed
#   - 100 small jobs (risk-portfolio runs, params.entry 20..119) submitted at once with
#     2 workers: all succeed, exactly 100 runs more indexed, and how long it took
# The server is started here and stopped by pid whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
echo "== release build"
swift build -c release --product quantbt >/dev/null
swift build -c release --product risk-portfolio >/dev/null
bin=$(swift build -c release --show-bin-path)
"$bin/quantbt" data samples >/dev/null
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/artifacts"
cp Package.swift "$work/"   # the folder is a package root, so `quantbt runs` works there
ln -s "$PWD/data" "$work/data"
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || true; }

echo "== $N runs indexed"
(cd "$work" && "$bin/quantbt" backtest --strategy sma-crossover --data data/sample/ETHUSD-1h.csv --from 2023-01-01 --to 2023-06-30 \
    --set params.fast=12 --set params.slow=48 >/dev/null)
python3 benchmarks/make-run-folders.py "$work/artifacts" "$((N - 1))"
(cd "$work" && "$bin/quantbt" runs reindex >/dev/null)
echo "$(cd "$work" && "$bin/quantbt" runs list --limit 0 --format csv | tail -n +2 | wc -l) runs in $work/artifacts/runs.sqlite"

"$bin/quantbt" serve --port 0 --workers 2 --no-build --artifacts "$work/artifacts" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.log" && break; sleep 0.1; done
url=$(grep -o "http://[0-9.:]*" "$work/server.log" | head -1)
echo "server: $url (pid $server)"

echo "== GET /api/v1/runs?limit=50, 200 requests/s for 15 s"
python3 - "$url/api/v1/runs?limit=50" <<'PY'
import http.client, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
path = u.path + "?" + u.query
conn.request("GET", path); r = conn.getresponse(); body = r.read()
assert r.status == 200 and b'"total": ' in body, (r.status, body[:200])
rate, seconds, latencies = 200, 15, []
start = time.perf_counter()
for i in range(rate * seconds):                       # bounded: 3,000 requests, paced
    due = start + i / rate
    now = time.perf_counter()
    if due > now: time.sleep(due - now)
    t = time.perf_counter()
    conn.request("GET", path); r = conn.getresponse(); r.read()
    assert r.status == 200
    latencies.append((time.perf_counter() - t) * 1000)
elapsed = time.perf_counter() - start
latencies.sort()
q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
print(f"{len(latencies)} requests in {elapsed:.1f} s ({len(latencies) / elapsed:.0f}/s): p50 {q(0.5):.2f} ms, p99 {q(0.99):.2f} ms, max {latencies[-1]:.2f} ms   (goal p99 < 50 ms)")
PY

if command -v wrk >/dev/null; then
    echo "== the same route flat out (wrk, 2 threads, 4 connections, 10 s)"
    wrk -t2 -c4 -d10s --latency "$url/api/v1/runs?limit=50" | grep -E "Requests/sec|99%|50%"
else
    echo "== wrk not installed (apt-get install wrk): flat-out figure skipped"
fi

echo "== 100 small jobs, 2 workers"
python3 - "$url" <<'PY'
import http.client, json, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
def call(method, path, body=None):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    c.request(method, path, body=json.dumps(body) if body is not None else None)
    r = c.getresponse(); data = json.loads(r.read()); c.close()
    return r.status, data
before = call("GET", "/api/v1/runs?limit=1")[1]["total"]
start = time.time()
ids = []
for entry in range(20, 120):
    status, job = call("POST", "/api/v1/jobs", {"experiment": "risk-portfolio", "set": [f"params.entry={entry}"]})
    assert status == 202, job
    ids.append(job["id"])
deadline = start + 600                                  # bounded: ten minutes at most
while time.time() < deadline:
    jobs = call("GET", "/api/v1/jobs")[1]["jobs"]
    mine = [j for j in jobs if j["id"] in ids]
    if all(j["status"] in ("succeeded", "failed", "cancelled") for j in mine): break
    time.sleep(0.5)
elapsed = time.time() - start
statuses = {}
for j in mine: statuses[j["status"]] = statuses.get(j["status"], 0) + 1
after = call("GET", "/api/v1/runs?limit=1")[1]["total"]
runs = {j["run_id"] for j in mine if j["run_id"]}
print(f"100 jobs in {elapsed:.1f} s: {statuses}; runs indexed {before} -> {after} (+{after - before}), {len(runs)} distinct run ids   (goal: 100 succeeded, +100)")
sys.exit(0 if statuses.get("succeeded") == 100 and after - before == 100 and len(runs) == 100 else 1)
PY
