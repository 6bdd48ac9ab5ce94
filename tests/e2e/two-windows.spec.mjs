// Issue 27: two windows type at the same moment. Each repetition holds both windows' autosave
// timers and releases them together, so both saves run within the same few milliseconds, each
// on a localStorage view that has not yet seen the other's write: the race of the report, every
// time instead of one run in three. No fixed waits: each repetition waits on the stored record
// and on what both screens show.
import { test, expect } from './fixtures.mjs';
import { draftRecord, holdAutosave, notice, oneDraftInTwoTabs, releaseAutosave } from './pages.mjs';

const REPETITIONS = 20;
const CONFLICT = 'In einem anderen Fenster geändert';

/** Both tabs type, then both autosaves start at the same moment. */
async function typeAtOnce(a, b) {
  await Promise.all([holdAutosave(a.w.page), holdAutosave(b.w.page)]);
  await Promise.all([a.w.fillText(a.label, a.value), b.w.fillText(b.label, b.value)]);
  await Promise.all([releaseAutosave(a.w.page), releaseAutosave(b.w.page)]);
}

/** The answer `field` as each tab reads the stored record. */
async function storedIn(pages, id, field) {
  return Promise.all(pages.map(async (p) => (await draftRecord(p, id))?.draft.answers[field]?.text ?? null));
}

test('zwei Fenster tippen gleichzeitig in verschiedene Angaben: beide Änderungen bleiben gespeichert und in beiden Fenstern sichtbar, ohne Rückfrage (20-mal)', async ({ context }) => {
  test.setTimeout(120_000);
  const { p1, p2, w1, w2, id } = await oneDraftInTwoTabs(context, 'Gotha');
  for (let i = 1; i <= REPETITIONS; i++) {
    const street = `Amtsweg ${i}`;
    const town = `Gotha-Siebleben ${i}`;
    await typeAtOnce({ w: w1, label: 'Straße und Hausnummer', value: street }, { w: w2, label: 'Ort', value: town });
    // Both edits end up in the record, whichever tab reads it …
    await expect.poll(() => storedIn([p1, p2], id, 'strasse'), { message: `Wiederholung ${i}: Straße gespeichert` }).toEqual([street, street]);
    await expect.poll(() => storedIn([p1, p2], id, 'ort'), { message: `Wiederholung ${i}: Ort gespeichert` }).toEqual([town, town]);
    // … and on both screens, and nobody was asked.
    for (const w of [w1, w2]) {
      await expect(w.field('Straße und Hausnummer'), `Wiederholung ${i}`).toHaveValue(street);
      await expect(w.field('Ort'), `Wiederholung ${i}`).toHaveValue(town);
      await expect(w.saveStatus, `Wiederholung ${i}`).toContainText('Gespeichert');
    }
    await expect(notice(p1, CONFLICT)).toHaveCount(0);
    await expect(notice(p2, CONFLICT)).toHaveCount(0);
  }
  // Still both after a reload.
  await p1.reload();
  await expect(w1.field('Straße und Hausnummer')).toHaveValue(`Amtsweg ${REPETITIONS}`);
  await expect(w1.field('Ort')).toHaveValue(`Gotha-Siebleben ${REPETITIONS}`);
});

test('zwei Fenster tippen gleichzeitig in dieselbe Angabe: ein Fenster fragt und behält seinen Text, die andere Fassung ist einen Klick entfernt (5-mal)', async ({ context }) => {
  test.setTimeout(120_000);
  const { p1, p2, w1, w2, id } = await oneDraftInTwoTabs(context, 'Greiz');
  const label = 'Straße und Hausnummer';
  for (let i = 1; i <= 5; i++) {
    const mine = [`Markt ${i}`, `Dr.-Rathenau-Platz ${i}`];
    await typeAtOnce({ w: w1, label, value: mine[0] }, { w: w2, label, value: mine[1] });
    // Exactly one tab asks: the one whose write the other replaced.
    const asks = [notice(p1, CONFLICT), notice(p2, CONFLICT)];
    await expect.poll(async () => (await asks[0].count()) + (await asks[1].count()), { message: `Wiederholung ${i}` }).toBe(1);
    const asking = (await asks[0].count()) === 1 ? 0 : 1;
    const other = 1 - asking;
    const [wa, wo] = [[w1, w2][asking], [w1, w2][other]];
    // The asking tab keeps its text and says it is not stored; the record and the other tab
    // hold the other text.
    await expect(wa.field(label)).toHaveValue(mine[asking]);
    await expect(wa.saveStatus).toHaveText('Nicht gespeichert – bitte als Datei sichern');
    await expect(asks[asking]).toContainText('Straße und Hausnummer');
    await expect.poll(() => storedIn([p1, p2], id, 'strasse')).toEqual([mine[other], mine[other]]);
    await expect(wo.field(label)).toHaveValue(mine[other]);
    if (i % 2) {
      // "Andere Fassung laden": the other text, one click away.
      await asks[asking].getByRole('button', { name: 'Andere Fassung laden' }).click();
      await expect(wa.field(label)).toHaveValue(mine[other]);
      await expect.poll(() => storedIn([p1, p2], id, 'strasse')).toEqual([mine[other], mine[other]]);
    } else {
      // "Meine Fassung behalten": stored, and the other tab takes it.
      await asks[asking].getByRole('button', { name: 'Meine Fassung behalten' }).click();
      await expect.poll(() => storedIn([p1, p2], id, 'strasse')).toEqual([mine[asking], mine[asking]]);
      await expect(wo.field(label)).toHaveValue(mine[asking]);
    }
    await expect(asks[asking]).toHaveCount(0);
    await expect(wa.saveStatus).toContainText('Gespeichert');
  }
});
