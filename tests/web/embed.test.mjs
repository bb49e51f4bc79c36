// The embedding example (examples/embed/) bundled by esbuild and run in Debian's Chromium:
//
//   npm run build && node --test tests/web/embed.test.mjs
//
// Bundles main.js (which imports 'precis', 'precis/element', 'precis/worker' and
// 'precis/summarizer') into build/examples/embed/ with the .wasm copied next to it,
// serves that folder with a tiny static server under the example's strict CSP, and
// checks that the module, the <precis-summary> element, the Worker helper and the
// Summarizer facade all work there without a request to another origin, a CSP
// violation or a console error.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildExample } from '../../examples/embed/build.mjs';
import { launchChromium, openProbed } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(REPO, 'build', 'examples', 'embed');
const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 40_000;

if (!existsSync(path.join(REPO, 'wasm', 'dist', 'precis-core.wasm'))) {
  throw new Error('wasm/dist/precis-core.wasm is missing: run `npm run build` first');
}

// The page's own policy (its <meta>), also sent as a header so that the worker, whose
// policy comes from its own response, runs under it too.
const CSP = readFileSync(path.join(REPO, 'examples', 'embed', 'index.html'), 'utf8')
  .match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A tiny static server for `root` on 127.0.0.1 (a free port). */
function serve(root) {
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const file = path.join(root, path.normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    const type = MIME[path.extname(file)];
    const info = file.startsWith(root + path.sep) && type ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': info.size,
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server;
let baseURL;
let browser;

before(async () => {
  await buildExample({ outdir: OUT });
  // A second, test-only bundle that hands createWorker and PrecisError to the page.
  await esbuild.build({
    stdin: {
      contents: "import { createWorker } from 'precis/worker'; import { PrecisError } from 'precis';\n" +
        'globalThis.precisProbe = { createWorker, PrecisError };',
      resolveDir: REPO,
      sourcefile: 'probe.js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: path.join(OUT, 'probe.mjs'),
    logLevel: 'warning',
  });
  server = await serve(OUT);
  baseURL = `http://127.0.0.1:${server.address().port}/`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Opens the example, recording requests, console errors, page errors and CSP violations. */
async function openExample() {
  const { context, page, probe } = await openProbed(browser, baseURL, { timeout: STEP_TIMEOUT });
  return { context, page, probe };
}

async function assertClean(page, probe) {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
  assert.deepEqual(probe.errors, [], 'console errors / page errors');
  const origin = new URL(baseURL).origin;
  // data: URLs (the empty favicon) never leave the page; everything else must be ours.
  const foreign = probe.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  assert.deepEqual(foreign, [], 'requests to other origins');
}

/** The texts rendered in the element's shadow root. */
function elementItems(page, selector = '#story-summary') {
  return page.$eval(selector, (el) => [...el.shadowRoot.querySelectorAll('li')].map((li) => li.textContent));
}

test('the bundled example: module, element, worker and facade under a strict CSP', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openExample();
  try {
    await page.waitForSelector('body[data-summary][data-worker][data-headline][data-element]');
    const shown = await page.textContent('#message');
    for (const part of ['summary', 'worker', 'headline', 'element']) {
      assert.equal(await page.getAttribute('body', `data-${part}`), 'ready', `${part}: ${shown}`);
    }
    const story = await page.$eval('#story', (el) => el.innerText);
    const inStory = (s) => s.length > 20 && story.includes(s);

    // summarize(): two sentences of the story, and key phrases.
    const summary = await page.$$eval('#summary li', (items) => items.map((li) => li.textContent));
    assert.equal(summary.length, 2);
    assert.ok(summary.every(inStory), JSON.stringify(summary));
    assert.notEqual((await page.textContent('#keywords')).trim(), '');

    // The element: sentences="3" gives three sentences of the story, in its shadow root.
    const items = await elementItems(page);
    assert.equal(items.length, 3, JSON.stringify(items));
    assert.ok(items.every(inStory), JSON.stringify(items));
    assert.deepEqual(await page.$eval('#story-summary', (el) => el.sentences), items);
    assert.equal(await page.$eval('#story-summary', (el) => el.state), 'ready');
    // The headline and byline are furniture, never chosen.
    assert.ok(items.every((s) => !s.startsWith('Harbour town') && !s.startsWith('By Imogen')));

    // The Worker helper: one sentence of the story, computed in the worker.
    assert.ok(inStory(await page.textContent('#worker-summary')));

    // The Summarizer facade: type "headline" gives the article's own headline.
    assert.equal(await page.textContent('#headline'), await page.textContent('#story h1'));

    // The .wasm and the worker bundle came from next to the page; nothing from dist/.
    const paths = probe.requests.filter((u) => u.startsWith('http')).map((u) => new URL(u).pathname);
    assert.ok(paths.includes('/precis-core.wasm'), paths.join(' '));
    assert.ok(paths.includes('/worker.mjs'), paths.join(' '));
    assert.ok(!paths.some((p) => p.includes('/dist/')), paths.join(' '));

    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('the element follows its attributes and its source, and renders text as text', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openExample();
  try {
    await page.waitForFunction(() => document.querySelector('#story-summary').shadowRoot.querySelectorAll('li').length === 3);

    // An attribute change summarizes again.
    await page.$eval('#story-summary', (el) => el.setAttribute('sentences', '2'));
    await page.waitForFunction(() => document.querySelector('#story-summary').shadowRoot.querySelectorAll('li').length === 2);

    // format="text": one paragraph holding the same sentences.
    const sentences = await page.$eval('#story-summary', (el) => el.sentences);
    await page.$eval('#story-summary', (el) => el.setAttribute('format', 'text'));
    const paragraph = await page.$eval('#story-summary', (el) => el.shadowRoot.querySelector('p[part="text"]')?.textContent);
    assert.equal(paragraph, sentences.join(' '));
    await page.$eval('#story-summary', (el) => el.setAttribute('format', 'list'));

    // A change to the source summarizes again (debounced, once for a burst of changes),
    // and markup in the text stays text.
    const before = await page.$eval('#story-summary', (el) => el.result.sentences.length);
    const events = await page.evaluate(async () => {
      const el = document.querySelector('#story-summary');
      let count = 0;
      el.addEventListener('precis-summary', () => count++);
      const story = document.getElementById('story');
      for (const text of [
        'Residents will be invited to name the boardwalk, and the council has promised to announce the winning name in June.',
        'One early suggestion, <img src=x onerror=alert(1)>, was rejected by the committee as unhelpful.',
      ]) {
        const p = document.createElement('p');
        p.textContent = text;
        story.append(p);
      }
      await new Promise((resolve) => el.addEventListener('precis-summary', resolve, { once: true }));
      await new Promise((resolve) => setTimeout(resolve, 400)); // room for a second (unwanted) run
      return count;
    });
    assert.equal(events, 1, 'one summary for a burst of changes');
    assert.equal(await page.$eval('#story-summary', (el) => el.result.sentences.length), before + 2);
    assert.equal(await page.$eval('#story-summary', (el) => el.shadowRoot.querySelectorAll('img').length), 0);

    // Pointing it at an element that is not there is an error, reported as an event.
    const error = await page.evaluate(async () => {
      const el = document.querySelector('#story-summary');
      const failed = new Promise((resolve) => el.addEventListener('precis-error', (e) => resolve(e.detail.error.code), { once: true }));
      el.setAttribute('for', 'no-such-article');
      return failed;
    });
    assert.equal(error, 'invalid_input');
    assert.equal(await page.$eval('#story-summary', (el) => el.state), 'error');
    assert.equal(await page.$eval('#story-summary', (el) => el.shadowRoot.childElementCount), 0);

    // ... and it recovers once the element appears (read as HTML: it must hold enough
    // running text to be an article, or the element says there is none).
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'no-such-article';
      p.textContent = 'A late paragraph arrives with the news that the new boardwalk along the harbour will open in June. '
        + 'It has two sentences in it, and both of them are about the boardwalk.';
      document.body.append(p);
    });
    await page.waitForFunction(() => document.querySelector('#story-summary').state === 'ready');
    assert.equal((await elementItems(page)).length, 2);

    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});

test('the worker helper rejects with PrecisError codes and AbortError after terminate()', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, probe } = await openExample();
  try {
    await page.waitForSelector('body[data-worker]');
    // probe.mjs (bundled in before()) puts createWorker and PrecisError on globalThis.
    await page.addScriptTag({ url: '/probe.mjs', type: 'module' });
    await page.waitForFunction(() => globalThis.precisProbe);
    const outcome = await page.evaluate(async () => {
      const { createWorker, PrecisError } = globalThis.precisProbe;
      const worker = createWorker({ url: './worker.mjs', wasmURL: 'precis-core.wasm' });
      const caught = (promise) =>
        promise.then(
          () => null,
          (e) => ({ name: e.name, code: e.code, precis: e instanceof PrecisError, message: e.message }),
        );
      await worker.ready;
      const good = await worker.summarize('The first sentence is here. Another one follows it there. A third one ends the text.', { sentences: 2 });
      const badOption = await caught(worker.summarize('One sentence here.', { sentences: 0 }));
      const badLanguage = await caught(worker.summarize('One sentence here.', { lang: 'not a language' }));
      const notText = await caught(worker.summarize(42));
      const pending = caught(worker.summarize('One more sentence here. And another.'));
      worker.terminate();
      const afterwards = await caught(worker.summarize('Too late now.'));
      return { good: good.summary.length, badOption, badLanguage, notText, pending: await pending, afterwards };
    });
    assert.equal(outcome.good, 2);
    assert.deepEqual(
      [outcome.badOption.code, outcome.badLanguage.code, outcome.notText.code],
      ['invalid_option', 'invalid_language', 'invalid_input'],
    );
    for (const e of [outcome.badOption, outcome.badLanguage, outcome.notText]) {
      assert.equal(e.name, 'PrecisError');
      assert.ok(e.precis && e.message.length > 0);
    }
    // A call still on its way when terminate() runs may have been answered already.
    assert.ok(outcome.pending === null || outcome.pending.name === 'AbortError', JSON.stringify(outcome.pending));
    assert.equal(outcome.afterwards.name, 'AbortError');
    await assertClean(page, probe);
  } finally {
    await context.close();
  }
});
