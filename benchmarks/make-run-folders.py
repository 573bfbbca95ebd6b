"""Copies of one real run folder for the store and server benchmarks: ARTIFACTS N.

Takes the oldest run under ARTIFACTS/backtest-sma-crossover and makes N more beside it:
files hard-linked, except config.yaml and metrics.json, rewritten so every copy has its own
params (fast, slow) and Sharpe, and its manifest and provenance, so each checks out.
"""
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
