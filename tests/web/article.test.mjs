// Article extraction and page metadata in the browser: the page (build/site) shows the
// article's title, byline, publication date and site name above the summary, and "No
// article found on this page" for a page without one (the core's `no_article`
// warning); the <precis-summary> element reads a page element as HTML (so the core
// leaves out the menus inside it), shows the same message, and the metadata with its
// `metadata` attribute. Real pages (tests/data/pages: a news home page that is all
// links, a blog post with its metadata), the real core, Debian's Chromium:
//
//   npm run build && node --test tests/web/article.test.mjs
//
// No mock of the core. What the page shows is checked against what the same module
// gives in Node. Every test also checks that nothing left the origin, nothing logged an error
// and nothing broke the CSP.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { NO_ARTICLE, formatPublished, metadataOf } from '../../web/render.js';
import { dropFile, launchChromium, openProbed, pasteHtml, requireSite } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// PRECIS_SITE points the test at another assembled copy of the site (default build/site).
const SITE = path.resolve(REPO, process.env.PRECIS_SITE ?? path.join('build', 'site'));
const AXE = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');
const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 40_000;

requireSite(REPO, SITE, ['index.html', 'app.js', 'render.js', 'worker.js', 'precis/precis.mjs', 'precis/dist/precis-core.wasm']);

const pageFile = (name) => readFileSync(path.join(REPO, 'tests', 'data', 'pages', `${name}.html`), 'utf8');
const HOME = pageFile('home'); // a news home page: navigation and lists of links, no article
const POST = pageFile('post'); // a blog post: og:site_name, author, byline, <time datetime>

// The site's own module, in Node: what the page should show.
const precis = await (await import(pathToFileURL(path.join(SITE, 'precis', 'precis.mjs')).href)).load();

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

async function openPage(url = baseURL) {
  return openProbed(browser, url, { contextOptions: { viewport: { width: 1280, height: 900 } }, timeout: STEP_TIMEOUT });
}

/** Wait until the page has a current result; fail with its message if it reports an error. */
async function settled(page) {
  await page.waitForSelector('body[data-status="ready"], body[data-status="error"]');
  const status = await page.getAttribute('body', 'data-status');
  if (status !== 'ready') assert.fail(`the page reported an error instead of a summary: ${await page.textContent('#message')}`);
}

/** Drop `html` as a file, or paste it as a copied web page, and wait for the result. */
async function give(page, html, how = 'drop') {
  await page.waitForSelector('body:not([data-status="loading"])');
  const before = await page.evaluate(() => document.querySelector('#input').value);
  if (how === 'drop') await dropFile(page, 'page.html', 'text/html', html);
  else await pasteHtml(page, html, 'the plain-text flavour, which must not be used');
  // The textarea shows the text the core extracted once the result is in.
  await page.waitForFunction((old) => document.querySelector('#input').value !== old, before);
  await settled(page);
}

async function assertClean(page, probe) {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
  assert.deepEqual(probe.errors, [], 'console errors / page errors');
  const offOrigin = probe.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== probe.origin);
  assert.deepEqual(offOrigin, [], 'requests to other origins');
}

/** axe-core's serious and critical findings on the page as it is, light and dark. */
async function axeSerious(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const serious = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async () => {
      const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
      return violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
    });
    serious.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ colorScheme, ...v })));
  }
  return serious;
}

/** What #meta shows: [[data-meta, text, datetime?], ...], and whether it is hidden. */
function shownMeta(page) {
  return page.evaluate(() => {
    const meta = document.querySelector('#meta');
    const fields = [...meta.querySelectorAll('[data-meta]')].map((node) => (node.localName === 'time'
      ? [node.dataset.meta, node.textContent, node.getAttribute('datetime')]
      : [node.dataset.meta, node.textContent]));
    const elements = [...meta.querySelectorAll('*')].map((node) => node.localName);
    return { hidden: meta.hidden, fields, elements };
  });
}

/** The reader's formatting of an ISO date, computed by the page's own render.js in the page. */
function pageFormat(page, iso) {
  return page.evaluate(async (value) => (await import('/render.js')).formatPublished(value), iso);
}

