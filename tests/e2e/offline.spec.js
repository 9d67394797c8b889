// Installable and usable offline after the first visit.
import { readFileSync } from "node:fs";
import { test, expect, openApp, expectSaved } from "./fixtures.js";

test("after the first visit Climb loads and works offline", async ({ page, context }) => {
  await openApp(page, "/team");
  // The service worker has installed this build's files.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("climb-")).length))
    .toBe(1);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const field = page.getByRole("textbox", { name: "Name", exact: true });
  await field.fill("Offline Olu");
  await field.press("Enter");
  await expectSaved(page);
  // Another page of the app, opened directly while offline.
  await page.goto("/goals");
  await expect(page.getByRole("heading", { level: 1, name: "Micro-goals" })).toBeVisible();
  await context.setOffline(false);
});

test("the service worker precaches exactly this build, and the manifest makes Climb installable", async ({
  page,
}) => {
  await openApp(page, "/");
  const sw = await (await page.request.get("/sw.js")).text();
  const files = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
  expect(files).toContain("/index.html");
  const html = readFileSync("dist/index.html", "utf8");
  // Every script, stylesheet and module the page loads is in the list.
  const loaded = [...html.matchAll(/(\/[\w./-]+\.(?:js|wasm|css))\b/g)].map((m) => m[1]);
  expect(loaded.filter((f) => /\.(js|wasm|css)$/.test(f)).length).toBeGreaterThanOrEqual(3);
  for (const f of loaded) expect(files).toContain(f);
  for (const f of files) {
    expect((await page.request.get(f)).status(), f).toBe(200);
  }
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
});

test("a new release is picked up on the next load, and its files replace the old ones together", async ({
  browser,
}, info) => {
  // A copy of the build, served on its own port, that this test can "release" anew.
  const { cpSync, readdirSync, rmSync, writeFileSync } = await import("node:fs");
  const { createHash } = await import("node:crypto");
  const { spawn } = await import("node:child_process");
  const root = info.outputPath("site");
  cpSync("dist", root, { recursive: true });
  const port = 4878 + info.workerIndex; // one server per parallel worker
  const server = spawn("python3", ["scripts/serve.py", "--port", String(port), root], {
    env: { ...process.env, CLIMB_SERVE_QUIET: "1" },
    stdio: "ignore",
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await expect.poll(() => page.goto(`${base}/team`).then((r) => r.status()).catch(() => 0)).toBe(200);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const cacheNames = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("climb-")));
    await expect.poll(cacheNames).toHaveLength(1);
    const [oldCache] = await cacheNames();

    // The release: a changed stylesheet under a new hashed name, a page that links it, and the
    // service worker of the new build.
    const css = readdirSync(root).find((f) => /^main-.*\.css$/.test(f));
    const newCss = readFileSync(`${root}/${css}`, "utf8") + ":root{--release:2}";
    const newName = `main-${createHash("sha256").update(newCss).digest("hex").slice(0, 16)}.css`;
    writeFileSync(`${root}/${newName}`, newCss);
    const integrity = "sha384-" + createHash("sha384").update(newCss).digest("base64");
    const html = readFileSync(`${root}/index.html`, "utf8")
      .replace(/href=\/main-[^ >]+\.css integrity=[^ >]+/, `href=/${newName} integrity=${integrity}`);
    expect(html).toContain(newName);
    writeFileSync(`${root}/index.html`, html);
    const sw = readFileSync(`${root}/sw.js`, "utf8")
      .replace(/const VERSION = "[^"]+"/, 'const VERSION = "release-2"')
      .replace(`"/${css}"`, `"/${newName}"`);
    writeFileSync(`${root}/sw.js`, sw);
    for (const f of ["index.html", "sw.js"]) for (const ext of [".br", ".gz"]) rmSync(`${root}/${f}${ext}`);

    // The next load shows the new release, and the old build's cache goes once the new one is in.
    await page.reload();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const marker = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--release").trim());
    expect(await marker()).toBe("2");
    await expect.poll(cacheNames, { timeout: 10000 }).toEqual(["climb-release-2"]);
    expect(oldCache).not.toBe("climb-release-2");

    // Offline, the cached page and its files are the new release's, all of them.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    expect(await marker()).toBe("2");
    await context.close();
  } finally {
    server.kill();
  }
});
