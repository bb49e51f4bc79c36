// scripts/rouge.mjs, the project's own ROUGE scorer: (a) small examples worked out by
// hand, (b) agreement with the shared reference scorer ../shared/tools/rouge.py on
// every dev set, within 0.01 (F1 x 100) per metric, (c) for information only, how many
// distinct dev-set tokens our stemmers stem differently from NLTK (not asserted: the
// figures in (b) are what must agree). (b) and (c) need Debian's /usr/bin/python3 with
// python3-nltk (scripts/bootstrap.sh installs it) and are skipped, saying so, without it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatResult, METRICS, porterNltk, readJsonl, round2, russianNltk, score, scoreFiles, scoreRecords, tokenize,
} from '../../scripts/rouge.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = process.env.PRECIS_SHARED ?? join(ROOT, '..', 'shared');
const SUMM = join(SHARED, 'eval', 'summ');
const ROUGE_PY = join(SHARED, 'tools', 'rouge.py');
const PYTHON = '/usr/bin/python3';

const probe = spawnSync(PYTHON, ['-c', 'import nltk'], { encoding: 'utf8' });
const NO_NLTK = probe.status === 0 ? false
  : `${PYTHON} cannot import nltk (apt-get install python3-nltk, or run scripts/bootstrap.sh)`;

