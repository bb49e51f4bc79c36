// Bad input never hurts the page (issue 9): text and HTML carrying script payloads,
// pasted, dropped or opened, stay inert; the Content-Security-Policy is there and is
// enforced; no request leaves the origin, not even one the CSP blocks.
//
//   npm run build && node --test tests/web/safety.test.mjs
//
// The assembled site (build/site) in Debian's Chromium through playwright-core, as in
// browser.test.mjs and page.test.mjs. Every payload, if it ran, would set window.__xss,
// open a dialog or ask evil.example for something; every page is watched for all three.
// What "nothing even tried" means: no request to another origin was seen (every one is
// recorded, and routed to an abort) and no CSP violation was reported (an attempt the
// CSP stops never reaches the network; Chromium reports it as a violation, and some
// as a request that fails with "csp"). The CSP test shows that attempts are reported;
// a page opened with the CSP bypassed shows that the payloads stay inert without it
// too, and that the request watch sees what does leave.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY, startServer } from '../../scripts/serve.mjs';
import { dropFile, launchChromium, openProbed, pasteHtml, requireSite } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// PRECIS_SITE points the test at another assembled copy of the site (default build/site).
const SITE = path.resolve(REPO, process.env.PRECIS_SITE ?? path.join('build', 'site'));
const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 60_000;
const EVIL = 'http://evil.example';

requireSite(REPO, SITE, ['index.html', 'app.js', 'worker.js', 'precis/precis.mjs', 'precis/dist/precis-core.wasm']);

let server;
let baseURL;
let browser;
let precis; // the site's own module in Node: what the page should show

