// Climb's benchmark, run on demand (not part of the test command):
//   scripts/bench.sh                (builds the release first), or
//   node tests/bench/bench.mjs      (after `trunk build --release`)
// Prints, from one browser run, each figure against a baseline measured in the same run:
//   1. render a board of 1,000 cards through Climb vs a plain JavaScript page building the
//      same DOM (same elements, attributes and text, same stylesheet);
//   2. one card move, and one keystroke in a board's text field, at 20 vs 2,000 cards;
//   3. importing a 1 MB export (file picked to preview shown) vs `JSON.parse` of the same text;
//   4. saving a 1,000-card workspace vs `JSON.stringify` + `localStorage.setItem` of the same
//      data;
//   5. a coach's browser (20 teams × 10 boards × 50 cards, 500 goals): switching team and
//      rendering the Teams overview vs the same at 2 teams and at 1 team, and the storage it
//      takes against localStorage's quota (BENCH_ONLY=teams runs this part alone);
//   6. the safety check page with a year of checks (24 checks × 12 responses × 9 statements)
//      vs one check of 3 responses (BENCH_ONLY=check runs this part alone);
// and then the first-load sizes (tests/size-budget.mjs). Every time includes a forced style
// and layout pass where the DOM changes. Figures are medians of several runs.
import { spawn, spawnSync } from "node:child_process";
import { chromium } from "@playwright/test";

const PORT = 4891;
const RUNS = Number(process.env.BENCH_RUNS || 5);
const base = `http://127.0.0.1:${PORT}`;

const RUNGS = [
  "Unaware", "Blame others", "Excuses", "Wait and hope",
  "Acknowledge reality", "Own it", "Find solutions", "Make it happen",
];

let counter = 0;
const uuid = () => {
  counter += 1;
  const hex = counter.toString(16).padStart(12, "0");
  return `00000000-0000-4000-8000-${hex}`;
};

/** A saved workspace with one board of `n` cards spread over the rungs. */
function workspace(n, text = (i) => `Situation number ${i + 1}: something that happened in the sprint`) {
  const now = "2026-11-21T09:00:00Z";
  const meta = () => ({ id: uuid(), version: 1, versionNonce: 1, updatedAt: now });
  const rungs = RUNGS.map((name) => ({ id: uuid(), name, description: "", prompt: "" }));
  const board = { ...meta(), title: `Bench ${n}`, date: "2026-11-21", team: "Bench", rungs, line: 4 };
  const cards = Array.from({ length: n }, (_, i) => ({
    ...meta(),
    boardId: board.id,
    text: text(i),
    rung: rungs[i % rungs.length].id,
  }));
  return {
    board,
    json: JSON.stringify({
      type: "climb.workspace", schemaVersion: 2, appVersion: "bench", exportedAt: now,
      members: [], boards: [board], cards, covenants: [], goals: [],
    }),
  };
}

/** A schema 3 workspace of `teams` teams, each with `boards` boards of `cards` cards, a roster
 * of five and `goals` goals. */
function coachWorkspace(teams, boards, cards, goals) {
  const now = "2026-11-21T09:00:00Z";
  const meta = () => ({ id: uuid(), version: 1, versionNonce: 1, updatedAt: now });
  const out = {
    type: "climb.workspace", schemaVersion: 3, appVersion: "bench", exportedAt: now,
    teams: [], members: [], memberships: [], boards: [], cards: [], covenants: [], goals: [],
  };
  for (let t = 0; t < teams; t++) {
    const team = { ...meta(), name: `Team ${t + 1}` };
    out.teams.push(team);
    for (let m = 0; m < 5; m++) {
      const member = { ...meta(), name: `Person ${t + 1}.${m + 1}` };
      out.members.push(member);
      out.memberships.push({ ...meta(), id: `membership.${team.id}.${member.id}`, teamId: team.id, memberId: member.id });
    }
    for (let b = 0; b < boards; b++) {
      const rungs = RUNGS.map((name) => ({ id: uuid(), name, description: "", prompt: "" }));
      const day = String(1 + b).padStart(2, "0");
      const board = { ...meta(), title: `Team ${t + 1} retro ${b + 1}`, date: `2026-11-${day}`, teamId: team.id, rungs, line: 4 };
      out.boards.push(board);
      for (let c = 0; c < cards; c++) {
        out.cards.push({ ...meta(), boardId: board.id, text: `Situation ${c + 1} of retro ${b + 1}`, rung: rungs[c % 8].id });
      }
    }
    for (let g = 0; g < goals; g++) {
      out.goals.push({ ...meta(), teamId: team.id, outcome: `Goal ${g + 1} of team ${t + 1}`, due: "2026-12-20" });
    }
  }
  return JSON.stringify(out);
}

