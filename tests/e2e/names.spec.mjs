// Names as people type them (issue 16): the designation typed into a name field ("Landkreis
// Gotha") is printed once, a warning under the field says what will be printed, and a button
// applies the bare name; a designation contradicting the type is an error; Erfurt is the
// Landeshauptstadt; the Sozialraum funding sentence is flagged for a Thuringian Landkreis.
import { test, expect } from './fixtures.mjs';
import { WizardPage, axeViolations } from './pages.mjs';

const SOZIALRAUM = 'Kooperationsvereinbarung Sozialraum (§§ 11–14, 16 SGB VIII)';
const SOZIALRAUM_STEPS = ['Landkreis und Sozialraum', 'Städte und Gemeinden', 'Träger der freien Jugendhilfe', 'Leistungsangebote', 'Finanzierung und Zusammenarbeit', 'Laufzeit', 'Prüfen und Exportieren'];

/** The wizard of the Sozialraum template (its own steps). */
class SozialraumWizard extends WizardPage {
  async expectStep(n) {
    await expect(this.progress).toHaveText(`Schritt ${n} von ${SOZIALRAUM_STEPS.length}`);
    await expect(this.heading).toHaveText(SOZIALRAUM_STEPS[n - 1]);
  }

  async gotoSozialraumStep(n) {
    await this.stepNav.getByRole('link', { name: new RegExp(`^${n}\\s*${SOZIALRAUM_STEPS[n - 1]}`) }).click();
    await this.expectStep(n);
  }
}

/** How often `needle` occurs in `text`. */
function count(text, needle) {
  return text.split(needle).length - 1;
}

test('IKPE: "Landkreis Gotha" warns, the fix applies the bare name, the preview names it once', async ({ page }) => {
  const w = new WizardPage(page);
  await w.startNew();
  await w.choose('Art der Kommune', 'Landkreis');
  const name = await w.fillText('Name der Kommune', 'Landkreis Gotha');
  await name.press('Tab');

  const warning = page.locator('#feld-kommune_name-warnung');
  await expect(warning).toHaveText('„Landkreis“ ergänzt der Assistent selbst: In der Vereinbarung steht „Landkreis Gotha“. Bitte tragen Sie nur den Namen ein.');
  // A warning: described, but the input is not invalid.
  await expect(name).toHaveAttribute('aria-describedby', /feld-kommune_name-warnung/);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  // Even before the fix, the agreement never doubles the designation.
  const party = w.preview.locator('.dokument__partei').nth(1);
  await expect(party).toContainText('und dem Landkreis Gotha,');
  expect(await w.previewText()).not.toContain('Landkreis Landkreis');

  expect(await axeViolations(page), 'axe with the warning and its button visible').toEqual([]);

  const fix = page.getByRole('button', { name: '„Gotha“ übernehmen' });
  await fix.click();
  await expect(name).toHaveValue('Gotha');
  await expect(name).toBeFocused();
  await expect(warning).toHaveCount(0);
  await expect(fix).toHaveCount(0);
  await expect(party).toContainText('und dem Landkreis Gotha,');
  expect(count(await party.innerText(), 'dem Landkreis Gotha')).toBe(1);
  const text = await w.previewText();
  expect(text).toContain('entwickelt der Landkreis Gotha gemeinsam');
  expect(text).not.toContain('Landkreis Landkreis');
  // The suggestion list knows Gotha again: the signature place follows its seat.
  await expect(w.field('Ort')).toHaveValue('Gotha');
});

test('IKPE: "Name der Kommune" suggests the Thuringian Kommunen once the field is focused', async ({ page }) => {
  const w = new WizardPage(page);
  await w.startNew();
  const name = w.field('Name der Kommune');
  await name.focus();
  const list = page.locator(`datalist#${await name.getAttribute('list')}`);
  await expect(list.locator('option[value="Gotha"]')).toHaveCount(1);
  await expect(list.locator('option[value="Erfurt"]')).toHaveCount(1);
  // The suggestions are names only, each once.
  const values = await list.locator('option').evaluateAll((os) => os.map((o) => o.value));
  expect(values.length).toBeGreaterThan(20);
  expect(new Set(values).size).toBe(values.length);
  expect(values.filter((v) => /^(Landkreis|Stadt) /.test(v))).toEqual([]);
});

test('IKPE: "Stadt Jena" with Art Landkreis is an error that says which to change', async ({ page }) => {
  const w = new WizardPage(page);
  await w.startNew();
  await w.choose('Art der Kommune', 'Landkreis');
  const name = await w.fillText('Name der Kommune', 'Stadt Jena');
  await name.press('Tab');
  const error = page.locator('#feld-kommune_name-fehler');
  await expect(error).toHaveText(
    '„Stadt“ passt nicht zur gewählten Art „Landkreis“. Bitte ändern Sie entweder bei „Art der Kommune“ die Art oder den Namen in „Jena“.',
  );
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAttribute('aria-describedby', /feld-kommune_name-fehler/);
  expect(await w.previewText()).not.toMatch(/Landkreis Stadt|Stadt Stadt/);
  // Changing the type resolves it; the designation is then merely redundant.
  await w.choose('Art der Kommune', 'kreisfreie Stadt');
  await expect(error).toHaveCount(0);
  await expect(page.locator('#feld-kommune_name-warnung')).toContainText('In der Vereinbarung steht „Stadt Jena“');
  await expect(w.preview.locator('.dokument__partei').nth(1)).toContainText('und der Stadt Jena,');
});

