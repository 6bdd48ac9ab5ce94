// Post-build step (Trunk hook, also runnable as `node scripts/pwa/finish-dist.mjs <dir>`):
//  0. splits the app's WebAssembly into the first module and chunks loaded later (split-wasm.mjs);
//  1. moves Trunk's inline start-up script into its own file, so the Content-Security-Policy
//     can allow scripts from 'self' only;
//  1b. joins the style sheets into one file;
//  2. minifies the JavaScript Trunk leaves as it is (wasm-bindgen's glue of the app, the
//     service worker) and renews the integrity hashes index.html gives for it;
//  3. writes sw.js with the list of every file of the build (hashed names included) and a
//     version derived from their contents.
import { minify } from 'terser';
import { splitApp } from './split-wasm.mjs';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: finish-dist.mjs <dist dir> (or TRUNK_STAGING_DIR)');
const here = dirname(fileURLToPath(import.meta.url));

async function files(root, sub = '') {
  const out = [];
  for (const name of await readdir(join(root, sub))) {
    const rel = sub ? `${sub}/${name}` : name;
    const s = await stat(join(root, rel));
    if (s.isDirectory()) out.push(...(await files(root, rel)));
    else out.push(rel);
  }
  return out;
}

const sha = (data, n = 16) => createHash('sha256').update(data).digest('hex').slice(0, n);

// 0. The app's WebAssembly, split (split-wasm.mjs), unless it is already (run again on a
// finished dist/, as the update test does); cargo's output lies in the target dir Trunk built
// into (scripts/lib.sh sets CARGO_TARGET_DIR).
const names = await readdir(dir);
const stem = names.find((f) => /^koop-assistent-[0-9a-f]+\.js$/.test(f))?.replace(/\.js$/, '');
if (!stem) throw new Error('finish-dist: the app glue (koop-assistent-*.js) is missing');
const targetDir = process.env.CARGO_TARGET_DIR || join(here, '../../target');
const split = names.some((f) => f.startsWith('koop-chunks-'))
  ? ['(schon geteilt)']
  : await splitApp(dir, join(targetDir, 'wasm32-unknown-unknown/release/koop-assistent.wasm'), stem);

// 1. Inline scripts → files.
const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
let counter = 0;
html = await replaceAsync(html, /<script([^>]*)>([\s\S]*?)<\/script>/g, async (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs) || body.trim() === '') return whole;
  const name = `start-${sha(body)}.js`;
  await writeFile(join(dir, name), body.trim() + '\n');
  counter += 1;
  // Trunk's minified HTML writes the attribute without quotes.
  const type = /type=["']?module/.test(attrs) ? ' type="module"' : '';
  return `<script${type} src="./${name}"></script>`;
});
// The app's glue and WebAssembly are requested first: Trunk puts their preloads at the end of
// <head>, after the style sheets and fonts, and each request the browser starts before them
// delays the longest download (at 4× CPU throttling by 10–15 ms each). Right after the
// Content-Security-Policy, which governs only what comes after it.
const csp = html.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/);
if (!csp) throw new Error('finish-dist: index.html has no Content-Security-Policy');
const preloads = [...html.matchAll(/<link[^>]*href="?\.\/koop-assistent-[0-9a-f]+(?:_bg\.wasm|\.js)"?[^>]*>/g)].map((m) => m[0]);
for (const p of preloads) html = html.replace(p, '');
// The WebAssembly (the longer download) before the glue.
preloads.sort((a, b) => Number(b.includes('_bg.wasm')) - Number(a.includes('_bg.wasm')));
// The glue imports the chunk loader: preloaded with it, or the browser learns of it only once
// the glue is parsed and fetches it after everything else (a round trip before the start).
const loader = (await readdir(dir)).find((f) => /^koop-chunks-[0-9a-f]+\.js$/.test(f));
if (loader && !html.includes(loader)) preloads.push(`<link crossorigin href=./${loader} integrity=sha384-0 rel=modulepreload>`); // hash below
html = html.replace(csp[0], csp[0] + preloads.join(''));

// One style sheet: Trunk writes KERN's subset and the app's rules as two files, and every request
// the browser starts before the first field costs its main thread (at 4× CPU throttling about
// 5 ms each). In their order, so the cascade stays as it was.
const sheets = [...html.matchAll(/<link[^>]*\brel="?stylesheet"?[^>]*>/g)].map((m) => [m[0], m[0].match(/href="?\.\/([^"\s>]+\.css)/)?.[1]]);
if (sheets.length > 1 && sheets.every(([, f]) => f)) {
  const css = (await Promise.all(sheets.map(([, f]) => readFile(join(dir, f), 'utf8')))).join('\n');
  const name = `style-${sha(css)}.css`;
  await writeFile(join(dir, name), css);
  html = html.replace(sheets[0][0], `<link href=./${name} integrity=sha384-0 rel=stylesheet>`); // hash below
  for (const [tag] of sheets.slice(1)) html = html.replace(tag, '');
  for (const [, f] of sheets) await rm(join(dir, f));
}

// 2. Minified glue (1.9 KB brotli less first load); Trunk minifies HTML, CSS and the worker's
// glue itself but not the app's. The file keeps its name (hashed from the unminified build).
for (const f of (await readdir(dir)).filter((f) => /^koop-(assistent|chunks)-[0-9a-f]+\.js$/.test(f))) {
  const path = join(dir, f);
  await writeFile(path, (await minify(await readFile(path, 'utf8'), { module: true, compress: { passes: 2 } })).code);
}
// Subresource integrity of every file index.html names with a hash, from its content now.
html = await replaceAsync(html, /href="?\.\/([^"\s>]+)"? integrity="?(sha384-[A-Za-z0-9+/=]+)"?/g, async (whole, file, old) => {
  const sri = `sha384-${createHash('sha384').update(await readFile(join(dir, file))).digest('base64')}`;
  return whole.replace(old, sri);
});
await writeFile(indexPath, html);

// 3. Service worker with the precache list.
const skip = new Set(['sw.js', '.koop-inputs']);
const list = (await files(dir)).filter((f) => !skip.has(f) && !f.endsWith('.md')).sort();
const hash = createHash('sha256');
for (const f of list) hash.update(f).update(await readFile(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const urls = ['./', ...list.map((f) => `./${f}`)];
const template = await readFile(join(here, 'sw.template.js'), 'utf8');
const sw = template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(urls));
// Names stay (a test rewrites VERSION to simulate an update); only blanks and comments go.
await writeFile(join(dir, 'sw.js'), (await minify(sw, { compress: false, mangle: false })).code);
console.log(`finish-dist: app split into ${split.join(', ')}; ${counter} inline script(s) moved, sw.js ${version} precaches ${urls.length} URLs`);

async function replaceAsync(text, re, fn) {
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(text.slice(last, m.index), await fn(...m));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
