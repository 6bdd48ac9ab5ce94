// Firefox ESR (issue 25), as many German administrations run it: a new IKPE agreement through
// review, its DOCX, ODT and draft-file downloads and their text, both files opened again in
// another profile (file dialog), and every step of both templates at 320 px. Run by
// scripts/test beside draft.test.mjs: node --test tests/e2e/firefox/*.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { PINNED_DAY } from '../fixtures.mjs';
import { SOEMMERDA, DRAFT_PREFIX, docxText, keepExport, squash } from '../pages.mjs';
import { useFirefox } from './firefox.mjs';
import { StartPage, WizardPage, aria, draftRecord, untilText, untilValue } from './pages.mjs';

const fx = useFirefox();
const inContext = (journey, options) => fx.inContext(({ page, downloads, base }) => journey({ page, downloads, w: new WizardPage(page, base), start: new StartPage(page, base) }), options);

/** Asserts that `needles` occur in `haystack` in this order. */
function assertInOrder(haystack, needles) {
  let from = 0;
  for (const n of needles) {
    const at = haystack.indexOf(n, from);
    assert.ok(at >= 0, `„${n}“ fehlt (ab Position ${from}) in: ${haystack.slice(from, from + 400)}`);
    from = at + n.length;
  }
}

/** Goes through the seven steps with "Weiter" like a user; the Kommune's name typed key by key. */
async function completeIkpe(w, k) {
  await w.startNew();
  await w.choose('Art der Kommune', k.art);
  await w.type('Name der Kommune', k.name);
  // Known Thuringian names fill in the seat, the function follows the form of address.
  await untilValue(w.page, await w.field('Ort'), k.name);
  await w.fill('Straße und Hausnummer', k.strasse);
  await w.fill('PLZ', k.plz);
  await w.choose('Vertreten durch: Anrede', k.anrede);
  await untilValue(w.page, await w.field('Vertreten durch: Funktion'), k.funktion);
  await w.fill('Vertreten durch: Vor- und Nachname', k.vertreter);
  await w.fill('Vertragsnummer – optional', k.nummer);
  await untilText(w.page, await w.page.waitForSelector('[data-testid=offen]'), 'In diesem Schritt ist alles ausgefüllt.');
  for (const n of [2, 3, 4]) await w.nextTo(n);
  for (const b of k.bereiche) await w.check(b, 'Bereiche der Präventionskette');
  await w.nextTo(5);
  await w.fillContact('prozess', 1, k.prozess);
  await w.fillContact('strategie', 1, k.strategie);
  await w.nextTo(6);
  await untilValue(w.page, await w.field('Gültig bis'), '31.12.2028');
  await w.nextTo(7);
  await w.page.waitForSelector('::-p-text(Die Vereinbarung ist vollständig.)');
  await untilText(w.page, await w.preview(), 'Alle Angaben sind eingesetzt.');
}

