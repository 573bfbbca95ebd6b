#!/usr/bin/env bash
# make fuzz: builds the libFuzzer harness (release, -sanitize=fuzzer,address, in .build/fuzz)
# and runs each target for FUZZ_SECONDS (default 120) from its corpus, fuzz/corpus/TARGET.tar
# (unpacked into .build/fuzz-seeds/TARGET), with its dictionary, in a working corpus under
# .build/fuzz-corpus/; at the end the inputs that add coverage are merged into the seeds and
# packed again into fuzz/corpus/TARGET.tar (commit it). The corpus is one archive per target,
# not loose files: 2,600 files made every `git status`, so every run's provenance, walk and
# stat them all (14 against 4 ms). A crash, a hang over 5 s or
# memory over 2 GB stops the target and is copied to fuzz/regressions/TARGET/, which
# `make test` replays from then on.
#   FUZZ_TARGETS="csv filter" FUZZ_SECONDS=1800 FUZZ_JOBS=2 make fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-120}
jobs=${FUZZ_JOBS:-1}
targets=${FUZZ_TARGETS:-"csv config sweep-axis artifacts filter job-request"}

echo "== building the harness (release, libFuzzer + AddressSanitizer, .build/fuzz)"
swift build -c release --build-path .build/fuzz --product quantbt-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -g 2>&1 | grep -vE "ld.gold: warning: Cannot export local symbol" | tail -3
bin=$(swift build -c release --build-path .build/fuzz --show-bin-path)/quantbt-fuzz

logs=$(mktemp -d)
status=0
# TARGET: its archive unpacked into a fresh .build/fuzz-seeds/TARGET.
unpack() {
  local seeds=.build/fuzz-seeds/$1
  rm -rf "$seeds" && mkdir -p "$seeds"
  [ -f "fuzz/corpus/$1.tar" ] && tar -xf "fuzz/corpus/$1.tar" -C "$seeds"
  return 0
}
# TARGET: the seeds packed into fuzz/corpus/TARGET.tar, byte for byte the same for the same
# files (sorted names, no times or owners), written beside it and renamed into place.
pack() {
  local seeds=.build/fuzz-seeds/$1 list
  list=$(mktemp)
  (cd "$seeds" && find . -maxdepth 1 -type f ! -name '.*' -printf '%f\n' | LC_ALL=C sort) >"$list"
  tar --format=ustar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
      -cf "fuzz/corpus/$1.tar.partial" -C "$seeds" -T "$list"
  mv "fuzz/corpus/$1.tar.partial" "fuzz/corpus/$1.tar"
  rm -f "$list"
}
fuzz_one() {  # TARGET: runs it, prints its last stats line, keeps a crash as a regression input
  local t=$1 dict=fuzz/dict/$1.dict artifacts="$logs/$1-artifacts/" work=.build/fuzz-corpus/$1 seeds=.build/fuzz-seeds/$1
  mkdir -p "fuzz/regressions/$t" "$artifacts" "$work"
  unpack "$t"
  local args=(-max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
              -artifact_prefix="$artifacts")
  [ -f "$dict" ] && args+=(-dict="$dict")
  if QUANTBT_FUZZ_TARGET=$t "$bin" "${args[@]}" "$work" "$seeds" "fuzz/regressions/$t" >"$logs/$t.log" 2>&1; then
    echo "$t: $(grep -E '^#[0-9]+.*(DONE|pulse)' "$logs/$t.log" | tail -1)"
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$logs/$t.log" | sed "s/^/  $t: /"
    local before
    before=$(ls "$seeds" | wc -l)
    QUANTBT_FUZZ_TARGET=$t "$bin" -merge=1 -max_len=65536 "$seeds" "$work" >"$logs/$t-merge.log" 2>&1
    pack "$t"
    echo "  $t: corpus $before -> $(ls "$seeds" | wc -l) inputs in fuzz/corpus/$t.tar (only those that add coverage are merged)"
  else
    echo "$t: FAILED (see below); inputs kept in fuzz/regressions/$t/"
    cp "$artifacts"* "fuzz/regressions/$t/" 2>/dev/null || true
    grep -E "ERROR|SUMMARY|Fatal error|deadly signal|timeout|out-of-memory" "$logs/$t.log" | head -5 | sed "s/^/  /"
    return 1
  fi
}
pids=()
for t in $targets; do
  fuzz_one "$t" &
  pids+=($!)
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
echo "logs: $logs"
exit $status
