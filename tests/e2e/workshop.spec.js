import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp, expectSaved, addMembers } from "./fixtures.js";

/** Opens the Team page and adds `names`, on an empty roster. */
async function team(page, names) {
  await openApp(page, "/team");
  await addMembers(page, names);
  await expect(page.getByRole("list", { name: "Team members" }).getByRole("listitem")).toHaveCount(names.length);
}

const next = (page, phase) => page.getByRole("button", { name: `Next: ${phase} ▶` }).click();
const phaseIs = (page, phase) =>
  expect(page.getByRole("navigation", { name: "Phases" }).locator("[aria-current=step]")).toHaveText(phase);

// Hands the shared screen to `who`: the picker names them, the curtain asks them to start.
async function takeTurn(page, label, who) {
  const picker = page.getByRole("combobox", { name: label });
  await picker.selectOption({ label: who });
  await expect(picker.locator("option:checked")).toHaveText(who);
  const start = page.getByRole("button", { name: `Start as ${who}` });
  if (await start.isVisible()) {
    await expect(page.getByRole("region", { name: "Hand-over" })).toContainText(`Pass the screen to ${who}.`);
    await start.click();
  }
  await expect(page.getByRole("region", { name: "Hand-over" })).toHaveCount(0);
}

async function writeAs(page, who, text) {
  await takeTurn(page, "Writing as", who);
  await page.getByRole("textbox", { name: /^A recent challenge/ }).fill(text);
  await page.getByRole("button", { name: "Add card", exact: true }).click();
  await expect(page.getByRole("list", { name: "Your cards" })).toContainText(text);
}

async function placeAs(page, who, placements) {
  await takeTurn(page, "Placing as", who);
  for (const [card, rung] of placements) {
    const select = page.getByRole("combobox", { name: new RegExp(`Rung for “${card}`) });
    await select.selectOption({ label: rung });
    await expect(select).toHaveValue(/.+/);
  }
  await expect(page.getByText(`${who} has placed ${placements.length} of 3 cards.`)).toBeVisible();
}

const A = "Release slipped a week";
const B = "Flaky tests block merges";
const C = "Waiting on the vendor";

