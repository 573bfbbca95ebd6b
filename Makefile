# The two commands a new user runs (see README.md):
#   make run    install what is missing, build, run experiments/sma-crossover on the sample data
#   make test   install what is missing, build, run every test (goldens included)
#   make test-browser   headless Chromium checks every shipped report (make test runs it too)
#   make test-peers     metrics.profile against empyrical and quantstats (make test runs it too)
#   make fuzz           libFuzzer on every parser of outside input (FUZZ_SECONDS each, default 120)
#   make check-release  the release build (its own link flags) gives P1 the same artifacts as the debug build
# Others: make bench (release benchmark), make bench-store (results store), make bench-sweep (sweep memory and time), make bench-server (job server under load), make data (sample data), make build.

SWIFT ?= swift
QUANTBT = .build/debug/quantbt
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PACKAGES = libsqlite3-dev libgit2-dev

.PHONY: run test test-browser test-peers check-release fuzz build deps data bench bench-store bench-sweep bench-server clean

run: build data
	$(QUANTBT) run experiments/sma-crossover

test: build data
	$(SWIFT) test
	bash Tests/browser/check-reports.sh
	bash Tests/peers/check-profiles.sh

# The release build make bench times (its own link flags) built, and P1 run with it and with the debug build: same artifacts. CI runs it after make test.
check-release: build data
	bash Tests/release/check-release.sh

# metrics.profile checked against the peer libraries (a venv in .build/peers; skipped without python3 or PyPI).
test-peers: build data
	bash Tests/peers/check-profiles.sh

# libFuzzer on every parser of outside input; crashes are kept in fuzz/regressions/, which make test replays.
fuzz: deps
	bash fuzz/run.sh

# Headless Chromium opens every shipped report from disk, offline (installs chromium when missing).
test-browser: build
	bash Tests/browser/check-reports.sh

# Builds every product: quantbt, each experiment's executable (the golden tests run them) and the tests.
build: deps
	$(SWIFT) build --build-tests

# Debian packages the build links against, installed only when missing.
deps:
	@command -v $(SWIFT) >/dev/null || { echo "error: swift is not on PATH; install a Swift 6 toolchain (swift.org/install)"; exit 1; }
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

# Generates missing sample files (data/samples.yaml) and checks every SHA-256.
data: build
	$(QUANTBT) data samples

bench: deps
	bash benchmarks/run.sh

# The results store: indexing cost of a run, reindex and list over 10,000 runs (release build).
bench-store: deps
	bash benchmarks/store-bench.sh

# Sweep memory and time: 100 and 1,000 cells, 1 and 2 workers (release build).
bench-sweep: deps
	bash benchmarks/sweep-bench.sh

# quantbt serve: GET /api/v1/runs at 200 requests/s over 1,000 runs, and 100 jobs (release build, loopback).
bench-server: deps
	bash benchmarks/server-bench.sh

clean:
	rm -rf .build artifacts/*/
