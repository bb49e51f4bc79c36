// Bad input never hurts the heap: 10,000 summarize() calls on varied inputs (sizes, 22
// languages, HTML, invalid UTF-8, lone surrogates, valid and invalid options) with the
// real wasm module, and the heap does not grow: nothing allocated for a call outlives it.
//
// Two instances of wasm/dist/precis-core.wasm: the one the JS API (precis.mjs) loads,
// called through summarize(text, options), and one made directly from the emscripten glue
// (as bad_input.test.mjs does), called with raw bytes through its summarizeBytes export
// so that invalid UTF-8 reaches the core (a JS string cannot carry it). For each, caught
// as it is instantiated (the JS API keeps its module private):
//   - the size of the wasm linear memory: it must not change at all after the warm-up;
//   - the allocator's bytes in use, from the module's `precis_heap_in_use()` export
//     (wasm/bindings.cpp), which must come back to the very same number, with a control
//     that shows it sees a leak of 16 bytes per call.
// PRECIS_WASM_BINARY=path/to/precis-core.wasm runs the test against another build of the
// core, through the same JS API and glue.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PrecisError, load } from 'precis';
import createPrecisCore from '../../wasm/dist/precis-core.mjs';
import { ROOT, SHARED, readJsonl, seeds } from './helpers.mjs';

const CALLS = 10_000;

// ---------------------------------------------------------------- the instances

/** Runs `make` (which instantiates the module once); returns [its result, the exports]. */
async function catchingInstance(make) {
  // Only observes: the instance is handed on untouched, the original put back at once.
  const instantiate = WebAssembly.instantiate;
  let exports = null;
  WebAssembly.instantiate = async function (...args) {
    const made = await instantiate.apply(this, args);
    exports = (made.instance ?? made).exports;
    return made;
  };
  try {
    const result = await make();
    assert.ok(exports?.memory instanceof WebAssembly.Memory, 'the module instance was not caught');
    return [result, exports];
  } finally {
    WebAssembly.instantiate = instantiate;
  }
}

/** What the test reads of one instance: memory size and bytes in use. */
class Heap {
  constructor(name, exports) {
    this.name = name;
    this.wasm = exports;
    assert.equal(typeof exports.precis_heap_in_use, 'function', `${name}: the module exports no precis_heap_in_use`);
  }
  get memory() {
    return this.wasm.memory.buffer.byteLength;
  }
  /** The allocator's bytes in use, from the module's own hook (mallinfo().uordblks). */
  inUse() {
    return this.wasm.precis_heap_in_use() >>> 0;
  }
}

const wasmBinary = readFileSync(process.env.PRECIS_WASM_BINARY ?? join(ROOT, 'wasm', 'dist', 'precis-core.wasm'));
const [core, apiExports] = await catchingInstance(() => load({ wasmBinary }));
const [raw, rawExports] = await catchingInstance(() => createPrecisCore({ wasmBinary }));
const heaps = [new Heap('JS API', apiExports), new Heap('raw bytes', rawExports)];

/** The raw instance's result for `bytes` (parsed), or its error as a PrecisError;
 *  `options` is an object or JSON text (which may be malformed). */
function summarizeBytes(bytes, options) {
  const at = raw._malloc(bytes.length + 1);
  assert.ok(at, 'malloc');
  try {
    raw.HEAPU8.set(bytes, at);
    const json = typeof options === 'string' ? options : JSON.stringify(options ?? {});
    const result = JSON.parse(new TextDecoder().decode(raw.summarizeBytes(at, bytes.length, json)));
    if (result.error) throw new PrecisError(result.error.code, result.error.message);
    return result;
  } finally {
    raw.releaseReply();
    raw._free(at);
  }
}

// ---------------------------------------------------------------- the inputs

// A deterministic generator, so that a failure reproduces.
let state = 0x9e3779b9;
function random() {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
}
const pick = (list) => list[Math.floor(random() * list.length)];

// Texts. Dev documents cut to 6,000 UTF-16 units (a cut may split a surrogate pair: one
// more lone surrogate) to keep the run short.
const devDocs = readdirSync(join(SHARED, 'eval', 'summ'))
  .filter((f) => f.endsWith('.dev.jsonl'))
  .flatMap((f) => readJsonl(join(SHARED, 'eval', 'summ', f)).slice(0, 3).map((r) => r.text.slice(0, 6000)));
// One text per language: a golden sentence-boundary suite's cases joined (22 languages).
const languages = readdirSync(join(SHARED, 'eval', 'sbd'))
  .filter((f) => /^golden_.*\.jsonl$/.test(f))
  .map((f) => readJsonl(join(SHARED, 'eval', 'sbd', f)).map((c) => c.text).join(' '));
