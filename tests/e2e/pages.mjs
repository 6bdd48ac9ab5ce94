// Page objects and helpers for the end-to-end tests: the start screen, the wizard (steps,
// fields, preview, export) and readers for the exported Word file (its text, and its text
// after LibreOffice turned it into a PDF).
import { expect } from '@playwright/test';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';

const run = promisify(execFile);

/** A complete IKPE agreement for the Landkreis Sömmerda, as the tests fill it in. */
export const SOEMMERDA = {
  art: 'Landkreis',
  name: 'Sömmerda',
  strasse: 'Bahnhofstraße 9',
  plz: '99610',
  anrede: 'Herr',
  funktion: 'Landrat',
  vertreter: 'Christian Meyer',
  nummer: 'PK 7/2026',
  bereiche: ['Kinder- und Jugendhilfe', 'Gesundheit'],
  prozess: { name: 'Petra Sommer', funktion: 'Sozialplanung', email: 'petra.sommer@lra-soemmerda.de', telefon: '03634 354-0' },
  strategie: { name: 'Dr. Jan Hofmann', funktion: 'Dezernat Soziales', email: 'jan.hofmann@lra-soemmerda.de' },
};

/** The step titles in order (templates/ikpe.toml). */
export const STEPS = [
  'Vertragspartner',
  'Inhalt und Angebotsbausteine',
  'Aufgaben IKPE',
  'Aufgaben der Kommune',
  'Ansprechpartner*innen',
  'Laufzeit und Unterzeichnung',
  'Prüfen und Exportieren',
];

/** Contact-person levels as the list entries name them. */
const LEVELS = { prozess: 'prozessverantwortlich', strategie: 'strategisch' };

/** WCAG 2.1 A/AA, the level the app promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page; returns the violations in a readable form (empty when clean). */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
  }));
}

/** Whitespace (line breaks, tabs, hyphenation spaces of a PDF) collapsed to single spaces. */
export function squash(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/** Key prefixes of what the app stores in localStorage (crates/koop-core/src/store.rs). */
export const APP_PREFIX = 'koop-assistent.';
export const DRAFT_PREFIX = 'koop-assistent.entwurf.';

/** Every localStorage entry of the page's origin as { key: value }, keys sorted. */
export async function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (const k of Object.keys(localStorage).sort()) out[k] = localStorage.getItem(k);
    return out;
  });
}

/** The drafts in localStorage, by id. */
export async function storedDrafts(page) {
  const all = await storageSnapshot(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(DRAFT_PREFIX)).map(([k, v]) => [k.slice(DRAFT_PREFIX.length), JSON.parse(v).draft]));
}

/** The parsed record of a draft in localStorage (null when there is none). */
export async function draftRecord(page, id) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), DRAFT_PREFIX + id);
  return raw === null ? null : JSON.parse(raw);
}

/** Writes localStorage entries ({ key: value }) in the page. */
export async function plantStorage(page, entries) {
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
}

/**
 * Keeps a copy of an exported document for the outside validators (openxml-audit) that
 * scripts/test runs over KOOP_E2E_EXPORT_DIR after the end-to-end tests; without it, nothing.
 */
export async function keepExport(path) {
  const dir = process.env.KOOP_E2E_EXPORT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await copyFile(path, join(dir, `${randomUUID()}-${basename(path)}`));
}

/**
 * Runs `trigger` (a function that clicks something), waits for the download it starts and
 * saves it. Returns { path, suggestedFilename, text }.
 */
export async function saveDownload(page, trigger, dir) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const suggestedFilename = download.suggestedFilename();
  const path = join(dir ?? (await mkdtemp(join(tmpdir(), 'koop-e2e-'))), suggestedFilename);
  await download.saveAs(path);
  const text = await readFile(path, 'utf8');
  return { path, suggestedFilename, text };
}

/** A banner at the top of the page ([data-testid=hinweis]) whose title contains `title`. */
export function notice(page, title) {
  return page.getByTestId('hinweis').filter({ has: page.locator('.kern-title', { hasText: title }) });
}

