// Hostile input in the browser: markup typed into fields shows as text everywhere (preview,
// review, draft list, titles) and nothing of it runs.
import { test, expect } from './fixtures.mjs';
import { WizardPage, StartPage } from './pages.mjs';

const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  "javascript:window.__xss=4//'",
  '{{7*7}} ${7*7} <b>fett</b> &amp; &lt;',
];

test('markup typed into every kind of field shows as text and never runs', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const w = new WizardPage(page);
  await w.startNew();
  await w.choose('Art der Kommune', 'Landkreis');
  await w.fillText('Name der Kommune', XSS[0]);
  await w.fillText('Straße und Hausnummer', XSS[1]);
  await w.fillText('Ort', XSS[2]);
  await w.choose('Vertreten durch: Anrede', 'Frau');
  await w.fillText('Vertreten durch: Vor- und Nachname', XSS[3]);
  await w.gotoStep(5);
  await w.fillContact('prozess', 1, { name: XSS[4], funktion: XSS[0] });
  const preview = w.preview;
  await expect(preview).toContainText(`und dem Landkreis ${XSS[0]},`);
  await expect(preview).toContainText(XSS[1]);
  await expect(preview).toContainText(`vertreten durch die Landrätin, Frau ${XSS[3]}`);
  await expect(preview).toContainText(XSS[4]);
  // Nothing became an element.
  await expect(page.locator('[data-testid=vorschau] img, [data-testid=vorschau] svg, [data-testid=vorschau] script, [data-testid=vorschau] b')).toHaveCount(0);
  await expect(page.locator('h1#seitentitel')).toHaveText(`IKPE – Landkreis ${XSS[0]}`);
  await w.gotoStep(7);
  await expect(page.locator('.kern-description-list').first()).toContainText(XSS[1]);
  await page.getByRole('link', { name: 'Zur Übersicht „Meine Entwürfe“' }).click();
  await expect(new StartPage(page).drafts.first()).toContainText(`IKPE – Landkreis ${XSS[0]}`);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
