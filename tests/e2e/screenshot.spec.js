// Keeps the README's screenshot current: renders a populated page at a fixed size.
import { test, expect, openApp } from "./fixtures.js";

// Hands the shared screen to `who` and lifts the hand-over curtain.
async function takeTurn(page, label, who) {
  await page.getByRole("combobox", { name: label }).selectOption({ label: who });
  const start = page.getByRole("button", { name: `Start as ${who}` });
  if (await start.isVisible()) await start.click();
}

// Ana, Ben and Cleo on the team, and the workshop of “Sprint 43 retro” at Write.
async function workshopAtWrite(page) {
  await openApp(page, "/team");
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  for (const n of ["Ana", "Ben", "Cleo"]) {
    await name.fill(n);
    await name.press("Enter");
  }
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill("Sprint 43 retro");
  await page.getByRole("button", { name: "Create board" }).click();
  await page.getByRole("link", { name: "Run as a workshop" }).click();
  await page.getByRole("button", { name: "Start the workshop" }).click();
  await page.getByRole("button", { name: "Next: Write ▶" }).click();
}

test("README screenshot of the team page", async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 720 });
  await openApp(page, "/team");
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  for (const n of ["Ana Lopez", "Ben Okafor", "Cleo Martin", "Dev Patel"]) {
    await name.fill(n);
    await name.press("Enter");
  }
  await expect(page.getByRole("list", { name: "Team members" }).getByRole("listitem")).toHaveCount(4);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.screenshot({ path: "tests/screenshots/team.png" });
});

test("README screenshot of a board with cards on both sides of the line", async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill("Sprint 42 retro");
  await page.getByRole("button", { name: "Create board" }).click();
  const add = async (rung, text) => {
    const lane = page.getByRole("region", { name: `Rung: ${rung}`, exact: true });
    await lane.getByRole("textbox", { name: `New card on ${rung}` }).fill(text);
    await lane.getByRole("textbox", { name: `New card on ${rung}` }).press("Enter");
    await expect(lane.getByRole("listitem", { name: `Card: ${text}` })).toBeVisible();
  };
  await add("Blame others", "The release slipped because ops changed the pipeline");
  await add("Excuses", "No time to fix the flaky tests");
  await add("Wait and hope", "The customer escalation will calm down");
  await add("Acknowledge reality", "Three of five deploys failed this sprint");
  await add("Own it", "We own the on-call handover");
  await page
    .getByRole("region", { name: "Rung: Excuses", exact: true })
    .getByRole("button", { name: /^Move up: No time/ })
    .click();
  await page.getByRole("button", { name: /^Move up: No time/ }).click();
  await page.getByRole("button", { name: /^Move up: No time/ }).click();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.locator("h1").click();
  await page.screenshot({ path: "tests/screenshots/board.png", fullPage: true });
});

test("README screenshot of a workshop's Reveal phase and its presenter window", async ({ page, context }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await workshopAtWrite(page);
  const cards = ["The release slipped a week", "Flaky tests block merges", "Waiting on the vendor's answer"];
  await page.getByRole("button", { name: "Start as Ana" }).click();
  for (const text of cards) {
    await page.getByRole("textbox", { name: /^A recent challenge/ }).fill(text);
    await page.getByRole("button", { name: "Add card", exact: true }).click();
  }
  await page.getByRole("button", { name: "Next: Group ▶" }).click();
  await page.getByRole("button", { name: "Next: Place ▶" }).click();
  const placements = {
    Ana: ["Excuses", "Acknowledge reality", "Wait and hope"],
    Ben: ["Own it", "Acknowledge reality", "Wait and hope"],
    Cleo: ["Blame others", "Own it", "Excuses"],
  };
  for (const [who, rungs] of Object.entries(placements)) {
    await takeTurn(page, "Placing as", who);
    for (const [i, rung] of rungs.entries()) {
      await page.getByRole("combobox", { name: new RegExp(`Rung for “${cards[i].slice(0, 20)}`) }).selectOption({ label: rung });
    }
    await expect(page.getByText(`${who} has placed 3 of 3 cards.`)).toBeVisible();
  }
  await page.getByRole("button", { name: "Next: Reveal ▶" }).click();
  await expect(page.getByText("People disagree most").first()).toBeVisible();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.locator("h1").click();
  await page.screenshot({ path: "tests/screenshots/workshop.png" });
  const [presenter] = await Promise.all([
    context.waitForEvent("page"),
    (async () => {
      await page.getByText("Participants in their own browsers").click();
      await page.getByRole("button", { name: "Open presenter window" }).click();
    })(),
  ]);
  await presenter.setViewportSize({ width: 1200, height: 800 });
  await expect(presenter.getByRole("heading", { level: 1 })).toHaveText("Reveal");
  await presenter.screenshot({ path: "tests/screenshots/workshop-presenter.png" });
});

test("README screenshots of the hand-over curtain and the join screen", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1200, height: 720 });
  await workshopAtWrite(page);
  await page.getByRole("button", { name: "Start as Ana" }).click();
  await page.getByRole("textbox", { name: /^A recent challenge/ }).fill("The release slipped a week");
  await page.getByRole("button", { name: "Add card", exact: true }).click();
  await page.getByRole("button", { name: "Next participant" }).click();
  await expect(page.getByRole("region", { name: "Hand-over" })).toContainText("Pass the screen to Ben.");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.screenshot({ path: "tests/screenshots/workshop-curtain.png" });

  await page.getByText("Participants in their own browsers").click();
  await page.getByRole("button", { name: "Copy invite link" }).click();
  const invite = await page.getByRole("textbox", { name: /^Invite link/ }).inputValue();
  const other = await (await browser.newContext({ viewport: { width: 390, height: 760 } })).newPage();
  await other.goto(invite);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Join “Sprint 43 retro” as…");
  await other.screenshot({ path: "tests/screenshots/workshop-join.png" });
});
