// Makes docs/screenshot.png for the README: step 1 partly filled, the preview with gaps.
//   node tests/e2e/screenshot.mjs   (after scripts/test or a build of dist/)
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';
import { pinClock } from './fixtures.mjs';

const server = await serve({ root: 'dist', port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
await pinClock(context);
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.getByRole('button', { name: 'Neue Vereinbarung beginnen' }).click();
await page.getByRole('button', { name: 'Mit dieser Vorlage beginnen: Kooperationsvereinbarung IKPE – Kommune' }).click();
await page.getByLabel('Name der Kommune').fill('Sömmerda');
await page.getByLabel('Straße und Hausnummer', { exact: true }).fill('Bahnhofstraße 9');
await page.getByLabel('PLZ', { exact: true }).fill('9961');
await page.getByLabel('PLZ', { exact: true }).blur();
await page.getByRole('radio', { name: 'Herr' }).check();
await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
// Wait for what the picture shows, not for a fixed time: saved, fonts loaded, the PLZ message.
await page.getByTestId('speicherstatus').filter({ hasText: 'Gespeichert' }).waitFor();
await page.locator('.kern-error').first().waitFor();
await page.evaluate(() => document.fonts.ready);
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
server.close();
