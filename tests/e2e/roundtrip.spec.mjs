// The agreement travels with its answers (issue 15): an exported Word or ODT file carries its
// draft; after LibreOffice saved it again, "Entwurf aus Datei laden" opens it with every answer;
// a Word file the app did not make is refused with a German message and nothing changes.
import { test, expect } from './fixtures.mjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartPage, WizardPage, DRAFT_PREFIX, convertWithLibreOffice, draftRecord, storageSnapshot, SOEMMERDA } from './pages.mjs';

/** The draft records in localStorage, by id. */
async function drafts(page) {
  const all = await storageSnapshot(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(DRAFT_PREFIX)).map(([k, v]) => [k.slice(DRAFT_PREFIX.length), JSON.parse(v).draft]));
}

test('a DOCX and an ODT re-saved by LibreOffice open again with every answer', async ({ page }, testInfo) => {
  const start = new StartPage(page);
  const w = new WizardPage(page);
  await start.goto();
  await w.startNew();
  const id = w.draftId();
  await w.fillComplete({ ...SOEMMERDA, nummer: 'PK 17/2026' });
  await w.waitSaved();
  const answers = (await draftRecord(page, id)).draft.answers;
  const dir = testInfo.outputPath();
  const docx = await w.exportDocx(dir);
  const [odtDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /OpenDocument-Text/ }).click()]);
  const odtPath = join(dir, odtDownload.suggestedFilename());
  await odtDownload.saveAs(odtPath);

  // LibreOffice saves each file again, in its own format.
  const [resavedDocx] = await convertWithLibreOffice([docx.path], join(dir, 'docx'), 'docx:MS Word 2007 XML');
  const [resavedOdt] = await convertWithLibreOffice([odtPath], join(dir, 'odt'), 'odt');

  await w.toOverview();
  for (const file of [resavedDocx, resavedOdt]) {
    const before = Object.keys(await drafts(page));
    await start.importFile(file);
    // The original is still here: the file opens as a copy, never over it.
    await expect(start.status).toContainText('wurde importiert. Weil es diesen Entwurf hier schon gibt, wurde er als Kopie angelegt.');
    const after = await drafts(page);
    const added = Object.keys(after).filter((k) => !before.includes(k));
    expect(added).toHaveLength(1);
    expect(after[added[0]].answers).toEqual(answers);
    expect(after[id].answers).toEqual(answers);
  }
});

test('a Word file the app did not make is refused with a German message; nothing changes', async ({ page }, testInfo) => {
  const start = new StartPage(page);
  const w = new WizardPage(page);
  await start.goto();
  await w.startNew();
  await w.fillText('Name der Kommune', 'Sömmerda');
  await w.waitSaved();
  await w.toOverview();
  const dir = testInfo.outputPath();
  await mkdir(dir, { recursive: true });
  const text = join(dir, 'Fremdes_Dokument.txt');
  await writeFile(text, 'Ein Schreiben, das nicht aus dem Koop-Assistenten stammt.\n');
  const [foreign] = await convertWithLibreOffice([text], join(dir, 'docx'), 'docx:MS Word 2007 XML');
  const before = await storageSnapshot(page);
  await start.importFile(foreign);
  await expect(start.status).toContainText('Nur Word- und ODT-Dateien, die der Koop-Assistent exportiert hat, können geöffnet werden.');
  await expect(start.status).toContainText('Es wurde nichts geändert.');
  expect(await storageSnapshot(page)).toEqual(before);
});
