// Guidance through the whole process (issue 8): the six phases on the start screen, the
// "Prozess und Termine" view of a draft (kept across reloads), the checklist hints on the review
// step, and the optional process appendix in the Word file.
import { test, expect } from './fixtures.mjs';
import { readFile } from 'node:fs/promises';
import { WizardPage, StartPage, axeViolations, docxText, keepExport, squash } from './pages.mjs';

test('the start screen explains the six phases and is accessible', async ({ page }) => {
  const start = new StartPage(page);
  await start.goto();
  const overview = page.getByRole('region', { name: 'So entsteht eine Kooperationsvereinbarung' });
  await expect(overview.getByRole('listitem')).toHaveCount(6);
  for (const title of ['Planungsphase', 'Entwicklung gemeinsamer Zielsetzungen', 'Inhalte der Kooperationsvereinbarung', 'Abstimmungsverfahren & Beschlussfassung', 'Umsetzung & institutionelle Verankerung', 'Evaluation, Reflexion & Weiterentwicklung']) {
    await expect(overview).toContainText(title);
  }
  await expect(overview).toContainText('Dabei hilft der Assistent');
  expect(await axeViolations(page)).toEqual([]);
});

test('two phases set in the process view survive a reload; the next review is suggested', async ({ page }) => {
  const w = new WizardPage(page);
  await w.startNew();
  await page.getByRole('link', { name: 'Prozess und Termine' }).click();
  const heading = page.getByRole('heading', { level: 2, name: 'Prozess und Termine' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(/ansicht=prozess/);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('group', { name: 'Stand: Planungsphase' }).getByRole('radio', { name: 'erledigt' }).check();
  await page.getByLabel('Datum (Planungsphase)').fill('01.09.2026');
  await page.getByLabel('Notiz (Planungsphase)').fill('Steuerungsgruppe gebildet');
  await page.getByRole('group', { name: 'Stand: Abstimmungsverfahren & Beschlussfassung' }).getByRole('radio', { name: 'in Arbeit' }).check();
  await page.getByLabel('Gremium, das beschlossen hat').fill('Kreistag');
  await page.getByLabel('Unterzeichnet am').fill('15.03.2027');
  await expect(page.getByTestId('naechste-pruefung')).toHaveText('Vorschlag: nächste Überprüfung am 15.03.2028 (ein Jahr nach der Unterzeichnung).');
  await expect(page.getByTestId('prozess-stand')).toHaveText('1 von 6 Phasen erledigt.');
  // A wrong date is explained, not lost.
  await page.getByLabel('Beschlussdatum').fill('März');
  await page.getByLabel('Beschlussdatum').blur();
  await expect(page.locator('#prozess-beschlussdatum-fehler')).toContainText('TT.MM.JJJJ');
  expect(await axeViolations(page)).toEqual([]);
  await expect(w.saveStatus).toContainText('Gespeichert');

  await page.reload();
  await expect(heading).toBeVisible();
  await expect(page.getByRole('group', { name: 'Stand: Planungsphase' }).getByRole('radio', { name: 'erledigt' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Stand: Abstimmungsverfahren & Beschlussfassung' }).getByRole('radio', { name: 'in Arbeit' })).toBeChecked();
  await expect(page.getByLabel('Notiz (Planungsphase)')).toHaveValue('Steuerungsgruppe gebildet');
  await expect(page.getByLabel('Gremium, das beschlossen hat')).toHaveValue('Kreistag');
  await expect(page.getByLabel('Beschlussdatum')).toHaveValue('März');

  // Back to the agreement; browser back returns to the process view.
  await page.getByRole('button', { name: 'Zurück zur Vereinbarung' }).click();
  await w.expectStep(1);
  await page.goBack();
  await expect(heading).toBeVisible();
});

test('the review step lists what the IKPE template settles and hints at what it leaves open', async ({ page }) => {
  const w = new WizardPage(page);
  await w.startNew();
  await w.gotoStep(7);
  const list = page.getByTestId('checkliste');
  await expect(list.getByRole('listitem')).toHaveCount(8);
  await expect(list).toContainText('Finanzierung: geregelt in 5.1');
  await expect(list).toContainText('Leistungen: geregelt in 1.2, 2.1, 2.2');
  const hints = page.getByTestId('checkliste-hinweis');
  await expect(hints).toHaveCount(3);
  await expect(hints.nth(0)).toContainText('Hinweis – Qualitätsstandards');
  await expect(hints.nth(1)).toContainText('Hinweis – Verfahren bei Konflikten: Die Vorlage regelt ein beidseitiges Kündigungsrecht');
  await expect(hints.nth(2)).toContainText('Hinweis – Pädagogische Gestaltung');
  // Hints are not errors: the step count of open answers ignores them.
  await expect(page.locator('.fehlerliste')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('the process appendix is off by default and, when chosen, is part of the Word file', async ({ page }, testInfo) => {
  const w = new WizardPage(page);
  await w.startNew();
  await page.getByRole('link', { name: 'Prozess und Termine' }).click();
  await page.getByRole('group', { name: 'Stand: Planungsphase' }).getByRole('radio', { name: 'erledigt' }).check();
  await page.getByRole('button', { name: 'Zurück zur Vereinbarung' }).click();
  await w.gotoStep(7);
  const box = page.getByLabel('Prozessübersicht als Anlage anfügen (Phasen, Stand, Termine)');
  await expect(box).not.toBeChecked();
  const read = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), w.exportButton.click()]);
    const path = testInfo.outputPath(`${Date.now()}.docx`);
    await download.saveAs(path);
    await keepExport(path);
    return squash(docxText(await readFile(path)).text);
  };
  expect(await read()).not.toContain('Prozessübersicht');
  await box.check();
  await expect(w.preview).toContainText('Anlage: Prozessübersicht');
  const text = await read();
  expect(text).toContain('Anlage: Prozessübersicht');
  expect(text).toContain('1. Planungsphase – erledigt');
  expect(text).toContain('6. Evaluation, Reflexion & Weiterentwicklung – offen');
});
