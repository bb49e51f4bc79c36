// Summary evaluation: runs `precis batch` on every ../shared/eval/summ/*.dev.jsonl with
// the protocol of issue 5 and scores it with the shared ROUGE scorer
// (../shared/tools/rouge.py, Debian's /usr/bin/python3 with python3-nltk), so the
// figures are the ones everybody quotes.
//
//   npm run eval                       # every set, algorithms auto and lead
//   npm run eval -- --algorithms auto  # a subset
//   npm run eval -- --sets cnndm_frank,xsum_frank
//
// Protocol: CNN/DM (cnndm_frank, summeval) and bbc_news_summary: 3 sentences;
// xsum_frank: 1; newsroom_human: 2; ru_sci_papers: 5 (scored with --lang ru). The
// language is always detected (lang "auto").
// ROUGE-1/2/L/Lsum F1 x 100, stemmed, best over multiple references.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
const algorithms = option('--algorithms', ['auto', 'lead']);
const sets = option('--sets', PROTOCOL.map((p) => p.set));

for (const [what, path] of [['the CLI (npm run build)', CLI], ['the ROUGE scorer', ROUGE], [`${PYTHON} (Debian python3 + python3-nltk)`, PYTHON]]) {
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
for (const p of PROTOCOL.filter((x) => sets.includes(x.set))) {
  const refs = join(SHARED, 'eval', 'summ', `${p.set}.dev.jsonl`);
  // Each record's own "lang" field is dropped: the core detects the language, as it
  // does for a user (lang "auto").
  const input = readFileSync(refs, 'utf8').split('\n').filter(Boolean)
    .map((line) => {
      const { lang, ...record } = JSON.parse(line);
      return JSON.stringify(record);
    }).join('\n') + '\n';
  for (const algorithm of algorithms) {
    const out = run(CLI, ['batch', '--sentences', String(p.sentences), '--algorithm', algorithm], input);
    const sys = join(OUT, `${p.set}.${algorithm}.jsonl`);
    writeFileSync(sys, out.stdout);
    const scored = run(PYTHON, [ROUGE, refs, sys, ...(p.lang ? ['--lang', p.lang] : [])]);
    if (scored.status !== 0) {
      console.error(`eval: rouge.py failed on ${p.set}: ${scored.stderr}`);
      process.exit(1);
    }
    const r = JSON.parse(scored.stdout.trim().split('\n').pop());
    rows.push({ set: p.set, n: r.n, sentences: p.sentences, algorithm, ...r });
  }
}

console.log(`Summaries (ROUGE F1 x 100, ${SHARED}/tools/rouge.py; system outputs in build/eval/)\n`);
console.log('| set | docs | sentences | algorithm | R-1 | R-2 | R-L | R-Lsum |');
console.log('|---|---:|---:|---|---:|---:|---:|---:|');
for (const r of rows) {
  const f = (x) => x.toFixed(2);
  console.log(`| ${r.set} | ${r.n} | ${r.sentences} | ${r.algorithm} | ${f(r.rouge1)} | ${f(r.rouge2)} | ${f(r.rougeL)} | ${f(r.rougeLsum)} |`);
}