before(async () => {
  ({ server, url: baseURL } = await startServer({ root: SITE, port: 0 }));
  browser = await launchChromium();
  precis = await (await import(pathToFileURL(path.join(SITE, 'precis', 'precis.mjs')).href)).load();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

// ---------------------------------------------------------------------------
// The payloads

// Each one runs code (setting window.__xss, alerting, fetching from EVIL) or loads
// something from EVIL if a browser ever parses it as markup in the page.
const RUN = `window.__xss=1;alert(1);fetch('${EVIL}/ran')`;
const PAYLOADS = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<img src="${EVIL}/pixel.png" srcset="${EVIL}/srcset.png 2x">`,
  `<a href="javascript:${RUN}">a javascript: link</a>`,
  `<iframe src="${EVIL}/frame"></iframe><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<iframe src="javascript:parent.__xss=1"></iframe>`,
  `<style>@import url(${EVIL}/import.css); body { background: url(${EVIL}/bg.png) } #summary { display: none }</style>`,
  `<link rel="stylesheet" href="${EVIL}/link.css"><link rel="prefetch" href="${EVIL}/prefetch">`,
  `<svg onload="${RUN}"><script>${RUN}</script><image href="${EVIL}/svg.png"/></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}"></style></mglyph></table></mtext></math>`,
  `<object data="${EVIL}/object"></object><embed src="${EVIL}/embed">`,
  `<video poster="${EVIL}/poster.png"><source src="${EVIL}/video.mp4"></video><audio src="${EVIL}/a.mp3" autoplay></audio>`,
  `<meta http-equiv="refresh" content="0;url=${EVIL}/refresh"><base href="${EVIL}/">`,
  `<form action="${EVIL}/form"><input name=q autofocus onfocus="${RUN}"><button>Send</button></form>`,
  `<div style="background-image: url(${EVIL}/inline.png)">a styled block</div>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>`,
  `<template><img src=x onerror="${RUN}"></template><details open ontoggle="${RUN}">details</details>`,
  `<body onload="${RUN}"><marquee onstart="${RUN}">marquee</marquee>`,
];

// The same markup written as text inside an article: what a page about HTML shows, and
// what must then be shown as text (the core decodes the entities to "<script>...").
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An article with every payload live between its paragraphs, and each written as text. */
function payloadArticle() {
  const paragraphs = PAYLOADS.map((p, i) =>
    `<p>Paragraph ${i + 1} of the report quotes the markup ${escape(p)} as an example of what a page must never run. `
    + `The council said the example number ${i + 1} was harmless as long as it stayed text.</p>\n${p}\n`);
  return `<!doctype html><html><head><title>Payloads</title>${PAYLOADS.slice(0, 3).join('')}</head><body>`
    + `<h1>What the page must show as text</h1>\n${paragraphs.join('')}</body></html>`;
}

/** A plain text with every payload in it, to be shown character for character. */
function payloadText() {
  return PAYLOADS.map((p, i) => `Sentence ${i + 1} carries the payload ${p} in the middle of it. `
    + `Then a plain sentence number ${i + 1} follows it.`).join('\n\n');
}

// Elements that user text must never become, anywhere in the page's own output.
const LIVE = 'script, img, iframe, frame, object, embed, svg, math, style, link, meta, base, form, input, '
  + 'video, audio, source, template, noscript, details, marquee, a, body';
const OUTPUT = ['#original', '#summary', '#keywords', '#explain', '#stats', '#message', '#notice'];

// ---------------------------------------------------------------------------
// Helpers

/**
 * Opens the page (fresh context) with every watch on: requests (openProbed), requests to
 * other origins routed to an abort and listed, dialogs dismissed and listed, navigations
 * of the main frame listed, response headers kept by path, failed requests' errors by URL. `hash` picks options;
 * `bypassCSP` opens it without its CSP; `clipboard` lets it use the real clipboard.
 */
async function openWatched({ hash = '#ratio=1', bypassCSP = false, clipboard = false, contextOptions = {} } = {}) {
  const origin = new URL(baseURL).origin;
  const watch = { offOrigin: [], dialogs: [], navigations: [], headers: {}, failed: {} };
  const { context, page, probe, response } = await openProbed(browser, baseURL + hash, {
    contextOptions: { viewport: { width: 1280, height: 900 }, bypassCSP, ...contextOptions },
    timeout: STEP_TIMEOUT,
    beforeGoto: async (ctx) => {
      if (clipboard) await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      ctx.on('response', (r) => (watch.headers[new URL(r.url()).pathname] = r.headers()));
      ctx.on('requestfailed', (r) => (watch.failed[r.url()] = r.failure()?.errorText));
      await ctx.route((url) => url.origin !== origin, (route) => {
        watch.offOrigin.push(route.request().url());
        return route.abort();
      });
      ctx.on('page', (p) => {
        p.on('dialog', (dialog) => {
          watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          return dialog.dismiss();
        });
        p.on('framenavigated', (frame) => {
          if (frame === p.mainFrame()) watch.navigations.push(frame.url());
        });
      });
    },
  });
  await page.waitForSelector('body[data-status="idle"]');
  // What the page is made of before any input: user input must add none of it.
  const shape = await page.evaluate(() => ({
    scripts: document.scripts.length,
    styleSheets: document.styleSheets.length,
    frames: window.frames.length,
  }));
  return { context, page, probe, response, watch, origin, shape };
}

/** Waits for a summary; fails with the page's message if it reports an error, and with
 *  what the watches saw if it never settles (a payload that ran may be why). */
async function settled({ page, watch, probe }) {
  try {
    await page.waitForSelector('body[data-status="ready"], body[data-status="error"]');
  } catch (e) {
    const ran = await page.evaluate(() => window.__xss).catch(() => '(the page is gone)');
    assert.fail(`no summary: ${e.message.split('\n')[0]}\n  window.__xss: ${ran}\n  dialogs: ${watch.dialogs.join(' | ')}`
      + `\n  to other origins: ${watch.offOrigin.join(' ')}\n  navigations: ${watch.navigations.join(' ')}`
      + `\n  errors (${probe.errors.length}): ${probe.errors.slice(0, 3).map((m) => m.slice(0, 160)).join(' | ')}`);
  }
  const status = await page.getAttribute('body', 'data-status');
  if (status !== 'ready') assert.fail(`the page reported an error instead of a summary: ${await page.textContent('#message')}`);
}

/** Every check that the payloads stayed inert, after a moment for anything to fire. */
async function assertInert({ page, probe, watch, origin, shape }, { cspViolations = true } = {}) {
  await page.waitForTimeout(500); // room for a wrongly created element to load and fire
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'injected code ran');
  assert.deepEqual(watch.dialogs, [], 'dialogs opened');
  assert.deepEqual(watch.offOrigin, [], 'requests to other origins were attempted');
  const offOrigin = probe.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  assert.deepEqual(offOrigin, [], 'requests to other origins');
  assert.equal(watch.navigations.length, 1, `the page navigated: ${watch.navigations.join(', ')}`);
  assert.equal(new URL(page.url()).origin, origin);
  for (const where of OUTPUT) {
    const found = await page.$$eval(`${where} :is(${LIVE})`, (nodes) => nodes.map((n) => n.outerHTML.slice(0, 80)));
    assert.deepEqual(found, [], `markup became elements in ${where}`);
  }
  assert.deepEqual(await page.evaluate(() => ({
    scripts: document.scripts.length,
    styleSheets: document.styleSheets.length,
    frames: window.frames.length,
  })), shape, 'scripts, style sheets or frames were added to the page');
  // A <style> payload applied would hide the summary.
  assert.notEqual(await page.$eval('#summary', (el) => getComputedStyle(el).display), 'none');
  if (cspViolations) assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
  assert.deepEqual(probe.errors, [], 'console errors / page errors');
}

async function shownItems(page) {
  return page.$$eval('#summary [data-sentence]', (items) => items.map((item) => item.textContent));
}

