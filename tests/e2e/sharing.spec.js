import { readFileSync, writeFileSync } from "node:fs";
import { test, expect, openApp, expectSaved } from "./fixtures.js";

async function exportWorkspace(page, path) {
  await openApp(page, "/data");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export workspace" }).click();
  await (await download).saveAs(path);
}

async function importFile(page, path) {
  await openApp(page, "/data");
  await page.getByLabel("Import a file (.climb.json)").setInputFiles(path);
  await expect(page.getByRole("region", { name: "Import preview" })).toBeVisible();
}

async function makeBoard(page, title, cards) {
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "Create board" }).click();
  for (const [rung, text] of cards) {
    const lane = page.getByRole("region", { name: `Rung: ${rung}`, exact: true });
    await lane.getByRole("textbox", { name: `New card on ${rung}` }).fill(text);
    await lane.getByRole("textbox", { name: `New card on ${rung}` }).press("Enter");
    await expect(lane.getByRole("listitem", { name: `Card: ${text}` })).toBeVisible();
  }
  await expectSaved(page);
}

test("export, clear storage, import: everything is back", async ({ page }, info) => {
  await makeBoard(page, "Exported retro", [["Excuses", "Late again"], ["Own it", "We fix the build"]]);
  const file = info.outputPath("export.climb.json");
  await exportWorkspace(page, file);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await importFile(page, file);
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview.getByRole("row", { name: /^Cards/ })).toContainText("2");
  await preview.getByRole("button", { name: "Merge into this workspace" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported: 4 records" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Boards" }).click();
  await page.getByRole("link", { name: "Exported retro" }).click();
  await expect(page.getByRole("listitem", { name: "Card: Late again" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Card: We fix the build" })).toBeVisible();
});

test("two browsers edit copies, exchange files, merge, and both end with all cards", async ({ browser }, info) => {
  const a = await (await browser.newContext()).newPage();
  await makeBoard(a, "Shared retro", [["Excuses", "From the start"]]);
  const base = info.outputPath("base.climb.json");
  await exportWorkspace(a, base);
  const b = await (await browser.newContext()).newPage();
  await importFile(b, base);
  await b.getByRole("button", { name: "Merge into this workspace" }).click();

  // Each adds a card to the same board.
  for (const [page, text] of [[a, "Card from A"], [b, "Card from B"]]) {
    await openApp(page, "/boards");
    await page.getByRole("link", { name: "Shared retro" }).click();
    const lane = page.getByRole("region", { name: "Rung: Own it", exact: true });
    await lane.getByRole("textbox", { name: "New card on Own it" }).fill(text);
    await lane.getByRole("textbox", { name: "New card on Own it" }).press("Enter");
    await expectSaved(page);
  }
  const fa = info.outputPath("a.climb.json");
  const fb = info.outputPath("b.climb.json");
  await exportWorkspace(a, fa);
  await exportWorkspace(b, fb);
  await importFile(a, fb);
  await a.getByRole("button", { name: "Merge into this workspace" }).click();
  await importFile(b, fa);
  await b.getByRole("button", { name: "Merge into this workspace" }).click();
  for (const page of [a, b]) {
    await openApp(page, "/boards");
    await expect(page.getByRole("list", { name: "Boards" }).getByRole("listitem")).toHaveCount(1);
    await page.getByRole("link", { name: "Shared retro" }).click();
    for (const text of ["From the start", "Card from A", "Card from B"]) {
      await expect(page.getByRole("listitem", { name: `Card: ${text}` })).toHaveCount(1);
    }
  }
  // Importing the same file again changes nothing.
  await importFile(a, fb);
  await a.getByRole("button", { name: "Merge into this workspace" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Nothing to import" })).toBeVisible();
});

test("a file with script tags shows them as text", async ({ page }, info) => {
  await makeBoard(page, "Safe", [["Excuses", "placeholder"]]);
  const file = info.outputPath("evil.climb.json");
  await exportWorkspace(page, file);
  const json = JSON.parse(readFileSync(file, "utf8"));
  json.cards[0].text = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
  json.cards[0].version += 1;
  json.boards[0].title = "<b>bold?</b>";
  json.boards[0].version += 1;
  writeFileSync(file, JSON.stringify(json));
  await importFile(page, file);
  await page.getByRole("button", { name: "Merge into this workspace" }).click();
  await openApp(page, "/boards");
  await expect(page.getByRole("link", { name: "<b>bold?</b>" })).toBeVisible();
  await page.getByRole("link", { name: "<b>bold?</b>" }).click();
  await expect(page.getByText('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">')).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator(".card-text img, .card-text script").count()).toBe(0);
});

test("a corrupted or foreign file changes nothing and says why", async ({ page }, info) => {
  await makeBoard(page, "Keep me", [["Own it", "Still here"]]);
  const before = await page.evaluate(() => localStorage.getItem("climb.workspace"));
  const cases = [
    ["truncated.climb.json", '{"type":"climb.workspace","schemaVersion":2,"cards":[{"id":"x"', "cut off"],
    ["notes.txt.json", "hello, this is not JSON", "not valid JSON"],
    ["other.json", '{"type":"excalidraw","elements":[]}', "not a Climb workspace"],
    ["future.climb.json", '{"type":"climb.workspace","schemaVersion":99}', "newer version of Climb"],
  ];
  for (const [name, text, reason] of cases) {
    const file = info.outputPath(name);
    writeFileSync(file, text);
    await openApp(page, "/data");
    await page.getByLabel("Import a file (.climb.json)").setInputFiles(file);
    await expect(page.getByRole("alert").filter({ hasText: name })).toContainText(reason);
    await expect(page.getByRole("alert").filter({ hasText: name })).toContainText("Nothing was changed.");
    await expect(page.getByRole("region", { name: "Import preview" })).toHaveCount(0);
  }
  expect(await page.evaluate(() => localStorage.getItem("climb.workspace"))).toBe(before);
});

test("replace everything keeps a backup that restores in one step", async ({ page }, info) => {
  await makeBoard(page, "Original", [["Own it", "Original card"]]);
  const mine = info.outputPath("mine.climb.json");
  await exportWorkspace(page, mine);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await makeBoard(page, "Other", [["Excuses", "Other card"]]);
  await importFile(page, mine);
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Replace everything" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replaced." })).toBeVisible();
  await openApp(page, "/boards");
  await expect(page.getByRole("link", { name: "Original" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Other" })).toHaveCount(0);
  await openApp(page, "/data");
  await page.getByRole("button", { name: /^Restore backup/ }).click();
  await openApp(page, "/boards");
  await expect(page.getByRole("link", { name: "Other" })).toBeVisible();
});

test("a share link round trip, and a board exported on its own", async ({ browser }, info) => {
  const ctx = await browser.newContext();
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
  const a = await ctx.newPage();
  await makeBoard(a, "Linked retro", [["Own it", "Travels in the link"], ["Excuses", "So does this"]]);
  await a.getByRole("button", { name: "Copy share link" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Share link copied" })).toBeVisible();
  const link = await a.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/data#share=[A-Za-z0-9_-]+$/);

  const download = a.waitForEvent("download");
  await a.getByRole("button", { name: "Export board" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}-linked-retro\.climb\.json$/);

  const b = await (await browser.newContext()).newPage();
  await b.goto(link);
  const preview = b.getByRole("region", { name: "Import preview" });
  await expect(preview).toContainText("What “the share link” holds");
  await expect(preview.getByRole("row", { name: /^Cards/ })).toContainText("2");
  await preview.getByRole("button", { name: "Merge into this workspace" }).click();
  await expect(b).toHaveURL(/\/data$/);
  await b.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Boards" }).click();
  await b.getByRole("link", { name: "Linked retro" }).click();
  await expect(b.getByRole("listitem", { name: "Card: Travels in the link" })).toBeVisible();

  // A damaged link says so and changes nothing.
  const c = await (await browser.newContext()).newPage();
  await c.goto(link.slice(0, link.length - 40) + "!!");
  await expect(c.getByRole("alert")).toContainText("The share link cannot be opened");
  await expect(c.getByRole("region", { name: "Import preview" })).toHaveCount(0);
});

test("a Scrumlr export becomes a board with its notes in the Unplaced tray", async ({ page }) => {
  await openApp(page, "/data");
  await page.getByLabel("Import a file (.climb.json)").setInputFiles("tests/fixtures/scrumlr-board.json");
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview.getByRole("row", { name: /^Cards/ })).toContainText("3");
  await preview.getByRole("button", { name: "Merge into this workspace" }).click();
  await openApp(page, "/boards");
  await page.getByRole("link", { name: "Sprint 12 retro (from Scrumlr)" }).click();
  const tray = page.getByRole("region", { name: "Unplaced cards" });
  await expect(tray.getByRole("listitem")).toHaveCount(3);
  await expect(tray).toContainText("[To improve] Deploys failed twice");
  await expect(tray).toContainText("<script>alert(1)</script> no owner for on-call");
});
