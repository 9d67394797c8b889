// Prints the first-load transfer of the release bundle (each file brotli-compressed at
// quality 11) and fails when the total exceeds the budget in tests/size-budget.json.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = "dist";
const budget = JSON.parse(readFileSync("tests/size-budget.json", "utf8")).maxBrotliBytes;
// Every script, stylesheet and module of the bundle, including wasm-bindgen's snippets/.
const walk = (dir) =>
  readdirSync(join(dist, dir)).flatMap((f) => {
    const rel = dir ? `${dir}/${f}` : f;
    return statSync(join(dist, rel)).isDirectory() ? walk(rel) : [rel];
  });
const files = walk("").filter((f) => /\.(wasm|js|css)$/.test(f) && f !== "sw.js");
let total = 0;
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
console.log("file".padEnd(44), "raw".padStart(10), "gzip -9".padStart(10), "brotli".padStart(10));
for (const f of files.sort()) {
  const raw = readFileSync(join(dist, f));
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;
  const gz = gzipSync(raw, { level: 9 }).length;
  total += br;
  console.log(f.padEnd(44), kb(raw.length), kb(gz), kb(br));
}
if (!files.some((f) => f.endsWith(".wasm"))) {
  console.error("No .wasm in dist/: build first.");
  process.exit(1);
}
console.log(`first-load total (brotli): ${kb(total)} of ${kb(budget)} budget`);
if (total > budget) {
  console.error(`Over budget by ${total - budget} bytes.`);
  process.exit(1);
}
