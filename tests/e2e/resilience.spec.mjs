// A crash is visible (issue 13, item 6): a German message in the page, focused, with the open
// draft as a file and the advice to reload; the stored draft stays intact.
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.mjs';
import { WizardPage, draftRecord } from './pages.mjs';

test('after a crash the page says so, offers the draft as a file, and the stored draft is intact', async ({ page }, testInfo) => {
  const w = new WizardPage(page);
  await w.startNew();
  await w.fillText('Name der Kommune', 'Gotha');
  await w.fillText('Straße und Hausnummer', '18.-März-Straße 50');
  await w.waitSaved();
  const id = w.draftId();
  const before = await draftRecord(page, id);
  expect(before.draft.answers.strasse).toEqual({ text: '18.-März-Straße 50' });

  // The test-only entry point panics inside the app's WebAssembly, like any bug would.
  const thrown = await page.evaluate(() => {
    try {
      window.wasmBindings.koop_test_crash();
      return null;
    } catch (e) {
      return String(e);
    }
  });
  expect(thrown).not.toBeNull();

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
