// The JS API of the wasm module: results, offsets, errors.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { load, summarize, split, PrecisError } from 'precis';

const core = await load();

test('summarize returns the result shape of DESIGN.md', async () => {
  const text = 'The cat sat on the mat today. The dog barked at the cat loudly. Birds sang in the old tree.';
  const r = await summarize(text, { sentences: 2 });
  assert.deepEqual(Object.keys(r), ['language', 'title', 'warnings', 'sentences', 'summary', 'keywords', 'stats']);
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(Object.keys(r.sentences[0]), ['text', 'start', 'end', 'block', 'block_type', 'score', 'selected', 'parts']);
  assert.equal(r.title, '');
  assert.ok(r.sentences.every((s) => s.block_type === 'paragraph'));
  // Explanations: each score is the sum of its named parts (redundancy aside).
  for (const s of r.sentences) {
    const sum = Object.entries(s.parts).filter(([k]) => k !== 'redundancy').reduce((a, [, v]) => a + v, 0);
    assert.ok(Math.abs(sum - s.score) < 1e-5, `${s.text}: ${JSON.stringify(s.parts)} vs ${s.score}`);
    assert.ok(Object.keys(s.parts).every((k) => ['position', 'centrality', 'keywords', 'lead', 'title', 'length', 'quote', 'redundancy'].includes(k)));
  }
  assert.ok('position' in r.sentences[0].parts);
  assert.deepEqual(Object.keys(r.stats), ['characters', 'words', 'sentences', 'milliseconds']);
  assert.equal(r.language, 'en');
  assert.equal(r.sentences.length, 3);
  assert.equal(r.summary.length, 2);
  assert.deepEqual(r.summary, [...r.summary].sort((a, b) => a - b));
  assert.deepEqual(r.sentences.flatMap((s, i) => (s.selected ? [i] : [])), r.summary);
  assert.equal(r.stats.words, 20);
  assert.equal(r.stats.characters, text.length);
});

test('offsets are UTF-16 indices, also after emoji, accents and astral characters', () => {
  const text = 'Zoë 😀 bought 𝒳 apples in Köln today. Then she went home with them all. 東京 was far away from there.';
  const r = core.summarize(text, { sentences: 1 });
  assert.equal(r.sentences.length, 3);
  for (const s of r.sentences) assert.equal(text.slice(s.start, s.end), s.text);
  assert.equal(r.sentences[1].text, 'Then she went home with them all.');
});

test('lone surrogates become U+FFFD without moving later offsets or eating characters', () => {
  const text = 'A lone \uD800x surrogate sits here. The next sentence \uDC00 follows it.';
  const r = core.summarize(text, { sentences: 2 });
  assert.equal(r.sentences.length, 2);
  assert.equal(r.sentences[0].text, 'A lone \uFFFDx surrogate sits here.');
  assert.equal(r.sentences[1].start, text.indexOf('The next'));
  assert.equal(r.sentences[1].end, text.length);
});

// The core writes no sentence texts for text input (the JS side slices them from the
// caller's string, precis.mjs fillTexts): they must still be the core's own texts, which
// summarizeJSON carries as the CLI prints them.
const AWKWARD = [
  'Zoë 😀 bought 𝒳 apples in Köln today. Then she went home with them all. 東京 was far away.',
  'A lone \uD800x surrogate sits here. The next sentence \uDC00 follows it. \uDBFF\uDFFF is a pair.',
  'Ends with a high surrogate. Really it does \uD83D',
  '\uDE00 starts with a low one. Then \uD83D\uDE00 a pair. Then \uDE00\uD83D reversed ones.',
  '\uFEFFA text after a BOM.\r\nA line after CRLF.\rA line after CR. A NUL \u0000 inside.',
];

test('sentence texts the JS side fills in are the core\'s own texts', () => {
  for (const text of AWKWARD) {
    for (const input of [{}, { input: 'html' }]) {
      const r = core.summarize(text, { sentences: 1, ...input });
      const own = JSON.parse(core.summarizeJSON(text, { sentences: 1, ...input }));
      assert.deepEqual(r.sentences.map((s) => s.text), own.sentences.map((s) => s.text), JSON.stringify(text));
      assert.deepEqual(core.split(text, input).sentences.map((s) => s.text), own.sentences.map((s) => s.text));
      for (const s of r.sentences) {
        assert.deepEqual(Object.keys(s), ['text', 'start', 'end', 'block', 'block_type', 'score', 'selected', 'parts']);
        assert.equal(typeof s.text, 'string');
      }
    }
  }
});

test('without String.prototype.toWellFormed (older engines) lone surrogates are repaired the same', () => {
  const expected = AWKWARD.map((text) => core.summarize(text, { sentences: 1 }).sentences.map((s) => s.text));
  const own = Object.getOwnPropertyDescriptor(String.prototype, 'toWellFormed');
  assert.ok(own, 'this Node has toWellFormed: the test takes it away');
  delete String.prototype.toWellFormed;
  try {
    const got = AWKWARD.map((text) => core.summarize(text, { sentences: 1 }).sentences.map((s) => s.text));
    assert.deepEqual(got, expected);
    assert.ok(got[1][0].includes('\uFFFD'));
  } finally {
    Object.defineProperty(String.prototype, 'toWellFormed', own);
  }
});

