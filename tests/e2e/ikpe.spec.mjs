// The IKPE cooperation agreement end to end: start screen, wizard, live preview, validation,
// history and autosave, review, Word export (read back, and converted by LibreOffice), and
// accessibility of every step. Each test runs in a fresh browser context (own localStorage).
import { test, expect, PINNED_DAY, PINNED_TIME } from './fixtures.mjs';
import { StartPage, WizardPage, STEPS, axeViolations, docxText, pdfTextViaLibreOffice, squash, SOEMMERDA } from './pages.mjs';

/** The clause numbers of the agreement, in document order (sections 1–6). */
const CLAUSES = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '4.1', '4.2', '5.1', '5.2', '5.3', '6.1', '6.2'];
const SECTIONS = ['Inhalt', 'Aufgaben des IKPE', 'Aufgaben der Kommune', 'Als Ansprechpartner*innen werden benannt', 'Allgemeine Vereinbarungen', 'Verschiedenes'];

/** Fragments that must never survive in a finished agreement (template alternatives, placeholders). */
const LEFTOVERS = ['der/dem', 'die/den', 'der/s', 'Name der Kommune', 'ENTWURF', 'XXX', '['];

/** Asserts that `needles` occur in `haystack` in this order. */
function expectInOrder(haystack, needles) {
  let from = 0;
  for (const n of needles) {
    const at = haystack.indexOf(n, from);
    expect(at, `„${n}“ (nach Position ${from})`).toBeGreaterThanOrEqual(0);
    from = at + n.length;
  }
}

/** The day the pinned clock shows (fixtures.mjs). */
function today() {
  return PINNED_DAY;
}

async function expectNoAxeViolations(page, what) {
  const violations = await axeViolations(page);
  expect(violations, `axe (WCAG 2.1 A/AA): ${what}`).toEqual([]);
}


const JENA = {
  art: 'kreisfreie Stadt',
  name: 'Jena',
  strasse: 'Am Anger 15',
  plz: '07743',
  anrede: 'Frau',
  funktion: 'Oberbürgermeisterin',
  vertreter: 'Anna Schmidt',
  nummer: 'PK 12/2026',
  bereiche: ['Bildung', 'Soziales', 'Gesundheit'],
  prozess: { name: 'Lena Kraus', funktion: 'Fachdienst Jugendhilfe', email: 'lena.kraus@jena.de' },
  strategie: { name: 'Tom Becker', funktion: 'Dezernat Familie, Bildung und Soziales', email: 'tom.becker@jena.de', telefon: '03641 49-0' },
};

/** Goes through all seven steps with "Weiter" like a user, filling what `k` says. */
async function completeWizard(w, k) {
  await w.startNew();

  // 1 Vertragspartner
  await w.choose('Art der Kommune', k.art);
  await w.fillText('Name der Kommune', k.name);
  // Known Thuringian names fill in the seat.
  await expect(w.field('Ort')).toHaveValue(k.name);
  await w.fillText('Straße und Hausnummer', k.strasse);
  await w.fillText('PLZ', k.plz);
  await w.choose('Vertreten durch: Anrede', k.anrede);
  // The function is proposed from the kind of Kommune and the form of address.
  await expect(w.field('Vertreten durch: Funktion')).toHaveValue(k.funktion);
  await w.fillText('Vertreten durch: Vor- und Nachname', k.vertreter);
  await w.fillText('Vertragsnummer – optional', k.nummer);
  await expect(w.page.getByTestId('offen')).toHaveText('In diesem Schritt ist alles ausgefüllt.');
  await w.nextTo(2);
  await expect(w.heading).toBeFocused();

  // 2 Inhalt (defaults: all three Angebotsbausteine)
  await expect(w.page.getByRole('checkbox', { name: 'Interkommunaler Austausch' })).toBeChecked();
  await w.nextTo(3);

  // 3 Aufgaben IKPE (defaults)
  await expect(w.field('Qualifizierungsangebote jährlich')).toHaveValue('4');
  await w.nextTo(4);

  // 4 Aufgaben der Kommune
  for (const b of k.bereiche) await w.check(b, 'Bereiche der Präventionskette');
  await w.nextTo(5);

  // 5 Ansprechpartner*innen
  await w.fillContact('prozess', 1, k.prozess);
  await w.fillContact('strategie', 1, k.strategie);
  await w.nextTo(6);

  // 6 Laufzeit und Unterzeichnung (defaults: 31.12.2028, seat of the Kommune)
  await expect(w.field('Gültig bis')).toHaveValue('31.12.2028');
  await expect(w.field('Ort der Unterschrift der Kommune')).toHaveValue(k.name);
  await w.nextTo(7);

  // 7 Prüfen und Exportieren
  await expect(w.page.getByText('Die Vereinbarung ist vollständig.')).toBeVisible();
  await expect(w.previewAside.getByText('Alle Angaben sind eingesetzt.')).toBeVisible();
  await expect(w.preview.locator('mark.luecke')).toHaveCount(0);
}

