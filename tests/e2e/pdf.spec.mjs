// The agreement to sign (issue 23): the review step's "PDF herunterladen (zum Unterschreiben)"
// makes the PDF in the export worker, named like the Word file; pdftotext reads the agreement
// out of it; "Entwurf aus Datei laden" opens it again with every answer; a PDF the app did not
// make is refused with a German message and nothing changes.
import { test, expect } from './fixtures.mjs';
import { readFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { basename, join } from 'node:path';
import { StartPage, WizardPage, DRAFT_PREFIX, convertWithLibreOffice, draftRecord, keepExport, plantStorage, storageSnapshot, storedDrafts, SOEMMERDA } from './pages.mjs';
import { sozialraumDraft } from '../../bench/drafts.mjs';

const run = promisify(execFile);

test('the PDF to sign: its text is the agreement, and it opens again with every answer', async ({ page }, testInfo) => {
  const start = new StartPage(page);
  const w = new WizardPage(page);
  const { id, answers } = await w.startComplete({ ...SOEMMERDA, nummer: 'PK 23/2026' });
  const dir = testInfo.outputPath();
  const docx = await w.exportDocx(dir);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PDF herunterladen (zum Unterschreiben)' }).click(),
  ]);
  // Named like the Word file.
  expect(download.suggestedFilename()).toBe(docx.suggestedFilename.replace(/\.docx$/, '.pdf'));
  const pdf = join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  await keepExport(pdf);
  expect((await readFile(pdf)).subarray(0, 8).toString()).toBe('%PDF-1.7');
  await expect(w.exportStatus).toContainText(`„${download.suggestedFilename()}“ wurde erstellt`);

  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 });
  const text = stdout.replace(/\s+/g, ' ');
  for (const expected of ['Kooperationsvereinbarung', 'Landkreis Sömmerda', 'Nr.: PK 23/2026', 'Bahnhofstraße 9, 99610 Sömmerda', 'Seite 1 von']) {
    expect(text).toContain(expected);
  }
  // Complete: no draft mark anywhere.
  expect(text).not.toContain('ENTWURF');

  await w.toOverview();
  const before = Object.keys(await storedDrafts(page));
  await start.importFile(pdf);
  const stem = basename(pdf).replace(/\.pdf$/, '');
  const panel = start.incoming;
  await expect(panel.getByRole('heading', { name: `„${stem}“ öffnen` })).toBeFocused();
  await expect(panel).toContainText('Alle Angaben stimmen mit diesem Entwurf überein.');
  await panel.getByRole('button', { name: 'Als neuen Entwurf übernehmen' }).click();
  await expect(start.status).toContainText(`„${stem}“ wurde als neuer Entwurf angelegt.`);
  const after = await storedDrafts(page);
  const added = Object.keys(after).filter((k) => !before.includes(k));
  expect(added).toHaveLength(1);
  expect(after[added[0]].answers).toEqual(answers);
  expect(after[id].answers).toEqual(answers);

  // A PDF from another program (LibreOffice's of the same agreement) carries no draft.
  const [foreign] = await convertWithLibreOffice([docx.path], join(dir, 'fremd'));
  const snapshot = await storageSnapshot(page);
  await start.importFile(foreign);
  await expect(start.status).toContainText('Nur Word-, ODT- und PDF-Dateien, die der Koop-Assistent exportiert hat, können geöffnet werden.');
  await expect(start.status).toContainText('Es wurde nichts geändert.');
  expect(await storageSnapshot(page)).toEqual(snapshot);
});

test('a Sozialraum agreement with 60 towns, 100 providers and 200 services comes back from its PDF unchanged', async ({ page }, testInfo) => {
  const start = new StartPage(page);
  await start.goto();
  const id = 'gross-60-100-200';
  await plantStorage(page, { [DRAFT_PREFIX + id]: sozialraumDraft(id, 60, 100, 200) });
  await page.goto(`/?entwurf=${id}&schritt=7`);
  const answers = (await draftRecord(page, id)).draft.answers;
  const w = new WizardPage(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PDF herunterladen (zum Unterschreiben)' }).click(),
  ]);
  const pdf = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(pdf);
  await keepExport(pdf);
  await expect(w.exportStatus).toContainText('wurde erstellt');
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const text = stdout.replace(/\s+/g, ' ');
  for (const expected of ['Gemeinde 60', 'Jugendhilfe Träger 100 e.V.', 'Angebot 200']) expect(text).toContain(expected);

  await w.toOverview();
  const before = Object.keys(await storedDrafts(page));
  await start.importFile(pdf);
  const panel = start.incoming;
  await expect(panel).toContainText('Alle Angaben stimmen mit diesem Entwurf überein.');
  await panel.getByRole('button', { name: 'Als neuen Entwurf übernehmen' }).click();
  const after = await storedDrafts(page);
  const added = Object.keys(after).filter((k) => !before.includes(k));
  expect(added).toHaveLength(1);
  expect(after[added[0]].answers).toEqual(answers);
});
