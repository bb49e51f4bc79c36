// Shared by the Chromium tests: a page that records what it does.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium, driven by playwright-core; fails loudly when it is missing. */
export function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y --no-install-recommends chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Fail loudly, never skip: without the assembled site there is nothing to test. */
export function requireSite(repo, site, files) {
  for (const file of files) {
    if (!existsSync(path.join(site, file))) {
      throw new Error(
        `${path.join(path.relative(repo, site), file)} is missing. Build and assemble the site first:\n` +
          '  npm run build && node scripts/assemble-site.mjs',
      );
    }
  }
}

/**
 * Opens `url` in a fresh context of `browser`, recording every request (context-level,
 * so the workers' module imports and the .wasm count too), every console error, every
 * uncaught exception and every CSP violation it produces. Returns { context, page,
 * probe, response }; probe = { requests, errors, origin }.
 */
export async function openProbed(browser, url, { contextOptions = {}, timeout, beforeGoto } = {}) {
  const context = await browser.newContext(contextOptions);
  if (beforeGoto) await beforeGoto(context);
  const page = await context.newPage();
  if (timeout) page.setDefaultTimeout(timeout);
  const probe = { requests: [], errors: [], origin: new URL(url).origin };
  context.on('request', (request) => probe.requests.push(request.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') probe.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => probe.errors.push(`pageerror: ${err.message}`));
  page.on('crash', () => probe.errors.push('the page crashed'));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  const response = await page.goto(url);
  assert.equal(response.status(), 200);
  return { context, page, probe, response };
}

/**
 * Pastes `html` (with `plain` as its text/plain flavour) into `selector` with a real paste
 * event, as a browser delivers a copied web page.
 */
export async function pasteHtml(page, html, plain = '', selector = '#input') {
  await page.focus(selector);
  await page.evaluate(([markup, text, target]) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', text);
    document.querySelector(target).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [html, plain, selector]);
}

/** Drops a file (`name`, MIME `type`, text `content`) on `selector`, as a drag from the desktop would. */
export async function dropFile(page, name, type, content, selector = '#input') {
  const dataTransfer = await page.evaluateHandle(([fileName, fileType, text]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], fileName, { type: fileType }));
    return transfer;
  }, [name, type, content]);
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}