test('IKPE: a new draft through review; DOCX, ODT and the draft file download with their text; both open again in another profile', async () => {
  // The files travel to the other profile from here (each context's download folder goes with it).
  const carry = await mkdtemp(join(tmpdir(), 'koop-ff-files-'));
  const keep = async (path) => {
    const to = join(carry, basename(path));
    await copyFile(path, to);
    return to;
  };
  try {
    const files = await inContext(async ({ page, downloads, w }) => {
      await completeIkpe(w, SOEMMERDA);
      const id = w.draftId();
      await untilText(page, await w.preview(), 'vertreten durch den Landrat, Herrn Christian Meyer');
      assert.equal(await page.$('.pruefen__fehler'), null, 'die Prüfseite meldet keine offenen Angaben');

      // Word: named after the Kommune and the pinned day, with the agreement's text.
      const docx = await w.download(fx.browser(), downloads, 'Word-Datei herunterladen (.docx)');
      assert.equal(docx.suggestedFilename, `Kooperationsvereinbarung_IKPE_Soemmerda_${PINNED_DAY}.docx`);
      await w.exportStatus(`„${docx.suggestedFilename}“ wurde erstellt`);
      await keepExport(docx.path);
      const word = docxText(await readFile(docx.path));
      assertInOrder(word.text, [
        'und dem Landkreis Sömmerda,',
        'Bahnhofstraße 9, 99610 Sömmerda,',
        'vertreten durch den Landrat, Herrn Christian Meyer',
        'Nr.: PK 7/2026',
        'zwischen den Bereichen Kinder- und Jugendhilfe und Gesundheit kennzeichnet',
        'Petra Sommer, Sozialplanung, petra.sommer@lra-soemmerda.de, Tel. 03634 354-0',
        'bis zum 31.12.2028 gültig.',
        'Christian Meyer, Landrat',
      ]);
      assert.equal(word.header, 'Kooperationsvereinbarung IKPE – Landkreis Sömmerda');
      assert.ok(!word.text.includes('ENTWURF'), 'keine Entwurfsmarke im fertigen Dokument');

      // OpenDocument: the same agreement.
      const odt = await w.download(fx.browser(), downloads, 'OpenDocument-Text (.odt)');
      assert.equal(odt.suggestedFilename, `Kooperationsvereinbarung_IKPE_Soemmerda_${PINNED_DAY}.odt`);
      await keepExport(odt.path);
      const parts = unzipSync(new Uint8Array(await readFile(odt.path)));
      assert.equal(strFromU8(parts.mimetype), 'application/vnd.oasis.opendocument.text');
      const content = squash(strFromU8(parts['content.xml']).replace(/<[^>]+>/g, ' '));
      for (const s of ['und dem Landkreis Sömmerda,', 'vertreten durch den Landrat, Herrn Christian Meyer', 'Dr. Jan Hofmann, Dezernat Soziales']) {
        assert.ok(content.includes(s), `ODT enthält „${s}“`);
      }
      assert.ok(!content.includes('ENTWURF'), 'keine Entwurfsmarke in der ODT-Datei');

      // The draft file: the stored record.
      await w.waitSaved();
      const stored = await draftRecord(page, id);
      const tools = await page.waitForSelector('.wizard__werkzeuge');
      const backup = await w.download(fx.browser(), downloads, 'Als Datei sichern', tools);
      assert.equal(backup.suggestedFilename, `Entwurf_IKPE_Landkreis_Soemmerda_${PINNED_DAY}.json`);
      const json = JSON.parse(await readFile(backup.path, 'utf8'));
      assert.equal(json.format, stored.format);
      assert.equal(json.draft.id, id);
      assert.deepEqual(json.draft.answers, stored.draft.answers);
      return { answers: stored.draft.answers, docx: await keep(docx.path), backup: await keep(backup.path) };
    });

    // Another profile (a colleague's PC): both files open again with every answer.
    await inContext(async ({ page, start, w }) => {
      await start.goto();
      await start.importFile(files.backup);
      await untilText(page, await start.status(), '„IKPE – Landkreis Sömmerda“ wurde importiert.');
      assert.deepEqual(await start.draftNames(), ['IKPE – Landkreis Sömmerda']);

      await start.importFile(files.docx);
      const panel = await page.waitForSelector('[data-testid=datei-pruefen]');
      const stem = `Kooperationsvereinbarung_IKPE_Soemmerda_${PINNED_DAY}`;
      await untilText(page, panel, 'Alle Angaben stimmen mit diesem Entwurf überein.');
      await (await panel.waitForSelector(aria('button', 'Als neuen Entwurf übernehmen'))).click();
      await untilText(page, await start.status(), `„${stem}“ wurde als neuer Entwurf angelegt.`);
      const stored = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => JSON.parse(localStorage.getItem(k)).draft), DRAFT_PREFIX);
      assert.equal(stored.length, 2);
      for (const d of stored) assert.deepEqual(d.answers, files.answers, `Angaben von „${d.name ?? d.id}“`);

      await start.openDraft(stem);
      await w.expectStep(1);
      await untilValue(page, await w.field('Name der Kommune'), 'Sömmerda');
      await w.gotoStep(5);
      await untilValue(page, await w.field('E-Mail', await w.contact('strategie', 1)), SOEMMERDA.strategie.email);
    });
  } finally {
    await rm(carry, { recursive: true, force: true });
  }
});

/** How far the page reaches past the viewport, and the innermost elements that stick out. */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticking = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5) continue;
      if (![...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5)) {
        sticking.push(`${el.tagName.toLowerCase()}.${el.className} „${(el.textContent ?? '').trim().slice(0, 30)}“ → ${Math.round(r.right)} px`);
      }
    }
    return { extra: Math.max(0, document.documentElement.scrollWidth - width), sticking: sticking.slice(0, 8) };
  });
}

/** Waits until the page fits its width (layout may settle after a step change); else names the culprits. */
async function expectReflow(page, where) {
  try {
    await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, { timeout: 5_000 });
  } catch {
    assert.fail(`${where}: scrollt bei 320 px seitwärts: ${JSON.stringify(await overflow(page))}`);
  }
  assert.deepEqual(await overflow(page), { extra: 0, sticking: [] }, `${where}: bei 320 px`);
}

test('at 320 px, with Firefox’s scrollbar beside the page, no page and no step of either template scrolls sideways', async () => {
  await inContext(
    async ({ page, w, start }) => {
      await start.goto();
      await expectReflow(page, 'Startseite');
      for (const template of ['Kooperationsvereinbarung IKPE – Kommune', 'Kooperationsvereinbarung Sozialraum (§§ 11–14, 16 SGB VIII)']) {
        await start.goto();
        await (await w.button('Neue Vereinbarung beginnen')).click();
        await (await w.button(`Mit dieser Vorlage beginnen: ${template}`)).click();
        await w.expectStep(1, { title: null });
        await expectReflow(page, `${template}, Schritt 1`);
        for (let n = 2; n <= 7; n += 1) {
          await w.gotoStep(n, { title: null });
          await expectReflow(page, `${template}, Schritt ${n}`);
        }
      }
    },
    { viewport: { width: 320, height: 720 } },
  );
});
