// Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (no patched browser build,
// no browser download): one browser per test file, a fresh user context (own storage, own
// service workers, own download folder) per journey, the clock pinned as in the Playwright
// suite (fixtures.mjs), and downloads awaited on the browser's own "download ended" event.
//
// Journeys of one file run one after the other: stock Firefox sends focus and blur events only
// to the focused window and throttles background tabs, so two pages of one browser cannot both
// be typed into like a user does. Files run in parallel instead, each with its own browser.
import { after, before } from 'node:test';
import puppeteer from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PINNED_TIME } from '../fixtures.mjs';
import { serve } from '../serve.mjs';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** How long a journey waits for what the page should show before it fails. */
export const TIMEOUT = 15_000;

/** Starts headless Firefox ESR; `prefs` are added to its profile (about:config). */
export function launchFirefox({ prefs = {} } = {}) {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // The Playwright suite runs in Europe/Berlin with a German locale; so does this one.
    env: { ...process.env, TZ: 'Europe/Berlin' },
    extraPrefsFirefox: { 'intl.accept_languages': 'de-DE, de', 'intl.regional_prefs.use_os_locales': false, ...prefs },
  });
}

/** Serves dist/ on a free loopback port; `close()` ends every open connection too. */
export async function serveDist(dist = join(ROOT, 'dist')) {
  const server = await serve({ root: dist, port: 0 });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/**
 * Makes the page believe it is `time` (time flows on from there), before any of its scripts
 * run: `new Date()` and `Date.now()` are shifted, everything else of Date stays as it is.
 * The app reads the clock only on the main thread (src/platform.rs).
 */
export async function pinClock(page, time = PINNED_TIME) {
  await page.evaluateOnNewDocument((offset) => {
    const RealDate = Date;
    const now = () => RealDate.now() + offset;
    function PinnedDate(...args) {
      if (!new.target) return new RealDate(now()).toString();
      return args.length ? new RealDate(...args) : new RealDate(now());
    }
    PinnedDate.prototype = RealDate.prototype;
    PinnedDate.now = now;
    PinnedDate.parse = RealDate.parse;
    PinnedDate.UTC = RealDate.UTC;
    globalThis.Date = PinnedDate;
  }, time.getTime() - Date.now());
}

/**
 * A fresh user context (like a Playwright browser context: its own localStorage, service
 * workers and caches) with one page on the pinned clock, and its own download folder.
 * Returns { context, page, downloads, close }.
 */
export async function openContext(browser, { viewport = { width: 1400, height: 1000 }, time = PINNED_TIME } = {}) {
  const downloads = await mkdtemp(join(tmpdir(), 'koop-ff-downloads-'));
  const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
  const page = await context.newPage();
  // The page gets the focus, so that leaving a field (Tab, a click elsewhere) fires blur.
  await page.bringToFront();
  page.setDefaultTimeout(TIMEOUT);
  await page.setViewport(viewport);
  if (time) await pinClock(page, time);
  return {
    context,
    page,
    downloads,
    close: async () => {
      await context.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `trigger` and waits until Firefox reports the download it starts as complete in
 * `folder` (the user context's download folder). Returns { path, suggestedFilename }.
 */
export async function download(browser, folder, trigger) {
  const connection = browser.connection;
  let onBegin;
  let onEnd;
  const suggested = new Map();
  const done = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`kein Download in ${folder} nach ${TIMEOUT} ms`)), TIMEOUT);
    onBegin = (e) => suggested.set(e.url, e.suggestedFilename);
    onEnd = (e) => {
      if (!e.filepath || dirname(e.filepath) !== folder) return;
      clearTimeout(timer);
      if (e.status !== 'complete') fail(new Error(`Download ${e.url} endete mit „${e.status}“`));
      else ok({ path: e.filepath, suggestedFilename: suggested.get(e.url) });
    };
    connection.on('browsingContext.downloadWillBegin', onBegin);
    connection.on('browsingContext.downloadEnd', onEnd);
  });
  try {
    await trigger();
    return await done;
  } finally {
    connection.off('browsingContext.downloadWillBegin', onBegin);
    connection.off('browsingContext.downloadEnd', onEnd);
  }
}

/**
 * Starts Firefox and a server for dist/ before the file's tests and ends both after them.
 * Returns `inContext(journey, options)`: runs `journey({ page, downloads, base })` in a fresh
 * user context (see openContext; `options.base` serves it from elsewhere) and closes it.
 */
export function useFirefox() {
  let browser;
  let site;
  before(async () => {
    [browser, site] = await Promise.all([launchFirefox(), serveDist()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    browser: () => browser,
    async inContext(journey, options = {}) {
      const ctx = await openContext(browser, options);
      try {
        return await journey({ ...ctx, base: options.base ?? site.url });
      } finally {
        await ctx.close();
      }
    },
  };
}
