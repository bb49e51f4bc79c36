// Real-browser tests of the page's features (issue 7): pasting and dropping, lengths and
// presets, copy and download, the keyboard, the URL hash, offline use, accessibility
// and screenshots. The assembled site (build/site) in Debian's Chromium, driven by
// playwright-core, as in browser.test.mjs:
//
//   npm run build && node --test tests/web/
//
// Expected summaries are computed in Node by the very module the page runs
// (build/site/precis/precis.mjs), so these tests check the page, not the core's choices.
// Every test also checks that nothing left the origin, nothing logged an error and
// nothing broke the CSP. No test measures time.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { TYPES, DEFAULT_STATE, formatHash, parseHash, planFor } from '../../web/presets.js';
import { fileNameFor, toMarkdown, toPlainText } from '../../web/export.js';
import { dropFile, launchChromium, openProbed, requireSite } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// PRECIS_SITE points the test at another assembled copy of the site (default build/site).
const SITE = path.resolve(REPO, process.env.PRECIS_SITE ?? path.join('build', 'site'));
const SCREENSHOTS = path.join(REPO, 'build', 'screenshots');
const SEED = path.join(REPO, 'seeds', '000_74440941a785ace3.txt');
const AXE = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');
const STEP_TIMEOUT = 15_000; // per Playwright action or wait
const TEST_TIMEOUT = 40_000;

requireSite(REPO, SITE, ['index.html', 'app.js', 'worker.js', 'sw.js', 'presets.js', 'precis/precis.mjs', 'precis/dist/precis-core.wasm']);

const seedText = readFileSync(SEED, 'utf8').replace(/\r\n?/g, '\n'); // a textarea's value uses \n

let server;
let baseURL;
let origin;
let browser;
let precis; // the site's own module, loaded in Node: what the page should show
let clipboardWriter; // a page of its own that puts things on the (browser-wide) clipboard

before(async () => {
  ({ server, url: baseURL } = await startServer({ root: SITE, port: 0 }));
  origin = new URL(baseURL).origin;
  browser = await launchChromium();
  const module = await import(pathToFileURL(path.join(SITE, 'precis', 'precis.mjs')).href);
  precis = await module.load();
  // What a person copies comes from another page, not from ours: writing HTML with the
  // async clipboard API makes Chromium sanitize it in the writing document, and in ours
  // the CSP would rightly report the payloads' event handlers it blocks while doing so.
  const writerContext = await browser.newContext();
  await writerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  clipboardWriter = await writerContext.newPage();
  await clipboardWriter.goto(`${baseURL}precis/precis.d.ts`);
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

// ---------------------------------------------------------------------------
// Helpers (the same pattern as browser.test.mjs)

/**
 * Open the page in a fresh context, recording every request, every console error,
 * every uncaught exception and every CSP violation it produces.
 */
async function openPage({ hash = '', clipboard = false, contextOptions = {}, url = baseURL } = {}) {
  const { context, page, probe } = await openProbed(browser, url + hash, {
    contextOptions: { viewport: { width: 1280, height: 900 }, ...contextOptions },
    timeout: STEP_TIMEOUT,
    beforeGoto: clipboard ? (c) => c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }) : undefined,
  });
  probe.origin = new URL(url).origin;
  return { context, page, probe };
}

/** Wait until the page has a current summary; fail with its message if it reports an error. */
async function settled(page) {
  await page.waitForSelector('body[data-status="ready"], body[data-status="error"]');
  const status = await page.getAttribute('body', 'data-status');
  if (status !== 'ready') assert.fail(`the page reported an error instead of a summary: ${await page.textContent('#message')}`);
}

async function shownItems(page) {
  return page.$$eval('#summary [data-sentence]', (items) => items.map((item) => item.textContent));
}

/** "bullets" (a list) or "text" (a paragraph), and how many sentences. */
async function summaryShape(page) {
  return page.evaluate(() => {
    const box = document.querySelector('#summary');
    const format = box.querySelector('ul') ? 'bullets' : box.querySelector('p') ? 'text' : 'none';
    return { format, count: box.querySelectorAll('[data-sentence]').length };
  });
}