/** ms from choosing `name` in the header's switcher until the Boards list shows its boards. */
async function switchOnce(page, name) {
  return page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const select = document.getElementById("team-switcher");
        const option = [...select.options].find((o) => o.text === name);
        const t0 = performance.now();
        const done = () => {
          const first = document.querySelector('ul[aria-label="Boards"] a');
          if (first && first.textContent.startsWith(`${name} retro`)) {
            observer.disconnect();
            void document.body.offsetHeight;
            resolve(performance.now() - t0);
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        select.value = option.value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }),
    name,
  );
}

/**
 * ms from a click on the nav link to `href` (from the Team page) until `selector` matches
 * `n` elements: the time a page takes to show a workspace's records.
 */
async function navigateOnce(page, href, selector, n) {
  await page.goto(`${base}/team`);
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  return page.evaluate(
    ([href, selector, n]) =>
      new Promise((resolve) => {
        const link = document.querySelector(`a[href="${href}"]`);
        const t0 = performance.now();
        const done = () => {
          if (document.querySelectorAll(selector).length === n) {
            observer.disconnect();
            void document.body.offsetHeight;
            resolve(performance.now() - t0);
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(document.body, { childList: true, subtree: true });
        link.click();
      }),
    [href, selector, n],
  );
}

/** ms from a click on the Teams link until the overview shows `n` team cards. */
const overviewOnce = (page, n) => navigateOnce(page, "/teams", "li.team-card", n);

async function benchTeams(page) {
  const sizes = { coach: [20, 10, 50, 25], two: [2, 10, 50, 25], one: [1, 10, 50, 25] };
  const json = Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, coachWorkspace(...v)]));
  const switches = {};
  for (const k of ["coach", "two"]) {
    await openWith(page, json[k], "/boards");
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(await switchOnce(page, "Team 2"));
      times.push(await switchOnce(page, "Team 1"));
    }
    switches[k] = median(times);
  }
  console.log(`Switch team, to its boards list (median of ${RUNS * 2}):`);
  console.log(`  20 teams × 10 boards × 50 cards: ${ms(switches.coach)}`);
  console.log(`  2 teams of the same size:        ${ms(switches.two)}`);
  console.log(`  ratio 20 teams / 2 teams:        ${(switches.coach / switches.two).toFixed(2)}`);
  const overviews = {};
  for (const [k, n] of [["coach", 20], ["one", 1]]) {
    await openWith(page, json[k], "/team");
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await overviewOnce(page, n));
    overviews[k] = median(times);
  }
  console.log(`Render the Teams overview (median of ${RUNS}):`);
  console.log(`  20 teams (10,000 cards, 500 goals): ${ms(overviews.coach)}`);
  console.log(`  1 team (500 cards, 25 goals):       ${ms(overviews.one)}`);
  console.log(`  ratio 20 teams / 1 team:            ${(overviews.coach / overviews.one).toFixed(2)}`);
  // What the coach's workspace takes once Climb has saved it (a change forces a save).
  await openWith(page, json.coach, "/team");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Bench person");
  await page.getByRole("textbox", { name: "Name", exact: true }).press("Enter");
  await page.getByTestId("save-state").filter({ hasText: "Saved" }).waitFor();
  const chars = await page.evaluate(() => localStorage.getItem("climb.workspace").length);
  const quota = 5_000_000;
  console.log("Storage of the coach's workspace:");
  console.log(`  ${(chars / 1e6).toFixed(2)} million characters of localStorage's ${quota / 1e6} million: ${((100 * chars) / quota).toFixed(0)}%`);
}

