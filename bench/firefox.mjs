// The Firefox ESR part of the benchmark (issue 25): start → first field usable and keystroke →
// preview updated, measured as bench.mjs and keystrokes.mjs measure them in Chromium, in
// Debian's Firefox ESR over WebDriver BiDi, unthrottled and at 4× CPU slow-down.
//
// Firefox has no CPU throttling of its own (Chromium's comes from the DevTools protocol). The
// slow-down here is a CPU quota: a cgroup (v2 cpu.max, or v1 cpu.cfs_quota_us) that grants a
// quarter of one core (1 ms of every 4 ms, the finest slices the kernel allows) to Firefox's
// content processes, where the pages run, and to the fork server that starts later ones; the
// parent process, which draws and talks to the network, runs free, as Chromium's browser
// process does while its renderer is throttled. A calibration loop (plain JavaScript
// arithmetic) measures what each method really does, in both browsers, and the table prints it.
// The quota is still stricter than Chromium's throttling: that slows the page's main thread
// only, the quota every thread of the content process (also the background compilers that
// optimise the WebAssembly). Without a writable cgroup (not root, no delegated cgroup) the 4×
// rows say so instead of a figure.
import { mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchFirefox } from '../tests/e2e/firefox/firefox.mjs';
import { ikpeDraft, sozialraumCase } from './drafts.mjs';
import { SIZES, typeInPage } from './keystrokes.mjs';
import { fieldEnabledInPage } from './startup.mjs';
import { median, pct } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 10);
// One typing session per case: keystrokes 21–80 after the draft opened (what a user typing one
// name feels) and 101–160 (the warm series after 100 keystrokes).
const FIRST = [20, 80];
const WARM = [100, 160];
const SLOWDOWN = 4;
const QUOTA = { periodUs: 4_000, quotaUs: 4_000 / SLOWDOWN };


// CPU quota -------------------------------------------------------------------------------------

/** Every process below `pid` (children, their children …), `pid` included: { pid, name }. */
async function processTree(pid) {
  const procs = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    // The command name may hold spaces and parentheses; the parent's id follows the last ")".
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    procs.set(Number(entry), { name, ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) });
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, { ppid }] of procs) {
      if (!tree.has(p) && tree.has(ppid)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return [...tree].map((p) => ({ pid: p, name: procs.get(p)?.name ?? '' }));
}

/** Firefox's processes that run pages (their names as the kernel keeps them, 15 characters). */
const PAGE_PROCESSES = /^(Web Content|Isolated Web Co|file:\/\/ Content|forkserver)$/;

/**
 * A cgroup that grants its processes 1/SLOWDOWN of one core, or { error } saying why there is
 * none. `add(browserPid)` moves the browser's page processes in (again before each page, in
 * case one was started outside); they take their later children with them.
 */
async function cpuQuota() {
  const name = `koop-bench-${process.pid}`;
  try {
    let dir;
    const v2 = '/sys/fs/cgroup';
    if (existsSync(`${v2}/cgroup.controllers`) && (await readFile(`${v2}/cgroup.controllers`, 'utf8')).split(/\s+/).includes('cpu')) {
      await writeFile(`${v2}/cgroup.subtree_control`, '+cpu').catch(() => {});
      dir = join(v2, name);
      await mkdir(dir);
      await writeFile(join(dir, 'cpu.max'), `${QUOTA.quotaUs} ${QUOTA.periodUs}`);
    } else if (existsSync('/sys/fs/cgroup/cpu/cpu.cfs_quota_us')) {
      dir = join('/sys/fs/cgroup/cpu', name);
      await mkdir(dir);
      await writeFile(join(dir, 'cpu.cfs_period_us'), String(QUOTA.periodUs));
      await writeFile(join(dir, 'cpu.cfs_quota_us'), String(QUOTA.quotaUs));
    } else {
      return { error: 'kein cgroup-CPU-Controller' };
    }
    return {
      method: `cgroup ${dir.includes('/cpu/') ? 'v1 cpu.cfs_quota_us' : 'v2 cpu.max'} ${QUOTA.quotaUs / 1000} ms je ${QUOTA.periodUs / 1000} ms`,
      async add(browserPid) {
        for (const p of await processTree(browserPid)) {
          if (PAGE_PROCESSES.test(p.name)) await writeFile(join(dir, 'cgroup.procs'), String(p.pid)).catch(() => {});
        }
      },
      // Empty once the browser has exited; then it can go.
      remove: () => rmdir(dir).catch(() => {}),
    };
  } catch (e) {
    return { error: `cgroup nicht beschreibbar (${e.code ?? e.message})` };
  }
}

// Measurements ------------------------------------------------------------------------------------

/**
 * A fresh user context with one draft stored, its page, and the address that opens it.
 * `session`: { browser, base, prepare } (prepare runs before the page loads: the quota).
 */
async function openDraft(session, record, id, step = 1) {
  const context = await session.browser.createBrowserContext();
  const page = await context.newPage();
  await session.prepare();
  await page.setViewport({ width: 1400, height: 1000 });
  await page.evaluateOnNewDocument(
    (key, value) => {
      if (!sessionStorage.getItem('bench')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('bench', '1');
      }
    },
    `koop-assistent.entwurf.${id}`,
    record,
  );
  return { context, page, url: `${session.base}?entwurf=${encodeURIComponent(id)}&schritt=${step}` };
}

/** Start → first field usable (present, enabled), from navigation start, observed as bench.mjs
 *  observes it in Chromium (after the load event); median of RUNS. */
async function startup(session) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { context, page, url } = await openDraft(session, ikpeDraft(`s${i}`), `s${i}`);
    await page.goto(url);
    await page.waitForSelector('#feld-kommune_name');
    times.push(await page.evaluate(fieldEnabledInPage, 'feld-kommune_name'));
    await context.close();
  }
  return { median: median(times), runs: times };
}

