// The second template (issue 6): a Sozialraum agreement with 3 towns, 2 providers and 4
// services is filled as a user would, one entry is removed and restored, the agreement is
// exported; the DOCX has every party, every signature block, the corrected reference, and
// LibreOffice converts it. axe checks the repeating-group steps.
import { test, expect } from './fixtures.mjs';
import { readFile } from 'node:fs/promises';
import { WizardPage, axeViolations, docxText, pdfTextViaLibreOffice, squash } from './pages.mjs';

const TITLE = 'Kooperationsvereinbarung Sozialraum (§§ 11–14, 16 SGB VIII)';
const STEPS = ['Landkreis und Sozialraum', 'Städte und Gemeinden', 'Träger der freien Jugendhilfe', 'Leistungsangebote', 'Finanzierung und Zusammenarbeit', 'Laufzeit', 'Prüfen und Exportieren'];

const TOWNS = [
  { name: 'Crimmitschau', art: 'Stadt', strasse: 'Markt 1', plz: '08451', anrede: 'Herr', vertreter: 'André Raphael' },
  { name: 'Dennheritz', art: 'Gemeinde', strasse: 'Hauptstraße 52', plz: '08393', anrede: 'Frau', vertreter: 'Gisela Muster' },
  { name: 'Neukirchen/Pleiße', art: 'Gemeinde', strasse: 'Werdauer Straße 2', plz: '08459', anrede: 'Herr', vertreter: 'Peter Beispiel' },
];
const PROVIDERS = [
  { name: 'Jugendring Westsachsen e.V.', strasse: 'Lindenstraße 5', plz: '08056', ort: 'Zwickau', anrede: 'Frau', funktion: 'Geschäftsführerin', vertreter: 'Anne Träger' },
  { name: 'Diakonie Zwickau gGmbH', strasse: 'Kirchplatz 3', plz: '08058', ort: 'Zwickau', anrede: 'Herr', funktion: 'Vorstand', vertreter: 'Paul Diakon' },
];
const SERVICES = [
  { titel: 'Offener Jugendtreff Crimmitschau', bereich: '§ 11 SGB VIII – Jugendarbeit', traeger: 'Jugendring Westsachsen e.V.' },
  { titel: 'Schulsozialarbeit Oberschule', bereich: '§ 13a SGB VIII – Schulsozialarbeit', traeger: 'Diakonie Zwickau gGmbH' },
  { titel: 'Mobile Jugendarbeit', bereich: '§ 13 SGB VIII – Jugendsozialarbeit', traeger: 'Jugendring Westsachsen e.V.' },
  { titel: 'Familienbildung im Stadtteil', bereich: '§ 16 SGB VIII – Förderung der Erziehung in der Familie', traeger: 'Diakonie Zwickau gGmbH' },
];

class SozialraumWizard extends WizardPage {
  async expectStep(n) {
    await expect(this.progress).toHaveText(`Schritt ${n} von ${STEPS.length}`);
    await expect(this.heading).toHaveText(STEPS[n - 1]);
    await expect(this.page).toHaveTitle(`Schritt ${n} von ${STEPS.length}: ${STEPS[n - 1]} – Koop-Assistent`);
  }

  entry(label, n) {
    return this.page.getByRole('group', { name: `${label} ${n}`, exact: true });
  }

  async gotoSozialraumStep(n) {
    await this.stepNav.getByRole('link', { name: new RegExp(`^${n}\\s*${STEPS[n - 1].replace(/[()*]/g, '\\$&')}`) }).click();
    await expect(this.heading).toHaveText(STEPS[n - 1]);
  }

  async fillTown(n, t) {
    const g = this.entry('Stadt oder Gemeinde', n);
    await g.getByLabel('Name', { exact: true }).fill(t.name);
    await g.getByRole('radio', { name: t.art, exact: true }).check();
    await g.getByLabel('Straße und Hausnummer', { exact: true }).fill(t.strasse);
    await g.getByLabel('PLZ', { exact: true }).fill(t.plz);
    await g.getByRole('radio', { name: t.anrede, exact: true }).check();
    await g.getByLabel('Vertreten durch: Vor- und Nachname', { exact: true }).fill(t.vertreter);
  }

  async fillProvider(n, p) {
    const g = this.entry('Träger', n);
    await g.getByLabel('Name des Trägers', { exact: true }).fill(p.name);
    await g.getByLabel('Straße und Hausnummer', { exact: true }).fill(p.strasse);
    await g.getByLabel('PLZ', { exact: true }).fill(p.plz);
    await g.getByLabel('Ort', { exact: true }).fill(p.ort);
    await g.getByRole('radio', { name: p.anrede, exact: true }).check();
    await g.getByLabel('Vertreten durch: Funktion', { exact: true }).fill(p.funktion);
    await g.getByLabel('Vertreten durch: Vor- und Nachname', { exact: true }).fill(p.vertreter);
  }