test('empty and whitespace-only text give an empty result', () => {
  for (const text of ['', '   \n\t  \n']) {
    const r = core.summarize(text);
    assert.deepEqual(r.sentences, []);
    assert.deepEqual(r.summary, []);
    assert.deepEqual(r.keywords, []);
  }
});

test('bad options throw PrecisError with a stable code', () => {
  const cases = [
    [{ sentences: 0 }, 'invalid_option'],
    [{ sentences: -3 }, 'invalid_option'],
    [{ sentences: 'three' }, 'invalid_option'],
    [{ sentences: 2.5 }, 'invalid_option'],
    [{ ratio: 0 }, 'invalid_option'],
    [{ ratio: 1.5 }, 'invalid_option'],
    [{ words: 10, sentences: 2 }, 'invalid_option'],
    [{ algorithm: 'magic' }, 'invalid_option'],
    [{ colour: 'blue' }, 'invalid_option'],
    [{ lang: 'not a language' }, 'invalid_language'],
    [{ input: 'xml' }, 'invalid_option'],
    [{ max_input_bytes: 10 }, 'input_too_large'],
  ];
  for (const [options, code] of cases) {
    assert.throws(
      () => core.summarize('One sentence is here. Another one follows it.', options),
      (e) => e instanceof PrecisError && e.code === code && e.message.length > 0,
      JSON.stringify(options),
    );
  }
});

test('non-string text and non-object options are rejected', () => {
  assert.throws(() => core.summarize(42), (e) => e instanceof PrecisError && e.code === 'invalid_input');
  assert.throws(() => core.summarize('text', 'sentences=3'), (e) => e instanceof PrecisError && e.code === 'invalid_option');
});

test('budgets: ratio, words and characters', () => {
  const text = Array.from({ length: 10 }, (_, i) => `Sentence number ${i + 1} talks about topic ${i % 3} at some length.`).join(' ');
  assert.equal(core.summarize(text, { ratio: 0.5 }).summary.length, 5);
  const r = core.summarize(text, { words: 20 });
  const words = r.summary.reduce((n, i) => n + r.sentences[i].text.split(/\s+/).length, 0);
  assert.ok(words <= 20 && r.summary.length >= 1, `${words} words`);
  const one = core.summarize(text, { words: 1 });
  assert.equal(one.summary.length, 1, 'at least one sentence even over the word budget');
  const c = core.summarize(text, { characters: 130 });
  const chars = c.summary.reduce((n, i) => n + [...c.sentences[i].text].length, 0);
  assert.ok(chars <= 130 && c.summary.length >= 2, `${chars} characters in ${c.summary.length} sentences`);
  assert.throws(() => core.summarize(text, { characters: 10, words: 5 }), (e) => e.code === 'invalid_option');
});

test('split returns sentences with offsets', async () => {
  const text = 'Dr. Smith arrived at 3.50 p.m. He left at once. Did he?';
  const r = await split(text);
  assert.deepEqual(r.sentences.map((s) => s.text), ['Dr. Smith arrived at 3.50 p.m.', 'He left at once.', 'Did he?']);
  for (const s of r.sentences) assert.equal(text.slice(s.start, s.end), s.text);
});

test('load accepts the wasm bytes', async () => {
  const bytes = await readFile(new URL('../../wasm/dist/precis-core.wasm', import.meta.url));
  const other = await load({ wasmBinary: bytes });
  assert.equal(other.summarize('Hello there, world. This is it.', { sentences: 1 }).summary.length, 1);
});

test('many calls do not grow the wasm heap without bound', () => {
  const text = 'The quick brown fox jumps over the lazy dog. '.repeat(200);
  for (let i = 0; i < 50; i++) core.summarize(text);
  // The core holds nothing between calls; a leak of the result (~40 KB) per call would show
  // up as steady growth. (The full 10,000-call check, on varied input: memory.test.mjs.)
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 500; i++) core.summarize(text);
  const after = process.memoryUsage().arrayBuffers;
  assert.ok(after - before < 8 * 1024 * 1024, `array buffers grew by ${after - before} bytes`);
});

test('HTML input: the visible text, offsets into it, the headline as title', async () => {
  const html = '<html><head><title>Ferries | Ledger</title><script>alert(1)</script></head><body>'
    + '<nav><a href="/">Home</a> <a href="/news">News</a></nav><h1>Town votes for electric ferries</h1>'
    // Two paragraphs of running text: a page with less is no article (the no_article warning).
    + '<p>Councillors voted on Monday to replace the town&rsquo;s diesel ferries with electric boats.</p>'
    + '<p>The plan will cost &pound;48 million over five years, most of it paid by a government grant.</p>'
    + '<footer>&copy; 2025 The Ledger. All rights reserved.</footer></body></html>';
  const r = await summarize(html, { input: 'html', sentences: 3 });
  assert.equal(r.title, 'Town votes for electric ferries');
  assert.equal(typeof r.text, 'string');
  assert.ok(!r.text.includes('<') && !r.text.includes('alert'));
  for (const s of r.sentences) assert.equal(r.text.slice(s.start, s.end), s.text);
  const chosen = r.summary.map((i) => r.sentences[i]);
  assert.deepEqual(chosen.map((s) => s.block_type), ['paragraph', 'paragraph']);
  assert.ok(chosen[0].text.includes('town\u2019s diesel ferries'));
  assert.ok(chosen[1].text.includes('\u00a348 million'));
});