test('IKPE: Erfurt reads "der Landeshauptstadt Erfurt" wherever the agreement names it', async ({ page }) => {
  const w = new WizardPage(page);
  await w.startNew();
  const name = await w.fillText('Name der Kommune', 'Erfurt');
  await name.press('Tab');
  // The suggestion knows the type and the official designation; no message needed.
  await expect(w.group('Art der Kommune').getByRole('radio', { name: 'kreisfreie Stadt', exact: true })).toBeChecked();
  await expect(page.locator('#feld-kommune_name-warnung')).toHaveCount(0);
  await expect(w.preview.locator('.dokument__partei').nth(1)).toContainText('und der Landeshauptstadt Erfurt,');
  const text = await w.previewText();
  expect(text).toContain('entwickelt die Landeshauptstadt Erfurt gemeinsam');
  expect(text).toContain('Entwicklungsperspektiven der Landeshauptstadt Erfurt');
  expect(text).toContain('Für die Landeshauptstadt Erfurt:');
  expect(text).toContain('„Landeshauptstadt Erfurt“');
  expect(text).not.toMatch(/(der|die) Stadt Erfurt/);
});

test('Sozialraum: "Landkreis Greiz" warns, the fix applies "Greiz", the SMS sentence is flagged', async ({ page }) => {
  const w = new SozialraumWizard(page);
  await w.startNew(SOZIALRAUM);
  const name = await w.fillText('Landkreis', 'Landkreis Greiz');
  await name.press('Tab');
  await expect(page.locator('#feld-lk_name-warnung')).toContainText('In der Vereinbarung steht „Landkreis Greiz“');
  let text = await w.previewText();
  expect(text).toContain('Zwischen dem Landkreis Greiz');
  expect(text).not.toContain('Landkreis Landkreis');

  await page.getByRole('button', { name: '„Greiz“ übernehmen' }).click();
  await expect(name).toHaveValue('Greiz');
  await expect(name).toBeFocused();
  await expect(page.locator('#feld-lk_name-warnung')).toHaveCount(0);
  text = await w.previewText();
  expect(count(text, 'Zwischen dem Landkreis Greiz')).toBe(1);
  expect(text).toContain('(im Folgenden Landkreis Greiz genannt)');
  expect(text).toContain('Haushaltsmitteln des Landkreises Greiz');
  expect(text).not.toContain('Landkreis Landkreis');

  // Greiz is Thuringian; the funding sentence of the Zwickau source names the Saxon ministry.
  await w.gotoSozialraumStep(5);
  const satz = w.field('Finanzierung der Zuwendung (3.1.3)');
  await satz.focus();
  await satz.press('Tab');
  const sms = page.locator('#feld-finanzierung-warnung');
  await expect(sms).toContainText('Sächsische Staatsministerium (SMS)');
  await expect(sms).toContainText('Landkreis Greiz liegt aber in Thüringen');
  expect(await axeViolations(page), 'axe with the funding warning visible').toEqual([]);
  await satz.fill('Die Zuwendung wird aus Haushaltsmitteln des Freistaats Thüringen finanziert.');
  await expect(sms).toHaveCount(0);
});

test('Sozialraum: "Gemeinde Langenwetzendorf" as a town of the Sozialraum', async ({ page }) => {
  const w = new SozialraumWizard(page);
  await w.startNew(SOZIALRAUM);
  await w.gotoSozialraumStep(2);
  const g = page.getByRole('group', { name: 'Stadt oder Gemeinde 1', exact: true });
  await g.getByRole('radio', { name: 'Gemeinde', exact: true }).check();
  const name = g.getByLabel('Name', { exact: true });
  await name.fill('Gemeinde Langenwetzendorf');
  await name.press('Tab');
  await expect(g.getByText('In der Vereinbarung steht „Gemeinde Langenwetzendorf“')).toBeVisible();
  expect(await w.previewText()).not.toContain('Gemeinde Gemeinde');
  await g.getByRole('button', { name: '„Langenwetzendorf“ übernehmen' }).click();
  await expect(name).toHaveValue('Langenwetzendorf');
  await expect(name).toBeFocused();
  await expect(w.preview).toContainText('Gemeinde Langenwetzendorf');
  expect(await w.previewText()).not.toContain('Gemeinde Gemeinde');
  // Names that merely begin like a designation stay as typed.
  await g.getByRole('radio', { name: 'Stadt', exact: true }).check();
  await name.fill('Stadtroda');
  await expect(w.preview).toContainText('Stadt Stadtroda');
  await expect(g.getByRole('button', { name: /übernehmen/ })).toHaveCount(0);
});

test('narrow window (320 px): the warning and its button fit', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const w = new WizardPage(page);
  await w.startNew();
  await w.choose('Art der Kommune', 'Landkreis');
  const widthBefore = await page.evaluate(() => document.documentElement.scrollWidth);
  const name = await w.fillText('Name der Kommune', 'Lkr. Gotha');
  await name.press('Tab');
  const fix = page.getByRole('button', { name: '„Gotha“ übernehmen' });
  await expect(fix).toBeVisible();
  // The button stays inside the field's column and widens nothing.
  const box = await fix.boundingBox();
  const column = await page.locator('.feld', { has: name }).boundingBox();
  expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(widthBefore);
  await page.locator('#feld-kommune_name').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('names-320.png'), fullPage: false });
  await fix.click();
  await expect(name).toHaveValue('Gotha');
});
