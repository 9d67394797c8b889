// The safety, trust and clarity check: one shared screen behind the curtain, a response
// from a second browser by link, a low statement made a micro-goal, the trend after two
// checks, and what is stored.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp, expectSaved, addMembers } from "./fixtures.js";

const nav = (page, name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
const MISTAKE = "If I make a mistake here, it is not held against me.";
const EXPECTED = "I know what is expected of me, by when and how well.";

async function addPeople(page, names) {
  await openApp(page, "/team");
  await addMembers(page, names);
}

/** Answers every statement of the form with `answer`, except those in `except`. */
async function answer(page, answer, except = {}) {
  const form = page.getByRole("form", { name: "Your answers" });
  const groups = form.getByRole("group");
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const g = groups.nth(i);
    const text = await g.locator("legend").innerText();
    await g.getByRole("radio", { name: except[text] || answer, exact: true }).check();
  }
  return form;
}

/** One person's turn on the shared screen. */
async function turn(page, choice, except) {
  const curtain = page.getByRole("region", { name: "Hand-over" });
  await curtain.getByRole("button", { name: "Start answering" }).click();
  await expect(curtain).toHaveCount(0);
  const form = await answer(page, choice, except);
  await form.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("region", { name: "Hand-over" })).toBeVisible();
}

/** A whole check on one screen with three people; closes it and shows the results. */
async function oneScreenCheck(page, choices) {
  await nav(page, "Check");
  await page.getByRole("button", { name: "Start a check" }).click();
  await page.getByRole("button", { name: "Answer on this screen" }).click();
  for (const [choice, except] of choices) await turn(page, choice, except);
  await page.getByRole("button", { name: "Stop answering on this screen" }).click();
  await page.getByRole("button", { name: "Close and show results" }).click();
  await expect(page.getByRole("heading", { name: /^Results: Check of/ })).toBeVisible();
}

