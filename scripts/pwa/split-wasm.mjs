// Cuts the app's WebAssembly into the module the first field needs and chunks fetched when a
// view is first shown (src/components/later.rs: Leptos' `#[lazy]`), then binds and optimises
// them. Called by finish-dist.mjs after Trunk's build, which left the app unoptimised
// (index.html: data-wasm-opt="0") and bound as one module: this replaces that module and its
// glue under the same (hashed) names, so index.html stays as Trunk wrote it.
//
//  cargo's .wasm (with relocations, build.rs) --wasm-split-cli--> main + chunks + loader
//  main --wasm-bindgen (keeping the table and globals the chunks share)--> glue + main
//  main, chunks --wasm-opt--> dist/
//
// Chunk files and the loader get content-hashed names (an old chunk must never meet a new main
// module in a browser's cache).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// wasm-opt for the main module: -Os with "low memory unused" (the stack's far end), then once
// more after flattening and re-looping the control flow and a whole-program flow analysis (5 KB
// brotli smaller than -Oz). Not "traps never happen": a panic is a bare trap (immediate abort),
// and that option would let wasm-opt delete the check before it, so a bug would run on. Last,
// the functions sorted by name: the instances of one generic function sit side by side, where
// brotli finds their likeness (3.1 KB brotli less); no producers and target-features sections.
const MAIN_OPT = ['-Os', '--low-memory-unused', '--flatten', '--rereloop', '-Os', '--gufa', '-Os', '--reorder-functions-by-name'];
// The chunks import the main module's functions, table and memory: optimised on their own.
const CHUNK_OPT = ['-Os', '--reorder-functions-by-name'];
const COMMON = ['--strip-debug', '--strip-producers', '--strip-target-features', '--enable-bulk-memory', '--enable-mutable-globals', '--enable-reference-types', '--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-multivalue'];

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
const sha = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/**
 * Splits `raw` (cargo's output) into `dir`, where Trunk left `<stem>.js` and `<stem>_bg.wasm`.
 * Returns the names of the files it wrote.
 */
export async function splitApp(dir, raw, stem) {
  const work = await mkdtemp(join(tmpdir(), 'koop-split-'));
  try {
    const split = join(work, 'split');
    run('wasm-split-cli', [raw, split, '--out-name', stem]);
    // wasm-bindgen drops the linker's exports unless asked: the chunks need the function
    // table and the shared globals.
    const bound = join(work, 'bound');
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bound, '--out-name', stem, join(split, `${stem}.wasm`)]);
    run('wasm-opt', [...MAIN_OPT, ...COMMON, join(bound, `${stem}_bg.wasm`), '-o', join(dir, `${stem}_bg.wasm`)]);

    // Chunks under content-hashed names; the loader (written by wasm-split-cli) names them.
    let loader = await readFile(join(split, '__wasm_split.js'), 'utf8');
    const written = [`${stem}_bg.wasm`];
    for (const f of (await readdir(split)).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`)) {
      const out = join(work, f);
      run('wasm-opt', [...CHUNK_OPT, ...COMMON, join(split, f), '-o', out]);
      const data = await readFile(out);
      const name = `${f.replace(/(_\d{6,})?\.wasm$/, '')}-${sha(data)}.wasm`;
      await writeFile(join(dir, name), data);
      if (!loader.includes(`"./${f}"`)) throw new Error(`split-wasm: the loader does not name ${f}`);
      loader = loader.replaceAll(`"./${f}"`, `"./${name}"`);
      written.push(name);
    }
    const loaderName = `koop-chunks-${sha(loader)}.js`;
    await writeFile(join(dir, loaderName), loader);
    written.push(loaderName);
    // The glue imports the loader by the name wasm-split-cli gave it (the import object keeps
    // that name as its key: the main module's imports are named so).
    const glue = await readFile(join(bound, `${stem}.js`), 'utf8');
    if (!glue.includes('from "./__wasm_split.js"')) throw new Error('split-wasm: the glue does not import the chunk loader');
    await writeFile(join(dir, `${stem}.js`), glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`));
    written.push(`${stem}.js`);
    return written;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
