// The agreement travels with its answers (issue 15): an exported Word or ODT file carries its
// draft; after LibreOffice saved it again, "Entwurf aus Datei laden" opens it with every answer;
// a Word file the app did not make is refused with a German message and nothing changes.
import { test, expect, pinClock } from './fixtures.mjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { StartPage, WizardPage, axeViolations, convertWithLibreOffice, draftRecord, dropFile, editDocx, storageSnapshot, storedDrafts, SOEMMERDA } from './pages.mjs';

test('a DOCX and an ODT re-saved by LibreOffice open again with every answer', async ({ page }, testInfo) => {
  const start = new StartPage(page);
  const w = new WizardPage(page);
  const { id, answers } = await w.startComplete({ ...SOEMMERDA, nummer: 'PK 17/2026' });
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
    const before = Object.keys(await storedDrafts(page));
    await start.importFile(file);
    // It came from a draft of this list: the app says so and waits. A re-save by LibreOffice
    // is no edit of the text.
    const panel = start.incoming;
    const stem = basename(file).replace(/\.[^.]+$/, '');
    await expect(panel.getByRole('heading', { name: `„${stem}“ öffnen` })).toBeFocused();
    await expect(panel).toContainText('Alle Angaben stimmen mit diesem Entwurf überein.');
    await expect(panel).not.toContainText('außerhalb des Koop-Assistenten geändert');
    expect(Object.keys(await storedDrafts(page))).toEqual(before);
    await panel.getByRole('button', { name: 'Als neuen Entwurf übernehmen' }).click();
    // The original is still here: the file opens as a new draft named after it, never over it.
    await expect(start.status).toContainText(`„${stem}“ wurde als neuer Entwurf angelegt.`);
    const after = await storedDrafts(page);
    const added = Object.keys(after).filter((k) => !before.includes(k));
    expect(added).toHaveLength(1);
    expect(after[added[0]].answers).toEqual(answers);
    expect(after[added[0]].name).toEqual(stem);
    expect(after[id].answers).toEqual(answers);
  }
});

test('the other copy changed the Vertragsnummer and a contact: "Änderungen anzeigen" lists exactly those, each leads to its field', async ({ page, browser }, testInfo) => {
  const start = new StartPage(page);
  const w = new WizardPage(page);
  const dir = testInfo.outputPath();
  const { id } = await w.startComplete(SOEMMERDA);
  const sent = await w.exportDocx(dir);

  // The partner opens the Word file in their own browser, corrects two answers and sends it back.
  const other = await browser.newContext();
  await pinClock(other);
  const page2 = await other.newPage();
  const start2 = new StartPage(page2);
  const w2 = new WizardPage(page2);
  await start2.goto();
  await start2.importFile(sent.path);
  const stem = sent.suggestedFilename.replace(/\.docx$/, '');
  await expect(start2.status).toContainText(`„${stem}“ wurde als neuer Entwurf angelegt.`);
  await start2.openDraft(stem);
  expect(w2.draftId()).toEqual(id);
  await w2.fillText('Vertragsnummer – optional', 'PK 8/2026');
  await w2.gotoStep(5);
  await w2.fillContact('strategie', 1, { email: 'j.hofmann@lra-soemmerda.de' });
  await w2.waitSaved();
  await w2.gotoStep(7);
  const back = await w2.exportDocx(join(dir, 'zurueck'));
  await other.close();

  await w.toOverview();
  const before = await storageSnapshot(page);
  await start.importFile(back.path);
  const panel = start.incoming;
  await expect(panel).toContainText('2 Angaben unterscheiden sich.');
  // A native disclosure (details/summary): closed at first, its list hidden.
  const disclosure = panel.locator('details');
  await expect(disclosure).not.toHaveAttribute('open');
  const rows = disclosure.getByRole('listitem');
  await expect(rows.first()).toBeHidden();
  await panel.getByText('Änderungen anzeigen', { exact: true }).click();
  await expect(disclosure).toHaveAttribute('open', '');
  // One item per changed answer: the Vertragsnummer and the e-mail address, nothing else.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveText('Vertragsnummer: bisher „PK 7/2026“, im Dokument „PK 8/2026“');
  await expect(rows.nth(1)).toHaveText('Ansprechperson (strategisch) 1 – E-Mail: bisher „jan.hofmann@lra-soemmerda.de“, im Dokument „j.hofmann@lra-soemmerda.de“');
  // Nothing is stored before the user decides.
  expect(await storageSnapshot(page)).toEqual(before);
  expect(await axeViolations(page)).toEqual([]);
  // At 320 px (reflow, WCAG 1.4.10) the open panel with its long e-mail addresses still fits.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  await expect.poll(() => page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth))).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize(size);

  // The e-mail's link keeps the copy and opens it at that field.
  await rows.nth(1).getByRole('link', { name: 'Ansprechperson (strategisch) 1 – E-Mail' }).click();
  await w.expectStep(5);
  const email = w.contact('strategie', 1).getByLabel('E-Mail', { exact: true });
  await expect(email).toBeFocused();
  await expect(email).toHaveValue('j.hofmann@lra-soemmerda.de');
  expect(w.draftId()).not.toEqual(id);
  // The original is unchanged.
  expect((await draftRecord(page, id)).draft.answers.vertragsnummer).toEqual({ text: 'PK 7/2026' });
});

