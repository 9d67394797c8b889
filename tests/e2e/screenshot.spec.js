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