/**
 * Lets a test hold back the app's autosave timer (its 400 ms setTimeout): while held (see
 * holdAutosave), the timer is queued instead of started; releaseAutosave starts the queued
 * timer (the full 400 ms). So a test can prove that a change reached the storage by another
 * way (the flush on pagehide), or keep a tab's change unsaved for as long as it needs,
 * independent of how fast the browser runs. Install before the first navigation (on a page or
 * a context).
 */
export async function installAutosaveHold(target) {
  await target.addInitScript(() => {
    const setT = window.setTimeout;
    const clearT = window.clearTimeout;
    const held = new Map(); // own (negative) id → { fn, real }
    let next = -1;
    window.__koopHalteAutosave = false;
    window.setTimeout = function (fn, ms, ...rest) {
      if (window.__koopHalteAutosave && ms === 400) {
        const id = next--;
        held.set(id, { fn, real: null });
        return id;
      }
      return setT.call(window, fn, ms, ...rest);
    };
    window.clearTimeout = function (id) {
      const h = held.get(id);
      if (!h) return clearT.call(window, id);
      held.delete(id);
      if (h.real !== null) clearT.call(window, h.real);
    };
    window.__koopAutosaveGehalten = () => [...held.values()].filter((h) => h.real === null).length;
    // Held or released but not yet run: 0 once every held autosave has run (and saved or not).
    window.__koopAutosaveOffen = () => held.size;
    window.__koopAutosaveFreigeben = () => {
      window.__koopHalteAutosave = false;
      for (const [id, h] of held) {
        if (h.real === null) {
          h.real = setT.call(
            window,
            () => {
              held.delete(id);
              h.fn();
            },
            400,
          );
        }
      }
    };
  });
}

/** From now on the page's autosave timer waits (needs installAutosaveHold). */
export async function holdAutosave(page) {
  await page.evaluate(() => (window.__koopHalteAutosave = true));
}

/** How many autosave timers are held back right now (not yet released). */
export async function heldAutosaves(page) {
  return page.evaluate(() => window.__koopAutosaveGehalten());
}

/**
 * Waits until every held autosave timer, once released, has run: the positive event after
 * which a test may check that the autosave wrote nothing (instead of waiting a fixed time).
 */
export async function autosaveRan(page) {
  await page.waitForFunction(() => window.__koopAutosaveOffen() === 0);
}

/** Starts the held autosave timer (400 ms from now) and lets later ones run normally. */
export async function releaseAutosave(page) {
  await page.evaluate(() => window.__koopAutosaveFreigeben());
}

export class StartPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Koop-Assistent' });
    this.privacy = page.getByRole('heading', { name: 'Alle Daten bleiben auf diesem Gerät' });
    this.startButton = page.getByRole('button', { name: 'Neue Vereinbarung beginnen' });
    this.drafts = page.getByTestId('entwurf');
    /** The names of the listed drafts (their links), newest first. */
    this.draftLinks = this.drafts.locator('.entwurf__name a');
    this.status = page.getByTestId('entwurf-status');
    this.importButton = page.getByRole('button', { name: 'Entwurf aus Datei laden' });
    this.importInput = page.getByTestId('import');
    this.undoButton = page.getByRole('button', { name: 'Rückgängig' });
    this.deleteAllButton = page.getByRole('button', { name: 'Alle Daten auf diesem Gerät löschen' });
    this.deleteAllDialog = page.getByRole('alertdialog', { name: 'Wirklich alle Entwürfe löschen?' });
    this.deleteAllConfirm = page.getByRole('button', { name: 'Ja, alle Daten löschen' });
    this.empty = page.getByText('Noch keine Entwürfe in diesem Browser.');
    /** An exported document read back, waiting for "übernehmen" or "Nicht übernehmen". */
    this.incoming = page.getByTestId('datei-pruefen');
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  /** After "Neue Vereinbarung beginnen": picks a template in the chooser by its title. */
  async chooseTemplate(title) {
    const chooser = this.page.getByRole('heading', { name: 'Welche Vereinbarung möchten Sie erstellen?' });
    await expect(chooser).toBeFocused();
    await this.page.getByRole('button', { name: `Mit dieser Vorlage beginnen: ${title}`, exact: true }).click();
  }

  /** The list entry of the draft named `name` (exact). */
  draft(name) {
    return this.drafts.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** A button of a draft's entry: "Umbenennen", "Duplizieren", "Als Datei sichern", "Löschen". */
  draftButton(name, action) {
    return this.draft(name).getByRole('button', { name: new RegExp(`^${escapeRe(action)}`) });
  }

  async openDraft(name) {
    await this.draft(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page).toHaveURL(/[?&]entwurf=[^&]+/);
  }

  /** Opens the rename form of a draft (focus moves into it); returns its input. */
  async openRename(name) {
    await this.draftButton(name, 'Umbenennen').click();
    const input = this.draft(name).getByLabel('Neuer Name', { exact: true });
    await expect(input).toBeFocused();
    return input;
  }

  async rename(name, newName) {
    const input = await this.openRename(name);
    await input.fill(newName);
    await this.draft(name).getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(this.draft(newName)).toHaveCount(1);
  }

  async duplicate(name) {
    await this.draftButton(name, 'Duplizieren').click();
    await expect(this.status).toContainText('Eine Kopie wurde angelegt.');
  }

  /** Deletes a draft from the list; the "Rückgängig" button appears and gets focus. */
  async delete(name) {
    await this.draftButton(name, 'Löschen').click();
    await expect(this.draft(name)).toHaveCount(0);
    await expect(this.undoButton).toBeFocused();
  }

  /** "Als Datei sichern" of a list entry; returns the saved download (see saveDownload). */
  async backup(name, dir) {
    return saveDownload(this.page, () => this.draftButton(name, 'Als Datei sichern').click(), dir);
  }

  /** Imports a draft file: a path, or { name, mimeType, buffer }. */
  async importFile(file) {
    await this.importInput.setInputFiles(file);
  }
}

