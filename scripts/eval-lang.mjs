// Language identification accuracy: every text of ../shared/eval that carries `lang`
// and has at least 200 characters goes through `precis batch --split` with
// lang "auto"; prints a table per language (and per source folder).
//
//   npm run eval:lang                 # the table
//   npm run eval:lang -- --errors     # also each misidentified text (first 80 chars)
//   npm run eval:lang -- --min 100    # another length threshold (characters)
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHARED = process.env.PRECIS_SHARED ?? join(ROOT, '..', 'shared');
const CLI = join(ROOT, 'build', 'native', 'precis');
const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const minChars = args.includes('--min') ? Number(args[args.indexOf('--min') + 1]) : 200;

const docs = [];
for (const folder of ['summ', 'sbd']) {
  const dir = join(SHARED, 'eval', folder);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line);
      if (!r.lang || typeof r.text !== 'string' || [...r.text].length < minChars) continue;
      docs.push({ id: r.id, text: r.text, want: r.lang, folder });
    }
  }
}
const input = docs.map((d, i) => JSON.stringify({ id: i, text: d.text, lang: 'auto' })).join('\n') + '\n';
const out = spawnSync(CLI, ['batch', '--split'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
if (out.error) throw out.error;
const results = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));

const per = new Map();
const errors = [];
docs.forEach((d, i) => {
  const got = results[i].language;
  const row = per.get(d.want) ?? { n: 0, ok: 0, folders: new Set(), wrong: new Map() };
  per.set(d.want, row);
  row.n++;
  row.folders.add(d.folder);
  if (got === d.want) row.ok++;
  else {
    row.wrong.set(got, (row.wrong.get(got) ?? 0) + 1);
    errors.push({ ...d, got });
  }
});
let n = 0, ok = 0;
const lines = ['| lang | texts | correct | accuracy | taken for | from |', '|---|---:|---:|---:|---|---|'];
for (const lang of [...per.keys()].sort()) {
  const r = per.get(lang);
  n += r.n;
  ok += r.ok;
  const wrong = [...r.wrong].map(([l, c]) => `${l} ×${c}`).join(', ');
  lines.push(`| ${lang} | ${r.n} | ${r.ok} | ${((100 * r.ok) / r.n).toFixed(1)}% | ${wrong} | ${[...r.folders].join(', ')} |`);
}
lines.push(`| **all** | **${n}** | **${ok}** | **${((100 * ok) / n).toFixed(1)}%** | | |`);
console.log(`Language identification (--lang auto), texts of at least ${minChars} characters in ${join(SHARED, 'eval')}\n`);
console.log(lines.join('\n'));
if (showErrors) {
  for (const e of errors) console.log(`\n${e.id}: want ${e.want}, got ${e.got}: ${JSON.stringify(e.text.slice(0, 80))}`);
}