/** Exports, checks file name and status line; returns the download and its text. */
async function exportAndRead(w, testInfo, asciiName) {
  const file = await w.exportDocx(testInfo.outputPath());
  expect(file.suggestedFilename).toMatch(new RegExp(`^Kooperationsvereinbarung_IKPE_${asciiName}_\\d{4}-\\d{2}-\\d{2}\\.docx$`));
  expect(file.suggestedFilename).toBe(`Kooperationsvereinbarung_IKPE_${asciiName}_${today()}.docx`);
  await expect(w.exportStatus).toHaveText(new RegExp(`^„${file.suggestedFilename.replace(/\./g, '\\.')}“ wurde erstellt \\(.+ KB, in \\d+ ms\\)\\.$`));
  // A DOCX is a zip file.
  expect([...file.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  return { file, docx: docxText(file.bytes) };
}

/** Structure shared by every finished agreement. */
function expectFinishedStructure(docx) {
  const numbered = docx.paragraphs.map((p) => /^(\d+(?:\.\d+)?)\t/.exec(p)?.[1]).filter(Boolean);
  expect(numbered.filter((n) => n.includes('.'))).toEqual(CLAUSES);
  expect(numbered.filter((n) => !n.includes('.'))).toEqual(['1', '2', '3', '4', '5', '6']);
  expectInOrder(
    docx.text,
    SECTIONS.map((s, i) => `${i + 1}\t${s}`),
  );
  for (const bad of LEFTOVERS) {
    expect(docx.text, `„${bad}“ im Dokument`).not.toContain(bad);
    expect(docx.header, `„${bad}“ in der Kopfzeile`).not.toContain(bad);
  }
  expect(docx.footer).toMatch(/^Seite .* von /);
}

test.describe('Startseite', () => {
  test('zeigt Titel, Datenschutzhinweis und Startknopf und ist barrierefrei', async ({ page }) => {
    const start = new StartPage(page);
    await start.goto();
    await expect(page).toHaveTitle('Koop-Assistent – Kooperationsvereinbarungen erstellen');
    await expect(start.heading).toBeVisible();
    await expect(start.privacy).toBeVisible();
    await expect(page.getByText('Ihre Angaben werden nur in diesem Browser gespeichert')).toBeVisible();
    await expect(start.startButton).toBeVisible();
    await expect(start.startButton).toBeEnabled();
    await expect(page.getByText('Noch keine Entwürfe in diesem Browser.')).toBeVisible();
    await expectNoAxeViolations(page, 'Startseite');

    await start.startButton.click();
    // Two templates: the chooser opens and takes focus; it is accessible too.
    await expect(page.getByRole('heading', { name: 'Welche Vereinbarung möchten Sie erstellen?' })).toBeFocused();
    await expect(page.getByRole('button', { name: /^Mit dieser Vorlage beginnen/ })).toHaveCount(2);
    await expectNoAxeViolations(page, 'Vorlagenauswahl');
    await start.chooseTemplate('Kooperationsvereinbarung IKPE – Kommune');
    const w = new WizardPage(page);
    await w.expectStep(1);
    await expect(w.heading).toBeFocused();
  });
});

test.describe('Vorschau', () => {
  test('zeigt jeden Tastendruck im Kopf der Vereinbarung', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    const party = w.preview.locator('.dokument__partei').nth(1);
    await expect(party).toContainText('und [Name der Kommune],');

    await w.choose('Art der Kommune', 'Landkreis');
    const input = w.field('Name der Kommune');
    await input.pressSequentially('Söm');
    await expect(party).toContainText('und dem Landkreis Söm,');
    await input.pressSequentially('merda');
    await expect(party).toContainText('und dem Landkreis Sömmerda,');
    await expect(party.locator('.dokument__alias')).toHaveText('- „Landkreis Sömmerda“ -');
    const text = await w.previewText();
    expect(text).toContain('und dem Landkreis Sömmerda');
    expect(text).toContain('„Landkreis Sömmerda“');
    expect(text).toContain('Zusammenarbeit des Landkreises mit dem Institut');
    expect(text).toContain('die Entwicklungsperspektiven des Landkreises Sömmerda');
    expect(text).not.toContain('[Name der Kommune]');

    // Switching the kind of Kommune changes the grammar at once.
    await w.choose('Art der Kommune', 'kreisfreie Stadt');
    await expect(party).toContainText('und der Stadt Sömmerda,');
    await expect(party.locator('.dokument__alias')).toHaveText('- „Stadt Sömmerda“ -');
  });
});

test.describe('Export', () => {
  test('Landkreis: vollständiger Durchlauf, Word-Datei und PDF über LibreOffice', async ({ page }, testInfo) => {
    test.slow();
    const w = new WizardPage(page);
    await completeWizard(w, SOEMMERDA);
    const { file, docx } = await exportAndRead(w, testInfo, 'Soemmerda');

    expectFinishedStructure(docx);
    const t = docx.text;
    expectInOrder(t, [
      'Kooperationsvereinbarung',
      'und dem Landkreis Sömmerda,',
      'Bahnhofstraße 9, 99610 Sömmerda,',
      'vertreten durch den Landrat, Herrn Christian Meyer',
      '- „Landkreis Sömmerda“ -',
      'Nr.: PK 7/2026',
      '1.1\tDie Kooperationsvereinbarung dient als Grundlage der Zusammenarbeit des Landkreises mit dem Institut',
      'Nach einer initialen Zieldefinition entwickelt der Landkreis Sömmerda gemeinsam',
      'die Entwicklungsperspektiven des Landkreises Sömmerda',
      'zwischen den Bereichen Kinder- und Jugendhilfe und Gesundheit kennzeichnet',
      '4.1\tFür den Landkreis Sömmerda:',
      'Petra Sommer, Sozialplanung, petra.sommer@lra-soemmerda.de, Tel. 03634 354-0',
      'Dr. Jan Hofmann, Dezernat Soziales, jan.hofmann@lra-soemmerda.de',
      'entstehen für den Landkreis Sömmerda keine Kosten',
      'zwischen dem Landkreis Sömmerda und dem IKPE sofort in Kraft und ist bis zum 31.12.2028 gültig.',
      'Landkreis Sömmerda',
      'Sömmerda, den',
      'Christian Meyer, Landrat',
    ]);
    expect(t).toContain('des Landkreises Sömmerda');
    expect(docx.header).toBe('Kooperationsvereinbarung IKPE – Landkreis Sömmerda');
    expect(docx.core).toContain('<dc:creator>Landkreis Sömmerda</dc:creator>');
    expect(docx.core).toMatch(/<dc:language>de-DE<\/dc:language>/);
    // Created and modified: the time of the export (UTC, on the pinned clock), not a fixed date.
    for (const prop of ['created', 'modified']) {
      const at = new RegExp(`<dcterms:${prop}[^>]*>([^<]+)</dcterms:${prop}>`).exec(docx.core)?.[1];
      expect(at, `dcterms:${prop}`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const since = Date.parse(at) - Math.floor(PINNED_TIME.getTime() / 1000) * 1000;
      expect(since, `dcterms:${prop} ${at}`).toBeGreaterThanOrEqual(0);
      expect(since, `dcterms:${prop} ${at}`).toBeLessThan(10 * 60_000);
    }

    const pdf = squash((await pdfTextViaLibreOffice(file.path)).text);
    for (const s of ['Kooperationsvereinbarung', 'und dem Landkreis Sömmerda', 'Landrat, Herrn Christian Meyer', 'des Landkreises Sömmerda', 'Nr.: PK 7/2026', '31.12.2028', 'Christian Meyer, Landrat']) {
      expect(pdf, `PDF enthält „${s}“`).toContain(s);
    }
    expect(pdf).not.toContain('ENTWURF');
    expect(pdf).toMatch(/Seite 1 von \d/);
  });

  test('kreisfreie Stadt: vollständiger Durchlauf, Word-Datei und PDF über LibreOffice', async ({ page }, testInfo) => {
    test.slow();
    const w = new WizardPage(page);
    await completeWizard(w, JENA);
    const { file, docx } = await exportAndRead(w, testInfo, 'Jena');

    expectFinishedStructure(docx);
    const t = docx.text;
    expectInOrder(t, [
      'und der Stadt Jena,',
      'Am Anger 15, 07743 Jena,',
      'vertreten durch die Oberbürgermeisterin, Frau Anna Schmidt',
      '- „Stadt Jena“ -',
      'Nr.: PK 12/2026',
      'Zusammenarbeit der kreisfreien Stadt mit dem Institut',
      'entwickelt die Stadt Jena gemeinsam',
      'die Entwicklungsperspektiven der Stadt Jena',
      'auf die kreisfreie Stadt Jena zugeschnittenen Meilensteinplan',
      'zwischen den Bereichen Bildung, Soziales und Gesundheit kennzeichnet',
      '4.1\tFür die Stadt Jena:',
      'Tom Becker, Dezernat Familie, Bildung und Soziales, tom.becker@jena.de, Tel. 03641 49-0',
      'zwischen der Stadt Jena und dem IKPE',
      'bis zum 31.12.2028 gültig.',
      'Anna Schmidt, Oberbürgermeisterin',
    ]);
    expect(t).not.toMatch(/Landkreis|Landrat|Herrn/);
    expect(docx.header).toBe('Kooperationsvereinbarung IKPE – Stadt Jena');

    const pdf = squash((await pdfTextViaLibreOffice(file.path)).text);
    for (const s of ['die Oberbürgermeisterin, Frau Anna Schmidt', 'die kreisfreie Stadt Jena', 'der Stadt Jena', '31.12.2028']) {
      expect(pdf, `PDF enthält „${s}“`).toContain(s);
    }
    expect(pdf).not.toContain('ENTWURF');
  });

  test('ein unvollständiger Entwurf wird als ENTWURF mit markierten Lücken exportiert', async ({ page }, testInfo) => {
    const w = new WizardPage(page);
    await w.startNew();
    await w.fillText('Straße und Hausnummer', 'Marktplatz 1');
    await w.gotoStep(7);
    await expect(page.getByText(/Es fehlen noch \d+ Angaben\./)).toBeVisible();
    const file = await w.exportDocx(testInfo.outputPath());
    // Without a name the file is named after the template only.
    expect(file.suggestedFilename).toMatch(/^Kooperationsvereinbarung_IKPE_.*\d{4}-\d{2}-\d{2}\.docx$/);
    await expect(w.exportStatus).toContainText(`„${file.suggestedFilename}“ wurde erstellt`);
    const docx = docxText(file.bytes);
    expect(docx.text).toContain('ENTWURF');
    expect(docx.header).toContain('ENTWURF');
    expect(docx.text).toContain('[Name der Kommune]');
    expect(docx.text).toContain('[Bereiche der Präventionskette]');
    expect(docx.text).toContain('Marktplatz 1, [PLZ] [Ort],');
    expect(docx.text).toContain('Nr.: PK ../');
    // Gaps are highlighted in the file.
    expect(docx.documentXml).toContain('<w:highlight w:val="yellow"/>');
  });
});

test.describe('Prüfung beim Tippen', () => {
  test('falsche PLZ: Meldung nach Verlassen, verknüpft, verschwindet beim Korrigieren', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    const plz = w.field('PLZ');
    const message = page.locator('#feld-plz-fehler');
    await plz.fill('9908');
    // Not yet: the field has not been left.
    await expect(message).toHaveCount(0);
    await expect(plz).not.toHaveAttribute('aria-invalid', 'true');
    await plz.blur();
    await expect(message).toBeVisible();
    await expect(message).toContainText('Die Postleitzahl hat fünf Ziffern');
    await expect(plz).toHaveAttribute('aria-invalid', 'true');
    await expect(plz).toHaveAttribute('aria-describedby', /(^|\s)feld-plz-fehler(\s|$)/);
    await expect(plz).toHaveAccessibleDescription(/Die Postleitzahl hat fünf Ziffern/);
    // Correcting removes the message while typing (no second blur).
    await plz.focus();
    await plz.press('End');
    await plz.press('4');
    await expect(plz).toHaveValue('99084');
    await expect(message).toHaveCount(0);
    await expect(plz).not.toHaveAttribute('aria-invalid', 'true');
    await expect(plz).toBeFocused();
    // Letters are wrong too.
    await plz.fill('99O84');
    await expect(message).toContainText('Die Postleitzahl hat fünf Ziffern');
  });

  test('falsche E-Mail einer Ansprechperson zeigt die E-Mail-Meldung', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    await w.gotoStep(5);
    const group = w.contact('prozess', 1);
    const email = w.field('E-Mail', group);
    await expect(email).toHaveAttribute('id', 'feld-ap_prozess-1-email');
    await email.fill('petra.sommer@');
    await email.blur();
    const message = page.locator('#feld-ap_prozess-1-email-fehler');
    await expect(message).toHaveText('Bitte geben Sie eine E-Mail-Adresse im Format name@beispiel.de an.');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAttribute('aria-describedby', /feld-ap_prozess-1-email-fehler/);
    // Only the left field shows a message, not its untouched neighbours.
    await expect(page.locator('#feld-ap_prozess-1-name-fehler')).toHaveCount(0);
    await email.fill('petra.sommer@lra-soemmerda.de');
    await expect(message).toHaveCount(0);
  });

  test('„Weiter“ mit leeren Feldern zeigt die Fehlerliste; ein Link führt zum Feld', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    await expect(w.errorSummary).toHaveCount(0);
    await w.next();
    await expect(w.errorSummary).toBeVisible();
    await expect(w.errorSummary).toHaveAttribute('role', 'alert');
    await expect(w.errorSummary).toBeFocused();
    await expect(w.errorSummary).toContainText('Bitte prüfen Sie 8 Angaben');
    const links = w.errorSummary.getByRole('link');
    await expect(links).toHaveCount(8);
    await expect(links.first()).toHaveText(/^Art der Kommune: Bitte wählen Sie/);
    // Still on step 1; every field now shows its message.
    await w.expectStep(1);
    await expect(page.locator('#feld-kommune_name-fehler')).toContainText('Bitte geben Sie den Namen der Kommune an');
    await expect(w.field('Name der Kommune')).toHaveAttribute('aria-invalid', 'true');

    await w.errorSummary.getByRole('link', { name: /^PLZ:/ }).click();
    await expect(w.field('PLZ')).toBeFocused();
    await expect(page.locator(':focus')).toHaveAttribute('id', 'feld-plz');
    await w.errorSummary.getByRole('link', { name: /^Art der Kommune:/ }).click();
    await expect(page.locator(':focus')).toHaveAttribute('id', 'feld-kommune_art');

    // The count follows the answers.
    await w.fillText('Name der Kommune', 'Sömmerda');
    await expect(w.errorSummary).toContainText('Bitte prüfen Sie 4 Angaben'); // Art, Ort and Funktion follow from the name

    // A second "Weiter" goes on anyway.
    await w.nextTo(2);
    await expect(w.errorSummary).toHaveCount(0);
  });

  test('ein Klick auf „Weiter“ direkt aus einem falsch ausgefüllten Feld geht nicht verloren', async ({ page }) => {
    // Leaving the field shows its message and moves the button down; the click must still count.
    const w = new WizardPage(page);
    await w.startNew();
    const nummer = w.field('Vertragsnummer – optional');
    await nummer.fill('PK sieben');
    await expect(nummer).toBeFocused();
    await w.nextButton.click();
    await expect(w.errorSummary).toBeVisible();
    await expect(w.errorSummary).toContainText('Vertragsnummer: Bitte geben Sie die Vertragsnummer im Format „PK 7/2026“ an');
    await expect(page.locator('#feld-vertragsnummer-fehler')).toBeVisible();

    // Clicking into another field shows the left field's message as well (after the click).
    await w.next(); // on anyway
    await w.expectStep(2);
    await w.back();
    await w.expectStep(1);
    const plz = w.field('PLZ');
    await plz.fill('123');
    await w.field('Ort').click();
    await expect(w.field('Ort')).toBeFocused();
    await expect(page.locator('#feld-plz-fehler')).toContainText('Die Postleitzahl hat fünf Ziffern');
  });

  test('„Trotzdem weiter“ geht mit offenen Angaben zum nächsten Schritt', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    await w.next();
    await w.anywayButton.click();
    await w.expectStep(2);
    await expect(w.heading).toBeFocused();
    // The step navigation shows what is still open.
    await expect(w.stepNav.getByRole('link', { name: /^1\s*Vertragspartner/ })).toContainText('8 Angaben offen');
  });

  test('mindestens zwei Bereiche: Meldung bei nur einem Bereich', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    await w.gotoStep(4);
    const group = w.group('Bereiche der Präventionskette');
    const message = page.locator('#feld-bereiche-fehler');
    await w.check('Bildung', 'Bereiche der Präventionskette');
    await expect(message).toHaveText('Bitte wählen Sie mindestens zwei Bereiche: Die Präventionskette verbindet mindestens zwei Bereiche.');
    await expect(group).toHaveAttribute('aria-describedby', /feld-bereiche-fehler/);
    await expect(page.getByTestId('offen')).toHaveText('In diesem Schritt ist noch 1 Pflichtangabe offen.');
    await w.next();
    await expect(w.errorSummary).toContainText('Bitte prüfen Sie 1 Angabe');
    await expect(w.errorSummary.getByRole('link')).toHaveText(/^Bereiche der Präventionskette: Bitte wählen Sie mindestens zwei Bereiche/);
    await w.check('Soziales', 'Bereiche der Präventionskette');
    await expect(message).toHaveCount(0);
    await expect(w.errorSummary).toHaveCount(0);
    await expect(page.getByTestId('offen')).toHaveText('In diesem Schritt ist alles ausgefüllt.');
    await expect(w.preview).toContainText('zwischen den Bereichen Bildung und Soziales');
  });
});

