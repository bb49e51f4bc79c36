// Real-browser test of the assembled page (build/site) in Debian's Chromium.
//
//   npm run build && node scripts/assemble-site.mjs && node --test tests/web/
//
// Starts scripts/serve.mjs on a free port, drives /usr/bin/chromium with
// playwright-core, and checks the seed summary, that nothing leaves the origin,
// that nothing logs an error or breaks the CSP, and that user text stays text.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, startServer } from '../../scripts/serve.mjs';
import { launchChromium, openProbed, requireSite } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// PRECIS_SITE points the test at another assembled copy of the site (default build/site).
const SITE = path.resolve(REPO, process.env.PRECIS_SITE ?? path.join('build', 'site'));
const SCREENSHOTS = path.join(REPO, 'build', 'screenshots');
const SEED = path.join(REPO, 'seeds', '000_74440941a785ace3.txt');
const SEED_EXPECT = path.join(REPO, 'seeds', '000_74440941a785ace3.expect.json');
const STEP_TIMEOUT = 15_000; // per Playwright action or wait
const TEST_TIMEOUT = 40_000;

requireSite(REPO, SITE, ['index.html', 'app.js', 'worker.js', 'precis/precis.mjs', 'precis/dist/precis-core.wasm']);

let server;
let baseURL;
let browser;

