// Page objects for the Firefox journeys (puppeteer-core over WebDriver BiDi): the start screen
// and the wizard. Buttons, links, groups, options and landmarks are found by role and accessible
// name (puppeteer's ::-p-aria), inputs by their label, `data-testid` only where no role fits —
// as tests/e2e/pages.mjs does for the Playwright suite. Every wait is on what the page shows;
// nothing sleeps.
import { DRAFT_PREFIX, STEPS } from '../pages.mjs';
import { download } from './firefox.mjs';

/** An ARIA selector: role and exact accessible name. */
export function aria(role, name) {
  if (name.includes('"')) throw new Error(`Anführungszeichen im Namen: ${name}`);
  return `::-p-aria([name="${name}"][role="${role}"])`;
}

/** Waits until `predicate(element, ...args)` holds in the page; `what` names it on failure. */
export async function until(page, handle, predicate, what, ...args) {
  try {
    await page.waitForFunction(predicate, {}, handle, ...args);
  } catch (e) {
    const now = await handle.evaluate((el) => `${el.outerHTML.slice(0, 300)} – Text: „${(el.innerText ?? el.textContent ?? '').slice(0, 300)}“`).catch(() => '(Element weg)');
    throw new Error(`${what}: ${e.message}\n  zuletzt: ${now}`);
  }
}

/** Waits until the element's visible text contains `text`. */
export function untilText(page, handle, text) {
  return until(page, handle, (el, t) => el.innerText.replace(/\s+/g, ' ').includes(t), `Text „${text}“`, text);
}

/** Waits until the element's visible text (whitespace collapsed) is exactly `text`. */
export function untilExactText(page, handle, text) {
  return until(page, handle, (el, t) => el.innerText.replace(/\s+/g, ' ').trim() === t, `genau „${text}“`, text);
}

/** Waits until an input shows `value`. */
export function untilValue(page, handle, value) {
  return until(page, handle, (el, v) => el.value === v, `Wert „${value}“`, value);
}

/** Waits until the page's only element matching `selector` is gone (or was never there). */
export async function untilGone(page, selector) {
  await page.waitForSelector(selector, { hidden: true });
}

/** The visible text of the page's main content, whitespace collapsed. */
export async function textOf(handle) {
  return handle.evaluate((el) => el.innerText.replace(/\s+/g, ' ').trim());
}

/** The stored record of a draft (localStorage), parsed; null when there is none. */
export async function draftRecord(page, id) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), DRAFT_PREFIX + id);
  return raw === null ? null : JSON.parse(raw);
}

export class StartPage {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }

  heading() {
    return this.page.waitForSelector(aria('heading', 'Koop-Assistent'));
  }

  async goto() {
    await this.page.goto(this.base);
    await this.heading();
  }

  /** The status line of "Meine Entwürfe" (messages of import, delete, undo). */
  status() {
    return this.page.waitForSelector('[data-testid=entwurf-status]');
  }

  /** The drafts in the list, by their links' names (newest first). */
  async draftNames() {
    return this.page.$$eval('[data-testid=entwurf] .entwurf__name a', (links) => links.map((a) => a.textContent.trim()));
  }

  /** Chooses a file with "Entwurf aus Datei laden", as a user picks it in the file dialog. */
  async importFile(path) {
    const button = await this.page.waitForSelector(aria('button', 'Entwurf aus Datei laden'));
    const [chooser] = await Promise.all([this.page.waitForFileChooser(), button.click()]);
    await chooser.accept([path]);
  }

  async openDraft(name) {
    const link = await this.page.waitForSelector(aria('link', name));
    await link.click();
    await this.page.waitForFunction(() => /[?&]entwurf=[^&]+/.test(location.search));
  }
}

