// Shared test setup: every page must load without console errors or failed requests, and
// Climb must never contact another origin.
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const problems = [];
    // Content-Security-Policy violations are reported as problems too.
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("request", (req) => {
      const url = req.url();
      if (!url.startsWith(baseURL) && !url.startsWith("data:") && !url.startsWith("blob:")) {
        problems.push(`request to another origin: ${url}`);
      }
    });
    await use(page);
    expect(problems, "the page reported problems").toEqual([]);
  },
});

export { expect };

/** Opens Climb on `path` and waits until the app (not the static shell) is on screen. */
export async function openApp(page, path = "/") {
  await page.goto(path);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

/** Adds `names` to the team on the Team page (already open), waiting for each in the list. */
export async function addMembers(page, names) {
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  for (const n of names) {
    await name.fill(n);
    await name.press("Enter");
    // `last`: a name may already be on the list (a merged or crafted roster).
    await expect(page.getByRole("list", { name: "Team members" }).getByText(n, { exact: true }).last()).toBeVisible();
  }
}

/** Waits until the save indicator says everything is saved. */
export async function expectSaved(page) {
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
}
