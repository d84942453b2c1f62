#!/usr/bin/env node
/**
 * Sizes of the built app (run `vite build` first): every file in dist/assets with raw and gzip (level 9) sizes,
 * which ones the first page load fetches, and the first-load JavaScript total. The first load is the entry
 * script of dist/index.html, the chunks it imports statically (recursively) and its stylesheets, plus the
 * simulation worker it starts at once; lazily imported chunks (Monaco, xterm) are listed but not counted.
 *
 *   node scripts/bundle-sizes.mjs            table
 *   node scripts/bundle-sizes.mjs --json     machine-readable
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, basename, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('bundle-sizes: no dist/index.html; run `npx vite build` first');
  process.exit(1);
}

/** Every file under dist, as paths relative to dist with forward slashes. */
function walk(dir, prefix = '') {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...walk(full, rel));
    else out.push(rel);
  }
  return out;
}

const files = walk(dist).filter((f) => f !== 'index.html');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const clean = (p) => posix.normalize(p.replace(/^\.\//, '').replace(/^\//, ''));

// Entry points named by index.html.
const first = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) first.add(clean(m[1]));
for (const m of html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="([^"]+)"/g)) first.add(clean(m[1]));
for (const m of html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="(?:modulepreload|stylesheet)"/g)) first.add(clean(m[1]));

// Static imports of first-load chunks are first-load too; `import(...)` is lazy and `new Worker(new URL(...))`
// starts a worker (counted separately, it loads at once but off the main thread).
const workers = new Set();
const queue = [...first].filter((f) => f.endsWith('.js'));
while (queue.length) {
  const f = queue.pop();
  const src = readFileSync(join(dist, f), 'utf8');
  const dir = posix.dirname(f);
  for (const m of src.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["']([^"']+\.js)["']/g)) {
    const dep = clean(posix.join(dir, m[1]));
    if (!first.has(dep)) {
      first.add(dep);
      queue.push(dep);
    }
  }
  // `new Worker(new URL('worker-x.js', import.meta.url))`, however the bundler nests the URL.
  for (const m of src.matchAll(/new Worker\([^;]{0,160}?["'`]([^"'`]+\.js)["'`]/g)) workers.add(clean(posix.join(dir, m[1])));
}

const rows = files
  .map((f) => {
    const buf = readFileSync(join(dist, f));
    const kind = first.has(f) ? 'first load' : workers.has(f) ? 'first load (worker)' : 'lazy';
    return { file: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, kind };
  })
  .sort((a, b) => (a.kind === b.kind ? b.gzip - a.gzip : a.kind.localeCompare(b.kind)));

const kib = (n) => (n / 1024).toFixed(1);
const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
const firstJs = rows.filter((r) => r.kind === 'first load' && r.file.endsWith('.js'));
const firstCss = rows.filter((r) => r.kind === 'first load' && r.file.endsWith('.css'));
const monaco = rows.filter((r) => /monaco|editor\.worker|yaml\.worker|codicon/i.test(r.file));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files: rows, firstLoadJsGzip: sum(firstJs, 'gzip'), firstLoadCssGzip: sum(firstCss, 'gzip') }, null, 2));
  process.exit(0);
}

const width = Math.max(...rows.map((r) => r.file.length), 4);
console.log(`${'file'.padEnd(width)}  ${'raw KiB'.padStart(9)}  ${'gzip KiB'.padStart(9)}  loaded`);
for (const r of rows) console.log(`${r.file.padEnd(width)}  ${kib(r.raw).padStart(9)}  ${kib(r.gzip).padStart(9)}  ${r.kind}`);
console.log('');
console.log(`first-load JavaScript (main thread, without Monaco): ${kib(sum(firstJs, 'raw'))} KiB raw, ${kib(sum(firstJs, 'gzip'))} KiB gzip (budget 300 KiB gzip)`);
console.log(`first-load CSS: ${kib(sum(firstCss, 'gzip'))} KiB gzip; simulation worker: ${kib(sum(rows.filter((r) => r.kind.includes('worker')), 'gzip'))} KiB gzip`);
console.log(`Monaco and its workers (lazy): ${kib(sum(monaco, 'gzip'))} KiB gzip in ${monaco.length} files; total dist ${kib(sum(rows, 'gzip'))} KiB gzip in ${rows.length} files`);
if (firstJs.some((r) => /monaco/i.test(basename(r.file)))) {
  console.log('WARNING: a Monaco chunk is part of the first load');
  process.exitCode = 1;
}
