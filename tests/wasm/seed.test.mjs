// The seed article's expectations, natively (CLI) and in WebAssembly (JS API).
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'precis';
import { precis, seedProblems, seeds } from './helpers.mjs';

const core = await load();

for (const { name, text, expect } of seeds()) {
  test(`seed ${name}: wasm summary meets its expectations`, () => {
    const r = core.summarize(text, { sentences: expect.sentences });
    const selected = r.summary.map((i) => r.sentences[i].text);
    assert.deepEqual(seedProblems(expect, selected, r.sentences.map((s) => s.text)), []);
  });

  test(`seed ${name}: native summary meets its expectations`, () => {
    const out = precis(['summarize', '-', '--sentences', String(expect.sentences), '--format', 'json'], text);
    assert.equal(out.status, 0, out.stderr);
    const r = JSON.parse(out.stdout);
    const selected = r.summary.map((i) => r.sentences[i].text);
    assert.deepEqual(seedProblems(expect, selected, r.sentences.map((s) => s.text)), []);
  });

  test(`seed ${name}: the headline is the title; no boilerplate at 1 to ${expect.boilerplate_free_up_to} sentences`, () => {
    assert.equal(core.summarize(text).title, expect.title);
    for (let k = 1; k <= (expect.boilerplate_free_up_to ?? 0); ++k) {
      const wasm = core.summarize(text, { sentences: k });
      const native = JSON.parse(precis(['summarize', '-', '--sentences', String(k), '--format', 'json'], text).stdout);
      assert.equal(native.title, expect.title);
      for (const r of [wasm, native]) {
        const selected = r.summary.map((i) => r.sentences[i].text);
        assert.equal(selected.length, k);
        const leaked = selected.filter((t) => expect.must_exclude.some((b) => t.includes(b)));
        assert.deepEqual(leaked, [], `${k} sentences`);
      }
    }
  });

  test(`seed ${name}: text output is the selected sentences, one per line`, () => {
    const out = precis(['summarize', '-', '--sentences', String(expect.sentences)], text);
    assert.equal(out.status, 0, out.stderr);
    const lines = out.stdout.trimEnd().split('\n');
    const r = core.summarize(text, { sentences: expect.sentences });
    assert.deepEqual(lines, r.summary.map((i) => r.sentences[i].text));
  });
}

test('the expectations check can fail', () => {
  // Guard against a vacuous checker: a summary of the byline must be rejected.
  const [{ expect }] = seeds();
  const problems = seedProblems(expect, ['by Dmytro Basmat', 'He met the U.S.', 'x'], ['He met the U.S.']);
  assert.ok(problems.some((p) => p.startsWith('missing')));
  assert.ok(problems.some((p) => p.startsWith('boilerplate')));
  assert.ok(problems.some((p) => p.startsWith('sentence cut after U.S.')));
});