/** A schema 4 workspace of one team with `checks` closed checks of `people` responses each. */
function checkWorkspace(checks, people) {
  const now = "2026-11-21T09:00:00Z";
  const meta = () => ({ id: uuid(), version: 1, versionNonce: 1, updatedAt: now });
  const team = { ...meta(), name: "Falcons" };
  const out = {
    type: "climb.workspace", schemaVersion: 4, appVersion: "bench", exportedAt: now,
    teams: [team], members: [], memberships: [], checks: [], answers: [], responses: [],
  };
  const conditions = ["safety", "trust", "clarity"];
  const statements = Array.from({ length: 9 }, (_, i) => ({
    id: `s${i}`, text: `Statement ${i + 1} about ${conditions[i % 3]}`, condition: conditions[i % 3],
  }));
  for (let c = 0; c < checks; c++) {
    const day = new Date(Date.UTC(2025, 0, 1 + 14 * c)).toISOString().slice(0, 10);
    const check = { ...meta(), teamId: team.id, openedOn: day, closedOn: day, threshold: 3, statements };
    out.checks.push(check);
    const anon = (id) => ({ id, version: 1, versionNonce: 0, updatedAt: `${day}T00:00:00Z`, checkId: check.id });
    for (let p = 0; p < people; p++) {
      out.responses.push(anon(uuid()));
      for (const s of statements) {
        out.answers.push({ ...anon(uuid()), statementId: s.id, score: 1 + ((p + c + s.id.length) % 5) });
      }
    }
  }
  return JSON.stringify(out);
}

/** ms from a click on the Check link until the trend table shows `n` checks. */
const checkPageOnce = (page, n) => navigateOnce(page, "/check", "table.trend-table tbody tr", n);

async function benchChecks(page) {
  const times = {};
  for (const [k, checks, people] of [["year", 24, 12], ["one", 1, 3]]) {
    await openWith(page, checkWorkspace(checks, people), "/team");
    const t = [];
    for (let i = 0; i < RUNS; i++) t.push(await checkPageOnce(page, checks));
    times[k] = median(t);
  }
  console.log(`Open the Check page, results and trend drawn (median of ${RUNS}):`);
  console.log(`  24 checks × 12 responses (2,592 answers): ${ms(times.year)}`);
  console.log(`  1 check × 3 responses (27 answers):       ${ms(times.one)}`);
  console.log(`  ratio year / one:                         ${(times.year / times.one).toFixed(2)}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

async function openWith(page, json, path) {
  await page.goto(`${base}/data`);
  await page.evaluate((j) => {
    localStorage.clear();
    localStorage.setItem("climb.workspace", j);
  }, json);
  await page.goto(`${base}${path}`);
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}

/** Client-side navigation from the boards list to the board; ms until all cards are laid out. */
async function appRender(page, n, boardId) {
  return page.evaluate(
    ({ n, boardId }) =>
      new Promise((resolve) => {
        const link = document.querySelector(`a[href="/boards/${boardId}"]`);
        const t0 = performance.now();
        const done = () => {
          if (document.querySelectorAll("li.card").length === n) {
            observer.disconnect();
            void document.body.offsetHeight; // style and layout
            resolve(performance.now() - t0);
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(document.body, { childList: true, subtree: true });
        link.click();
        done();
      }),
    { n, boardId },
  );
}

/** A serialisable copy of the rendered ladder, so the baseline builds exactly the same DOM. */
async function snapshot(page) {
  return page.evaluate(() => {
    const walk = (node) =>
      node.nodeType === Node.TEXT_NODE
        ? node.textContent
        : {
            tag: node.tagName.toLowerCase(),
            attrs: [...node.attributes].map((a) => [a.name, a.value]),
            children: [...node.childNodes].filter((c) => c.nodeType !== 8).map(walk),
          };
    return walk(document.querySelector(".board-page"));
  });
}

async function baselineRender(page, tree, css) {
  await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body><main></main></body></html>`);
  return page.evaluate((tree) => {
    const build = (t) => {
      if (typeof t === "string") return document.createTextNode(t);
      const el = document.createElement(t.tag);
      for (const [k, v] of t.attrs) el.setAttribute(k, v);
      for (const c of t.children) el.appendChild(build(c));
      return el;
    };
    const t0 = performance.now();
    document.querySelector("main").appendChild(build(tree));
    void document.body.offsetHeight;
    return performance.now() - t0;
  }, tree);
}

