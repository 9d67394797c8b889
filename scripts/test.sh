#!/usr/bin/env bash
# Installs what is missing, then runs every test layer of Climb:
# format, clippy (native and wasm32), native tests, browser tests in headless Chromium,
# the release build with its size budget, and the Playwright end-to-end suite.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ensure_build_tools
ensure_browser

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "Native tests"
cargo test

step "Browser tests (wasm-bindgen-test, headless Chromium)"
export CHROMEDRIVER=/usr/bin/chromedriver
for t in tests/browser_*.rs; do
  cargo test --target wasm32-unknown-unknown --test "$(basename "$t" .rs)"
done

build_release

step "Size budget (brotli)"
node tests/size-budget.mjs

step "End-to-end (Playwright)"
npx playwright test

step "All tests passed"