/** What #meta should show for `result` (the core's, in Node). */
async function wantedMeta(page, result, options) {
  const fields = [];
  for (const [field, value] of metadataOf(result, options)) {
    fields.push(field === 'published' ? [field, await pageFormat(page, value), value] : [field, value]);
  }
  return fields;
}

// ---------------------------------------------------------------------------
// Dates, in Node (web/render.js is a plain module)

test('formatPublished: as the reader writes dates, the day never moved by the time zone', () => {
  const en = { locales: 'en-US' };
  assert.equal(formatPublished('2025-03-14', en), 'March 14, 2025');
  assert.equal(formatPublished('2025-03-14', { locales: 'de-DE' }), '14. März 2025');
  // A date alone is that day everywhere, east or west of UTC.
  for (const timeZone of ['Pacific/Honolulu', 'Pacific/Kiritimati', 'UTC']) {
    assert.equal(formatPublished('2025-01-01', { locales: 'en-US', timeZone }), 'January 1, 2025', timeZone);
  }
  assert.equal(formatPublished('2025-03', en), 'March 2025');
  // A date-time is shown in the reader's time zone.
  assert.equal(formatPublished('2025-03-14T09:30:00Z', { locales: 'en-US', timeZone: 'UTC' }), 'March 14, 2025 at 9:30 AM');
  assert.equal(formatPublished('2025-03-14T23:30:00-05:00', { locales: 'en-US', timeZone: 'Europe/Berlin' }), 'March 15, 2025 at 5:30 AM');
  // Anything else is shown as it is.
  for (const odd of ['2025', '2025-02-30', '2025-13', 'yesterday', '', '2025-03-14T99:99:99Z']) assert.equal(formatPublished(odd, en), odd);
});

// ---------------------------------------------------------------------------
// The page

