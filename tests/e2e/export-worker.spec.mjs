// The export runs in a Web Worker with its own WebAssembly module (issue 18): it is not part of
// the first load, it loads on the review step, and when it cannot load the user reads why and
// loses nothing.
import { test, expect } from './fixtures.mjs';
import { readFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import { WizardPage, draftRecord, docxText, keepExport } from './pages.mjs';

// Requests of a service worker's cache would bypass the routes below.
test.use({ serviceWorkers: 'block' });

const WORKER_FILES = /koop-export(_loader\.js|\.js|_bg\.wasm)$/;

test('the export module is loaded only on the review step, not on the first load; it writes DOCX and ODT', async ({ page }, testInfo) => {
  const requested = [];
  page.context().on('request', (r) => {
    if (WORKER_FILES.test(new URL(r.url()).pathname)) requested.push(new URL(r.url()).pathname);
  });
  const w = new WizardPage(page);
  await w.startNew();
  await w.fillText('Name der Kommune', 'Greiz');
  await w.gotoStep(6);
  expect(requested).toEqual([]);
  await w.gotoStep(7);
  await expect.poll(() => requested.some((p) => p.endsWith('koop-export_bg.wasm'))).toBe(true);
  const file = await w.exportDocx();
  expect(file.suggestedFilename).toMatch(/^Kooperationsvereinbarung_IKPE_Greiz_\d{4}-\d{2}-\d{2}\.docx$/);
  expect(docxText(file.bytes).text).toContain('Landkreis Greiz');

  // The same agreement as OpenDocument Text (issue 17), from the same worker.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'OpenDocument-Text (.odt)' }).click()]);
  expect(download.suggestedFilename()).toBe(file.suggestedFilename.replace(/\.docx$/, '.odt'));
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  await keepExport(path);
  const odt = unzipSync(new Uint8Array(await readFile(path)));
  expect(strFromU8(odt.mimetype)).toBe('application/vnd.oasis.opendocument.text');
  const content = strFromU8(odt['content.xml']);
  expect(content).toContain('und dem Landkreis Greiz,');
  expect(content).toContain('ENTWURF – noch nicht vollständig');
  await expect(w.exportStatus).toContainText('.odt“ wurde erstellt');
});

test('when the export module cannot load, a German message says so, the draft stays, and a later try works', async ({ page }) => {
  let blocked = true;
  await page.context().route(WORKER_FILES, (route) => (blocked ? route.abort('failed') : route.continue()));
  const w = new WizardPage(page);
  await w.startNew();
  await w.fillText('Name der Kommune', 'Suhl');
  await w.choose('Art der Kommune', 'kreisfreie Stadt');
  await w.gotoStep(7);
  await w.exportButton.click();
  await expect(w.exportStatus).toContainText('Das Export-Modul konnte nicht geladen werden. Ihre Angaben sind gespeichert und bleiben erhalten.');
  await w.waitSaved();
  const stored = await draftRecord(page, w.draftId());
  expect(stored.draft.answers.kommune_name).toEqual({ text: 'Suhl' });
  await expect(w.preview).toContainText('Stadt Suhl');
  // The module is reachable again (the network is back): the next export starts a new worker.
  blocked = false;
  const file = await w.exportDocx();
  expect(docxText(file.bytes).text).toContain('Stadt Suhl');
});