export class WizardPage {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }

  /** Opens the start screen and begins a new agreement from `template`; ends on step 1. */
  async startNew(template = 'Kooperationsvereinbarung IKPE – Kommune') {
    const start = new StartPage(this.page, this.base);
    await start.goto();
    await (await this.page.waitForSelector(aria('button', 'Neue Vereinbarung beginnen'))).click();
    const chooser = await this.page.waitForSelector(aria('heading', 'Welche Vereinbarung möchten Sie erstellen?'));
    await until(this.page, chooser, (el) => document.activeElement === el, 'Vorlagenauswahl hat den Fokus');
    await (await this.page.waitForSelector(aria('button', `Mit dieser Vorlage beginnen: ${template}`))).click();
    await this.expectStep(1);
  }

  draftId() {
    return new URL(this.page.url()).searchParams.get('entwurf');
  }

  /** Waits until step `n` of `total` is shown: progress text, heading, address and title. */
  async expectStep(n, { total = STEPS.length, title = STEPS[n - 1] } = {}) {
    const progress = await this.page.waitForSelector('[data-testid=fortschritt]');
    await untilExactText(this.page, progress, `Schritt ${n} von ${total}`);
    if (title) {
      await untilExactText(this.page, await this.page.waitForSelector('h2#schritt-titel'), title);
      await this.page.waitForFunction((t) => document.title === t, {}, `Schritt ${n} von ${total}: ${title} – Koop-Assistent`);
    }
    await this.page.waitForFunction((k) => new URLSearchParams(location.search).get('schritt') === String(k), {}, n);
  }

  /**
   * The shown step (its heading, form and buttons). Role queries look inside it: Firefox
   * answers one by asking every element below the start for its role and name (about half a
   * second of CPU over a whole step), so a smaller start is a quicker answer.
   */
  step() {
    return this.page.waitForSelector('section.schritt');
  }

  /**
   * The input a label names (its visible text, exact, whitespace collapsed), in the page or
   * inside `scope`: what the Playwright suite's getByLabel finds, by the label's own link to
   * its control instead of a role query per field.
   */
  async field(label, scope) {
    const found = await this.page.waitForFunction(
      (root, text) => {
        for (const l of (root ?? document).querySelectorAll('label')) {
          if (l.control && l.innerText.replace(/\s+/g, ' ').trim() === text) return l.control;
        }
        return null;
      },
      {},
      scope ?? null,
      label,
    );
    return found.asElement();
  }

  /**
   * Replaces a text input's value in one input event, as Playwright's fill does (the browser's
   * own insertText command); waits for the value.
   */
  async fill(label, value, scope) {
    const input = await this.field(label, scope);
    await input.focus();
    await input.evaluate((el, v) => {
      el.select();
      if (v) document.execCommand('insertText', false, v);
      else document.execCommand('delete');
    }, value);
    await untilValue(this.page, input, value);
    return input;
  }

  /** Clears a text input and types `value` key by key, as a user does; waits for the value. */
  async type(label, value, scope) {
    const input = await this.field(label, scope);
    await input.click();
    await this.page.keyboard.down('Control');
    await this.page.keyboard.press('a');
    await this.page.keyboard.up('Control');
    await this.page.keyboard.press('Backspace');
    await input.type(value);
    await untilValue(this.page, input, value);
    return input;
  }

  /** A group of radios or checkboxes (fieldset with legend), or a list entry, of the step. */
  async group(name) {
    return (await this.step()).waitForSelector(aria('group', name));
  }

  /** Picks a radio option of a group; waits until it is checked. */
  async choose(groupName, option) {
    const radio = await (await this.group(groupName)).waitForSelector(aria('radio', option));
    await radio.click();
    await until(this.page, radio, (el) => el.checked, `„${option}“ gewählt`);
  }

  /** Ticks a checkbox (optionally inside a group); waits until it is checked. */
  async check(option, groupName) {
    const scope = groupName ? await this.group(groupName) : await this.step();
    const box = await scope.waitForSelector(aria('checkbox', option));
    await box.click();
    await until(this.page, box, (el) => el.checked, `„${option}“ angekreuzt`);
  }

  async isChecked(option, groupName) {
    const scope = groupName ? await this.group(groupName) : await this.step();
    return (await scope.waitForSelector(aria('checkbox', option))).evaluate((el) => el.checked);
  }

  async button(name, scope = this.page) {
    return scope.waitForSelector(aria('button', name));
  }

  /** "Weiter" and the next step `n`. */
  async nextTo(n) {
    await (await this.button('Weiter', await this.page.waitForSelector('.schritt__knoepfe'))).click();
    await this.expectStep(n);
  }

  /**
   * A landmark found by role and name, kept while it stays in the page (the step navigation
   * and the preview outlive a step change; a reload or another page replaces them).
   */
  async landmark(role, name) {
    const key = `${role}:${name}`;
    this.landmarks ??= new Map();
    const known = this.landmarks.get(key);
    // Asked in the page's current document: a handle from before a reload still answers in its
    // old, detached one.
    if (known && (await this.page.evaluate((el) => el.isConnected && el.ownerDocument === document, known).catch(() => false))) return known;
    const found = await this.page.waitForSelector(aria(role, name));
    this.landmarks.set(key, found);
    return found;
  }

  /** The links of the step navigation, in order. */
  async stepLinks() {
    return (await this.landmark('navigation', 'Schritte der Vereinbarung')).$$('a');
  }

  /** Jumps to step `n` with the step navigation. */
  async gotoStep(n, expected = {}) {
    await (await this.stepLinks())[n - 1].click();
    await this.expectStep(n, expected);
  }

  /** The group of a contact person: level "prozess" or "strategie", index 1-based. */
  contact(level, index) {
    const name = { prozess: 'prozessverantwortlich', strategie: 'strategisch' }[level];
    return this.group(`Ansprechperson (${name}) ${index}`);
  }

  async fillContact(level, index, values) {
    const g = await this.contact(level, index);
    const labels = { name: 'Name', funktion: 'Funktion / Organisationseinheit', email: 'E-Mail', telefon: 'Telefon – optional' };
    for (const [key, label] of Object.entries(labels)) if (values[key] !== undefined) await this.fill(label, values[key], g);
  }

  /** The preview of the agreement beside the form. */
  preview() {
    return this.landmark('complementary', 'Vorschau der Vereinbarung');
  }

  async untilPreview(text) {
    await untilText(this.page, await this.preview(), text);
  }

  /** Waits until the autosave has written the last change. */
  async waitSaved() {
    await untilText(this.page, await this.page.waitForSelector('[data-testid=speicherstatus]'), 'Gespeichert');
  }

  /** Presses a button that downloads a file (by default one of the review step's export
   *  buttons); returns { path, suggestedFilename }. */
  async download(browser, folder, buttonName, scope) {
    const button = await this.button(buttonName, scope ?? (await this.page.waitForSelector('.export')));
    return download(browser, folder, () => button.click());
  }

  /** The status line of the export on the review step. */
  async exportStatus(text) {
    const status = await this.page.waitForSelector('.export [role=status]');
    await untilText(this.page, status, text);
  }
}
