# Installs what building and testing Climb needs, skipping whatever is already present.
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run again and again.
# Nothing is downloaded from GitHub: crates.io, npm and Debian's apt only.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
# The CLI must match the wasm-bindgen crate exactly; Cargo.toml pins it with "=".
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$ROOT/node_modules/binaryen/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    step "Installing trunk $TRUNK_VERSION (takes 8 to 15 minutes once)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
    step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes once)"
    # No --locked: its lock file pins a crate version that is no longer on the registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# npm dev packages (binaryen's wasm-opt, Playwright, axe), reinstalled when the lock changes.
ensure_npm() {
  local stamp="node_modules/.climb-lock-sha"
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    step "Installing npm dev packages"
    npm ci --no-audit --no-fund
    echo "$want" >"$stamp"
  fi
}

ensure_crates() {
  # Trunk builds offline, so every crate must be in the local registry first.
  cargo fetch --quiet
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_npm
  ensure_crates
  ensure_wasm_bindgen
  ensure_trunk
}

ensure_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    step "Installing Chromium and ChromeDriver from apt"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium chromium-driver
  fi
}

build_release() {
  step "Building the release bundle"
  trunk build --release
}
