// Drafts are never lost: autosave and flush, several drafts side by side, draft files (export,
// import, refused imports), quarantine of unreadable records, rename/duplicate/delete with undo,
// two tabs on one draft, "delete all", blocked storage and a full quota, accessibility of the
// start screen with all its states. Each test runs in a fresh browser context (own localStorage).
import { test, expect, PINNED_DAY } from './fixtures.mjs';
import { writeFile } from 'node:fs/promises';
import { StartPage, WizardPage, APP_PREFIX, DRAFT_PREFIX, axeViolations, docxText, draftRecord, heldAutosaves, holdAutosave, installAutosaveHold, releaseAutosave, autosaveRan, notice, oneDraftInTwoTabs, plantStorage, saveDownload, storageSnapshot, SOEMMERDA } from './pages.mjs';

const FORMAT = 'koop-assistent/entwurf';

/** The day the pinned clock shows (fixtures.mjs). */
function today() {
  return PINNED_DAY;
}

/**
 * Waits until the save status says "Gespeichert" (like WizardPage.waitSaved, but checked on
 * every frame instead of expect's growing intervals: the autosave comes 400 ms after a change).
 */
async function saved(w) {
  await w.page.waitForFunction(() => /^Gespeichert/.test(document.querySelector('[data-testid=speicherstatus]')?.textContent ?? ''), null, { timeout: 5_000 });
}

/** Starts a draft, sets the name of the Kommune, waits for the save; returns its id. */
async function newDraftNamed(w, kommune) {
  await w.startNew();
  await w.fillText('Name der Kommune', kommune);
  await saved(w);
  return w.draftId();
}

/** A snapshot without the keys of `drop`. */
function without(snapshot, ...drop) {
  return Object.fromEntries(Object.entries(snapshot).filter(([k]) => !drop.includes(k)));
}