const articlesDir = join(ROOT, 'tests', 'data', 'articles');
const articles = readdirSync(articlesDir).filter((f) => /\.(txt|html)$/.test(f))
  .map((f) => ({ text: readFileSync(join(articlesDir, f), 'utf8'), html: f.endsWith('.html') }));
const seed = seeds()[0].text;
const odd = [
  '', ' ', '\n\n\n', 'a', 'Hello.', '...', '?!?!', '\0\0\0', '\uFEFFByte order mark first. Then text.',
  'A lone \uD800 high and a lone \uDC00 low surrogate. Then a pair \uD83D\uDE00 and \uFFFD.',
  '\uDC00\uD800'.repeat(500), // only broken pairs
  'Control \u0001\u0002\u0007\u001b[31m characters \u007f in text.\u0085Next line.\u2028Line separator.',
  'x'.repeat(20_000), // one 20 KB word
  'Word. '.repeat(2_000), // 2,000 one-word sentences
  '\n'.repeat(50_000),
  'e\u0301'.repeat(1_000) + '. Combining marks everywhere.',
  '😀🎉👍🏽 '.repeat(500),
  'Mr. Dr. St. Mt. e.g. i.e. U.S.A. '.repeat(200),
];
const html = [
  '<p>One paragraph here. And a second sentence.</p>',
  '<html><head><title>T</title><script>alert(1)</script><style>p{}</style></head><body><p>Text &amp; more &lt;b&gt;text&lt;/b&gt;.</p></body></html>',
  '<div>'.repeat(5_000) + 'Deeply nested text. It goes on.' + '</div>'.repeat(5_000),
  '<p>Unclosed <b>tags <i>everywhere <a href="x">here. And <p>there.',
  '<p>' + '&amp;&#x1F600;&#0;&#xD800;&bogus;&#99999999;'.repeat(200) + '</p>',
  '<!-- a comment that never ends <p>Nothing here is visible.',
  '<![CDATA[ x ]]><svg><script>1</script></svg><math><mi>x</mi></math><p>After the foreign content. Good.</p>',
  '<' + 'a'.repeat(50_000) + ' attr="' + '"'.repeat(1_000) + '>Tag soup. Done.',
];

// Invalid UTF-8 and other bytes that are not UTF-8, for the raw instance.
const encoder = new TextEncoder();
function bytes(...parts) {
  const chunks = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}
const badUtf8 = [
  bytes('Overlong ', [0xc0, 0xaf], ' slash. Encoded surrogate ', [0xed, 0xa0, 0x80], ' here. Next sentence.'),
  bytes('Truncated ', [0xe2, 0x82], ' euro. Then ', [0xf0, 0x9f, 0x98], ' emoji cut. End.'),
  bytes([0xff, 0xfe], 'Invalid bytes first. ', [0x80, 0xbf, 0x80], ' lone continuations. ', [0xf8, 0x88, 0x80, 0x80, 0x80], ' five bytes.'),
  bytes('Beyond U+10FFFF ', [0xf4, 0x90, 0x80, 0x80], '. The last one is cut ', [0xe2]),
  bytes([...'Café déjà vu. Ça va très bien, merci. À bientôt.'].map((c) => c.charCodeAt(0))), // Latin-1
  bytes([...'UTF-16 text. Two sentences.'].flatMap((c) => [c.charCodeAt(0), 0])), // UTF-16LE
  new Uint8Array(10_000).fill(0xff),
  Uint8Array.from({ length: 20_000 }, () => Math.floor(random() * 256)), // noise
  bytes(encoder.encode(seed).subarray(0, 1001), ' cut inside a character? ', [0xd0], ' then more text.'),
];
const badUtf8Html = [
  bytes('<p>HTML with ', [0xc3], ' bad bytes &amp; ', [0xed, 0xbf, 0xbf], '.</p><p>Second ', [0xfe], ' paragraph.</p>'),
  bytes('<title>', [0xff, 0xff], '</title><p>', [0xc0, 0x80], 'Body text here. And more.</p>'),
];

