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
  for (const [, href] of html.matchAll(/(?:href|src)="(\/[^"]+\.(?:js|wasm|css))"/g)) {
    expect(files).toContain(href);
  }
  for (const f of files) {
    expect((await page.request.get(f)).status(), f).toBe(200);
  }
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
});
