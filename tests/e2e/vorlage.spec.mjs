// The Beschlussvorlage in the UI (issue 24): from a complete draft to the downloaded Vorlage.
// Its own answers are asked on the review step ("Beschlussvorlage erstellen"), checked live and
// kept in the draft, but an invalid one does not make the agreement an ENTWURF; the preview
// switches to it; its files carry the right council and head (read directly and through
// LibreOffice). For the Sozialraum, one Vorlage per public body, one by one or as one ZIP.
import { test, expect } from './fixtures.mjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  DRAFT_PREFIX,
  StartPage,
  VorlageSection,
  WizardPage,
  SOEMMERDA,
  axeViolations,
  convertWithLibreOffice,
  docxText,
  draftRecord,
  keepExport,
  pdfTextViaLibreOffice,
  plantStorage,
  squash,
  unzipFiles,
} from './pages.mjs';
import { sozialraumDraft } from '../../bench/drafts.mjs';

const run = promisify(execFile);

const IKPE_VORSCHLAG =
  'Der Kreistag des Landkreises Sömmerda stimmt dem Abschluss der Kooperationsvereinbarung Nr. PK 7/2026 mit dem Institut für kommunale Planung und Entwicklung e.V. zur fachlichen Prozessbegleitung beim Ausbau der Präventionskette zu und ermächtigt den Landrat, die Vereinbarung zu unterzeichnen.';
const SOZ_REST =
  'stimmt dem Abschluss der Kooperationsvereinbarung zur Zusammenarbeit im Sozialraum Crimmitschau/Dennheritz zwischen dem Landkreis Zwickau, den Städten und Gemeinden des Sozialraums und den Trägern der freien Jugendhilfe zu und ermächtigt';
/** The towns of the Sozialraum draft below (art, name, Anrede), after the Landkreis. */
const TOWNS = [
  ['stadt', 'Crimmitschau', 'herr'],
  ['gemeinde', 'Dennheritz', 'frau'],
  ['gemeinde', 'Langenbernsdorf', 'herr'],
];
/** Its public bodies as offered, with their Beschlussvorschlag. */
const SOZ_BODIES = [
  { label: 'Landkreis Zwickau', file: 'Landkreis_Zwickau', vorschlag: `Der Kreistag des Landkreises Zwickau ${SOZ_REST} den Landrat, die Vereinbarung zu unterzeichnen.` },
  { label: 'Stadt Crimmitschau', file: 'Stadt_Crimmitschau', vorschlag: `Der Stadtrat der Stadt Crimmitschau ${SOZ_REST} den Bürgermeister, die Vereinbarung zu unterzeichnen.` },
  { label: 'Gemeinde Dennheritz', file: 'Gemeinde_Dennheritz', vorschlag: `Der Gemeinderat der Gemeinde Dennheritz ${SOZ_REST} die Bürgermeisterin, die Vereinbarung zu unterzeichnen.` },
  { label: 'Gemeinde Langenbernsdorf', file: 'Gemeinde_Langenbernsdorf', vorschlag: `Der Gemeinderat der Gemeinde Langenbernsdorf ${SOZ_REST} den Bürgermeister, die Vereinbarung zu unterzeichnen.` },
];

/** A complete Sozialraum draft (bench/drafts.mjs's, its towns named as TOWNS). */
function sozialraumRecord(id) {
  const stored = JSON.parse(sozialraumDraft(id, TOWNS.length, 2, 4));
  stored.draft.answers.gemeinden.list.forEach((entry, i) => {
    const [art, name, anrede] = TOWNS[i];
    Object.assign(entry.values, { art, name, anrede });
  });
  return JSON.stringify(stored);
}

