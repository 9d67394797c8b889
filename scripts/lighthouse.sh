#!/usr/bin/env bash
# Lighthouse audit of the release build served locally (mobile preset, the default), printing
# the four category scores. Not part of the test command. Usage: scripts/lighthouse.sh [path]
# Lighthouse itself is fetched by npm on first use (lighthouse@12.8.2, cached afterwards).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
ensure_browser
build_release

path="${1:-/}"
port=4895
python3 scripts/serve.py --port "$port" dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
out="$(mktemp -d)/report.json"
step "Lighthouse (mobile) on $path"
CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" npm exec --yes --package=lighthouse@12.8.2 -- \
  lighthouse "http://127.0.0.1:$port$path" \
  --only-categories=performance,accessibility,best-practices,seo \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
  --output=json --output-path="$out" --quiet
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const [id, c] of Object.entries(r.categories)) {
  console.log(`${c.title.padEnd(16)} ${Math.round(c.score * 100)}`);
}
const failing = Object.values(r.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual");
if (failing.length) {
  console.log("\nAudits below full marks:");
  for (const a of failing) console.log(`  ${a.id}: ${a.displayValue ?? ""} (${Math.round(a.score * 100)})`);
}
const lcp = r.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
if (lcp) console.log(`\nLargest contentful paint: ${lcp.snippet} (${lcp.selector}) at ${r.audits["largest-contentful-paint"].displayValue}`);
' "$out"
