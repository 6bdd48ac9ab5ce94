// Keystroke → preview updated, over Sozialraum agreements of growing size: typing in step 1
// (the Sozialraum's name) and in a list entry (the first provider's name).
//
// The measurement is defined here and only here, independent of the browser driver, so that
// every browser is measured the same way (bench.mjs drives Chromium with Playwright; another
// driver needs only an `open` function, see `keystrokeSeries`):
//  - a fresh browser context; the draft is imported as a file on the start screen ("Entwurf aus
//    Datei laden"), opened from the list, and the step with the field is chosen in the step
//    navigation, as a user does;
//  - then one word is typed into the field, keystroke after keystroke, each measured from the
//    input event until the preview shows the new text (`typeInPage`);
//  - reported: keystrokes 21–80 after the draft opened (what a user typing one name feels; the
//    first 20 include the one-time costs of the first render), and keystrokes 101–160 of the
//    same typing (the warm state, after V8 has optimised the hot code).
import { ikpeDraft, sozialraumCase } from './drafts.mjs';
import { pct } from './stats.mjs';

export const SIZES = [[1, 1, 1], [5, 8, 16], [30, 50, 100], [60, 100, 200]];
export const THROTTLES = [1, 4];
/** Keystroke windows reported, counted from the first keystroke after opening (1-based, inclusive). */
export const WINDOWS = { first: [21, 80], warm: [101, 160] };
const KEYSTROKES = Math.max(WINDOWS.first[1], WINDOWS.warm[1]);


/**
 * Runs in the page (pass it to the driver's `evaluate` with one argument): types `count`
 * keystrokes into the input `id`, cycling through prefixes of a word that appears nowhere
 * else, and returns each keystroke's time from its input event until the preview shows it.
 */
export async function typeInPage({ id, count }) {
  const input = document.getElementById(id);
  // The preview follows the first frame that shows the form: measured once it is there.
  let preview;
  while (!(preview = document.querySelector('[data-testid=vorschau]'))) await new Promise((r) => requestAnimationFrame(r));
  const word = 'Qzwkyvbx-Jqlmpfr-Vtcdhsn';
  let value = '';
  let prev = '';
  const out = [];
  for (let i = 0; i < count; i += 1) {
    prev = value;
    value = value.length < word.length ? word.slice(0, Math.max(2, value.length + 1)) : word.slice(0, 2);
    const current = value;
    const before = prev;
    const shown = () => preview.textContent.includes(current) && (before.length <= current.length || !preview.textContent.includes(before));
    const done = new Promise((resolve, reject) => {
      const obs = new MutationObserver(() => {
        if (shown()) {
          obs.disconnect();
          resolve(performance.now());
        }
      });
      obs.observe(preview, { subtree: true, childList: true, characterData: true });
      setTimeout(() => reject(new Error(`Vorschau zeigt „${current}“ nicht`)), 20000);
    });
    input.value = value;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    out.push((await done) - t0);
  }
  return out;
}

/** The cases: IKPE and Sozialraum agreements of growing size, each with its two fields. */
export function keystrokeCases() {
  const cases = [{ label: 'IKPE', make: (id) => ({ record: ikpeDraft(id) }), step1: { step: 1, id: () => 'feld-kommune_name' }, entry: null }];
  for (const [g, t, a] of SIZES) {
    cases.push({
      label: `${g} / ${t} / ${a}`,
      make: (id) => sozialraumCase(id, g, t, a),
      step1: { step: 1, id: () => 'feld-sozialraum' },
      entry: { step: 3, id: (made) => `feld-traeger-${made.providerIds[0]}-name` },
    });
  }
  return cases;
}

const summary = (xs) => ({ p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs), n: xs.length });

/**
 * The whole series. `open(record, { throttle, step, fieldId })` is the driver's part: a fresh
 * context at `throttle`× CPU slow-down, the draft record imported as a file and opened at
 * `step` (see the top of this file); it resolves to `{ measure(count), close() }`, where
 * `measure` runs `typeInPage` in that page.
 */
