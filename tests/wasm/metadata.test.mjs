// Page metadata and warnings in the JavaScript API (HTML input): the result's `byline`,
// `published`, `site_name` and `warnings` (`no_article` for a page without an article),
// their TypeScript declarations, and the Summarizer facade's HTML input (a Précis
// extension), on real pages (tests/data/pages: a news home page that is all links, and
// a blog post with <meta property="og:site_name">, <meta name="author">, a byline and
// a <time datetime>). No mock of the core.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { load } from 'precis';
import { Summarizer } from 'precis/summarizer';
import { ROOT } from './helpers.mjs';

const core = await load();
const page = (name) => readFileSync(path.join(ROOT, 'tests', 'data', 'pages', `${name}.html`), 'utf8');
const HOME = page('home'); // a news home page: navigation and lists of links, no article
const POST = page('post'); // a blog post with its metadata
const SEED = readFileSync(path.join(ROOT, 'seeds', '000_74440941a785ace3.txt'), 'utf8');

// ---------------------------------------------------------------- the declarations

/** The body of `interface NAME { ... }` in a .d.ts (top-level members only, as written). */
function interfaceBody(dts, name) {
  const start = dts.search(new RegExp(`export interface ${name}\\b[^{]*\\{`));
  assert.ok(start >= 0, `no interface ${name}`);
  let depth = 0;
  for (let i = dts.indexOf('{', start); i < dts.length; i++) {
    if (dts[i] === '{') depth++;
    else if (dts[i] === '}' && --depth === 0) return dts.slice(dts.indexOf('{', start) + 1, i);
  }
  assert.fail(`interface ${name} is not closed`);
}

/** The member names declared at the top level of an interface body, with "?" when optional. */
function members(body) {
  const names = new Map();
  let depth = 0;
  const code = body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  for (const line of code.split('\n')) {
    if (depth === 0) {
      const m = /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)(\?)?\s*:/.exec(line);
      if (m) names.set(m[1], m[2] === '?' ? 'optional' : 'required');
    }
    for (const c of line) {
      if (c === '{' || c === '(') depth++;
      else if (c === '}' || c === ')') depth--;
    }
  }
  return names;
}

const PRECIS_DTS = readFileSync(path.join(ROOT, 'wasm', 'precis.d.ts'), 'utf8');

test('precis.d.ts declares PrecisWarning, warnings and the page metadata (optional)', async () => {
  await esbuild.transform(PRECIS_DTS, { loader: 'ts' }); // parses
  const warning = members(interfaceBody(PRECIS_DTS, 'PrecisWarning'));
  assert.deepEqual([...warning], [['code', 'required'], ['message', 'required']]);
  assert.match(interfaceBody(PRECIS_DTS, 'PrecisWarning'), /code: 'no_article' \| string;/);
  const result = members(interfaceBody(PRECIS_DTS, 'SummaryResult'));
  assert.equal(result.get('warnings'), 'required');
  assert.match(interfaceBody(PRECIS_DTS, 'SummaryResult'), /\bwarnings: PrecisWarning\[\];/);
  for (const field of ['byline', 'published', 'site_name', 'text']) assert.equal(result.get(field), 'optional', field);
  for (const field of ['language', 'title', 'sentences', 'summary', 'keywords', 'stats']) assert.equal(result.get(field), 'required', field);
});

test('every field of a real result (text and HTML input) is declared in SummaryResult', () => {
  const declared = members(interfaceBody(PRECIS_DTS, 'SummaryResult'));
  for (const [label, result] of [
    ['text', core.summarize(SEED)],
    ['html post', core.summarize(POST, { input: 'html' })],
    ['html home', core.summarize(HOME, { input: 'html' })],
  ]) {
    for (const key of Object.keys(result)) assert.ok(declared.has(key), `${label}: the result's "${key}" is not declared`);
    for (const [key, kind] of declared) if (kind === 'required' && key !== 'warnings') assert.ok(key in result, `${label}: no "${key}"`);
  }
});