  async fillService(n, s) {
    const g = this.entry('Leistungsangebot', n);
    await g.getByLabel('Bezeichnung des Angebots', { exact: true }).fill(s.titel);
    await g.getByRole('radio', { name: s.bereich, exact: true }).check();
    await g.getByLabel('Verantwortlicher Träger', { exact: true }).selectOption({ label: s.traeger });
  }
}

test('Sozialraum: 3 Gemeinden, 2 Träger, 4 Angebote; remove and restore; export; LibreOffice', async ({ page }, testInfo) => {
  // Like the IKPE runs that end in LibreOffice: its conversion alone may take most of a minute
  // on a loaded machine (the towns also carry their Beschlussvorlage answers since issue 24).
  test.slow();
  const w = new SozialraumWizard(page);
  await w.startNew(TITLE);
  await expect(w.heading).toHaveText(STEPS[0]);
  await w.fillText('Name des Sozialraums', 'Crimmitschau/Dennheritz');
  await expect(w.preview).toContainText('im Sozialraum Crimmitschau/Dennheritz im Rahmen des Umsetzungskonzeptes');
  await expect(w.preview).toContainText('Zwischen dem Landkreis Zwickau');

  // Towns: add two more; focus moves to each new entry.
  await w.gotoSozialraumStep(2);
  await w.fillTown(1, TOWNS[0]);
  for (let n = 2; n <= 3; n += 1) {
    await page.getByRole('button', { name: 'Stadt oder Gemeinde hinzufügen' }).click();
    await expect(w.entry('Stadt oder Gemeinde', n).getByLabel('Name', { exact: true })).toBeFocused();
    await w.fillTown(n, TOWNS[n - 1]);
  }
  expect(await axeViolations(page)).toEqual([]);

  // Remove the second town: announced, undo restores it in place.
  await w.entry('Stadt oder Gemeinde', 2).getByRole('button', { name: /^Entfernen/ }).click();
  await expect(page.getByRole('group', { name: /^Stadt oder Gemeinde \d$/ })).toHaveCount(2);
  await expect(page.getByTestId('ansage')).toContainText('„Stadt oder Gemeinde 2: Dennheritz“ entfernt');
  await expect(w.preview).not.toContainText('Gemeinde Dennheritz');
  const undo = page.getByRole('button', { name: 'Rückgängig' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(w.entry('Stadt oder Gemeinde', 2).getByLabel('Name', { exact: true })).toHaveValue('Dennheritz');
  await expect(page.getByTestId('ansage')).toContainText('wiederhergestellt');
  await expect(w.preview).toContainText('Gemeinde Dennheritz');

  // Reorder: move the third town up and back down.
  await w.entry('Stadt oder Gemeinde', 3).getByRole('button', { name: /^Nach oben/ }).click();
  await expect(w.entry('Stadt oder Gemeinde', 2).getByLabel('Name', { exact: true })).toHaveValue('Neukirchen/Pleiße');
  await w.entry('Stadt oder Gemeinde', 2).getByRole('button', { name: /^Nach unten/ }).click();
  await expect(w.entry('Stadt oder Gemeinde', 3).getByLabel('Name', { exact: true })).toHaveValue('Neukirchen/Pleiße');

  await w.gotoSozialraumStep(3);
  await w.fillProvider(1, PROVIDERS[0]);
  await page.getByRole('button', { name: 'Träger hinzufügen' }).click();
  await w.fillProvider(2, PROVIDERS[1]);
  expect(await axeViolations(page)).toEqual([]);

  await w.gotoSozialraumStep(4);
  await w.fillService(1, SERVICES[0]);
  for (let n = 2; n <= 4; n += 1) {
    await page.getByRole('button', { name: 'Leistungsangebot hinzufügen' }).click();
    await w.fillService(n, SERVICES[n - 1]);
  }
  expect(await axeViolations(page)).toEqual([]);
  // Errors shown on a repeating-group step are accessible too.
  await page.getByRole('button', { name: 'Leistungsangebot hinzufügen' }).click();
  await w.next();
  await expect(w.errorSummary).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await w.entry('Leistungsangebot', 5).getByRole('button', { name: /^Entfernen/ }).click();

  await w.gotoSozialraumStep(6);
  await w.fillText('Tritt in Kraft am', '01.01.2027');
  await w.gotoSozialraumStep(7);
  await expect(page.locator('.export')).toContainText('Die Vereinbarung ist vollständig.');

  const [download] = await Promise.all([page.waitForEvent('download'), w.exportButton.click()]);
  expect(download.suggestedFilename()).toMatch(/^Kooperationsvereinbarung_Sozialraum_Crimmitschau_Dennheritz_\d{4}-\d{2}-\d{2}\.docx$/);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const docx = docxText(await readFile(path));
  const text = squash(docx.text);
  for (const t of TOWNS) expect(text).toContain(t.name);
  for (const p of PROVIDERS) expect(text).toContain(`${p.name} ${p.strasse}, ${p.plz} ${p.ort}`);
  expect(text).toContain('Stadt Crimmitschau Markt 1, 08451 Crimmitschau vertreten durch den Bürgermeister, Herrn André Raphael');
  expect(text).toContain('Gemeinde Dennheritz Hauptstraße 52, 08393 Dennheritz vertreten durch die Bürgermeisterin, Frau Gisela Muster');
  expect(text).toContain('vertreten durch die Geschäftsführerin, Frau Anne Träger');
  // Services grouped by provider with their §.
  expect(text).toContain(
    'Jugendring Westsachsen e.V.: Offener Jugendtreff Crimmitschau (§ 11 SGB VIII – Jugendarbeit) Mobile Jugendarbeit (§ 13 SGB VIII – Jugendsozialarbeit) Diakonie Zwickau gGmbH:',
  );
  // The corrected reference and wording.
  expect(text).toContain('durch den Landkreis gemäß § 3.1.7 haben die kommunalen Vertreter');
  expect(text).not.toContain('gemäß § 3.3.7');
  expect(text).not.toContain('Die Die');
  expect(text).toContain('5.1.1 Die Kooperationsvereinbarung kann durch einen Träger');
  expect(text).not.toContain('ENTWURF');
  // A signature block for every party (1 Landkreis + 3 towns + 2 providers).
  const signatures = docx.paragraphs.filter((p) => /, den _+$/.test(p.trim()));
  expect(signatures).toHaveLength(6);
  for (const name of ['André Raphael, Bürgermeister', 'Gisela Muster, Bürgermeisterin', 'Peter Beispiel, Bürgermeister', 'Anne Träger, Geschäftsführerin', 'Paul Diakon, Vorstand', 'Carsten Michaelis, Landrat']) {
    expect(docx.paragraphs.map((p) => p.trim())).toContain(name);
  }
  const pdf = squash((await pdfTextViaLibreOffice(path)).text);
  expect(pdf).toContain('Gemeinde Neukirchen/Pleiße');
  expect(pdf).toContain('gemäß § 3.1.7');
  expect(pdf).toContain('Paul Diakon, Vorstand');
});

test('Sozialraum rules: a service names a listed provider, no duplicate parties, Ende after Inkrafttreten', async ({ page }) => {
  const w = new SozialraumWizard(page);
  await w.startNew(TITLE);
  await w.gotoSozialraumStep(3);
  await w.fillProvider(1, PROVIDERS[0]);
  await page.getByRole('button', { name: 'Träger hinzufügen' }).click();
  await w.fillProvider(2, { ...PROVIDERS[1], name: PROVIDERS[0].name });
  await w.next();
  await expect(w.errorSummary).toContainText('„Jugendring Westsachsen e.V.“ ist bereits als Vertragspartner genannt.');
  await w.entry('Träger', 2).getByLabel('Name des Trägers', { exact: true }).fill(PROVIDERS[1].name);
  await w.gotoSozialraumStep(4);
  await w.fillService(1, SERVICES[1]);
  // The provider without a service is a warning on its step, not an error.
  await w.gotoSozialraumStep(3);
  await expect(w.entry('Träger', 1)).toContainText('Für „Jugendring Westsachsen e.V.“ ist noch kein Leistungsangebot genannt.');
  await expect(page.getByTestId('offen')).toHaveText('In diesem Schritt ist alles ausgefüllt.');
  // Removing the provider a service names: the service asks for another one.
  await w.entry('Träger', 2).getByRole('button', { name: /^Entfernen/ }).click();
  await w.gotoSozialraumStep(4);
  await w.next();
  await expect(w.entry('Leistungsangebot', 1)).toContainText('Bitte wählen Sie einen der genannten Träger.');
  await w.gotoSozialraumStep(6);
  await w.fillText('Tritt in Kraft am', '01.01.2030');
  await w.field('Endet am').focus();
  await w.field('Endet am').blur();
  await expect(page.locator('#feld-ende-fehler')).toHaveText('Das Ende der Laufzeit muss nach dem Inkrafttreten (01.01.2030) liegen.');
});
