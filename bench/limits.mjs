// `npm run bench:limits`: the cost of the worst inputs the limits let through.
//
// Every call is bounded by max_input_bytes (default 16 MiB) and kMaxSentences (at most
// 1,000,000 lines and 1,000,000 sentences). This builds inputs at those limits, each
// shaped to maximize one cost (tokens, sentences, lines, blocks, HTML nesting,
// ideographs, one endless word), and measures one `summarize` call natively (wall time
// and peak RSS of `precis summarize FILE --format json`, through /usr/bin/time) and in
// wasm under Node (wall time of summarizeJSON, the wasm memory size after the call,
// which only grows, measured in a fresh process per input). Results: a table on stdout
// and build/bench/limits.json. docs/LIMITS.md quotes them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'build', 'bench', 'limits');
const CLI = join(ROOT, 'build', 'native', 'precis');
const TIME = '/usr/bin/time';
const LIMIT = 16 * 1024 * 1024;
const MAX = 1000000;
mkdirSync(OUT, { recursive: true });

const fill = (unit, bytes = LIMIT) => unit.repeat(Math.floor(bytes / Buffer.byteLength(unit)));
const WORDS = ['Alpha.', 'Beta.', 'Gamma.', 'Delta.', 'Epsilon.', 'Zeta.', 'Eta.'];
const inputs = [
  { name: 'one-letter words, 16 MiB', text: () => fill('a ') },
  { name: 'one-digit numbers, 16 MiB', text: () => fill('1 ') },
  { name: 'words and commas, 16 MiB', text: () => fill('a, ') },
  { name: 'ideographs, no punctuation, 16 MiB', text: () => fill('中') },
  { name: 'Thai, no punctuation, 16 MiB', text: () => fill('กขค ') },
  { name: 'punctuation only, 16 MiB', text: () => fill('!?') },
  { name: 'one 16 MiB word', text: () => fill('x') },
  { name: '1,000,000 one-word sentences', text: () => Array.from({ length: MAX }, (_, i) => WORDS[i % 7]).join(' ') },
  { name: '1,000,000 lines of one letter', text: () => 'A\n'.repeat(MAX - 1) + 'A' },
  { name: '5.6 M nested <b> tags, 16 MiB HTML', text: () => fill('<b>'), html: true },
  { name: 'news prose, 16 MiB', text: () => news() },
];

function news() {
  const path = join(ROOT, 'build', 'bench', 'news-10MB.txt');
  if (!existsSync(path)) return null;
  const bytes = execFileSync('cat', [path, path], { maxBuffer: 1 << 30 }).subarray(0, LIMIT);
  return bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1).toString('utf8');  // whole lines, at most 16 MiB
}

function nativeRun(file, html) {
  if (!existsSync(TIME)) return null;
  const args = ['-f', '%e %M', CLI, 'summarize', file, '--format', 'json', ...(html ? ['--input', 'html'] : [])];
  const r = spawnSync(TIME, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { status: r.status, seconds, peak_mb: kb / 1024, error: r.status ? r.stderr.split('\n')[0] : undefined };
}

// A fresh Node process per input: the wasm memory only grows, so each figure is that
// input's own high-water mark.
const WASM_CHILD = `
import { readFileSync } from 'node:fs';
import createPrecisCore from ${JSON.stringify(join(ROOT, 'wasm', 'dist', 'precis-core.mjs'))};
const core = await createPrecisCore({ wasmBinary: readFileSync(${JSON.stringify(join(ROOT, 'wasm', 'dist', 'precis-core.wasm'))}) });
const bytes = readFileSync(process.argv[1]);
const at = core._malloc(bytes.length + 1);
core.HEAPU8.set(bytes, at);
const t0 = performance.now();
const json = new TextDecoder().decode(core.summarizeBytes(at, bytes.length, process.argv[2]));
const seconds = (performance.now() - t0) / 1000;
core.releaseReply();
core._free(at);
const error = json.startsWith('{"error"') ? JSON.parse(json).error.code : undefined;
console.log(JSON.stringify({ seconds, memory_mb: core.HEAPU8.length / 1048576, json_mb: json.length / 1048576, error }));
`;

function wasmRun(file, html) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', WASM_CHILD, file, JSON.stringify(html ? { input: 'html' } : {})],
    { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const rows = [];
for (const input of inputs) {
  const text = input.text();
  if (text === null) {
    console.error(`skipped ${input.name}: build/bench/news-10MB.txt is missing (npm run bench makes it)`);
    continue;
  }
  const file = join(OUT, input.name.replace(/[^a-z0-9]+/gi, '-') + (input.html ? '.html' : '.txt'));
  writeFileSync(file, text);
  const bytes = Buffer.byteLength(text);
  console.error(`${input.name} (${(bytes / 1048576).toFixed(1)} MiB) ...`);
  rows.push({ input: input.name, mib: bytes / 1048576, native: nativeRun(file, input.html), wasm: wasmRun(file, input.html) });
}

const f = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
console.log('| input | MiB | native s | native peak RSS MB | wasm (Node) s | wasm memory MB | result JSON MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const err = r.native?.error ?? r.wasm?.error;
  console.log(`| ${r.input}${err ? ` (${r.wasm?.error ?? 'error'})` : ''} | ${f(r.mib)} | ${f(r.native?.seconds, 2)} | ${f(r.native?.peak_mb, 0)} | ${f(r.wasm?.seconds, 2)} | ${f(r.wasm?.memory_mb, 0)} | ${f(r.wasm?.json_mb, 0)} |`);
}
const worst = (get) => Math.max(...rows.map(get).filter((x) => typeof x === 'number' && !Number.isNaN(x)));
console.log(`\nworst: native ${f(worst((r) => r.native?.seconds), 2)} s, ${f(worst((r) => r.native?.peak_mb), 0)} MB peak RSS; ` +
  `wasm ${f(worst((r) => r.wasm?.seconds), 2)} s, ${f(worst((r) => r.wasm?.memory_mb), 0)} MB wasm memory`);
writeFileSync(join(ROOT, 'build', 'bench', 'limits.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
