// Summary evaluation: runs `precis batch` on every ../shared/eval/summ/*.dev.jsonl with
// the protocol of issue 5 and scores it with the project's own ROUGE scorer
// (scripts/rouge.mjs), which agrees with the shared reference scorer
// (../shared/tools/rouge.py) within 0.01 (identical on the dev sets when last
// measured), so the figures are the ones everybody quotes, without Python.
//
//   npm run eval                       # every set, every algorithm
//   npm run eval -- --algorithms auto,lead
//   npm run eval -- --sets cnndm_frank,xsum_frank
//   npm run eval -- --check            # also score with rouge.py, compare, exit 1 on a gap
//   npm run eval -- --per-doc          # per-document F1 to build/eval/SET.ALGORITHM.rouge.jsonl
//   npm run eval -- --noisy            # also summarize every article wrapped in web boilerplate
//
// --check runs rouge.py (Debian's /usr/bin/python3 with python3-nltk) on every
// (set, algorithm) as well, with --per-doc, and prints the largest absolute
// difference per metric of the unrounded means (x 100, from rouge.py's per-document
// F1) and of the rounded figures it prints; exit status 1 if any exceeds 0.01.
//
// Protocol: CNN/DM (cnndm_frank, summeval) and bbc_news_summary: 3 sentences;
// xsum_frank: 1; newsroom_human: 2; ru_sci_papers: 5 (scored with --lang ru). The
// language is always detected (lang "auto").
// ROUGE-1/2/L/Lsum F1 x 100, stemmed, best over multiple references.
//
// --noisy wraps every dev article in web-page boilerplate (scripts/boilerplate-templates.mjs:
// site and date line, navigation, byline, dateline, photo caption with credit, "Read
// more" lines, an advertisement marker and related links between the paragraphs, a
// tag line, the author's name and bio, share, newsletter, copyright and cookie lines;
// the templates chosen per document, seeded by its id; English templates, Russian for
// ru_sci_papers), summarizes it again with each algorithm and prints, per set and
// algorithm, R-1 on the clean and on the noisy text, their difference (target: within
// 0.5) and how many summaries hold a sentence that is not the article's own, i.e.
// picked up inserted boilerplate (target: 0), by kind. Files: build/eval/SET.noisy.jsonl
// (the noisy inputs), SET.ALGORITHM.noisy.jsonl (the summaries) and
// SET.ALGORITHM.noisy-leaks.jsonl (every summary sentence that is boilerplate).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDoc, METRICS, readJsonl, scoreFiles } from './rouge.mjs';
import { addBoilerplate } from './boilerplate-templates.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHARED = process.env.PRECIS_SHARED ?? join(ROOT, '..', 'shared');
const CLI = join(ROOT, 'build', 'native', 'precis');
const ROUGE = join(SHARED, 'tools', 'rouge.py');
const PYTHON = '/usr/bin/python3';
const OUT = join(ROOT, 'build', 'eval');

const PROTOCOL = [
  { set: 'cnndm_frank', sentences: 3 },
  { set: 'summeval', sentences: 3 },
  { set: 'bbc_news_summary', sentences: 3 },
  { set: 'xsum_frank', sentences: 1 },
  { set: 'newsroom_human', sentences: 2 },
  { set: 'ru_sci_papers', sentences: 5, lang: 'ru' },
];

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1].split(',') : fallback);
const algorithms = option('--algorithms', ['auto', 'lead', 'textrank', 'lexrank', 'centroid', 'sumbasic', 'luhn', 'klsum']);
const sets = option('--sets', PROTOCOL.map((p) => p.set));
const check = args.includes('--check');
const perDoc = args.includes('--per-doc');
const noisy = args.includes('--noisy');

const needed = [['the CLI (npm run build)', CLI]];
if (check) needed.push(['the reference ROUGE scorer', ROUGE], [`${PYTHON} (Debian python3 + python3-nltk)`, PYTHON]);
for (const [what, path] of needed) {
  if (!existsSync(path)) {
    console.error(`eval: missing ${what}: ${path}`);
    process.exit(1);
  }
}
mkdirSync(OUT, { recursive: true });