test("a full workshop: two on one screen, one contribution from a file, a micro-goal at the end", async ({
  page,
  browser,
}, info) => {
  await team(page, ["Ana", "Ben", "Cy"]);
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill("Sprint 43 retro");
  await page.getByRole("button", { name: "Create board" }).click();
  await page.getByRole("link", { name: "Run as a workshop" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Run “Sprint 43 retro” as a workshop");
  await page.getByRole("button", { name: "Start the workshop" }).click();
  await phaseIs(page, "Set the stage");
  await expect(page.getByText("We rate situations, never people.")).toBeVisible();
  await expect(page.getByText("This is the team's first board in Climb")).toBeVisible();

  // Write: each participant's cards are hidden from the next one.
  await next(page, "Write");
  await writeAs(page, "Ana", A);
  await page.getByRole("button", { name: "Next participant" }).click();
  // The curtain comes down at once and the picker names whose turn it is.
  await expect(page.getByRole("region", { name: "Hand-over" })).toContainText("Pass the screen to Ben.");
  await expect(page.getByRole("combobox", { name: "Writing as" }).locator("option:checked")).toHaveText("Ben");
  await expect(page.getByRole("list", { name: "Your cards" })).toHaveCount(0);
  await page.getByRole("button", { name: "Start as Ben" }).click();
  // Nothing Ana did can be undone (or read off the Undo button) in Ben's turn.
  await expect(page.locator(".undo-redo").getByRole("button", { name: /^Undo/ })).toBeDisabled();
  await expect(page.getByRole("list", { name: "Your cards" })).not.toContainText(A);
  await expect(page.getByText("1 other card is hidden until everyone has written.")).toBeVisible();
  await writeAs(page, "Ben", B);
  // Back at the screen, Ana finds her own card (and only hers).
  await takeTurn(page, "Writing as", "Ana");
  await expect(page.getByRole("list", { name: "Your cards" })).toContainText(A);
  await expect(page.getByRole("list", { name: "Your cards" })).not.toContainText(B);

  // Cy joins from an invite link in a browser of their own, and sends a contribution link.
  await page.getByRole("button", { name: "Copy invite link" }).click();
  const invite = await page.getByRole("textbox", { name: /^Invite link/ }).inputValue();
  expect(invite).toContain("/join#invite=");
  const cy = await (await browser.newContext()).newPage();
  await cy.goto(invite);
  await expect(cy.getByRole("heading", { level: 1 })).toHaveText("Join “Sprint 43 retro” as…");
  await cy.getByRole("button", { name: "Cy", exact: true }).click();
  await expect(cy.getByText("You take part as Cy.")).toBeVisible();
  await cy.getByRole("textbox", { name: /^A recent challenge/ }).fill(C);
  await cy.getByRole("button", { name: "Add card", exact: true }).click();
  await expect(cy.getByRole("list", { name: "Your cards" })).toContainText(C);
  // The focus goes back to the text for the next card.
  await expect(cy.getByRole("textbox", { name: /^A recent challenge/ })).toBeFocused();
  // An invite sent while the group writes carries nobody's cards.
  await cy.getByRole("button", { name: "Place", exact: true }).click();
  await expect(cy.getByRole("combobox", { name: new RegExp(`Rung for “${A}`) })).toHaveCount(0);
  // At Group, the facilitator sends the invite again: now it carries every card.
  await next(page, "Group");
  await page.getByRole("button", { name: "Copy invite link" }).click();
  // The link is made asynchronously (compression): wait for the new one.
  await expect(page.getByRole("textbox", { name: /^Invite link/ })).not.toHaveValue(invite);
  const invite2 = await page.getByRole("textbox", { name: /^Invite link/ }).inputValue();
  expect(invite2).toContain("/join#invite=");
  await cy.goto(invite2);
  await expect(cy.getByText("You take part as Cy.")).toBeVisible();
  await cy.getByRole("button", { name: "Place", exact: true }).click();
  for (const [card, rung] of [[A, "Blame others"], [B, "Own it"], [C, "Wait and hope"]]) {
    await cy.getByRole("combobox", { name: new RegExp(`Rung for “${card}`) }).selectOption({ label: rung });
  }
  await expect(cy.getByText("Cy has placed 3 of 3 cards.")).toBeVisible();
  // In their own browser there is no screen to hand over, and the link names them.
  await expect(cy.getByText("When you are done, send your contribution below.")).toBeVisible();
  await expect(cy.getByText("Next participant")).toHaveCount(0);
  await expect(cy.getByRole("region", { name: "Send my contribution" })).toContainText("send it to the facilitator alone");
  await cy.getByRole("button", { name: "Send my contribution" }).click();
  const link = await cy.getByRole("textbox", { name: /^Contribution link/ }).inputValue();
  expect(link).toContain("/workshop#contribution=");
  info.annotations.push({ type: "link sizes", description: `invite ${invite.length} B, contribution ${link.length} B` });

  // Place in turn on the shared screen; Cy's contribution is pasted first.
  await next(page, "Place");
  await page.getByText("Participants in their own browsers").click();
  for (let i = 0; i < 2; i++) {
    await page.getByRole("textbox", { name: "Contribution link" }).fill(link);
    await page.getByRole("button", { name: "Read it" }).click();
    if (i === 0) {
      await expect(page.getByRole("group", { name: "Contribution" })).toContainText("Cy: 1 card, placements for 3 cards");
      await page.getByRole("button", { name: "Add to the board" }).click();
    } else {
      // The same link twice changes nothing.
      await expect(page.getByRole("group", { name: "Contribution" })).toContainText("Already on the board");
      await page.getByRole("button", { name: "Close" }).click();
    }
  }
  await expect(page.getByRole("button", { name: "Replace everything" })).toHaveCount(0);
  await takeTurn(page, "Placing as", "Ana");
  await expect(page.getByRole("combobox", { name: /^Rung for/ })).toHaveCount(3);

  await placeAs(page, "Ana", [
    [A, "Excuses"],
    [B, "Acknowledge reality"],
    [C, "Wait and hope"],
  ]);
  await page.getByRole("button", { name: "Next participant" }).click();
  await page.getByRole("button", { name: "Start as Ben" }).click();
  await expect(page.getByText("Ben has placed 0 of 3 cards.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: new RegExp(`Rung for “${A}`) })).toHaveValue("");
  await placeAs(page, "Ben", [
    [A, "Own it"],
    [B, "Acknowledge reality"],
    [C, "Wait and hope"],
  ]);

  // Reveal: the spread per card, the card people disagree on most, and no names.
  await next(page, "Reveal");
  const reveal = page.getByRole("region", { name: "Reveal" });
  await expect(reveal.getByRole("img", { name: /^Placements: Blame others 1, Excuses 1, Own it 1\. The group converges on Excuses\./ })).toBeVisible();
  await expect(reveal.getByRole("listitem").first()).toContainText(A);
  await expect(reveal.getByRole("listitem").first()).toContainText("People disagree most");
  await expect(reveal.getByRole("img", { name: /converges on Acknowledge reality/ })).toBeVisible();
  await expect(reveal).not.toContainText("Ana");
  // The facilitator can override where a card sits.
  await reveal.getByRole("combobox", { name: `Place “${C}” on` }).selectOption({ label: "Unplaced" });
  await reveal.getByRole("combobox", { name: `Place “${C}” on` }).selectOption({ label: "Wait and hope" });

  // Vote: dots within the limit, hidden until the phase ends.
  await next(page, "Vote");
  await takeTurn(page, "Voting as", "Ana");
  await page.getByRole("button", { name: `Add a dot to “${B}”` }).click();
  await page.getByRole("button", { name: `Add a dot to “${B}”` }).click();
  await page.getByRole("button", { name: `Add a dot to “${A}”` }).click();
  await expect(page.getByText("Ana has 0 of 3 dots left.")).toBeVisible();
  await expect(page.getByRole("button", { name: `Add a dot to “${C}”` })).toBeDisabled();
  await page.getByRole("button", { name: "Next participant" }).click();
  await page.getByRole("button", { name: "Start as Ben" }).click();
  await expect(page.getByText("Ben has 3 of 3 dots left.")).toBeVisible();
  await page.getByRole("button", { name: `Add a dot to “${B}”` }).click();

  // Climb in focus mode: the most-voted card first, answers recorded rung by rung.
  await next(page, "Climb");
  const focus = page.getByRole("article", { name: "Card in focus" });
  await expect(focus).toContainText(B);
  await expect(page.getByText("Card 1 of 3")).toBeVisible();
  await expect(page.getByRole("button", { name: "Next card ▶", exact: true })).toBeEnabled();
  await expect(page.getByRole("button", { name: "◀ Previous card", exact: true })).toBeDisabled();
  await expect(focus).toContainText("Acknowledge reality · 3 dots");
  await focus.getByRole("textbox", { name: "What are the facts, stated without feelings?" }).fill("Three tests failed 12 times this sprint.");
  await focus.getByRole("button", { name: "Climb one rung ▲" }).click();
  await expect(focus).toContainText("Own it · 3 dots");
  await focus.getByRole("combobox", { name: "Owner of the outcome" }).selectOption({ label: "Ben" });
  await focus.getByRole("button", { name: "Climb one rung ▲" }).click();
  await focus.getByRole("textbox", { name: "What options do we have?" }).fill("Quarantine, fix, or delete them.");
  await focus.getByRole("button", { name: "Climb one rung ▲" }).click();
  await expect(focus).toContainText("Make it happen · 3 dots");
  const step = focus.getByRole("textbox", { name: "What is the smallest step, who, by when?" });
  await step.fill("Quarantine the three flaky tests by Friday");
  await step.press("Tab");
  await expect(focus.getByText("At the top: make it a commitment in Commit.")).toBeVisible();
  await expect(focus).toContainText("Three tests failed 12 times this sprint.");

  // Commit: the climbed card becomes a micro-goal, linked both ways.
  await next(page, "Commit");
  const form = page.getByRole("form", { name: `Commit to “${B}”` });
  await expect(form.getByRole("textbox", { name: /^Outcome/ })).toHaveValue("Quarantine the three flaky tests by Friday");
  await expect(form.getByRole("combobox", { name: "Owner" })).toHaveText(/Ben/);
  await form.getByRole("textbox", { name: "How we will know it is done" }).fill("The nightly build is green three nights running");
  await form.getByRole("button", { name: "Create micro-goal" }).click();
  const commitments = page.getByRole("region", { name: "Commitments" });
  await expect(commitments).toContainText("Micro-goal: Quarantine the three flaky tests by Friday");

  await next(page, "Close");
  await expect(page.getByRole("region", { name: "Summary" })).toContainText("1 micro-goal committed.");
  await expect(page.getByRole("button", { name: "Export board" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  await expectSaved(page);
  await page.reload();
  await phaseIs(page, "Close");
  await openApp(page, "/goals");
  const goal = page.getByRole("listitem", { name: "Goal: Quarantine the three flaky tests by Friday" });
  await expect(goal).toBeVisible();
  await expect(goal).toContainText(`From the card “${B}” on Sprint 43 retro`);
  await goal.getByRole("link", { name: "Sprint 43 retro" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sprint 43 retro" })).toBeVisible();

  // The team's next retro reviews this commitment at Set the stage.
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill("Sprint 44 retro");
  const nextWeek = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
  await page.getByLabel("Date").fill(nextWeek);
  await page.getByRole("button", { name: "Create board" }).click();
  await page.getByRole("link", { name: "Run as a workshop" }).click();
  await page.getByRole("button", { name: "Start the workshop" }).click();
  const review = page.getByRole("region", { name: "Review of commitments" });
  await expect(review).toContainText("Commitments from “Sprint 43 retro”");
  await expect(review).toContainText("Quarantine the three flaky tests by Friday");
  await review.getByRole("textbox", { name: /^What helped, or what got in the way/ }).fill("All three are quarantined");
  await review.getByRole("button", { name: "Done" }).click();
  await expect(review).toContainText("No open commitments left to review.");
  await expect(review.getByRole("status")).toHaveText("Reviewed: 1 done.");
  await openApp(page, "/goals");
  await page.getByRole("tab", { name: "Done" }).click();
  await expect(page.getByRole("listitem", { name: "Goal: Quarantine the three flaky tests by Friday" })).toContainText("All three are quarantined");
});

test("the phase timer counts down, pauses, adds a minute and shows when time is up", async ({ page }) => {
  await team(page, ["Ana"]);
  await openApp(page, "/boards");
  await page.getByRole("textbox", { name: "Title" }).fill("Timed retro");
  await page.getByRole("button", { name: "Create board" }).click();
  await page.getByRole("link", { name: "Run as a workshop" }).click();
  await page.getByRole("button", { name: "Start the workshop" }).click();
  const timer = page.getByRole("region", { name: "Phase timer" });
  const clock = timer.getByRole("timer", { name: "Time left" });
  await expect(clock).toHaveText("5:00");
  await timer.getByRole("spinbutton", { name: "Minutes" }).fill("1");
  await timer.getByRole("spinbutton", { name: "Minutes" }).press("Tab");
  await timer.getByRole("button", { name: "Set" }).click();
  await expect(clock).toHaveText("1:00");
  await timer.getByRole("button", { name: "+1 minute" }).click();
  await expect(clock).toHaveText("2:00");
  await timer.getByRole("button", { name: "Start" }).click();
  await expect(clock).toHaveText("1:59", { timeout: 3000 });
  await timer.getByRole("button", { name: "Pause" }).click();
  const paused = await clock.textContent();
  await page.waitForTimeout(1500);
  await expect(clock).toHaveText(paused);
  // Let the clock run out quickly: the page's clock jumps ahead.
  await timer.getByRole("checkbox", { name: "Mute sound" }).check();
  await page.clock.install();
  await timer.getByRole("button", { name: "Start" }).click();
  await page.clock.fastForward("02:05");
  await expect(timer.getByRole("alert")).toHaveText("Time is up");
  await expect(clock).toHaveText("0:00");
});

for (const scheme of ["light", "dark"]) {
  test(`every workshop phase passes axe and fits a phone screen (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await team(page, ["Ana", "Ben"]);
    await openApp(page, "/boards");
    await page.getByRole("textbox", { name: "Title" }).fill("Checked retro");
    await page.getByRole("button", { name: "Create board" }).click();
    await page.getByRole("link", { name: "Run as a workshop" }).click();
    let results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `start: ${v.id} ${v.help}`)).toEqual([]);
    await page.getByRole("button", { name: "Start the workshop" }).click();
    await page.setViewportSize({ width: 360, height: 740 });
    const phases = ["Set the stage", "Write", "Group", "Place", "Reveal", "Vote", "Climb", "Commit", "Close"];
    for (const [i, phase] of phases.entries()) {
      if (i > 0) await next(page, phase);
      await phaseIs(page, phase);
      if (phase === "Write") await writeAs(page, "Ana", "A situation worth climbing");
      if (phase === "Place") {
        await takeTurn(page, "Placing as", "Ana");
        await page.getByRole("combobox", { name: /^Rung for/ }).selectOption({ label: "Make it happen" });
      }
      if (phase === "Vote") await takeTurn(page, "Voting as", "Ana");
      // Open the folded sections too, so that their contents are checked.
      for (const summary of await page.locator("details > summary").all()) await summary.click();
      results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${phase}: ${v.id} ${v.help}`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) {
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map((e) => `${e.tagName}.${e.className}`)
            .slice(0, 8)
            .join(" "),
        );
        expect(wide, phase).toBe("");
      }
      expect(overflow, phase).toBeLessThanOrEqual(0);
    }
  });
}
