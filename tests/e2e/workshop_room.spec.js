// The workshop seams in a room: the presenter window follows the facilitator and never shows
// what is private, a group is placed, voted and climbed as one item, and the phase timer
// survives a reload.
import { test, expect, openApp, expectSaved } from "./fixtures.js";

async function workshopWith(page, names, title) {
  await openApp(page, "/team");
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  for (const n of names) {
    await name.fill(n);
    await name.press("Enter");
  }
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "Create board" }).click();
  await page.getByRole("link", { name: "Run as a workshop" }).click();
  await page.getByRole("button", { name: "Start the workshop" }).click();
}

const next = (page, phase) => page.getByRole("button", { name: `Next: ${phase} ▶` }).click();

async function takeTurn(page, label, who) {
  await page.getByRole("combobox", { name: label }).selectOption({ label: who });
  const start = page.getByRole("button", { name: `Start as ${who}` });
  if (await start.isVisible()) await start.click();
  await expect(page.getByRole("region", { name: "Hand-over" })).toHaveCount(0);
}

async function write(page, who, texts) {
  await takeTurn(page, "Writing as", who);
  for (const t of texts) {
    await page.getByRole("textbox", { name: /^A recent challenge/ }).fill(t);
    await page.getByRole("button", { name: "Add card", exact: true }).click();
  }
}

const A = "Release slipped a week";
const B = "Flaky tests block merges";
const C = "CI is red every morning";