test.describe('Automatisch speichern', () => {
  test('Neu laden stellt alle Angaben und den Schritt aus der Adresse wieder her (mit Messung der Speicherdauer)', async ({ page }) => {
    const w = new WizardPage(page);
    await w.startNew();
    const id = w.draftId();
    await w.fillComplete(SOEMMERDA);
    await w.gotoStep(3);
    await w.fillText('Beratungskontakte mindestens alle … Monate', '3');
    await w.uncheck('telefonisch');
    await w.gotoStep(5);
    await saved(w);
    const record = await draftRecord(page, id);
    expect(record.format).toBe(FORMAT);
    expect(record.schema).toEqual(expect.any(Number));
    expect(record.draft.answers.kommune_name).toEqual({ text: 'Sömmerda' });
    expect(record.draft.answers.beratung_monate).toEqual({ text: '3' });
    // Measured, not asserted: the duration of the last autosave (complete draft).
    const ms = await page.evaluate(() => document.documentElement.dataset.saveMs);
    expect(ms).toMatch(/^\d+\.\d{3}$/);
    console.log(`Autosave eines vollständigen Entwurfs (${Buffer.byteLength(JSON.stringify(record))} Byte): ${ms} ms (data-save-ms)`);

    await page.reload();
    await w.expectStep(5);
    expect(w.draftId()).toBe(id);
    await expect(w.field('Name', w.contact('prozess', 1))).toHaveValue('Petra Sommer');
    await expect(w.field('Telefon – optional', w.contact('prozess', 1))).toHaveValue('03634 354-0');
    await expect(w.field('E-Mail', w.contact('strategie', 1))).toHaveValue('jan.hofmann@lra-soemmerda.de');
    await w.gotoStep(3);
    await expect(w.field('Beratungskontakte mindestens alle … Monate')).toHaveValue('3');
    await expect(page.getByRole('checkbox', { name: 'telefonisch', exact: true })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Videokonferenz', exact: true })).toBeChecked();
    await w.gotoStep(4);
    await expect(page.getByRole('checkbox', { name: 'Kinder- und Jugendhilfe' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Bildung' })).not.toBeChecked();
    await w.gotoStep(1);
    await expect(w.group('Art der Kommune').getByRole('radio', { name: 'Landkreis' })).toBeChecked();
    await expect(w.group('Vertreten durch: Anrede').getByRole('radio', { name: 'Herr' })).toBeChecked();
    await expect(w.field('Name der Kommune')).toHaveValue('Sömmerda');
    await expect(w.field('Straße und Hausnummer')).toHaveValue('Bahnhofstraße 9');
    await expect(w.field('PLZ')).toHaveValue('99610');
    await expect(w.field('Vertragsnummer – optional')).toHaveValue('PK 7/2026');
    await w.gotoStep(7);
    await expect(page.getByText('Die Vereinbarung ist vollständig.')).toBeVisible();
    // Reloading and looking wrote nothing new: the record is the same.
    expect(await draftRecord(page, id)).toEqual(record);
  });

  test('die letzte Eingabe ist nach dem Schließen der Seite da, auch ohne die Wartezeit des Autosave', async ({ context }) => {
    // The 400 ms autosave timer is held back in these pages: only the flush on pagehide can
    // bring the last keystrokes into the storage.
    await installAutosaveHold(context);
    const page = await context.newPage();
    const w = new WizardPage(page);
    const id = await newDraftNamed(w, 'Weimarer Land');
    const url = page.url();

    await holdAutosave(page);
    await w.fillText('Straße und Hausnummer', 'Bahnhofstraße 28');
    await expect(w.saveStatus).toHaveText('Wird gespeichert …');
    expect(await heldAutosaves(page), 'der Autosave wartet').toBe(1);
    expect((await draftRecord(page, id)).draft.answers.strasse, 'vor dem Schließen noch nicht gespeichert').toBeUndefined();
    // Closing the tab (with its unload handlers, as a user closing it).
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;

    const page2 = await context.newPage();
    const w2 = new WizardPage(page2);
    await page2.goto(url);
    await w2.expectStep(1);
    await expect(w2.field('Straße und Hausnummer')).toHaveValue('Bahnhofstraße 28');
    await expect(w2.field('Name der Kommune')).toHaveValue('Weimarer Land');

    // Navigating away in the same tab flushes as well.
    await holdAutosave(page2);
    await w2.fillText('PLZ', '99510');
    expect(await heldAutosaves(page2)).toBe(1);
    expect((await draftRecord(page2, id)).draft.answers.plz).toBeUndefined();
    await page2.goto('about:blank');
    await page2.goto(url);
    await expect(w2.field('PLZ')).toHaveValue('99510');
    await expect(w2.field('Straße und Hausnummer')).toHaveValue('Bahnhofstraße 28');
  });
});

test.describe('Meine Entwürfe', () => {
  test('zwei Entwürfe bleiben getrennt', async ({ page }) => {
    const w = new WizardPage(page);
    const start = new StartPage(page);
    const gotha = await newDraftNamed(w, 'Gotha');
    await w.toOverview();
    const jena = await newDraftNamed(w, 'Jena');
    expect(jena).not.toBe(gotha);
    await w.toOverview();

    await expect(start.drafts).toHaveCount(2);
    // Newest first.
    await expect(start.draftLinks).toHaveText(['IKPE – Stadt Jena', 'IKPE – Landkreis Gotha']);
    expect((await draftRecord(page, gotha)).draft.answers.kommune_name).toEqual({ text: 'Gotha' });
    expect((await draftRecord(page, jena)).draft.answers.kommune_name).toEqual({ text: 'Jena' });

    await start.openDraft('IKPE – Landkreis Gotha');
    expect(w.draftId()).toBe(gotha);
    await expect(w.field('Name der Kommune')).toHaveValue('Gotha');
    await expect(w.field('Ort')).toHaveValue('Gotha');
    await expect(w.preview).toContainText('und dem Landkreis Gotha');
    await w.fillText('Straße und Hausnummer', '18.-März-Straße 50');
    await saved(w);
    await w.toOverview();

    await start.openDraft('IKPE – Stadt Jena');
    expect(w.draftId()).toBe(jena);
    await expect(w.field('Name der Kommune')).toHaveValue('Jena');
    await expect(w.field('Straße und Hausnummer')).toHaveValue('');
    await expect(w.preview).toContainText('und der Stadt Jena');
    expect((await draftRecord(page, jena)).draft.answers.strasse).toBeUndefined();
    expect((await draftRecord(page, gotha)).draft.answers.strasse).toEqual({ text: '18.-März-Straße 50' });
  });

  test('umbenennen und duplizieren; die Kopie ist unabhängig', async ({ page }) => {
    const w = new WizardPage(page);
    const start = new StartPage(page);
    const id = await newDraftNamed(w, 'Nordhausen');
    await w.toOverview();
    await expect(start.drafts).toHaveCount(1);

    // Cancelling changes nothing and returns focus to the button.
    const input = await start.openRename('IKPE – Landkreis Nordhausen');
    await expect(input).toHaveValue('IKPE – Landkreis Nordhausen');
    await input.fill('Verworfen');
    await start.draft('IKPE – Landkreis Nordhausen').getByRole('button', { name: 'Abbrechen' }).click();
    await expect(start.draftButton('IKPE – Landkreis Nordhausen', 'Umbenennen')).toBeFocused();
    expect((await draftRecord(page, id)).draft.name).toBeNull();

    await start.rename('IKPE – Landkreis Nordhausen', 'Nordhausen 2026');
    await expect(page.getByTestId('ansage')).toHaveText('Der Entwurf wurde umbenannt.');
    await expect(start.draftLinks).toHaveText(['Nordhausen 2026']);
    expect((await draftRecord(page, id)).draft.name).toBe('Nordhausen 2026');
    await page.reload();
    await expect(start.draftLinks).toHaveText(['Nordhausen 2026']);

    await start.duplicate('Nordhausen 2026');
    await expect(start.drafts).toHaveCount(2);
    await expect(start.draftLinks).toHaveText(['Nordhausen 2026 (Kopie)', 'Nordhausen 2026']);
    const keys = Object.keys(await storageSnapshot(page)).filter((k) => k.startsWith(DRAFT_PREFIX));
    expect(keys).toHaveLength(2);
    const copyId = keys.map((k) => k.slice(DRAFT_PREFIX.length)).find((k) => k !== id);
    const copy = await draftRecord(page, copyId);
    const original = await draftRecord(page, id);
    expect(copy.draft.answers).toEqual(original.draft.answers);
    expect(copy.draft.name).toBe('Nordhausen 2026 (Kopie)');

    // Changing the copy leaves the original alone.
    await start.openDraft('Nordhausen 2026 (Kopie)');
    expect(w.draftId()).toBe(copyId);
    await expect(w.page.locator('#seitentitel')).toHaveText('Nordhausen 2026 (Kopie)');
    await expect(w.field('Name der Kommune')).toHaveValue('Nordhausen');
    await w.fillText('Name der Kommune', 'Sonneberg');
    await saved(w);
    await w.toOverview();
    expect(await draftRecord(page, id)).toEqual(original);
    expect((await draftRecord(page, copyId)).draft.answers.kommune_name).toEqual({ text: 'Sonneberg' });
    await start.openDraft('Nordhausen 2026');
    await expect(w.field('Name der Kommune')).toHaveValue('Nordhausen');
  });

  test('„Alle Daten löschen“ fragt nach, „Abbrechen“ behält alles, Bestätigen löscht nur Daten des Koop-Assistenten', async ({ page }) => {
    const w = new WizardPage(page);
    const start = new StartPage(page);
    await newDraftNamed(w, 'Suhl');
    await w.toOverview();
    await start.duplicate('IKPE – Stadt Suhl');
    await plantStorage(page, { 'andere-app.x': 'bleibt', 'koop-assistent.einstellung': 'weg' });
    const before = await storageSnapshot(page);
    expect(Object.keys(before).filter((k) => k.startsWith(APP_PREFIX))).toHaveLength(3);

    await start.deleteAllButton.click();
    await expect(start.deleteAllDialog).toBeVisible();
    await expect(page.locator('#alles-loeschen-frage')).toBeFocused();
    await expect(start.deleteAllDialog).toContainText('Das kann nicht rückgängig gemacht werden.');
    await start.deleteAllDialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(start.deleteAllDialog).toHaveCount(0);
    expect(await storageSnapshot(page)).toEqual(before);
    await expect(start.drafts).toHaveCount(2);

    await start.deleteAllButton.click();
    await start.deleteAllConfirm.click();
    await expect(start.status).toHaveText('Alle Daten des Koop-Assistenten auf diesem Gerät wurden gelöscht (3 Einträge).');
    await expect(start.drafts).toHaveCount(0);
    await expect(start.empty).toBeVisible();
    expect(await storageSnapshot(page)).toEqual({ 'andere-app.x': 'bleibt' });
    await page.reload();
    await expect(start.empty).toBeVisible();
  });
});

test.describe('Entwurfsdateien', () => {
  test('sichern, löschen (mit Rückgängig), wieder laden; ein zweiter Import wird eine Kopie', async ({ page }, testInfo) => {
    const w = new WizardPage(page);
    const start = new StartPage(page);
    await w.startNew();
    const id = w.draftId();
    await w.choose('Art der Kommune', 'Landkreis');
    await w.fillText('Name der Kommune', 'Sömmerda');
    await w.fillText('PLZ', '99610');
    await w.gotoStep(4);
    await w.check('Bildung');
    await w.check('Gesundheit');
    await w.gotoStep(5);
    await w.fillContact('prozess', 1, { name: 'Petra Sommer', email: 'petra.sommer@example.de' });
    await saved(w);
    const answers = (await draftRecord(page, id)).draft.answers;

    const file = await w.backupDraft(testInfo.outputPath());
    expect(file.suggestedFilename).toBe(`Entwurf_IKPE_Landkreis_Soemmerda_${today()}.json`);
    await expect(page.getByTestId('ansage')).toHaveText(`„${file.suggestedFilename}“ wurde gespeichert.`);
    const json = JSON.parse(file.text);
    expect(json.format).toBe(FORMAT);
    // The file is the record (same format and schema version), pretty-printed.
    expect(json.schema).toBe((await draftRecord(page, id)).schema);
    expect(file.text).toContain('\n  "draft": {');
    expect(json.draft.template).toBe('ikpe');
    expect(json.draft.id).toBe(id);
    expect(json.draft.answers).toEqual(answers);
    // The backup is noted with the draft.
    await saved(w);
    const noted = (await draftRecord(page, id)).draft;
    expect(noted.last_backup ?? noted.last_exported).toEqual(expect.any(Number));

    const name = 'IKPE – Landkreis Sömmerda';
    await w.toOverview();
    await start.delete(name);
    await expect(start.status).toContainText(`„${name}“ wurde gelöscht.`);
    expect(await draftRecord(page, id)).toBeNull();
    await expect(start.empty).toBeVisible();
    // "Rückgängig" brings it back, once.
    await start.undoButton.click();
    await expect(start.status).toHaveText('Der Entwurf ist wiederhergestellt.');
    await expect(start.undoButton).toHaveCount(0);
    await expect(start.draftLinks).toHaveText([name]);
    expect((await draftRecord(page, id)).draft.answers).toEqual(answers);
    await start.delete(name);
    expect(Object.keys(await storageSnapshot(page)).filter((k) => k.startsWith(DRAFT_PREFIX))).toEqual([]);

    // Importing the file brings the draft back with the same identity and answers.
    await start.importFile(file.path);
    // Only the import message: "Rückgängig" would now overwrite the imported draft.
    await expect(start.status).toHaveText(`„${name}“ wurde importiert.`);
    await expect(start.undoButton).toHaveCount(0);
    await expect(page.getByTestId('ansage')).toHaveText(`„${name}“ wurde importiert.`);
    await expect(start.draftLinks).toHaveText([name]);
    const imported = await draftRecord(page, id);
    expect(imported.draft.answers).toEqual(answers);
    await start.openDraft(name);
    expect(w.draftId()).toBe(id);
    await expect(w.field('Name der Kommune')).toHaveValue('Sömmerda');
    await expect(w.field('PLZ')).toHaveValue('99610');
    await expect(w.group('Art der Kommune').getByRole('radio', { name: 'Landkreis' })).toBeChecked();
    await w.gotoStep(4);
    await expect(page.getByRole('checkbox', { name: 'Bildung' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Gesundheit' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Soziales' })).not.toBeChecked();
    await w.gotoStep(5);
    await expect(w.field('Name', w.contact('prozess', 1))).toHaveValue('Petra Sommer');
    await expect(w.field('E-Mail', w.contact('prozess', 1))).toHaveValue('petra.sommer@example.de');
    await w.toOverview();

    // The same file again while the draft exists: a copy, the original stays as it is.
    const originalRaw = (await storageSnapshot(page))[DRAFT_PREFIX + id];
    await start.importFile(file.path);
    await expect(start.status).toContainText('als Kopie');
    await expect(start.status).toContainText('Weil es diesen Entwurf hier schon gibt, wurde er als Kopie angelegt.');
    await expect(start.drafts).toHaveCount(2);
    const after = await storageSnapshot(page);
    expect(after[DRAFT_PREFIX + id]).toBe(originalRaw);
    const copyKey = Object.keys(after).find((k) => k.startsWith(DRAFT_PREFIX) && k !== DRAFT_PREFIX + id);
    const copy = JSON.parse(after[copyKey]);
    expect(copy.draft.answers).toEqual(answers);
    expect(copy.draft.name).toMatch(/\(Kopie\)$/);
    await expect(start.draft(copy.draft.name)).toHaveCount(1);
  });

  test('kaputte, zu große, zu neue und fremde Dateien werden mit klarer Meldung abgelehnt, ohne etwas zu ändern', async ({ page }, testInfo) => {
    const w = new WizardPage(page);
    const start = new StartPage(page);
    const id = await newDraftNamed(w, 'Erfurt');
    await w.toOverview();
    await plantStorage(page, { 'andere-app.x': '1' });
    const before = await storageSnapshot(page);
    const good = JSON.parse(before[DRAFT_PREFIX + id]);

    const big = testInfo.outputPath('gross.json');
    await writeFile(big, Buffer.alloc(10 * 1024 * 1024, 0x20));
    const json = (name, value) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });
    const cases = [
      [json('kaputt.json', '{kaputt'), 'Die Daten sind beschädigt und können nicht gelesen werden. Es wurde nichts geändert.'],
      [big, 'Die Datei ist mit 10,0 MB zu groß für einen Entwurf (höchstens 4,0 MB). Es wurde nichts geändert.'],
      [
        json('zukunft.json', { ...good, schema: 99, draft: { ...good.draft, id: 'aus-der-zukunft' } }),
        'Der Entwurf stammt aus einer neueren Version des Koop-Assistenten (Format 99). Bitte laden Sie die Seite neu, um die aktuelle Version zu verwenden. Es wurde nichts geändert.',
      ],
      [json('fremd.json', { name: 'Einkaufsliste', eintraege: ['Milch'] }), 'Die Datei ist kein Entwurf des Koop-Assistenten. Es wurde nichts geändert.'],
      [json('leer.json', '  \n'), 'Die Datei ist leer. Es wurde nichts geändert.'],
      [
        json('vorlage.json', { ...good, draft: { ...good.draft, id: 'andere-vorlage', template: 'gibt-es-nicht' } }),
        'Der Entwurf gehört zur Vorlage „gibt-es-nicht“, die diese Version des Koop-Assistenten nicht kennt. Es wurde nichts geändert.',
      ],
      [json('liste.json', '[1, 2, 3]'), 'Die Datei ist kein Entwurf des Koop-Assistenten. Es wurde nichts geändert.'],
    ];
    for (const [file, message] of cases) {
      await start.importFile(file);
      await expect(start.status.locator('.kern-error'), typeof file === 'string' ? 'große Datei' : file.name).toHaveText(message);
      expect(await storageSnapshot(page)).toEqual(before);
      await expect(start.drafts).toHaveCount(1);
    }
    // Byte for byte.
    expect(JSON.stringify(await storageSnapshot(page))).toBe(JSON.stringify(before));
  });
});

test.describe('Beschädigte Daten', () => {
  test('ein unlesbarer Eintrag kommt in Quarantäne: Rohdaten herunterladen, endgültig verwerfen', async ({ page }, testInfo) => {
    const w = new WizardPage(page);
    const start = new StartPage(page);
    const id = await newDraftNamed(w, 'Gera');
    await w.toOverview();
    const broken = '{"format":"koop-assistent/entwurf","schema":1,"draft":{"id":"kaputt-1","answers":{"kommune_name":{"text":"Saalfeld-Rudolstadt – äöü €"';
    const future = JSON.stringify({ format: FORMAT, schema: 99, draft: { id: 'zukunft-1' } });
    await plantStorage(page, { [DRAFT_PREFIX + 'kaputt-1']: broken, [DRAFT_PREFIX + 'zukunft-1']: future, 'andere-app.x': '1' });
    const before = await storageSnapshot(page);
    await page.reload();

    const banner = notice(page, 'Entwurf in Quarantäne (kaputt-1)');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Ein gespeicherter Entwurf kann nicht gelesen werden: Die Daten sind beschädigt und können nicht gelesen werden.');
    await expect(banner).toContainText('Die Rohdaten bleiben erhalten, bis Sie sie verwerfen.');
    const other = notice(page, 'Entwurf in Quarantäne (zukunft-1)');
    await expect(other).toContainText('aus einer neueren Version des Koop-Assistenten (Format 99)');
    // The valid draft is listed and opens.
    await expect(start.draftLinks).toHaveText(['IKPE – Stadt Gera']);
    // Loading changed nothing.
    expect(await storageSnapshot(page)).toEqual(before);

    const raw = await saveDownload(page, () => banner.getByRole('button', { name: 'Rohdaten herunterladen' }).click(), testInfo.outputPath());
    expect(raw.suggestedFilename).toBe('Rohdaten_koop-assistent_entwurf_kaputt-1.json');
    expect(raw.text).toBe(broken);

    await start.openDraft('IKPE – Stadt Gera');
    expect(w.draftId()).toBe(id);
    await expect(w.field('Name der Kommune')).toHaveValue('Gera');
    await w.toOverview();

    await banner.getByRole('button', { name: 'Endgültig verwerfen' }).click();
    await expect(banner).toHaveCount(0);
    await expect(other).toBeVisible();
    expect(await storageSnapshot(page)).toEqual(without(before, DRAFT_PREFIX + 'kaputt-1'));
    await page.reload();
    await expect(other).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(start.draftLinks).toHaveText(['IKPE – Stadt Gera']);
  });
});

test.describe('Zwei Fenster', () => {
  test('ein Tab übernimmt Änderungen des anderen; gleichzeitige Änderungen verschiedener Angaben werden zusammengeführt, bei derselben Angabe wird gefragt, und jede Wahl tut, was sie sagt', async ({ context }) => {
    const { p1, p2, w1, w2, id, url } = await oneDraftInTwoTabs(context, 'Ilm-Kreis');
    // Read in the tab that wrote last: Chromium hands a localStorage write to the other tabs
    // asynchronously, so another tab may still return the record from before it for a moment.
    const stored = async (page = p1) => (await draftRecord(page, id)).draft.answers;

    // Tab 2 is idle: it shows the newer version at once.
    await w1.fillText('Straße und Hausnummer', 'Ritterstraße 14');
    await saved(w1);
    await expect(w2.field('Straße und Hausnummer')).toHaveValue('Ritterstraße 14');
    const loaded = notice(p2, 'Neuere Fassung geladen');
    await expect(loaded).toBeVisible();
    await expect(loaded).toContainText('Die neuere Fassung ist jetzt geladen.');
    await expect(w2.preview).toContainText('Ritterstraße 14');
    await loaded.getByRole('button', { name: /^Schließen/ }).click();
    await expect(loaded).toHaveCount(0);

    // Tab 2 has an unsaved change (its autosave timer is held) when tab 1 saves another
    // answer: both changes are merged, stored and shown in both tabs, nobody is asked.
    await holdAutosave(p2);
    await w2.fillText('PLZ', '99310');
    await w1.fillText('Vertragsnummer – optional', 'PK 1/2026');
    await w1.overviewLink.click(); // leaving the draft saves at once
    const merged = notice(p2, 'Änderungen zusammengeführt');
    await expect(merged).toBeVisible();
    await expect(merged).toContainText('Beide Änderungen sind gespeichert');
    await expect(w2.field('PLZ')).toHaveValue('99310');
    await expect(w2.field('Vertragsnummer – optional')).toHaveValue('PK 1/2026');
    await expect(w2.saveStatus).toContainText('Gespeichert');
    await expect.poll(async () => [(await stored(p2)).plz, (await stored(p2)).vertragsnummer]).toEqual([{ text: '99310' }, { text: 'PK 1/2026' }]);
    await expect.poll(() => stored(p1)).toEqual(await stored(p2));
    // The merge was stored with the held change: its autosave, released, writes nothing new.
    const afterMerge = await storageSnapshot(p2);
    await releaseAutosave(p2);
    await autosaveRan(p2);
    expect(await storageSnapshot(p2)).toEqual(afterMerge);
    await merged.getByRole('button', { name: /^Schließen/ }).click();

    // Both change the same answer: tab 2 (unsaved) asks, keeps its text, stores nothing.
    const conflict = notice(p2, 'In einem anderen Fenster geändert');
    const loadTheirs = conflict.getByRole('button', { name: 'Andere Fassung laden' });
    const keepMine = conflict.getByRole('button', { name: 'Meine Fassung behalten' });
    await p1.goto(url);
    await expect(w1.field('PLZ')).toHaveValue('99310');
    await holdAutosave(p2);
    await w2.fillText('Straße und Hausnummer', 'Längwitzer Straße 1');
    await w1.fillText('Straße und Hausnummer', 'Markt 1');
    await w1.overviewLink.click();
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('„Straße und Hausnummer“');
    await expect(loadTheirs).toBeVisible();
    await expect(keepMine).toBeVisible();
    await expect(w2.saveStatus).toHaveText('Nicht gespeichert – bitte als Datei sichern');
    await expect.poll(async () => (await stored(p2)).strasse).toEqual({ text: 'Markt 1' });
    // Tab 2's own autosave comes due: it still does not overwrite.
    let answers = await stored(p2);
    await releaseAutosave(p2);
    await autosaveRan(p2);
    expect(await stored(p2)).toEqual(answers);
    await expect(conflict).toBeVisible();
    await expect(w2.field('Straße und Hausnummer')).toHaveValue('Längwitzer Straße 1');
    // "Keep mine" stores this tab's text for that answer; tab 1 takes it.
    await keepMine.click();
    await expect(conflict).toHaveCount(0);
    await saved(w2);
    answers = await stored(p2);
    expect(answers.strasse).toEqual({ text: 'Längwitzer Straße 1' });
    expect(answers.plz).toEqual({ text: '99310' });
    await expect.poll(() => stored(p1)).toEqual(answers);

    // Again; while tab 2 still asks, tab 1 changes another answer: tab 2 keeps asking (no
    // silent "newer version loaded" over its unsaved text). Then "load the other version":
    // tab 1's text for the answer both changed, and tab 2's other unsaved edit stays.
    await p1.goto(url);
    await expect(w1.field('Straße und Hausnummer')).toHaveValue('Längwitzer Straße 1');
    await holdAutosave(p2);
    await w2.fillText('Vertreten durch: Vor- und Nachname', 'Petra Enders');
    await w2.fillText('Straße und Hausnummer', 'Lindenallee 3');
    await w1.fillText('Straße und Hausnummer', 'Markt 2');
    await w1.overviewLink.click();
    await expect(conflict).toBeVisible();
    await p1.goto(url);
    await w1.fillText('Vertragsnummer – optional', 'PK 2/2026');
    await saved(w1);
    await expect.poll(async () => (await stored(p2)).vertragsnummer).toEqual({ text: 'PK 2/2026' });
    await expect(notice(p2, 'Neuere Fassung geladen')).toHaveCount(0);
    await expect(conflict).toBeVisible();
    await expect(w2.saveStatus).toHaveText('Nicht gespeichert – bitte als Datei sichern');
    await expect(w2.field('Straße und Hausnummer')).toHaveValue('Lindenallee 3');
    await expect(w2.field('Vertreten durch: Vor- und Nachname')).toHaveValue('Petra Enders');
    answers = await stored(p2);
    expect(answers.strasse).toEqual({ text: 'Markt 2' });
    expect(answers.vertreter_name).toBeUndefined();
    await loadTheirs.click();
    await expect(conflict).toHaveCount(0);
    await expect(w2.field('Straße und Hausnummer')).toHaveValue('Markt 2');
    await expect(w2.field('Vertragsnummer – optional')).toHaveValue('PK 2/2026');
    await expect(w2.field('Vertreten durch: Vor- und Nachname')).toHaveValue('Petra Enders');
    await expect(w2.saveStatus).toContainText('Gespeichert');
    answers = await stored(p2);
    expect(answers.strasse).toEqual({ text: 'Markt 2' });
    expect(answers.vertreter_name).toEqual({ text: 'Petra Enders' });
    expect(answers.vertragsnummer).toEqual({ text: 'PK 2/2026' });
    // Nothing is written later by the held autosave.
    const before = await storageSnapshot(p2);
    await releaseAutosave(p2);
    await autosaveRan(p2);
    expect(await storageSnapshot(p2)).toEqual(before);
  });
});

test.describe('Speicher nicht verfügbar', () => {
  test('blockierter Speicher: Hinweis, der Entwurf lässt sich trotzdem ausfüllen und exportieren', async ({ context }, testInfo) => {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const start = new StartPage(page);
    await start.goto();
    const banner = notice(page, 'Speichern nicht möglich');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Der Browser erlaubt dieser Seite kein Speichern');
    await expect(banner).toContainText('sichern Sie den Entwurf bitte als Datei');

    const w = new WizardPage(page);
    await w.startNew();
    await expect(banner).toBeVisible();
    await w.choose('Art der Kommune', 'Landkreis');
    await w.fillText('Name der Kommune', 'Hildburghausen');
    await w.fillText('Straße und Hausnummer', 'Wiesenstraße 18');
    await w.gotoStep(7);
    // Kept in memory only: the save status does not claim it is saved.
    await expect(w.saveStatus).toHaveText('Nicht gespeichert – bitte als Datei sichern');
    const file = await w.exportDocx(testInfo.outputPath());
    expect(file.suggestedFilename).toBe(`Kooperationsvereinbarung_IKPE_Hildburghausen_${today()}.docx`);
    const docx = docxText(file.bytes);
    expect(docx.text).toContain('und dem Landkreis Hildburghausen,');
    expect(docx.text).toContain('Wiesenstraße 18');
    // The draft file works too.
    const backup = await w.backupDraft(testInfo.outputPath());
    expect(JSON.parse(backup.text).draft.answers.strasse).toEqual({ text: 'Wiesenstraße 18' });
    await expect(banner).toBeVisible();
  });

  test('voller Speicher beim Tippen: „Nicht gespeichert“, die Eingaben bleiben, die Sicherungsdatei geht', async ({ page }, testInfo) => {
    const w = new WizardPage(page);
    const id = await newDraftNamed(w, 'Greiz');
    // Another app on this origin fills the storage to the last few bytes.
    const filler = await page.evaluate(() => {
      let size = 1 << 20;
      let n = 0;
      while (size >= 16) {
        try {
          localStorage.setItem(`andere-app.fueller.${n}`, 'x'.repeat(size));
          n++;
        } catch {
          size = Math.floor(size / 2);
        }
      }
      return n;
    });
    expect(filler).toBeGreaterThan(4);
    const stored = await storageSnapshot(page);

    const long = 'Dr.-Rathenau-Platz 11, Haus B, Eingang über den Hof, Büro des Fachdienstes Soziales, '.repeat(20).trim();
    await w.fillText('Straße und Hausnummer', long);
    const banner = notice(page, 'Nicht gespeichert');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Der Speicher des Browsers für diese Seite ist voll. Ihre letzten Eingaben sind noch nicht gespeichert.');
    await expect(w.saveStatus).toHaveText('Nicht gespeichert – bitte als Datei sichern');
    await expect(w.field('Straße und Hausnummer')).toHaveValue(long);
    await expect(w.preview).toContainText(long.slice(0, 60));
    // The stored version is the last one that fitted, intact.
    expect(await storageSnapshot(page)).toEqual(stored);

    const backup = await w.backupDraft(testInfo.outputPath());
    const json = JSON.parse(backup.text);
    expect(json.draft.id).toBe(id);
    expect(json.draft.answers.strasse).toEqual({ text: long });
    expect(json.draft.answers.kommune_name).toEqual({ text: 'Greiz' });
    await expect(w.field('Straße und Hausnummer')).toHaveValue(long);

    // Once there is room again, the next change is saved.
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('andere-app.')) localStorage.removeItem(k);
    });
    await w.fillText('PLZ', '07973');
    await saved(w);
    await expect(banner).toHaveCount(0);
    const record = await draftRecord(page, id);
    expect(record.draft.answers.strasse).toEqual({ text: long });
    expect(record.draft.answers.plz).toEqual({ text: '07973' });
  });
});