test('page: the article\u2019s title and the metadata the core found, above the summary, as text', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    // Dropped as an .html file: read as a web page (the textarea shows the core's text).
    await give(page, POST, 'drop');
    const r = precis.summarize(POST, { input: 'html', sentences: 3 });
    assert.equal(await page.inputValue('#input'), r.text);
    assert.deepEqual(await page.$$eval('#summary [data-sentence]', (n) => n.map((x) => x.textContent)), r.summary.map((i) => r.sentences[i].text));
    let meta = await shownMeta(page);
    assert.equal(meta.hidden, false);
    assert.deepEqual(meta.fields, await wantedMeta(page, r));
    assert.deepEqual(meta.fields[0], ['title', 'Town votes for electric ferries']);
    assert.ok(meta.elements.every((name) => ['p', 'span', 'time'].includes(name)), meta.elements.join(' '));
    // Above the summary.
    assert.equal(await page.evaluate(() => document.querySelector('#meta').compareDocumentPosition(document.querySelector('#summary')) & Node.DOCUMENT_POSITION_FOLLOWING), 4);
    assert.equal(await page.getAttribute('body', 'data-warnings'), null);
    assert.equal(await page.isDisabled('#copy-text'), false);
    assert.deepEqual(await axeSerious(page), []);

    // Pasted as a copied web page: the same, from its HTML (not its plain-text flavour).
    await page.fill('#input', '');
    await settled(page);
    await give(page, POST, 'paste');
    assert.equal(await page.inputValue('#input'), r.text);
    assert.deepEqual((await shownMeta(page)).fields, await wantedMeta(page, r));

    // The headline type shows the title as the summary, so not again above it.
    await page.check('#type-headline');
    await settled(page);
    meta = await shownMeta(page);
    assert.deepEqual(meta.fields, await wantedMeta(page, r, { withTitle: false }));
    assert.equal(meta.hidden, meta.fields.length === 0);
    assert.deepEqual(await page.$$eval('#summary [data-sentence]', (n) => n.map((x) => x.textContent)), [r.title]);

    // Markup in the metadata is text: an escaped tag in the headline stays a tag's text.
    await page.check('#type-keypoints');
    const tricky = POST.replace('<h1>Town votes for electric ferries</h1>', '<h1>Town votes &lt;img src=x onerror=window.__xss=1&gt; for ferries</h1>');
    await give(page, tricky, 'drop');
    meta = await shownMeta(page);
    assert.deepEqual(meta.fields[0], ['title', 'Town votes <img src=x onerror=window.__xss=1> for ferries']);
    assert.equal(await page.locator('#meta img').count(), 0);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'injected code ran');

    // Plain text: the title the core found, and nothing else.
    await page.fill('#input', 'Ferries\n\nThe council voted for electric ferries on Monday. The first one comes in 2027. Opponents wanted a new harbour wall.');
    await settled(page);
    meta = await shownMeta(page);
    const text = precis.summarize(await page.inputValue('#input'), { sentences: 3 });
    assert.deepEqual(meta.fields, await wantedMeta(page, text));
    assert.ok(meta.fields.every(([field]) => field === 'title'), JSON.stringify(meta.fields));
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('page: a blog post\u2019s byline, date (<time datetime>) and site name', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    await give(page, POST, 'drop');
    const meta = Object.fromEntries((await shownMeta(page)).fields.map(([field, ...rest]) => [field, rest]));
    assert.match(meta.byline[0], /Helen Marsh/);
    assert.equal(meta.site_name[0], 'The Ledger');
    const [shown, datetime] = meta.published;
    assert.match(datetime, /^2025-03-14/);
    assert.equal(shown, await pageFormat(page, datetime));
    assert.notEqual(shown, datetime, 'the date is shown as the reader writes dates');
    assert.match(shown, /2025/);
    // One line: byline · date · site name.
    assert.equal(await page.textContent('#meta .meta-line'), `${meta.byline[0]} \u00b7 ${shown} \u00b7 The Ledger`);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('page: a page that is all navigation says "No article found on this page", nothing highlighted', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage();
  try {
    for (const how of ['drop', 'paste']) {
      await give(page, HOME, how);
      const r = precis.summarize(HOME, { input: 'html', sentences: 3 });
      assert.equal(r.warnings[0]?.code, 'no_article');
      assert.equal(await page.inputValue('#input'), r.text, how);
      assert.equal(await page.textContent('#summary'), NO_ARTICLE, how);
      assert.equal(await page.locator('#summary [data-sentence]').count(), 0, how);
      assert.equal(await page.locator('#original mark').count(), 0, how);
      assert.equal(await page.textContent('#original'), r.text, how);
      // Announced: #message is the page's polite status line.
      assert.equal(await page.textContent('#message'), NO_ARTICLE, how);
      assert.equal(await page.getAttribute('#message', 'role'), 'status');
      assert.equal(await page.getAttribute('#message', 'aria-live'), 'polite');
      assert.match(await page.getAttribute('body', 'data-warnings'), /(^| )no_article( |$)/);
      for (const button of ['#copy-text', '#copy-markdown', '#download']) assert.equal(await page.isDisabled(button), true, button);
      // Nothing summarized, so no "reading saved" and no "words → 0 words".
      assert.equal(await page.locator('[data-stat="saved"]').count(), 0, how);
      assert.doesNotMatch(await page.textContent('[data-stat="words"]'), /\u2192/, how);
      if (how === 'drop') assert.deepEqual(await axeSerious(page), []);
      // Not even a headline.
      await page.check('#type-headline');
      await settled(page);
      assert.equal(await page.textContent('#summary'), NO_ARTICLE, how);
      await page.check('#type-keypoints');
      await settled(page);
      // Back to an article: the summary returns and the warning goes.
      await give(page, POST, how);
      assert.equal(await page.locator('#summary [data-sentence]').count(), 3, how);
      assert.equal(await page.locator('[data-stat="saved"]').count(), 1, how);
      assert.equal(await page.getAttribute('body', 'data-warnings'), null);
      assert.equal(await page.textContent('#message'), '');
      assert.equal(await page.evaluate(() => document.querySelector('#message').classList.contains('visually-hidden')), false);
    }
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------
// The <precis-summary> element, on a page of its own (the module files next to it)

const MENU = [
  'Read our guide to the new ferry timetable, which changes every crossing of the bay from Monday.',
  'Councillors will vote again on the ferries next year, the council said in a statement on Monday.',
];
const HOST = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'">
  <title>Host page</title>
  <link rel="icon" href="data:,">
  <script type="module" src="host.mjs"></script>
</head>
<body>
  <div id="page">
    <header>
      <a href="/">The Ledger</a>
      <nav><ul>${MENU.map((item) => `<li><a href="/guide">${item}</a></li>`).join('')}</ul></nav>
    </header>
    <article>
      <h1>Town votes for electric ferries</h1>
      <p class="byline">By <a rel="author" href="/authors/helen-marsh">Helen Marsh</a></p>
      <p><time datetime="2025-03-14">14 March 2025</time></p>
      <p>Councillors voted on Monday to replace the town’s three diesel ferries with electric boats, ending a debate that has run for almost ten years.</p>
      <p>The plan will cost an estimated £48 million over five years, the council said, most of it paid for by a government grant.</p>
      <p>The first electric ferry is due to enter service in the spring of 2027, once new charging points have been built.</p>
      <p>Opponents said the money would be better spent on the harbour wall, which still leaks at high tide.</p>
      <p id="late" hidden>The council will hold a public meeting next month to explain how the timetable will change.</p>
    </article>
    <footer><p>© 2025 The Ledger. All rights reserved.</p></footer>
  </div>
  <precis-summary id="s-page" for="page" sentences="3" metadata></precis-summary>

  <div id="home">${HOME.match(/<body>([\s\S]*)<\/body>/)[1]}</div>
  <precis-summary id="s-home" for="home" metadata></precis-summary>

  <textarea id="draft">${MENU.join('\n')}\n\nCouncillors voted on Monday to replace the diesel ferries. The first electric ferry comes in 2027. Opponents wanted a new harbour wall instead.</textarea>
  <precis-summary id="s-draft" for="draft" sentences="2"></precis-summary>
</body>
</html>
`;

let hostRoot;
let host;

before(async () => {
  hostRoot = mkdtempSync(path.join(os.tmpdir(), 'precis-host-'));
  mkdirSync(path.join(hostRoot, 'precis', 'dist'), { recursive: true });
  for (const file of ['precis.mjs', 'element.mjs', 'dist/precis-core.mjs', 'dist/precis-core.wasm']) {
    cpSync(path.join(REPO, 'wasm', file), path.join(hostRoot, 'precis', file));
  }
  writeFileSync(path.join(hostRoot, 'index.html'), HOST);
  writeFileSync(path.join(hostRoot, 'host.mjs'), "import './precis/element.mjs';\n");
  host = await startServer({ root: hostRoot, port: 0 });
});

after(async () => {
  await new Promise((resolve) => (host ? host.server.close(resolve) : resolve()));
  if (hostRoot) rmSync(hostRoot, { recursive: true, force: true });
});

/** The element's state once it has summarized: its result, sentences and shadow content. */
async function elementState(page, id) {
  await page.waitForFunction((sel) => ['ready', 'error'].includes(document.querySelector(sel)?.state), `#${id}`);
  return page.$eval(`#${id}`, (el) => ({
    state: el.state,
    error: el.error?.message ?? null,
    result: el.result,
    sentences: el.sentences,
    items: [...el.shadowRoot.querySelectorAll('[part="sentence"]')].map((li) => li.textContent),
    parts: [...el.shadowRoot.querySelectorAll('[part]')].map((node) => [node.getAttribute('part'), node.textContent, node.getAttribute('datetime')]),
  }));
}

test('element: a page element is read as HTML, so the menus in it are left out; a textarea stays text', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage(host.url);
  try {
    const got = await elementState(page, 's-page');
    assert.equal(got.state, 'ready', got.error);
    const html = await page.$eval('#page', (el) => el.outerHTML);
    const r = precis.summarize(html, { input: 'html', sentences: 3 });
    assert.equal(got.result.text, r.text, 'summarized as HTML: the result holds the text the core read');
    assert.deepEqual(got.sentences, r.summary.map((i) => r.sentences[i].text));
    assert.deepEqual(got.items, got.sentences);
    assert.equal(got.items.length, 3);
    for (const item of got.items) assert.ok(!MENU.some((m) => item.includes(m.slice(0, 30))), `a menu item was chosen: ${item}`);
    for (const s of got.result.sentences) {
      if (MENU.includes(s.text)) assert.ok(!['paragraph', 'list_item', 'quote'].includes(s.block_type), `${s.block_type}: ${s.text}`);
    }

    // The textarea's value is plain text, as before.
    const draft = await elementState(page, 's-draft');
    const value = await page.inputValue('#draft');
    const t = precis.summarize(value, { sentences: 2 });
    assert.equal(draft.result.text, undefined);
    assert.deepEqual(draft.sentences, t.summary.map((i) => t.sentences[i].text));

    // The markup counts: a hidden paragraph is left out, and showing it (an attribute
    // change, no new text) summarizes again with it.
    const LATE = 'The council will hold a public meeting';
    assert.ok(!got.result.text.includes(LATE), 'a hidden paragraph was read');
    await page.$eval('#late', (p) => (p.hidden = false));
    await page.waitForFunction((s) => document.querySelector('#s-page').result?.text.includes(s), LATE);
    const shown = await elementState(page, 's-page');
    const again = precis.summarize(await page.$eval('#page', (el) => el.outerHTML), { input: 'html', sentences: 3 });
    assert.equal(shown.result.text, again.text);
    assert.deepEqual(shown.items, again.summary.map((i) => again.sentences[i].text));
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('element: the metadata attribute shows the title and what else the core found, as text', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage(host.url);
  try {
    const got = await elementState(page, 's-page');
    const r = got.result;
    const meta = got.parts.filter(([name]) => ['title', 'byline', 'published', 'site-name'].includes(name));
    const want = [['title', r.title, null]];
    for (const [field, name] of [['byline', 'byline'], ['published', 'published'], ['site_name', 'site-name']]) {
      if (typeof r[field] === 'string' && r[field]) {
        const shown = field === 'published' ? await page.evaluate((iso) => {
          const [y, m, d] = iso.split('-').map(Number);
          return /^\d{4}-\d{2}-\d{2}$/.test(iso)
            ? new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
            : new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
        }, r[field]) : r[field];
        want.push([name, shown, field === 'published' ? r[field] : null]);
      }
    }
    assert.equal(r.title, 'Town votes for electric ferries');
    assert.deepEqual(meta, want);
    assert.equal(got.parts[0][0], 'meta', 'the metadata comes first, above the summary');
    // Without the attribute: no metadata.
    await page.$eval('#s-page', (el) => el.removeAttribute('metadata'));
    const bare = await elementState(page, 's-page');
    assert.deepEqual(bare.parts.map(([name]) => name), ['list', 'sentence', 'sentence', 'sentence']);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('element: byline and date of the article it reads', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage(host.url);
  try {
    const got = await elementState(page, 's-page');
    const part = (name) => got.parts.find(([n]) => n === name);
    assert.match(got.result.byline, /Helen Marsh/);
    assert.equal(part('byline')?.[1], got.result.byline);
    assert.match(got.result.published, /^2025-03-14/);
    assert.equal(part('published')?.[2], got.result.published);
    assert.match(part('published')?.[1] ?? '', /2025/);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('element: a page without an article shows "No article found on this page"', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openPage(host.url);
  try {
    const got = await elementState(page, 's-home');
    assert.equal(got.state, 'ready', got.error);
    assert.equal(got.result.warnings[0]?.code, 'no_article');
    assert.deepEqual(got.sentences, []);
    assert.deepEqual(got.items, []);
    const notice = await page.$eval('#s-home', (el) => {
      const p = el.shadowRoot.querySelector('[part="notice"]');
      return p && { text: p.textContent, role: p.getAttribute('role') };
    });
    assert.deepEqual(notice, { text: NO_ARTICLE, role: 'status' });
    assert.equal(await page.$eval('#s-home', (el) => el.shadowRoot.querySelector('[part="list"], [part="text"]')), null);
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});
