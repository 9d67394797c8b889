// Trunk post-build hook: minifies the wasm-bindgen JavaScript glue (Trunk does not) and
// updates the Subresource Integrity hashes in index.html to match the new file contents. Last,
// it writes the service worker (sw.js) with the list of this build's files to precache.
//
// It also drops the JS classes that the `wasm-streams` crate exports (IntoUnderlyingSource,
// IntoUnderlyingSink, IntoUnderlyingByteSource). Leptos always links server_fn's browser
// client, which exports them, but a client-side-only app never calls them; un-exporting them
// lets the minifier remove them as dead code.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("postbuild: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const sri = (buf) => "sha384-" + createHash("sha384").update(buf).digest("base64");
const indexPath = join(dir, "index.html");
let index = readFileSync(indexPath, "utf8");

for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const source = before
    .toString("utf8")
    .replace(/^export class (IntoUnderlying\w+)/gm, "class $1")
    .replace(/^if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype.*$/gm, "")
    .replace(/: new FinalizationRegistry\(ptr => wasm\.__wbg_intounderlying/g, ": /*#__PURE__*/ new FinalizationRegistry(ptr => wasm.__wbg_intounderlying");
  const out = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  const after = Buffer.from(out.code, "utf8");
  writeFileSync(path, after);
  index = index.replaceAll(sri(before), sri(after));
  console.log(`postbuild: ${name} ${before.length} -> ${after.length} bytes`);
}
writeFileSync(indexPath, index);

// The service worker: this build's files (index.html as the offline page), and a version that
// changes whenever any file does, so browsers install the new worker on the next visit.
const walk = (rel) =>
  readdirSync(join(dir, rel)).flatMap((f) => {
    const r = rel ? `${rel}/${f}` : f;
    return statSync(join(dir, r)).isDirectory() ? walk(r) : [r];
  });
const files = walk("").filter((f) => f !== "sw.js" && !/\.(br|gz)$/.test(f)).sort();
const version = createHash("sha256");
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const sw = readFileSync("scripts/sw-template.js", "utf8")
  .replace("__VERSION__", version.digest("hex").slice(0, 16))
  .replace("__FILES__", JSON.stringify(files.map((f) => `/${f}`)));
writeFileSync(join(dir, "sw.js"), sw);
console.log(`postbuild: sw.js precaches ${files.length} files`);

// Compressed copies of every text file, for servers that send them as they are
// (scripts/serve.py does): brotli at its best setting, and gzip -9 for older clients.
for (const f of [...files, "sw.js"].filter((f) => /\.(wasm|js|css|html|svg|webmanifest)$/.test(f))) {
  const raw = readFileSync(join(dir, f));
  writeFileSync(join(dir, f) + ".br", brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }));
  writeFileSync(join(dir, f) + ".gz", gzipSync(raw, { level: 9 }));
}
console.log("postbuild: wrote .br and .gz copies");
