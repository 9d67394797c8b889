// The board on one shared screen: it fits, shows who owns what, and a keyboard user never
// loses their place.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp, expectSaved } from "./fixtures.js";

const RUNGS = [
  "Unaware", "Blame others", "Excuses", "Wait and hope",
  "Acknowledge reality", "Own it", "Find solutions", "Make it happen",
];

async function boardWithCards(page, title, cards) {
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "Create board" }).click();
  for (const [rung, text] of cards) {
    const field = rung
      ? page.getByRole("region", { name: `Rung: ${rung}`, exact: true }).getByRole("textbox", { name: `New card on ${rung}` })
      : page.getByRole("textbox", { name: "New card on Unplaced" });
    await field.fill(text);
    await field.press("Enter");
    await expect(page.getByRole("listitem", { name: `Card: ${text}` })).toBeVisible();
  }
  await expectSaved(page);
}

test("a default board with 8 short cards fits 1.3 screens at 1280×800", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await boardWithCards(page, "Sprint 44 retro", RUNGS.map((r, i) => [r, `Short card ${i + 1}`]));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, `the board is ${height} px tall`).toBeLessThanOrEqual(1.3 * 800);
  // The ladder stays unmistakable: the line between the halves, rungs in order.
  const line = page.getByRole("separator", { name: "The line" });
  await expect(line).toBeVisible();
  const top = await page.getByRole("region", { name: "Rung: Make it happen" }).boundingBox();
  const bottom = await page.getByRole("region", { name: "Rung: Unaware" }).boundingBox();
  const lineBox = await line.boundingBox();
  expect(top.y).toBeLessThan(lineBox.y);
  expect(lineBox.y).toBeLessThan(bottom.y);
  // Descriptions and prompts are there on demand.
  await page.getByLabel("About Excuses").click();
  await expect(page.getByText("What would we do if the obstacle were gone?")).toBeVisible();
  // Opening another closes it; Escape closes the other.
  await page.getByLabel("About Own it").click();
  await expect(page.getByText("What would we do if the obstacle were gone?")).toBeHidden();
  await expect(page.getByText("Who owns the outcome, start to finish?")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByText("Who owns the outcome, start to finish?")).toBeHidden();
});

test("a card travels from the tray to the top rung in one drag, the page scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 400 });
  await boardWithCards(page, "Long board", [
    ...RUNGS.map((r, i) => [r, `Card ${i + 1}`]),
    [null, "From the tray"],
  ]);
  const card = page.getByRole("listitem", { name: "Card: From the tray" });
  await card.scrollIntoViewIfNeeded();
  const top = page.getByRole("region", { name: "Rung: Make it happen" });
  // The top rung is out of sight when the drag starts.
  expect(await top.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThan(0);
  const handle = await card.locator(".drag-handle").boundingBox();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  // Held near the top edge, the page scrolls up until the top rung is in view.
  for (let i = 0; i < 60; i++) {
    await page.mouse.move(400, 95 + (i % 2));
    await page.waitForTimeout(50);
    if ((await top.evaluate((el) => el.getBoundingClientRect().top)) > 120) break;
  }
  const box = await top.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(top.getByRole("listitem", { name: "Card: From the tray" })).toBeVisible();
});

