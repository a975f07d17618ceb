#!/usr/bin/env bash
# Install every tool that building, serving and testing biodpia needs.
#
# Idempotent: each step first checks what is there (at the right version) and does
# nothing when it is. A second run takes about a second. Only the package registries
# are used (Debian, crates.io, npm, the Rust download server): nothing is fetched from
# GitHub, no browser is downloaded (Playwright drives Debian's /usr/bin/chromium).
#
# See /work/shared/TOOLCHAIN.md (or the README) for why each version is pinned.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130" # must equal the wasm-bindgen version in Cargo.lock
WASM_OPT_VERSION="132"         # npm binaryen@132.0.0; Trunk.toml says wasm_opt = "version_132"
# libreoffice-writer-nogui: soffice, which tests/e2e/docx.test.mjs converts the .docx export with.
# fonts-crosextra-carlito: the .docx is set in Calibri; Carlito is its metric-compatible free twin
# (what a full Debian LibreOffice recommends). Without it LibreOffice falls back to the wider
# DejaVu Sans and breaks words inside the narrow table columns.
APT_PACKAGES=(chromium chromium-driver firefox-esr poppler-utils brotli python3 fonts-liberation fonts-crosextra-carlito libreoffice-writer-nogui)

export PATH="$HOME/.cargo/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive

log() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

apt_install() {
  # Install the named Debian packages; refresh the package lists only if that fails.
  if ! $SUDO apt-get install -y -q --no-install-recommends "$@"; then
    log "apt-get install failed; running apt-get update and retrying"
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "$@"
  fi
}

dpkg_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}

# --- 1. Debian packages ---------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg_installed "$p" || missing+=("$p")
done
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  apt_install "${missing[@]}"
fi
# Debian's binaryen (wasm-opt 108) cannot read what rustc 1.95 emits, and Trunk would pick
# /usr/bin/wasm-opt before node_modules/.bin/wasm-opt: never leave it installed.
if dpkg_installed binaryen; then
  log "removing Debian's binaryen (too old; would shadow npm's wasm-opt)"
  $SUDO apt-get remove -y -q binaryen
fi

[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after install"
# Firefox ESR: tests/e2e/firefox.test.mjs prints the summary in it (puppeteer-core, WebDriver BiDi).
[ -x /usr/bin/firefox-esr ] || die "/usr/bin/firefox-esr missing after install"
command -v chromedriver >/dev/null 2>&1 || die "chromedriver missing after install"
chromium_major="$(/usr/bin/chromium --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)"
driver_major="$(chromedriver --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)"
if [ -n "$chromium_major" ] && [ "$chromium_major" != "$driver_major" ]; then
  die "chromium $chromium_major and chromedriver $driver_major differ; run: apt-get install --only-upgrade chromium chromium-driver"
fi

# --- 2. Rust toolchain (pinned by rust-toolchain.toml) ----------------------------------
command -v rustup >/dev/null 2>&1 || die "rustup not found (expected in ~/.cargo/bin)"
# RUSTUP_AUTO_INSTALL=0 may be set: then neither the toolchain nor the file's targets are
# installed on first use, so do it here.
if ! rustc --version >/dev/null 2>&1; then
  log "installing the Rust toolchain named in rust-toolchain.toml"
  rustup toolchain install
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- 3. Cargo-installed tools -----------------------------------------------------------
tool_version() { # prints the second word of `$1 --version`, or nothing
  "$1" --version 2>/dev/null | awk 'NR==1{print $2}' || true
}

if [ "$(tool_version trunk)" != "$TRUNK_VERSION" ]; then
  # 0.22.x needs a newer rustc than we pin; --locked keeps its dependencies buildable.
  log "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi
[ "$(tool_version trunk)" = "$TRUNK_VERSION" ] || die "trunk --version is not $TRUNK_VERSION"

if [ "$(tool_version wasm-bindgen)" != "$WASM_BINDGEN_VERSION" ] \
  || [ "$(tool_version wasm-bindgen-test-runner)" != "$WASM_BINDGEN_VERSION" ]; then
  # Deliberately without --locked: its lock file names a webpki-roots version that the
  # registry no longer has.
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
[ "$(tool_version wasm-bindgen)" = "$WASM_BINDGEN_VERSION" ] \
  || die "wasm-bindgen --version is not $WASM_BINDGEN_VERSION"

# --- 4. npm packages (wasm-opt, playwright-core, puppeteer-core, axe-core, terser) ------------------------
stamp="node_modules/.biodpia-setup-stamp"
want_stamp="$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want_stamp" ] \
  || ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version $WASM_OPT_VERSION\b"; then
  if [ -f package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund
  else
    log "npm install (no package-lock.json yet)"
    npm install --no-audit --no-fund
    want_stamp="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
  fi
  echo "$want_stamp" >"$stamp"
fi
node_modules/.bin/wasm-opt --version | grep -q "version $WASM_OPT_VERSION\b" \
  || die "node_modules/.bin/wasm-opt is not version $WASM_OPT_VERSION"

log "ok: $(trunk --version), $(wasm-bindgen --version), wasm-opt $WASM_OPT_VERSION," \
  "$(/usr/bin/chromium --version 2>/dev/null | awk '{print $1, $2}'), $(/usr/bin/firefox-esr --version 2>/dev/null)," \
  "node $(node --version)"