// Options: every budget and algorithm, forced languages, and invalid ones (each must
// throw its PrecisError; the last three are caught by the JS API before the core).
const goodOptions = [
  undefined, {}, { sentences: 1 }, { sentences: 7 }, { ratio: 0.1 }, { ratio: 1 }, { words: 30 },
  { characters: 200 }, { lang: 'en' }, { lang: 'de' }, { lang: 'ru' }, { lang: 'zh' }, { lang: 'auto' },
  ...['lead', 'textrank', 'lexrank', 'centroid', 'sumbasic', 'luhn', 'klsum'].map((algorithm) => ({ algorithm, sentences: 3 })),
];
let deep = { x: 1 };
for (let i = 0; i < 300; i++) deep = { x: deep };
const badOptions = [
  [{ sentences: 0 }, 'invalid_option'], [{ sentences: -1 }, 'invalid_option'], [{ sentences: 2.5 }, 'invalid_option'],
  [{ ratio: 2 }, 'invalid_option'], [{ words: 10, sentences: 2 }, 'invalid_option'],
  [{ algorithm: 'magic' }, 'invalid_option'], [{ lang: 'not a language' }, 'invalid_language'],
  [{ input: 'xml' }, 'invalid_option'], [{ colour: 'blue' }, 'invalid_option'], [deep, 'invalid_option'],
  [{ sentences: '3'.repeat(10_000) }, 'invalid_option'], [{ max_input_bytes: 5 }, 'input_too_large'],
  ['sentences=3', 'invalid_option'], [[3], 'invalid_option'], [null, 'invalid_option'],
];

// The fixed cases, {text, options, code (the PrecisError code expected, or null)}: each
// text with two option sets, HTML as HTML, each bad option on three texts. The warm-up
// runs each once, so that whatever the core sets up on first use (a language's tables, a
// stemmer) is in place before the baseline.
const cases = [
  ...[...odd, ...languages, ...devDocs, seed].flatMap((text) => [pick(goodOptions), pick(goodOptions)].map((options) => ({ text, options }))),
  ...html.flatMap((text) => [1, 3].map((sentences) => ({ text, options: { input: 'html', sentences } }))),
  ...articles.map((a) => ({ text: a.text, options: a.html ? { input: 'html' } : pick(goodOptions) })),
  ...badOptions.flatMap(([options, code]) => [seed, 'Short text. Two sentences.', pick(languages)].map((text) => ({ text, options, code }))),
  // Raw bytes to the raw instance; options as JSON text there, so malformed JSON too.
  ...badUtf8.flatMap((b) => [pick(goodOptions), pick(goodOptions)].map((options) => ({ bytes: b, options }))),
  ...badUtf8Html.map((b) => ({ bytes: b, options: { input: 'html' } })),
  ...[['{"sentences": 0}', 'invalid_option'], ['{bad', 'invalid_option'], ['[1, 2]', 'invalid_option'],
    ['{"sentences": 3, "sentences": "x"}', 'invalid_option'], ['{"lang": "\\ud800"}', 'invalid_option' /* a lone surrogate escape: not valid JSON */],
    ['"\\u0000"', 'invalid_option'], ['{"max_input_bytes": 3}', 'input_too_large']]
    .map(([options, code]) => ({ bytes: badUtf8[0], options, code })),
  { text: seed.repeat(60), options: { sentences: 5 } }, // ~180 KB: last, the loop takes it apart
].map((c) => ({ code: null, ...c }));

// And text never seen before, so that a cache which kept something of every input would
// show: words made of random syllables, in a language (forced) that the warm-up loaded.
const SYLLABLES = {
  en: ['ka', 'lo', 'min', 'ter', 'sa', 'ber', 'on', 'di', 'vel', 'ra'],
  de: ['sch', 'ei', 'ber', 'ung', 'ach', 'ten', 'lie', 'gro', 'ß', 'ü'],
  ru: ['ка', 'ло', 'мин', 'тер', 'са', 'бер', 'он', 'ди', 'вел', 'ря'],
};
function freshText(lang) {
  const word = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(SYLLABLES[lang])).join('');
  const sentence = () => Array.from({ length: 4 + Math.floor(random() * 12) }, word).join(' ') + pick(['.', '!', '?']);
  return Array.from({ length: 3 + Math.floor(random() * 25) }, sentence).join(' ');
}

/** The i-th call of the loop: a fixed case (the ~180 KB one only now and then) or fresh text. */
function nextCall(i) {
  if (i % 500 === 250) return cases[cases.length - 1];
  if (random() < 0.2) {
    const lang = pick(Object.keys(SYLLABLES));
    return { text: freshText(lang), options: { ...pick(goodOptions.filter((o) => o && !o.lang)), lang }, code: null };
  }
  return cases[Math.floor(random() * (cases.length - 1))];
}

/** Runs one case: through the JS API, or (`bytes`) the raw instance. 'ok' or 'threw'. */
function call({ text, bytes: input, options, code }) {
  const run = input
    ? () => summarizeBytes(input, options)
    : () => core.summarize(text, options);
  if (code === null) {
    const r = run();
    assert.ok(Array.isArray(r.summary) && Array.isArray(r.sentences));
    return 'ok';
  }
  assert.throws(run, (e) => e instanceof PrecisError && e.code === code,
    `options ${JSON.stringify(options)?.slice(0, 60)} should throw ${code}`);
  return 'threw';
}