export class WizardPage {
  constructor(page) {
    this.page = page;
    this.progress = page.getByTestId('fortschritt');
    this.heading = page.locator('h2#schritt-titel');
    this.stepNav = page.getByRole('navigation', { name: 'Schritte der Vereinbarung' });
    this.preview = page.getByTestId('vorschau');
    this.previewAside = page.getByRole('complementary', { name: 'Vorschau der Vereinbarung' });
    this.saveStatus = page.getByTestId('speicherstatus');
    this.errorSummary = page.locator('#fehlerliste');
    this.nextButton = page.getByRole('button', { name: 'Weiter', exact: true });
    this.backButton = page.getByRole('button', { name: 'Zurück', exact: true });
    this.anywayButton = page.getByRole('button', { name: 'Trotzdem weiter' });
    this.exportButton = page.getByRole('button', { name: 'Word-Datei herunterladen (.docx)' });
    this.exportStatus = page.locator('.export').getByRole('status');
  }

  /** Opens the start screen and begins a new agreement; ends on step 1. */
  async startNew(template = 'Kooperationsvereinbarung IKPE – Kommune') {
    const start = new StartPage(this.page);
    await start.goto();
    await start.startButton.click();
    await start.chooseTemplate(template);
    await expect(this.page).toHaveURL(/[?&]entwurf=[^&]+&schritt=1$/);
    await this.expectStep(1);
  }

  /** The draft id from the address. */
  draftId() {
    return new URL(this.page.url()).searchParams.get('entwurf');
  }

  /** Asserts that step `n` (1-based) is shown: progress text, heading, address, title. */
  async expectStep(n) {
    await expect(this.progress).toHaveText(`Schritt ${n} von ${STEPS.length}`);
    await expect(this.heading).toHaveText(STEPS[n - 1]);
    await expect(this.page).toHaveURL(new RegExp(`[?&]schritt=${n}(&|$)`));
    await expect(this.page).toHaveTitle(`Schritt ${n} von ${STEPS.length}: ${STEPS[n - 1]} – Koop-Assistent`);
  }

  /** A text input by its visible label (exact), optionally inside `scope`. */
  field(label, scope = this.page) {
    return scope.getByLabel(label, { exact: true });
  }

  async fillText(label, value, scope = this.page) {
    const input = this.field(label, scope);
    await input.fill(value);
    await expect(input).toHaveValue(value);
    return input;
  }

  /** Types key by key (each keystroke an input event), then leaves the field. */
  async typeText(label, value, scope = this.page) {
    const input = this.field(label, scope);
    await input.pressSequentially(value);
    return input;
  }