/** Clicks "Move up" on a card; ms until it shows one rung higher. */
async function moveOnce(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        // Lanes are listed top first: take the lowest lane that has a card and a lane above.
        const lanes = [...document.querySelectorAll("section.lane.rung")];
        let i = lanes.length - 1;
        while (i > 0 && !lanes[i].querySelector("li.card")) i -= 1;
        const from = lanes[i];
        const to = lanes[i - 1];
        const card = from.querySelector("li.card");
        const before = to.querySelectorAll("li.card").length;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (to.querySelectorAll("li.card").length === before + 1) {
            observer.disconnect();
            void document.body.offsetHeight;
            resolve(performance.now() - t0);
          }
        });
        observer.observe(to, { childList: true, subtree: true });
        card.querySelector('button[aria-label^="Move up"]').click();
      }),
  );
}

/** Types one character into the tray's new-card field; ms until the handler ran and the page
 * is laid out again. */
async function keystroke(page) {
  return page.evaluate(() => {
    const label = [...document.querySelectorAll("label")].find((l) => l.textContent === "New card on Unplaced");
    const field = document.getElementById(label.htmlFor);
    field.focus();
    const t0 = performance.now();
    field.value += "x";
    field.dispatchEvent(new InputEvent("input", { bubbles: true, data: "x", inputType: "insertText" }));
    void document.body.offsetHeight;
    return performance.now() - t0;
  });
}

/** Picks `text` as an import file on the Data page; ms until the preview is on screen. */
async function importOnce(page, text) {
  return page.evaluate(
    (text) =>
      new Promise((resolve) => {
        const input = document.querySelector("#import-file");
        const files = new DataTransfer();
        files.items.add(new File([text], "bench.climb.json", { type: "application/json" }));
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('[aria-label="Import preview"]')) {
            observer.disconnect();
            void document.body.offsetHeight;
            resolve(performance.now() - t0);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        input.files = files.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }),
    text,
  );
}

/** Makes a change (one card up), then makes Climb save at once, as it does when the page is
 * hidden; ms for that save (serialising the workspace and writing it). */
async function saveOnce(page) {
  return page.evaluate(async () => {
    const buttons = document.querySelectorAll('li.card button[aria-label^="Move up"]');
    buttons[buttons.length - 1].click();
    // Let the change reach the autosave (it schedules a save 300 ms later), then save now.
    await new Promise((r) => setTimeout(r, 20));
    if (document.querySelector('[data-testid="save-state"]').textContent !== "Saving…") {
      throw new Error("no save pending");
    }
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    const t0 = performance.now();
    document.dispatchEvent(new Event("visibilitychange"));
    const t = performance.now() - t0;
    delete document.visibilityState;
    await new Promise((r) => setTimeout(r, 0));
    if (document.querySelector('[data-testid="save-state"]').textContent !== "Saved") {
      throw new Error("the save did not happen");
    }
    return t;
  });
}

/** The baseline for a save: the same data through JSON.stringify and setItem. */
async function plainSave(page) {
  return page.evaluate(() => {
    const data = JSON.parse(localStorage.getItem("climb.workspace"));
    const t0 = performance.now();
    localStorage.setItem("bench.copy", JSON.stringify(data));
    const t = performance.now() - t0;
    localStorage.removeItem("bench.copy");
    return t;
  });
}

