// Every page passes axe-core's automated accessibility rules, in light and dark mode and at
// phone width.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.js";

const pages = ["/", "/boards", "/covenant", "/goals", "/team", "/data", "/nowhere"];

for (const scheme of ["light", "dark"]) {
  test(`no axe violations on any page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page, "/team");
    const name = page.getByRole("textbox", { name: "Name", exact: true });
    await name.fill("Ana");
    await name.press("Enter");
    for (const path of pages) {
      await openApp(page, path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id} ${v.help}`)).toEqual([]);
    }
  });
}

test("the layout fits a phone screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of pages) {
    await openApp(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: "test-results/phone-home.png" });
});

test("keyboard alone reaches the navigation and adds a member", async ({ page }) => {
  await openApp(page, "/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Climb", exact: true })).toBeFocused();
  // Boards, Covenant, Micro-goals, Check, Team.
  for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).focus();
  await page.keyboard.type("Kim");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Team members" })).toContainText("Kim");
});