  /** A radio or checkbox group (fieldset with legend). */
  group(name) {
    return this.page.getByRole('group', { name, exact: true });
  }

  /** Picks a radio option of a group. */
  async choose(groupName, option) {
    const radio = this.group(groupName).getByRole('radio', { name: option, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }

  /** Ticks a checkbox by its label (optionally within a group). */
  async check(option, groupName) {
    const scope = groupName ? this.group(groupName) : this.page;
    const box = scope.getByRole('checkbox', { name: option, exact: true });
    await box.check();
    await expect(box).toBeChecked();
  }

  async uncheck(option, groupName) {
    const scope = groupName ? this.group(groupName) : this.page;
    const box = scope.getByRole('checkbox', { name: option, exact: true });
    await box.uncheck();
    await expect(box).not.toBeChecked();
  }

  /** Presses "Weiter" once (with open problems the first press shows the error summary). */
  async next() {
    await this.nextButton.click();
  }

  /** Presses "Weiter" and asserts that step `n` follows. */
  async nextTo(n) {
    await this.next();
    await this.expectStep(n);
  }

  async back() {
    await this.backButton.click();
  }

  /** Jumps to step `n` (1-based) with the step navigation. */
  async gotoStep(n) {
    await this.stepNav.getByRole('link', { name: new RegExp(`^${n}\\s*${escapeRe(STEPS[n - 1])}`) }).click();
    await this.expectStep(n);
  }

  /** The preview as the user reads it, whitespace collapsed. */
  async previewText() {
    return squash(await this.preview.innerText());
  }

  /** The group of one contact person: level "prozess" or "strategie", index 1-based. */
  contact(level, index) {
    return this.page.getByRole('group', { name: `Ansprechperson (${LEVELS[level]}) ${index}`, exact: true });
  }

  async fillContact(level, index, { name, funktion, email, telefon } = {}) {
    const g = this.contact(level, index);
    if (name !== undefined) await this.fillText('Name', name, g);
    if (funktion !== undefined) await this.fillText('Funktion / Organisationseinheit', funktion, g);
    if (email !== undefined) await this.fillText('E-Mail', email, g);
    if (telefon !== undefined) await this.fillText('Telefon – optional', telefon, g);
  }

  /** The save status and tools in the wizard's header. */
  get backupButton() {
    return this.page.locator('.wizard__werkzeuge').getByRole('button', { name: 'Als Datei sichern' });
  }

  get overviewLink() {
    return this.page.getByRole('link', { name: 'Zur Übersicht „Meine Entwürfe“' });
  }

  /** Back to the start screen ("Meine Entwürfe"). */
  async toOverview() {
    await this.overviewLink.click();
    await expect(new StartPage(this.page).heading).toBeVisible();
  }

  /** "Als Datei sichern" in the wizard's header; returns the saved download (see saveDownload). */
  async backupDraft(dir) {
    return saveDownload(this.page, () => this.backupButton.click(), dir);
  }

  /**
   * Fills every required answer of an IKPE draft straight through the step navigation (no
   * checks on the way; completeWizard in ikpe.spec.mjs walks with "Weiter" and checks each
   * step). `k` as the test data there: art, name, strasse, plz, anrede, vertreter, nummer,
   * bereiche, prozess, strategie (ort for names the lookup does not know). Ends on step 7 with
   * the draft complete.
   */
  async fillComplete(k) {
    if (!(await this.heading.isVisible()) || (await this.heading.innerText()) !== STEPS[0]) await this.gotoStep(1);
    await this.choose('Art der Kommune', k.art);
    await this.fillText('Name der Kommune', k.name);
    if (k.ort) await this.fillText('Ort', k.ort);
    await this.fillText('Straße und Hausnummer', k.strasse);
    await this.fillText('PLZ', k.plz);
    await this.choose('Vertreten durch: Anrede', k.anrede);
    await this.fillText('Vertreten durch: Vor- und Nachname', k.vertreter);
    if (k.nummer) await this.fillText('Vertragsnummer – optional', k.nummer);
    await this.gotoStep(4);
    for (const b of k.bereiche) await this.check(b, 'Bereiche der Präventionskette');
    await this.gotoStep(5);
    await this.fillContact('prozess', 1, k.prozess);
    await this.fillContact('strategie', 1, k.strategie);
    await this.gotoStep(7);
    await expect(this.page.getByText('Die Vereinbarung ist vollständig.')).toBeVisible();
  }

  /**
   * Begins a new agreement, fills every required answer with `k` (fillComplete) and waits for
   * the save. Returns the draft's id and its answers as stored.
   */
  async startComplete(k) {
    await this.startNew();
    const id = this.draftId();
    await this.fillComplete(k);
    await this.waitSaved();
    return { id, answers: (await draftRecord(this.page, id)).draft.answers };
  }

  /** Waits until the autosave has written the last change. */
  async waitSaved() {
    await expect(this.saveStatus).toContainText('Gespeichert', { timeout: 5_000 });
  }

  /**
   * Presses the export button on the review step and saves the download.
   * Returns { path, suggestedFilename, bytes }.
   */
  async exportDocx(dir) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    const suggestedFilename = download.suggestedFilename();
    const path = join(dir ?? (await mkdtemp(join(tmpdir(), 'koop-e2e-'))), suggestedFilename);
    await download.saveAs(path);
    await keepExport(path);
    const bytes = new Uint8Array(await readFile(path));
    return { path, suggestedFilename, bytes };
  }
}

/**
 * One new draft open in two tabs of `context` (the same localStorage), both with holdable
 * autosave timers (installAutosaveHold): tab 1 starts it, names the Kommune `kommune` and waits
 * for the save; tab 2 opens the same address and shows that name. Returns
 * { p1, p2, w1, w2, id, url }.
 */
export async function oneDraftInTwoTabs(context, kommune) {
  await installAutosaveHold(context);
  const p1 = await context.newPage();
  const p2 = await context.newPage();
  const w1 = new WizardPage(p1);
  const w2 = new WizardPage(p2);
  await w1.startNew();
  await w1.fillText('Name der Kommune', kommune);
  await w1.waitSaved();
  const id = w1.draftId();
  const url = p1.url();
  await p2.goto(url);
  await expect(w2.field('Name der Kommune')).toHaveValue(kommune);
  return { p1, p2, w1, w2, id, url };
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e) => {
    switch (e.toLowerCase()) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/**
 * The text of a WordprocessingML part: one line per w:p, the w:t texts of a paragraph
 * concatenated, w:tab as "\t", w:br as "\n".
 */
export function wordXmlText(xml) {
  const paragraphs = [];
  let current = null;
  let inText = false;
  let last = 0;
  const tag = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>/g;
  for (let m; (m = tag.exec(xml)); ) {
    if (inText && current !== null) current.push(decodeEntities(xml.slice(last, m.index)));
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (name === 'w:p') {
      if (closing) {
        if (current !== null) paragraphs.push(current.join(''));
        current = null;
      } else if (selfClosing) {
        paragraphs.push('');
      } else {
        current = [];
      }
    } else if (name === 'w:t') {
      inText = !closing && !selfClosing;
    } else if (current !== null && !closing && (name === 'w:tab' || name === 'w:ptab')) {
      current.push('\t');
    } else if (current !== null && !closing && (name === 'w:br' || name === 'w:cr')) {
      current.push('\n');
    }
  }
  return paragraphs.join('\n');
}

/**
 * Reads an exported .docx: { text, paragraphs, header, footer, core, documentXml, files }.
 * `text` has one line per paragraph of word/document.xml; header/footer are the texts of all
 * header*.xml / footer*.xml parts; `core` is docProps/core.xml as XML text.
 */
export function docxText(bytes) {
  const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const part = (name) => (files[name] ? strFromU8(files[name]) : '');
  const documentXml = part('word/document.xml');
  const text = wordXmlText(documentXml);
  const partsText = (re) =>
    Object.keys(files)
      .filter((n) => re.test(n))
      .sort()
      .map((n) => wordXmlText(part(n)))
      .join('\n');
  return {
    text,
    paragraphs: text.split('\n'),
    header: partsText(/^word\/header\d*\.xml$/),
    footer: partsText(/^word\/footer\d*\.xml$/),
    core: part('docProps/core.xml'),
    documentXml,
    files: Object.keys(files),
  };
}

/**
 * Converts a .docx to PDF with LibreOffice (own profile per call, so parallel workers do not
 * share one) and returns the PDF's text (pdftotext). Also returns the PDF's path.
 */
export async function pdfTextViaLibreOffice(docxPath) {
  const out = await mkdtemp(join(tmpdir(), 'koop-pdf-'));
  const pdfs = await convertWithLibreOffice([docxPath], out);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfs[0], '-'], { maxBuffer: 16 * 1024 * 1024 });
  return { text: stdout, pdf: pdfs[0] };
}

