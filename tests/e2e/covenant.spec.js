import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp, expectSaved } from "./fixtures.js";

test("build, activate, sign, amend and compare a covenant", async ({ page }) => {
  // Simulated weeks: the covenant is written on 2 November, reviewed in December.
  await page.clock.install({ time: new Date("2026-11-02T09:00:00") });
  await openApp(page, "/team");
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  for (const n of ["Ana", "Ben"]) {
    await name.fill(n);
    await name.press("Enter");
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Covenant" }).click();
  await expect(page.getByText("No covenant yet")).toBeVisible();
  await page.getByRole("textbox", { name: "Team" }).fill("Platform");
  await page.getByRole("button", { name: "Start the covenant" }).click();

  // Guided: intent, then behaviours from the clause library.
  await expect(page.getByText("Step 1 of 6: Intent")).toBeVisible();
  await page.getByRole("textbox", { name: "Why we make this covenant" }).fill("We support each other's growth.");
  // A reload at once, inside the short wait before the draft saves, keeps what was typed.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Why we make this covenant" })).toHaveValue("We support each other's growth.");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Add: Own the end result" }).click();
  await page.getByRole("button", { name: "Add: Walk the talk" }).click();
  // Each starter clause is added once.
  await expect(page.getByRole("button", { name: "Add: Walk the talk" })).toBeDisabled();
  await page.getByRole("button", { name: "Move Walk the talk up" }).click();
  await page.getByRole("checkbox", { name: "specific expectations" }).first().check();

  // Full editor: a decision-rights row and a review date.
  await page.getByRole("tab", { name: "Full editor" }).click();
  await page.getByRole("button", { name: "Add a decision" }).click();
  await page.getByRole("textbox", { name: "Decision 1" }).fill("Release dates");
  await page.getByRole("button", { name: "Add a step" }).click();
  // Every field saves as it is typed: no need to leave it first.
  await page.getByRole("textbox", { name: "Step 1: who" }).fill("The owner and their partner");
  await page.getByRole("textbox", { name: "Step 1: when" }).fill("a commitment slips");
  await expect(page.getByText("The draft is saved as you write.")).toBeVisible();
  await expectSaved(page);
  await page.reload();
  await page.getByRole("tab", { name: "Full editor" }).click();
  await expect(page.getByRole("textbox", { name: "Decision 1" })).toHaveValue("Release dates");
  await expect(page.getByRole("textbox", { name: "Step 1: when" })).toHaveValue("a commitment slips");
  await page.getByRole("combobox", { name: /^Driver of/ }).selectOption({ label: "Ana" });
  // Contributors are ticked, not Ctrl+clicked.
  await page.getByRole("group", { name: /^Contributors to/ }).getByRole("checkbox", { name: "Ben" }).check();
  await page.getByLabel("We review this covenant on").fill("2027-02-01");
  await expect(page.getByText("The draft is saved as you write.")).toBeVisible();
  await expectSaved(page);
  // Nothing typed into the draft is lost on a reload.
  await page.reload();
  await page.getByRole("tab", { name: "Full editor" }).click();
  await expect(page.getByRole("textbox", { name: "Why we make this covenant" })).toHaveValue("We support each other's growth.");
  await expect(page.getByRole("textbox", { name: "Decision 1" })).toHaveValue("Release dates");
  // An empty row is refused at activation, by name.
  await page.getByRole("button", { name: "Add a behaviour" }).click();
  await page.getByRole("button", { name: "Activate covenant" }).click();
  await expect(page.getByText("Fill in or remove the empty rows first: behaviour 3.")).toBeVisible();
  await page.getByRole("button", { name: "Remove behaviour 3" }).click();
  // Typing and activating at once activates what was typed, and nothing complains after.
  await page.getByRole("textbox", { name: "Why we make this covenant" }).fill("We support each other's growth, openly.");
  await page.getByRole("button", { name: "Activate covenant" }).click();
  await expect(page.getByText("Active, version 1")).toBeVisible();
  await page.waitForTimeout(600);
  await expect(page.getByText("An active covenant changes only by amendment")).toHaveCount(0);
  const terms = page.getByRole("region", { name: "Terms in force" });
  await expect(terms).toContainText("We support each other's growth, openly.");
  await expect(terms.getByRole("listitem").filter({ hasText: "Walk the talk" })).toContainText("Clear on specific expectations; still open: adequate resources");
  const daci = terms.getByRole("table", { name: "Decision rights" });
  await expect(daci.getByRole("row", { name: /Release dates/ })).toContainText("Ana");
  await expect(daci.getByRole("row", { name: /Release dates/ })).toContainText("Ben");
  await expect(terms.getByRole("listitem").filter({ hasText: "The owner and their partner" })).toContainText("when a commitment slips");

  // Two members sign with their typed names.
  const sign = page.getByRole("form", { name: "Sign the covenant" });
  for (const n of ["Ana", "Ben"]) {
    await sign.getByRole("combobox", { name: "Member" }).selectOption({ label: n });
    await sign.getByRole("textbox", { name: "Type your name to sign" }).fill(n);
    await sign.getByRole("button", { name: "Sign" }).click();
  }
  const signatures = page.getByRole("list", { name: "Signatures" });
  await expect(signatures.getByRole("listitem")).toHaveCount(2);
  await expect(signatures).not.toContainText("needs renewal");

  // Amend one clause.
  await page.getByRole("button", { name: "Amend", exact: true }).click();
  const amendment = page.getByRole("region", { name: "Amendment" });
  await amendment.getByRole("textbox", { name: "Wording of Walk the talk" }).fill("We do what we call a priority, or stop calling it one.");
  await amendment.getByRole("textbox", { name: "Reason for the amendment" }).fill("Clearer wording");
  await amendment.getByRole("button", { name: "Publish amendment" }).click();
  await expect(page.getByText("Active, version 2")).toBeVisible();
  await expect(signatures.getByRole("listitem").filter({ hasText: "needs renewal" })).toHaveCount(2);
  const changes = page.getByRole("list", { name: "Changes between versions" });
  await expect(changes.locator("del")).toContainText("If we said it is a priority");
  await expect(changes.locator("ins")).toContainText("or stop calling it one");
  // The changed words are marked, not the whole clause.
  await expect(changes.locator("ins mark").first()).not.toContainText("Walk the talk");

  await expectSaved(page);
  await page.reload();
  await expect(page.getByText("Active, version 2")).toBeVisible();
  await expect(page.getByRole("list", { name: "Signatures" }).getByRole("listitem").filter({ hasText: "needs renewal" })).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Changes between versions" }).locator("ins")).toContainText("stop calling it one");
  // Ana signs the new wording.
  await sign.getByRole("combobox", { name: "Member" }).selectOption({ label: "Ana" });
  await sign.getByRole("textbox", { name: "Type your name to sign" }).fill("Ana");
  await sign.getByRole("button", { name: "Sign" }).click();
  await expect(signatures.getByRole("listitem").filter({ hasText: "needs renewal" })).toHaveCount(1);
  // An amendment in progress survives a reload.
  await page.getByRole("button", { name: "Amend", exact: true }).click();
  await page.getByRole("region", { name: "Amendment" }).getByLabel("We review this covenant on").fill("2026-10-01");
  await page.getByRole("region", { name: "Amendment" }).getByRole("textbox", { name: "Reason for the amendment" }).fill("Review now");
  await page.reload();
  await expect(page.getByRole("region", { name: "Amendment" }).getByRole("textbox", { name: "Reason for the amendment" })).toHaveValue("Review now");
  // A date already past would leave the covenant overdue at once: refused, with the reason.
  await page.getByRole("button", { name: "Publish amendment" }).click();
  await expect(page.getByText("Choose the next review date: a day after today.")).toBeVisible();
  await page.getByRole("region", { name: "Amendment" }).getByLabel("We review this covenant on").fill("2026-12-15");
  await page.getByRole("button", { name: "Publish amendment" }).click();
  await expect(page.getByText("Active, version 3")).toBeVisible();
  // Only the date changed: Ana is not asked to sign again for that.
  await expect(signatures.getByRole("listitem").filter({ hasText: "needs renewal" })).toHaveCount(1);
  await expect(signatures.getByRole("listitem").filter({ hasText: "Ana" })).not.toContainText("needs renewal");
  // Five days after the review date, the home page says it is overdue.
  await page.clock.setSystemTime(new Date("2026-12-20T09:00:00"));
  await openApp(page, "/");
  await expect(page.getByRole("listitem").filter({ hasText: "review is overdue since 2026-12-15" })).toBeVisible();
  await page.getByRole("link", { name: "Open the covenant" }).click();
  await expect(page.getByText("Review overdue since 2026-12-15.")).toBeVisible();

  // The review: what we learned, reaffirmed with a next date; signatures are untouched.
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByText("Under review, version 3")).toBeVisible();
  const review = page.getByRole("region", { name: "Review" });
  await review.getByRole("textbox", { name: "What we learned" }).fill("Naming priorities out loud helped.");
  await page.reload();
  await expect(review.getByRole("textbox", { name: "What we learned" })).toHaveValue("Naming priorities out loud helped.");
  const next = "2027-03-01";
  await review.getByLabel("Next review").fill(next);
  await review.getByRole("button", { name: "Reaffirm without changes" }).click();
  await expect(page.getByText("Active, version 3")).toBeVisible();
  await expect(page.getByText(/Review overdue/)).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Versions and reviews" })).toContainText("reaffirmed version 3. We learned: Naming priorities out loud helped.");
  await expect(page.getByText(`We review this covenant on ${next}.`)).toBeVisible();
  await page.getByRole("link", { name: "Climb", exact: true }).click();
  await expect(page.getByRole("region", { name: "What needs us now" })).not.toContainText("covenant");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Covenant" }).click();
  // A goal linked to a clause shows under it on the covenant.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Micro-goals" }).click();
  const form = page.getByRole("form", { name: "New micro-goal" });
  await form.getByRole("textbox", { name: /^Outcome/ }).fill("Say no to one new priority this sprint");
  await form.getByRole("button", { name: "Add goal" }).click();
  const goal = page.getByRole("listitem", { name: "Goal: Say no to one new priority this sprint" });
  await goal.getByRole("button", { name: "Renegotiate" }).click();
  await goal.getByRole("combobox", { name: "Serves the covenant clause" }).selectOption({ label: "Walk the talk" });
  await goal.getByRole("button", { name: "Save: renegotiate" }).click();
  await expect(goal.getByRole("form", { name: "Renegotiate" })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Covenant" }).click();
  await expect(page.getByRole("list", { name: "Goals serving “Walk the talk”" })).toContainText("Say no to one new priority this sprint (open)");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.help} ${v.nodes[0]?.target}`)).toEqual([]);
});

test("Undo and Redo of a draft edit show in the open editor", async ({ page }) => {
  await openApp(page, "/covenant");
  await page.getByRole("button", { name: "Start the covenant" }).click();
  const why = page.getByRole("textbox", { name: "Why we make this covenant" });
  await why.fill("We support each other.");
  await expect(page.getByText("The draft is saved as you write.")).toBeVisible();
  await expectSaved(page);
  await why.fill("We support each other's growth.");
  await expect(page.getByText("The draft is saved as you write.")).toBeVisible();
  await expectSaved(page);
  await page.getByRole("button", { name: "Undo edit covenant" }).click();
  await expect(why).toHaveValue("We support each other.");
  // The editor holds what is stored: nothing waits to be saved, and a reload agrees.
  await expect(page.getByText("The draft is saved as you write.")).toBeVisible();
  await expectSaved(page);
  await page.getByRole("button", { name: "Redo edit covenant" }).click();
  await expect(why).toHaveValue("We support each other's growth.");
  await page.getByRole("button", { name: "Undo edit covenant" }).click();
  await expect(why).toHaveValue("We support each other.");
  await expectSaved(page);
  // Undo and Redo live in this tab; the draft itself is stored.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Why we make this covenant" })).toHaveValue("We support each other.");
});

test("at phone width the decision-rights table scrolls on its own, not the page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, "/covenant");
  await page.getByRole("textbox", { name: "Team" }).fill("Platform");
  await page.getByRole("button", { name: "Start the covenant" }).click();
  await page.getByRole("tab", { name: "Full editor" }).click();
  await page.getByRole("button", { name: "Add a decision" }).click();
  const table = page.getByRole("region", { name: "Decision rights table" });
  await expect(table).toBeVisible();
  // The table is wider than the phone: it scrolls inside its region, the page does not.
  expect(await table.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
