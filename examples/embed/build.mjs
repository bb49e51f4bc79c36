#!/usr/bin/env node
// Builds the embedding example with esbuild into build/examples/embed/:
//
//   main.mjs          main.js bundled ('precis', 'precis/element', 'precis/worker', 'precis/summarizer')
//   worker.mjs        the worker's bundle ('precis/worker')
//   precis-core.wasm  copied from wasm/dist/; setup.js hands its URL to configure()
//   index.html, style.css
//
//   node examples/embed/build.mjs            build
//   node examples/embed/build.mjs --serve    build, then serve it (npm run example)
//
// esbuild leaves `new URL('./x', import.meta.url)` alone, so the .wasm and the worker
// are not found by the bundler: the .wasm is copied and configured, the worker is an
// entry point of its own.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
export const DEFAULT_OUTDIR = path.join(REPO, 'build', 'examples', 'embed');
const WASM = path.join(REPO, 'wasm', 'dist', 'precis-core.wasm');

/** Bundles the example into `outdir` (emptied first); resolves to esbuild's metafile. */
export async function buildExample({ outdir = DEFAULT_OUTDIR } = {}) {
  if (!existsSync(WASM)) throw new Error(`${path.relative(REPO, WASM)} is missing: run \`npm run build\` first`);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: { main: path.join(HERE, 'main.js'), worker: path.join(HERE, 'worker.js') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    logLevel: 'warning',
  });
  copyFileSync(WASM, path.join(outdir, 'precis-core.wasm'));
  for (const file of ['index.html', 'style.css']) copyFileSync(path.join(HERE, file), path.join(outdir, file));
  return metafile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await buildExample();
    console.log(`built ${path.relative(process.cwd(), DEFAULT_OUTDIR)}`);
    if (process.argv.includes('--serve')) {
      const { startServer } = await import('../../scripts/serve.mjs');
      const { url } = await startServer({ root: DEFAULT_OUTDIR, port: Number(process.env.PORT ?? 8081) });
      console.log(`the embedding example is running at ${url}`);
    }
  } catch (err) {
    console.error(`examples/embed: ${err.message}`);
    process.exit(1);
  }
}
