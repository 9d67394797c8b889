#!/usr/bin/env bash
# Installs what is missing, builds Climb's release bundle and serves it on 127.0.0.1.
# Usage: scripts/serve.sh [--port N]   (or PORT=N scripts/serve.sh; default 8080)
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

port="${PORT:-8080}"
if [ "${1:-}" = "--port" ] && [ -n "${2:-}" ]; then port="$2"; fi

ensure_build_tools
build_release
step "Serving"
exec python3 scripts/serve.py --port "$port" dist
