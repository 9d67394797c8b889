#!/usr/bin/env bash
# The benchmark command: builds the release, then prints every figure of tests/bench/bench.mjs
# (ratios against baselines measured in the same browser run) and the first-load sizes.
# Not part of the test command: timings vary from machine to machine.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
ensure_browser
build_release
step "Benchmark (one headless Chromium run)"
node tests/bench/bench.mjs
