#!/usr/bin/env node
// Time from navigation to the first summary of the seed article on the page, in
// Chromium. A figure, not a test: it checks nothing about time and never fails because
// something is slow.
//
//   npm run build && node bench/page-first-summary.mjs [--runs N]     (default 5)
//
// Serves the assembled site (build/site, or PRECIS_SITE) with scripts/serve.mjs, as the
// browser tests do, and drives /usr/bin/chromium with playwright-core. Each run:
//
//   cold  a fresh browser context (empty HTTP cache, no service worker: a first visit);
//   warm  the same context reloaded once the service worker controls it (a return visit:
//         files from the service worker's cache, the wasm from Chromium's code cache).
//
// The seed (seeds/000_74440941a785ace3.txt) is put in the textarea the moment the parser
// creates it, before app.js runs, as when the browser restores a field on reload: the page
// then asks for a summary at once, with no typing debounce. The figure is the time from
// navigation start (performance.timeOrigin) to body[data-status="ready"], i.e. the summary,
// keywords, figures and the highlighted original all on screen. Also shown: when the
// DOM was ready, and when the page asked for the summary (status "pending").
// Reported: the median of the runs, with the min and max.
//
// bench/run.mjs runs this too (unless --no-page) through measureFirstSummary() and
// firstSummaryMarkdown(); it warns when build/site's .wasm differs from wasm/dist's (a
// site assembled before the last wasm build: `node scripts/assemble-site.mjs`).

import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { launchBrowser } from './chromium.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = path.resolve(REPO, process.env.PRECIS_SITE ?? path.join('build', 'site'));
const SEED = path.join(REPO, 'seeds', '000_74440941a785ace3.txt');
const SITE_WASM = path.join(SITE, 'precis', 'dist', 'precis-core.wasm');
const DIST_WASM = path.join(REPO, 'wasm', 'dist', 'precis-core.wasm');

function parseRuns(argv) {
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive integer, got ${argv[at + 1]}`);
  return runs;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs in every document before its scripts: fills the textarea, records status changes. */
function instrument(seed) {
  window.__bench = { status: {} };
  const filled = () => {
    const input = document.getElementById('input');
    if (!input || input.value) return !!input;
    input.value = seed;
    return true;
  };
  const observer = new MutationObserver(() => {
    filled();
    const status = document.body?.dataset.status;
    if (status && !(status in window.__bench.status)) window.__bench.status[status] = performance.now();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
}

async function firstSummary(page) {
  await page.waitForSelector('body[data-status="ready"], body[data-status="error"]', { timeout: 30_000 });
  const status = await page.getAttribute('body', 'data-status');
  if (status !== 'ready') throw new Error(`the page reported an error: ${await page.textContent('#message')}`);
  const items = await page.locator('#summary [data-sentence]').count();
  if (items !== 3) throw new Error(`expected 3 summary sentences, got ${items}`);
  return page.evaluate(() => ({
    ready: window.__bench.status.ready,
    pending: window.__bench.status.pending,
    domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
  }));
}

/** Is the site's copy of the .wasm the one in wasm/dist? (undefined: a file is missing) */
export function siteMatchesDist() {
  if (!existsSync(SITE_WASM) || !existsSync(DIST_WASM)) return undefined;
  return readFileSync(SITE_WASM).equals(readFileSync(DIST_WASM));
}

/**
 * `runs` cold and warm visits (see the top of the file). Returns { browser, seed, chars,
 * runs, site, cold: [{ ready, pending, domContentLoaded }], warm: [...] } (ms from
 * navigation start).
 */
export async function measureFirstSummary({ runs = 5 } = {}) {
  for (const file of [path.join(SITE, 'index.html'), SEED]) {
    if (!existsSync(file)) throw new Error(`${file} is missing (npm run build)`);
  }
  const seed = readFileSync(SEED, 'utf8').replace(/\r\n?/g, '\n');
  const { server, url } = await startServer({ root: SITE, port: 0 });
  let browser;
  const results = { cold: [], warm: [] };
  try {
    browser = await launchBrowser();
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(instrument, seed);
      const page = await context.newPage();
      await page.goto(url);
      results.cold.push(await firstSummary(page));
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
      await page.reload();
      results.warm.push(await firstSummary(page));
      await context.close();
    }
  } finally {
    await browser?.close();
    server.close();
  }
  return {
    browser: `Chromium ${browser.version()}`, seed: path.relative(REPO, SEED), chars: seed.length, runs,
    site: path.relative(REPO, SITE), ...results,
  };
}

/** Markdown: one row per visit (cold, warm) with the median, min and max. */
export function firstSummaryMarkdown(r) {
  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  const lines = [];
  lines.push(`Précis page: navigation → first summary of ${path.basename(r.seed)} (${r.chars} characters), ${r.browser}, ${r.runs} runs\n`);
  lines.push('| visit | median | min | max | DOM ready (median) | summary requested (median) |');
  lines.push('|---|---|---|---|---|---|');
  for (const visit of ['cold', 'warm']) {
    const list = r[visit];
    const ready = list.map((x) => x.ready);
    lines.push(`| ${visit} | **${fmt(median(ready))}** | ${fmt(Math.min(...ready))} | ${fmt(Math.max(...ready))} | ` +
      `${fmt(median(list.map((x) => x.domContentLoaded)))} | ${fmt(median(list.map((x) => x.pending)))} |`);
  }
  return lines.join('\n');
}

async function main() {
  const runs = parseRuns(process.argv.slice(2));
  if (siteMatchesDist() === false) {
    console.error(`page-first-summary: warning: ${path.relative(REPO, SITE_WASM)} differs from wasm/dist (node scripts/assemble-site.mjs)`);
  }
  console.log(firstSummaryMarkdown(await measureFirstSummary({ runs })));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`page-first-summary: ${err.message}`);
    process.exit(1);
  });
}
