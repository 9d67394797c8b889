// Teams: a coach with two teams, the switcher, the overview, a team's file in a fresh
// browser, saved ladders, and a schema-2 workspace migrated on load.
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { test, expect, openApp, expectSaved, addMembers } from "./fixtures.js";

const nav = (page, name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();


async function makeBoard(page, title, card) {
  await nav(page, "Boards");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "Create board" }).click();
  const lane = page.getByRole("region", { name: "Rung: Excuses", exact: true });
  await lane.getByRole("textbox", { name: "New card on Excuses" }).fill(card);
  await lane.getByRole("textbox", { name: "New card on Excuses" }).press("Enter");
  await expect(lane.getByRole("listitem", { name: `Card: ${card}` })).toBeVisible();
}

async function makeGoal(page, outcome) {
  await nav(page, "Micro-goals");
  const form = page.getByRole("form", { name: "New micro-goal" });
  await form.getByRole("textbox", { name: /^Outcome/ }).fill(outcome);
  await form.getByRole("textbox", { name: "How we will know it is done" }).fill("Seen in the demo");
  await form.getByRole("button", { name: "Add goal" }).click();
  await expect(page.getByRole("listitem", { name: `Goal: ${outcome}` })).toBeVisible();
}

async function startCovenant(page, title) {
  await nav(page, "Covenant");
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  await page.getByRole("button", { name: "Start the covenant" }).click();
  await expect(page.getByText("Step 1 of 6: Intent")).toBeVisible();
}

const switcher = (page) => page.getByRole("combobox", { name: "Team", exact: true });

