// Firefox ESR (issue 25): messages under a field while typing, a reload that keeps the draft,
// and the app offline after the first visit (its service worker serves it, the export too).
// Run by scripts/test beside ikpe.test.mjs: node --test tests/e2e/firefox/*.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { PINNED_DAY } from '../fixtures.mjs';
import { docxText, keepExport } from '../pages.mjs';
import { serveDist, useFirefox } from './firefox.mjs';
import { StartPage, WizardPage, textOf, until, untilGone, untilValue } from './pages.mjs';

const fx = useFirefox();
const inContext = (journey, options) => fx.inContext(({ page, downloads, base }) => journey({ page, downloads, w: new WizardPage(page, base), start: new StartPage(page, base) }), options);

/** The input is marked invalid and described by the message element `messageId` saying `text`. */
async function expectInvalid(page, input, messageId, text) {
  await until(page, input, (el) => el.getAttribute('aria-invalid') === 'true', 'aria-invalid="true"');
  const described = await input.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/));
  assert.ok(described.includes(messageId), `aria-describedby „${described.join(' ')}“ nennt ${messageId}`);
  const message = await page.waitForSelector(`#${messageId}`);
  assert.ok((await textOf(message)).includes(text), `#${messageId} sagt „${text}“: „${await textOf(message)}“`);
}

test('a wrong postcode and e-mail address get a message under the field once left, which follows every keystroke', async () => {
  await inContext(async ({ page, w }) => {
    await w.startNew();
    const plz = await w.type('PLZ', '123');
    await page.keyboard.press('Tab');
    await expectInvalid(page, plz, 'feld-plz-fehler', 'Die Postleitzahl hat fünf Ziffern');
    // Once shown, the message follows the typing: two more digits and it is gone.
    await plz.click();
    await page.keyboard.press('End');
    await plz.type('45');
    await untilGone(page, '#feld-plz-fehler');
    await until(page, plz, (el) => el.getAttribute('aria-invalid') !== 'true', 'PLZ nicht mehr als ungültig markiert');

    await w.gotoStep(5);
    const email = await w.type('E-Mail', 'petra.sommer@', await w.contact('prozess', 1));
    await page.keyboard.press('Tab');
    const id = await email.evaluate((el) => el.id);
    await expectInvalid(page, email, `${id}-fehler`, 'E-Mail');
    await email.click();
    await page.keyboard.press('End');
    await email.type('lra-soemmerda.de');
    await untilGone(page, `#${id}-fehler`);
    await w.untilPreview('petra.sommer@lra-soemmerda.de');
  });
});

const BEREICHE = 'Bereiche der Präventionskette';

test('reload keeps the step and every answer', async () => {
  await inContext(async ({ page, w }) => {
    await w.startNew();
    await w.choose('Art der Kommune', 'Landkreis');
    await w.fill('Name der Kommune', 'Sömmerda');
    await w.fill('PLZ', '99610');
    await w.gotoStep(4);
    await w.check('Kinder- und Jugendhilfe', BEREICHE);
    await w.check('Gesundheit', BEREICHE);
    await w.gotoStep(5);
    await w.fillContact('prozess', 1, { name: 'Petra Sommer', email: 'petra@example.de' });
    await w.waitSaved();
    const url = page.url();

    await page.reload();
    assert.equal(page.url(), url);
    await w.expectStep(5);
    const contact = await w.contact('prozess', 1);
    await untilValue(page, await w.field('Name', contact), 'Petra Sommer');
    await untilValue(page, await w.field('E-Mail', contact), 'petra@example.de');
    await w.gotoStep(4);
    assert.equal(await w.isChecked('Kinder- und Jugendhilfe', BEREICHE), true);
    assert.equal(await w.isChecked('Gesundheit', BEREICHE), true);
    assert.equal(await w.isChecked('Bildung', BEREICHE), false);
    await w.gotoStep(1);
    await untilValue(page, await w.field('Name der Kommune'), 'Sömmerda');
    await untilValue(page, await w.field('PLZ'), '99610');
    await w.untilPreview('und dem Landkreis Sömmerda,');
  });
});

test('offline after the first visit: the service worker starts the app, a reload at a deep address works, the export too', async () => {
  // A server of its own (an origin of its own) that the journey takes away.
  const own = await serveDist();
  let closed = false;
  try {
    await inContext(
      async ({ page, downloads, w, start }) => {
        await start.goto();
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        await own.close();
        closed = true;
        await page.reload();
        await start.heading();
        await (await w.button('Neue Vereinbarung beginnen')).click();
        await (await w.button('Mit dieser Vorlage beginnen: Kooperationsvereinbarung IKPE – Kommune')).click();
        await w.expectStep(1);
        await w.choose('Art der Kommune', 'Landkreis');
        await w.type('Name der Kommune', 'Greiz');
        await w.untilPreview('und dem Landkreis Greiz,');
        await w.waitSaved();
        await page.reload();
        await w.expectStep(1);
        await untilValue(page, await w.field('Name der Kommune'), 'Greiz');
        await w.gotoStep(7);
        const docx = await w.download(fx.browser(), downloads, 'Word-Datei herunterladen (.docx)');
        assert.equal(docx.suggestedFilename, `Kooperationsvereinbarung_IKPE_Greiz_${PINNED_DAY}.docx`);
        await keepExport(docx.path);
        assert.ok(docxText(await readFile(docx.path)).text.includes('des Landkreises Greiz'));
      },
      { base: own.url },
    );
  } finally {
    if (!closed) await own.close();
  }
});
