// Précis bench: sentence-segmentation throughput on English news, native and wasm.
//
//   npm run bench                  # after `npm run build`
//   node bench/run.mjs [--quick] [--sizes 100KB,1MB] [--no-summarize] [--no-peers] [--peers LIST]
//
// Builds nothing: it needs build/native/precis_bench and wasm/dist from `npm run build`.
// Prepares the inputs (bench/corpus.mjs, written to build/bench/), runs the native
// binary (bench/segment_bench.cpp) on them, then times the wasm module in this Node
// process the same way, and prints a markdown table. Results are also written to
// build/bench/results.json. A benchmark, not a test: nothing here fails on slowness.
// Then (unless --no-peers) Précis side by side with other summarizers (bench/peers.mjs):
// a second set of tables, also written to build/bench/peers.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, arch } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, SHARED, SIZES, prepareCorpus } from './corpus.mjs';
import { TOOLS, peersMarkdown, runPeers } from './peers.mjs';

const NATIVE = join(ROOT, 'build', 'native', 'precis_bench');
const WASM_DIST = join(ROOT, 'wasm', 'dist');
const WASM_FILES = ['precis-core.mjs', 'precis-core.wasm'];
const OUT_DIR = join(ROOT, 'build', 'bench');
const SEED = join(ROOT, 'seeds', '000_74440941a785ace3.txt');

function usage(message) {
  if (message) console.error(`bench: ${message}`);
  console.error('usage: node bench/run.mjs [--quick] [--sizes 100KB,1MB,10MB] [--no-summarize] [--no-peers] ' +
    `[--peers ${TOOLS.join(',')}]`);
  process.exit(2);
}

// ---- arguments -----------------------------------------------------------------------
const config = { minTime: 1.0, minRuns: 5, maxTime: 10.0, summarize: true, sizes: SIZES, peers: TOOLS };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--quick') {
    Object.assign(config, { minTime: 0.2, minRuns: 3, maxTime: 2.0 });
  } else if (arg === '--no-summarize') {
    config.summarize = false;
  } else if (arg === '--no-peers') {
    config.peers = [];
  } else if (arg === '--peers') {
    const wanted = (argv[++i] ?? '').split(',').filter(Boolean);
    const unknown = wanted.filter((t) => !TOOLS.includes(t));
    if (!wanted.length || unknown.length) usage(`--peers takes a comma-separated subset of ${TOOLS.join(',')}`);
    config.peers = TOOLS.filter((t) => wanted.includes(t));
  } else if (arg === '--sizes') {
    const wanted = (argv[++i] ?? '').split(',').map((s) => s.replace(/\s+/g, '').toUpperCase());
    config.sizes = SIZES.filter((s) => wanted.includes(s.label.replace(/\s+/g, '').toUpperCase()));
    if (config.sizes.length !== wanted.length) {
      usage(`--sizes takes a comma-separated subset of ${SIZES.map((s) => s.label.replace(/\s+/g, '')).join(',')}`);
    }
  } else if (arg === '-h' || arg === '--help') {
    usage();
  } else {
    usage(`unknown argument ${arg}`);
  }
}

// ---- prerequisites -------------------------------------------------------------------
const missing = [];
if (!existsSync(NATIVE)) missing.push(relative(ROOT, NATIVE));
for (const f of WASM_FILES) if (!existsSync(join(WASM_DIST, f))) missing.push(relative(ROOT, join(WASM_DIST, f)));
if (missing.length) {
  console.error(`bench: missing ${missing.join(', ')}.\nRun \`npm run build\` first (the benchmark builds nothing itself).`);
  process.exit(1);
}

// Newest modification time under the core's sources, to flag stale binaries.
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
const sourcesTime = Math.max(
  ...['core/src', 'core/include', 'core/data', 'bench/segment_bench.cpp'].map((p) => {
    const path = join(ROOT, p);
    if (!existsSync(path)) return 0;
    return statSync(path).isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
  }),
);
const stale = [NATIVE, join(WASM_DIST, 'precis-core.wasm')].filter((p) => statSync(p).mtimeMs < sourcesTime);
if (stale.length) {
  console.error(`bench: warning: ${stale.map((p) => relative(ROOT, p)).join(' and ')} older than the core sources; ` +
    'run `npm run build` for current numbers.');
}

// ---- corpus --------------------------------------------------------------------------
let inputs;
try {
  inputs = prepareCorpus(OUT_DIR, config.sizes);
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(1);
}
console.error(`bench: corpus of ${inputs[0].articles} articles from ${SHARED}/eval/summ; inputs in ${relative(ROOT, OUT_DIR)}/`);