before(async () => {
  ({ server, url: baseURL } = await startServer({ root: SITE, port: 0 }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/**
 * Open the page in a fresh context, recording every request, every console error,
 * every uncaught exception and every CSP violation it produces.
 */
async function openPage() {
  return openProbed(browser, baseURL, { contextOptions: { viewport: { width: 1280, height: 900 } }, timeout: STEP_TIMEOUT });
}

/**
 * Put `text` in the page, ask for `count` sentences (the "Custom" type, by number) and
 * wait until it reports ready or error.
 */
async function summarize(page, text, count) {
  await page.check('#type-custom');
  await page.check('#measure-sentences');
  await page.fill('#input', text);
  await page.fill('#count', String(count));
  await page.waitForSelector('body[data-status="ready"], body[data-status="error"]');
  const status = await page.getAttribute('body', 'data-status');
  if (status !== 'ready') {
    const shown = await page.textContent('#message');
    assert.fail(`the page reported an error instead of a summary: ${shown}`);
  }
}

async function highlights(page) {
  return page.$$eval('#original mark', (marks) => marks.map((m) => m.textContent));
}

async function summaryItems(page) {
  return page.$$eval('#summary [data-sentence]', (items) => items.map((item) => item.textContent));
}

/** No console errors, no uncaught exceptions, no CSP violations. */
async function assertClean(page, probe) {
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, [], 'CSP violations');
  assert.deepEqual(probe.errors, [], 'console errors / page errors');
}

function readExpectations() {
  assert.ok(
    existsSync(SEED_EXPECT),
    `${path.relative(REPO, SEED_EXPECT)} is missing: the seed test needs its expectations`,
  );
  return JSON.parse(readFileSync(SEED_EXPECT, 'utf8'));
}

const seedText = readFileSync(SEED, 'utf8').replace(/\r\n?/g, '\n'); // a textarea's value uses \n

test('the seed article gets the expected summary, highlighted in place', { timeout: TEST_TIMEOUT }, async () => {
  const expect = readExpectations();
  const wanted = expect.sentences ?? 3;
  const { context, page, probe } = await openPage();
  try {
    await summarize(page, seedText, wanted);

    const marks = await highlights(page);
    const items = await summaryItems(page);
    const shown = `\nhighlighted:\n  ${marks.map((m) => JSON.stringify(m)).join('\n  ')}`;

    // Taken before the assertions, so a failing run leaves a picture of what it saw.
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'seed.png'), fullPage: true });

    assert.equal(items.length, wanted, `expected ${wanted} summary items${shown}`);
    assert.deepEqual(marks, items, 'the highlighted sentences must be the summary items, in order');
    // The rendering of the original must be the original, character for character.
    assert.equal(await page.textContent('#original'), seedText, '#original does not reproduce the input text');

    for (const needle of expect.must_include ?? []) {
      assert.ok(marks.some((m) => m.includes(needle)), `no highlighted sentence includes ${JSON.stringify(needle)}${shown}`);
    }
    for (const needle of expect.must_exclude ?? []) {
      assert.ok(
        ![...marks, ...items].some((m) => m.includes(needle)),
        `a selected sentence includes ${JSON.stringify(needle)}${shown}`,
      );
    }
    for (const token of expect.no_cut_after ?? []) {
      for (const mark of marks) {
        assert.ok(!mark.trimEnd().endsWith(token), `sentence cut after ${JSON.stringify(token)}: ${JSON.stringify(mark)}`);
      }
    }

    const stat = (name) => page.textContent(`#stats [data-stat="${name}"]`);
    assert.match(await stat('words'), /^[\d,]+ words → [\d,]+ words$/);
    assert.match(await stat('sentences'), /^\d+ sentences$/);
    assert.match(await stat('time'), /^[\d.]+ ms$/);

    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('every request stays on the origin; no errors, no CSP violations', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe, response } = await openPage();
  try {
    // The header and the <meta> carry the same policy.
    assert.equal(response.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
    const metaPolicy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(metaPolicy, CONTENT_SECURITY_POLICY);

    await summarize(page, seedText, 3);
    await summarize(page, seedText, 5); // and re-summarizing when the count changes
    assert.equal((await summaryItems(page)).length, 5);

    const origin = new URL(baseURL).origin;
    // data: URLs (the empty favicon) never leave the page; everything else must be ours.
    const offOrigin = probe.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
    assert.deepEqual(offOrigin, [], 'requests to other origins');
    // Make sure the worker's requests were seen at all, or the check above proves little.
    assert.ok(
      probe.requests.some((url) => url.endsWith('/precis/dist/precis-core.wasm')),
      `the .wasm request was not observed; requests seen:\n  ${probe.requests.join('\n  ')}`,
    );

    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('user text is rendered as text, never as HTML', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  const img = '<img src=x onerror="window.__xss=1">';
  const script = '<script>window.__xss=1</script>';
  const text =
    `The markup ${img} must show up as typed. ` +
    `A script tag such as ${script} must not run either. ` +
    'Both lines are plain text to the summarizer and to the page.';
  try {
    await summarize(page, text, 3);
    // Give a wrongly created <img> time to fail its load and fire onerror.
    await page.waitForTimeout(300);

    assert.equal(await page.evaluate(() => window.__xss), undefined, 'injected code ran');
    assert.equal(await page.locator('#original img, #original script, #summary img, #summary script').count(), 0);
    const shown = await page.innerText('#original');
    assert.ok(shown.includes(img), `the <img> markup is not shown literally: ${shown}`);
    assert.ok(shown.includes(script), `the <script> markup is not shown literally: ${shown}`);
    const origin = new URL(baseURL).origin;
    assert.ok(!probe.requests.includes(`${origin}/x`), 'the injected <img> was fetched');

    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('a dropped .txt file is loaded and summarized', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    // A synthetic drop carrying a File, as a drag from the desktop would deliver it.
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'article.txt', { type: 'text/plain' }));
      return transfer;
    }, seedText);
    await page.dispatchEvent('#input', 'drop', { dataTransfer });
    await page.waitForSelector('body[data-status="ready"], body[data-status="error"]');
    assert.equal(await page.getAttribute('body', 'data-status'), 'ready', await page.textContent('#message'));

    assert.equal(await page.inputValue('#input'), seedText);
    assert.equal((await summaryItems(page)).length, 3);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('pasted rich text: the page is read from its HTML, boilerplate left out, payloads inert', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  const html = '<html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
    + '<h1>Town votes for electric ferries</h1><p>By Helen Marsh</p>'
    + '<figure><img src="x" onerror="window.__xss=1"><figcaption>A ferry leaves the terminal at dawn.</figcaption></figure>'
    + '<p>Councillors voted on Monday to replace the town&rsquo;s three diesel ferries with electric boats.</p>'
    + '<script>window.__xss=1</script>'
    + '<p>The plan will cost an estimated &pound;48 million over five years, the council said.</p>'
    + '<p>The first electric ferry is due to enter service in the spring of 2027.</p>'
    + '<p>Sign up for our daily newsletter to get the latest news.</p>'
    + '<footer>&copy; 2025 The Ledger. All rights reserved.</footer></body></html>';
  try {
    await page.waitForSelector('body[data-status="idle"]');
    await page.focus('#input');
    // A real paste event with both flavours, as a browser delivers a copied web page.
    await page.evaluate((markup) => {
      const data = new DataTransfer();
      data.setData('text/html', markup);
      data.setData('text/plain', 'plain fallback');
      document.querySelector('#input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await page.waitForSelector('body[data-status="ready"], body[data-status="error"]');
    assert.equal(await page.getAttribute('body', 'data-status'), 'ready', await page.textContent('#message'));
    const shown = await page.inputValue('#input');
    assert.ok(shown.startsWith('Home'), shown);
    assert.ok(shown.includes('town\u2019s three diesel ferries') && !shown.includes('<'), shown);
    const items = await summaryItems(page);
    assert.equal(items.length, 3);
    for (const item of items) {
      assert.ok(!/ferry leaves|newsletter|rights reserved|Helen Marsh/.test(item), item);
    }
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'injected code ran');
    assert.equal(await page.locator('#original img, #original script, #summary img, #summary script').count(), 0);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});
