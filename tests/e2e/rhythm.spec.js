// The team's rhythm over simulated weeks (Playwright's clock): set on the Team page, followed
// by the home page's "what needs us now", the next retro's calendar file and Momentum's breaks.
import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import { test, expect, openApp, expectSaved } from "./fixtures.js";

const at = (day) => new Date(`${day}T09:00:00`);

test("at week 5 of the practice period the home page says what needs us now", async ({ page }) => {
  await page.clock.install({ time: at("2026-11-02") });
  await openApp(page, "/");
  // A newcomer is asked for the first retro, nothing else.
  const needs = page.getByRole("region", { name: "What needs us now" }).getByRole("listitem");
  await expect(needs).toHaveText([/^No retro yet: start our first ladder retro \(we meet every week\)\./]);

  // The team's rhythm: a retro every two weeks, practice from today, a break in December.
  await page.getByRole("link", { name: "Manage the team and its rhythm" }).click();
  const rhythm = page.getByRole("region", { name: "Our rhythm" });
  await rhythm.getByRole("spinbutton", { name: "Retro every … weeks" }).fill("2");
  await rhythm.getByRole("spinbutton", { name: "Retro every … weeks" }).press("Tab");
  await rhythm.getByLabel("Practice period starts on").fill("2026-11-02");
  await rhythm.getByLabel("Practice period starts on").press("Tab");
  await rhythm.getByLabel("A day of the week off").fill("2026-12-09");
  await rhythm.getByRole("button", { name: "Add break week" }).click();
  await expect(rhythm.getByRole("list", { name: "Break weeks" }).getByRole("listitem")).toHaveText([/Week of 2026-12-07/]);
  await expectSaved(page);

  // A retro on 23 November, and a goal due on the 20th that nobody has checked in on.
  await openApp(page, "/boards");
  await page.getByLabel("Title").fill("Sprint 44 retro");
  await page.getByLabel("Date").fill("2026-11-23");
  await page.getByRole("button", { name: "Create board" }).click();
  await expect(page.getByRole("heading", { name: "Sprint 44 retro" })).toBeVisible();
  await openApp(page, "/goals");
  const form = page.getByRole("form", { name: "New micro-goal" });
  await form.getByRole("textbox", { name: /^Outcome/ }).fill("Publish the on-call guide");
  await form.getByLabel("Due").fill("2026-11-20");
  await form.getByRole("textbox", { name: "How we will know it is done" }).fill("It is on the wiki");
  await form.getByRole("button", { name: "Add goal" }).click();
  await expectSaved(page);

  // Four weeks later, on Wednesday 2 December.
  await page.clock.setSystemTime(at("2026-12-02"));
  await openApp(page, "/");
  await expect(needs.filter({ hasText: "Week 5 of 12 of our practice period." })).toHaveCount(1);
  // Two weeks after 23 November is the break week: the retro moves on a week.
  await expect(needs.filter({ hasText: "Next retro on 2026-12-14 (we meet every 2 weeks)." })).toHaveCount(1);
  await expect(needs.filter({ hasText: "Check-in due on “Publish the on-call guide”: how is it going?" })).toHaveCount(1);
  await expect(
    needs.filter({ hasText: "“Publish the on-call guide” was due on 2026-11-20: what do we need to finish it, or shall we renegotiate?" }),
  ).toHaveCount(1);
  await expect(page.getByRole("region", { name: "What needs us now" })).not.toContainText("Ana");

  // The next retro as a calendar file, read by an independent parser.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Add the next retro to a calendar" }).click(),
  ]);
  const text = await readFile(await download.path(), "utf8");
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  expect(event.startDate.toString()).toBe("2026-12-14");
  expect(event.startDate.isDate).toBe(true);
  expect(event.summary).toBe("Team retro (Accountability Ladder)");
  expect(event.uid).toMatch(/^retro-after-.+@climb$/);
  expect(event.component.getFirstSubcomponent("valarm")).not.toBeNull();

  // Done in the week before the break, and in the week after: the break bridges the streak.
  await openApp(page, "/goals");
  await page.clock.setSystemTime(at("2026-12-03"));
  await page.getByRole("listitem", { name: "Goal: Publish the on-call guide" }).getByRole("button", { name: "Done" }).click();
  await expectSaved(page);
  await page.clock.setSystemTime(at("2026-12-16"));
  await openApp(page, "/goals");
  const momentum = page.getByRole("region", { name: "Momentum" });
  await expect(momentum.getByRole("row", { name: /2026-12-07/ })).toContainText("a break");
  await expect(momentum.getByText("Streak: 1 week with a goal done.")).toBeVisible();
  await expect(momentum.getByRole("img")).toHaveAccessibleName(/with 1 break week/);

  // The rhythm is kept across a reload.
  await openApp(page, "/team");
  await expect(rhythm.getByRole("spinbutton", { name: "Retro every … weeks" })).toHaveValue("2");
  await expect(rhythm.getByLabel("Practice period starts on")).toHaveValue("2026-11-02");
});