export async function keystrokeSeries(open, { throttles = THROTTLES } = {}) {
  const rows = [];
  for (const c of keystrokeCases()) {
    const row = { label: c.label };
    for (const throttle of throttles) {
      for (const where of ['step1', 'entry']) {
        if (!c[where]) continue;
        const made = c.make(`k${rows.length}${throttle}${where}`);
        const field = c[where];
        const session = await open(made.record, { throttle, step: field.step, fieldId: field.id(made) });
        const xs = await session.measure(KEYSTROKES);
        await session.close();
        const window = ([from, to]) => xs.slice(from - 1, to);
        row[`${where}_${throttle}x`] = { first: summary(window(WINDOWS.first)), warm: summary(window(WINDOWS.warm)) };
      }
    }
    rows.push(row);
    console.error(`Tastendrücke ${c.label} gemessen`);
  }
  return rows;
}

/**
 * The main thread's CPU time per keystroke (21–80 after opening, unthrottled): independent of
 * other programs on the machine, unlike the latencies. `open` as for `keystrokeSeries`; its
 * session needs `traced(count)`: runs `typeInPage` for `count` keystrokes with CPU time noted
 * and resolves to that time in ms (Chromium: a CDP trace).
 */
export async function keystrokeCpu(open) {
  const rows = [];
  for (const c of keystrokeCases()) {
    const row = { label: c.label };
    for (const where of ['step1', 'entry']) {
      if (!c[where]) continue;
      const made = c.make(`c${rows.length}${where}`);
      const field = c[where];
      const session = await open(made.record, { throttle: 1, step: field.step, fieldId: field.id(made) });
      const [from, to] = WINDOWS.first;
      await session.measure(from - 1);
      row[where] = (await session.traced(to - from + 1)) / (to - from + 1);
      await session.close();
    }
    rows.push(row);
  }
  return rows;
}

/** The series as Markdown tables: keystrokes 21–80 after opening, then the warm state. */
export function keystrokeTable(rows, browser = '', cpu = null) {
  const f1 = (x) => (Math.round(x * 10) / 10).toFixed(1);
  const cell = (m) => (m ? `${f1(m.p50)} / ${f1(m.p95)}` : '–');
  const table = (which, title) => [
    `${title}${browser ? ` (${browser})` : ''}, p50 / p95 (ms):`,
    '',
    `| Vorlage bzw. Gemeinden / Träger / Angebote | Schritt 1 | Listeneintrag | Schritt 1 bei 4× Drosselung | Listeneintrag bei 4× Drosselung |`,
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.label} | ${cell(r.step1_1x?.[which])} | ${cell(r.entry_1x?.[which])} | ${cell(r.step1_4x?.[which])} | ${cell(r.entry_4x?.[which])} |`),
  ];
  const cpuTable = cpu
    ? [
        '',
        `Rechenzeit des Hauptthreads je Anschlag (CPU-Zeit, Anschläge ${WINDOWS.first[0]}–${WINDOWS.first[1]}, ungedrosselt; unabhängig von anderer Last auf dem Rechner), ms:`,
        '',
        '| Vorlage bzw. Gemeinden / Träger / Angebote | Schritt 1 | Listeneintrag |',
        '|---|---:|---:|',
        ...cpu.map((r) => `| ${r.label} | ${r.step1 === undefined ? '–' : f1(r.step1)} | ${r.entry === undefined ? '–' : f1(r.entry)} |`),
      ]
    : [];
  return [
    ...table('first', `Anschläge ${WINDOWS.first[0]}–${WINDOWS.first[1]} nach dem Öffnen des Entwurfs`),
    '',
    ...table('warm', `Anschläge ${WINDOWS.warm[0]}–${WINDOWS.warm[1]} (warm)`),
    ...cpuTable,
  ];
}