const server = spawn("python3", ["scripts/serve.py", "--port", String(PORT), "dist"], {
  env: { ...process.env, CLIMB_SERVE_QUIET: "1" },
  stdio: "ignore",
});
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const css = await (await fetch(`${base}/`)).text().then(async (html) => {
    const href = html.match(/href="?(\/main-[^" >]+\.css)/)[1];
    return (await fetch(base + href)).text();
  });

  if (process.env.BENCH_ONLY === "teams") {
    await benchTeams(page);
    await browser.close();
    server.kill();
    process.exit(0);
  }
  if (process.env.BENCH_ONLY === "check") {
    await benchChecks(page);
    await browser.close();
    server.kill();
    process.exit(0);
  }
  const big = workspace(1000);
  const app = [];
  const plain = [];
  for (let i = 0; i < RUNS; i++) {
    await openWith(page, big.json, "/boards");
    app.push(await appRender(page, 1000, big.board.id));
    const tree = await snapshot(page);
    plain.push(await baselineRender(page, tree, css));
  }
  console.log(`Render a board of 1,000 cards (median of ${RUNS}):`);
  console.log(`  Climb (Leptos):        ${ms(median(app))}`);
  console.log(`  plain JavaScript DOM:  ${ms(median(plain))}`);
  console.log(`  ratio Climb / plain:   ${(median(app) / median(plain)).toFixed(2)}`);

  const moves = {};
  for (const n of [20, 2000]) {
    const ws = workspace(n);
    await openWith(page, ws.json, `/boards/${ws.board.id}`);
    await page.locator("li.card").nth(n - 1).waitFor();
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await moveOnce(page));
    moves[n] = median(times);
  }
  console.log(`One card move (median of ${RUNS}):`);
  console.log(`  board of 20 cards:     ${ms(moves[20])}`);
  console.log(`  board of 2,000 cards:  ${ms(moves[2000])}`);
  console.log(`  ratio 2,000 / 20:      ${(moves[2000] / moves[20]).toFixed(2)}`);

  const keys = {};
  for (const n of [20, 2000]) {
    const ws = workspace(n);
    await openWith(page, ws.json, `/boards/${ws.board.id}`);
    await page.locator("li.card").nth(n - 1).waitFor();
    const times = [];
    for (let i = 0; i < RUNS * 4; i++) times.push(await keystroke(page));
    keys[n] = median(times);
  }
  console.log(`One keystroke in a board's text field (median of ${RUNS * 4}):`);
  console.log(`  board of 20 cards:     ${ms(keys[20])}`);
  console.log(`  board of 2,000 cards:  ${ms(keys[2000])}`);
  console.log(`  ratio 2,000 / 20:      ${(keys[2000] / keys[20]).toFixed(2)}`);

  // About 1 MB: 3,600 cards with longer texts.
  const file = workspace(3600, (i) => `Card ${i + 1}: ` + "the release slipped because the review queue was long. ".repeat(3));
  const mb = (file.json.length / 1e6).toFixed(2);
  const imports = [];
  const parses = [];
  for (let i = 0; i < RUNS; i++) {
    await openWith(page, workspace(1).json, "/data");
    imports.push(await importOnce(page, file.json));
    parses.push(await page.evaluate((t) => {
      const t0 = performance.now();
      JSON.parse(t);
      return performance.now() - t0;
    }, file.json));
  }
  console.log(`Import a ${mb} MB export (median of ${RUNS}):`);
  console.log(`  Climb (read, check, preview): ${ms(median(imports))}`);
  console.log(`  JSON.parse of the same text:  ${ms(median(parses))}`);
  console.log(`  ratio Climb / JSON.parse:     ${(median(imports) / median(parses)).toFixed(2)}`);

  const saves = [];
  const plainSaves = [];
  const ws = workspace(1000);
  await openWith(page, ws.json, `/boards/${ws.board.id}`);
  await page.locator("li.card").nth(999).waitFor();
  for (let i = 0; i < RUNS; i++) {
    saves.push(await saveOnce(page));
    plainSaves.push(await plainSave(page));
  }
  console.log(`Save a workspace of 1,000 cards (median of ${RUNS}):`);
  console.log(`  Climb autosave:               ${ms(median(saves))}`);
  console.log(`  JSON.stringify + setItem:     ${ms(median(plainSaves))}`);
  console.log(`  ratio Climb / plain:          ${(median(saves) / median(plainSaves)).toFixed(2)}`);

  await benchTeams(page);
  await benchChecks(page);
} finally {
  await browser.close();
  server.kill();
}

console.log("First-load sizes:");
spawnSync("node", ["tests/size-budget.mjs"], { stdio: "inherit" });