test('the other .d.ts describe the facade\'s HTML input and the element\'s metadata attribute', async () => {
  const summarizer = readFileSync(path.join(ROOT, 'wasm', 'summarizer.d.ts'), 'utf8');
  await esbuild.transform(summarizer, { loader: 'ts' });
  assert.equal(members(interfaceBody(summarizer, 'SummarizerCreateCoreOptions')).get('input'), 'optional');
  assert.match(summarizer, /export type SummarizerInput = 'text' \| 'html';/);
  assert.match(summarizer, /readonly input: SummarizerInput;/);
  const element = readFileSync(path.join(ROOT, 'wasm', 'element.d.ts'), 'utf8');
  await esbuild.transform(element, { loader: 'ts' });
  assert.match(element, /`metadata` \(boolean/);
  assert.match(element, /No article found on this page/);
  const { PrecisSummaryElement } = await import('precis/element');
  assert.ok(PrecisSummaryElement.observedAttributes.includes('metadata'));
});

// ---------------------------------------------------------------- the core's fields, through the JS API

test('whatever the core emits has the declared shape', () => {
  for (const [html, label] of [[POST, 'post'], [HOME, 'home']]) {
    const r = core.summarize(html, { input: 'html' });
    for (const field of ['byline', 'published', 'site_name']) {
      if (field in r) assert.equal(typeof r[field], 'string', `${label}: ${field}`);
    }
    if ('warnings' in r) {
      assert.ok(Array.isArray(r.warnings), `${label}: warnings`);
      for (const w of r.warnings) {
        assert.equal(typeof w.code, 'string');
        assert.equal(typeof w.message, 'string');
      }
    }
  }
  // The blog post is an article either way: three sentences of its body.
  const post = core.summarize(POST, { input: 'html', sentences: 3 });
  assert.equal(post.summary.length, 3);
  assert.equal(post.title, 'Town votes for electric ferries');
});

test('a page without an article: warnings[0] is no_article and the summary is empty', () => {
  const r = core.summarize(HOME, { input: 'html', sentences: 3 });
  assert.ok(r.warnings.length >= 1, JSON.stringify(r.warnings));
  assert.equal(r.warnings[0].code, 'no_article');
  assert.ok(r.warnings[0].message.length > 0);
  assert.deepEqual(r.summary, []);
  assert.ok(r.sentences.every((s) => !s.selected));
});

test('an article: its metadata, and no no_article warning', () => {
  const r = core.summarize(POST, { input: 'html', sentences: 3 });
  assert.ok(!r.warnings.some((w) => w.code === 'no_article'), JSON.stringify(r.warnings));
  assert.equal(r.summary.length, 3);
  assert.match(r.byline, /Helen Marsh/);
  assert.equal(r.site_name, 'The Ledger');
  assert.match(r.published, /^2025-03-14(T09:30(:00(\.0+)?)?(Z|[+-]00:?00)?)?$/);
  // Plain text has no page metadata, and (the seed being an article) no warning.
  const text = core.summarize(SEED, { sentences: 3 });
  assert.deepEqual(text.warnings, []);
  for (const field of ['byline', 'published', 'site_name']) assert.ok(!(field in text), field);
});

// ---------------------------------------------------------------- the Summarizer facade

test('Summarizer: input "html" (a Précis extension) summarizes the page\'s article; other values are a TypeError', async () => {
  const s = await Summarizer.create({ type: 'key-points', format: 'plain-text', input: 'html' });
  assert.equal(s.input, 'html');
  assert.equal((await Summarizer.create()).input, 'text');
  const r = core.summarize(POST, { input: 'html', sentences: 3 });
  assert.equal(await s.summarize(POST), r.summary.map((i) => r.sentences[i].text).join('\n'));
  assert.ok(!(await s.summarize(POST)).includes('<'), 'the markup is not summarized as text');
  const headline = await Summarizer.create({ type: 'headline', input: 'html' });
  assert.equal(await headline.summarize(POST), 'Town votes for electric ferries');
  await assert.rejects(Summarizer.create({ input: 'pdf' }), TypeError);
  await assert.rejects(Summarizer.availability({ input: 'markdown' }), TypeError);
  assert.equal(await Summarizer.availability({ input: 'html' }), 'available');
});

test('Summarizer: a page without an article gives "" and no chunk, for every type; never rejects', async () => {
  for (const type of ['key-points', 'tldr', 'teaser', 'headline']) {
    const s = await Summarizer.create({ type, input: 'html' });
    assert.equal(await s.summarize(HOME), '', type);
    const chunks = [];
    for await (const chunk of s.summarizeStreaming(HOME)) chunks.push(chunk);
    assert.deepEqual(chunks, [], type);
  }
});