// ---------------------------------------------------------------- the test

const mib = (n) => `${(n / 2 ** 20).toFixed(2)} MiB`;

test(`${CALLS.toLocaleString('en')} summarize() calls on varied input leave the wasm heap as it was`, { timeout: 120_000 }, () => {
  const started = performance.now();
  for (const c of cases) call(c); // the warm-up (see `cases`)
  const warmMs = performance.now() - started;

  const inUseBefore = heaps.map((h) => h.inUse());
  const memoryBefore = heaps.map((h) => h.memory);
  const counts = { ok: 0, threw: 0, raw: 0 };
  const memoryTrail = heaps.map(() => []);
  const inUseTrail = heaps.map(() => []);
  const loopStarted = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const c = nextCall(i);
    counts[call(c)]++;
    if (c.bytes) counts.raw++;
    if ((i + 1) % 1000 === 0) {
      heaps.forEach((h, k) => {
        memoryTrail[k].push(h.memory);
        inUseTrail[k].push(h.inUse());
      });
    }
  }
  const loopMs = performance.now() - loopStarted;
  const memoryAfter = heaps.map((h) => h.memory);
  const inUseAfter = heaps.map((h) => h.inUse());

  console.log(`# memory: ${CALLS} calls (${counts.ok} results, ${counts.threw} PrecisErrors; ${counts.raw} as raw bytes) `
    + `in ${(loopMs / 1000).toFixed(1)} s after a ${cases.length}-call warm-up of ${(warmMs / 1000).toFixed(1)} s`);
  heaps.forEach((h, k) => {
    console.log(`# memory: ${h.name} instance: linear memory ${mib(memoryBefore[k])} -> ${mib(memoryAfter[k])}; bytes in use (allocator hook) `
      + `${inUseBefore[k]} -> ${inUseAfter[k]}`);
  });
  assert.ok(counts.threw > 500 && counts.ok > 5000 && counts.raw > 500, JSON.stringify(counts));
  heaps.forEach((h, k) => {
    assert.deepEqual(memoryTrail[k], memoryTrail[k].map(() => memoryBefore[k]), `${h.name}: the linear memory grew (every 1000 calls)`);
    assert.equal(memoryAfter[k], memoryBefore[k], `${h.name}: the linear memory grew`);
    // Exact: every byte a call allocated was freed.
    assert.deepEqual(inUseTrail[k], inUseTrail[k].map(() => inUseBefore[k]), `${h.name}: bytes in use after every 1000 calls`);
    assert.equal(inUseAfter[k], inUseBefore[k], `${h.name}: bytes in use`);
  });
});

test('the heap measure sees a leak of 16 bytes per call', () => {
  // The control for the measure above: around 10,000 blocks of
  // 16 bytes that are not freed it must report at least their size, and after they are
  // freed come back.
  const [heap] = heaps;
  const before = heap.inUse();
  const kept = [];
  for (let i = 0; i < CALLS; i++) kept.push(heap.wasm.malloc(16));
  const after = heap.inUse();
  for (const at of kept) heap.wasm.free(at);
  const back = heap.inUse();
  console.log('# memory control (allocator hook): '
    + `10,000 x 16 bytes kept -> +${after - before}; freed -> ${back - before}`);
  assert.ok(after - before >= CALLS * 16, `a leak of ${CALLS * 16} bytes showed as ${after - before}`);
  assert.equal(back, before);
});

test('a text over the size limit is refused without growing the wasm memory', () => {
  // The JS API asks the core (checkSize) before copying a large text in: the memory of a
  // module instance never shrinks, so a refused 20 MB text must not leave it 20 MB larger.
  const [heap] = heaps;
  const memory = heap.memory;
  const big = 'Words of a long text. '.repeat(1_000_000);  // 22 MB of UTF-8
  for (const call of [() => core.summarize(big), () => core.split(big), () => core.summarizeJSON(big)]) {
    assert.throws(call, (e) => e instanceof PrecisError && e.code === 'input_too_large' &&
      e.message === `input is ${Buffer.byteLength(big)} bytes; the limit is ${16 * 1024 * 1024}`);
  }
  // The same text under a raised limit is copied in and summarized (the check only refuses).
  assert.equal(core.split('Short. Text.', { max_input_bytes: 100 }).sentences.length, 2);
  assert.throws(() => core.summarize(big, { max_input_bytes: 'x' }), (e) => e.code === 'invalid_option');
  assert.equal(heap.memory, memory, 'the linear memory grew');
});