// ---- native --------------------------------------------------------------------------
console.error('bench: native ...');
const nativeArgs = [
  '--min-time', String(config.minTime), '--min-runs', String(config.minRuns), '--max-time', String(config.maxTime),
  ...(config.summarize ? [] : ['--no-summarize']),
  ...inputs.map((input) => input.path),
];
const run = spawnSync(NATIVE, nativeArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (run.status !== 0) {
  console.error(`bench: ${relative(ROOT, NATIVE)} failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
const native = new Map(); // `${op} ${path}` -> measurement
for (const line of run.stdout.split('\n')) {
  if (!line.trim()) continue;
  const m = JSON.parse(line);
  native.set(`${m.op} ${m.file}`, m);
}

// ---- wasm ----------------------------------------------------------------------------
console.error('bench: wasm ...');
// Imported only now: the module imports wasm/dist statically, which is checked above.
const { load } = await import('../wasm/precis.mjs');
const precis = await load();
const options = { lang: 'en' };

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

// Same protocol as segment_bench.cpp: one warm-up call, then timed calls until at least
// minRuns calls and minTime seconds, or maxTime seconds, whichever comes first. The time
// includes what a JavaScript caller pays: options JSON, the JS -> wasm string copy, the
// core, the result JSON and JSON.parse into an object.
function measureWasm(op, input) {
  const fn = op === 'split' ? (t) => precis.split(t, options) : (t) => precis.summarize(t, options);
  const sentences = fn(input.text).sentences.length;
  const seconds = [];
  let total = 0;
  while (seconds.length === 0 || ((seconds.length < config.minRuns || total < config.minTime) && total < config.maxTime)) {
    const t0 = process.hrtime.bigint();
    const result = fn(input.text);
    const t1 = process.hrtime.bigint();
    if (result.sentences.length !== sentences) throw new Error(`wasm ${op}: inconsistent result between runs`);
    const s = Number(t1 - t0) / 1e9;
    seconds.push(s);
    total += s;
  }
  const med = median(seconds);
  return {
    op, file: input.path, bytes: input.bytes, runs: seconds.length,
    median_ms: med * 1e3, min_ms: Math.min(...seconds) * 1e3, mb_per_s: input.bytes / med / 1e6, sentences,
  };
}

const wasm = new Map();
for (const input of inputs) {
  for (const op of config.summarize ? ['split', 'summarize'] : ['split']) {
    wasm.set(`${op} ${input.path}`, measureWasm(op, input));
  }
}

// ---- report --------------------------------------------------------------------------
const cpu = cpus();
const fmt = (x) => (x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rows = [];
const warnings = [];
for (const input of inputs) {
  const get = (map, op) => map.get(`${op} ${input.path}`);
  const ns = get(native, 'split');
  const ws = get(wasm, 'split');
  const nm = get(native, 'summarize');
  const wm = get(wasm, 'summarize');
  const size = `${input.label} (${input.bytes.toLocaleString('en-US')} B)`;
  rows.push(`| ${size} | ${fmt(ns?.mb_per_s)} | ${fmt(ws?.mb_per_s)} | ` +
    `${ns && ws ? (ws.mb_per_s / ns.mb_per_s).toFixed(2) : '–'} | ${ns?.sentences ?? '–'} | ` +
    `${fmt(nm?.mb_per_s)} | ${fmt(wm?.mb_per_s)} |`);
  for (const [op, n, w] of [['split', ns, ws], ['summarize', nm, wm]]) {
    if (n && w && n.sentences !== w.sentences) {
      const message = `${op} sentence counts differ: native ${n.sentences}, wasm ${w.sentences}`;
      warnings.push(`${input.label}: ${message}`);
      rows.push(`| ⚠ ${input.label} | ${message} | | | | | |`);
    }
  }
}

console.log(`\n## Précis sentence segmentation throughput\n`);
console.log(`- machine: ${cpu[0]?.model?.trim() ?? 'unknown CPU'} × ${cpu.length}, ${platform()} ${release()} ${arch()}, Node ${process.versions.node}`);
console.log(`- date: ${new Date().toISOString()}`);
console.log(`- corpus: ${inputs[0].articles} English news articles (CNN/DM FRANK, SummEval, BBC News Summary), cycled; options { lang: "en" }`);
console.log(`- protocol: 1 warm-up, then median of ≥ ${config.minRuns} runs and ≥ ${config.minTime} s (cap ${config.maxTime} s); MB = 10^6 bytes of UTF-8 input`);
console.log(`- wasm times include the JS ↔ wasm string copies and JSON.parse of the result\n`);
console.log('| input size | native split MB/s | wasm split MB/s | wasm/native | sentences | native summarize MB/s | wasm summarize MB/s |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log('');
for (const w of warnings) console.error(`bench: warning: ${w}`);

writeFileSync(join(OUT_DIR, 'results.json'), JSON.stringify({
  date: new Date().toISOString(),
  machine: { cpu: cpu[0]?.model?.trim(), cpus: cpu.length, platform: platform(), release: release(), arch: arch(), node: process.versions.node },
  config: { minTime: config.minTime, minRuns: config.minRuns, maxTime: config.maxTime, options },
  native: [...native.values()].map((m) => ({ ...m, file: relative(ROOT, m.file) })),
  wasm: [...wasm.values()].map((m) => ({ ...m, file: relative(ROOT, m.file) })),
  warnings,
}, null, 2) + '\n');
console.error(`bench: results written to ${relative(ROOT, join(OUT_DIR, 'results.json'))}`);

// ---- peers ---------------------------------------------------------------------------
if (config.peers.length) {
  const peerInputs = [
    ...(existsSync(SEED) ? [{ label: 'seed', path: SEED, bytes: statSync(SEED).size }] : []),
    ...inputs.map(({ label, path, bytes }) => ({ label, path, bytes })),
  ];
  console.error(`bench: peers (${config.peers.join(', ')}) ...`);
  const peers = runPeers({ root: ROOT, outDir: OUT_DIR, inputs: peerInputs, config: { ...config } });
  console.log(peersMarkdown(peers, peerInputs));
  writeFileSync(join(OUT_DIR, 'peers.json'), JSON.stringify({
    date: new Date().toISOString(),
    machine: { cpu: cpu[0]?.model?.trim(), cpus: cpu.length, platform: platform(), release: release(), arch: arch(), node: process.versions.node },
    config: { minTime: config.minTime, minRuns: config.minRuns, maxTime: config.maxTime, sentences: 3, capSeconds: 60 },
    inputs: peerInputs.map(({ label, path, bytes }) => ({ label, file: relative(ROOT, path), bytes })),
    results: peers.results,
    notes: peers.notes,
  }, null, 2) + '\n');
  console.error(`bench: peer results written to ${relative(ROOT, join(OUT_DIR, 'peers.json'))}`);
}
