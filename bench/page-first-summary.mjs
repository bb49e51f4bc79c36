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

import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = path.resolve(REPO, process.env.PRECIS_SITE ?? path.join('build', 'site'));
const SEED = path.join(REPO, 'seeds', '000_74440941a785ace3.txt');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

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

async function main() {
  const runs = parseRuns(process.argv.slice(2));
  for (const file of [path.join(SITE, 'index.html'), SEED, CHROMIUM]) {
    if (!existsSync(file)) throw new Error(`${file} is missing (npm run build; apt-get install chromium)`);
  }
  const seed = readFileSync(SEED, 'utf8').replace(/\r\n?/g, '\n');
  const { server, url } = await startServer({ root: SITE, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results = { cold: [], warm: [] };
  try {
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
    await browser.close();
    server.close();
  }

  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  console.log(`Précis page: navigation → first summary of ${path.basename(SEED)} (${seed.length} characters), Chromium ${browser.version()}, ${runs} runs\n`);
  console.log('| visit | median | min | max | DOM ready (median) | summary requested (median) |');
  console.log('|---|---|---|---|---|---|');
  for (const [visit, list] of Object.entries(results)) {
    const ready = list.map((r) => r.ready);
    console.log(`| ${visit} | **${fmt(median(ready))}** | ${fmt(Math.min(...ready))} | ${fmt(Math.max(...ready))} | ` +
      `${fmt(median(list.map((r) => r.domContentLoaded)))} | ${fmt(median(list.map((r) => r.pending)))} |`);
  }
}

main().catch((err) => {
  console.error(`page-first-summary: ${err.message}`);
  process.exit(1);
});
