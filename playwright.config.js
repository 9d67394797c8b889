// End-to-end tests against the release build in dist/, served like `scripts/serve.sh` does.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 4873);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `python3 scripts/serve.py --port ${port} dist`,
    url: `http://127.0.0.1:${port}/`,
    env: { CLIMB_SERVE_QUIET: "1" },
    reuseExistingServer: false,
    timeout: 15_000,
  },
});