test("three people answer on one screen; results wait for the third; a low statement becomes a goal", async ({ page }) => {
  test.setTimeout(90_000);
  page.on("dialog", (d) => d.accept());
  await addPeople(page, ["Ana", "Ben", "Cy"]);
  await nav(page, "Check");
  await expect(page.getByText("not a score to report upward")).toBeVisible();
  await page.getByRole("button", { name: "Start a check" }).click();
  await expect(page.getByText("0 of 3 have answered.")).toBeVisible();
  await page.getByRole("button", { name: "Answer on this screen" }).click();
  const curtain = page.getByRole("region", { name: "Hand-over" });
  await expect(curtain.getByText("Pass the screen to the first person.")).toBeVisible();

  // Behind the curtain, the facilitator's controls are out of reach.
  await expect(page.getByRole("button", { name: "Delete check" })).toBeHidden();
  await turn(page, "Agree", { [MISTAKE]: "Strongly disagree" });
  await expect(curtain.getByText("1 of 3 have answered.")).toBeVisible();
  // The next person cannot undo (or read in Undo's name) what the one before did.
  await expect(page.getByRole("button", { name: /^Undo/ })).toBeDisabled();
  await turn(page, "Agree", { [MISTAKE]: "Disagree" });
  await expect(curtain.getByText("2 of 3 have answered.")).toBeVisible();

  // Two answers: hidden, and no way to show them.
  await page.getByRole("button", { name: "Stop answering on this screen" }).click();
  await expect(page.getByText("The results stay hidden until 3 have answered (2 so far)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Close and show results" })).toBeDisabled();
  await expect(page.getByRole("heading", { name: /^Results/ })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);

  await page.getByRole("button", { name: "Answer on this screen" }).click();
  await turn(page, "Strongly agree", { [MISTAKE]: "Neither agree nor disagree" });
  await expect(curtain.getByText("3 of 3 have answered.")).toBeVisible();
  await page.getByRole("button", { name: "Stop answering on this screen" }).click();
  await page.getByRole("button", { name: "Close and show results" }).click();
  await expect(page.getByRole("heading", { name: /^Results: Check of/ })).toBeVisible();
  await expect(page.getByText("3 people answered.")).toBeVisible();
  // Per statement: how many gave each answer, never whose.
  const row = page.getByRole("row", { name: new RegExp(`^${MISTAKE.replace(/\./g, "\\.")}`) });
  await expect(row.getByRole("cell")).toHaveText(["1", "1", "1", "0", "0", "0", "2.0"]);

  // The lowest statement is the first question, one step from a micro-goal.
  const q = page.getByRole("listitem").filter({ hasText: "What would make it safer to admit a mistake here?" });
  await expect(q).toBeVisible();
  await q.getByRole("button", { name: `Make a micro-goal from “${MISTAKE}”` }).click();
  await expect(page.getByText("A micro-goal was added from this statement.")).toBeVisible();
  // Once made, the same statement does not make a second goal.
  await expect(q.getByRole("button", { name: `Make a micro-goal from “${MISTAKE}”` })).toBeDisabled();
  // Showing the results cannot be undone (a reopened check would let a later answer show).
  await expect(page.getByRole("button", { name: /^Undo show the results/ })).toHaveCount(0);
  await expectSaved(page);

  // Stored: no member id near any answer, no time of day, no name.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("climb.workspace")));
  const ids = stored.members.map((m) => m.id);
  const anonymous = JSON.stringify([stored.answers, stored.responses]);
  for (const id of ids) expect(anonymous).not.toContain(id);
  for (const n of ["Ana", "Ben", "Cy"]) expect(anonymous).not.toContain(n);
  expect(stored.responses).toHaveLength(3);
  for (const r of [...stored.answers, ...stored.responses]) {
    expect(r.updatedAt).toMatch(/T00:00:00(\.000)?Z$/);
    expect(r.versionNonce).toBe(0);
  }
  const sorted = stored.answers.map((a) => a.id);
  expect([...sorted].sort()).toEqual(sorted);

  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: "tests/screenshots/check.png", fullPage: true });

  await nav(page, "Micro-goals");
  const goal = page.getByRole("listitem", { name: /^Goal: We agree one step and try it: What would make it safer/ });
  await expect(goal).toBeVisible();
  await expect(goal.getByRole("link", { name: /^check of/ })).toBeVisible();

  // At phone width nothing is wider than the screen.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.getByRole("button", { name: "Menu" }).click();
  await nav(page, "Check");
  await expect(page.getByRole("heading", { name: /^Results/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("a response arrives by link from a second browser, once", async ({ page, browser }) => {
  await addPeople(page, ["Ana", "Ben"]);
  await nav(page, "Check");
  await page.getByRole("button", { name: "Start a check" }).click();
  await page.getByText("Answer in your own browsers (over a call)").click();
  await expect(page.getByText("You could tell one response link from another by who sent it")).toBeVisible();
  await page.getByRole("button", { name: "Copy invite link" }).click();
  const invite = await page.getByRole("textbox", { name: /^Invite link/ }).inputValue();
  expect(invite).toContain("/check/answer#check=");

  // A participant, in a browser of their own.
  const other = await browser.newContext();
  const them = await other.newPage();
  await them.goto(invite);
  await expect(them.getByText("Your name is not asked, and this browser keeps nothing.")).toBeVisible();
  const form = await answer(them, "Agree", { [EXPECTED]: "Strongly disagree" });
  await form.getByRole("button", { name: "Make my response link" }).click();
  const response = await them.getByRole("textbox", { name: /^Response link/ }).inputValue();
  expect(response).toContain("/check#answers=");
  // Their browser kept nothing.
  expect(await them.evaluate(() => localStorage.getItem("climb.workspace"))).toBeNull();
  await other.close();

  const field = page.getByRole("textbox", { name: "Response link" });
  await field.fill(response);
  await page.getByRole("button", { name: "Add response" }).click();
  await expect(page.getByText("A response was added: 1 counted so far.")).toBeVisible();
  await expect(page.getByText("1 of 2 have answered.")).toBeVisible();
  // The same link again, pasted or opened: counted once.
  await field.fill(response);
  await page.getByRole("button", { name: "Add response" }).click();
  await expect(page.getByText("This response is already counted: nothing changed.")).toBeVisible();
  await page.goto(response);
  await expect(page.getByText("This response is already counted: nothing changed.")).toBeVisible();
  await expect(page.getByText("1 of 2 have answered.")).toBeVisible();
  // A broken link says why, and the page stays.
  await page.getByText("Answer in your own browsers (over a call)").click();
  await field.fill("https://example.org/check#answers=%%%");
  await page.getByRole("button", { name: "Add response" }).click();
  await expect(page.getByText(/^The response could not be added: /)).toBeVisible();
});

test("the trend after two checks, and the overview's line for the team", async ({ page }) => {
  test.setTimeout(90_000);
  page.on("dialog", (d) => d.accept());
  await addPeople(page, ["Ana", "Ben", "Cy"]);
  await oneScreenCheck(page, [["Disagree"], ["Disagree"], ["Neither agree nor disagree"]]);
  await expect(page.getByRole("heading", { name: "Trend" })).toBeVisible();
  await page.getByRole("button", { name: "Start a check" }).click();
  await page.getByRole("button", { name: "Answer on this screen" }).click();
  for (const c of ["Agree", "Agree", "Strongly agree"]) await turn(page, c);
  await page.getByRole("button", { name: "Stop answering on this screen" }).click();
  await page.getByRole("button", { name: "Close and show results" }).click();
  // Compared with last time.
  await expect(page.getByText(/^Psychological safety: .*, up .* since the last check/)).toBeVisible();
  const table = page.getByRole("table", { name: "Each condition across checks" });
  await expect(table.getByRole("row")).toHaveCount(3);
  const chart = page.getByRole("img", { name: /Psychological safety: .*, then / });
  await expect(chart).toBeVisible();
  await page.screenshot({ path: "tests/screenshots/check-trend.png", fullPage: true });
  await page.goto("/teams");
  await expect(page.getByText(/^Check of .*: safety up, trust up, clarity up$/)).toBeVisible();
});
