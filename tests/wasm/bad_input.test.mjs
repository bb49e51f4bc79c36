// The bad-input table of docs/LIMITS.md, row by row, in wasm and natively: each input
// gets its documented result (a repaired text, an empty result or an error code), and
// the wasm core gives byte for byte the JSON of `precis summarize --format json`.
//
// Inputs go to the wasm core as raw bytes (its summarizeBytes export, the one the JS API
// wraps), so that invalid UTF-8 reaches it as it reaches the CLI; rows about JavaScript
// strings (lone surrogates) go through the public API as well.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createPrecisCore from '../../wasm/dist/precis-core.mjs';
import { load, PrecisError } from 'precis';
import { ROOT, precis, withoutTiming } from './helpers.mjs';

const core = await createPrecisCore({ wasmBinary: readFileSync(join(ROOT, 'wasm', 'dist', 'precis-core.wasm')) });
const api = await load();
const dir = mkdtempSync(join(tmpdir(), 'precis-bad-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const MAX_SENTENCES = 1000000;  // kMaxSentences in precis.hpp

/** The wasm core's JSON for raw bytes (UTF-8 byte offsets, as the CLI prints). */
function wasmJSON(bytes, options) {
  const at = core._malloc(bytes.length + 1);
  assert.ok(at, 'malloc');
  try {
    core.HEAPU8.set(bytes, at);
    // A view of the reply in the module's memory, valid until releaseReply.
    return new TextDecoder().decode(core.summarizeBytes(at, bytes.length, JSON.stringify(options)));
  } finally {
    core.releaseReply();
    core._free(at);
  }
}

/** The CLI flags for an options object. */
function flags(options) {
  return Object.entries(options).flatMap(([k, v]) => [`--${k === 'language' ? 'lang' : k.replace(/_/g, '-')}`, String(v)]);
}

/** Runs one input through the CLI and the wasm core: both answers, parsed, after
 *  checking they are the same (the same JSON, or the same error code). */
function both(name, bytes, options = {}) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const native = precis(['summarize', file, '--format', 'json', ...flags(options)]);
  const wasm = JSON.parse(wasmJSON(bytes, options));
  if (native.status !== 0) {
    const code = native.stderr.match(/^precis: ([a-z_]+):/)?.[1];
    assert.ok(wasm.error, `${name}: native failed (${native.stderr.trim()}), wasm did not`);
    assert.equal(wasm.error.code, code, `${name}: error codes`);
    return { error: wasm.error, status: native.status };
  }
  assert.equal(wasm.error, undefined, `${name}: wasm failed: ${JSON.stringify(wasm.error)}`);
  assert.equal(withoutTiming(wasmJSON(bytes, options)), withoutTiming(native.stdout.trimEnd()), `${name}: native and wasm JSON`);
  return wasm;
}

const utf8 = (s) => Buffer.from(s, 'utf8');
const sentenceTexts = (r) => r.sentences.map((s) => s.text);
const ARTICLE = 'The council met on Monday to vote on the budget. Members argued for three hours. ' +
  'The plan passed by a narrow margin. Critics said it would raise taxes.';

test('empty text: no sentences, no summary, language und', () => {
  const r = both('empty.txt', Buffer.alloc(0));
  assert.deepEqual([r.sentences.length, r.summary.length, r.keywords.length, r.language], [0, 0, 0, 'und']);
  assert.equal(r.stats.characters, 0);
});

test('whitespace-only text: no sentences; its characters counted', () => {
  const text = ' \n\t\r\n   \u00a0 \u2003\n\n';
  const r = both('space.txt', utf8(text));
  assert.deepEqual([r.sentences.length, r.summary.length, r.language], [0, 0, 'und']);
  assert.equal(r.stats.characters, [...text].length);
});

test('invalid UTF-8: each bad sequence becomes U+FFFD as a WHATWG decoder makes it', () => {
  const bad = {
    overlong: [0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xf0, 0x80, 0x80, 0xaf],
    surrogate: [0xed, 0xa0, 0x80, 0xed, 0xbf, 0xbf],
    truncated: [0xe2, 0x82, 0x20, 0xf0, 0x9f, 0x98],
    continuation: [0x80, 0xbf, 0x80],
    never: [0xf5, 0xfe, 0xff, 0xc1, 0xbf],
  };
  for (const [kind, seq] of Object.entries(bad)) {
    const bytes = Buffer.concat([utf8('Before the bad bytes '), Buffer.from(seq), utf8(' after them. ' + ARTICLE)]);
    const r = both(`invalid-${kind}.txt`, bytes);
    // TextDecoder is the WHATWG decoder: the oracle for "maximal subparts".
    const repaired = new TextDecoder().decode(bytes);
    assert.ok(repaired.includes('\ufffd'));
    const all = sentenceTexts(r).join(' ');
    assert.ok(all.startsWith(repaired.slice(0, repaired.indexOf(' after')).trim()), `${kind}: ${all.slice(0, 60)}`);
    // Offsets index the repaired text: the text of every sentence is there.
    const text = Buffer.from(repaired, 'utf8');
    for (const s of r.sentences) assert.equal(text.subarray(s.start, s.end).toString('utf8'), s.text, kind);
    assert.equal(r.sentences.length, 5, kind);
  }
});

test('lone surrogates in a JavaScript string become U+FFFD; offsets stay UTF-16 indices', () => {
  const text = 'A lone \ud800 high surrogate here. And a lone \udc00 low one. ' + ARTICLE;
  const r = api.summarize(text, { sentences: 2 });
  const repaired = text.replace(/[\ud800-\udfff]/g, '\ufffd');
  for (const s of r.sentences) assert.equal(repaired.slice(s.start, s.end), s.text);
  assert.equal(r.sentences[0].text, 'A lone \ufffd high surrogate here.');
});

test('NUL bytes are text: kept where they are, escaped in JSON, no sentence break', () => {
  const text = 'First sentence has a NUL\0 inside it. Second one is plain. Third \0\0 ends here.';
  const r = both('nul.txt', utf8(text));
  assert.deepEqual(sentenceTexts(r), ['First sentence has a NUL\0 inside it.', 'Second one is plain.', 'Third \0\0 ends here.']);
  assert.ok(wasmJSON(utf8(text), {}).includes('\\u0000'));
});

test('a byte order mark stays in the text and out of every sentence', () => {
  const r = both('bom.txt', utf8('\ufeff' + ARTICLE));
  assert.equal(r.sentences[0].start, 3, 'the first sentence starts after the 3 bytes of the BOM');
  assert.deepEqual(sentenceTexts(r), ARTICLE.match(/[^.]+\./g).map((s) => s.trim()));
});

test('CRLF and lone CR break lines as LF does', () => {
  const lf = 'Headline of the story\n\n' + ARTICLE.replace('. Members', '.\nMembers') + '\n\nSecond paragraph starts. It ends.';
  const want = sentenceTexts(both('lf.txt', utf8(lf)));
  assert.deepEqual(sentenceTexts(both('crlf.txt', utf8(lf.replace(/\n/g, '\r\n')))), want);
  assert.deepEqual(sentenceTexts(both('cr.txt', utf8(lf.replace(/\n/g, '\r')))), want);
  assert.equal(want[0], 'Headline of the story');
});

test('10 MB without punctuation: one sentence per paragraph, summarized', () => {
  const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu '.repeat(150000);
  const r = both('nopunct.txt', utf8(words.trimEnd()));
  assert.ok(words.length > 10e6);
  assert.equal(r.sentences.length, 1);
  assert.deepEqual(r.summary, [0]);
});

test('10 MB without spaces: one word, one sentence', () => {
  const r = both('nospace.txt', Buffer.alloc(10e6, 'x'));
  assert.equal(r.sentences.length, 1);
  assert.equal(r.stats.words, 1);
});

test('one million one-word sentences: all of them; one more is input_too_large', () => {
  const words = ['Alpha.', 'Beta.', 'Gamma.', 'Delta.', 'Epsilon.', 'Zeta.', 'Eta.'];
  const million = Array.from({ length: MAX_SENTENCES }, (_, i) => words[i % 7]).join(' ');
  const r = both('million.txt', utf8(million), { sentences: 3 });
  assert.equal(r.sentences.length, MAX_SENTENCES);
  assert.equal(r.summary.length, 3);
  const over = both('million1.txt', utf8(million + ' Theta.'));
  assert.equal(over.error.code, 'input_too_large');
  assert.match(over.error.message, /1000001 sentences; the limit is 1000000/);
});

test('more than a million lines is input_too_large, before any costly stage', () => {
  const r = both('lines.txt', utf8('A\n'.repeat(MAX_SENTENCES)));
  assert.equal(r.error.code, 'input_too_large');
  assert.match(r.error.message, /1000001 lines/);
});

test('more than max_input_bytes is input_too_large; exactly max_input_bytes is not', () => {
  const text = utf8(ARTICLE);
  assert.equal(both('limit.txt', text, { max_input_bytes: text.length - 1 }).error.code, 'input_too_large');
  assert.equal(both('limit.txt', text, { max_input_bytes: text.length }).sentences.length, 4);
  // The default, 16 MiB.
  const big = Buffer.alloc(16 * 1024 * 1024 + 1, 'a');
  assert.equal(both('default-limit.txt', big).error.code, 'input_too_large');
});

test('100,000 nested HTML tags: the text inside, no stack overflow', () => {
  const html = '<div><b>'.repeat(50000) + 'Deep text here. It is nested a lot.' + '</b></div>'.repeat(50000);
  const r = both('nested.html', utf8(html), { input: 'html' });
  assert.deepEqual(sentenceTexts(r), ['Deep text here.', 'It is nested a lot.']);
  const unclosed = both('nested-open.html', utf8('<span>'.repeat(100000) + ARTICLE), { input: 'html' });
  assert.equal(unclosed.sentences.length, 4);
});

test('unclosed tags and comments end where an HTML parser ends them', () => {
  // An unclosed comment runs to the end of the document (WHATWG HTML), as in a browser.
  const comment = both('comment.html', utf8('<p>Shown text here. <!-- a comment never closed <p>Hidden text.'), { input: 'html' });
  assert.deepEqual(sentenceTexts(comment), ['Shown text here.']);
  // A tag whose attribute quote never closes swallows the rest.
  const tag = both('tag.html', utf8('<p>Open paragraph one. Another sentence.<div><span title="never closed>Hidden.'), { input: 'html' });
  assert.deepEqual(sentenceTexts(tag), ['Open paragraph one.', 'Another sentence.']);
  // Unclosed elements close at the end: their text stays.
  const open = both('open.html', utf8('<div><p>First paragraph here.<p>Second one, <b>bold <i>and italic.'), { input: 'html' });
  assert.deepEqual(sentenceTexts(open), ['First paragraph here.', 'Second one, bold and italic.']);
  // Script and style content is never text, closed or not.
  const script = both('script.html', utf8('<p>Visible words here.</p><script>alert("x"); var a = "<p>no</p>";'), { input: 'html' });
  assert.deepEqual(sentenceTexts(script), ['Visible words here.']);
});

const html = { input: 'html' };
const warningCodes = (r) => r.warnings.map((w) => w.code);

// OddPages of tests/core/bad_input_test.cpp: pages odd in shape, each a defined result.
test('odd pages: a frameset, SVG/MathML/template, unclosed markup, all navigation, all article', () => {
  // A frameset shows nothing of its own: no text, no article.
  const frames = both('frameset.html', utf8("<html><frameset cols='50%,50%'><frame src=a.html><frame src=b.html></frameset></html>"), html);
  assert.deepEqual([frames.sentences.length, frames.summary.length, frames.text], [0, 0, '']);
  assert.deepEqual(warningCodes(frames), ['no_article']);
  // Inline SVG and MathML, <template>: their text is not shown.
  const hidden = both('svg-math-template.html', utf8(`<p>${ARTICLE}</p><svg><text>Chart label text here</text></svg>` +
    '<math><mi>x</mi></math><template><p>Template text is never shown.</p></template>'), html);
  assert.equal(hidden.sentences.length, 4);
  assert.ok(!hidden.text.includes('Chart') && !hidden.text.includes('Template'), hidden.text);
  // Unclosed everything: the text is still the article's.
  const unclosed = both('unclosed-page.html', utf8(`<html><body><div><article><p>${ARTICLE}<p>More after it, as is said.`), html);
  assert.deepEqual(warningCodes(unclosed), []);
  assert.equal(unclosed.summary.length, 3);
  // All navigation: no article, nothing chosen (the JS API and a batch line say so too).
  const menu = '<nav><ul>' + Array.from({ length: 200 }, (_, i) => `<li><a href='/p${i}'>Section ${i}</a></li>`).join('') + '</ul></nav>';
  const nav = both('all-navigation.html', utf8(menu), html);
  assert.deepEqual(warningCodes(nav), ['no_article']);
  assert.deepEqual(nav.summary, []);
  const fromApi = api.summarize(menu, html);
  assert.deepEqual([warningCodes(fromApi), fromApi.summary], [['no_article'], []]);
  const line = JSON.parse(precis(['batch'], JSON.stringify({ id: 'nav', text: menu, input: 'html' }) + '\n').stdout);
  assert.deepEqual([line.summary, line.selected, line.warnings], ['', [], nav.warnings]);
  // All article (a bare post, no markup at all around the text).
  const bare = both('all-article.html', utf8(ARTICLE), html);
  assert.deepEqual(warningCodes(bare), []);
  assert.equal(bare.summary.length, 3);
});

// FiveMegabytePage: a news page's furniture and article, many times over.
test('a 5 MB page: the article found, the summary taken from its paragraphs', () => {
  let page = '<html><body><nav>' + Array.from({ length: 2000 }, (_, i) => `<a href='/s${i}'>Section</a> `).join('') + '</nav><main><article>';
  const parts = [page];
  for (let i = 0, size = page.length; size < 5 * 1024 * 1024; i++) {
    const p = `<p>${ARTICLE} It was item ${i} on the agenda.</p><aside><a href='/x'>Related</a></aside>`;
    parts.push(p);
    size += p.length;
  }
  parts.push('</article></main></body></html>');
  page = parts.join('');
  assert.ok(page.length >= 5 * 1024 * 1024);
  const r = both('five-mb.html', utf8(page), html);
  assert.deepEqual(warningCodes(r), []);
  assert.equal(r.summary.length, 3);
  for (const k of r.summary) assert.equal(r.sentences[k].block_type, 'paragraph');
});

// PagesInOtherCharacterSets, as far as the JS side goes: the core takes UTF-8, so the raw
// bytes of a page in another character set are invalid UTF-8, repaired to U+FFFD (a
// JavaScript string has been decoded already: the API never sees the bytes).
test('a page with invalid UTF-8 (raw bytes of another character set): repaired to U+FFFD', () => {
  const body = (bytes) => Buffer.concat([utf8('<body><p>Caf'), Buffer.from(bytes.slice(0, 1)), utf8(' cr'),
    Buffer.from(bytes.slice(1)), utf8('me is served at the harbour every morning, and the regulars know it well.</p></body></html>')]);
  const repairedText = 'Caf\ufffd cr\ufffdme is served at the harbour every morning, and the regulars know it well.';
  // Undeclared: the CLI reads it as UTF-8 too; both repair it, to the same JSON.
  const undeclared = both('undeclared-latin1.html', Buffer.concat([utf8('<html>'), body([0xe9, 0xe8])]), html);
  assert.equal(undeclared.text, repairedText);
  assert.deepEqual(sentenceTexts(undeclared), [repairedText]);
  // Declared windows-1252: the wasm core, given the bytes, repairs them the same way ...
  const declared = Buffer.concat([utf8("<html><head><meta http-equiv='Content-Type' content='text/html; charset=Windows-1252'></head>"),
    body([0xe9, 0xe8])]);
  const wasm = JSON.parse(wasmJSON(declared, html));
  assert.equal(wasm.text, repairedText);
  // ... as the JS API does for the string a WHATWG decoder makes of the bytes as UTF-8 ...
  const fromApi = api.summarize(new TextDecoder().decode(declared), html);
  assert.equal(fromApi.text, repairedText);
  assert.deepEqual(sentenceTexts(fromApi), sentenceTexts(wasm));
  // ... while the CLI reads a saved page in the character set it declares (--encoding aside).
  const file = join(dir, 'declared-cp1252.html');
  writeFileSync(file, declared);
  const native = precis(['summarize', file, '--input', 'html', '--format', 'json']);
  assert.equal(native.status, 0, native.stderr);
  assert.equal(JSON.parse(native.stdout).text, 'Caf\u00e9 cr\u00e8me is served at the harbour every morning, and the regulars know it well.');
});

test('budgets: negative, zero, huge and non-numeric give invalid_option (wasm, JS API, batch)', () => {
  const text = utf8(ARTICLE);
  for (const options of [{ sentences: 0 }, { sentences: -1 }, { sentences: 1e12 }, { sentences: 2.5 },
    { sentences: '3' }, { sentences: null }, { sentences: 18446744073709551615 }, { words: 0 }, { words: -5 },
    { characters: 0 }, { ratio: 0 }, { ratio: -0.1 }, { ratio: 1.5 }, { ratio: 'half' }, { max_input_bytes: 0 },
    { max_input_bytes: -1 }]) {
    const wasm = JSON.parse(wasmJSON(text, options));
    assert.equal(wasm.error?.code, 'invalid_option', JSON.stringify(options));
    assert.throws(() => api.summarize(ARTICLE, options), (e) => e instanceof PrecisError && e.code === 'invalid_option');
    const line = precis(['batch'], JSON.stringify({ id: 1, text: ARTICLE, ...options }) + '\n');
    assert.equal(JSON.parse(line.stdout).error.code, 'invalid_option', JSON.stringify(options));
    assert.equal(JSON.parse(line.stdout).error.message, wasm.error.message, JSON.stringify(options));
  }
  // A budget larger than the text takes every eligible sentence.
  assert.equal(both('huge-budget.txt', text, { sentences: 1000000000 }).summary.length, 4);
  assert.equal(both('huge-words.txt', text, { words: 1000000000 }).summary.length, 4);
});

test('CLI budget flags: bad values are usage errors (exit 2), out-of-range numbers with their code', () => {
  for (const value of ['abc', '', '3x', 'nan']) {
    const r = precis(['summarize', '-', '--sentences', value], ARTICLE);
    assert.equal(r.status, 2, value);
    assert.match(r.stderr, /--sentences needs a number/);
  }
  for (const value of ['0', '-1', '99999999999', '1e300']) {
    const r = precis(['summarize', '-', '--sentences', value], ARTICLE);
    assert.equal(r.status, 2, value);
    assert.match(r.stderr, /^precis: invalid_option: /, value);
  }
});

test('language codes: an unknown but well-formed tag is used as given; a malformed one is invalid_language', () => {
  for (const lang of ['xx', 'zz-ZZ', 'qaa']) {
    const r = both(`lang-${lang}.txt`, utf8(ARTICLE), { language: lang });
    assert.equal(r.language, lang);
    assert.equal(r.sentences.length, 4, 'language-independent rules still split it');
  }
  for (const lang of ['123!', 'english language', 'x'.repeat(100)]) {
    assert.equal(both('lang-bad.txt', utf8(ARTICLE), { language: lang }).error.code, 'invalid_language', lang);
  }
});

test('batch: malformed lines get error objects, unknown fields are ignored, the batch goes on', () => {
  const lines = [
    '{not json',
    '[1, 2]',
    '"just a string"',
    '{"id": 1}',
    '{"id": 2, "text": 5}',
    '{"id": 3, "text": "Ok text here. Second one."}\0{"junk": true}',
    '{"id": 4, "text": "Bad \u00ff byte"}'.replace('\u00ff', '\udcff'),
    '{"id": 5, "text": "' + ARTICLE + '", "sentences": 1, "url": "https://example.com", "title": "x"}',
    '{"id": 6, "text": "Trailing comma.",}',
    '',
    '{"id": 7, "text": "' + ARTICLE + '", "lang": "not a tag!"}',
    '{"id": 8, "text": "' + ARTICLE + '"}',
  ];
  const input = Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l.replace('\udcff', ''), 'utf8'),
    l.includes('\udcff') ? Buffer.from([0xff]) : Buffer.alloc(0), Buffer.from('\n')])));
  const r = precis(['batch'], input);
  assert.equal(r.status, 1, 'a bad line makes the exit status 1');
  const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, lines.length, 'one answer per line, the empty one included');
  const codes = out.map((o) => o.error?.code ?? 'ok');
  assert.deepEqual(codes, ['invalid_input', 'invalid_input', 'invalid_input', 'invalid_input', 'invalid_input',
    'invalid_input', 'invalid_input', 'ok', 'invalid_input', 'invalid_input', 'invalid_language', 'ok']);
  assert.deepEqual(out.map((o) => o.id ?? null), [null, null, null, 1, 2, null, null, 5, null, null, 7, 8]);
  assert.equal(out[7].selected.length, 1, 'unknown fields ignored, the known option applied');
});

test('the JS API rejects what is not text or options with stable codes', () => {
  for (const text of [undefined, null, 42, {}, ['a'], Buffer.from('x')]) {
    assert.throws(() => api.summarize(text), (e) => e instanceof PrecisError && e.code === 'invalid_input');
  }
  for (const options of [null, 'sentences=3', 3, []]) {
    assert.throws(() => api.summarize(ARTICLE, options), (e) => e instanceof PrecisError && e.code === 'invalid_option');
  }
  assert.throws(() => api.summarize(ARTICLE, { sentencez: 3 }), (e) => e.code === 'invalid_option' && /unknown option/.test(e.message));
});
