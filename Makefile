# biodpia: build, serve and test. `make serve` and `make test` are all a developer needs;
# both first run scripts/setup.sh, which installs the tools (a quick no-op once done).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# npm's wasm-opt (binaryen 132) must come first on PATH: Trunk runs the first wasm-opt it finds.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# No online version check (only the package registries are reachable).
export TRUNK_SKIP_VERSION_CHECK := true
# wasm-bindgen-test-runner: headless Chromium through Debian's chromedriver.
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 120
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 30

# Browser test files run by `cargo test --target wasm32-unknown-unknown` (tests/web*.rs).
WEB_TESTS := $(patsubst tests/%.rs,%,$(wildcard tests/web*.rs))

.PHONY: help setup build serve examples test test-native test-web e2e bench clean

help:
	@echo "make serve   build and serve the widget at http://127.0.0.1:8080 (rebuilds on change)"
	@echo "make test    native tests, browser tests, release build, end-to-end tests"
	@echo "make build   release build into dist/"
	@echo "make examples  build, then serve examples/ at http://127.0.0.1:8081 with dist/ under /biodpia/"
	@echo "make e2e     end-to-end tests against the current dist/ (after make build)"
	@echo "make bench   run bench/bench.sh"
	@echo "make setup   install the tools (scripts/setup.sh)"

setup:
	@bash scripts/setup.sh

build: setup
	trunk build --release

serve: setup
	trunk serve --release --address 127.0.0.1 --port 8080

# Sequential on purpose (safe under make -j): native tests, browser tests, build, e2e, then a
# build with a third (pseudo-)language and the wizard in it (tests/third-language.sh).
test: setup
	cargo test
	# The benchmark is not a test, but it must keep compiling (bench/bench.sh runs it).
	cargo test --benches --no-run
	@$(MAKE) --no-print-directory test-web
	trunk build --release
	node tests/e2e/run.mjs
	bash tests/third-language.sh

test-native:
	cargo test
	# The benchmark is not a test, but it must keep compiling (bench/bench.sh runs it).
	cargo test --benches --no-run

test-web:
ifneq ($(WEB_TESTS),)
	cargo test --target wasm32-unknown-unknown $(addprefix --test ,$(WEB_TESTS))
else
	@echo "test-web: no tests/web*.rs, skipped"
endif

e2e: setup
	node tests/e2e/run.mjs

# The embedding examples (README "Embedding"): host pages at /, the built widget under /biodpia/.
examples: build
	node tests/e2e/server.mjs examples 8081 --mount /biodpia/=dist

bench: setup
	@if [ -f bench/bench.sh ]; then bash bench/bench.sh; else echo "bench: no bench/bench.sh yet"; fi

clean:
	cargo clean
	rm -rf dist
