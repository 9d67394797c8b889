import AxeBuilder from "@axe-core/playwright";
import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import { test, expect, openApp, expectSaved, addMembers } from "./fixtures.js";

/** Clicks `button`, reads the calendar file it downloads and parses it independently. */
async function calendar(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const text = await readFile(await download.path(), "utf8");
  // The RFC 5545 rules that bite: CRLF everywhere, lines of at most 75 octets.
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

/** Opens the Team page and adds `names`, on an empty roster. */
async function team(page, names) {
  await openApp(page, "/team");
  await addMembers(page, names);
  await expect(page.getByRole("list", { name: "Team members" }).getByRole("listitem")).toHaveCount(names.length);
}

async function addGoal(page, outcome, { owner, partner, due } = {}) {
  const form = page.getByRole("form", { name: "New micro-goal" });
  await form.getByRole("textbox", { name: /^Outcome/ }).fill(outcome);
  if (owner) await form.getByRole("combobox", { name: "Owner" }).selectOption({ label: owner });
  if (partner) await form.getByRole("combobox", { name: "Partner" }).selectOption({ label: partner });
  if (due) await form.getByLabel("Due").fill(due);
  await form.getByRole("textbox", { name: "How we will know it is done" }).fill("Anyone can see it on the wiki");
  await form.getByRole("button", { name: "Add goal" }).click();
  await expect(page.getByRole("listitem", { name: `Goal: ${outcome}` })).toBeVisible();
}

const goal = (page, outcome) => page.getByRole("listitem", { name: `Goal: ${outcome}` });

async function checkIn(page, outcome, done, next, blocker) {
  await goal(page, outcome).getByRole("button", { name: "Check in" }).click();
  const form = goal(page, outcome).getByRole("form", { name: "Check in" });
  // The form opens with the focus in its first field.
  await expect(form.getByRole("textbox", { name: "Done" })).toBeFocused();
  await form.getByRole("textbox", { name: "Done" }).fill(done);
  await form.getByRole("textbox", { name: "Next" }).fill(next);
  await form.getByRole("textbox", { name: "Blocker" }).fill(blocker);
  await form.getByRole("button", { name: "Save: check in" }).click();
}

test("a goal's whole life: check-ins, renegotiation, a missed goal's review, momentum", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  await team(page, ["Ana", "Ben"]);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Micro-goals" }).click();
  await expect(page.getByText("No micro-goals in this view yet")).toBeVisible();
  // The views are tabs: arrow keys, Home and End move between them and choose as they go.
  const tabs = page.getByRole("tablist", { name: "Show goals" });
  await tabs.getByRole("tab", { name: "By due date" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.getByRole("tab", { name: "By owner" })).toBeFocused();
  await expect(tabs.getByRole("tab", { name: "By owner" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(tabs.getByRole("tab", { name: "Done and closed" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(tabs.getByRole("tab", { name: "By due date" })).toBeFocused();
  await expect(tabs.getByRole("tab", { name: "By owner" })).toHaveAttribute("aria-selected", "false");

  await addGoal(page, "Fix the flaky login test", { owner: "Ana", partner: "Ben" });
  await expect(goal(page, "Fix the flaky login test")).toContainText("Owner Ana · partner Ben");
  await checkIn(page, "Fix the flaky login test", "Found the race", "Add a wait", "");
  // The card is drawn anew with its check-in; the keyboard's focus stays on this goal.
  await expect(goal(page, "Fix the flaky login test")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(goal(page, "Fix the flaky login test").locator(":focus")).toHaveCount(1);
  await checkIn(page, "Fix the flaky login test", "Wait added", "Run it 100 times", "CI is slow");
  const checks = page.getByRole("list", { name: /^Check-ins on Fix the flaky/ });
  await expect(checks.getByRole("listitem")).toHaveCount(2);
  await checks.getByRole("listitem").nth(1).getByRole("textbox", { name: "How can I help?" }).fill("I can lend my CI runner");
  await checks.getByRole("listitem").nth(1).getByRole("button", { name: "Offer help" }).click();
  await expect(checks).toContainText("How can I help? I can lend my CI runner");

  // Renegotiate the date: the old terms and the reason stay visible.
  await goal(page, "Fix the flaky login test").getByRole("button", { name: "Renegotiate" }).click();
  const reneg = goal(page, "Fix the flaky login test").getByRole("form", { name: "Renegotiate" });
  await reneg.getByLabel("New due date").fill("2099-01-15");
  await reneg.getByRole("textbox", { name: "Why it changes" }).fill("CI outage this week");
  await reneg.getByRole("button", { name: "Save: renegotiate" }).click();
  await expect(goal(page, "Fix the flaky login test")).toContainText("Renegotiated");
  await expect(goal(page, "Fix the flaky login test")).toContainText("due 2099-01-15");
  await goal(page, "Fix the flaky login test").getByText("Renegotiated", { exact: true }).last().click();
  await expect(goal(page, "Fix the flaky login test")).toContainText("because CI outage this week");
  await expect(goal(page, "Fix the flaky login test")).toContainText("now “Fix the flaky login test”, due 2099-01-15");
  // Its dates go to a calendar; the file carries a reminder.
  let events = await calendar(page, goal(page, "Fix the flaky login test").getByRole("button", { name: "Add to calendar" }));
  const due = events.find((e) => e.summary === "Due: Fix the flaky login test");
  expect(due.startDate.toString()).toBe("2099-01-15");
  expect(due.startDate.isDate).toBe(true);
  expect(due.component.getFirstSubcomponent("valarm").getFirstPropertyValue("trigger").toString()).toBe("-PT15H");
  const firstSequence = due.sequence;
  // Not due yet: it cannot be marked missed by accident.
  await expect(goal(page, "Fix the flaky login test").getByRole("button", { name: "Missed" })).toHaveCount(0);
  // The owner changes openly too; partner and risk are plain edits.
  await goal(page, "Fix the flaky login test").getByRole("button", { name: "Renegotiate" }).click();
  const change = goal(page, "Fix the flaky login test").getByRole("form", { name: "Renegotiate" });
  await change.getByRole("combobox", { name: "Owner" }).selectOption({ label: "Ben" });
  await change.getByRole("combobox", { name: "Partner" }).selectOption({ label: "Ana" });
  await change.getByRole("textbox", { name: /^What could get in the way/ }).fill("CI stays slow; we run it at night");
  await change.getByRole("button", { name: "Save: renegotiate" }).click();
  await expect(page.getByText("Say why the commitment changes, in a few words")).toBeVisible();
  await expect(goal(page, "Fix the flaky login test")).toContainText("Owner Ana · partner Ben");
  await change.getByRole("textbox", { name: "Why it changes" }).fill("Ana is on leave");
  await change.getByRole("button", { name: "Save: renegotiate" }).click();
  await expect(goal(page, "Fix the flaky login test")).toContainText("Owner Ben · partner Ana");
  await expect(goal(page, "Fix the flaky login test")).toContainText("What could get in the way: CI stays slow; we run it at night");
  await goal(page, "Fix the flaky login test").getByText("Renegotiated", { exact: true }).last().click();
  await expect(goal(page, "Fix the flaky login test")).toContainText("owner Ana → Ben; because Ana is on leave");
  // The form saved one change: one Undo takes back the owner, the partner and the risk.
  await page.getByRole("button", { name: "Undo edit goal" }).click();
  await expect(goal(page, "Fix the flaky login test")).toContainText("Owner Ana · partner Ben");
  await expect(goal(page, "Fix the flaky login test")).not.toContainText("CI stays slow");
  await page.getByRole("button", { name: "Redo edit goal" }).click();
  await expect(goal(page, "Fix the flaky login test")).toContainText("Owner Ben · partner Ana");
  await expect(goal(page, "Fix the flaky login test")).toContainText("What could get in the way: CI stays slow");
  // Downloaded again, the same event is updated: same UID, a higher SEQUENCE, the new owner.
  events = await calendar(page, page.getByRole("button", { name: "Calendar file of all open goals" }));
  const again = events.find((e) => e.uid === due.uid);
  expect(again.sequence).toBeGreaterThan(firstSequence);
  expect(again.description).toContain("Owner: Ben");
  // The spreadsheet file: a header, one row for the goal, its new owner and its renegotiation.
  const [sheet] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Spreadsheet of all goals (CSV)" }).click(),
  ]);
  expect(sheet.suggestedFilename()).toBe("climb-goals.csv");
  const csv = (await readFile(await sheet.path(), "utf8")).replace(/^\uFEFF/, "");
  const rows = csv.split("\r\n").filter((l) => l !== "");
  expect(rows[0]).toMatch(/^Outcome,State,Owner,Partner,/);
  const row = rows.find((r) => r.startsWith("Fix the flaky login test,"));
  expect(row).toContain(",Renegotiated,Ben,Ana,");

  // Another goal is missed and reviewed; its corrective action becomes a goal.
  // Due today: from now on it can be marked missed (after a confirmation).
  await addGoal(page, "Automate the deploy", { owner: "Ben", due: new Date().toISOString().slice(0, 10) });
  await goal(page, "Automate the deploy").getByRole("button", { name: "Missed" }).click();
  const review = goal(page, "Automate the deploy").getByRole("form", { name: "No-blame review" });
  await review.getByRole("textbox", { name: "Root cause" }).fill("Nobody owned the pipeline");
  await review.getByRole("textbox", { name: "Corrective action" }).fill("Name an owner for the pipeline");
  await expect(page.getByRole("region", { name: "Missed: what can we learn?" })).toBeVisible();
  await review.getByRole("button", { name: "Save: no-blame review" }).click();
  // The next step stays in view: the corrective action becomes a goal.
  await goal(page, "Automate the deploy").getByRole("button", { name: "Make the corrective action a goal" }).click();
  await expect(page.getByRole("region", { name: "Missed: what can we learn?" })).toHaveCount(0);
  await page.getByRole("tab", { name: "Done and closed" }).click();
  await expect(goal(page, "Automate the deploy")).toContainText("The corrective action is a goal of its own.");
  await page.getByRole("tab", { name: "By source" }).click();
  await expect(page.getByRole("region", { name: "From a review" })).toContainText("Name an owner for the pipeline");

  // Marking one done celebrates it and moves the momentum chart.
  const chart = page.getByRole("img", { name: /goals done per week/ });
  await expect(chart).toHaveAccessibleName(/: 0 in all\./);
  await page.getByRole("tab", { name: "By due date" }).click();
  await checkIn(page, "Name an owner for the pipeline", "Asked in standup", "Pick one", "");
  await expect(goal(page, "Name an owner for the pipeline").getByRole("textbox", { name: "How can I help?" })).toHaveCount(1);
  await goal(page, "Name an owner for the pipeline").getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Another small win" })).toBeVisible();
  await expect(chart).toHaveAccessibleName(/: 1 in all\./);
  await expect(page.getByText("Streak: 1 week with a goal done.")).toBeVisible();

  await expectSaved(page);
  await page.reload();
  await expect(goal(page, "Fix the flaky login test")).toContainText("due 2099-01-15");
  await expect(page.getByRole("list", { name: /^Check-ins on Fix the flaky/ }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("img", { name: /goals done per week/ })).toHaveAccessibleName(/: 1 in all\./);
  await page.getByRole("tab", { name: "Done and closed" }).click();
  await expect(goal(page, "Automate the deploy")).toContainText("Nobody owned the pipeline");
  await expect(goal(page, "Name an owner for the pipeline")).toContainText("Done");
  // A closed goal keeps its check-ins, and no longer asks for help.
  await expect(page.getByRole("list", { name: /^Check-ins on Name an owner/ }).getByRole("listitem")).toHaveCount(1);
  await expect(goal(page, "Name an owner for the pipeline").getByRole("textbox", { name: "How can I help?" })).toHaveCount(0);
});

test("nudges: a far-off goal, a missing check, and too many open goals", async ({ page }) => {
  await team(page, ["Cleo"]);
  await openApp(page, "/goals");
  await addGoal(page, "Rewrite everything", { owner: "Cleo", due: "2099-12-31" });
  await expect(goal(page, "Rewrite everything")).toContainText("can a smaller step be done sooner?");
  for (const o of ["One", "Two", "Three"]) await addGoal(page, o, { owner: "Cleo" });
  await expect(page.getByRole("status").filter({ hasText: "Focus:" })).toContainText("We have put 4 open goals on Cleo: what can we take back?");
  // Dropping needs a reason.
  await goal(page, "Rewrite everything").getByRole("button", { name: "Drop" }).click();
  const drop = goal(page, "Rewrite everything").getByRole("form", { name: "Drop the goal" });
  await drop.getByRole("button", { name: "Save: drop the goal" }).click();
  await expect(page.getByRole("alert")).toContainText("Say why, in a few words.");
  await drop.getByRole("textbox", { name: "Why we drop it" }).fill("Too big: split it");
  await drop.getByRole("button", { name: "Save: drop the goal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Focus:" })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.help} ${v.nodes[0]?.target}`)).toEqual([]);
});

test("someone who leaves the team hands over their open goals first, openly", async ({ page }) => {
  await team(page, ["Ana", "Ben"]);
  await openApp(page, "/goals");
  await addGoal(page, "Write the runbook", { owner: "Ana", partner: "Ben" });
  await openApp(page, "/team");
  await page.getByRole("button", { name: "Remove Ana", exact: true }).click();
  const panel = page.getByRole("region", { name: "Before Ana leaves" });
  await expect(panel).toContainText("We have 1 open goal with Ana.");
  await expect(page.getByRole("button", { name: "Remove Ana", exact: true })).toBeVisible();
  await expect(panel.getByRole("combobox", { name: "New owner of “Write the runbook”" })).toHaveValue(/.+/);
  await panel.getByRole("button", { name: "Hand over and remove Ana" }).click();
  await expect(page.getByRole("button", { name: "Remove Ana", exact: true })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Team members" }).getByRole("listitem")).toHaveCount(1);
  await openApp(page, "/goals");
  const g = goal(page, "Write the runbook");
  await expect(g).toContainText("Owner Ben");
  await g.getByText("Renegotiated", { exact: true }).last().click();
  await expect(g).toContainText("owner Ana → Ben; because Ana left the team");
});
