// Offline and installable, shared by e-mail, private by construction (issue 5): the service
// worker, the update prompt, deployment under a sub-path, the Content-Security-Policy, only
// same-origin requests, sharing with and without the Web Share API, printing, and the pages
// every public body must publish.
import { chromium } from '@playwright/test';
import { test, expect, pinClock } from './fixtures.mjs';
import { cp, mkdtemp, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serve } from './serve.mjs';
import { WizardPage, StartPage, axeViolations, docxText, notice } from './pages.mjs';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A private copy of dist/ served under `base` (tests may change the copy). */
async function servedCopy(base = '/') {
  const dir = await mkdtemp(join(tmpdir(), 'koop-dist-'));
  await cp(join(root, 'dist'), dir, { recursive: true });
  const server = await serve({ root: dir, port: 0, base });
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return { dir, server, url, close: async () => { server.close(); await rm(dir, { recursive: true, force: true }); } };
}

async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

test('offline under a sub-path: the app starts, a draft is filled and exported', async ({ page, context }) => {
  const site = await servedCopy('/apps/koop-assistent/');
  try {
    await page.goto(site.url);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    const w = new WizardPage(page);
    const start = new StartPage(page);
    await start.startButton.click();
    await start.chooseTemplate('Kooperationsvereinbarung IKPE – Kommune');
    await w.expectStep(1);
    await w.choose('Art der Kommune', 'Landkreis');
    await w.fillText('Name der Kommune', 'Greiz');
    await expect(w.preview).toContainText('und dem Landkreis Greiz,');
    await w.gotoStep(7);
    const [download] = await Promise.all([page.waitForEvent('download'), w.exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^Kooperationsvereinbarung_IKPE_Greiz_\d{4}-\d{2}-\d{2}\.docx$/);
    const docx = docxText(await readFile(await download.path()));
    expect(docx.text).toContain('des Landkreises Greiz');
    // Reload offline at a deep address (draft and step) works too.
    await page.reload();
    await w.expectStep(7);
  } finally {
    await context.setOffline(false);
    await site.close();
  }
});

test('after a rebuild with a changed asset the update prompt appears and the draft survives', async ({ page }) => {
  const site = await servedCopy('/');
  try {
    await page.goto(site.url);
    await waitForServiceWorker(page);
    const w = new WizardPage(page);
    const start = new StartPage(page);
    await start.startButton.click();
    await start.chooseTemplate('Kooperationsvereinbarung IKPE – Kommune');
    await w.fillText('Name der Kommune', 'Sonneberg');
    await expect(w.saveStatus).toContainText('Gespeichert');
    const before = await page.evaluate(async () => (await caches.keys()).join());
    // "Rebuild": one asset changes, the post-build step writes a new service worker.
    const css = (await readdir(site.dir)).find((f) => f.startsWith('style-') && f.endsWith('.css'));
    await writeFile(join(site.dir, css), (await readFile(join(site.dir, css), 'utf8')) + '\n/* neue Version */\n');
    await run('node', [join(root, 'scripts/pwa/finish-dist.mjs'), site.dir]);
    await page.reload();
    const prompt = notice(page, 'Neue Version verfügbar');
    await expect(prompt).toBeVisible({ timeout: 15_000 });
    await expect(w.field('Name der Kommune')).toHaveValue('Sonneberg');
    await prompt.getByRole('button', { name: 'Neu laden' }).click();
    await page.waitForFunction((old) => caches.keys().then((k) => k.join() !== old), before, { timeout: 15_000 });
    await w.expectStep(1);
    await expect(w.field('Name der Kommune')).toHaveValue('Sonneberg');
    await expect(notice(page, 'Neue Version verfügbar')).toHaveCount(0);
  } finally {
    await site.close();
  }
});

test('installable: manifest with German name and icons, service worker in control', async ({ baseURL }, testInfo) => {
  // Installability is only judged in a normal profile (test contexts are incognito).
  const profile = await mkdtemp(join(tmpdir(), 'koop-profile-'));
  const { launchOptions } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  await pinClock(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await waitForServiceWorker(page);
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await page.request.get(new URL(href, page.url()).href)).json();
  expect(manifest.lang).toBe('de');
  expect(manifest.name).toContain('Koop-Assistent');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  await context.close();
  await rm(profile, { recursive: true, force: true });
});

test('every request of the whole wizard and export goes to the page’s own origin; no cookies', async ({ page, context }) => {
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  context.on('request', (r) => origins.add(new URL(r.url()).origin));
  const w = new WizardPage(page);
  await w.startNew();
  await w.choose('Art der Kommune', 'kreisfreie Stadt');
  await w.fillText('Name der Kommune', 'Suhl');
  for (let step = 2; step <= 7; step += 1) await w.gotoStep(step);
  const [download] = await Promise.all([page.waitForEvent('download'), w.exportButton.click()]);
  expect(download.suggestedFilename()).toContain('Suhl');
  await page.getByRole('link', { name: 'Datenschutz' }).click();
  await page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
  expect([...origins]).toEqual([new URL(page.url()).origin]);
  expect(await context.cookies()).toEqual([]);
});

test('the Content-Security-Policy is present and refuses an inline script', async ({ page }) => {
  await page.goto('/');
  await expect(new StartPage(page).heading).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  const result = await page.evaluate(
    () =>
      new Promise((ok) => {
        document.addEventListener('securitypolicyviolation', (e) => ok({ ran: window.__inline === 1, directive: e.effectiveDirective }), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.appendChild(s);
      }),
  );
  expect(result).toEqual({ ran: false, directive: 'script-src-elem' });
  // The app itself starts without a single violation.
  const violations = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.reload();
  const start = new StartPage(page);
  await start.startButton.click();
  await start.chooseTemplate('Kooperationsvereinbarung IKPE – Kommune');
  await expect(page.getByTestId('fortschritt')).toBeVisible();
  expect(violations).toEqual([]);
});

async function toReview(page) {
  const w = new WizardPage(page);
  await w.startNew();
  await w.choose('Art der Kommune', 'Landkreis');
  await w.fillText('Name der Kommune', 'Gotha');
  await w.gotoStep(7);
  return w;
}

test('"Per E-Mail teilen" hands the .docx to navigator.share where files can be shared', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
    navigator.share = async (data) => {
      const f = data.files[0];
      window.__shared = { count: data.files.length, name: f.name, type: f.type, size: f.size, title: data.title, text: data.text };
    };
  });
  await toReview(page);
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.getByRole('button', { name: 'Per E-Mail teilen', exact: true }).click();
  await expect(page.locator('.export').getByRole('status')).toContainText('zum Teilen übergeben');
  const shared = await page.evaluate(() => window.__shared);
  expect(shared.count).toBe(1);
  expect(shared.name).toMatch(/^Kooperationsvereinbarung_IKPE_Gotha_\d{4}-\d{2}-\d{2}\.docx$/);
  expect(shared.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(shared.size).toBeGreaterThan(5_000);
  expect(shared.title).toBe('Kooperationsvereinbarung IKPE – Landkreis Gotha');
  expect(shared.text).toContain('anbei erhalten Sie den Entwurf der Kooperationsvereinbarung IKPE – Landkreis Gotha');
  expect(downloads).toBe(0);
});

