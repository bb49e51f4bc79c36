#!/usr/bin/env node
// Assemble the static site in build/site from the page (web/) and the built module (wasm/):
//
//   build/site/index.html, *.js, style.css, ...                <- web/ (every file in it)
//   build/site/sw.js                                            <- web/sw.js + the precache list
//   build/site/precis/precis.mjs, precis.d.ts                  <- wasm/
//   build/site/precis/dist/precis-core.mjs, precis-core.wasm   <- wasm/dist/ (from the wasm build)
//
// The service worker (web/sw.js) precaches the site for offline use. Its list of files
// and a version are written into it here, between the `/* @precache */` and `/* @end */`
// markers: the files are every other file of the site, the version the first 16 hex
// digits of a SHA-256 over their paths and contents, so any change to the site installs
// a new service worker and a new cache.
//
// Run after the build. Exits 1 with a message if any input is missing. The output
// folder is emptied first so no stale file survives.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SERVICE_WORKER = 'sw.js';
const PRECACHE_PATTERN = /\/\* @precache \*\/[\s\S]*?\/\* @end \*\//;

// [source relative to the repo, destination relative to the site]; web/ is added below.
const MODULE_FILES = [
  ['wasm/precis.mjs', 'precis/precis.mjs'],
  ['wasm/precis.d.ts', 'precis/precis.d.ts'],
  ['wasm/dist/precis-core.mjs', 'precis/dist/precis-core.mjs'],
  ['wasm/dist/precis-core.wasm', 'precis/dist/precis-core.wasm'],
];
// The page's files that must be there (web/ may hold more; all of it is copied).
const REQUIRED_WEB_FILES = ['index.html', 'app.js', 'worker.js', 'style.css', SERVICE_WORKER];

/** Every plain file directly in web/ (no dotfiles, no folders), sorted. */
function webFiles(repo) {
  const dir = path.join(repo, 'web');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/** The files of the site as [source, destination] pairs, the service worker last. */
export function siteFiles(repo = REPO_ROOT) {
  const web = webFiles(repo).map((name) => [`web/${name}`, name]);
  const files = [...web.filter(([, dest]) => dest !== SERVICE_WORKER), ...MODULE_FILES];
  if (web.some(([, dest]) => dest === SERVICE_WORKER)) files.push([`web/${SERVICE_WORKER}`, SERVICE_WORKER]);
  return files;
}

/** The service worker's source with the precache list and version written in. */
export function withPrecache(source, files, version) {
  if (!PRECACHE_PATTERN.test(source)) {
    throw new Error(`web/${SERVICE_WORKER} has no /* @precache */ ... /* @end */ markers`);
  }
  const manifest = JSON.stringify({ version, files });
  return source.replace(PRECACHE_PATTERN, () => `/* @precache */ ${manifest} /* @end */`);
}

/** Copy the site into `out`. Throws (without touching `out`) if an input is missing. */
export function assembleSite({ repo = REPO_ROOT, out = path.join(REPO_ROOT, 'build', 'site') } = {}) {
  const files = siteFiles(repo);
  const sources = new Set(files.map(([src]) => src));
  const missing = [
    ...REQUIRED_WEB_FILES.map((name) => `web/${name}`).filter((src) => !sources.has(src)),
    ...files.map(([src]) => src).filter((src) => !existsSync(path.join(repo, src))),
  ];
  if (missing.length > 0) {
    const wasmMissing = missing.some((src) => src.startsWith('wasm/'));
    throw new Error(
      `cannot assemble the site, missing:\n  ${missing.join('\n  ')}\n` +
        (wasmMissing ? 'Build the WebAssembly module first: npm run build' : ''),
    );
  }

  // Read everything first, so that a file vanishing halfway leaves `out` untouched.
  const contents = files.map(([src, dest]) => [dest, readFileSync(path.join(repo, src))]);
  const precached = contents.filter(([dest]) => dest !== SERVICE_WORKER);
  const hash = createHash('sha256');
  for (const [dest, bytes] of precached) hash.update(`${dest}\0${bytes.length}\0`).update(bytes);
  const version = hash.digest('hex').slice(0, 16);

  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const [dest, content] of contents) {
    const target = path.join(out, dest);
    mkdirSync(path.dirname(target), { recursive: true });
    const data = dest === SERVICE_WORKER
      ? withPrecache(content.toString('utf8'), precached.map(([file]) => file), version)
      : content;
    writeFileSync(target, data);
    bytes += statSync(target).size;
  }
  return { out, files: contents.length, bytes, version };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { out, files, bytes, version } = assembleSite();
    console.log(`assembled ${path.relative(process.cwd(), out) || '.'}: ${files} files, ${(bytes / 1024).toFixed(1)} KiB, offline cache ${version}`);
  } catch (err) {
    console.error(`assemble-site: ${err.message}`);
    process.exit(1);
  }
}
