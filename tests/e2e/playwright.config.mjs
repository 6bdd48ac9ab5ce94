// End-to-end tests of the release build in dist/, in Debian's Chromium (no Playwright browser
// download). Run from the repository root:
//   npx playwright test -c tests/e2e/playwright.config.mjs
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const PORT = Number(process.env.KOOP_E2E_PORT || 4173);

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.mjs',
  globalTeardown: resolve(here, 'teardown.mjs'),
  // Outside the source tree (the repository ignores /test-results).
  outputDir: resolve(root, 'test-results'),
  workers: 2,
  // A flaky test must show, not pass on its second try.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: 'line',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node tests/e2e/serve.mjs dist',
    cwd: root,
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