test('the Beschlussvorlage is shared the same way, as its own file', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
    navigator.share = async (data) => {
      const f = data.files[0];
      window.__shared = { count: data.files.length, name: f.name, type: f.type, text: data.text };
    };
  });
  await toReview(page);
  const section = page.getByRole('region', { name: 'Beschlussvorlage erstellen' });
  await section.getByRole('button', { name: 'Beschlussvorlage per E-Mail teilen' }).click();
  await expect(section.getByRole('status')).toContainText('zum Teilen übergeben');
  const shared = await page.evaluate(() => window.__shared);
  expect(shared.count).toBe(1);
  expect(shared.name).toMatch(/^Beschlussvorlage_Landkreis_Gotha_\d{4}-\d{2}-\d{2}\.docx$/);
  expect(shared.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(shared.text).toContain(`anbei erhalten Sie die Datei „${shared.name}“`);
});

test('without file sharing it downloads the .docx and opens a prepared e-mail', async ({ page }) => {
  await page.addInitScript(() => {
    delete Navigator.prototype.canShare;
    delete Navigator.prototype.share;
    window.__links = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.href.startsWith('mailto:')) {
        window.__links.push(this.href);
        return;
      }
      return click.call(this);
    };
  });
  await toReview(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Per E-Mail teilen', exact: true }).click()]);
  const name = download.suggestedFilename();
  expect(name).toMatch(/^Kooperationsvereinbarung_IKPE_Gotha_.*\.docx$/);
  await expect(page.locator('.export').getByRole('status')).toContainText('eine E-Mail vorbereitet');
  const links = await page.evaluate(() => window.__links);
  expect(links).toHaveLength(1);
  const mail = new URL(links[0]);
  const subject = mail.searchParams.get('subject');
  const body = mail.searchParams.get('body');
  expect(subject).toBe('Kooperationsvereinbarung IKPE – Landkreis Gotha');
  expect(body).toContain('Guten Tag,');
  expect(body).toContain(`Bitte fügen Sie die soeben heruntergeladene Datei „${name}“ als Anhang hinzu.`);
});

test('"Vorschau drucken" prints, and the print view shows only the agreement', async ({ page }) => {
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await toReview(page);
  await page.getByRole('button', { name: 'Vorschau drucken' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('vorschau')).toBeVisible();
  await expect(page.getByTestId('fortschritt')).toBeHidden();
  await expect(page.locator('header.kopf')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Word-Datei herunterladen (.docx)' })).toBeHidden();
});

test('Datenschutz and Erklärung zur Barrierefreiheit are reachable from every page and accessible', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Datenschutz' }).click();
  await expect(page).toHaveURL(/\?seite=datenschutz$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz' })).toBeFocused();
  await expect(page.locator('main')).toContainText('nicht an den Betreiber oder an Dritte übermittelt');
  await expect(page.locator('main')).toContainText('Alle Daten auf diesem Gerät löschen');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' })).toBeFocused();
  await expect(page.locator('main')).toContainText('BITV 2.0');
  const feedback = page.locator('main a[href^="mailto:"]');
  await expect(feedback).toHaveCount(1);
  expect(await axeViolations(page)).toEqual([]);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz' })).toBeVisible();
  await page.getByRole('link', { name: 'Zurück zur Startseite' }).click();
  await expect(new StartPage(page).heading).toBeVisible();
});
