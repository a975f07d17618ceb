#!/usr/bin/env bash
# biodpia performance benchmark (issue 8; `make bench`). Prints figures in one run:
#
#   1. the release build's transfer size: raw, gzip -9, brotli -q 11, per file and total
#   2. the native engine: full recompute of a fully answered bank (benches/engine.rs)
#   3. headless Chromium: navigation -> first question interactive, -> results page
#      rendered, answer -> updated live score and next frame (bench/browser.mjs; median and
#      p95 over BENCH_RUNS runs), unthrottled and with the CPU throttled 4x (as Lighthouse
#      does for a slow device; BENCH_THROTTLE=N for another rate, 1 to skip)
#      and where an answer's main-thread time goes, by trace event (bench/answer-profile.mjs);
#      with BENCH_FUNCTIONS=1 also by function (bench/cpu-profile.mjs) and the wasm's largest
#      items (twiggy top)
#   4. for comparison, SurveyJS's runtime (npm pack survey-core survey-js-ui), same run
#
# It never fails: a step that cannot run (no network for npm, no browser, a broken build)
# prints "unavailable" and the script goes on, always exiting 0. Targets are reported as
# met / NOT met, for reading, not for gating.
#
# Environment: BENCH_DIST (default target/bench-dist, its own folder so it never touches
# dist/), BENCH_RUNS (default 7), BENCH_SKIP_BUILD=1 (measure BENCH_DIST as it is),
# BENCH_SKIP_SURVEYJS=1, BENCH_FUNCTIONS=1.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

DIST="${BENCH_DIST:-$ROOT/target/bench-dist}"
RUNS="${BENCH_RUNS:-7}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/biodpia-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

section() { printf '\n== %s\n' "$*"; }

echo "biodpia benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPU(s): $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'), $(rustc --version 2>/dev/null), trunk $(trunk --version 2>/dev/null | awk '{print $2}'), wasm-opt $(wasm-opt --version 2>/dev/null | awk '{print $3}')"

# --- 1. Build and sizes ---------------------------------------------------------------
section "1. Transfer size (release build in $DIST)"
built=1
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  start=$(date +%s)
  if trunk build --release --dist "$DIST" >"$TMP/build.log" 2>&1; then
    echo "built in $(($(date +%s) - start)) s"
  else
    built=0
    echo "build: unavailable (trunk build failed; last lines:)"
    tail -n 15 "$TMP/build.log" | sed 's/^/  /'
  fi
fi
if [ "$built" = 1 ] && [ -f "$DIST/index.html" ]; then
  wasm=$(ls "$DIST"/*_bg.wasm 2>/dev/null | head -n1)
  js="${wasm%_bg.wasm}.js"
  css=$(ls "$DIST"/*.css 2>/dev/null)
  # What the widget's page loads: the wasm, its wasm-bindgen JS and the CSS.
  # shellcheck disable=SC2086
  node bench/sizes.mjs "widget code (wasm + js + css), the same for every language (texts are files of their own):" \
    "$wasm" "$js" $css
  others=()
  for f in "$DIST"/*; do
    case "$f" in "$wasm" | "$js" | *.css | "$DIST"/lang-*.json) ;; *) others+=("$f") ;; esac
  done
  node bench/sizes.mjs "other files in the build (loaders, page, manifest):" "${others[@]}"
  # A first load in one language, as the browser fetches it for the widget's own page: the
  # wasm, its JS, the CSS and that language's file (manifest.json "languages"; the page and
  # boot.js, ~1.6 kB gzip, are in "other files"). "raw" is the transfer with no server
  # compression. One block per language, each against the 250 kB gzip target.
  langs=$(node -e 'const m=require(process.argv[1]);for(const[c,l]of Object.entries(m.languages||{}))console.log(c+" "+l.file)' "$DIST/manifest.json" 2>/dev/null)
  if [ -z "$langs" ]; then
    echo "  (no languages in manifest.json)"
  fi
  while read -r code file; do
    [ -n "$code" ] || continue
    # shellcheck disable=SC2086
    node bench/sizes.mjs "first load in $code (wasm + js + css + $file); raw = no server compression:" \
      --target-gzip 250000 --stretch-gzip 200000 "$wasm" "$js" $css "$DIST/$file"
  done <<<"$langs"
  out=$(ls -td target/wasm32-unknown-unknown/release/build/biodpia-*/out 2>/dev/null | head -n1)
  if [ -n "$out" ] && [ -f "$out/bank.bin" ]; then
    node bench/sizes.mjs "of the wasm: the bank's structure as embedded (compact form, src/domain/compact.rs; no texts):" "$out/bank.bin"
  fi
else
  echo "sizes: unavailable (no build in $DIST)"
fi

# --- 2. Native engine -----------------------------------------------------------------
section "2. Engine, native (cargo bench --bench engine)"
if BIODPIA_BENCH_SEED="$TMP/seed.json" cargo bench -q --bench engine >"$TMP/engine.log" 2>&1; then
  grep -v '^\s*Running\|^\s*Finished\|^\s*Compiling' "$TMP/engine.log"
