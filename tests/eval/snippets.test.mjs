// scripts/snippets.mjs, the port of the shared snippet scorer of article extraction:
// (1) small cases worked out by hand; (2) its table of dropped characters against the
// Python at hand; (3) agreement with ../shared/tools/score_snippets.py, figure for figure
// and byte for byte (printed report and --per-page file, plain, --by-lang, --ws-only), on
// (a) a synthetic dev set written here, with the traps of the normalization, and (b) the
// real dev pages of ../shared/eval/html with two crude extractions (the whole HTML, and
// the HTML with its tags cut out). (2) and (3) need Debian's /usr/bin/python3 and the
// shared folder beside the repository (or PRECIS_SHARED), and are skipped, saying so,
// without them.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  contains, DROPPED_RANGES, norm, pyFloatRepr, pyRound, pythonPerPage, pythonReport, readJsonl, score, scorePage,
} from '../../scripts/snippets.mjs';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = process.env.PRECIS_SHARED ?? join(ROOT, '..', 'shared');
const SCORER = join(SHARED, 'tools', 'score_snippets.py');
const DEV_HTML = join(SHARED, 'eval', 'html', 'trafilatura_eval.dev.jsonl.gz');
const PYTHON = '/usr/bin/python3';

const NO_PYTHON = !existsSync(PYTHON) ? `${PYTHON} is missing`
  : !existsSync(SCORER) ? `the reference scorer ${SCORER} is missing (the shared folder is not beside the repository; set PRECIS_SHARED)`
    : false;
const NO_DEV = NO_PYTHON || (!existsSync(DEV_HTML) ? `the dev pages ${DEV_HTML} are missing (the shared folder is not beside the repository; set PRECIS_SHARED)` : false);

