// Sentence-boundary evaluation: runs `precis batch --split` on every suite of
// ../shared/eval/sbd/ and prints a table per language and suite.
//
//   npm run eval:split                 # the table (markdown)
//   npm run eval:split -- --failures   # also every failing case, expected vs got
//   npm run eval:split -- --lang auto  # let the core detect the language instead
//   PRECIS_SHARED=/path/to/shared npm run eval:split
//
// Scoring: a case passes when its sentences, each trimmed, equal the expected ones
// exactly (sentencex cases compare after collapsing white space, as upstream does).
// Cases whose expectation rewrites the text (boundary_only: false) are counted apart.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHARED = process.env.PRECIS_SHARED ?? join(ROOT, '..', 'shared');
const DIR = join(SHARED, 'eval', 'sbd');
const CLI = join(ROOT, 'build', 'native', 'precis');

const args = process.argv.slice(2);
const showFailures = args.includes('--failures');
const langMode = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'given';
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

const norm = (s, collapse) => (collapse ? s.replace(/\s+/g, ' ').trim() : s.trim());

function run(records) {
  const input = records
    .map((r) => JSON.stringify({ id: r.id, text: r.text, lang: langMode === 'given' ? r.lang : langMode }))
    .join('\n') + '\n';
  const out = spawnSync(CLI, ['batch', '--split'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (out.error) throw out.error;
  const lines = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  if (lines.length !== records.length) throw new Error(`batch returned ${lines.length} lines for ${records.length}`);
  return lines;
}

const rows = new Map(); // lang -> suite -> {bo: [pass, total], rw: [pass, total]}
const failures = [];
const files = readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).sort();
for (const file of files) {
  const suite = file.split('_')[0];
  const records = readFileSync(join(DIR, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const lang = records[0]?.lang ?? file.replace(/^[a-z]+_|\.jsonl$/g, '');
  if (only && only !== lang) continue;
  const results = run(records);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const got = results[i].sentences ?? [];
    const collapse = !!r.ws_normalized_compare;
    const want = r.sentences.map((s) => norm(s, collapse)).filter(Boolean);
    const mine = got.map((s) => norm(s, collapse)).filter(Boolean);
    const pass = want.length === mine.length && want.every((s, k) => s === mine[k]);
    const row = rows.get(lang) ?? new Map();
    rows.set(lang, row);
    const cell = row.get(suite) ?? { bo: [0, 0], rw: [0, 0] };
    row.set(suite, cell);
    const bucket = r.boundary_only === false ? cell.rw : cell.bo;
    bucket[1]++;
    if (pass) bucket[0]++;
    else failures.push({ id: r.id, boundary_only: r.boundary_only !== false, text: r.text, want, got: mine, error: results[i].error });
  }
}

const suites = ['golden', 'extra', 'sentencex'];
const pct = ([p, t]) => (t ? `${p}/${t} (${((100 * p) / t).toFixed(1)}%)` : '');
const header = ['lang', ...suites.map((s) => `${s} boundary-only`), 'rewriting cases (all suites)'];
const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
const totals = Object.fromEntries(suites.map((s) => [s, [0, 0]]));
const totalRw = [0, 0];
for (const lang of [...rows.keys()].sort()) {
  const row = rows.get(lang);
  const rw = [0, 0];
  const cells = suites.map((s) => {
    const c = row.get(s);
    if (!c) return '';
    totals[s][0] += c.bo[0];
    totals[s][1] += c.bo[1];
    rw[0] += c.rw[0];
    rw[1] += c.rw[1];
    return pct(c.bo);
  });
  totalRw[0] += rw[0];
  totalRw[1] += rw[1];
  lines.push(`| ${lang} | ${cells.join(' | ')} | ${pct(rw)} |`);
}
lines.push(`| **all** | ${suites.map((s) => `**${pct(totals[s])}**`).join(' | ')} | ${pct(totalRw)} |`);
console.log(`Sentence boundaries, ${langMode === 'given' ? "each case's own language" : `--lang ${langMode}`} (${files.length} files in ${DIR})\n`);
console.log(lines.join('\n'));

if (showFailures) {
  for (const f of failures) {
    console.log(`\n--- ${f.id}${f.boundary_only ? '' : ' (rewriting)'}${f.error ? ` error ${JSON.stringify(f.error)}` : ''}`);
    console.log(`text: ${JSON.stringify(f.text)}`);
    console.log(`want: ${JSON.stringify(f.want)}`);
    console.log(`got:  ${JSON.stringify(f.got)}`);
  }
}
