// Keystroke → preview updated, over Sozialraum agreements of growing size: typing in step 1
// (the Sozialraum's name) and in a list entry (a provider's name), unthrottled and at 4× CPU
// throttling (the older office PCs of our users).
import { ikpeDraft, sozialraumCase } from './drafts.mjs';

export const SIZES = [[1, 1, 1], [5, 8, 16], [30, 50, 100], [60, 100, 200]];
export const THROTTLES = [1, 4];
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES || 60);
// V8 runs WebAssembly first with its baseline compiler and optimises hot functions in the
// background; on two cores that compilation competes with typing for the first 50 to 100
// keystrokes after loading (with --no-liftoff, 30/50/100 types at p95 1.4 ms and no outlier).
// The series measures the steady state; the main table reports the first keystrokes apart.
const WARMUP = Number(process.env.BENCH_WARMUP || 100);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/**
 * Types into the input `inputId` (cycling through prefixes of a word that appears nowhere else)
 * and measures each input event until the preview shows the new text. Returns the latencies
 * after `warmup` first keystrokes.
 */
export async function typeAndMeasure(page, inputId, n, warmup) {
  await page.locator(`#${inputId}`).waitFor();
  const latencies = await page.evaluate(
    async ([id, count]) => {
      const input = document.getElementById(id);
      const preview = document.querySelector('[data-testid=vorschau]');
      const word = 'Qzwkyvbx-Jqlmpfr-Vtcdhsn';
      let value = '';
      let prev = '';
      const out = [];
      for (let i = 0; i < count; i += 1) {
        prev = value;
        value = value.length < word.length ? word.slice(0, Math.max(2, value.length + 1)) : word.slice(0, 2);
        const shown = () => preview.textContent.includes(value) && (prev.length <= value.length || !preview.textContent.includes(prev));
        const done = new Promise((resolve, reject) => {
          const obs = new MutationObserver(() => {
            if (shown()) {
              obs.disconnect();
              resolve(performance.now());
            }
          });
          obs.observe(preview, { subtree: true, childList: true, characterData: true });
          setTimeout(() => reject(new Error(`Vorschau zeigt „${value}“ nicht`)), 20000);
        });
        input.value = value;
        const t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        out.push((await done) - t0);
      }
      return out;
    },
    [inputId, n + warmup],
  );
  return latencies.slice(warmup);
}

/** The whole series; `openDraft(record, id, { throttle, step })` comes from bench.mjs. */
export async function keystrokeSeries(openDraft) {
  const rows = [];
  const cases = [{ label: 'IKPE', make: (id) => ({ record: ikpeDraft(id) }), step1: 'feld-kommune_name', entry: null }];
  for (const [g, t, a] of SIZES) {
    cases.push({ label: `${g} / ${t} / ${a}`, make: (id) => sozialraumCase(id, g, t, a), step1: 'feld-sozialraum', entry: (ids) => `feld-traeger-${ids[0]}-name` });
  }
  for (const c of cases) {
    const row = { label: c.label };
    for (const throttle of THROTTLES) {
      for (const where of ['step1', 'entry']) {
        if (where === 'entry' && !c.entry) continue;
        const id = `k${rows.length}${throttle}${where}`;
        const made = c.make(id);
        const { context, page, url } = await openDraft(made.record, id, { throttle, step: where === 'step1' ? 1 : 3 });
        await page.goto(url);
        const xs = await typeAndMeasure(page, where === 'step1' ? c.step1 : c.entry(made.providerIds), KEYSTROKES, WARMUP);
        await context.close();
        row[`${where}_${throttle}x`] = { p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length };
      }
    }
    rows.push(row);
    console.error(`Tastendrücke ${c.label} gemessen`);
  }
  return rows;
}

/** The series as a Markdown table. */
export function keystrokeTable(rows) {
  const f1 = (x) => (Math.round(x * 10) / 10).toFixed(1);
  const cell = (m) => (m ? `${f1(m.p50)} / ${f1(m.p95)}` : '–');
  return [
    `| Vorlage bzw. Gemeinden / Träger / Angebote | Schritt 1, p50 / p95 (ms) | Listeneintrag, p50 / p95 (ms) | Schritt 1 bei 4× Drosselung | Listeneintrag bei 4× Drosselung |`,
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.label} | ${cell(r.step1_1x)} | ${cell(r.entry_1x)} | ${cell(r.step1_4x)} | ${cell(r.entry_4x)} |`),
  ];
}