const tmp = mkdtempSync(join(tmpdir(), 'precis-snippets-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

const writeJsonl = (path, records, eol = '\n') => writeFileSync(path, records.map((r) => JSON.stringify(r)).join(eol) + eol);

// Runs the Python scorer; returns its stdout and, when perPage, the per-page file.
async function python(dev, extractions, flags, { perPage = false } = {}) {
  const out = join(tmp, `per-page.${Math.random().toString(36).slice(2)}.jsonl`);
  const args = [SCORER, dev, extractions, ...flags, ...(perPage ? ['--per-page', out] : [])];
  const { stdout } = await run(PYTHON, args, { maxBuffer: 64 << 20 });
  return { stdout, perPage: perPage ? readFileSync(out, 'utf8') : undefined };
}

// The JavaScript result against the Python run: every printed figure (parsed, so a
// difference is shown by name), then the text itself.
function assertAgrees(result, py, flags, what) {
  const byLang = flags.includes('--by-lang');
  const ours = pythonReport(result, { byLang });
  assert.deepEqual(JSON.parse(ours), JSON.parse(py.stdout), `${what} ${flags.join(' ')}: figures`);
  assert.equal(ours, py.stdout, `${what} ${flags.join(' ')}: printed report`);
  if (py.perPage !== undefined) assert.equal(pythonPerPage(result), py.perPage, `${what} ${flags.join(' ')}: --per-page file`);
}

// ------------------------------------------------------------------- (1) by hand

test('norm: NFC, invisible characters dropped, Python\'s whitespace collapsed and trimmed', () => {
  assert.equal(norm('  Mu\u0308ller\u00a0\u00a0sagt\r\n\t'), 'Müller sagt');
  assert.equal(norm('re\u00adcher\u200bche\u200d\ufeff\u2060'), 'recherche');
  // U+001C..U+001F and U+0085 are whitespace to Python, U+FEFF is not (JavaScript's \s
  // says the opposite): with --ws-only the BOM stays.
  assert.equal(norm('eins\x1czwei\x85drei'), 'eins zwei drei');
  assert.equal(norm('a\ufeff b', { wsOnly: true }), 'a\ufeff b');
  assert.equal(norm('Mu\u0308ller\u00ad', { wsOnly: true }), 'Mu\u0308ller\u00ad');
  // A soft hyphen between a letter and its accent blocks NFC, and is dropped after it.
  assert.equal(norm('e\u00ad\u0301'), 'e\u0301');
  // Characters newer than Python's Unicode 14.0 are unassigned to it, so dropped, and
  // never composed with a neighbour (U+105D2 U+0307 is U+105C9 in Unicode 16).
  assert.equal(norm('pink \u{1FA77} heart'), 'pink heart');
  assert.equal(norm('a\u{105D2}\u0307b'), 'a\u0307b');
  assert.equal(norm(' \u200b '), '');
});

test('contains: code points, not UTF-16 units', () => {
  assert.ok(contains('x\u{10000}y', 'y'));
  assert.ok(!contains('x\u{10000}y', '\udc00y'));
  assert.ok(!contains('x\u{10000}y', 'x\ud800'));
  assert.ok(contains('\udc00y \u{10000}y', '\udc00y'));
  assert.ok(contains('abc', ''));
});

test('pyRound is Python\'s round(x, 4): exact binary value, ties to even; pyFloatRepr is repr()', () => {
  assert.equal(pyRound(0.03125, 4), 0.0312); // an exact tie (1/32): toFixed(4) gives 0.0313
  assert.equal(pyRound(0.09375, 4), 0.0938); // 3/32: the even neighbour is above
  assert.equal(pyRound(2 / 3, 4), 0.6667);
  assert.equal(pyRound(0.00015, 4), 0.0001); // just below the tie in binary
  assert.deepEqual([1, 0, 0.5, 1e-4, 5e-5, 1e16, 123.25, 0.1 + 0.2].map(pyFloatRepr),
    ['1.0', '0.0', '0.5', '0.0001', '5e-05', '1e+16', '123.25', '0.30000000000000004']);
});

test('score: per page and pooled, by hand', () => {
  const dev = [
    { id: 'a', lang: 'de', with: ['Müller sagt', 'nicht da'], without: ['Menü', 'Impressum'] },
    { id: 'b', lang: null, with: ['eins'], without: [] },
    { id: 'c', lang: 'de', with: ['x'], without: ['y'] },
  ];
  const lines = [{ id: 'a', text: 'Herr Mu\u0308ller sagt. Menü' }, { id: 'b', text: 'eins' }, { id: 'zzz', text: '' }];
  const r = score(dev, lines);
  assert.deepEqual(scorePage(dev[0], lines[0].text), {
    withRecall: 0.5, withoutAvoid: 0.5, fullyRight: false, tp: 1, fn: 1, fp: 1, tn: 1,
    missedWith: ['nicht da'], leakedWithout: ['Menü'],
  });
  assert.equal(scorePage(dev[0], lines[0].text, { wsOnly: true }).tp, 0);
  assert.equal(r.pages, 3);
  assert.equal(r.withRecall, pyRound((0.5 + 1 + 0) / 3, 4));
  assert.equal(r.withoutAvoid, pyRound((0.5 + 1 + 1) / 3, 4));
  assert.equal(r.fullyRight, 0.3333);
  assert.deepEqual(r.pooled, { tp: 2, fp: 1, fn: 2, tn: 2, precision: 0.6667, recall: 0.5, accuracy: 0.5714, f1: 0.5714 });
  assert.deepEqual([r.missing, r.empty, r.linesWithError, r.idsNotInDev], [1, 1, 0, 1]);
  assert.deepEqual(Object.keys(r.byLang), ['de', 'null']);
  assert.equal(r.byLang.de.pages, 2);
  // A Map of texts is the same as the lines.
  assert.deepEqual(score(dev, new Map(lines.map((l) => [l.id, l.text]))).pooled, r.pooled);
});

// ------------------------------------------------------------------- (2) the table

test('the dropped characters are those of the Python at hand', { skip: NO_PYTHON }, async () => {
  const code = 'import sys\n'
    + 'c = [i for i in range(0x110000) if not (chr(i).isprintable() or chr(i).isspace())]\n'
    + 'r = []\n'
    + 'for i in c:\n'
    + '    if r and r[-1][1] == i - 1: r[-1][1] = i\n'
    + '    else: r.append([i, i])\n'
    + 'print(" ".join("%x" % a if a == b else "%x-%x" % (a, b) for a, b in r))\n';
  const { stdout } = await run(PYTHON, ['-c', code], { maxBuffer: 1 << 20 });
  const ours = DROPPED_RANGES.trim().split(/\s+/).join(' ');
  assert.equal(ours, stdout.trim(), `${PYTHON} drops other characters than DROPPED_RANGES in scripts/snippets.mjs `
    + '(another Unicode version?); the table for it, to wrap and paste there:\n' + stdout);
});

// ------------------------------------------------------------------- (3a) synthetic set

// Pages of our own, each with the extraction to score; comments say what each tries.
function syntheticSet() {
  const pages = [];
  const lines = [];
  const add = (id, lang, withS, withoutS, text) => {
    pages.push({ id, ...(lang === undefined ? {} : { lang }), with: withS, without: withoutS });
    if (text !== undefined) lines.push({ id, text });
  };
  // NFC: decomposed text, composed snippet, and the other way round.
  add('nfc', 'de', ['Müller sagt', 'Gru\u0308ße'], ['Berlin'], 'Herr Mu\u0308ller sagt: Grüße aus Köln.');
  // Soft hyphens, in the text and in a snippet (the "without" one leaks either way).
  add('soft-hyphen', 'fr', ['recherche fondamentale'], ['fonda\u00admentale avance'], 'La re\u00adcherche fonda\u00admentale avance.');
  // Zero-width characters, word joiner, BOM; a snippet of nothing but a zero-width space
  // is empty after normalization, and so always "found".
  add('zero-width', 'en', ['Zerowidth spaces and joiners stay invisible'], ['\u200b', 'visible'],
    'Zero\u200bwidth spaces\u200d and joiners\ufeff stay\u2060 invisible.');
  // NBSP, narrow NBSP, ideographic space, CR LF and tab.
  add('nbsp', 'es', ['Precio: 100 €', 'y más texto fin'], ['Precio:100'], 'Precio:\u00a0100\u00a0€ y\u202fmás\u3000texto\r\n\tfin');
  // No extraction line at all: scored as empty, counted missing.
  add('missing', 'pl', ['coś'], ['menu']);
  // Snippets with spaces around them (trimmed), a declared language of null.
  add('spaces', null, [' Poniedziałek', 'wtorek ', '  środa\n'], ['  Stopka  '], 'Poniedziałek i wtorek, środa.');
  // An empty declared language counts as null; an empty text.
  add('empty-lang', '', ['Text'], ['Menü'], '');
  // No lang field; a text of null (missing, empty).
  add('null-text', undefined, ['Text'], [], null);
  // Nothing to find or avoid: fully right whatever the text.
  add('no-snippets', 'en', [], [], 'anything');
  // Python's whitespace that JavaScript's \s lacks (U+001C, U+0085); FEFF the other way.
  add('separators', 'de', ['eins zwei drei', 'vier fünf'], ['sechs\ufeff sieben'], 'eins\x1czwei\x85drei vier\ufeff fünf sechs\ufeff sieben');
  // Characters newer than Python's Unicode 14.0: dropped, and not composed (Todhri).
  // (q with a dot above has no composed form; a with one has, so "a\u0307b" is not found.)
  add('unicode-16', 'en', ['pink heart', 'q\u0307b'], ['a\u0307b'], 'pink \u{1FA77} heart, q\u{105D2}\u0307b a\u{105D2}\u0307b');
  // A soft hyphen blocks NFC between a letter and its accent: the accent stays apart.
  add('blocked-nfc', 'fr', ['é'], ['\u0301 noir'], 'cafe\u00ad\u0301 noir');
  // A lone surrogate (default: dropped; --ws-only: must not match half of a pair).
  add('surrogate', 'de', ['\udc00y'], [], 'x\u{10000}y');
  // A later line for the same id wins (the first one finds nothing).
  add('repeated', 'it', ['zweimal'], ['einmal'], 'nichts');
  lines.push({ id: 'repeated', text: 'zweimal' });
  // 32 pages, 1 fully right: 1/32 = 0.03125, an exact tie that round() takes to 0.0312.
  for (let i = 0; i < 32; i++) add(`tie-${String(i).padStart(2, '0')}`, 'tie', ['found'], ['never'], i === 0 ? 'found' : 'lost');
  // Lines for ids not in the set, and lines flagged with an error (by Python's truth: an
  // empty object or string is no error).
  lines.push({ id: 'not-in-dev', text: 'x' });
  lines.push({ id: 'no-snippets', text: 'anything', error: { code: 'internal_error' } });
  lines.push({ id: 'nfc', text: 'Herr Mu\u0308ller sagt: Grüße aus Köln.', error: {} });
  lines.push({ id: 'spaces', text: 'Poniedziałek i wtorek, środa.', error: '' });
  return { pages, lines };
}

test('(a) synthetic pages: the same figures and output as score_snippets.py', { skip: NO_PYTHON }, async () => {
  const { pages, lines } = syntheticSet();
  const dev = join(tmp, 'synthetic.dev.jsonl');
  const ext = join(tmp, 'synthetic.extractions.jsonl');
  writeJsonl(dev, pages);
  // CR LF line ends and a blank line, which the Python reads as text mode does.
  writeFileSync(ext, lines.map((l) => JSON.stringify(l)).join('\r\n') + '\r\n   \r\n');
  const records = readJsonl(ext);
  assert.equal(records.length, lines.length);
  for (const flags of [[], ['--by-lang'], ['--ws-only', '--by-lang']]) {
    const result = score(pages, records, { wsOnly: flags.includes('--ws-only') });
    // No --per-page with --ws-only here: the Python cannot write the lone surrogate that
    // is then missed (UnicodeEncodeError).
    const py = await python(dev, ext, flags, { perPage: !flags.includes('--ws-only') });
    assertAgrees(result, py, flags, 'synthetic');
  }
  // And the traps were sprung: the figures that tell the normalizations apart.
  const plain = score(pages, records);
  const wsOnly = score(pages, records, { wsOnly: true });
  assert.equal(plain.byLang.tie.fullyRight, 0.0312);
  assert.deepEqual([plain.missing, plain.empty, plain.linesWithError, plain.idsNotInDev], [2, 3, 1, 1]);
  const page = (r, id) => r.perPage.find((p) => p.id === id);
  assert.equal(page(plain, 'nfc').tp, 2);
  assert.equal(page(wsOnly, 'nfc').tp, 0);
  assert.equal(page(plain, 'separators').tp, 2);
  assert.equal(page(plain, 'separators').fp, 1);
  assert.equal(page(plain, 'unicode-16').tp, 2);
  assert.equal(page(plain, 'unicode-16').fp, 0);
  assert.equal(page(plain, 'blocked-nfc').tp, 0);
  assert.equal(page(plain, 'blocked-nfc').fp, 1);
  assert.equal(page(plain, 'surrogate').tp, 1);
  assert.equal(page(wsOnly, 'surrogate').tp, 0);
  assert.equal(page(plain, 'spaces').tp, 3);
  assert.equal(page(plain, 'repeated').tp, 1);
});

// ------------------------------------------------------------------- (3b) real pages

// A crude text of a page: scripts, styles and tags cut out, a few entities decoded.
function crudeText(html) {
  return html
    .replace(/<(script|style)\b[^]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

test('(b) the real dev pages: the same figures and output as score_snippets.py', { skip: NO_DEV }, async () => {
  const dev = readJsonl(DEV_HTML);
  assert.ok(dev.length > 100, `${DEV_HTML}: ${dev.length} pages`);
  const extractions = {
    'whole HTML': dev.map((p) => ({ id: p.id, text: p.html })),
    'crude text': dev.map((p) => ({ id: p.id, text: crudeText(p.html) })),
  };
  const jobs = [];
  for (const [what, records] of Object.entries(extractions)) {
    const file = join(tmp, `${what.replace(/\W/g, '-')}.jsonl`);
    writeJsonl(file, records);
    // (Without --by-lang the report is the same less by_lang: the synthetic set checks it.)
    for (const flags of [['--by-lang'], ['--ws-only', '--by-lang']]) {
      // The Python runs side by side (a few seconds each); the JavaScript meanwhile.
      const py = python(DEV_HTML, file, flags, { perPage: true });
      const result = score(dev, records, { wsOnly: flags.includes('--ws-only') });
      jobs.push(py.then((out) => assertAgrees(result, out, flags, what)));
    }
  }
  await Promise.all(jobs);
});
