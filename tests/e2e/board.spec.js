import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp, expectSaved } from "./fixtures.js";

async function createBoard(page, title) {
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "Create board" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

const rung = (page, name) => page.getByRole("region", { name: `Rung: ${name}`, exact: true });

async function addCard(page, place, text) {
  const lane = place ? rung(page, place) : page.getByRole("region", { name: "Unplaced cards" });
  await lane.getByRole("textbox", { name: `New card on ${place ?? "Unplaced"}` }).fill(text);
  await lane.getByRole("button", { name: `Add card to ${place ?? "Unplaced"}` }).click();
  await expect(lane.getByRole("listitem", { name: `Card: ${text}` })).toBeVisible();
}

test("create a board, place cards, climb by keyboard and by drag, reload", async ({ page }) => {
  await createBoard(page, "Sprint 42 retro");
  // The ladder reads top to bottom with the line between the halves.
  const lanes = page.getByRole("region", { name: /^Rung: / });
  await expect(lanes).toHaveCount(8);
  await expect(lanes.first()).toHaveAccessibleName("Rung: Make it happen");
  await expect(page.getByRole("separator", { name: "The line" })).toBeVisible();
  // The main menu shows where the board is: under Boards.
  const menu = page.getByRole("navigation", { name: "Main" });
  await expect(menu.getByRole("link", { name: "Boards" })).toHaveAttribute("aria-current", "true");
  await expect(menu.getByRole("link", { name: "Covenant" })).not.toHaveAttribute("aria-current", /./);

  await addCard(page, "Excuses", "Release slipped a week");
  await addCard(page, "Blame others", "Ops broke the deploy");
  await addCard(page, "Own it", "We own the flaky tests");
  await addCard(page, null, "Unsorted worry");
  await expect(page.getByRole("region", { name: "Summary" })).toContainText("33% (1 of 3 placed cards)");

  // Keyboard: focus the card and press ↑ twice.
  const card = rung(page, "Excuses").getByRole("listitem", { name: "Card: Release slipped a week" });
  await card.focus();
  await page.keyboard.press("ArrowUp");
  const moved = rung(page, "Wait and hope").getByRole("listitem", { name: "Card: Release slipped a week" });
  await expect(moved).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(
    rung(page, "Acknowledge reality").getByRole("listitem", { name: "Card: Release slipped a week" }),
  ).toContainText("Excuses → Wait and hope → Acknowledge reality");

  // Drag: the handle of one card onto another rung.
  const source = rung(page, "Blame others").getByRole("listitem", { name: "Card: Ops broke the deploy" });
  await source.locator(".drag-handle").dragTo(rung(page, "Find solutions").getByRole("heading"));
  const dropped = rung(page, "Find solutions").getByRole("listitem", { name: "Card: Ops broke the deploy" });
  await expect(dropped).toContainText("Blame others → Find solutions");

  // The visible buttons move too.
  await page.getByRole("button", { name: "Move down: We own the flaky tests" }).click();
  await expect(rung(page, "Acknowledge reality").getByRole("listitem")).toHaveCount(2);

  await expect(page.getByRole("region", { name: "Summary" })).toContainText("100% (3 of 3 placed cards)");
  await expectSaved(page);
  await page.reload();
  await expect(
    rung(page, "Acknowledge reality").getByRole("listitem", { name: "Card: Release slipped a week" }),
  ).toContainText("Excuses → Wait and hope → Acknowledge reality");
  await expect(
    rung(page, "Find solutions").getByRole("listitem", { name: "Card: Ops broke the deploy" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Unplaced cards" }).getByRole("listitem")).toHaveCount(1);
});

test("changing the template loses no card", async ({ page }) => {
  await createBoard(page, "Template swap");
  await addCard(page, "Blame others", "Blamed the vendor");
  await addCard(page, "Own it", "Owned the outage");
  await page.getByRole("combobox", { name: "Template" }).selectOption({ label: "Steps to accountability (4 steps)" });
  await page.getByRole("button", { name: "Apply template" }).click();
  await expect(page.getByRole("region", { name: /^Rung: / })).toHaveCount(4);
  await expect(rung(page, "Own it").getByRole("listitem", { name: "Card: Owned the outage" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Unplaced cards" }).getByRole("listitem", { name: "Card: Blamed the vendor" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("region", { name: /^Rung: / })).toHaveCount(8);
  await expect(rung(page, "Blame others").getByRole("listitem")).toHaveCount(1);
});

test("edit a card, copy as Markdown, delete with undo", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await createBoard(page, "Edits");
  await addCard(page, "Excuses", "Too many meetings");
  await page.getByRole("button", { name: "Edit card: Too many meetings" }).click();
  await page.getByRole("textbox", { name: "Card text" }).fill("Too many status meetings");
  await page.getByRole("checkbox", { name: "Walk the talk" }).check();
  await page.getByRole("button", { name: "Save card" }).click();
  const card = rung(page, "Excuses").getByRole("listitem", { name: "Card: Too many status meetings" });
  await expect(card).toContainText("Walk the talk");
  // The whole form is one change: one Undo takes back the text and the tag together.
  await page.getByRole("button", { name: "Undo edit card" }).click();
  const before = rung(page, "Excuses").getByRole("listitem", { name: "Card: Too many meetings" });
  await expect(before).toBeVisible();
  await expect(before).not.toContainText("Walk the talk");
  await page.getByRole("button", { name: "Redo edit card" }).click();
  await expect(card).toContainText("Walk the talk");

  await page.getByRole("button", { name: "Copy as Markdown" }).click();
  await expect(page.getByRole("status").filter({ hasText: "clipboard" })).toBeVisible();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain("# Edits");
  expect(md).toContain("## Excuses (1)\n\n- Too many status meetings `Walk the talk`");

  await page.getByRole("button", { name: "Delete card: Too many status meetings" }).click();
  await expect(rung(page, "Excuses").getByRole("listitem")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(card).toBeVisible();
});

test("boards list: duplicate, delete with undo, trend chart", async ({ page }) => {
  await createBoard(page, "First");
  await addCard(page, "Own it", "Good call");
  await page.getByRole("link", { name: "All boards" }).click();
  const list = page.getByRole("list", { name: "Boards" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("1 card · 100% above the line");
  await page.getByRole("button", { name: "Duplicate First" }).click();
  await expect(list.getByRole("link", { name: "Copy of First" })).toBeVisible();
  await page.getByRole("button", { name: "Delete Copy of First" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("img", { name: /share of cards above the line/ })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("100%");
});

for (const scheme of ["light", "dark"]) {
  test(`a board with cards, the ladder editor and the boards list pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await createBoard(page, "Accessible board");
    await addCard(page, "Excuses", "A below-the-line card");
    await addCard(page, "Own it", "An above-the-line card");
    await page.getByRole("button", { name: "Move up: A below-the-line card" }).click();
    await page.getByRole("button", { name: "Edit ladder" }).click();
    await page.getByRole("button", { name: "Edit card: An above-the-line card" }).click();
    let results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id} ${v.help} ${v.nodes[0]?.target}`)).toEqual([]);
    await page.getByRole("link", { name: "All boards" }).click();
    await expect(page.getByRole("table")).toBeVisible();
    results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id} ${v.help} ${v.nodes[0]?.target}`)).toEqual([]);
  });
}