else
  echo "engine: unavailable (cargo bench failed; last lines:)"
  tail -n 15 "$TMP/engine.log" | sed 's/^/  /'
fi

# --- 3. Browser -----------------------------------------------------------------------
section "3. Headless Chromium, median of $RUNS runs"
if [ -f "$DIST/index.html" ]; then
  seed_args=()
  [ -f "$TMP/seed.json" ] && seed_args=(--seed "$TMP/seed.json")
  timeout 900 node bench/browser.mjs "$DIST" --runs "$RUNS" "${seed_args[@]}" || echo "browser: unavailable"
  throttle="${BENCH_THROTTLE:-4}"
  if [ "$throttle" != "1" ]; then
    echo
    timeout 1800 node bench/browser.mjs "$DIST" --runs "$RUNS" --throttle "$throttle" "${seed_args[@]}" ||
      echo "browser (throttled): unavailable"
  fi
  # Where an answer's main-thread time goes (trace events per answer), unthrottled and throttled.
  echo
  timeout 300 node bench/answer-profile.mjs "$DIST" || echo "answer-profile: unavailable"
  if [ "$throttle" != "1" ]; then
    timeout 300 node bench/answer-profile.mjs "$DIST" --throttle "$throttle" || echo "answer-profile (throttled): unavailable"
  fi
  # BENCH_FUNCTIONS=1: the same answers by function (bench/cpu-profile.mjs) and the wasm's
  # biggest items (twiggy top, if installed), on a copy of the build whose wasm keeps its name
  # section (wasm-bindgen, then wasm-opt -Oz -g with index.html's flags; ~1 min).
  if [ "${BENCH_FUNCTIONS:-0}" = "1" ]; then
    echo
    named="$ROOT/target/prof-dist"
    wasm_file=$(basename "$(ls "$DIST"/*_bg.wasm | head -n1)")
    stem="${wasm_file%_bg.wasm}"
    flags=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | sed 's/^[^"]*"//; s/"$//; s/--strip-[a-z-]*//g')
    if rm -rf "$named" && cp -r "$DIST" "$named" &&
      wasm-bindgen --target web --out-dir "$TMP/named" --out-name "$stem" target/wasm32-unknown-unknown/release/biodpia.wasm &&
      # shellcheck disable=SC2086
      wasm-opt -Oz -g $flags "$TMP/named/${stem}_bg.wasm" -o "$named/${stem}_bg.wasm" &&
      cp "$TMP/named/$stem.js" "$named/" && sed -i 's/ integrity=[^ >]*//g' "$named/index.html"; then
      timeout 300 node bench/cpu-profile.mjs "$named" --throttle "${BENCH_THROTTLE:-4}" --top 25 || echo "cpu-profile: unavailable"
      if command -v twiggy >/dev/null; then
        echo "largest items of the wasm (twiggy top, raw bytes, names kept):"
        twiggy top -n 20 "$named/${stem}_bg.wasm" | cut -c1-160
      else
        echo "twiggy: not installed (cargo install twiggy)"
      fi
    else
      echo "cpu-profile: unavailable (could not build the wasm with names)"
    fi
  fi
else
  echo "browser: unavailable (no build)"
fi

# --- 4. SurveyJS, for comparison -------------------------------------------------------
section "4. For comparison: SurveyJS runtime (npm pack survey-core survey-js-ui)"
if [ "${BENCH_SKIP_SURVEYJS:-0}" = "1" ]; then
  echo "surveyjs: skipped (BENCH_SKIP_SURVEYJS=1)"
else
  (
    cd "$TMP" || exit 1
    # survey-js-ui first, then the survey-core version it is built for (its peer dependency).
    timeout 180 npm pack --silent survey-js-ui >pack.log 2>&1 || exit 1
    ui=$(ls survey-js-ui-*.tgz | head -n1)
    mkdir ui core && tar -xzf "$ui" -C ui || exit 1
    core_version=$(node -e 'const p=require("./ui/package/package.json");console.log((p.peerDependencies||{})["survey-core"]||"latest")')
    timeout 180 npm pack --silent "survey-core@$core_version" >>pack.log 2>&1 || exit 1
    tar -xzf "$(ls survey-core-*.tgz | head -n1)" -C core || exit 1
    css=core/package/survey-core.min.css
    [ -f "$css" ] || css=core/package/defaultV2.min.css
    ui_version=$(node -e 'console.log(require("./ui/package/package.json").version)')
    node "$ROOT/bench/sizes.mjs" "SurveyJS $ui_version runtime (survey-core $core_version + survey-js-ui, default theme CSS), English only:" \
      core/package/survey.core.min.js ui/package/survey-js-ui.min.js "$css"
    [ -f core/package/i18n/dutch.min.js ] &&
      node "$ROOT/bench/sizes.mjs" "  plus Dutch for SurveyJS's own UI strings:" core/package/i18n/dutch.min.js
    echo "  (SurveyJS figures exclude any survey definition: the questions, risk logic and texts would come on top)"
  ) || echo "surveyjs: unavailable (npm pack failed: offline or registry unreachable)"
fi

echo
echo "bench: done (figures only; this script never fails the test run)"
exit 0