function run(cmd, cmdArgs, input) {
  const r = spawnSync(cmd, cmdArgs, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

const rows = [];
const checks = [];
const noisyRows = [];
for (const p of PROTOCOL.filter((x) => sets.includes(x.set))) {
  const refs = join(SHARED, 'eval', 'summ', `${p.set}.dev.jsonl`);
  const noisyInput = noisy ? withBoilerplate(refs, join(OUT, `${p.set}.noisy.jsonl`)) : null;
  // Each record's own "lang" field is dropped: the core detects the language, as it
  // does for a user (lang "auto").
  const input = readFileSync(refs, 'utf8').split('\n').filter(Boolean)
    .map((line) => {
      const { lang, ...record } = JSON.parse(line);
      return JSON.stringify(record);
    }).join('\n') + '\n';
  for (const algorithm of algorithms) {
    const out = run(CLI, ['batch', '--sentences', String(p.sentences), '--algorithm', algorithm], input);
    if (out.status !== 0) {
      console.error(`eval: precis batch failed on ${p.set} (${algorithm}): ${out.stderr}`);
      process.exit(1);
    }
    const sys = join(OUT, `${p.set}.${algorithm}.jsonl`);
    writeFileSync(sys, out.stdout);
    const opts = { lang: p.lang ?? 'en', stem: true };
    const r = scoreFiles(refs, sys, opts);
    if (perDoc) writeFileSync(join(OUT, `${p.set}.${algorithm}.rouge.jsonl`), r.docs.map((d) => `${formatDoc(d)}\n`).join(''));
    rows.push({ set: p.set, n: r.n, sentences: p.sentences, algorithm, ...r.rounded, mean: r.rouge1, docs: r.docs });
    if (check) checks.push({ set: p.set, algorithm, ...compareWithReference(refs, sys, p.lang, r) });
    if (noisy) {
      const noisyOut = run(CLI, ['batch', '--sentences', String(p.sentences), '--algorithm', algorithm], noisyInput.input);
      if (noisyOut.status !== 0) {
        console.error(`eval: precis batch failed on ${p.set} with boilerplate (${algorithm}): ${noisyOut.stderr}`);
        process.exit(1);
      }
      const noisySys = join(OUT, `${p.set}.${algorithm}.noisy.jsonl`);
      writeFileSync(noisySys, noisyOut.stdout);
      const rn = scoreFiles(refs, noisySys, opts);
      const leaks = boilerplateIn(readJsonl(noisySys), noisyInput.docs);
      writeFileSync(join(OUT, `${p.set}.${algorithm}.noisy-leaks.jsonl`), leaks.map((l) => `${JSON.stringify(l)}\n`).join(''));
      noisyRows.push({ set: p.set, n: r.n, algorithm, clean: r.rouge1, noisy: rn.rouge1, docs: new Set(leaks.map((l) => l.id)).size, leaks });
    }
  }
}

// --noisy: the dev articles wrapped in boilerplate (each record's "lang" picks the
// templates, then is dropped as above). Writes the batch input to `path`; returns it
// and, per id, the clean text and the inserted lines.
function withBoilerplate(refs, path) {
  const docs = new Map();
  const lines = readFileSync(refs, 'utf8').split('\n').filter(Boolean).map((line) => {
    const { lang, ...record } = JSON.parse(line);
    const wrapped = addBoilerplate(record.text, record.id, lang);
    docs.set(record.id, { text: record.text, inserted: wrapped.inserted });
    return JSON.stringify({ ...record, text: wrapped.text });
  });
  const input = lines.join('\n') + '\n';
  writeFileSync(path, input);
  return { input, docs };
}

// The summary sentences that are not the article's own (whitespace aside): each is, or
// holds, inserted boilerplate. Its kind: that of an inserted line it is part of or
// holds, else "mixed".
function boilerplateIn(outputs, docs) {
  const squash = (t) => t.replace(/\s+/g, ' ').trim();
  const leaks = [];
  for (const o of outputs) {
    const doc = docs.get(o.id);
    if (!doc || typeof o.summary !== 'string') continue;
    const clean = squash(doc.text);
    for (const sentence of o.summary.split('\n').map(squash).filter(Boolean)) {
      if (clean.includes(sentence)) continue;
      const hit = doc.inserted.find((b) => squash(b.text).includes(sentence)) ?? doc.inserted.find((b) => sentence.includes(squash(b.text)));
      leaks.push({ id: o.id, kind: hit ? hit.kind : 'mixed', sentence });
    }
  }
  return leaks;
}

// rouge.py on the same files: unrounded means from its per-document F1 (summed in the
// same order as rouge.py does), rounded ones from the line it prints.
function compareWithReference(refs, sys, lang, ours) {
  const perDocFile = `${sys}.rouge-py.jsonl`;
  const scored = run(PYTHON, [ROUGE, refs, sys, ...(lang ? ['--lang', lang] : []), '--per-doc', perDocFile]);
  if (scored.status !== 0) {
    console.error(`eval: rouge.py failed on ${sys}: ${scored.stderr}`);
    process.exit(1);
  }
  const printed = JSON.parse(scored.stdout.trim().split('\n').pop());
  const docs = readJsonl(perDocFile);
  const out = { n: printed.n === ours.n && docs.length === ours.n };
  for (const k of METRICS) {
    const mean = docs.length ? (100 * docs.reduce((a, d) => a + d[k], 0)) / docs.length : 0;
    out[k] = { raw: Math.abs(mean - ours[k]), rounded: Math.abs(printed[k] - ours.rounded[k]) };
  }
  return out;
}

console.log('Summaries (ROUGE F1 x 100, scripts/rouge.mjs = ../shared/tools/rouge.py; system outputs in build/eval/)\n');
console.log('| set | docs | sentences | algorithm | R-1 | R-2 | R-L | R-Lsum |');
console.log('|---|---:|---:|---|---:|---:|---:|---:|');
for (const r of rows) {
  const f = (x) => x.toFixed(2);
  console.log(`| ${r.set} | ${r.n} | ${r.sentences} | ${r.algorithm} | ${f(r.rouge1)} | ${f(r.rouge2)} | ${f(r.rougeL)} | ${f(r.rougeLsum)} |`);
}

// How sure is a difference? For `auto` against Lead-N and against the best other
// algorithm of each set: the mean per-document R-1 difference with a 95% paired
// bootstrap interval (2000 resamples of the documents, fixed seed). An interval that
// spans 0 means the dev set cannot tell the two apart.
function bootstrap(a, b, resamples = 2000) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const d = a.map((x, i) => 100 * (x.rouge1 - b[i].rouge1));
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const means = [];
  for (let r = 0; r < resamples; ++r) {
    let sum = 0;
    for (let i = 0; i < d.length; ++i) sum += d[Math.floor(random() * d.length)];
    means.push(sum / d.length);
  }
  means.sort((x, y) => x - y);
  return { mean, low: means[Math.floor(0.025 * resamples)], high: means[Math.floor(0.975 * resamples) - 1] };
}
const compared = [];
for (const set of sets) {
  const mine = rows.find((r) => r.set === set && r.algorithm === 'auto');
  const lead = rows.find((r) => r.set === set && r.algorithm === 'lead');
  const others = rows.filter((r) => r.set === set && r.algorithm !== 'auto' && r.algorithm !== 'lead');
  const best = others.sort((x, y) => y.mean - x.mean)[0];
  for (const other of [lead, best]) {
    if (mine && other) compared.push({ set, other: other.algorithm, ...bootstrap(mine.docs, other.docs) });
  }
}
if (compared.length) {
  console.log('\nauto against Lead-N and the best other algorithm: mean R-1 difference per document, 95% paired bootstrap interval\n');
  console.log('| set | against | auto - it | 95% interval |');
  console.log('|---|---|---:|---|');
  const f = (x) => (x >= 0 ? '+' : '') + x.toFixed(2);
  for (const c of compared) console.log(`| ${c.set} | ${c.other} | ${f(c.mean)} | ${f(c.low)} .. ${f(c.high)} |`);
}

if (noisy) {
  console.log('\nWith web boilerplate (--noisy, scripts/boilerplate-templates.mjs): R-1 on the clean and the noisy articles, and the summaries that picked up boilerplate\n');
  console.log('| set | docs | algorithm | R-1 clean | R-1 noisy | noisy - clean | summaries with boilerplate | boilerplate sentences by kind |');
  console.log('|---|---:|---|---:|---:|---:|---:|---|');
  const f = (x) => (x >= 0 ? '+' : '') + x.toFixed(2);
  let met = 0;
  for (const r of noisyRows) {
    const kinds = {};
    for (const l of r.leaks) kinds[l.kind] = (kinds[l.kind] ?? 0) + 1;
    const byKind = Object.entries(kinds).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || '-';
    const delta = r.noisy - r.clean;
    if (Math.abs(delta) <= 0.5 && r.docs === 0) met++;
    console.log(`| ${r.set} | ${r.n} | ${r.algorithm} | ${r.clean.toFixed(2)} | ${r.noisy.toFixed(2)} | ${f(delta)} | ${r.docs} | ${byKind} |`);
  }
  console.log(`\nTargets (|noisy - clean| <= 0.5 and no summary with boilerplate) met on ${met} of ${noisyRows.length} (set, algorithm) pairs.`);
}

if (check) {
  const worst = Object.fromEntries(METRICS.map((k) => [k, { raw: 0, rounded: 0, at: '' }]));
  let nMismatch = 0;
  for (const c of checks) {
    if (!c.n) nMismatch++;
    for (const k of METRICS) {
      if (c[k].raw > worst[k].raw) Object.assign(worst[k], { raw: c[k].raw, at: `${c.set}/${c.algorithm}` });
      worst[k].rounded = Math.max(worst[k].rounded, c[k].rounded);
    }
  }
  console.log(`\nCheck against ${ROUGE} on ${checks.length} (set, algorithm) pairs: largest absolute difference (F1 x 100)\n`);
  console.log('| metric | unrounded | rounded to 2 decimals | largest at |');
  console.log('|---|---:|---:|---|');
  for (const k of METRICS) console.log(`| ${k} | ${worst[k].raw.toExponential(2)} | ${worst[k].rounded.toFixed(2)} | ${worst[k].at || '-'} |`);
  const failed = METRICS.filter((k) => worst[k].raw > 0.01 || worst[k].rounded > 0.01 + 1e-9);
  if (nMismatch) console.error(`eval --check: document counts differ on ${nMismatch} pair(s)`);
  if (failed.length || nMismatch) {
    console.error(`eval --check: FAILED${failed.length ? ` (${failed.join(', ')} differ by more than 0.01)` : ''}`);
    process.exit(1);
  }
  console.log('\neval --check: OK (every difference within 0.01)');
}