const close = (actual, expected, what) => assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} != ${expected}`);
function assertScores(actual, expected) {
  for (const k of METRICS) close(actual[k], expected[k], k);
}

// ---------------------------------------------------------------- (a) by hand

test('tokenize (en): lower-case, [^a-z0-9]+ as separators, Porter (as NLTK) on tokens longer than 3', () => {
  // "it's 3:30pm—u.s.-led!" -> "it s 3 30pm u s led"; only "30pm" is long enough to
  // stem, and Porter leaves it.
  assert.deepEqual(tokenize("It's 3:30pm—U.S.-led!"), ['it', 's', '3', '30pm', 'u', 's', 'led']);
  assert.deepEqual(tokenize('Ünïcode café'), ['n', 'code', 'caf']);
  // NLTK's departures from Porter, as rouge.mjs adds them to the `stemmer` package:
  // irregular forms (dying, skies), 4-letter -ies (ties -> tie), y -> i only after a
  // consonant (enjoy stays), -fully as -ful, which is then dropped.
  assert.deepEqual(tokenize('Dying skies ties enjoy happy hopefully runners running were'),
    ['die', 'sky', 'tie', 'enjoy', 'happi', 'hope', 'runner', 'run', 'were']);
  assert.deepEqual(tokenize('Dying skies', { stem: false }), ['dying', 'skies']);
  assert.deepEqual(tokenize('  \n '), []);
});

test('porterNltk: the NLTK habits added to the `stemmer` package, one example each', () => {
  const cases = {
    // irregular words: news is not new, innings is not in
    news: 'news', innings: 'inning', lying: 'lie',
    // four letters in -ies / -ied keep the "ie"; longer ones do not
    died: 'die', lies: 'lie', tried: 'tri',
    // -fully, -tionally as -ful, -tional; not with no vowel-consonant before them
    carefully: 'care', internationally: 'intern', fully: 'fulli',
    // a final y to i only after a consonant that is not the first letter
    played: 'play', employs: 'employ', trying: 'tri', happy: 'happi', kanye: 'kany',
    // a vowel-consonant start keeps (or regains) a final e it had
    used: 'use', using: 'use', eyes: 'eye', added: 'ad', awful: 'aw',
    // plain Porter, from the package
    runners: 'runner', running: 'run', generally: 'gener', hopeful: 'hope',
  };
  assert.deepEqual(Object.fromEntries(Object.keys(cases).map((w) => [w, porterNltk(w)])), cases);
});

test('tokenize (--lang ru): Python\'s \\w+ on the lower-cased text, Russian Snowball (as NLTK)', () => {
  // \w is letters, numbers and "_"; "-", "," and "." separate.
  assert.deepEqual(tokenize('Ёлки-палки, 2024_г. и ПДФ-файл', { lang: 'ru', stem: false }),
    ['ёлки', 'палки', '2024_г', 'и', 'пдф', 'файл']);
  // As NLTK's stemmer, ё is read as е.
  assert.deepEqual(tokenize('Ёлки-палки, 2024_г. и ПДФ-файл', { lang: 'ru' }),
    ['елк', 'палк', '2024_г', 'и', 'пдф', 'файл']);
  assert.deepEqual(tokenize('Щётка ЩЁТКИ щетками', { lang: 'ru' }), ['щетк', 'щетк', 'щетк']);
  // As NLTK's, -ующая loses only -ая (the package's stemmer takes the -ующ too).
  assert.deepEqual(['текстообразующая', 'текстообразующих', 'образующаяся'].map(russianNltk),
    ['текстообразующ', 'текстообраз', 'образующ']);
  // A combining mark is not \w in Python: it splits the word (and is dropped).
  assert.deepEqual(tokenize('cafe\u0301 noir', { lang: 'ru' }), ['cafe', 'noir']);
  // Agreement with rouge.py unmeasured for this language: refuse rather than disagree.
  assert.throws(() => tokenize('Häuser', { lang: 'de' }), /not measured/);
  assert.deepEqual(tokenize('Häuser', { lang: 'de', stem: false }), ['häuser']);
  assert.deepEqual(tokenize('東京 abc', { lang: 'ja' }), ['東京', 'abc']);
});

test('ROUGE-1/2/L/Lsum of one sentence each', () => {
  // ref: the cat sat on the mat   sys: the cat was on the mat   (6 tokens each)
  // unigrams in common: the x2, cat, on, mat = 5 -> P = R = 5/6.
  // bigrams ref: the-cat cat-sat sat-on on-the the-mat; sys: the-cat cat-was was-on
  //   on-the the-mat; in common: the-cat, on-the, the-mat = 3 of 5 -> 3/5.
  // LCS: the cat on the mat = 5 -> 5/6; one sentence each, so Lsum = L.
  assertScores(score('The cat sat on the mat.', 'The cat was on the mat.'),
    { rouge1: 5 / 6, rouge2: 3 / 5, rougeL: 5 / 6, rougeLsum: 5 / 6 });
});

test('stemming decides what matches; P and R differ with the lengths', () => {
  // ref: the runner were run (4)   sys: a runner run (3)
  // unigrams in common: runner, run = 2: P = 2/3, R = 2/4, F = 2PR/(P+R) = (2/3)/(7/6) = 4/7.
  // bigrams: the-runner runner-were were-run vs a-runner runner-run: none.
  // LCS: runner run = 2 -> 4/7.
  assertScores(score('The runners were running.', 'A runner runs.'),
    { rouge1: 4 / 7, rouge2: 0, rougeL: 4 / 7, rougeLsum: 4 / 7 });
  // Unstemmed: runners/runner, running/runs differ, nothing in common.
  assertScores(score('The runners were running.', 'A runner runs.', { stem: false }),
    { rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 });
});

test('ROUGE-Lsum: summary-level LCS over newline-split sentences, two sentences each', () => {
  // ref: "the cat sat" / "the dog ran"   sys: "the dog sat" / "the cat ran"
  // Lsum: ref sentence 1 vs sys 1: LCS the..sat -> indices {0,2}; vs sys 2: the cat ->
  //   {0,1}; union {0,1,2}: the, cat, sat each still counted on both sides: 3 hits.
  //   ref sentence 2 vs sys 1: the dog {0,1}; vs sys 2: the..ran {0,2}; union
  //   {0,1,2}: the (one left on each side), dog, ran: 3 more. 6 hits of 6 and 6: F = 1.
  // The flat token lists: the cat sat the dog ran / the dog sat the cat ran:
  //   unigrams all 6 in common: 1; bigrams (across the newline too) ref: the-cat
  //   cat-sat sat-the the-dog dog-ran, sys: the-dog dog-sat sat-the the-cat cat-ran:
  //   the-cat, sat-the, the-dog = 3/5; LCS: the sat the ran = 4 -> 4/6.
  assertScores(score('The cat sat\nthe dog ran', 'The dog sat\nthe cat ran'),
    { rouge1: 1, rouge2: 3 / 5, rougeL: 2 / 3, rougeLsum: 1 });
});

test('counts are clipped: a summary repeating the reference scores each token once', () => {
  // ref "the cat"; sys "the cat" twice, on two lines (the empty line between is no
  // sentence). R-1: min(1, 2) for the and cat = 2 hits: P = 2/4, R = 2/2 -> 2/3.
  // R-2: ref the-cat; sys the-cat cat-the the-cat: min(1, 2) = 1: P = 1/3, R = 1 ->
  // (2/3)/(4/3) = 1/2. R-L: LCS 2: 2/3. Lsum: union of the LCS indices {0,1}, each
  // token counted once: 2 hits, P = 2/4, R = 2/2 -> 2/3.
  assertScores(score('the cat', 'the cat\n\nthe cat\n'), { rouge1: 2 / 3, rouge2: 1 / 2, rougeL: 2 / 3, rougeLsum: 2 / 3 });
});

test('an empty summary, or an empty reference, scores 0 everywhere', () => {
  const zero = { rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 };
  assertScores(score('The cat sat on the mat.', ''), zero);
  assertScores(score('The cat sat on the mat.', '... !!!\n'), zero);
  assertScores(score('', 'The cat sat on the mat.'), zero);
});

test('several references: the best F1 per metric, each from its own reference', () => {
  // sys: the dog sat down (4)
  // ref 1 "down sat the dog": unigrams 4/4 -> R-1 = 1; bigrams down-sat sat-the the-dog
  //   vs the-dog dog-sat sat-down: 1 of 3 each way -> 1/3; LCS "the dog" 2 -> 2/4 = 1/2.
  // ref 2 "the dog ran": unigrams the, dog: P 2/4, R 2/3 -> 4/7; bigrams the-dog:
  //   P 1/3, R 1/2 -> (1/3)/(5/6) = 2/5; LCS the dog: P 2/4, R 2/3 -> 4/7.
  // best: R-1 1 (ref 1), R-2 2/5 (ref 2), R-L 4/7 (ref 2), Lsum = R-L here.
  const refs = [{ id: 'a', summaries: ['down sat the dog', 'the dog ran'] }];
  const r = scoreRecords(refs, [{ id: 'a', summary: 'the dog sat down' }]);
  assertScores(r.docs[0], { rouge1: 1, rouge2: 2 / 5, rougeL: 4 / 7, rougeLsum: 4 / 7 });
  // An empty "summaries" falls back to "summary", as in rouge.py.
  const fallback = scoreRecords([{ id: 'a', summaries: [], summary: 'the dog ran' }], [{ id: 'a', summary: 'the dog sat down' }]);
  close(fallback.docs[0].rouge2, 2 / 5, 'rouge2');
});

test('files: a document missing from SYS scores 0; means x 100; rouge.py\'s output line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precis-rouge-'));
  try {
    const refs = join(dir, 'refs.jsonl');
    const sys = join(dir, 'sys.jsonl');
    writeFileSync(refs, [
      { id: 'a', summary: 'The cat sat on the mat.' },
      { id: 'b', summary: 'A dog.' },
      { id: 3, summaries: ['the runners were running', 'nothing'] },
    ].map((d) => JSON.stringify(d)).join('\n') + '\n\n');
    writeFileSync(sys, [
      { id: 'a', summary: 'The cat was on the mat.' },
      { id: 3, summary: 'A runner runs.' },
      { id: 'zzz', summary: 'not a reference document' },
    ].map((d) => JSON.stringify(d)).join('\r\n'));
    const r = scoreFiles(refs, sys);
    // a: 5/6, 3/5, 5/6, 5/6 (above); b: missing, 0; 3: 4/7, 0, 4/7, 4/7.
    assert.equal(r.n, 3);
    close(r.rouge1, (100 * (5 / 6 + 0 + 4 / 7)) / 3, 'rouge1');
    close(r.rouge2, (100 * (3 / 5)) / 3, 'rouge2');
    assert.deepEqual(r.rounded, { rouge1: 46.83, rouge2: 20, rougeL: 46.83, rougeLsum: 46.83 });
    assert.equal(formatResult(r), '{"n": 3, "rouge1": 46.83, "rouge2": 20.0, "rougeL": 46.83, "rougeLsum": 46.83}');
    assert.deepEqual(r.docs.map((d) => d.id), ['a', 'b', 3]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('round2 is Python\'s round(x, 2): exact binary value, ties to even', () => {
  // 0.125 and 0.375 are exact in binary: true ties, to even. 2.675 is 2.67499999...
  assert.deepEqual([0.125, 0.375, 0.625, 0.875, 2.675, 1.005, 46.825, 99.995, 0].map(round2),
    [0.12, 0.38, 0.62, 0.88, 2.67, 1, 46.83, 100, 0]);
});

// ------------------------------------------------- (b), (c) against rouge.py / NLTK

const SETS = readdirSync(SUMM).filter((f) => f.endsWith('.dev.jsonl')).sort()
  .map((f) => ({ name: f.replace('.dev.jsonl', ''), path: join(SUMM, f) }));
const langOf = (name) => (name === 'ru_sci_papers' ? 'ru' : 'en');

function runAsync(cmd, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
    p.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${err}`))));
  });
}