test("the presenter window follows the phases and never shows a private placement or vote", async ({ page, context }) => {
  await workshopWith(page, ["Ana", "Ben"], "Projected retro");
  const [presenter] = await Promise.all([
    context.waitForEvent("page"),
    (async () => {
      await page.getByText("Participants in their own browsers").click();
      await page.getByRole("button", { name: "Open presenter window" }).click();
    })(),
  ]);
  await expect(presenter.getByRole("heading", { level: 1 })).toHaveText("Set the stage");
  await expect(presenter.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(presenter.getByText("We rate situations, never people.")).toBeVisible();

  await next(page, "Write");
  await expect(presenter.getByRole("heading", { level: 1 })).toHaveText("Write");
  await write(page, "Ana", [A]);
  await expect(presenter.getByText("1 card written so far.")).toBeVisible();
  await expect(presenter.locator("body")).not.toContainText(A);

  await next(page, "Group");
  await next(page, "Place");
  await expect(presenter.getByRole("heading", { level: 1 })).toHaveText("Place");
  await takeTurn(page, "Placing as", "Ana");
  await page.getByRole("combobox", { name: new RegExp(`Rung for “${A}`) }).selectOption({ label: "Own it" });
  await expect(page.getByText("Ana has placed 1 of 1 card")).toBeVisible();
  await expectSaved(page);
  await expect(presenter.getByText("Placements stay private until Reveal.", { exact: true })).toBeVisible();
  await expect(presenter.locator("main")).toContainText(A);
  await expect(presenter.locator("main")).not.toContainText("Own it");

  await next(page, "Reveal");
  await expect(presenter.getByRole("heading", { level: 1 })).toHaveText("Reveal");
  await expect(presenter.getByRole("img", { name: /^Placements: Own it 1\./ })).toBeVisible();
  await expect(presenter.locator("main")).not.toContainText("Ana");

  await next(page, "Vote");
  await takeTurn(page, "Voting as", "Ana");
  await page.getByRole("button", { name: `Add a dot to “${A}”` }).click();
  await expect(page.getByText("Ana has 2 of 3 dots left.")).toBeVisible();
  await expectSaved(page);
  await expect(presenter.getByText("Votes stay hidden until the phase ends.", { exact: true })).toBeVisible();
  await expect(presenter.locator("main")).not.toContainText("1 dot");

  await next(page, "Climb");
  await expect(presenter.getByRole("heading", { level: 1 })).toHaveText("Climb");
  await expect(presenter.locator("main")).toContainText("1 dot");
});

test("a group is placed, voted and climbed as one item, keeps every text, and can be ungrouped", async ({ page }) => {
  await workshopWith(page, ["Ana", "Ben"], "Grouped retro");
  await next(page, "Write");
  await write(page, "Ana", [A, B]);
  await page.getByRole("button", { name: "Next participant" }).click();
  await page.getByRole("button", { name: "Start as Ben" }).click();
  await write(page, "Ben", [C]);

  await next(page, "Group");
  const group = page.getByRole("region", { name: "Group" });
  await expect(group.getByRole("button", { name: "Group", exact: true })).toBeDisabled();
  await group.getByRole("checkbox", { name: `Select “${B}”` }).check();
  await group.getByRole("checkbox", { name: `Select “${C}”` }).check();
  await group.getByRole("button", { name: "Group 2 cards" }).click();
  await expect(group.getByRole("list", { name: `Grouped with “${B}”` })).toContainText(C);
  await expect(group.getByRole("checkbox", { name: `Select “${C}”` })).toHaveCount(0);
  // Ungroup, and group again: nothing is lost either way.
  await group.getByRole("button", { name: /^Ungroup/ }).click();
  await expect(group.getByRole("checkbox", { name: `Select “${C}”` })).toBeVisible();
  await group.getByRole("checkbox", { name: `Select “${B}”` }).check();
  await group.getByRole("checkbox", { name: `Select “${C}”` }).check();
  await group.getByRole("button", { name: "Group 2 cards" }).click();

  // Place: two items, not three.
  await next(page, "Place");
  await takeTurn(page, "Placing as", "Ana");
  await expect(page.getByRole("combobox", { name: /^Rung for/ })).toHaveCount(2);
  await page.getByRole("combobox", { name: new RegExp(`Rung for “${B}`) }).selectOption({ label: "Acknowledge reality" });
  await page.getByRole("combobox", { name: new RegExp(`Rung for “${A}`) }).selectOption({ label: "Excuses" });
  await expect(page.getByText("Ana has placed 2 of 2 cards.")).toBeVisible();

  await next(page, "Reveal");
  await next(page, "Vote");
  await takeTurn(page, "Voting as", "Ana");
  await expect(page.getByRole("button", { name: /^Add a dot to/ })).toHaveCount(2);
  await page.getByRole("button", { name: `Add a dot to “${B}”` }).click();
  await page.getByRole("button", { name: `Add a dot to “${B}”` }).click();

  await next(page, "Climb");
  const focus = page.getByRole("article", { name: "Card in focus" });
  await expect(page.getByText("Card 1 of 2")).toBeVisible();
  await expect(focus).toContainText(B);
  await expect(focus).toContainText(C);
  await expect(focus).toContainText("Acknowledge reality · 2 dots");
  await focus.getByRole("button", { name: "Climb one rung ▲" }).click();
  await expect(focus).toContainText("Own it · 2 dots");

  // On the board afterwards, the grouped card keeps its own text.
  await expectSaved(page);
  await openApp(page, "/boards");
  await page.getByRole("link", { name: "Grouped retro" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Grouped retro" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(C);
});

test("the phase timer survives a reload and a new phase starts from its set value", async ({ page }) => {
  await workshopWith(page, ["Ana"], "Timed retro");
  const timer = page.getByRole("region", { name: "Phase timer" });
  const clock = timer.getByRole("timer", { name: "Time left" });
  await timer.getByRole("spinbutton", { name: "Minutes" }).fill("3");
  await timer.getByRole("button", { name: "Set" }).click();
  await expect(clock).toHaveText("3:00");
  await timer.getByRole("checkbox", { name: "Mute sound" }).check();
  await timer.getByRole("button", { name: "Start" }).click();
  await expect(clock).toHaveText("2:59", { timeout: 3000 });
  await page.reload();
  // Still running after the reload, from where it was, not from the start.
  await expect(timer.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(clock).toHaveText(/^2:5\d$/);
  // Time runs out (the page's clock jumps ahead); the next phase starts from the set value.
  await page.clock.install();
  await page.clock.fastForward("03:05");
  await expect(timer.getByRole("alert")).toHaveText("Time is up");
  await expect(clock).toHaveText("0:00");
  await next(page, "Write");
  await expect(clock).toHaveText("3:00");
  await expect(timer.getByRole("button", { name: "Start" })).toBeVisible();
  await expect(timer.getByRole("alert")).toHaveCount(0);
});