/**
 * Types `count` keystrokes into `inputId` and measures each input event until the preview
 * shows the new text: keystrokes.mjs's `typeInPage`, run in this page, every latency returned.
 */
async function typeAndMeasure(page, inputId, count) {
  await page.waitForSelector(`#${inputId}`);
  return page.evaluate(typeInPage, { id: inputId, count });
}

const summary = (xs) => ({ p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length });

/** Keystroke series over the sizes of keystrokes.mjs: step 1 and a provider's name. */
async function keystrokes(session) {
  const cases = [{ label: 'IKPE', make: (id) => ({ record: ikpeDraft(id) }), step1: 'feld-kommune_name', entry: null }];
  for (const [g, t, a] of SIZES) {
    cases.push({ label: `${g} / ${t} / ${a}`, make: (id) => sozialraumCase(id, g, t, a), step1: 'feld-sozialraum', entry: (ids) => `feld-traeger-${ids[0]}-name` });
  }
  const rows = [];
  for (const c of cases) {
    const row = { label: c.label };
    for (const where of ['step1', 'entry']) {
      if (where === 'entry' && !c.entry) continue;
      const id = `f${rows.length}${where}`;
      const made = c.make(id);
      const { context, page, url } = await openDraft(session, made.record, id, where === 'step1' ? 1 : 3);
      await page.goto(url);
      const xs = await typeAndMeasure(page, where === 'step1' ? c.step1 : c.entry(made.providerIds), WARM[1]);
      await context.close();
      row[where] = { first: summary(xs.slice(...FIRST)), warm: summary(xs.slice(...WARM)) };
    }
    rows.push(row);
  }
  return rows;
}

/** Milliseconds a fixed piece of plain JavaScript arithmetic takes in a page (median of 5). */
export async function calibrationMs(page) {
  return page.evaluate(() => {
    const times = [];
    for (let r = 0; r < 5; r += 1) {
      const t0 = performance.now();
      let x = 0;
      for (let i = 0; i < 30_000_000; i += 1) x = (x + i * 7) % 1000003;
      times.push(performance.now() - t0 + (x < 0 ? 1 : 0));
    }
    return times.sort((a, b) => a - b)[2];
  });
}

