#!/usr/bin/env node
// Assemble the static site in build/site from the page (web/) and the built module (wasm/):
//
//   build/site/index.html, app.js, worker.js, style.css        <- web/
//   build/site/precis/precis.mjs, precis.d.ts                  <- wasm/
//   build/site/precis/dist/precis-core.mjs, precis-core.wasm   <- wasm/dist/ (from the wasm build)
//
// Run after the build. Exits 1 with a message if any input is missing. The output
// folder is emptied first so no stale file survives.

import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// [source relative to the repo, destination relative to the site]
const FILES = [
  ['web/index.html', 'index.html'],
  ['web/app.js', 'app.js'],
  ['web/worker.js', 'worker.js'],
  ['web/style.css', 'style.css'],
  ['wasm/precis.mjs', 'precis/precis.mjs'],
  ['wasm/precis.d.ts', 'precis/precis.d.ts'],
  ['wasm/dist/precis-core.mjs', 'precis/dist/precis-core.mjs'],
  ['wasm/dist/precis-core.wasm', 'precis/dist/precis-core.wasm'],
];

/** Copy the site into `out`. Throws (without touching `out`) if an input is missing. */
export function assembleSite({ repo = REPO_ROOT, out = path.join(REPO_ROOT, 'build', 'site') } = {}) {
  const missing = FILES.map(([src]) => src).filter((src) => !existsSync(path.join(repo, src)));
  if (missing.length > 0) {
    const wasmMissing = missing.some((src) => src.startsWith('wasm/'));
    throw new Error(
      `cannot assemble the site, missing:\n  ${missing.join('\n  ')}\n` +
        (wasmMissing ? 'Build the WebAssembly module first: npm run build' : ''),
    );
  }

  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const [src, dest] of FILES) {
    const target = path.join(out, dest);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(repo, src), target);
    bytes += statSync(target).size;
  }
  return { out, files: FILES.length, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { out, files, bytes } = assembleSite();
    console.log(`assembled ${path.relative(process.cwd(), out) || '.'}: ${files} files, ${(bytes / 1024).toFixed(1)} KiB`);
  } catch (err) {
    console.error(`assemble-site: ${err.message}`);
    process.exit(1);
  }
}