test('a clause edited in Word is named by number before the file opens; the answers still open', async ({ page }, testInfo) => {
  const start = new StartPage(page);
  const w = new WizardPage(page);
  const dir = testInfo.outputPath();
  await w.startComplete(SOEMMERDA);
  const sent = await w.exportDocx(dir);
  await w.toOverview();
  // Someone deletes the draft from their list and edits clause 2.1 of the Word file by hand.
  await start.delete(await start.draftLinks.first().innerText());
  const edited = join(dir, 'bearbeitet.docx');
  await editDocx(sent.path, edited, 'word/document.xml', (xml) => {
    // The clause's number is a run of its own; the first text run after it starts its wording.
    const at = xml.indexOf('>2.1</w:t>');
    if (at < 0) throw new Error('clause 2.1 not found');
    const rest = xml.slice(at + '>2.1</w:t>'.length);
    const run = rest.match(/<w:t(?: [^>]*)?>/);
    const text = at + '>2.1</w:t>'.length + run.index + run[0].length;
    return xml.slice(0, text) + 'In Word geändert: ' + xml.slice(text);
  });
  await start.importFile(edited);
  const panel = start.incoming;
  await expect(panel.getByRole('heading', { name: '„bearbeitet“ öffnen' })).toBeFocused();
  await expect(panel).toContainText('Im Dokument wurde Text außerhalb des Koop-Assistenten geändert: Nr. 2.1.');
  await expect(panel).not.toContainText('Änderungen anzeigen');
  await panel.getByRole('button', { name: 'Nicht übernehmen' }).click();
  await expect(start.status).toContainText('Die Datei wurde nicht übernommen. Es wurde nichts geändert.');
  await expect(start.drafts).toHaveCount(0);
  // Dropped onto the list instead of chosen: the same check.
  await dropFile(page, page.getByRole('region', { name: 'Meine Entwürfe' }), edited);
  await expect(panel).toContainText('Nr. 2.1');
  await panel.getByRole('button', { name: 'Als neuen Entwurf übernehmen' }).click();
  await expect(start.status).toContainText('„bearbeitet“ wurde als neuer Entwurf angelegt.');
  await expect(start.drafts).toHaveCount(1);
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
  await expect(start.status).toContainText('Nur Word-, ODT- und PDF-Dateien, die der Koop-Assistent exportiert hat, können geöffnet werden.');
  await expect(start.status).toContainText('Es wurde nichts geändert.');
  expect(await storageSnapshot(page)).toEqual(before);
});