async function measure(base, quota) {
  // Service workers off, as bench.mjs blocks them in Chromium: every start is a first visit
  // without a worker caching dist/ beside it. Timers at full precision (Firefox rounds
  // performance.now() to 1 ms by default, too coarse for a 2 ms keystroke).
  const browser = await launchFirefox({ prefs: { 'dom.serviceWorkers.enabled': false, 'privacy.reduceTimerPrecision': false } });
  try {
    const session = { browser, base, prepare: quota ? () => quota.add(browser.process().pid) : async () => {} };
    const out = { version: await browser.version() };
    {
      const { context, page, url } = await openDraft(session, ikpeDraft('c'), 'c');
      await page.goto(url);
      out.calibrationMs = await calibrationMs(page);
      await context.close();
    }
    out.startup = await startup(session);
    console.error(`Firefox: Start gemessen${quota ? ` (${SLOWDOWN}×)` : ''}`);
    out.keystrokes = await keystrokes(session);
    console.error(`Firefox: Tastendrücke gemessen${quota ? ` (${SLOWDOWN}×)` : ''}`);
    return out;
  } finally {
    await browser.close();
  }
}

/** How much Chromium's DevTools throttling slows the same calibration loop. */
async function chromiumFactor(openChromium) {
  const ms = {};
  for (const throttle of [1, SLOWDOWN]) {
    const { context, page, url } = await openChromium(ikpeDraft(`c${throttle}`), `c${throttle}`, { throttle });
    await page.goto(url);
    ms[throttle] = await calibrationMs(page);
    await context.close();
  }
  return ms[SLOWDOWN] / ms[1];
}

/**
 * Start-up and keystroke series in Firefox ESR, unthrottled and at 4× (see the top);
 * `openChromium` is bench.mjs's openDraft, for the calibration loop in Chromium.
 */
export async function firefoxBench(base, openChromium) {
  const results = { chromiumFactor: await chromiumFactor(openChromium), unthrottled: await measure(base, null) };
  const quota = await cpuQuota();
  if (quota.error) {
    results.slowdown = { error: quota.error };
  } else {
    try {
      results.slowdown = { method: quota.method, ...(await measure(base, quota)) };
    } finally {
      await quota.remove();
    }
    results.slowdown.factor = results.slowdown.calibrationMs / results.unthrottled.calibrationMs;
  }
  return results;
}

/** The Firefox rows as Markdown. */
export function firefoxTable(ff) {
  const f1 = (x) => (Math.round(x * 10) / 10).toFixed(1);
  const cell = (m) => (m ? `${f1(m.p50)} / ${f1(m.p95)}` : '–');
  const slow = ff.slowdown;
  const lines = [];
  lines.push(`Firefox ESR (${ff.unthrottled.version}, headless über WebDriver BiDi):`);
  lines.push('');
  lines.push('| Messung | Wert |');
  lines.push('|---|---:|');
  lines.push(`| Start → erstes Feld bedienbar, Median von ${RUNS} | ${Math.round(ff.unthrottled.startup.median)} ms |`);
  lines.push(`| dasselbe bei ${SLOWDOWN}× CPU-Verlangsamung | ${slow.error ? `nicht gemessen: ${slow.error}` : `${Math.round(slow.startup.median)} ms`} |`);
  if (!slow.error) {
    lines.push(`| Verlangsamung (${slow.method}), gemessen an einer Rechenschleife | ${f1(slow.factor)}× (Chromium, CDP-Drosselung ${SLOWDOWN}×: ${f1(ff.chromiumFactor)}×) |`);
  }
  lines.push('');
  for (const [title, m] of [['ohne Verlangsamung', ff.unthrottled], [`bei ${SLOWDOWN}× CPU-Verlangsamung`, slow.error ? null : slow]]) {
    if (!m) continue;
    lines.push(`Firefox ESR, Tastendruck → Vorschau aktualisiert, ${title} (p50 / p95 in ms; Anschläge 21–80 nach dem Öffnen und 101–160):`);
    lines.push('');
    lines.push('| Vorlage bzw. Gemeinden / Träger / Angebote | Schritt 1, 21–80 | Schritt 1, 101–160 | Listeneintrag, 21–80 | Listeneintrag, 101–160 |');
    lines.push('|---|---:|---:|---:|---:|');
    for (const r of m.keystrokes) lines.push(`| ${r.label} | ${cell(r.step1?.first)} | ${cell(r.step1?.warm)} | ${cell(r.entry?.first)} | ${cell(r.entry?.warm)} |`);
    lines.push('');
  }
  return lines;
}
