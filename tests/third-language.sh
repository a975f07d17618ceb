#!/usr/bin/env bash
# A third language is only its folder (issue 14): copies questions/ into target/third-language/,
# adds a pseudo-language there (scripts/pseudo-locale.py: locales/qps-ploc/, every text wrapped
# in ⟦ ⟧), builds the widget from that copy (BIODPIA_QUESTIONS) into its own folder, and runs
# tests/e2e/*.fixture.mjs against it: the language is in the menu, its file is the only one
# fetched when the widget starts in it, and the wizard runs in it to the verdict.
# `make test` runs it after the other end-to-end tests; dist/ is not touched.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$ROOT/target/third-language"
rm -rf "$WORK/questions" "$WORK/dist"
mkdir -p "$WORK"
cp -r questions "$WORK/questions"
python3 scripts/pseudo-locale.py "$WORK/questions" qps-ploc
BIODPIA_QUESTIONS="$WORK/questions" trunk build --release --dist "$WORK/dist"
E2E_DIST="$WORK/dist" E2E_SUITE=fixture node tests/e2e/run.mjs