test('IKPE: the Vorlage from a complete draft, its answers on the review step, the preview switch, Word and PDF', async ({ page }, testInfo) => {
  // LibreOffice's conversion may take most of a minute on a loaded machine.
  test.slow();
  const w = new WizardPage(page);
  const v = new VorlageSection(page);
  await w.startNew();
  const id = w.draftId();
  // The Vorlage's answers are not asked in the agreement's steps any more.
  await expect(page.getByLabel('Vorlagennummer – optional')).toHaveCount(0);
  await w.fillComplete(SOEMMERDA);
  await expect(v.heading).toBeVisible();
  await expect(v.section).toContainText('Für: Landkreis Sömmerda');
  await expect(v.field('Datum der Vorlage – optional')).toHaveValue('22.11.2026');
  await expect(v.field('Gremium – optional')).toHaveValue('Kreistag');
  await v.field('Vorlagennummer – optional').fill('BV/0123/2027');
  await v.field('Einreicher – optional').fill('Dezernat II – Jugend und Soziales');

  // An invalid optional answer: its message under the field, the Vorlage an ENTWURF, the
  // agreement still complete.
  const sitzung = v.field('Sitzung am – optional');
  await sitzung.fill('32.13.2027');
  await sitzung.blur();
  await expect(sitzung).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#feld-vorlage_sitzung-fehler')).toBeVisible();
  await expect(sitzung).toHaveAttribute('aria-describedby', /feld-vorlage_sitzung-fehler/);
  await expect(v.state).toHaveText('1 Angabe oben ist ungültig: Die Datei wird als ENTWURF gekennzeichnet.');
  await expect(page.locator('.export')).toContainText('Die Vereinbarung ist vollständig.');
  await expect(w.preview).not.toContainText('ENTWURF');
  expect(await axeViolations(page)).toEqual([]);
  await sitzung.fill('15.01.2027');
  await sitzung.blur();
  await expect(sitzung).not.toHaveAttribute('aria-invalid', 'true');
  await expect(v.state).toHaveText('Alle Angaben sind gültig: Die Datei wird nicht als ENTWURF gekennzeichnet.');
  expect(await axeViolations(page)).toEqual([]);

  // The preview switches to the Vorlage and back, also by keyboard (a radio group).
  await v.preview('Beschlussvorlage');
  await expect(page.getByRole('complementary', { name: 'Vorschau: Beschlussvorlage' })).toBeVisible();
  await expect(w.preview).toContainText(IKPE_VORSCHLAG);
  await expect(w.preview).toContainText('Vorlagennummer: BV/0123/2027');
  await expect(w.preview).toContainText('Kreistag, Sitzung am 15.01.2027: zur Beschlussfassung');
  await expect(v.switcher.getByRole('radio', { name: 'Beschlussvorlage', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(v.switcher.getByRole('radio', { name: 'Vereinbarung', exact: true })).toBeFocused();
  await expect(v.switcher.getByRole('radio', { name: 'Vereinbarung', exact: true })).toBeChecked();
  await expect(w.previewAside).toBeVisible();
  await expect(w.preview).toContainText('Kooperationsvereinbarung');
  await expect(w.preview).not.toContainText(IKPE_VORSCHLAG);
  await page.keyboard.press('ArrowRight');
  await expect(w.preview).toContainText(IKPE_VORSCHLAG);

  // The answers are part of the draft (autosaved) and survive a reload.
  await w.waitSaved();
  const answers = (await draftRecord(page, id)).draft.answers;
  expect(answers.vorlage_nummer).toEqual({ text: 'BV/0123/2027' });
  expect(answers.vorlage_sitzung).toEqual({ text: '15.01.2027' });
  await page.reload();
  await expect(v.field('Vorlagennummer – optional')).toHaveValue('BV/0123/2027');
  // "Prozess und Termine" leads to it at the decision phase.
  await page.getByRole('link', { name: 'Prozess und Termine' }).click();
  await page.getByRole('link', { name: 'Beschlussvorlage erstellen' }).click();
  await expect(v.heading).toBeFocused();

  // Word: named like the agreement's file, the Beschlussvorschlag with the right council and head.
  const dir = testInfo.outputPath();
  const docx = await v.save(v.download, dir);
  expect(docx.suggestedFilename).toBe('Beschlussvorlage_Landkreis_Soemmerda_2026-11-22.docx');
  await keepExport(docx.path);
  const word = docxText(await readFile(docx.path));
  expect(word.paragraphs.map((p) => p.trim())).toContain(IKPE_VORSCHLAG);
  expect(squash(word.text)).toContain('Vorlagennummer: BV/0123/2027');
  expect(word.text).not.toContain('ENTWURF');
  const viaLibreOffice = squash((await pdfTextViaLibreOffice(docx.path)).text);
  expect(viaLibreOffice).toContain('Der Kreistag des Landkreises Sömmerda stimmt dem Abschluss');
  expect(viaLibreOffice).toContain('ermächtigt den Landrat, die Vereinbarung zu unterzeichnen.');

  // The PDF of the same Vorlage.
  await v.chooseFormat('PDF-Datei (.pdf)');
  const pdf = await v.save(v.download, dir);
  expect(pdf.suggestedFilename).toBe('Beschlussvorlage_Landkreis_Soemmerda_2026-11-22.pdf');
  await keepExport(pdf.path);
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf.path, '-']);
  expect(squash(stdout)).toContain('Der Kreistag des Landkreises Sömmerda stimmt dem Abschluss');
});

test('Sozialraum: one Vorlage per public body, each with its own answers; one by one and as one ZIP', async ({ page }, testInfo) => {
  test.slow();
  const start = new StartPage(page);
  const w = new WizardPage(page);
  const v = new VorlageSection(page);
  await start.goto();
  const id = 'vorlage-soz';
  await plantStorage(page, { [DRAFT_PREFIX + id]: sozialraumRecord(id) });
  await page.goto(`/?entwurf=${id}&schritt=2`);
  // A town's Vorlage answers are not in its entry any more.
  await expect(page.getByRole('group', { name: 'Stadt oder Gemeinde 1', exact: true })).toBeVisible();
  await expect(page.getByLabel('Vorlagennummer – optional')).toHaveCount(0);
  await expect(page.getByLabel('Große Kreisstadt')).toHaveCount(0);
  await page.goto(`/?entwurf=${id}&schritt=7`);
  await expect(v.heading).toBeVisible();
  await expect(page.locator('.export')).toContainText('Die Vereinbarung ist vollständig.');
  await expect(v.state).toHaveText('Alle Angaben sind gültig: Die Datei wird nicht als ENTWURF gekennzeichnet.');

  // The public bodies from the model, the Landkreis first.
  await expect(v.bodies.getByRole('radio')).toHaveCount(4);
  for (const b of SOZ_BODIES) await expect(v.bodies.getByRole('radio', { name: b.label, exact: true })).toBeVisible();
  await expect(v.bodies.getByRole('radio', { name: 'Landkreis Zwickau', exact: true })).toBeChecked();

  // The second town's own answers live in its entry.
  await v.chooseBody('Gemeinde Dennheritz');
  await expect(v.field('Gremium – optional')).toHaveValue('Gemeinderat');
  await v.field('Vorlagennummer – optional').fill('GR 7/2027');
  await w.waitSaved();
  const towns = (await draftRecord(page, id)).draft.answers.gemeinden.list;
  expect(towns.map((t) => t.values.vorlage_nummer ?? null)).toEqual([null, 'GR 7/2027', null]);
  expect(await axeViolations(page)).toEqual([]);

  await v.preview('Beschlussvorlage');
  await expect(w.preview).toContainText(SOZ_BODIES[2].vorschlag);
  await expect(w.preview).toContainText('Vorlagennummer: GR 7/2027');
  await v.chooseBody('Stadt Crimmitschau');
  await expect(w.preview).toContainText(SOZ_BODIES[1].vorschlag);
  await expect(w.preview).not.toContainText('GR 7/2027');
  await v.chooseBody('Gemeinde Dennheritz');

  // One body's Vorlage.
  const dir = testInfo.outputPath();
  const one = await v.save(v.download, dir);
  expect(one.suggestedFilename).toBe('Beschlussvorlage_Gemeinde_Dennheritz_2026-11-22.docx');
  await keepExport(one.path);
  const word = docxText(await readFile(one.path));
  expect(word.paragraphs.map((p) => p.trim())).toContain(SOZ_BODIES[2].vorschlag);
  expect(squash(word.text)).toContain('Vorlagennummer: GR 7/2027');

  // Every body's Vorlage in one ZIP, each in its own file, each read by LibreOffice.
  await expect(v.zip).toHaveText('Alle als ZIP-Datei herunterladen (4 Dateien)');
  const zip = await v.save(v.zip, dir);
  expect(zip.suggestedFilename).toBe('Beschlussvorlagen_Sozialraum_Crimmitschau_Dennheritz_2026-11-22.zip');
  const files = unzipFiles(await readFile(zip.path));
  expect(Object.keys(files)).toEqual(SOZ_BODIES.map((b) => `Beschlussvorlage_${b.file}_2026-11-22.docx`));
  const unpacked = join(dir, 'zip');
  await mkdir(unpacked, { recursive: true });
  const paths = [];
  for (const [i, [name, bytes]] of Object.entries(files).entries()) {
    const path = join(unpacked, name);
    await writeFile(path, bytes);
    await keepExport(path);
    paths.push(path);
    const text = docxText(bytes);
    expect(text.paragraphs.map((p) => p.trim())).toContain(SOZ_BODIES[i].vorschlag);
    expect(text.text.includes('GR 7/2027')).toBe(i === 2);
  }
  const pdfs = await convertWithLibreOffice(paths, join(dir, 'pdf'));
  for (const [i, pdf] of pdfs.entries()) {
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
    expect(squash(stdout)).toContain(SOZ_BODIES[i].vorschlag.split(' stimmt ')[0]);
  }
});