test.describe('Verlauf und Speichern', () => {
  test('der Zurück-Knopf des Browsers führt zum vorigen Schritt', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    const id = w.draftId();
    await w.next();
    await w.next(); // second press: on despite open fields
    await w.expectStep(2);
    await w.gotoStep(4);
    await page.goBack();
    await w.expectStep(2);
    await page.goBack();
    await w.expectStep(1);
    expect(w.draftId()).toBe(id);
    await page.goForward();
    await w.expectStep(2);
    // The wizard's own "Zurück" button as well.
    await w.back();
    await w.expectStep(1);
    await expect(w.heading).toBeFocused();
  });

  test('Neu laden behält Schritt und alle Angaben (automatisch gespeichert)', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    await w.choose('Art der Kommune', 'Landkreis');
    await w.fillText('Name der Kommune', 'Sömmerda');
    await w.fillText('PLZ', '99610');
    await w.choose('Vertreten durch: Anrede', 'Herr');
    await w.fillText('Vertreten durch: Vor- und Nachname', 'Christian Meyer');
    await w.gotoStep(4);
    await w.check('Kinder- und Jugendhilfe');
    await w.check('Gesundheit');
    await w.gotoStep(5);
    await w.fillContact('prozess', 1, { name: 'Petra Sommer', email: 'petra@example.de' });
    await w.waitSaved();
    const url = page.url();

    await page.reload();
    await expect(page).toHaveURL(url);
    await w.expectStep(5);
    await expect(w.field('Name', w.contact('prozess', 1))).toHaveValue('Petra Sommer');
    await expect(w.field('E-Mail', w.contact('prozess', 1))).toHaveValue('petra@example.de');
    await w.gotoStep(4);
    await expect(page.getByRole('checkbox', { name: 'Kinder- und Jugendhilfe' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Gesundheit' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Bildung' })).not.toBeChecked();
    await w.gotoStep(1);
    await expect(w.group('Art der Kommune').getByRole('radio', { name: 'Landkreis' })).toBeChecked();
    await expect(w.field('Name der Kommune')).toHaveValue('Sömmerda');
    await expect(w.field('PLZ')).toHaveValue('99610');
    await expect(w.field('Vertreten durch: Funktion')).toHaveValue('Landrat');
    await expect(w.field('Vertreten durch: Vor- und Nachname')).toHaveValue('Christian Meyer');
    await expect(w.preview).toContainText('vertreten durch den Landrat, Herrn Christian Meyer');

    // The draft is listed on the start screen.
    await page.getByRole('link', { name: 'Zur Übersicht „Meine Entwürfe“' }).click();
    await expect(page.getByTestId('entwurf')).toHaveCount(1);
    await expect(page.getByTestId('entwurf')).toContainText('Landkreis Sömmerda');
  });
});

