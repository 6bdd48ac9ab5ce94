// The suite runs on a pinned clock (fixtures.mjs): the app's "today" is the pinned day, so the
// default "Gültig bis 31.12.2028" stays valid whatever day the tests run. The second test shows
// what the pinning protects against: on a later clock the same default is rejected.
import { test, expect, PINNED_DAY, pinClock } from './fixtures.mjs';
import { WizardPage } from './pages.mjs';

test('the app runs on the pinned day, and the default end date is accepted', async ({ page }) => {
  const w = new WizardPage(page);
  await w.startNew();
  expect(await page.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' }))).toBe(PINNED_DAY);
  await w.gotoStep(6);
  await expect(w.field('Gültig bis')).toHaveValue('31.12.2028');
  await w.field('Gültig bis').focus();
  await w.field('Gültig bis').blur();
  await expect(page.getByText('Das Datum muss nach dem heutigen Tag')).toHaveCount(0);
  await expect(w.field('Gültig bis')).not.toHaveAttribute('aria-invalid', 'true');
});

test('on a clock after 2028 the same default is rejected: why the suite pins its clock', async ({ browser }) => {
  const context = await browser.newContext();
  await pinClock(context);
  await context.clock.setSystemTime(new Date('2029-01-02T09:00:00+01:00'));
  const page = await context.newPage();
  const w = new WizardPage(page);
  await w.startNew();
  await w.gotoStep(6);
  await w.field('Gültig bis').focus();
  await w.field('Gültig bis').blur();
  await expect(page.getByText('Das Datum muss nach dem heutigen Tag (02.01.2029) liegen.')).toBeVisible();
  await expect(w.field('Gültig bis')).toHaveAttribute('aria-invalid', 'true');
  await context.close();
});