/** No console errors, no uncaught exceptions, no CSP violations, no request off the origin. */
async function assertClean(page, probe) {
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, [], 'CSP violations');
  assert.deepEqual(probe.errors, [], 'console errors / page errors');
  const offOrigin = probe.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== probe.origin);
  assert.deepEqual(offOrigin, [], 'requests to other origins');
}

/** The sentences the core picks for `options`, in document order, as the page should show them. */
function expected(text, options) {
  const result = precis.summarize(text, options);
  return { result, texts: result.summary.map((i) => result.sentences[i].text) };
}

/** Paste through the real clipboard (Ctrl+V), as a person would; `items`: {type: data}. */
async function pasteWithKeyboard(page, items) {
  await clipboardWriter.evaluate(async (entries) => {
    const blobs = Object.fromEntries(Object.entries(entries).map(([type, data]) => [type, new Blob([data], { type })]));
    await navigator.clipboard.write([new ClipboardItem(blobs)]);
  }, items);
  await page.focus('#input');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

const ARTICLE_HTML = '<html><head><title>Ferries</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
  + '<h1>Town votes for electric ferries</h1><p>By Helen Marsh</p>'
  + '<figure><img src="x" onerror="window.__xss=1"><figcaption>A ferry leaves the terminal at dawn.</figcaption></figure>'
  + '<p>Councillors voted on Monday to replace the town&rsquo;s three diesel ferries with electric boats.</p>'
  + '<script>window.__xss=1</script>'
  + '<p>The plan will cost an estimated &pound;48 million over five years, the council said.</p>'
  + '<p>The first electric ferry is due to enter service in the spring of 2027.</p>'
  + '<p>Opponents said the money would be better spent on the harbour wall.</p>'
  + '<p>Sign up for our daily newsletter to get the latest news.</p>'
  + '<footer>&copy; 2025 The Ledger. All rights reserved.</footer></body></html>';

// ---------------------------------------------------------------------------
// The options model, in Node (web/presets.js and web/export.js are plain modules)

test('presets, the hash and the Markdown export, without a browser', () => {
  const sizes = Object.fromEntries(Object.entries(TYPES).map(([type, { sentences }]) => [type, sentences]));
  assert.deepEqual(sizes, {
    keypoints: { short: 3, medium: 5, long: 7 },
    tldr: { short: 1, medium: 3, long: 5 },
    teaser: { short: 1, medium: 2, long: 3 },
    headline: null,
    custom: null,
  });
  for (const [hash, state] of [
    ['', DEFAULT_STATE],
    ['#preset=keypoints-medium', { ...DEFAULT_STATE, length: 'medium' }],
    ['#preset=teaser-long&lang=de', { ...DEFAULT_STATE, type: 'teaser', length: 'long', format: 'text', lang: 'de' }],
    ['#sentences=4&lang=de&format=bullets', { ...DEFAULT_STATE, type: 'custom', sentences: 4, lang: 'de' }],
    ['#ratio=0.25&format=text', { ...DEFAULT_STATE, type: 'custom', measure: 'ratio', ratio: 0.25, format: 'text' }],
    ['#preset=headline', { ...DEFAULT_STATE, type: 'headline', format: 'text' }],
    ['#preset=nonsense&sentences=-1&lang=<script>', DEFAULT_STATE],
  ]) {
    assert.deepEqual(parseHash(hash), state, hash);
    assert.deepEqual(parseHash(formatHash(state)), state, `round trip of ${hash}`);
  }
  assert.equal(formatHash({ ...DEFAULT_STATE, type: 'tldr', length: 'long', format: 'bullets', lang: 'fr' }), 'preset=tldr-long&format=bullets&lang=fr');
  assert.deepEqual(planFor({ ...DEFAULT_STATE, type: 'teaser', length: 'medium', lang: 'de' }).options, { sentences: 2, lang: 'de' });
  assert.deepEqual(planFor({ ...DEFAULT_STATE, type: 'custom', measure: 'ratio', ratio: 0.4 }).options, { ratio: 0.4 });

  const summary = { title: 'A title', sentences: ['One.', 'Two\nlines.', '# Not a heading.'], format: 'bullets' };
  assert.equal(toMarkdown(summary), '# A title\n\n- One.\n- Two lines.\n- \\# Not a heading.\n');
  assert.equal(toMarkdown({ ...summary, title: '' }), '- One.\n- Two lines.\n- \\# Not a heading.\n');
  assert.equal(toMarkdown({ sentences: ['Big news'], headline: true }), '# Big news\n');
  assert.equal(toPlainText(summary), '\u2022 One.\n\u2022 Two lines.\n\u2022 # Not a heading.\n');
  assert.equal(toPlainText({ ...summary, format: 'text' }), 'One. Two lines. # Not a heading.\n');
  assert.equal(fileNameFor('Yermak, Rubio discuss: “security” guarantees'), 'yermak-rubio-discuss-security-guarantees.md');
  assert.equal(fileNameFor(''), 'summary.md');
});

// ---------------------------------------------------------------------------
// In the browser

test('paste: plain text and a copied web page (Ctrl+V through the real clipboard)', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage({ clipboard: true });
  try {
    await page.waitForSelector('body[data-status="idle"]');
    await pasteWithKeyboard(page, { 'text/plain': seedText });
    await settled(page);
    assert.equal(await page.inputValue('#input'), seedText);
    assert.deepEqual(await shownItems(page), expected(seedText, { sentences: 3 }).texts);

    // A copied web page: the clipboard holds HTML too, and the page's structure is used.
    const plain = 'plain fallback that must not be summarized';
    await pasteWithKeyboard(page, { 'text/html': ARTICLE_HTML, 'text/plain': plain });
    await settled(page);
    const shown = await page.inputValue('#input');
    assert.ok(shown.includes('three diesel ferries') && !shown.includes('<') && !shown.includes(plain), shown);
    const items = await shownItems(page);
    assert.equal(items.length, 3);
    for (const item of items) assert.ok(!/ferry leaves|newsletter|rights reserved|Helen Marsh/.test(item), item);
    // The headline is dimmed as furniture in the original, never highlighted.
    const furniture = await page.$$eval('#original .furniture', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(furniture.some((text) => text.includes('Town votes for electric ferries')), furniture.join(' | '));
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'injected code ran');
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('length: a number of sentences, and a percentage with the slider', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    await page.fill('#input', seedText);
    await settled(page);
    await page.check('#type-custom');
    await page.fill('#count', '4');
    await settled(page);
    assert.deepEqual(await shownItems(page), expected(seedText, { sentences: 4 }).texts);
    assert.equal(new URL(page.url()).hash, '#sentences=4');

    await page.check('#measure-ratio');
    await settled(page);
    assert.equal(await page.textContent('#ratio-value'), '30%');
    assert.deepEqual(await shownItems(page), expected(seedText, { ratio: 0.3 }).texts);
    // The slider, moved with the keyboard: End is 100 %, every body sentence.
    await page.focus('#ratio');
    await page.keyboard.press('End');
    await settled(page);
    assert.equal(await page.textContent('#ratio-value'), '100%');
    assert.equal(new URL(page.url()).hash, '#ratio=1');
    const all = expected(seedText, { ratio: 1 }).texts;
    assert.deepEqual(await shownItems(page), all);
    await page.keyboard.press('ArrowLeft'); // 95 %
    await page.keyboard.press('ArrowLeft'); // 90 %
    await settled(page);
    assert.deepEqual(await shownItems(page), expected(seedText, { ratio: 0.9 }).texts);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('presets: each type and length gives its count, format and order', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    await page.fill('#input', seedText);
    await settled(page);
    // Key points last: key points, short is the default, and choosing what is already
    // chosen changes nothing (not even the hash).
    for (const type of ['tldr', 'teaser', 'keypoints']) {
      await page.check(`#type-${type}`);
      for (const length of ['short', 'medium', 'long']) {
        await page.check(`#length-${length}`);
        await settled(page);
        const want = TYPES[type].sentences[length];
        const { result, texts } = expected(seedText, { sentences: want });
        const order = type === 'teaser'
          ? [...result.summary].sort((a, b) => result.sentences[b].score - result.sentences[a].score || a - b)
            .map((i) => result.sentences[i].text)
          : texts;
        const label = `${type}-${length}`;
        assert.deepEqual(await summaryShape(page), { format: type === 'keypoints' ? 'bullets' : 'text', count: want }, label);
        assert.deepEqual(await shownItems(page), order, label);
        assert.equal(new URL(page.url()).hash, `#preset=${label}`);
        // Only the shown sentences are highlighted in the original.
        assert.equal(await page.locator('#original mark').count(), want, label);
      }
    }
    // Headline: the article's title, alone, highlighted where it stands.
    await page.check('#type-headline');
    await settled(page);
    const { result } = expected(seedText, { sentences: 3 });
    assert.ok(result.title, 'the seed has a title');
    assert.deepEqual(await shownItems(page), [result.title]);
    assert.deepEqual(await page.$$eval('#original mark', (marks) => marks.map((m) => m.textContent)), [result.title]);
    assert.equal(await page.isVisible('#headline-note'), true);
    assert.equal(await page.isVisible('#length-group'), false);

    // Without a title: the shortest of the three top-ranked sentences.
    const untitled = 'Ferries cross the bay every hour in summer and every two hours in winter. '
      + 'The council voted on Monday to replace the three diesel ferries with electric boats. '
      + 'Electric boats are quieter. '
      + 'The first one is due in the spring of 2027, after trials in the harbour. '
      + 'The plan will cost an estimated 48 million pounds over five years.';
    await page.fill('#input', untitled);
    await settled(page);
    const top = precis.summarize(untitled, { sentences: 3 });
    assert.equal(top.title, '');
    const shortest = top.summary.map((i) => top.sentences[i].text).sort((a, b) => a.length - b.length)[0];
    assert.deepEqual(await shownItems(page), [shortest]);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('copy as text and as Markdown, download as .md', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage({ clipboard: true });
  try {
    assert.equal(await page.isDisabled('#copy-text'), true, 'nothing to copy before a summary');
    await page.fill('#input', seedText);
    await settled(page);
    const { result, texts } = expected(seedText, { sentences: 3 });

    await page.click('#copy-text');
    await page.waitForSelector('#notice:text("Copied the summary.")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), texts.map((t) => `\u2022 ${t}`).join('\n') + '\n');

    const markdown = `# ${result.title}\n\n${texts.map((t) => `- ${t}`).join('\n')}\n`;
    await page.click('#copy-markdown');
    await page.waitForSelector('#notice:text("as Markdown")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), markdown);

    // As a paragraph, plain text runs the sentences together.
    await page.check('#format-text');
    await settled(page);
    await page.click('#copy-text');
    await page.waitForFunction((want) => navigator.clipboard.readText().then((got) => got === want), `${texts.join(' ')}\n`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.equal(download.suggestedFilename(), fileNameFor(result.title));
    assert.match(download.suggestedFilename(), /^yermak-rubio-discuss-security-guarantees.*\.md$/);
    assert.equal(readFileSync(await download.path(), 'utf8'), markdown);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('dropped files: .txt as text, .html read as a web page', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    await page.waitForSelector('body[data-status="idle"]');
    await dropFile(page, 'article.txt', 'text/plain', seedText);
    await settled(page);
    assert.equal(await page.inputValue('#input'), seedText);
    assert.deepEqual(await shownItems(page), expected(seedText, { sentences: 3 }).texts);

    await dropFile(page, 'ferries.html', 'text/html', ARTICLE_HTML);
    await settled(page);
    const { result, texts } = expected(ARTICLE_HTML, { sentences: 3, input: 'html' });
    assert.equal(await page.inputValue('#input'), result.text);
    assert.deepEqual(await shownItems(page), texts);
    assert.equal(await page.textContent('#original'), result.text);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'injected code ran');
    assert.equal(await page.locator('#original img, #original script, #summary img, #summary script').count(), 0);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('keyboard only: type, choose a preset, read why a sentence was chosen', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, sentence: el.dataset?.sentence ?? null, inSummary: !!el.closest('#summary'), inOriginal: !!el.closest('#original') };
  });
  try {
    await page.waitForSelector('body[data-status="idle"]');
    // Tab from the top of the page to the textarea.
    for (let i = 0; i < 6 && (await focused()).id !== 'input'; i++) await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'input', 'Tab never reached the textarea');
    await page.keyboard.type('Typed by hand. ');
    await page.keyboard.insertText(seedText);
    await settled(page);
    assert.equal((await shownItems(page)).length, 3);

    // Tab into the type group; the arrows choose.
    await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'type-keypoints');
    // The focus is visible: drawn on the pill next to the (transparent) radio.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle);
    assert.notEqual(outline, 'none', 'no visible focus on the type group');
    await page.keyboard.press('ArrowRight');
    await settled(page);
    assert.equal(await page.isChecked('#type-tldr'), true);
    assert.deepEqual(await summaryShape(page), { format: 'text', count: 1 });
    await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'length-short');
    await page.keyboard.press('ArrowRight');
    await settled(page);
    assert.deepEqual(await summaryShape(page), { format: 'text', count: 3 });
    assert.equal(new URL(page.url()).hash, '#preset=tldr-medium');

    // On through the format and the language; Enter on the button summarizes again,
    // Space opens the help.
    await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'format-text');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'lang');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'summarize');
    await page.keyboard.press('Enter');
    await settled(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => document.querySelector('.help').open), true, 'Space did not open the help');

    // On to the summary: a focused sentence explains itself.
    let where = await focused();
    for (let i = 0; i < 12 && !where.inSummary; i++) {
      await page.keyboard.press('Tab');
      where = await focused();
    }
    assert.ok(where.inSummary, 'Tab never reached a summary sentence');
    await page.waitForSelector('#explain:not([hidden])');
    const describedBy = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby'));
    assert.equal(describedBy, 'explain');
    const explanation = await page.textContent('#explain');
    assert.match(explanation, new RegExp(`^Sentence ${Number(where.sentence) + 1} of \\d+ · paragraph · in the summary`));
    assert.match(explanation, /score [\d.]+: position [\d.]+, centrality [\d.]+/);

    // Enter jumps to it in the original; the arrows step through the article from there.
    await page.keyboard.press('Enter');
    where = await focused();
    assert.ok(where.inOriginal, 'Enter did not move to the original');
    await page.keyboard.press('ArrowDown');
    const next = await focused();
    assert.equal(Number(next.sentence), Number(where.sentence) + 1);
    assert.match(await page.textContent('#explain'), new RegExp(`^Sentence ${Number(next.sentence) + 1} of`));
    await page.keyboard.press('Escape');
    assert.equal(await page.isHidden('#explain'), true, 'Escape did not dismiss the explanation');
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('hover shows a sentence\u2019s explanation; furniture says it is never chosen', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    await page.fill('#input', seedText);
    await settled(page);
    await page.hover('#original .furniture >> nth=1'); // the byline
    await page.waitForSelector('#explain:not([hidden])');
    assert.match(await page.textContent('#explain'), /byline · not body text, never chosen/);
    await page.hover('#original mark >> nth=0');
    await page.waitForFunction(() => document.querySelector('#explain').textContent.includes('in the summary'));
    assert.match(await page.textContent('#explain'), /position [\d.]+/);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('language: detected, shown, and overridable', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    await page.fill('#input', seedText);
    await settled(page);
    assert.equal(await page.$eval('#lang option[value="auto"]', (o) => o.textContent), 'Auto-detect: English (en)');
    await page.selectOption('#lang', 'de');
    await settled(page);
    assert.equal(new URL(page.url()).hash, '#preset=keypoints-short&lang=de');
    assert.deepEqual(await shownItems(page), expected(seedText, { sentences: 3, lang: 'de' }).texts);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('the options live in the URL hash: restored on load and on hashchange, never the text', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    await page.fill('#input', seedText);
    await settled(page);
    await page.check('#type-tldr');
    await page.check('#length-long');
    await page.check('#format-bullets');
    await page.selectOption('#lang', 'de');
    await settled(page);
    const hash = '#preset=tldr-long&format=bullets&lang=de';
    assert.equal(new URL(page.url()).hash, hash);
    assert.ok(!page.url().includes('Yermak'), 'the text leaked into the URL');

    await page.reload();
    await page.waitForSelector('body:not([data-status="loading"])');
    assert.equal(new URL(page.url()).hash, hash);
    assert.equal(await page.isChecked('#type-tldr'), true);
    assert.equal(await page.isChecked('#length-long'), true);
    assert.equal(await page.isChecked('#format-bullets'), true);
    assert.equal(await page.inputValue('#lang'), 'de');
    await page.fill('#input', seedText);
    await settled(page);
    assert.deepEqual(await summaryShape(page), { format: 'bullets', count: 5 });

    // Editing the hash (a link, the back button) applies at once.
    await page.evaluate(() => (location.hash = '#sentences=2&format=text'));
    await page.waitForFunction(() => document.querySelector('#type-custom').checked);
    await settled(page);
    assert.equal(await page.inputValue('#count'), '2');
    assert.equal(await page.inputValue('#lang'), 'auto');
    assert.deepEqual(await summaryShape(page), { format: 'text', count: 2 });
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
  // A fresh visit with a hash opens with those options.
  const fresh = await openPage({ hash: '#preset=teaser-medium' });
  try {
    assert.equal(await fresh.page.isChecked('#type-teaser'), true);
    assert.equal(await fresh.page.isChecked('#length-medium'), true);
    assert.equal(await fresh.page.isChecked('#format-text'), true);
    await assertClean(fresh.page, fresh.probe);
  } finally {
    await fresh.context.close();
  }
});

test('offline: after one visit the service worker serves the page and it still summarizes', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    assert.equal(scope, baseURL);
    // Every file the assembler listed is in the cache.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('precis-')));
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
    for (const file of ['/index.html', '/app.js', '/worker.js', '/style.css', '/precis/precis.mjs', '/precis/dist/precis-core.wasm']) {
      assert.ok(cached.includes(file), `${file} is not precached: ${cached.join(', ')}`);
    }

    await context.setOffline(true);
    const before = probe.requests.length;
    await page.reload();
    await page.fill('#input', seedText);
    await settled(page);
    assert.deepEqual(await shownItems(page), expected(seedText, { sentences: 3 }).texts);
    assert.ok(probe.requests.length > before, 'the offline reload made no requests at all: was it a reload?');
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('a new version waits for the reader: offered, then taken on Reload, the old cache dropped', { timeout: TEST_TIMEOUT }, async () => {
  // A copy of the site on a server (and origin) of its own, "rebuilt" halfway through.
  const root = mkdtempSync(path.join(os.tmpdir(), 'precis-site-'));
  cpSync(SITE, root, { recursive: true });
  const own = await startServer({ root, port: 0 });
  const { context, page, probe } = await openPage({ url: own.url });
  const cacheNames = () => page.evaluate(() => caches.keys());
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const [first] = await cacheNames();
    assert.match(first, /^precis-[0-9a-f]{16}$/);
    assert.equal(await page.isHidden('#update'), true, 'no update to offer yet');

    // What assemble-site.mjs would write for a changed site: a new version in sw.js.
    const sw = path.join(root, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/"version":"([0-9a-f]+)"/, '"version":"$1-next"'));
    await page.reload(); // the navigation makes the browser check sw.js, and find it changed
    await page.waitForSelector('#update:not([hidden])');
    assert.deepEqual((await cacheNames()).sort(), [first, `${first}-next`].sort(), 'the new version precaches beside the old');
    await Promise.all([page.waitForNavigation(), page.click('#update-reload')]);
    await page.waitForFunction((name) => caches.keys().then((names) => names.length === 1 && names[0] === name), `${first}-next`);
    await page.fill('#input', seedText);
    await settled(page);
    assert.equal(await page.isHidden('#update'), true);
    await assertClean(page, probe);
  } finally {
    await context.close();
    await new Promise((resolve) => own.server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  }
});

test('payloads pasted as text and as HTML stay inert everywhere', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage({ clipboard: true });
  const img = '<img src=x onerror="window.__xss=1">';
  const script = '<script>window.__xss=1</script>';
  const text = `${img} is the headline of this note\n\nThe markup ${img} must show up as typed in every sentence. `
    + `A script tag such as ${script} must not run either. The keywords, the tooltip and the copy are text too.`;
  try {
    await page.waitForSelector('body[data-status="idle"]');
    await pasteWithKeyboard(page, { 'text/plain': text });
    await settled(page);
    await page.focus('#summary [data-sentence]');
    await page.waitForSelector('#explain:not([hidden])');
    assert.ok((await page.innerText('#original')).includes(img));

    // As HTML: the markup is parsed by the core (in the worker), never by this page.
    const html = `<h1>${img} Title</h1><p>First ${script} paragraph with &lt;b&gt;escaped&lt;/b&gt; markup. `
      + '<a href="javascript:window.__xss=1">A link</a> in the second sentence.</p>'
      + '<p><svg onload="window.__xss=1"></svg>Third sentence here. <iframe src="javascript:window.__xss=1"></iframe>Fourth one.</p>';
    await page.evaluate((markup) => {
      const data = new DataTransfer();
      data.setData('text/html', markup);
      data.setData('text/plain', 'plain');
      document.querySelector('#input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await settled(page);
    assert.ok((await page.inputValue('#input')).includes('<b>escaped</b>'), 'escaped markup should arrive as text');
    await page.waitForTimeout(300); // room for a wrongly created element to load and fire
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'injected code ran');
    const live = 'img, script, svg, iframe, a, b';
    for (const where of ['#original', '#summary', '#keywords', '#explain', '#stats']) {
      assert.equal(await page.locator(`${where} :is(${live})`).count(), 0, `markup became elements in ${where}`);
    }
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('accessibility: axe-core finds nothing serious or critical, light and dark', { timeout: TEST_TIMEOUT }, async () => {
  const axeSource = readFileSync(AXE, 'utf8');
  const { context, page, probe } = await openPage();
  try {
    await page.fill('#input', seedText);
    await settled(page);
    await page.focus('#summary [data-sentence]'); // with the explanation showing
    // The CSP forbids inline scripts, so axe is not added as a <script>: DevTools-protocol
    // evaluation (what page.evaluate uses) is not subject to the page's CSP.
    await page.evaluate(axeSource);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const violations = await page.evaluate(async () => {
        const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
        return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious, [], `${colorScheme}: ${JSON.stringify(serious, null, 2)}`);
    }
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('screenshots: light, dark, and 360 px wide without sideways scrolling', { timeout: TEST_TIMEOUT }, async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { context, page, probe } = await openPage();
  try {
    await page.fill('#input', seedText);
    await settled(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'page-light.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(20, 21, 24)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'page-dark.png'), fullPage: true });

    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.check('#type-custom'); // the widest set of options
    await settled(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'page-360.png'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${width} px wide at a 360 px viewport`);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('a 5 MB paste: summarized in the worker, the whole original rendered, the page responsive', { timeout: 90_000 }, async () => {
  const { context, page, probe } = await openPage();
  let big = '';
  for (let i = 0; big.length < 5_000_000; i++) big += `${seedText.replace(/Yermak/g, `Yermak${i}`)}\n\n`;
  try {
    await page.waitForSelector('body[data-status="idle"]');
    await page.evaluate((text) => {
      const input = document.querySelector('#input');
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, big);
    // While the worker works, the page still answers: a preset can be chosen, and it says
    // it is busy (the core alone needs well over a second for 5 MB).
    await page.check('#type-tldr');
    await page.waitForSelector('#busy:text("Summarizing…")', { timeout: 80_000 });
    await page.waitForSelector('body[data-status="ready"], body[data-status="error"]', { timeout: 80_000 });
    assert.equal(await page.textContent('#busy'), '');
    assert.equal(await page.getAttribute('body', 'data-status'), 'ready', await page.textContent('#message'));
    assert.deepEqual(await summaryShape(page), { format: 'text', count: 1 });
    const { length, chunks, marks } = await page.evaluate(() => ({
      length: document.querySelector('#original').textContent.length,
      chunks: document.querySelectorAll('#original .chunk').length,
      marks: document.querySelectorAll('#original mark').length,
    }));
    assert.equal(length, big.length, 'the original is not the whole text');
    assert.ok(chunks > 1, 'a long text should be rendered in chunks');
    assert.equal(marks, 1);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});
