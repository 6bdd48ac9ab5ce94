// Issue 13: a crash is visible (item 6): a German message in the page, focused, with the open
// draft as a file and the advice to reload; the stored draft stays intact. Two deployments on one
// origin do not break each other (item 5).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, pinClock } from './fixtures.mjs';
import { serve } from './serve.mjs';
import { StartPage, WizardPage, draftRecord } from './pages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

test('after a crash the page says so, offers the draft as a file, and the stored draft is intact', async ({ page }, testInfo) => {
  const w = new WizardPage(page);
  await w.startNew();
  await w.fillText('Name der Kommune', 'Gotha');
  await w.fillText('Straße und Hausnummer', '18.-März-Straße 50');
  await w.waitSaved();
  const id = w.draftId();
  const before = await draftRecord(page, id);
  expect(before.draft.answers.strasse).toEqual({ text: '18.-März-Straße 50' });

  // The test-only entry point panics inside the app's WebAssembly, called from an event handler
  // as a bug in a handler would surface: a trap nobody catches. (Not from a timer: the pinned
  // clock runs the page's timers itself.)
  const uncaught = page.waitForEvent('pageerror');
  await page.evaluate(() => {
    const target = document.createElement('span');
    target.addEventListener('koop-test', () => window.wasmBindings.koop_test_crash());
    target.dispatchEvent(new Event('koop-test'));
  });
  expect((await uncaught).name).toBe('RuntimeError');

  const alert = page.getByRole('alert').filter({ hasText: 'Ein Fehler ist aufgetreten' });
  await expect(alert).toBeVisible();
  await expect(alert).toBeFocused();
  await expect(alert).toContainText('Bitte laden Sie die Seite neu.');
  await expect(alert.getByRole('link', { name: 'Seite neu laden' })).toBeVisible();
  // The dead page behind it takes no more input.
  expect(await w.field('Ort').evaluate((el) => el.closest('[inert]') !== null)).toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('link', { name: 'Entwurf als Datei sichern' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Entwurf_IKPE_.*Gotha.*\.json$/);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8'));
  expect(file.draft.answers.strasse).toEqual({ text: '18.-März-Straße 50' });

  // Nothing was written after the crash: the stored record is the one from before.
  expect(await draftRecord(page, id)).toEqual(before);
  // Reloading brings the draft back.
  await page.reload();
  await expect(w.field('Straße und Hausnummer')).toHaveValue('18.-März-Straße 50');
});

/** Two deployments of the app on one origin, /test/ and /prod/, of different versions. */
async function twoDeployments() {
  const dir = await mkdtemp(join(tmpdir(), 'koop-two-'));
  for (const name of ['test', 'prod']) await cp(join(root, 'dist'), join(dir, name), { recursive: true });
  const sw = join(dir, 'prod', 'sw.js');
  await writeFile(sw, (await readFile(sw, 'utf8')).replace(/const VERSION ?= ?["'][0-9a-f]+["'];?/, "const VERSION = 'ffffffffffffffff';"));
  // Each folder is a deployment of its own under the one origin.
  const server = await serve({ root: dir, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: async () => { server.close(); await rm(dir, { recursive: true, force: true }); } };
}

test('two deployments on one origin keep their own offline copy', async ({ context }) => {
  const site = await twoDeployments();
  try {
    const test1 = await context.newPage();
    await test1.goto(`${site.origin}/test/`);
    await test1.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    const prod = await context.newPage();
    await prod.goto(`${site.origin}/prod/`);
    await prod.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    // /prod/'s worker activated after /test/'s: both offline copies must still be there.
    expect(await prod.evaluate(() => caches.keys())).toHaveLength(2);
    await context.setOffline(true);
    for (const page of [test1, prod]) {
      await page.reload();
      await expect(new StartPage(page).startButton).toBeVisible();
    }
    // Each cache is named after its deployment.
    const keys = await prod.evaluate(() => caches.keys());
    expect(keys.filter((k) => k.startsWith('koop-assistent-/test/-'))).toHaveLength(1);
    expect(keys).toContain('koop-assistent-/prod/-ffffffffffffffff');
  } finally {
    await context.setOffline(false);
    await site.close();
  }
});

/** Item 9: edits that could not be stored are not lost by closing the tab without a question. */
test('closing the tab with unsaved edits asks first; with everything saved it does not', async ({ context, browser }) => {
  const asked = async (page) => {
    const dialog = new Promise((resolve) => page.once('dialog', async (d) => { await d.dismiss(); resolve(d.type()); }));
    const closed = page.waitForEvent('close').then(() => 'closed');
    // With runBeforeUnload the call returns at once; the page closes, or the browser asks.
    await page.close({ runBeforeUnload: true });
    return Promise.race([dialog, closed]);
  };
  // Saved: no question.
  const saved = await context.newPage();
  const w1 = new WizardPage(saved);
  await w1.startNew();
  await w1.fillText('Name der Kommune', 'Gotha');
  await w1.waitSaved();
  expect(await asked(saved)).toBe('closed');

  // Storage blocked: the edits live only in this tab.
  const blocked = await browser.newContext();
  await pinClock(blocked);
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const page = await blocked.newPage();
  const w2 = new WizardPage(page);
  await w2.startNew();
  // Typed by a user (browsers ask before unload only after a real interaction).
  await w2.field('Name der Kommune').click();
  await w2.field('Name der Kommune').pressSequentially('Sonneberg');
  await expect(w2.saveStatus).toHaveText('Nicht gespeichert – bitte als Datei sichern');
  expect(await asked(page)).toBe('beforeunload');
  // Dismissed: the tab and its edits are still there.
  await expect(w2.field('Name der Kommune')).toHaveValue('Sonneberg');
  await blocked.close();
});

test('two deployments on one origin keep their own drafts, and deleting all data of one leaves the other', async ({ context }) => {
  const site = await twoDeployments();
  try {
    const a = await context.newPage();
    await a.goto(`${site.origin}/test/`);
    const startA = new StartPage(a);
    await startA.startButton.click();
    await startA.chooseTemplate('Kooperationsvereinbarung IKPE – Kommune');
    const w = new WizardPage(a);
    await w.expectStep(1);
    await w.choose('Art der Kommune', 'Landkreis');
    await w.fillText('Name der Kommune', 'Altenburger Land');
    await w.waitSaved();
    await w.toOverview();
    await expect(startA.draftLinks).toHaveText(['IKPE – Landkreis Altenburger Land']);

    const b = await context.newPage();
    await b.goto(`${site.origin}/prod/`);
    const startB = new StartPage(b);
    await expect(startB.empty).toBeVisible();
    await startB.deleteAllButton.click();
    await startB.deleteAllConfirm.click();
    await expect(startB.status).toContainText('wurden gelöscht');

    await a.reload();
    await expect(startA.draftLinks).toHaveText(['IKPE – Landkreis Altenburger Land']);
  } finally {
    await site.close();
  }
});