// Lead-k (k = 1 for xsum, else 3), one sentence a line: the text's lines (whole
// paragraphs in some sets, none in others) cut at . ! ? followed by a space.
function leadSummary(text, k) {
  const sentences = text.split('\n').flatMap((line) => line.split(/(?<=[.!?])\s+/)).filter((l) => l.trim());
  return sentences.slice(0, k).join('\n');
}

test('agrees with ../shared/tools/rouge.py on every dev set (Lead-3 and first-reference-sentence systems)', { skip: NO_NLTK }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'precis-rouge-'));
  try {
    const jobs = [];
    for (const set of SETS) {
      const refs = readJsonl(set.path);
      const k = set.name.startsWith('xsum') ? 1 : 3;
      const systems = {
        lead: refs.map((d) => ({ id: d.id, summary: leadSummary(d.text, k) })),
        // The first sentence of the (first) reference itself: high overlap.
        refFirst: refs.map((d) => ({ id: d.id, summary: leadSummary((d.summaries?.length ? d.summaries[0] : d.summary) ?? '', 1) })),
      };
      for (const [system, rows] of Object.entries(systems)) {
        const sys = join(dir, `${set.name}.${system}.jsonl`);
        writeFileSync(sys, rows.map((d) => JSON.stringify(d)).join('\n') + '\n');
        const perDoc = `${sys}.py.jsonl`;
        const lang = langOf(set.name);
        jobs.push(runAsync(PYTHON, [ROUGE_PY, set.path, sys, '--per-doc', perDoc, ...(lang === 'en' ? [] : ['--lang', lang])])
          .then((stdout) => ({ set: set.name, system, sys, perDoc, lang, printed: JSON.parse(stdout.trim()) })));
      }
    }
    const results = await Promise.all(jobs);
    assert.equal(results.length, 2 * SETS.length);
    assert.ok(SETS.some((s) => s.name === 'ru_sci_papers'), 'ru_sci_papers is among the dev sets');
    for (const r of results) {
      const ours = scoreFiles(join(SUMM, `${r.set}.dev.jsonl`), r.sys, { lang: r.lang });
      const theirs = readJsonl(r.perDoc);
      assert.equal(ours.n, r.printed.n);
      assert.equal(theirs.length, ours.n);
      const diffs = {};
      for (const k of METRICS) {
        const mean = (100 * theirs.reduce((a, d) => a + d[k], 0)) / theirs.length;
        const perDocMax = Math.max(...theirs.map((d, i) => Math.abs(d[k] - ours.docs[i][k])));
        diffs[k] = { mean: Math.abs(mean - ours[k]), rounded: Math.abs(r.printed[k] - ours.rounded[k]), perDocMax };
        assert.ok(diffs[k].mean <= 0.01, `${r.set}/${r.system} ${k}: rouge.py ${mean}, ours ${ours[k]}`);
        assert.ok(diffs[k].rounded <= 0.01 + 1e-9, `${r.set}/${r.system} ${k} rounded: rouge.py ${r.printed[k]}, ours ${ours.rounded[k]}`);
      }
      t.diagnostic(`${r.set}/${r.system}: ${formatResult(ours)}; |diff| x 100 of the means `
        + `${METRICS.map((k) => `${k} ${diffs[k].mean.toFixed(4)}`).join(', ')}; `
        + `largest per doc (0..1) ${Math.max(...METRICS.map((k) => diffs[k].perDocMax)).toFixed(4)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Every distinct token of every string in the dev sets, as rouge.py cuts them: the en
// tokens it stems (longer than 3) and the \w+ tokens --lang stems, with NLTK's stems.
const STEMS_PY = `
import glob, json, re, sys
from nltk.stem import porter
from nltk.stem.snowball import SnowballStemmer
def strings(o):
    if isinstance(o, str): yield o
    elif isinstance(o, list):
        for x in o: yield from strings(x)
    elif isinstance(o, dict):
        for x in o.values(): yield from strings(x)
en, uni = set(), set()
for f in sorted(glob.glob(sys.argv[1] + '/*.dev.jsonl')):
    for line in open(f, encoding='utf-8'):
        if not line.strip(): continue
        for s in strings(json.loads(line)):
            low = s.lower()
            en.update(t for t in re.sub(r'[^a-z0-9]+', ' ', low).split() if len(t) > 3)
            uni.update(re.findall(r'\\w+', low))
ps, ru = porter.PorterStemmer(), SnowballStemmer('russian')
json.dump({'porter': {t: ps.stem(t) for t in en}, 'russian': {t: ru.stem(t) for t in uni}}, sys.stdout)
`;

test('for information: distinct dev-set tokens our stemmers stem differently from NLTK', { skip: NO_NLTK }, async (t) => {
  const nltk = JSON.parse(await runAsync(PYTHON, ['-c', STEMS_PY, SUMM]));
  for (const [name, stem] of [['porter', porterNltk], ['russian', russianNltk]]) {
    const entries = Object.entries(nltk[name]);
    assert.ok(entries.length > 10000, `${name}: ${entries.length} tokens`);
    const differ = entries.filter(([w, s]) => stem(w) !== s);
    t.diagnostic(`${name}: ${differ.length} of ${entries.length} differ, e.g. `
      + `${differ.slice(0, 5).map(([w, s]) => `${w}: NLTK ${s}, ours ${stem(w)}`).join('; ')}`);
  }
});