test("the owner of the outcome shows on the card, in print and in Markdown", async ({ browser }) => {
  const ctx = await browser.newContext();
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await ctx.newPage();
  await openApp(page, "/team");
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  await name.fill("Ana");
  await name.press("Enter");
  await boardWithCards(page, "Owners", [["Own it", "Fix the release checklist"], ["Excuses", "Nobody asked"]]);
  await page.getByRole("button", { name: "Edit card: Fix the release checklist" }).click();
  await page.getByLabel("Owner of the outcome").selectOption({ label: "Ana" });
  await page.getByRole("button", { name: "Save card" }).click();
  const card = page.getByRole("listitem", { name: "Card: Fix the release checklist" });
  await expect(card).toContainText("Owner: Ana");
  await expect(page.getByRole("region", { name: "Summary" })).toContainText("1 card has an owner");
  await page.emulateMedia({ media: "print" });
  await expect(card.getByText("Owner: Ana")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: "Copy as Markdown" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Markdown" })).toBeVisible();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain("- Fix the release checklist — owner: Ana");
  expect(md).toContain("1 card has an owner.");
  expect(md).toContain("\n---\n\n*The line*\n\n---\n");
  expect(md).not.toContain("## Make it happen");
});

test("keyboard: Enter edits with focus in the text, Escape returns to the card", async ({ page }) => {
  await boardWithCards(page, "Keys", [["Excuses", "Too many meetings"]]);
  const card = page.getByRole("listitem", { name: "Card: Too many meetings" });
  await card.focus();
  await page.keyboard.press("Enter");
  const text = page.getByRole("textbox", { name: "Card text" });
  await expect(text).toBeFocused();
  await page.keyboard.type(" again");
  await page.keyboard.press("Escape");
  await expect(card).toBeFocused();
  await expect(card).toContainText("Too many meetings");
  // Saving also gives focus back to the card, in its new version.
  await page.keyboard.press("Enter");
  await expect(text).toBeFocused();
  await text.fill("Too many status meetings");
  await page.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByRole("listitem", { name: "Card: Too many status meetings" })).toBeFocused();
  // A deletion's Undo offer goes once Ctrl+Z undid it.
  await page.keyboard.press("Delete");
  await expect(page.getByRole("status").filter({ hasText: "Card deleted." })).toBeVisible();
  // The keyboard user keeps their place: the card's rung has focus (Ctrl+Z still undoes).
  await expect(page.getByRole("region", { name: "Rung: Excuses", exact: true })).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("listitem", { name: "Card: Too many status meetings" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Card deleted." })).toHaveCount(0);
});

test("a refusal's message goes once the next change succeeds", async ({ page }) => {
  await boardWithCards(page, "Errors", []);
  const field = page.getByRole("textbox", { name: "New card on Excuses" });
  await field.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Write something first." })).toBeVisible();
  await field.fill("Now with text");
  await field.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Write something first." })).toHaveCount(0);
});

test("duplicating a board says what it made and opens it", async ({ page }) => {
  await boardWithCards(page, "Original", [["Own it", "Kept"]]);
  await openApp(page, "/boards");
  await page.getByRole("button", { name: "Duplicate Original" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Made “" });
  await expect(notice).toBeVisible();
  await notice.getByRole("button", { name: "Open it" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Original");
  await expect(page.getByRole("listitem", { name: "Card: Kept" })).toBeVisible();
});

test("a card on the top or bottom rung offers no move past the end", async ({ page }) => {
  await boardWithCards(page, "Ends", [["Make it happen", "At the top"], ["Unaware", "At the bottom"]]);
  await expect(page.getByRole("button", { name: "Move up: At the top" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Move down: At the top" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Move down: At the bottom" })).toBeDisabled();
  await page.getByRole("button", { name: "Move up: At the bottom" }).click();
  await expect(page.getByRole("button", { name: "Move down: At the bottom" })).toBeEnabled();
});

test("room view shows the board alone and large", async ({ page }) => {
  await boardWithCards(page, "Projected", [["Own it", "On the wall"]]);
  await page.getByRole("button", { name: "Room view" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("group", { name: "Board tools" })).toBeHidden();
  await expect(page.getByRole("listitem", { name: "Card: On the wall" })).toBeVisible();
  // The keyboard's focus goes to the way out, and back to the toolbar's button after it.
  await expect(page.getByRole("button", { name: "Leave room view" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Room view" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Leave room view" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("group", { name: "Board tools" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Room view" })).toBeFocused();
});

test("on a phone: a one-line header with a menu, the line in view, a finger-sized handle", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await boardWithCards(page, "Phone", [["Own it", "Small screen"], ["Excuses", "Below"]]);
  const header = await page.locator("header.topbar").boundingBox();
  expect(header.height).toBeLessThanOrEqual(60);
  await expect(page.getByRole("separator", { name: "The line" })).toBeVisible();
  const handle = await page.getByRole("listitem", { name: "Card: Small screen" }).locator(".drag-handle").boundingBox();
  expect(handle.width).toBeGreaterThanOrEqual(44);
  expect(handle.height).toBeGreaterThanOrEqual(44);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The pages are behind the menu.
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Micro-goals" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Micro-goals");
  // On Micro-goals the list comes before the form for a new goal.
  const tabs = await page.getByRole("tablist", { name: "Show goals" }).boundingBox();
  const form = await page.getByRole("button", { name: "Add goal" }).boundingBox();
  expect(tabs.y).toBeLessThan(form.y);
});

for (const scheme of ["light", "dark"]) {
  test(`the new board layout passes axe (${scheme}, desktop and phone)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await boardWithCards(page, "Axe", [["Own it", "Checked"], ["Blame others", "Also checked"]]);
    await page.getByLabel("About Own it").click();
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${size.width}: ${v.id} ${v.help}`)).toEqual([]);
    }
  });
}