test.describe('Lücken und Prüfen', () => {
  test('ein Klick auf eine Lücke in der Vorschau führt zum Feld', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    // A gap of this step.
    await w.preview.locator('mark.luecke a', { hasText: '[PLZ]' }).click();
    await w.expectStep(1);
    await expect(page.locator(':focus')).toHaveAttribute('id', 'feld-plz');
    // A field on a closed panel (drawn only once opened): the panel opens, the field gets focus.
    const panel = page.locator('details.panel');
    await page.getByText('IKPE-Angaben ändern').click();
    await w.fillText('Name des Instituts', '');
    await page.getByText('IKPE-Angaben ändern').click();
    await expect(panel).toHaveJSProperty('open', false);
    await w.preview.locator('mark.luecke a', { hasText: '[Name des Instituts]' }).first().click();
    await expect(panel).toHaveJSProperty('open', true);
    await expect(page.locator(':focus')).toHaveAttribute('id', 'feld-ikpe_name');
    // A gap of another step: the step changes and the field gets focus.
    await w.preview.locator('mark.luecke a', { hasText: '[Bereiche der Präventionskette]' }).click();
    await w.expectStep(4);
    await expect(page.locator(':focus')).toHaveAttribute('id', 'feld-bereiche');
    await expect(page.locator(':focus')).toHaveAccessibleName('Kinder- und Jugendhilfe');
    // A list entry.
    await w.preview.locator('mark.luecke a', { hasText: '[E-Mail]' }).first().click();
    await w.expectStep(5);
    await expect(page.locator(':focus')).toHaveAttribute('id', 'feld-ap_prozess-1-email');
    // Typing there fills the gap.
    await page.keyboard.type('petra@example.de');
    await expect(w.preview).toContainText('petra@example.de');
    await expect(w.preview.locator('mark.luecke a', { hasText: '[E-Mail]' })).toHaveCount(1);
  });

  test('die Prüfseite listet die Angaben; „Ändern“ führt zum Feld', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    await w.choose('Art der Kommune', 'Landkreis');
    await w.fillText('Name der Kommune', 'Sömmerda');
    await w.fillText('Straße und Hausnummer', 'Bahnhofstraße 9');
    await w.gotoStep(7);
    const row = (label) => page.locator('.kern-description-list-item').filter({ has: page.getByRole('term').getByText(label, { exact: true }) });
    await expect(row('Name der Kommune').getByRole('definition')).toContainText('Sömmerda');
    await expect(row('Art der Kommune').getByRole('definition')).toContainText('Landkreis');
    await expect(row('Ort').getByRole('definition')).toContainText('Sömmerda');
    await expect(row('PLZ').getByRole('definition')).toContainText('nicht angegeben');
    await expect(row('PLZ').getByRole('definition')).toContainText('Bitte geben Sie die Postleitzahl an.');
    await expect(row('Beratungskontakte mindestens alle … Monate').getByRole('definition')).toContainText('2');

    await page.getByRole('link', { name: /^Ändern\s*: Straße und Hausnummer$/ }).click();
    await w.expectStep(1);
    await expect(page.locator(':focus')).toHaveAttribute('id', 'feld-strasse');
    await expect(w.field('Straße und Hausnummer')).toHaveValue('Bahnhofstraße 9');

    // A field on the closed IKPE panel: the panel opens.
    await w.gotoStep(7);
    await page.getByRole('link', { name: /^Ändern\s*: Name des Instituts$/ }).click();
    await w.expectStep(1);
    await expect(page.locator('details.panel')).toHaveJSProperty('open', true);
    await expect(page.locator(':focus')).toHaveAttribute('id', 'feld-ikpe_name');

    await w.gotoStep(7);
    await page.getByRole('link', { name: /^Ändern\s*: Bereiche der Präventionskette$/ }).click();
    await w.expectStep(4);
    await expect(page.locator(':focus')).toHaveAttribute('id', 'feld-bereiche');
  });
});

