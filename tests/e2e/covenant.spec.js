import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp, expectSaved } from "./fixtures.js";

test("build, activate, sign, amend and compare a covenant", async ({ page }) => {
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
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Add: Own the end result" }).click();
  await page.getByRole("button", { name: "Add: Walk the talk" }).click();
  await page.getByRole("button", { name: "Move Walk the talk up" }).click();
  await page.getByRole("checkbox", { name: "specific expectations" }).first().check();

  // Full editor: a decision-rights row and a review date.
  await page.getByRole("tab", { name: "Full editor" }).click();
  await page.getByRole("button", { name: "Add a decision" }).click();
  await page.getByRole("textbox", { name: "Decision 1" }).fill("Release dates");
  // Text fields commit on change (when focus leaves them), as a click elsewhere would do.
  await page.getByRole("textbox", { name: "Decision 1" }).blur();
  await page.getByRole("combobox", { name: "Driver of Release dates" }).selectOption({ label: "Ana" });
  await page.getByLabel("We review this covenant on").fill("2027-02-01");
  await expect(page.getByText("The draft is saved as you write.")).toBeVisible();
  await expectSaved(page);
  // Nothing typed into the draft is lost on a reload.
  await page.reload();
  await page.getByRole("tab", { name: "Full editor" }).click();
  await expect(page.getByRole("textbox", { name: "Why we make this covenant" })).toHaveValue("We support each other's growth.");
  await expect(page.getByRole("textbox", { name: "Decision 1" })).toHaveValue("Release dates");
  await page.getByRole("button", { name: "Activate covenant" }).click();
  await expect(page.getByText("Active, version 1")).toBeVisible();
  const terms = page.getByRole("region", { name: "Terms in force" });
  await expect(terms).toContainText("Behaviour: Walk the talk:");
  await expect(terms).toContainText("Decision: Release dates | Driver: Ana");

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
  await page.getByRole("button", { name: "Amend" }).click();
  const amendment = page.getByRole("region", { name: "Amendment" });
  await amendment.getByRole("textbox", { name: "Wording of Walk the talk" }).fill("We do what we call a priority, or stop calling it one.");
  await amendment.getByRole("textbox", { name: "Reason for the amendment" }).fill("Clearer wording");
  await amendment.getByRole("button", { name: "Publish amendment" }).click();
  await expect(page.getByText("Active, version 2")).toBeVisible();
  await expect(signatures.getByRole("listitem").filter({ hasText: "needs renewal" })).toHaveCount(2);
  const changes = page.getByRole("list", { name: "Changes between versions" });
  await expect(changes.locator("del")).toContainText("If we said it is a priority");
  await expect(changes.locator("ins")).toContainText("or stop calling it one");

  await expectSaved(page);
  await page.reload();
  await expect(page.getByText("Active, version 2")).toBeVisible();
  await expect(page.getByRole("list", { name: "Signatures" }).getByRole("listitem").filter({ hasText: "needs renewal" })).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Changes between versions" }).locator("ins")).toContainText("stop calling it one");
  // The review date shows on the home page once it is near (the test sets it in the past).
  await page.getByRole("button", { name: "Amend" }).click();
  await page.getByRole("region", { name: "Amendment" }).getByLabel("We review this covenant on").fill("2020-01-01");
  await page.getByRole("region", { name: "Amendment" }).getByRole("textbox", { name: "Reason for the amendment" }).fill("Review now");
  await page.getByRole("button", { name: "Publish amendment" }).click();
  await expect(page.getByText("Active, version 3")).toBeVisible();
  await page.getByRole("link", { name: "Climb", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "is due for review on 2020-01-01" })).toBeVisible();
  await page.getByRole("link", { name: "Open the covenant" }).click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.help} ${v.nodes[0]?.target}`)).toEqual([]);
});
