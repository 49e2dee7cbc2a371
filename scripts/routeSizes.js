// The JavaScript each route of the built client downloads, gzipped (zlib's default level; KB
// are 1024 bytes): `npm run build:client` first, then `node scripts/routeSizes.js [--files]
// [dist/client]`. Exits non-zero when the first route (sign-in) is over its budget or loads a
// library that only later pages need, so that a change which drags the editor into the first
// page fails here rather than on a slow intranet.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// `--files` also lists each route's chunks; any other argument is the built client's directory.
const listFiles = args.includes('--files');
const clientDir = path.resolve(
  args.find((arg) => !arg.startsWith('--')) ?? path.join(rootDir, 'dist', 'client'),
);

/** The budget for the first route (sign-in), JavaScript only, gzipped. */
const FIRST_ROUTE_BUDGET = 300 * 1024;

/** Chunks of vendorChunks in vite.config.ts that the first route must not load. */
const LATER_VENDORS = ['vendor-editor', 'vendor-socket', 'vendor-dnd'];

/**
 * Each route and the page it lazily imports (its manifest key, relative to client/). Sign-in,
 * home and the branch lists are in the entry chunk: they import nothing lazily.
 */
const ROUTES = [
  { route: 'sign-in', path: '/ (signed out)', lazy: [] },
  { route: 'home', path: '/', lazy: [] },
  { route: 'meeting page', path: '/meetings/:id', lazy: ['features/meetings/MeetingPage.tsx'] },
  {
    route: 'document page',
    path: '/meetings/:id/docs/…',
    lazy: ['features/document/DocumentPage.tsx'],
  },
  {
    route: 'moderator panel',
    path: '/meetings/:id/moderate',
    lazy: ['features/moderation/ModeratePage.tsx'],
  },
  {
    route: 'projector',
    path: '/meetings/:id/projector',
    lazy: ['features/moderation/ProjectorPage.tsx'],
  },
];

function readManifest() {
  const file = path.join(clientDir, '.vite', 'manifest.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`Cannot read ${file} (${error.message}).`);
    console.error('Build the client first (npm run build:client; vite.config.ts sets manifest).');
    process.exit(1);
  }
}

/**
 * What index.html makes the browser fetch before any code runs: its module script (the entry)
 * and the chunks it preloads.
 */
function filesOfIndexHtml() {
  const html = readFileSync(path.join(clientDir, 'index.html'), 'utf8');
  const files = { entry: undefined, preloads: [] };
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const url = /(?:src|href)="\/?([^"]+)"/.exec(tag)?.[1];
    if (!url) continue;
    if (tag.startsWith('<script') && /type="module"/.test(tag)) files.entry = url;
    if (tag.startsWith('<link') && /rel="modulepreload"/.test(tag)) files.preloads.push(url);
  }
  return files;
}

/**
 * Scripts copied as they are from client/public (the service worker): not in the manifest,
 * but every page registers and so fetches them.
 */
function publicScripts() {
  return readdirSync(clientDir).filter((name) => name.endsWith('.js'));
}

/** The files of `key` and of everything it imports statically (Vite preloads those with it). */
function staticClosure(manifest, key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, files);
  return files;
}

/** Vendor group name of a built file, `vendor-editor` for `assets/vendor-editor-AbC123.js`. */
function vendorOf(file) {
  return /^assets\/(vendor-[a-z]+)-/.exec(file)?.[1];
}

/** Prints the table and returns the exit code. */
function main() {
  const manifest = readManifest();
  const html = filesOfIndexHtml();
  const entryKey = Object.keys(manifest).find((key) => manifest[key].file === html.entry);
  if (!entryKey) {
    console.error(`index.html's script ${html.entry} is not in the manifest: a stale build?`);
    process.exit(1);
  }
  const firstFiles = new Set([
    ...staticClosure(manifest, entryKey),
    ...html.preloads,
    ...publicScripts(),
  ]);

  // Routes share most chunks: each is compressed once.
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) {
      const code = readFileSync(path.join(clientDir, file));
      sizes.set(file, { raw: code.length, gzip: gzipSync(code).length });
    }
    return sizes.get(file);
  };

  const problems = [];
  const rows = ROUTES.map(({ route, path: routePath, lazy }) => {
    const files = new Set(firstFiles);
    for (const key of lazy) {
      if (!manifest[key]?.isDynamicEntry) {
        // Imported statically somewhere: the page is then part of the first route's code.
        problems.push(`${route}: ${key} is not loaded lazily`);
        continue;
      }
      staticClosure(manifest, key, files);
    }
    const jsFiles = [...files].filter((file) => file.endsWith('.js')).sort();
    const raw = jsFiles.reduce((sum, file) => sum + sizeOf(file).raw, 0);
    const gzip = jsFiles.reduce((sum, file) => sum + sizeOf(file).gzip, 0);
    const vendors = jsFiles.map(vendorOf).filter(Boolean);
    return { route, routePath, files: jsFiles, raw, gzip, vendors };
  });

  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log(
    `Route JavaScript of ${path.relative(rootDir, clientDir) || '.'} (gzip at zlib's default level, KB = 1024 bytes)\n`,
  );
  console.log('| route | path | JS files | JS KB | JS gzip KB | libraries |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const libraries = row.vendors.join(', ') || '–';
    console.log(
      `| ${row.route} | \`${row.routePath}\` | ${row.files.length} | ${kb(row.raw)} | ${kb(row.gzip)} | ${libraries} |`,
    );
  }
  if (listFiles) {
    for (const row of rows) console.log(`\n${row.route}:\n  ${row.files.join('\n  ')}`);
  }

  // rows[0] is sign-in, the first route anyone opens.
  const first = rows[0];
  const overBudget = first.gzip > FIRST_ROUTE_BUDGET;
  console.log(
    `\nFirst route (${first.route}): ${kb(first.gzip)} KB of ${kb(FIRST_ROUTE_BUDGET)} KB budget: ${overBudget ? 'OVER' : 'met'}.`,
  );
  if (overBudget) problems.push(`${first.route} is over its budget`);
  for (const row of rows.slice(0, 2)) {
    const early = row.vendors.filter((vendor) => LATER_VENDORS.includes(vendor));
    if (early.length > 0) problems.push(`${row.route} loads ${early.join(', ')}`);
  }
  for (const problem of problems) console.error(`Problem: ${problem}`);
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = main();