/**
 * Accessibility of every step: as first shown, and with its messages shown (after "Weiter" on
 * empty or wrong answers).
 */
test.describe('Barrierefreiheit (axe, WCAG 2.1 A/AA) je Schritt', () => {
  // Makes a step's prefilled answers wrong so that "Weiter" has something to show.
  const spoil = {
    1: async (w) => {
      await w.fillText('PLZ', '9908');
      await w.fillText('Vertragsnummer – optional', 'PK sieben');
      // Empty a field on the IKPE panel and close the panel: "Weiter" must open it again.
      const summary = w.page.getByText('IKPE-Angaben ändern');
      await summary.click();
      await w.fillText('Name des Instituts', '');
      await summary.click();
      await expect(w.page.locator('details.panel')).toHaveJSProperty('open', false);
    },
    2: async (w) => {
      for (const b of ['Strategische Beratung und Begleitung', 'Wissenstransfer in Veranstaltungsformaten und Fortbildungsangeboten', 'Interkommunaler Austausch']) {
        await w.uncheck(b);
      }
    },
    3: async (w) => {
      await w.fillText('Beratungskontakte mindestens alle … Monate', '13');
      await w.fillText('Qualifizierungsangebote jährlich', '');
      for (const b of ['telefonisch', 'Videokonferenz', 'in Präsenz vor Ort']) await w.uncheck(b);
    },
    4: async (w) => {
      await w.check('Bildung');
    },
    5: async (w) => {
      await w.fillContact('prozess', 1, { email: 'nicht-gültig', telefon: 'abc' });
    },
    6: async (w) => {
      await w.fillText('Gültig bis', '31.02.2020');
      await w.fillText('Ort der Unterschrift des IKPE', '');
    },
  };

  for (let n = 1; n <= 6; n++) {
    test(`Schritt ${n}: ${STEPS[n - 1]}`, async ({ page }) => {
      const w = new WizardPage(page);
      await w.startNew();
      if (n > 1) await w.gotoStep(n);
      await expectNoAxeViolations(page, `Schritt ${n}, ohne Meldungen`);
      await expect(page.locator('.kern-error')).toHaveCount(0);

      await spoil[n](w);
      await w.next();
      await expect(w.errorSummary).toBeVisible();
      await expect(page.locator('.schritt .kern-error').first()).toBeVisible();
      // Inputs carry aria-invalid; option groups (fieldsets) their error style.
      await expect(page.locator('[aria-invalid="true"], .kern-fieldset--error').first()).toBeAttached();
      await expectNoAxeViolations(page, `Schritt ${n}, mit Meldungen`);
      if (n === 1) {
        await expect(page.locator('details.panel')).toHaveJSProperty('open', true);
        await expect(page.locator('#feld-ikpe_name-fehler')).toBeVisible();
        await page.screenshot({ path: test.info().outputPath('schritt-1-mit-meldungen.png'), fullPage: true });
      }
    });
  }

  test(`Schritt 7: ${STEPS[6]} (unvollständig und vollständig)`, async ({ page }) => {
    test.slow();
    const w = new WizardPage(page);
    await w.startNew();
    await w.gotoStep(7);
    // An incomplete draft: every row shows its problem.
    await expect(page.locator('.pruefen__fehler').first()).toBeVisible();
    await expectNoAxeViolations(page, 'Schritt 7, unvollständig');
    await w.exportDocx(test.info().outputPath());
    await expect(w.exportStatus).toContainText('wurde erstellt');
    await expectNoAxeViolations(page, 'Schritt 7, unvollständig, nach dem Export');

    // A complete draft: no problems, success message.
    await completeWizard(w, SOEMMERDA);
    await expect(page.locator('.pruefen__fehler')).toHaveCount(0);
    await expectNoAxeViolations(page, 'Schritt 7, vollständig');
  });
});