/**
 * Converts documents with LibreOffice headless, all in one run (its start-up is the slow part):
 * to PDF, or with `filter` to another format ("odt", "docx:MS Word 2007 XML" saves the file
 * again as LibreOffice would). Each test worker keeps its own LibreOffice profile for the whole
 * run, so parallel workers never share one and later conversions skip the first-start set-up.
 * Returns the paths written; throws if one is missing.
 */
export async function convertWithLibreOffice(paths, outDir, filter = 'pdf') {
  const profile = join(tmpdir(), `koop-lo-profile-${process.pid}-${process.env.TEST_WORKER_INDEX ?? 'x'}`);
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...paths],
    { timeout: 120_000 },
  );
  const produced = await readdir(outDir);
  const extension = filter.split(':')[0];
  return paths.map((p) => {
    const name = basename(p).replace(/\.[^.]+$/, `.${extension}`);
    if (!produced.includes(name)) throw new Error(`LibreOffice hat keine ${extension.toUpperCase()}-Datei aus ${basename(p)} erzeugt (${produced.join(', ') || 'nichts'})`);
    return join(outDir, name);
  });
}

/** Writes a copy of the package at `from` to `to` with one part's text changed by `edit`. */
export async function editDocx(from, to, part, edit) {
  const files = unzipSync(new Uint8Array(await readFile(from)));
  files[part] = strToU8(edit(strFromU8(files[part])));
  await writeFile(to, zipSync(files));
}