/** The page shows `result` (the core's answer in Node): its text, its sentences as text. */
async function assertShows(page, text, result) {
  assert.equal(await page.textContent('#original'), text, '#original is not the text, character for character');
  assert.deepEqual(await shownItems(page), result.summary.map((i) => result.sentences[i].text));
}

/** Every payload is shown literally in the original (as rendered text, so not as an
 *  element), and the summary, which holds a choice of the sentences, shows some too. */
async function assertPayloadsShown(page) {
  const original = await page.innerText('#original');
  for (const payload of PAYLOADS) assert.ok(original.includes(payload), `not shown literally: ${payload}`);
  const items = (await shownItems(page)).join('\n');
  assert.ok(PAYLOADS.filter((p) => items.includes(p)).length >= 5, `the summary shows few payloads:\n${items}`);
}

// ---------------------------------------------------------------------------
// Tests

test('the CSP: the same strict policy in the header and the <meta>, and on the worker', { timeout: TEST_TIMEOUT }, async () => {
  const w = await openWatched();
  try {
    assert.equal(w.response.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal(await w.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), CONTENT_SECURITY_POLICY);
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }));
    // What makes the payloads powerless: no inline or eval'd script, nothing from
    // elsewhere, no plugins, no <base>, no form posts.
    assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
    for (const name of ['default-src', 'style-src', 'connect-src', 'worker-src']) assert.deepEqual(directives[name], ["'self'"], name);
    assert.deepEqual(directives['img-src'], ["'self'", 'data:']);
    for (const name of ['object-src', 'base-uri', 'form-action']) assert.deepEqual(directives[name], ["'none'"], name);
    // The worker runs under its own response's policy: it must carry the same.
    await w.page.fill('#input', 'One sentence here. And a second one there.');
    await settled(w);
    const worker = Object.entries(w.watch.headers).find(([p]) => p.endsWith('/worker.js'));
    assert.ok(worker, `worker.js was not fetched: ${Object.keys(w.watch.headers).join(', ')}`);
    assert.equal(worker[1]['content-security-policy'], CONTENT_SECURITY_POLICY);
    await assertInert(w);
  } finally {
    await w.context.close();
  }
});

test('the CSP is enforced: inline script, eval, off-origin loads and fetches are blocked and reported', { timeout: TEST_TIMEOUT }, async () => {
  // Service workers off here, so that the route below serves the probe script.
  const w = await openWatched({ contextOptions: { serviceWorkers: 'block' } });
  try {
    // A same-origin script (allowed) that tries eval and new Function (not allowed): run
    // as the page's own code, unlike page.evaluate, which DevTools exempts from the CSP.
    await w.context.route(`${w.origin}/__csp_probe.js`, (route) => route.fulfill({
      contentType: 'text/javascript',
      body: 'const probe = {};\n'
        + "try { eval('1 + 1'); probe.eval = 'ran'; } catch (e) { probe.eval = e.name; }\n"
        + "try { new Function('return 1')(); probe.function = 'ran'; } catch (e) { probe.function = e.name; }\n"
        + 'window.__probe = probe;\n',
    }));
    const outcome = await w.page.evaluate(async (evil) => {
      const result = {};
      const probe = document.createElement('script');
      probe.src = '/__csp_probe.js';
      const loaded = new Promise((resolve) => (probe.onload = probe.onerror = resolve));
      document.body.append(probe);
      await loaded;
      Object.assign(result, window.__probe);
      // What a payload would do if it got into the page's DOM.
      const script = document.createElement('script');
      script.textContent = 'window.__xss = 1';
      document.body.append(script);
      try {
        await fetch(`${evil}/fetch`);
        result.fetch = 'fetched';
      } catch (e) {
        result.fetch = e.name;
      }
      const img = document.createElement('img');
      img.src = `${evil}/img.png`;
      document.body.append(img);
      const style = document.createElement('style');
      style.textContent = '#summary { display: none }';
      document.head.append(style);
      await new Promise((resolve) => setTimeout(resolve, 300));
      result.styleApplied = getComputedStyle(document.querySelector('#summary')).display === 'none';
      for (const node of [probe, script, img, style]) node.remove();
      return result;
    }, EVIL);
    assert.equal(await w.page.evaluate(() => window.__xss), undefined, 'the inline script ran');
    assert.deepEqual(outcome, { eval: 'EvalError', function: 'EvalError', fetch: 'TypeError', styleApplied: false });
    const violations = await w.page.evaluate(() => window.__cspViolations);
    for (const directive of ['script-src', 'script-src-elem', 'connect-src', 'img-src', 'style-src-elem']) {
      assert.ok(violations.some((v) => v.startsWith(`${directive} `)), `no ${directive} violation reported: ${violations.join('; ')}`);
    }
    // Blocked before it left: nothing reached the network (the route). Chromium reports
    // some blocked attempts (the <img>) as requests that fail with "csp", others (the
    // fetch) only as violations: hence the other tests check both.
    assert.deepEqual(w.watch.offOrigin, []);
    const attempts = w.probe.requests.filter((url) => url.startsWith(EVIL));
    for (const url of attempts) assert.match(w.watch.failed[url] ?? 'not failed', /csp/i, url);
  } finally {
    await w.context.close();
  }
});

