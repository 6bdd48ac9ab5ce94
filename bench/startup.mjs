// What the start-up is made of: one page load traced over CDP (Chromium's trace events) and the
// app's own marks (`performance.mark` in src/lib.rs and src/components), cut into phases from
// navigation start to the first field being usable.
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.wasm',
  'disabled-by-default-v8.wasm.detailed',
  'blink.user_timing',
  'loading',
  'toplevel',
];

/**
 * Watches, in the page from its first moment, for the field `id`: resolves
 * `window.__koopErstesFeld` with the time (ms after navigation start) when a task queued right
 * after the first frame that shows the field runs, the earliest a keystroke would be handled.
 * (Waiting for the field from outside, over the driver, adds its round trips on a busy machine.)
 */
export async function watchFirstField(context, id) {
  await context.addInitScript((fieldId) => {
    window.__koopErstesFeld = new Promise((resolve) => {
      const check = () => {
        const el = document.getElementById(fieldId);
        if (!el || el.disabled) return;
        watcher.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      };
      const watcher = new MutationObserver(check);
      watcher.observe(document, { childList: true, subtree: true });
    });
  }, id);
}

/** The moment `watchFirstField` saw (waits for it). */
export function firstFieldUsable(page) {
  return page.evaluate(() => window.__koopErstesFeld);
}

/**
 * Runs in the page (pass it to the driver's `evaluate` with the field's id): the moment (ms after
 * navigation start) a frame finds the field `id`, already present, enabled. Measured from
 * outside: the driver waited for the field first, and its round trips count (bench.mjs's figure
 * until 12/2026, and Firefox's, which has no `watchFirstField`).
 */
export async function fieldEnabledInPage(id) {
  const el = document.getElementById(id);
  while (!el || el.disabled) await new Promise((r) => requestAnimationFrame(r));
  return performance.now();
}

/** The phases, in order: each ends at a moment (ms after navigation start). */
export const PHASES = [
  ['html', 'HTML geladen'],
  ['wasm', 'JS und WebAssembly geladen'],
  ['compiled', 'WebAssembly kompiliert'],
  ['instantiated', 'instanziiert'],
  ['start', 'Rust-Start (koop:start)'],
  ['templates', 'Vorlagen dekodiert (koop:vorlagen)'],
  ['rendered', 'erste Darstellung aufgebaut (koop:gezeigt)'],
  ['usable', 'erstes Feld gezeichnet und bedienbar'],
];

/**
 * Loads `url` in `page` (whose CPU throttling is set already) with tracing on and returns the
 * moments of `PHASES`, the main thread's work by kind until the field was usable, and when the
 * preview was complete.
 */
export async function traceStartup(browser, page, url, fieldId) {
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  const usable = await firstFieldUsable(page);
  const seen = await page.evaluate(async () => {
    // The preview may come after the first field: wait until it shows the agreement.
    const preview = () => document.querySelector('[data-testid=vorschau]')?.textContent.length > 1000;
    while (!preview()) await new Promise((r) => requestAnimationFrame(r));
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').filter((r) => /\.(wasm|js)$/.test(new URL(r.name).pathname) && !/start-/.test(r.name));
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    return { previewDone: performance.now(), html: nav.responseEnd, wasm: Math.max(...wasm.map((r) => r.responseEnd)), marks };
  });
  const trace = JSON.parse((await browser.stopTracing()).toString());
  return { ...analyse(trace.traceEvents ?? trace, url, usable), ...seen, usable };
}

/** Phases from the trace: compile and instantiate, and the main thread's work by kind. */
function analyse(events, url, usable) {
  const host = new URL(url).host;
  const request = events.find((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.includes(host));
  const pid = request?.pid;
  const mine = events.filter((e) => e.pid === pid);
  const main = mine.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  // Page time 0 is the navigation start of the document at `url`.
  const nav = mine.filter((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes(host)).at(-1);
  const t0 = nav?.ts ?? request?.ts ?? 0;
  const at = (e, end = true) => (e ? (e.ts + (end ? e.dur ?? 0 : 0) - t0) / 1000 : undefined);
  const first = (name) => mine.find((e) => e.name === name && e.ts >= t0);
  const compiled = at(first('wasm.FinishStreaming')) ?? at(first('v8.wasm.compileConsumeDone'));
  const instantiated = at(first('wasm.AsyncInstantiate')) ?? at(first('wasm.SyncInstantiate'));
  const until = t0 + usable * 1000;
  // Work by kind, in the main thread's CPU time (`tdur`): unlike wall time, it does not grow
  // when other programs compete for the processor, so two builds compare on a busy machine.
  const work = { cpu: 0, lazyCompile: 0, styleLayout: 0, paint: 0, gc: 0, parse: 0 };
  for (const e of mine) {
    if (e.tid !== main || e.ph !== 'X' || e.ts < t0 || e.ts > until) continue;
    const ms = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'RunTask') work.cpu += ms;
    if (e.name === 'wasm.CompileLazy') work.lazyCompile += ms;
    else if (e.name === 'Layout' || e.name === 'UpdateLayoutTree') work.styleLayout += ms;
    else if (e.name === 'Paint' || e.name === 'PrePaint' || e.name === 'Layerize') work.paint += ms;
    else if (e.name === 'MinorGC' || e.name === 'MajorGC') work.gc += ms;
    else if (e.name === 'ParseHTML' || e.name === 'ParseAuthorStyleSheet') work.parse += ms;
  }
  return { compiled, instantiated, work };
}

/** The moment of each phase in one traced load. */
export function moments(run) {
  return {
    html: run.html,
    wasm: run.wasm,
    compiled: run.compiled,
    instantiated: run.instantiated,
    start: run.marks['koop:start'],
    templates: run.marks['koop:vorlagen'],
    rendered: run.marks['koop:gezeigt'],
    usable: run.usable,
  };
}

/** A Markdown table of the phases (medians over the runs at each throttling). */
export function startupTable(byThrottle, median) {
  const f = (x) => (x === undefined || Number.isNaN(x) ? '–' : String(Math.round(x)));
  const cols = Object.keys(byThrottle);
  const med = (runs, pick) => {
    const xs = runs.map(pick).filter((x) => x !== undefined && !Number.isNaN(x));
    return xs.length ? median(xs) : undefined;
  };
  const lines = [
    `| Phase (ms nach Navigationsbeginn, Median) | ${cols.map((c) => `${c}: bis / Dauer`).join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
  ];
  let prev = Object.fromEntries(cols.map((c) => [c, 0]));
  for (const [key, label] of PHASES) {
    const cells = cols.map((c) => {
      const end = med(byThrottle[c], (r) => moments(r)[key]);
      const cell = end === undefined ? '–' : `${f(end)} / ${f(end - prev[c])}`;
      if (end !== undefined) prev[c] = end;
      return cell;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  lines.push(`| Vorschau vollständig | ${cols.map((c) => f(med(byThrottle[c], (r) => r.previewDone))).join(' | ')} |`);
  const work = [
    ['cpu', 'Rechenzeit des Hauptthreads bis dahin (CPU-Zeit, lastunabhängig)'],
    ['lazyCompile', 'darin: WebAssembly-Funktionen beim ersten Aufruf kompiliert'],
    ['styleLayout', 'darin: Stil und Layout'],
    ['paint', 'darin: Zeichnen'],
    ['gc', 'darin: Speicherbereinigung'],
  ];
  for (const [key, label] of work) lines.push(`| ${label} | ${cols.map((c) => f(med(byThrottle[c], (r) => r.work[key]))).join(' | ')} |`);
  return lines;
}
