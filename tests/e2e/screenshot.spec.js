// Keeps the README's screenshot current: renders a populated page at a fixed size.
import { test, expect, openApp } from "./fixtures.js";

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
  await page.getByRole("textbox", { name: "Team" }).fill("Platform");
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