test('pasted text with payloads: shown as text everywhere, nothing runs, nothing leaves', { timeout: TEST_TIMEOUT }, async () => {
  const w = await openWatched({ clipboard: true });
  const text = payloadText();
  try {
    // A real paste (Ctrl+V) of plain text from the clipboard.
    await w.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await w.page.focus('#input');
    await w.page.keyboard.press('Control+V');
    await settled(w);
    await assertShows(w.page, text, precis.summarize(text, { ratio: 1 }));
    await assertPayloadsShown(w.page);
    // The explanation and keyword panels take user text too.
    await w.page.focus('#summary [data-sentence]');
    await w.page.waitForSelector('#explain:not([hidden])');
    await assertInert(w);
  } finally {
    await w.context.close();
  }
});

test('pasted HTML with payloads: read by the core, never by the page; the quoted markup shown as text', { timeout: TEST_TIMEOUT }, async () => {
  const w = await openWatched();
  const html = payloadArticle();
  try {
    await pasteHtml(w.page, html, 'the plain fallback');
    await settled(w);
    const result = precis.summarize(html, { ratio: 1, input: 'html' });
    assert.equal(await w.page.inputValue('#input'), result.text);
    await assertShows(w.page, result.text, result);
    // The escaped copies are text again after decoding: shown literally.
    await assertPayloadsShown(w.page);
    await assertInert(w);
  } finally {
    await w.context.close();
  }
});

test('dropped and opened files with payloads (.html, .txt, a hostile file name): inert', { timeout: TEST_TIMEOUT }, async () => {
  const html = payloadArticle();
  const text = payloadText();
  for (const step of ['drop .html', 'open .html', 'drop .txt', 'bad name']) {
    const w = await openWatched();
    try {
      if (step === 'drop .html') await dropFile(w.page, 'payloads.html', 'text/html', html);
      if (step === 'open .html') {
        await w.page.setInputFiles('#file', { name: 'payloads.html', mimeType: 'text/html', buffer: Buffer.from(html) });
      }
      if (step === 'drop .txt') await dropFile(w.page, 'payloads.txt', 'text/plain', text);
      if (step === 'bad name') {
        // Not a text file: its name ends up in the error message, as text.
        const name = `<img src=x onerror="${RUN}">.png`;
        await dropFile(w.page, name, 'image/png', 'not an image');
        await w.page.waitForSelector('body[data-status="error"]');
        assert.ok((await w.page.textContent('#message')).includes(name), await w.page.textContent('#message'));
      } else {
        await settled(w);
        const isHtml = step.endsWith('.html');
        const result = precis.summarize(isHtml ? html : text, isHtml ? { ratio: 1, input: 'html' } : { ratio: 1 });
        await assertShows(w.page, isHtml ? result.text : text, result);
      }
      await assertInert(w);
    } catch (e) {
      e.message = `${step}: ${e.message}`;
      throw e;
    } finally {
      await w.context.close();
    }
  }
});

test('payloads in the URL hash are ignored, not run', { timeout: TEST_TIMEOUT }, async () => {
  const hash = `#preset=${encodeURIComponent(PAYLOADS[1])}&lang=${encodeURIComponent(PAYLOADS[0])}`
    + `&sentences=${encodeURIComponent(`javascript:${RUN}`)}&format=${encodeURIComponent(PAYLOADS[8])}`;
  const w = await openWatched({ hash });
  try {
    await w.page.fill('#input', 'One sentence here. And a second one there. A third closes it.');
    await settled(w);
    await assertInert(w);
  } finally {
    await w.context.close();
  }
});

test('without the CSP the payloads stay inert too, and the request watch sees what does leave', { timeout: TEST_TIMEOUT }, async () => {
  // The page never parses user input as markup, so the CSP is a second line, not the
  // only one. And the watch is not blind: a load the page would make is seen and stopped.
  const w = await openWatched({ bypassCSP: true });
  const html = payloadArticle();
  try {
    await pasteHtml(w.page, html, 'the plain fallback');
    await settled(w);
    await assertInert(w, { cspViolations: false });
    await w.page.evaluate((evil) => {
      const img = document.createElement('img');
      img.src = `${evil}/control.png`;
      document.body.append(img);
    }, EVIL);
    await w.page.waitForTimeout(500);
    assert.deepEqual(w.watch.offOrigin, [`${EVIL}/control.png`], 'the control request was not seen');
  } finally {
    await w.context.close();
  }
});
