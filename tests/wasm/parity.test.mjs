// Native and wasm give byte-identical JSON for the same input: the seed and every
// document of ../shared/eval/summ/cnndm_frank.dev.jsonl (timing excluded).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'precis';
import { SHARED, precis, readJsonl, seeds, withoutTiming } from './helpers.mjs';

const core = await load();
const docs = [
  ...seeds().map((s) => ({ id: s.name, text: s.text })),
  ...readJsonl(join(SHARED, 'eval', 'summ', 'cnndm_frank.dev.jsonl')),
];

test('the eval file is there and not empty', () => {
  assert.ok(docs.length > 50, `only ${docs.length} documents`);
});

for (const options of [{ sentences: 3 }, { ratio: 0.3 }, { words: 60, algorithm: 'lead' },
  { sentences: 3, algorithm: 'textrank' }, { sentences: 3, algorithm: 'lexrank' }]) {
  const flags = Object.entries(options).flatMap(([k, v]) => [`--${k}`, String(v)]);
  test(`native and wasm JSON are byte-identical (${flags.join(' ')})`, () => {
    let compared = 0;
    for (const doc of docs) {
      const out = precis(['summarize', '-', '--format', 'json', ...flags], doc.text);
      assert.equal(out.status, 0, `${doc.id}: ${out.stderr}`);
      const wasm = core.summarizeJSON(doc.text, options);
      assert.equal(withoutTiming(wasm), withoutTiming(out.stdout.trimEnd()), `document ${doc.id}`);
      compared++;
    }
    assert.equal(compared, docs.length);
  });
}

test('wasm offsets are UTF-16 indices into the input', () => {
  for (const doc of docs) {
    const r = core.summarize(doc.text);
    for (const s of r.sentences) assert.equal(doc.text.slice(s.start, s.end), s.text, doc.id);
  }
});

test('native and wasm split every sentence-boundary case identically, in every language', () => {
  const dir = join(SHARED, 'eval', 'sbd');
  let compared = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    const cases = readJsonl(join(dir, file));
    for (const lang of [null, 'auto']) {
      const input = cases.map((c) => JSON.stringify({ id: c.id, text: c.text, lang: lang ?? c.lang })).join('\n');
      const out = precis(['batch', '--split'], input);
      assert.equal(out.status, 0, `${file}: ${out.stderr}`);
      const native = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      cases.forEach((c, i) => {
        const wasm = core.split(c.text, { lang: lang ?? c.lang });
        assert.deepEqual(wasm.sentences.map((s) => s.text), native[i].sentences, `${c.id} (${lang ?? c.lang})`);
        assert.equal(wasm.language, native[i].language, c.id);
        compared++;
      });
    }
  }
  assert.ok(compared > 1000, `only ${compared} cases`);
});