/** Drops the file at `path` onto `target`, as a user dragging it from the file manager. */
export async function dropFile(page, target, path) {
  const bytes = [...new Uint8Array(await readFile(path))];
  const name = basename(path);
  const transfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      return dt;
    },
    { bytes, name },
  );
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * "Beschlussvorlage erstellen" on the review step (issue 24): the body, its own answers, the
 * format and the downloads; and the switch above the preview.
 */
export class VorlageSection {
  constructor(page) {
    this.page = page;
    this.section = page.getByRole('region', { name: 'Beschlussvorlage erstellen' });
    this.heading = this.section.getByRole('heading', { name: 'Beschlussvorlage erstellen' });
    this.bodies = this.section.getByRole('group', { name: 'Für welche Körperschaft?' });
    this.state = page.getByTestId('vorlage-stand');
    this.status = this.section.getByRole('status');
    this.download = this.section.getByRole('button', { name: 'Beschlussvorlage herunterladen', exact: true });
    this.zip = this.section.getByRole('button', { name: /^Alle als ZIP-Datei herunterladen/ });
    this.switcher = page.getByRole('group', { name: 'Vorschau zeigen' });
  }

  /** An answer of the Vorlage by its label ("Vorlagennummer – optional"). */
  field(label) {
    return this.section.getByLabel(label, { exact: true });
  }

  async chooseBody(label) {
    const radio = this.bodies.getByRole('radio', { name: label, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }

  async chooseFormat(label) {
    await this.section.getByRole('group', { name: 'Format' }).getByRole('radio', { name: label, exact: true }).check();
  }

  /** Lets the preview show the agreement ("Vereinbarung") or the Vorlage ("Beschlussvorlage"). */
  async preview(what) {
    const radio = this.switcher.getByRole('radio', { name: what, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }

  /** Presses `button` and saves the download in `dir`, kept for the validators; { path, suggestedFilename }. */
  async save(button, dir) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const suggestedFilename = download.suggestedFilename();
    const path = join(dir, suggestedFilename);
    await download.saveAs(path);
    await expect(this.status).toContainText(`„${suggestedFilename}“ wurde erstellt`);
    return { path, suggestedFilename };
  }
}

/** The files of a ZIP as { name: bytes }, in order. */
export function unzipFiles(bytes) {
  return unzipSync(new Uint8Array(bytes));
}
