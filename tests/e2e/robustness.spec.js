// Two tabs on one workspace, and a tab that crashes right after an edit.
import { test, expect, openApp, expectSaved } from "./fixtures.js";

async function addMember(page, name) {
  const field = page.getByRole("textbox", { name: "Name", exact: true });
  await field.fill(name);
  await field.press("Enter");
}

const roster = (page) => page.getByRole("list", { name: "Team members" });

test("an older tab never overwrites what another tab saved, and picks it up", async ({ page }) => {
  const older = page;
  await openApp(older, "/team");
  // A second tab on the same workspace (same browser profile, same storage).
  const newer = await older.context().newPage();
  await openApp(newer, "/team");

  await addMember(newer, "Ana");
  await expectSaved(newer);
  // The older tab learns of it from the browser's storage event, and says so.
  await expect(roster(older)).toContainText("Ana");
  await expect(older.getByText("Updated with the changes saved in another tab.")).toBeVisible();

  // The older tab edits and saves: Ana stays.
  await addMember(older, "Ben");
  await expectSaved(older);
  await expect(roster(newer)).toContainText("Ben");
  for (const p of [older, newer]) {
    await p.reload();
    await expect(roster(p).getByRole("listitem")).toHaveCount(2);
    await expect(roster(p)).toContainText("Ana");
    await expect(roster(p)).toContainText("Ben");
  }
});

test("a tab that crashes right after an edit loses nothing", async ({ page }) => {
  await openApp(page, "/team");
  await addMember(page, "Cleo");
  await expect(roster(page)).toContainText("Cleo");
  // Past the autosave debounce (300 ms), then the renderer dies without any unload event.
  await page.waitForTimeout(400);
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent("crash");
  cdp.send("Page.crash").catch(() => {});
  await crashed;

  const reopened = await page.context().newPage();
  await openApp(reopened, "/team");
  await expect(roster(reopened)).toContainText("Cleo");
});

test("the Data page says how much storage Climb uses and whether the browser keeps it", async ({ page }) => {
  await openApp(page, "/team");
  await addMember(page, "Dara");
  await expectSaved(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" }).click();
  await expect(page.getByTestId("storage-use")).toHaveText(
    /^Climb uses \d+ B of about 5\.0 MB \(1%\) of the storage browsers allow a site\.$/,
  );
  await expect(page.getByText(/^Persistent storage is (on|off)|does not say whether it keeps/)).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});