test("a coach runs two teams, each sees only its own, and a team's file carries that team only", async ({ page, browser }, info) => {
  await openApp(page, "/team");
  // One team: no switcher in the header.
  await expect(switcher(page)).toHaveCount(0);
  await page.getByRole("textbox", { name: "Team name" }).fill("Falcons");
  await page.getByRole("button", { name: "Rename team" }).click();
  await addMembers(page, ["Ana", "Ben", "Cy"]);
  await makeBoard(page, "Falcons sprint 1", "Falcon deploy slipped");
  await makeGoal(page, "Falcon goal");
  // The covenant is named after the team on screen.
  await startCovenant(page, "Falcons covenant");

  // A second team, started from the Team page.
  await nav(page, "Team");
  await page.getByRole("link", { name: "Start another team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  await page.getByRole("textbox", { name: "New team" }).fill("Owls");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(switcher(page)).toHaveValue(/.+/);
  await expect(switcher(page).locator("option:checked")).toHaveText("Owls");
  await expect(page.getByText("No team members yet")).toBeVisible();
  await addMembers(page, ["Dee"]);
  // The coach is on both teams.
  await page.getByRole("combobox", { name: "Someone from another team" }).selectOption({ label: "Cy" });
  await page.getByRole("button", { name: "Add to this team" }).click();
  await expect(page.getByRole("list", { name: "Team members" }).getByRole("listitem")).toHaveCount(2);
  await makeBoard(page, "Owls sprint 1", "Owl handover unclear");
  await makeGoal(page, "Owl goal");
  await nav(page, "Covenant");
  await expect(page.getByText("No covenant yet")).toBeVisible();

  // Removing Cy from the Owls leaves Cy a Falcon.
  await nav(page, "Team");
  await page.getByRole("button", { name: "Remove Cy" }).click();
  await expect(page.getByRole("list", { name: "Team members" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Removed Cy from this team; still on Falcons." })).toBeVisible();

  // Switching: every page shows the Falcons only.
  await switcher(page).selectOption({ label: "Falcons" });
  await expect(page.getByRole("list", { name: "Team members" }).getByRole("listitem")).toHaveCount(3);
  await nav(page, "Boards");
  const boards = page.getByRole("list", { name: "Boards" });
  await expect(boards.getByRole("link", { name: "Falcons sprint 1" })).toBeVisible();
  await expect(boards.getByRole("link", { name: "Owls sprint 1" })).toHaveCount(0);
  await nav(page, "Micro-goals");
  await expect(page.getByRole("listitem", { name: "Goal: Falcon goal" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Goal: Owl goal" })).toHaveCount(0);
  await nav(page, "Covenant");
  await expect(page.getByText("No covenant yet")).toHaveCount(0);
  await switcher(page).selectOption({ label: "Owls" });
  await expect(page.getByText("No covenant yet")).toBeVisible();
  // Switching on a page rebuilds its choices of people for the team now shown.
  await nav(page, "Micro-goals");
  const owner = page.getByRole("form", { name: "New micro-goal" }).getByRole("combobox", { name: "Owner" });
  await expect(owner.locator("option")).toContainText(["Dee"]);
  await switcher(page).selectOption({ label: "Falcons" });
  await expect(owner.locator("option")).toContainText(["Ana", "Ben", "Cy"]);
  await expect(owner.locator("option", { hasText: "Dee" })).toHaveCount(0);
  await expectSaved(page);
  // At phone width the header with its switcher fits: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The overview: both teams, in the order they were made, with the reason not to rank.
  await page.getByRole("link", { name: "All teams" }).click();
  await expect(page.getByText("never ranked")).toBeVisible();
  const cards = page.getByRole("list", { name: "Teams" }).getByRole("listitem");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).getByRole("heading")).toHaveText("Falcons");
  await expect(cards.nth(1).getByRole("heading")).toHaveText("Owls");
  await expect(cards.nth(0)).toContainText("3 people");
  await expect(cards.nth(0)).toContainText("1 commitment open");
  await expect(cards.nth(0)).toContainText("Covenant: Draft");
  await expect(cards.nth(1)).toContainText("No covenant yet");
  await expect(page.locator("svg, canvas, [role=img]")).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: "tests/screenshots/teams.png", fullPage: true });

  // A link to another team's board shows that board, in its team.
  const owlsBoard = await page.evaluate(() => {
    const ws = JSON.parse(localStorage.getItem("climb.workspace"));
    return ws.boards.find((b) => b.title === "Owls sprint 1").id;
  });
  await openApp(page, `/boards/${owlsBoard}`);
  await expect(page.getByRole("heading", { level: 1, name: "Owls sprint 1" })).toBeVisible();
  await expect(switcher(page).locator("option:checked")).toHaveText("Owls");
  await switcher(page).selectOption({ label: "Falcons" });
  await expect(page.getByRole("heading", { level: 1, name: "Ladder retro boards" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Falcons sprint 1" })).toBeVisible();

  // Export team: the Falcons' file, with no trace of the Owls.
  await nav(page, "Data");
  await expect(page.getByText("What you share carries one team, Falcons")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export team" }).click();
  const file = info.outputPath("falcons.climb.json");
  await (await download).saveAs(file);
  const text = readFileSync(file, "utf8");
  const owlsId = await page.evaluate(() => {
    const ws = JSON.parse(localStorage.getItem("climb.workspace"));
    return ws.teams.find((t) => t.name === "Owls").id;
  });
  for (const trace of ["Owls", "Owl goal", "Owl handover", "Dee", owlsId]) expect(text).not.toContain(trace);
  for (const kept of ["Falcons", "Falcon goal", "Falcon deploy slipped", "Ana", "Cy"]) expect(text).toContain(kept);

  // A fresh browser opens it as the one team it holds, with no trace of the Owls.
  const ctx = await browser.newContext();
  const fresh = await ctx.newPage();
  await openApp(fresh, "/data");
  await fresh.getByLabel("Import a file (.climb.json)").setInputFiles(file);
  await fresh.getByRole("region", { name: "Import preview" }).getByRole("button", { name: "Merge into this workspace" }).click();
  await expect(fresh.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();
  await expect(switcher(fresh)).toHaveCount(0);
  await nav(fresh, "Boards");
  await expect(fresh.getByRole("link", { name: "Falcons sprint 1" })).toBeVisible();
  await nav(fresh, "Team");
  await expect(fresh.getByRole("textbox", { name: "Team name" })).toHaveValue("Falcons");
  await expect(fresh.getByRole("list", { name: "Team members" }).getByRole("listitem")).toHaveCount(3);
  await expect(fresh.locator("body")).not.toContainText("Owls");
  // Importing it twice changes nothing.
  await nav(fresh, "Data");
  await fresh.getByLabel("Import a file (.climb.json)").setInputFiles(file);
  await fresh.getByRole("region", { name: "Import preview" }).getByRole("button", { name: "Merge into this workspace" }).click();
  await expect(fresh.getByRole("status").filter({ hasText: "Nothing to import" })).toBeVisible();
  await ctx.close();
});

test("a team saves its customised ladder and starts the next board from it", async ({ page }) => {
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill("Custom ladder retro");
  await page.getByRole("button", { name: "Create board" }).click();
  await page.getByRole("button", { name: "Edit ladder" }).click();
  await page.getByRole("textbox", { name: "New rung" }).fill("Teach it");
  await page.getByRole("button", { name: "Add above the line" }).click();
  await page.getByRole("textbox", { name: "Save this ladder as" }).fill("Platform ladder");
  await page.getByRole("button", { name: "Save ladder" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved “Platform ladder”" })).toBeVisible();
  await nav(page, "Boards");
  await page.getByRole("textbox", { name: "Title" }).fill("Next retro");
  await page.getByRole("combobox", { name: "Ladder" }).selectOption({ label: "Platform ladder (9 rungs)" });
  await page.getByRole("button", { name: "Create board" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Next retro" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rung: Teach it", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Rung: / })).toHaveCount(9);
});

test("a schema-2 workspace in storage becomes teams on load with nothing lost", async ({ page }) => {
  const old = readFileSync("tests/fixtures/schema-2-two-teams.json", "utf8");
  await page.addInitScript((text) => {
    if (!localStorage.getItem("climb.workspace")) localStorage.setItem("climb.workspace", text);
  }, old);
  await openApp(page, "/boards");
  await expect(switcher(page).locator("option")).toHaveText(["Falcons", "Owls"]);
  const boards = page.getByRole("list", { name: "Boards" });
  await expect(boards.getByRole("link", { name: "Falcons retro" })).toBeVisible();
  await expect(boards.getByRole("link", { name: "Untagged retro" })).toBeVisible();
  await expect(boards.getByRole("link", { name: "Owls retro" })).toHaveCount(0);
  await switcher(page).selectOption({ label: "Owls" });
  await expect(boards.getByRole("link", { name: "Owls retro" })).toBeVisible();
  await nav(page, "Covenant");
  await expect(page.getByText("No covenant yet")).toHaveCount(0);
  await nav(page, "Micro-goals");
  await expect(page.getByRole("listitem", { name: "Goal: Goal from card 1" })).toBeVisible();
  await nav(page, "Team");
  await expect(page.getByRole("list", { name: "Team members" }).getByRole("listitem")).toHaveCount(3);
  // Saved back as the current schema (4) with every old record, and each version as it was.
  await nav(page, "Boards");
  await page.getByRole("link", { name: "Owls retro" }).click();
  const lane = page.getByRole("region", { name: "Rung: Own it", exact: true });
  await lane.getByRole("textbox", { name: "New card on Own it" }).fill("After the migration");
  await lane.getByRole("textbox", { name: "New card on Own it" }).press("Enter");
  await expectSaved(page);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("climb.workspace")));
  const before = JSON.parse(old);
  expect(saved.schemaVersion).toBe(4);
  for (const kind of ["members", "boards", "cards", "covenants", "goals", "ballots", "rhythms"]) {
    for (const rec of before[kind] ?? []) {
      const now = saved[kind].find((x) => x.id === rec.id);
      expect(now, `${kind} ${rec.id}`).toBeTruthy();
      expect(now.version).toBe(rec.version);
    }
  }
});