test.describe('Darstellung', () => {
  test('Meldungen stehen unter der Legende, Knöpfe der Listeneinträge überlappen nicht', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    await w.next();
    // A radio group's message sits below its legend, not beside it.
    const legend = await page.locator('#feld-kommune_art-legende').boundingBox();
    const message = await page.locator('#feld-kommune_art-fehler').boundingBox();
    expect(message.y).toBeGreaterThanOrEqual(legend.y + legend.height - 1);

    await w.gotoStep(5);
    const group = w.contact('prozess', 1);
    await page.getByRole('button', { name: 'Ansprechperson (prozessverantwortlich) hinzufügen' }).click();
    await expect(w.contact('prozess', 2)).toBeVisible();
    // Each action shows its whole label on one line, side by side without overlap.
    const boxes = [];
    for (const name of [/^Nach unten/, /^Entfernen/]) {
      const button = group.getByRole('button', { name });
      await expect(button).toBeVisible();
      const box = await button.boundingBox();
      const label = await button.locator('.kern-label').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)) }));
      expect(box.width, `${name} breit genug`).toBeGreaterThanOrEqual(label.scroll);
      expect(label.lines, `${name} einzeilig`).toBeLessThanOrEqual(1);
      boxes.push(box);
    }
    expect(boxes[0].x + boxes[0].width).toBeLessThanOrEqual(boxes[1].x);
  });
});
