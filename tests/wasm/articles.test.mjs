// Web articles with all their boilerplate (tests/data/articles): only body sentences
// may ever be selected, natively (CLI) and in WebAssembly (JS API), from the text as
// copied out of a browser (.txt) and from the page itself (.html, --input html).
//
// Each <name>.expect.json: {"about", "lang", "title": the headline, "body_first": the
// first words of the first body sentence, "must_exclude": [substrings of every
// boilerplate line and sentence], "kinds": {kind: [the same substrings, by kind of
// boilerplate: "headline", "author bio", "cookie notice", ...]}}.
// For every article x {txt, html} x 1..8 sentences, the summary must select at least
// one sentence and at most the number asked for, none holding a must_exclude
// substring; a sentence must start with body_first (the body was found); and if the
// result names a title, it must be the headline.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../../wasm/precis.mjs';
import { ROOT, precis } from './helpers.mjs';

const DIR = join(ROOT, 'tests', 'data', 'articles');
const LENGTHS = [1, 2, 3, 4, 5, 6, 7, 8];
const FORMATS = ['txt', 'html'];

function articles() {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.expect.json'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.expect.json'.length), expect: JSON.parse(readFileSync(join(DIR, f), 'utf8')) }));
}

/** What is wrong with a summary result `r` of `n` sentences (empty when all holds). */
function articleProblems(expect, r, n) {
  const problems = [];
  const selected = r.summary.map((i) => r.sentences[i].text);
  if (selected.length < 1) problems.push('no sentence selected');
  if (selected.length > n) problems.push(`${selected.length} sentences selected, asked for ${n}`);
  const kindOf = new Map();
  for (const [kind, items] of Object.entries(expect.kinds ?? {})) for (const s of items) if (!kindOf.has(s)) kindOf.set(s, kind);
  for (const t of selected) {
    const hits = expect.must_exclude.filter((s) => t.includes(s));
    if (hits.length) problems.push(`boilerplate selected (${[...new Set(hits.map((s) => kindOf.get(s) ?? 'boilerplate'))].join(', ')}): ${t}`);
  }
  if (!r.sentences.some((s) => s.text.startsWith(expect.body_first))) {
    problems.push(`no sentence starts with the first body sentence "${expect.body_first}"`);
  }
  if (r.title !== undefined && r.title !== expect.title) problems.push(`title ${JSON.stringify(r.title)}, want ${JSON.stringify(expect.title)}`);
  return problems;
}

function nativeResult(file, format, n) {
  const args = ['summarize', file, '--sentences', String(n), '--format', 'json'];
  if (format === 'html') args.push('--input', 'html');
  const out = precis(args);
  assert.equal(out.status, 0, `precis ${args.join(' ')}: exit ${out.status}: ${out.stderr.trim()}`);
  return JSON.parse(out.stdout);
}

async function wasmResult(file, format, n) {
  const options = { sentences: n };
  if (format === 'html') options.input = 'html';
  try {
    return await summarize(readFileSync(file, 'utf8'), options);
  } catch (e) {
    assert.fail(`summarize(${JSON.stringify(options)}): ${e.code ?? e.name}: ${e.message}`);
  }
}

for (const { name, expect } of articles()) {
  for (const format of FORMATS) {
    const file = join(DIR, `${name}.${format}`);
    for (const [engine, run] of [['native', nativeResult], ['wasm', wasmResult]]) {
      test(`article ${name}.${format} (${engine}): only body sentences are selected`, async (t) => {
        for (const n of LENGTHS) {
          await t.test(`${n} sentence${n > 1 ? 's' : ''}`, async () => {
            const r = await run(file, format, n);
            assert.deepEqual(articleProblems(expect, r, n), []);
          });
        }
      });
    }
  }
}

test('the article expectations are consistent and the check can fail', () => {
  const all = articles();
  assert.ok(all.length >= 4, 'the article files are there');
  for (const { name, expect } of all) {
    const txt = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    for (const key of ['about', 'lang', 'title', 'body_first']) assert.equal(typeof expect[key], 'string', `${name}: ${key}`);
    assert.ok(txt.includes(expect.title) && txt.includes(expect.body_first), name);
    // Every substring is filed under a kind, and the kinds name no substring that is not excluded.
    const kinds = Object.values(expect.kinds).flat();
    assert.deepEqual([...new Set(kinds)].sort(), [...new Set(expect.must_exclude)].sort(), name);
    // The first body paragraph holds none of them (else a right summary would fail).
    const first = txt.split('\n').find((l) => l.startsWith(expect.body_first));
    assert.deepEqual(expect.must_exclude.filter((s) => first.includes(s)), [], name);
  }
  // Guard against a vacuous checker: a summary of the headline and a bio sentence is rejected.
  const [{ expect }] = all;
  const sentences = [expect.title, expect.kinds['author bio'][0] + '.', 'Nothing at all.'].map((text) => ({ text }));
  const bad = articleProblems(expect, { sentences, summary: [0, 1], title: 'Something else' }, 1);
  assert.ok(bad.some((p) => p.startsWith('2 sentences selected')));
  assert.ok(bad.some((p) => /\(headline[,)]/.test(p)));
  assert.ok(bad.some((p) => /[(,] ?author bio\)/.test(p)));
  assert.ok(bad.some((p) => p.startsWith('no sentence starts with')));
  assert.ok(bad.some((p) => p.startsWith('title')));
  assert.deepEqual(articleProblems(expect, { sentences: [{ text: `${expect.body_first} and so on.` }], summary: [0] }, 1), []);
});
