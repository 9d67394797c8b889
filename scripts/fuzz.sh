#!/usr/bin/env bash
# A long fuzz run over the import path (not part of the test command): mutated exports and
# JSON-shaped noise through the same code that reads files, share links and saved data.
# Usage: scripts/fuzz.sh [cases]   (default 100000 per property)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-100000}"
echo "Fuzzing import with $CASES cases per property (release build)…"
start=$(date +%s)
CLIMB_FUZZ_CASES="$CASES" cargo test --release --test import_fuzz -- --nocapture
echo "Done in $(( $(date +%s) - start )) s. Failing seeds, if any, are in tests/proptest-regressions/."
