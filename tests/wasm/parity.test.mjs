// Native and wasm give byte-identical JSON for the same input: the seed and every
// document of ../shared/eval/summ/cnndm_frank.dev.jsonl (timing excluded), and a sample
// of every dev file with a spread of options, compared as scripts/determinism.mjs does
// (`npm run determinism` runs that check over every document), and the web pages of
// tests/data/html read as HTML (in the repository: that test needs no ../shared).
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'precis';
import { ROOT, SHARED, precis, readJsonl, seeds, withoutTiming } from './helpers.mjs';
import { compareOne, devFiles, flagsFor, optionsFor, runBatch, sample } from '../../scripts/determinism.mjs';

const core = await load();
const CNNDM = join(SHARED, 'eval', 'summ', 'cnndm_frank.dev.jsonl');
// Read only when there: without ../shared the next test fails, the others still run.
const docs = [
  ...seeds().map((s) => ({ id: s.name, text: s.text })),
  ...(existsSync(CNNDM) ? readJsonl(CNNDM) : []),
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

// A spread of the option sets of the full check (each budget kind, a graph algorithm and
// a frequency one, a forced wrong language, HTML input), to keep npm test quick.
const SAMPLE_SETS = [{}, { sentences: 1 }, { ratio: 0.2 }, { words: 50 }, { algorithm: 'textrank' },
  { algorithm: 'sumbasic' }, { lang: 'ru' }, { input: 'html', sentences: 2 }];

test('a sample of every dev file and option kind: the same JSON, JS result and batch line', async () => {
  const files = devFiles();
  const docs = sample(files, 5); // 5 per file, spread over it: 30 documents from 6 files
  assert.equal(docs.length, files.reduce((n, f) => n + Math.min(5, f.docs.length), 0));
  const problems = [];
  for (const options of SAMPLE_SETS) {
    const lines = await runBatch(docs, options);
    docs.forEach((doc, i) => {
      const native = precis(['summarize', '-', '--format', 'json', ...flagsFor(options)], doc.text);
      problems.push(...compareOne(core, doc, options, native, lines[i]).map((p) => ({ file: doc.file, ...p })));
    });
  }
  // Each problem names the document, the options and the first differing field.
  assert.deepEqual(problems, []);
});

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

// The pages written for the tests (tests/data/html/README.md): an article among furniture,
// a bare post, a forum, pages without an article (no_article warning, empty summary), a
// page whose text is only in a script; metadata (byline, published, site_name) on some.
const HTML_DIR = join(ROOT, 'tests', 'data', 'html');
const pages = readdirSync(HTML_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({ id: f, text: readFileSync(join(HTML_DIR, f), 'utf8'), input: 'html' }));

test('web pages (--input html): the same JSON, JS result and batch line ("input": "html" on the line)', async () => {
  assert.ok(pages.length >= 8, `only ${pages.length} pages in ${HTML_DIR}`);
  const problems = [];
  let withWarnings = 0;
  let withMetadata = 0;
  for (const options of [{}, { sentences: 2 }, { algorithm: 'lexrank' }]) {
    // The page's batch line carries "input": "html"; the option set goes as flags.
    const lines = await runBatch(pages, options);
    pages.forEach((page, i) => {
      const effective = optionsFor(page, options); // {...options, input: 'html'}
      const native = precis(['summarize', '-', '--format', 'json', ...flagsFor(effective)], page.text);
      assert.equal(native.status, 0, `${page.id}: ${native.stderr}`);
      // Byte for byte, timing zeroed (compareOne checks it too, and the JS result).
      assert.equal(withoutTiming(core.summarizeJSON(page.text, effective)), withoutTiming(native.stdout.trimEnd()), page.id);
      problems.push(...compareOne(core, page, effective, native, lines[i]));
      if (lines[i].warnings) withWarnings++;
      const r = JSON.parse(native.stdout);
      if (r.byline || r.published || r.site_name) withMetadata++;
    });
  }
  assert.deepEqual(problems, []);
  // The sample covers the new fields: warnings on batch lines, and the page metadata.
  assert.ok(withWarnings > 0, 'no page gave a warning (no_article)');
  assert.ok(withMetadata > 0, 'no page gave a byline, date or site name');
});