test.describe('Barrierefreiheit der Startseite', () => {
  test('mit Entwürfen, Rückgängig, offenem Umbenennen, Rückfrage „Alle löschen“ und Quarantäne-Hinweis (axe, WCAG 2.1 A/AA)', async ({ page }) => {
    const w = new WizardPage(page);
    const start = new StartPage(page);
    await newDraftNamed(w, 'Eichsfeld');
    await w.toOverview();
    await start.duplicate('IKPE – Landkreis Eichsfeld');
    await start.duplicate('IKPE – Landkreis Eichsfeld (Kopie)');
    await plantStorage(page, { [DRAFT_PREFIX + 'kaputt-1']: '{kaputt' });
    await page.reload();
    await expect(start.drafts).toHaveCount(3);
    await expect(notice(page, 'Entwurf in Quarantäne (kaputt-1)')).toBeVisible();
    await start.delete('IKPE – Landkreis Eichsfeld (Kopie) (Kopie)');
    await start.openRename('IKPE – Landkreis Eichsfeld');
    await start.deleteAllButton.click();
    await expect(start.deleteAllDialog).toBeVisible();
    await expect(start.undoButton).toBeVisible();
    await expect(start.draft('IKPE – Landkreis Eichsfeld').getByLabel('Neuer Name')).toBeVisible();
    const violations = await axeViolations(page);
    expect(violations, 'axe (WCAG 2.1 A/AA): Startseite mit allen Zuständen').toEqual([]);
  });
});
