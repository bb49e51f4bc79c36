// Précis bench (`npm run bench`): Précis native, wasm in Node and wasm in Chromium side by
// side, per pipeline stage, against other summarizers, with the performance targets.
//
//   npm run bench                  # after `npm run build`
//   node bench/run.mjs [--quick] [--sizes 100KB,1MB] [--no-summarize] [--no-stages]
//                      [--no-chromium] [--no-page] [--no-html] [--no-peers] [--peers LIST]
//
// Builds nothing: it needs build/native/{precis,precis_bench,precis_stages}, wasm/dist and
// (for the page figure) build/site from `npm run build`. A benchmark, not a test: nothing
// here fails on slowness. Inputs (bench/corpus.mjs, written to build/bench/): the seed
// article and English news joined to 100 KB, 1 MB and 10 MB. In order, each leg printing
// its Markdown table to stdout as it ends (progress goes to stderr):
//
//   throughput  split and summarize MB/s, native (bench/segment_bench.cpp, precis_bench)
//               and wasm in this Node process; options { lang: "en" }
//   stages      ms per stage and its share of summarize, native, Google Benchmark
//               (bench/stages_bench.cpp, precis_stages); seed + inputs (not 10 MB with --quick)
//   memory      peak RSS of `build/native/precis summarize FILE`: one process that reads
//               the input and summarizes it once (/usr/bin/time -f %M)
//   calls       summarize(text, { sentences: 3 }) in wasm, in Node (here) and in Chromium
//               (bench/chromium.mjs), each input with a fresh instance; wasm memory size
//   start-up    import + load() in fresh Node processes and fresh Chromium pages, repeated
//               load(); navigation → first summary of the seed on the page
//               (bench/page-first-summary.mjs, build/site)
//   size        raw and gzip -9 bytes of the shipped .mjs and .wasm (package.json "files")
//   batch       `build/native/precis batch` over $PRECIS_SHARED/eval/summ/bbc*.dev.jsonl
//   html        a web page's HTML → result (summarize with input "html": the article found
//               on the page, then its summary), native (precis_bench --input html) and
//               wasm in this Node process, on real pages from $PRECIS_SHARED/eval/html
//               (bench/corpus.mjs: the median page, pages joined to 1 MiB, the largest)
//   peers       other summarizers, one process per tool and input (bench/peers.mjs)
//   summary     Précis native / Node / Chromium per input, growth factors 100 KB → 1 MB →
//               10 MB for every leg and peer, and each target: met / not met
//
// Results: build/bench/results.json (throughput), stages.json, summary.json (calls,
// memory, start-up, size, batch, html, targets, growth) and peers.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, arch, loadavg } from 'node:os';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { HTML_PAGES, MIB, ROOT, SHARED, SIZES, prepareCorpus, prepareHtmlInputs } from './corpus.mjs';
import { LABELS, TOOLS, growth as peerGrowth, peersMarkdown, runPeers } from './peers.mjs';
import { median, recordWasmMemory, runChromium, summarizeInstantiation } from './chromium.mjs';

const NATIVE = join(ROOT, 'build', 'native', 'precis_bench');
const STAGES = join(ROOT, 'build', 'native', 'precis_stages');
const CLI = join(ROOT, 'build', 'native', 'precis');
const WASM_DIST = join(ROOT, 'wasm', 'dist');
const WASM_FILES = ['precis-core.mjs', 'precis-core.wasm'];
const OUT_DIR = join(ROOT, 'build', 'bench');
const SEED = join(ROOT, 'seeds', '000_74440941a785ace3.txt');
const TIME = '/usr/bin/time';
const CALL_OPTIONS = { sentences: 3 }; // the calls legs: the default call, language detected
const HTML_OPTIONS = { input: 'html', sentences: 3 }; // the html leg: a web page, language detected
const STAGE_NAMES = ['decode', 'language', 'blocks', 'split', 'terms', 'score', 'select', 'keyphrases'];

const HELP = `usage: node bench/run.mjs [options]

  --quick          ≥ 3 runs and ≥ 0.2 s per measurement (0.3 s wasm warm-up) instead of
                   ≥ 5 runs and ≥ 1 s (1 s warm-up); stages: 1 repetition and no 10 MB;
                   fewer start-up and page runs; html leg: 0.2 s and 0.3 s, still ≥ 5 calls
  --sizes LIST     a subset of ${SIZES.map((s) => s.label.replace(/\s+/g, '')).join(',')} (the seed is always measured)
  --no-summarize   throughput table: split only
  --no-stages      skip the per-stage table (precis_stages)
  --no-chromium    skip the wasm-in-Chromium calls and start-up
  --no-page        skip navigation → first summary on the page (build/site)
  --no-html        skip the web pages' HTML → result leg ($PRECIS_SHARED/eval/html)
  --no-peers       skip the other summarizers (about 8 minutes)
  --peers LIST     a subset of ${TOOLS.join(',')}
  -h, --help       this help

PRECIS_SHARED overrides where the corpus is read from (default <repo>/../shared).`;

function usage(message) {
  console.error(`bench: ${message}\n${HELP}`);
  process.exit(2);
}

// ---- arguments -----------------------------------------------------------------------
const config = {
  minTime: 1.0, minRuns: 5, maxTime: 10.0, warmTime: 1.0, quick: false,
  summarize: true, stages: true, chromium: true, page: true, html: true, sizes: SIZES, peers: TOOLS,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--quick') {
    Object.assign(config, { minTime: 0.2, minRuns: 3, maxTime: 2.0, warmTime: 0.3, quick: true });
  } else if (arg === '--no-summarize') {
    config.summarize = false;
  } else if (arg === '--no-stages') {
    config.stages = false;
  } else if (arg === '--no-chromium') {
    config.chromium = false;
  } else if (arg === '--no-page') {
    config.page = false;
  } else if (arg === '--no-html') {
    config.html = false;
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
    console.log(HELP);
    process.exit(0);
  } else {
    usage(`unknown argument ${arg}`);
  }
}

const log = (message) => console.error(`bench: ${message}`);
const notes = []; // printed under the summary
const note = (message) => {
  notes.push(message);
  log(`note: ${message}`);
};

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
  ...['core/src', 'core/include', 'core/data'].map((p) => {
    const path = join(ROOT, p);
    if (!existsSync(path)) return 0;
    return statSync(path).isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
  }),
);
const stale = [NATIVE, STAGES, CLI, join(WASM_DIST, 'precis-core.wasm')]
  .filter((p) => existsSync(p) && statSync(p).mtimeMs < sourcesTime);
if (stale.length) {
  log(`warning: ${stale.map((p) => relative(ROOT, p)).join(', ')} older than the core sources; ` +
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
log(`corpus of ${inputs[0].articles} articles from ${SHARED}/eval/summ; inputs in ${relative(ROOT, OUT_DIR)}/`);
const seedInput = existsSync(SEED)
  ? { label: 'seed', path: SEED, text: readFileSync(SEED, 'utf8'), bytes: statSync(SEED).size }
  : undefined;
if (!seedInput) note(`${relative(ROOT, SEED)} not found: no seed figures`);
const allInputs = [...(seedInput ? [seedInput] : []), ...inputs]; // the seed first, then by size

const cpu = cpus();
const machine = {
  cpu: cpu[0]?.model?.trim(), cpus: cpu.length, platform: platform(), release: release(), arch: arch(),
  node: process.versions.node, loadavg: loadavg().map((x) => Number(x.toFixed(2))),
};
const startedAt = new Date();
const writeJson = (name, value) => {
  writeFileSync(join(OUT_DIR, name), JSON.stringify(value, null, 2) + '\n');
  log(`results written to ${relative(ROOT, join(OUT_DIR, name))}`);
};
const proto = { warmTime: config.warmTime, minRuns: config.minRuns, minTime: config.minTime, maxTime: config.maxTime };

// ---- formatting ----------------------------------------------------------------------
const fmtMs = (ms) => {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return '–';
  if (ms >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  if (ms >= 0.1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(ms >= 0.01 ? 0 : 1)} µs`;
};
const fmtMB = (bytes) => (bytes === undefined || bytes === null ? '–' : `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`);
const fmtKB = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const fmtX = (x) => (x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const sizeLabel = (input) => `${input.label} (${input.bytes.toLocaleString('en-US')} B)`;
// Markdown table; numeric columns (all but the first) right-aligned unless left = true.
const table = (header, rows, { left = false } = {}) => {
  const out = [`| ${header.join(' | ')} |`, `|${header.map((h, i) => (i && !left ? '---:' : '---')).join('|')}|`];
  for (const row of rows) out.push(`| ${row.join(' | ')} |`);
  return out.join('\n');
};
const print = (text) => console.log(text);

// ---- throughput: native --------------------------------------------------------------
log('native throughput (precis_bench) ...');
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

// ---- throughput: wasm in Node --------------------------------------------------------
log('wasm throughput (Node) ...');
recordWasmMemory(); // before the module creates any instance (see bench/chromium.mjs)
// Imported only now: the module imports wasm/dist statically, which is checked above.
const { load } = await import('../wasm/precis.mjs');
const precis = await load();
const throughputOptions = { lang: 'en' };
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// The wasm protocol (the same in bench/chromium.mjs): a first call, timed on its own; more
// untimed calls until warmTime seconds of warm-up (V8 runs wasm on baseline code first and
// tiers hot functions up in the background); then timed calls until at least minRuns
// calls and minTime seconds, or maxTime seconds. Times include what a JavaScript caller
// pays: options JSON, the JS -> wasm string copy, the core, the result JSON, JSON.parse.
// `p` overrides the protocol (the html leg asks for ≥ 5 calls even with --quick).
function timeCalls(fn, p = proto) {
  let t = nowMs();
  const first = fn();
  const firstCall = nowMs() - t;
  let warmCalls = 1;
  for (let spent = firstCall; spent < p.warmTime * 1e3; warmCalls++) {
    t = nowMs();
    fn();
    spent += nowMs() - t;
  }
  const ms = [];
  let total = 0;
  while (ms.length === 0 || ((ms.length < p.minRuns || total < p.minTime * 1e3) && total < p.maxTime * 1e3)) {
    t = nowMs();
    const result = fn();
    const d = nowMs() - t;
    if (result.sentences.length !== first.sentences.length) throw new Error('wasm: inconsistent result between runs');
    ms.push(d);
    total += d;
  }
  return {
    first, first_call_ms: firstCall, warm_up_calls: warmCalls, runs: ms.length,
    median_ms: median(ms), min_ms: Math.min(...ms),
  };
}

function measureWasm(op, input) {
  const fn = op === 'split' ? (t) => precis.split(t, throughputOptions) : (t) => precis.summarize(t, throughputOptions);
  const { first, first_call_ms, warm_up_calls, runs, median_ms, min_ms } = timeCalls(() => fn(input.text));
  return {
    op, file: input.path, bytes: input.bytes, runs, median_ms, min_ms, mb_per_s: input.bytes / median_ms / 1e3,
    sentences: first.sentences.length, first_call_ms, warm_up_calls,
  };
}

const wasm = new Map();
for (const input of inputs) {
  for (const op of config.summarize ? ['split', 'summarize'] : ['split']) {
    wasm.set(`${op} ${input.path}`, measureWasm(op, input));
  }
}

// ---- throughput: report --------------------------------------------------------------
{
  const fmt = (x) => (x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const rows = [];
  const warnings = [];
  for (const input of inputs) {
    const get = (map, op) => map.get(`${op} ${input.path}`);
    const ns = get(native, 'split');
    const ws = get(wasm, 'split');
    const nm = get(native, 'summarize');
    const wm = get(wasm, 'summarize');
    rows.push([sizeLabel(input), fmt(ns?.mb_per_s), fmt(ws?.mb_per_s), ns && ws ? (ws.mb_per_s / ns.mb_per_s).toFixed(2) : '–',
      ns?.sentences ?? '–', fmt(nm?.mb_per_s), fmt(wm?.mb_per_s)]);
    for (const [op, n, w] of [['split', ns, ws], ['summarize', nm, wm]]) {
      if (n && w && n.sentences !== w.sentences) {
        const message = `${op} sentence counts differ: native ${n.sentences}, wasm ${w.sentences}`;
        warnings.push(`${input.label}: ${message}`);
        rows.push([`⚠ ${input.label}`, message, '', '', '', '', '']);
      }
    }
  }
  print(`\n## Précis sentence segmentation throughput\n`);
  print(`- machine: ${machine.cpu ?? 'unknown CPU'} × ${machine.cpus}, ${machine.platform} ${machine.release} ${machine.arch}, Node ${machine.node}; load average at start ${machine.loadavg.join(' ')}`);
  print(`- date: ${startedAt.toISOString()}`);
  print(`- corpus: ${inputs[0].articles} English news articles (CNN/DM FRANK, SummEval, BBC News Summary), cycled; options { lang: "en" }`);
  print(`- protocol: native 1 warm-up call, wasm ${config.warmTime} s of warm-up calls; then median of ≥ ${config.minRuns} runs and ≥ ${config.minTime} s (cap ${config.maxTime} s); MB = 10^6 bytes of UTF-8 input`);
  print(`- wasm times include the JS ↔ wasm string copies and JSON.parse of the result\n`);
  print(table(['input size', 'native split MB/s', 'wasm split MB/s', 'wasm/native', 'sentences', 'native summarize MB/s', 'wasm summarize MB/s'], rows));
  print('');
  for (const w of warnings) log(`warning: ${w}`);
  writeJson('results.json', {
    date: startedAt.toISOString(), machine,
    config: { minTime: config.minTime, minRuns: config.minRuns, maxTime: config.maxTime, warmTime: config.warmTime, options: throughputOptions },
    native: [...native.values()].map((m) => ({ ...m, file: relative(ROOT, m.file) })),
    wasm: [...wasm.values()].map((m) => ({ ...m, file: relative(ROOT, m.file) })),
    warnings,
  });
}

// ---- stages (native, Google Benchmark) -----------------------------------------------
// precis_stages registers one benchmark per stage and file, named "<stage>/<file name>/...".
// Full runs: 3 repetitions of ≥ 0.2 s each, the median repetition (each repetition's
// figure is Google Benchmark's mean wall time per iteration). --quick: one repetition.
let stages; // { inputs: [{ label, bytes, file, stages: { name: { real_ms, cpu_ms } } }], repetitions, ... }
if (config.stages && !existsSync(STAGES)) {
  note(`stages skipped: ${relative(ROOT, STAGES)} is missing (Debian: apt-get install libbenchmark-dev, then npm run build)`);
} else if (config.stages) {
  const stageInputs = allInputs.filter((i) => !(config.quick && i.bytes > 5e6));
  const repetitions = config.quick ? 1 : 3;
  log(`native stages (precis_stages) on ${stageInputs.map((i) => i.label).join(', ')} ...`);
  const args = ['--benchmark_format=json', '--benchmark_min_time=0.2',
    ...(repetitions > 1 ? [`--benchmark_repetitions=${repetitions}`, '--benchmark_report_aggregates_only=true'] : []),
    ...stageInputs.map((i) => i.path)];
  const r = spawnSync(STAGES, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    note(`stages skipped: ${relative(ROOT, STAGES)} failed (exit ${r.status ?? r.signal}): ${(r.stderr || '').trim().split('\n').slice(-2).join(' / ')}`);
  } else {
    const report = JSON.parse(r.stdout);
    const byFile = new Map(stageInputs.map((i) => [basename(i.path), { label: i.label, bytes: i.bytes, file: relative(ROOT, i.path), stages: {} }]));
    for (const b of report.benchmarks) {
      if (repetitions > 1 ? b.aggregate_name !== 'median' : b.run_type !== 'iteration') continue;
      const [stage, file] = b.name.split('/');
      const entry = byFile.get(file);
      if (!entry) continue;
      const toMs = { ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 }[b.time_unit] ?? 1;
      entry.stages[stage] = { real_ms: b.real_time * toMs, cpu_ms: b.cpu_time * toMs, iterations: b.iterations, sentences: b.sentences };
    }
    stages = { repetitions, min_time_s: 0.2, context: report.context, inputs: [...byFile.values()] };
    const cols = stages.inputs;
    const cell = (entry, stage) => {
      const s = entry.stages[stage]?.real_ms;
      const whole = entry.stages.summarize?.real_ms;
      return s === undefined ? '–' : whole ? `${fmtMs(s)} (${((100 * s) / whole).toFixed(s / whole < 0.01 ? 1 : 0)}%)` : fmtMs(s);
    };
    const rows = STAGE_NAMES.map((stage) => [stage, ...cols.map((e) => cell(e, stage))]);
    const sums = cols.map((e) => STAGE_NAMES.reduce((t, s) => t + (e.stages[s]?.real_ms ?? 0), 0));
    rows.push(['*sum of the stages*', ...cols.map((e, k) => {
      const whole = e.stages.summarize?.real_ms;
      return whole ? `${fmtMs(sums[k])} (${((100 * sums[k]) / whole).toFixed(0)}%)` : fmtMs(sums[k]);
    })]);
    rows.push(['**summarize** (whole call)', ...cols.map((e) => `**${fmtMs(e.stages.summarize?.real_ms)}**`)]);
    rows.push(['sentences', ...cols.map((e) => String(e.stages.summarize?.sentences ?? '–'))]);
    print('## Précis native: time per pipeline stage\n');
    print(`- \`build/native/precis_stages\` (bench/stages_bench.cpp, Google Benchmark): each stage fed with the output of the ones before it, computed once outside the timing; language detected (auto), 3 sentences`);
    print(`- wall time per call: ${repetitions > 1 ? `median of ${repetitions} repetitions, each the mean of as many calls as fill ≥ 0.2 s` : 'the mean of as many calls as fill ≥ 0.2 s (one repetition)'}; in brackets the share of the whole summarize call`);
    print('- blocks = find_blocks + classify; summarize also does what no stage covers (quote signals, the result, sentence records), so the sum may differ from 100%\n');
    print(table(['stage', ...cols.map((e) => sizeLabel(e))], rows));
    print('');
    writeJson('stages.json', { date: startedAt.toISOString(), machine, ...stages, context: undefined, benchmark_context: report.context });
  }
}
const stageSummarize = (label) => stages?.inputs.find((e) => e.label === label)?.stages.summarize;

// ---- peak memory (native) ------------------------------------------------------------
// One process per input that reads it and summarizes it once (language detected, 3
// sentences, text output to /dev/null): its max RSS, median of 3 processes (1 with --quick).
// Floor: the max RSS of `precis --version` (the binary and its libraries, no work).
const peak = { method: '`/usr/bin/time -f %M build/native/precis summarize FILE`', inputs: [] };
if (!existsSync(CLI) || !existsSync(TIME)) {
  note(`native peak memory skipped: ${!existsSync(CLI) ? relative(ROOT, CLI) : TIME} is missing`);
} else {
  log('native peak memory (precis summarize under /usr/bin/time) ...');
  const rss = (args) => {
    const r = spawnSync(TIME, ['-f', 'peak_rss_kb=%M', CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const m = /peak_rss_kb=(\d+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`precis ${args.join(' ')} failed (exit ${r.status ?? r.signal}): ${r.stderr.trim()}`);
    return Number(m[1]);
  };
  try {
    peak.floor_kb = rss(['--version']);
    for (const input of allInputs) {
      const runs = Array.from({ length: config.quick ? 1 : 3 }, () => rss(['summarize', input.path]));
      peak.inputs.push({ label: input.label, bytes: input.bytes, file: relative(ROOT, input.path), max_rss_kb: median(runs), runs });
    }
  } catch (error) {
    note(`native peak memory: ${error.message}`);
  }
}
const peakOf = (label) => peak.inputs.find((p) => p.label === label)?.max_rss_kb;

// ---- calls: wasm in Node --------------------------------------------------------------
// summarize(text, { sentences: 3 }) on each input with a fresh instance (load()), so that
// the wasm memory size after the calls is that input's peak linear memory.
log('wasm calls (Node) ...');
const nodeCalls = [];
for (const input of allInputs) {
  const instance = await load();
  const memory = globalThis.__precisBenchMemory;
  const m = timeCalls(() => instance.summarize(input.text, CALL_OPTIONS));
  nodeCalls.push({
    label: input.label, bytes: input.bytes, file: relative(ROOT, input.path), runs: m.runs, warm_up_calls: m.warm_up_calls,
    first_call_ms: m.first_call_ms, median_ms: m.median_ms, min_ms: m.min_ms, sentences: m.first.sentences.length,
    summary: m.first.summary, language: m.first.language, wasm_memory_bytes: memory?.buffer.byteLength,
  });
}
const nodeCall = (label) => nodeCalls.find((c) => c.label === label);

// ---- start-up: Node ------------------------------------------------------------------
// In each of N fresh Node processes: import precis.mjs, the first load(), then 5 more.
log('wasm start-up (Node, fresh processes) ...');
let nodeStartup;
{
  const url = pathToFileURL(join(ROOT, 'wasm', 'precis.mjs')).href;
  const script = `
    const t0 = performance.now();
    const { load } = await import(${JSON.stringify(url)});
    const t1 = performance.now();
    await load();
    const t2 = performance.now();
    const repeat = [];
    for (let i = 0; i < 5; i++) { const a = performance.now(); await load(); repeat.push(performance.now() - a); }
    console.log(JSON.stringify({ import_ms: t1 - t0, first_ms: t2 - t1, repeat_ms: repeat }));`;
  const samples = [];
  for (let k = 0; k < (config.quick ? 3 : 5); k++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
      note(`Node start-up: a process failed (exit ${r.status ?? r.signal}): ${r.stderr.trim().split('\n').pop()}`);
      break;
    }
    samples.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  if (samples.length) nodeStartup = summarizeInstantiation(samples);
}

// ---- calls and start-up: Chromium ----------------------------------------------------
let chromium;
if (config.chromium) {
  log('wasm in Chromium (bench/chromium.mjs) ...');
  try {
    chromium = await runChromium({
      root: ROOT, inputs: allInputs, config: proto, options: CALL_OPTIONS,
      instances: config.quick ? 3 : 5, repeats: 5, log,
    });
    if (!chromium.isolated) note('Chromium: the page was not cross-origin isolated (coarse 100 µs timer)');
  } catch (error) {
    note(`Chromium leg failed: ${error.message.split('\n')[0]}`);
  }
}
const chromiumCall = (label) => chromium?.results.find((c) => c.label === label);

// ---- page: navigation -> first summary -----------------------------------------------
let page;
if (config.page) {
  log('page: navigation → first summary (bench/page-first-summary.mjs) ...');
  try {
    const { measureFirstSummary, siteMatchesDist } = await import('./page-first-summary.mjs');
    if (siteMatchesDist() === false) {
      note('build/site/precis/dist/precis-core.wasm differs from wasm/dist (site assembled before the last wasm build: node scripts/assemble-site.mjs)');
    }
    page = await measureFirstSummary({ runs: config.quick ? 2 : 5 });
  } catch (error) {
    note(`page figure skipped: ${error.message.split('\n')[0]}`);
  }
}

// ---- calls and start-up: report ------------------------------------------------------
{
  const rows = allInputs.map((input) => {
    const n = stageSummarize(input.label)?.real_ms;
    const w = nodeCall(input.label);
    const c = chromiumCall(input.label);
    const ratio = (x) => (x && n ? fmtX(x.median_ms / n) : '–');
    return [sizeLabel(input), fmtMs(n), fmtMs(w?.median_ms), fmtMs(c?.median_ms), ratio(w), ratio(c),
      peakOf(input.label) ? fmtMB(peakOf(input.label) * 1024) : '–', fmtMB(w?.wasm_memory_bytes), fmtMB(c?.wasm_memory_bytes)];
  });
  print('## Précis: native, wasm in Node, wasm in Chromium\n');
  print('- one call: summarize(text, { sentences: 3 }), language detected; native = `precis::summarize` in precis_stages (the table above)');
  print(`- wasm: ${config.warmTime} s of warm-up calls, then median of ≥ ${config.minRuns} calls and ≥ ${config.minTime} s (cap ${config.maxTime} s); a fresh instance per input; JSON round trip included`);
  print(chromium
    ? `- Chromium: ${chromium.browser}, headless, page served from 127.0.0.1, ${chromium.isolated ? 'cross-origin isolated (5 µs timer)' : 'not cross-origin isolated (100 µs timer)'}`
    : '- Chromium: not run');
  print('- native peak = max RSS of one `precis summarize FILE` process (reads the input, summarizes once)' +
    (peak.floor_kb ? `; the process floor (\`precis --version\`) is ${fmtMB(peak.floor_kb * 1024)}` : ''));
  print('- wasm memory = the WebAssembly.Memory size after the calls (linear memory never shrinks: its peak; JS heap not included; ' +
    'measureUserAgentSpecificMemory() is not used: it reports current, not peak, memory); MB = 2^20 bytes\n');
  print(table(['input', 'native', 'wasm Node', 'wasm Chromium', 'Node / native', 'Chromium / native', 'native peak RSS', 'wasm memory (Node)', 'wasm memory (Chromium)'], rows));
  print('');
  const firstSeedCall = (c) => (c ? fmtMs(c.first_call_ms) : '–');
  const inst = (s, key) => (s ? fmtMs(s[key]) : '–');
  const range = (s) => (s ? `${fmtMs(s.first_ms)} (${fmtMs(s.first_min_ms)}–${fmtMs(s.first_max_ms)})` : '–');
  const cs = chromium?.instantiate;
  const pageCell = (visit) => {
    if (!page) return '–';
    const ready = page[visit].map((x) => x.ready);
    return `${fmtMs(median(ready))} (${fmtMs(Math.min(...ready))}–${fmtMs(Math.max(...ready))})`;
  };
  print('### Start-up\n');
  print(`- Node: ${nodeStartup ? `${nodeStartup.samples} fresh processes` : 'not run'}; Chromium: ` +
    `${cs ? `${cs.samples} fresh pages (no HTTP cache: every load() fetches and compiles the .wasm)` : 'not run'}`);
  print('- first load() = fetch or read the .wasm, compile, instantiate, the core\'s start-up; median (min–max) over the processes/pages');
  print(page
    ? `- page: ${page.site}/ served by scripts/serve.mjs, the seed put in the textarea before app.js runs; navigation start → summary on screen (body[data-status="ready"]); cold = fresh context, warm = reload with the service worker in control; median (min–max) of ${page.runs} runs\n`
    : '- page: not run\n');
  print(table(['', 'Node', 'Chromium'], [
    ['import precis.mjs', inst(nodeStartup, 'import_ms'), inst(cs, 'import_ms')],
    ['first load()', range(nodeStartup), range(cs)],
    ['load() again, same process/page (median)', inst(nodeStartup, 'repeat_ms'), inst(cs, 'repeat_ms')],
    ['first summarize() of the seed after load()', firstSeedCall(nodeCall('seed')), firstSeedCall(chromiumCall('seed'))],
    ['page: navigation → first summary of the seed, cold', '', pageCell('cold')],
    ['page: navigation → first summary of the seed, warm', '', pageCell('warm')],
  ]));
  print('');
  // Both wasm legs run the same module: their answers must be the same.
  for (const input of allInputs) {
    const w = nodeCall(input.label);
    const c = chromiumCall(input.label);
    const n = stageSummarize(input.label);
    if (w && c && (w.sentences !== c.sentences || JSON.stringify(w.summary) !== JSON.stringify(c.summary))) {
      note(`${input.label}: Node and Chromium summaries differ (${w.sentences} vs ${c.sentences} sentences)`);
    }
    if (w && n && w.sentences !== n.sentences) note(`${input.label}: sentence counts differ: native ${n.sentences}, wasm ${w.sentences}`);
  }
}

// ---- size ----------------------------------------------------------------------------
// The runtime files of the npm package ("files" in package.json, .mjs and .wasm: the
// .d.ts are types only), raw and gzip -9, each and in total; "import 'precis'" is what
// the main entry loads (precis.mjs + dist/precis-core.mjs + dist/precis-core.wasm).
const size = { files: [] };
{
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const shipped = (pkg.files ?? []).filter((f) => /\.(mjs|js|wasm)$/.test(f));
  for (const f of shipped) {
    const path = join(ROOT, f);
    if (!existsSync(path)) {
      note(`size: ${f} (package.json "files") is missing`);
      continue;
    }
    const bytes = readFileSync(path);
    size.files.push({ file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  const total = (files) => files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const main = ['wasm/precis.mjs', 'wasm/dist/precis-core.mjs', 'wasm/dist/precis-core.wasm'];
  size.main = total(size.files.filter((f) => main.includes(f.file)));
  size.all = total(size.files);
  print('## Shipped module size\n');
  print('- the .mjs and .wasm of package.json "files"; gzip -9 with node:zlib; KB = 1000 bytes\n');
  print(table(['file', 'raw', 'gzip -9'], [
    ...size.files.map((f) => [f.file, `${f.raw.toLocaleString('en-US')} B`, `${f.gzip.toLocaleString('en-US')} B`]),
    ['**import \'precis\'** (precis.mjs + dist/*)', `**${fmtKB(size.main.raw)}**`, `**${fmtKB(size.main.gzip)}**`],
    ['all of the above', fmtKB(size.all.raw), fmtKB(size.all.gzip)],
  ]));
  print('');
}

// ---- batch throughput (native) --------------------------------------------------------
// Every line of $PRECIS_SHARED/eval/summ/bbc*.dev.jsonl as {"id","text"} (language
// detected, 3 sentences) on stdin of `precis batch`, the output read back through a pipe;
// wall time of the whole process (start-up included), median of 3 runs; MB/s = UTF-8
// bytes of the "text" fields / 10^6 / seconds.
let batch;
if (!existsSync(CLI)) {
  note(`batch skipped: ${relative(ROOT, CLI)} is missing`);
} else {
  const dir = join(SHARED, 'eval', 'summ');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^bbc.*\.dev\.jsonl$/.test(f)).sort() : [];
  if (!files.length) {
    note(`batch skipped: no ${dir}/bbc*.dev.jsonl`);
  } else {
    log(`native batch (precis batch) on ${files.join(', ')} ...`);
    const lines = [];
    let textBytes = 0;
    for (const f of files) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const { id, text } = JSON.parse(line);
        lines.push(JSON.stringify({ id, text }));
        textBytes += Buffer.byteLength(text, 'utf8');
      }
    }
    const stdin = Buffer.from(lines.join('\n') + '\n', 'utf8');
    const timed = existsSync(TIME);
    const runs = [];
    for (let k = 0; k < 3; k++) {
      const t0 = nowMs();
      const r = spawnSync(timed ? TIME : CLI, timed ? ['-f', 'peak_rss_kb=%M', CLI, 'batch'] : ['batch'], {
        input: stdin, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'],
      });
      const ms = nowMs() - t0;
      const out = r.stdout.toString('utf8').split('\n').filter(Boolean);
      const errors = out.filter((l) => JSON.parse(l).error).length;
      const rss = /peak_rss_kb=(\d+)/.exec(r.stderr.toString('utf8'));
      runs.push({ ms, status: r.status, lines: out.length, errors, max_rss_kb: rss ? Number(rss[1]) : undefined });
    }
    const ms = median(runs.map((r) => r.ms));
    batch = {
      files, articles: lines.length, text_bytes: textBytes, input_bytes: stdin.length, runs,
      median_ms: ms, mb_per_s: textBytes / ms / 1e3, max_rss_kb: median(runs.map((r) => r.max_rss_kb ?? 0)) || undefined,
    };
    if (runs.some((r) => r.lines !== lines.length || r.errors)) {
      note(`batch: ${runs.map((r) => `${r.lines} lines out, ${r.errors} errors, exit ${r.status}`).join('; ')} for ${lines.length} articles`);
    }
    print('## Native batch throughput\n');
    print(`- \`precis batch\` on every line of ${files.join(', ')} as {"id","text"} (language detected, 3 sentences); wall time of the process including start-up and the JSON in and out; median of 3 runs; MB = 10^6 bytes of article text\n`);
    print(table(['input', 'articles', 'article text', 'median time', 'MB/s', 'peak RSS'], [[
      files.join(', '), String(lines.length), `${(textBytes / 1e6).toFixed(2)} MB`, fmtMs(ms), batch.mb_per_s.toFixed(1),
      batch.max_rss_kb ? fmtMB(batch.max_rss_kb * 1024) : '–',
    ]]));
    print('');
  }
}

// ---- html: a web page's HTML → result ------------------------------------------------
// What the core does with input "html": parse the page, find its article, summarize it
// (3 sentences, language detected). Inputs (bench/corpus.mjs, build/bench/html-*.html):
// the median-size dev page of $PRECIS_SHARED/eval/html/trafilatura_eval.dev.jsonl.gz, the
// dev pages' <body> contents joined in file order into one page of ≤ 1 MiB (cut before a
// tag), and the largest dev page. Native: `precis_bench --input html --lang auto
// --no-split FILE`, one process per page (a failing page costs only its row); its figure
// is the median of warm calls (one untimed warm-up call first), the process's start-up
// not included. Wasm: summarize(html, { input: 'html', sentences: 3 }) on a fresh
// load() per page in this process, the calls protocol. Both: ≥ 5 timed calls, also with
// --quick (which shortens the minimum time and the warm-up).
let html;
if (!config.html) {
  log('html leg skipped (--no-html)');
} else {
  const t0 = nowMs();
  let prepared;
  try {
    prepared = prepareHtmlInputs(OUT_DIR);
  } catch (error) {
    note(`html leg skipped: ${error.message}`);
  }
  if (prepared) {
    const htmlProto = { ...proto, minRuns: Math.max(5, proto.minRuns) };
    log(`html: ${prepared.inputs.map((i) => `${i.label} (${i.bytes.toLocaleString('en-US')} B)`).join(', ')} from ${prepared.pages} pages of ${join(SHARED, HTML_PAGES)} ...`);
    const rows = [];
    for (const input of prepared.inputs) {
      const row = { label: input.label, file: relative(ROOT, input.path), bytes: input.bytes, source: input.source };
      // native: warm calls in precis_bench
      const args = ['--input', 'html', '--lang', 'auto', '--no-split', '--min-time', String(htmlProto.minTime),
        '--min-runs', String(htmlProto.minRuns), '--max-time', String(htmlProto.maxTime), input.path];
      const r = spawnSync(NATIVE, args, {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: (htmlProto.maxTime * 4 + 60) * 1e3,
      });
      const line = (r.stdout || '').split('\n').find((l) => l.startsWith('{'));
      if (r.status === 0 && line) {
        const m = JSON.parse(line);
        row.native = { runs: m.runs, median_ms: m.median_ms, min_ms: m.min_ms, sentences: m.sentences, selected: m.selected, warnings: m.warnings };
      } else {
        const why = /unknown option --input/.test(r.stderr || '')
          ? `${relative(ROOT, NATIVE)} has no --input option (npm run build)`
          : `exit ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n').pop()}`;
        note(`html ${input.label}: native failed (${why})`);
      }
      // wasm in Node: a fresh instance per page
      try {
        const instance = await load();
        const memory = globalThis.__precisBenchMemory;
        const m = timeCalls(() => instance.summarize(input.text, HTML_OPTIONS), htmlProto);
        row.wasm_node = {
          runs: m.runs, warm_up_calls: m.warm_up_calls, first_call_ms: m.first_call_ms, median_ms: m.median_ms, min_ms: m.min_ms,
          sentences: m.first.sentences.length, selected: m.first.summary.length, language: m.first.language,
          warnings: (m.first.warnings ?? []).map((w) => w.code), wasm_memory_bytes: memory?.buffer.byteLength,
        };
      } catch (error) {
        note(`html ${input.label}: wasm (Node) failed: ${error.code ? `${error.code}: ` : ''}${error.message.split('\n')[0]}`);
      }
      const { native: n, wasm_node: w } = row;
      if (n && w && (n.sentences !== w.sentences || n.selected !== w.selected)) {
        note(`html ${input.label}: native ${n.sentences} sentences (${n.selected} chosen), wasm ${w.sentences} (${w.selected} chosen)`);
      }
      for (const [leg, x] of [['native', n], ['wasm', w]]) {
        if (x && x.runs < 5) note(`html ${input.label}: ${leg} only ${x.runs} timed calls (the time cap was reached)`);
      }
      rows.push(row);
    }
    html = {
      source: relative(ROOT, join(SHARED, HTML_PAGES)), pages: prepared.pages, options: HTML_OPTIONS,
      native_command: `precis_bench --input html --lang auto --no-split`, protocol: htmlProto, inputs: rows,
    };
    // the target needs a page of about 1 MB: too few pages to fill it leave it unmeasured
    const full = rows.find((r) => r.label === '1 MB page');
    if (full && full.bytes < 0.9 * MIB) note(`html 1 MB page: the pages fill only ${full.bytes.toLocaleString('en-US')} B; no target figure`);
    const one = full && full.bytes >= 0.9 * MIB ? full.native?.median_ms : undefined;
    html.target_ms = one ?? null;
    const verdictOf = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
    const ms = (x) => (x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
    const summaryCell = (x) => (x ? `${x.selected} of ${x.sentences}${x.warnings?.length ? ` (${x.warnings.join(', ')})` : ''}` : '–');
    print('## Web page HTML → result\n');
    print(`- summarize(html, { input: "html", sentences: 3 }), language detected: the article found on the page, then its summary; ${prepared.pages} dev pages of ${html.source} (trafilatura's evaluation pages)`);
    print(`- page = the median-size dev page (${rows[0]?.source}); 1 MB page = the pages' <body> contents joined in file order, cut before a tag at ≤ 1 MiB; largest page = the largest dev page (${rows[2]?.source}); files in ${relative(ROOT, OUT_DIR)}/html-*.html`);
    print(`- native: \`precis_bench --input html --lang auto --no-split\`, one warm-up call, then median of ≥ ${htmlProto.minRuns} calls and ≥ ${htmlProto.minTime} s (cap ${htmlProto.maxTime} s), no process start-up; wasm Node: ${htmlProto.warmTime} s of warm-up, the same median, a fresh load() per page, JSON round trip included`);
    print('- summary = sentences chosen of the sentences found (and the core\'s warnings, e.g. no_article)\n');
    print(table(['input', 'bytes', 'native ms', 'wasm Node ms', 'wasm / native', 'summary (native)'], rows.map((r) => [
      r.label, r.bytes.toLocaleString('en-US'), ms(r.native?.median_ms), ms(r.wasm_node?.median_ms),
      r.native && r.wasm_node ? fmtX(r.wasm_node.median_ms / r.native.median_ms) : '–', summaryCell(r.native ?? r.wasm_node),
    ])));
    print('');
    print(`- target: 1 MB page HTML → result ≤ 30 ms native: ${verdictOf(one === undefined ? undefined : one <= 30)}${one === undefined ? '' : ` (${fmtMs(one)})`}\n`);
    html.elapsed_s = (nowMs() - t0) / 1e3;
    log(`html leg took ${html.elapsed_s.toFixed(1)} s`);
  }
}

// ---- peers ---------------------------------------------------------------------------
let peers;
const peerInputs = allInputs.map(({ label, path, bytes }) => ({ label, path, bytes }));
if (config.peers.length) {
  log(`peers (${config.peers.join(', ')}) ...`);
  peers = runPeers({ root: ROOT, outDir: OUT_DIR, inputs: peerInputs, config: { ...config } });
  print(peersMarkdown(peers, peerInputs, { withGrowth: false }));
  writeJson('peers.json', {
    date: new Date().toISOString(), machine,
    config: { minTime: config.minTime, minRuns: config.minRuns, maxTime: config.maxTime, sentences: 3, capSeconds: 60 },
    inputs: peerInputs.map(({ label, path, bytes }) => ({ label, file: relative(ROOT, path), bytes })),
    results: peers.results,
    notes: peers.notes,
  });
}

// ---- growth --------------------------------------------------------------------------
const sized = inputs.filter((i) => /^(100 ?KB|1 ?MB|10 ?MB)$/i.test(i.label));
const steps = sized.slice(1).map((b, k) => [sized[k], b]);
const growthRows = []; // { label, factors: [number|undefined], cells: [string] }
{
  const ratioCells = (timeOf) => steps.map(([a, b]) => {
    const x = timeOf(a);
    const y = timeOf(b);
    return x && y ? y / x : undefined;
  });
  const add = (label, timeOf) => {
    const factors = ratioCells(timeOf);
    growthRows.push({ label, factors, cells: factors.map((f) => fmtX(f)) });
  };
  add('Précis native (precis_stages summarize, language detected)', (i) => stageSummarize(i.label)?.real_ms);
  add('Précis native (precis_bench summarize, lang en)', (i) => native.get(`summarize ${i.path}`)?.median_ms);
  add('Précis wasm, Node (language detected)', (i) => nodeCall(i.label)?.median_ms);
  add('Précis wasm, Chromium (language detected)', (i) => chromiumCall(i.label)?.median_ms);
  for (const tool of peers?.tools ?? []) {
    const get = (input) => peers.results.find((r) => r.tool === tool && r.input === input.label);
    growthRows.push({
      label: `${LABELS[tool] ?? tool} [peers leg${tool.startsWith('precis') ? ', lang en' : ''}]`,
      factors: steps.map(([a, b]) => {
        const x = get(a);
        const y = get(b);
        return x?.median_ms && y?.median_ms && !x.capped && !y.capped ? y.median_ms / x.median_ms : undefined;
      }),
      cells: steps.map(([a, b]) => peerGrowth(get(a), get(b))),
    });
  }
}

// ---- targets -------------------------------------------------------------------------
const targets = [];
{
  const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  const add = (target, measured, ok) => targets.push({ target, measured, met: ok, verdict: verdict(ok) });
  for (const [leg, call] of [['Node', nodeCall], ['Chromium', chromiumCall]]) {
    const c = call('seed');
    add(`seed ≤ 0.5 ms per summarize call, wasm (${leg})`, c ? fmtMs(c.median_ms) : '–', c ? c.median_ms <= 0.5 : undefined);
  }
  const n1 = stageSummarize('1 MB')?.real_ms;
  add('1 MB ≤ 50 ms, native', n1 ? fmtMs(n1) : '–', n1 ? n1 <= 50 : undefined);
  for (const [leg, call] of [['Node', nodeCall], ['Chromium', chromiumCall]]) {
    const c = call('1 MB');
    add(`1 MB ≤ 100 ms, wasm (${leg})`, c ? fmtMs(c.median_ms) : '–', c ? c.median_ms <= 100 : undefined);
  }
  const h1 = html?.target_ms ?? undefined;
  add('1 MB page HTML → result ≤ 30 ms, native (precis_bench --input html)', h1 === undefined ? '–' : fmtMs(h1), h1 === undefined ? undefined : h1 <= 30);
  const p1 = peakOf('1 MB');
  add('peak memory ≤ 30 MB native at 1 MB (max RSS of `precis summarize`)', p1 ? fmtMB(p1 * 1024) : '–', p1 ? p1 * 1024 <= 30 * 2 ** 20 : undefined);
  for (const row of growthRows.slice(0, 4)) {
    if (row.label.includes('precis_bench')) continue; // shown in the growth table; the target is on the default call
    const measured = steps.map(([a, b], k) => `${a.label} → ${b.label}: ${row.factors[k] === undefined ? '–' : `×${row.cells[k]}`}`).join(', ');
    const all = row.factors.length === 2 && row.factors.every((f) => f !== undefined);
    add(`growth ≤ ×11 per 10× of input up to 10 MB, ${row.label.replace(/ \(.*\)$/, '').replace('Précis ', '')}`,
      measured || '–', all ? row.factors.every((f) => f <= 11) : row.factors.some((f) => f > 11) ? false : undefined);
  }
  add(`batch throughput ≥ 20 MB/s native (${batch ? batch.files.join(', ') : 'bbc*.dev.jsonl'})`,
    batch ? `${batch.mb_per_s.toFixed(1)} MB/s` : '–', batch ? batch.mb_per_s >= 20 : undefined);
  add('shipped module ≤ 200 KB gzip (import \'precis\': precis.mjs + dist/*)',
    size.main.gzip ? `${fmtKB(size.main.gzip)} (all .mjs + .wasm: ${fmtKB(size.all.gzip)})` : '–', size.main.gzip ? size.main.gzip <= 200_000 : undefined);
  for (const [leg, call] of [['Node', nodeCall], ['Chromium', chromiumCall]]) {
    const ratios = allInputs.map((i) => {
      const n = stageSummarize(i.label)?.real_ms;
      const w = call(i.label)?.median_ms;
      return n && w ? { label: i.label, x: w / n } : undefined;
    }).filter(Boolean);
    add(`wasm within 2× of native on the same input (${leg})`, ratios.map((r) => `${r.label} ×${fmtX(r.x)}`).join(', ') || '–',
      ratios.length ? ratios.every((r) => r.x <= 2) : undefined);
  }
}

// ---- summary -------------------------------------------------------------------------
print('## Growth of the call time with input size\n');
print('- each step is ×10 bytes: ≈ 10 for linear time, ≈ 100 for quadratic; "> x" = the larger input hit the peers\' 60 s cap\n');
print(steps.length
  ? table(['tool', ...steps.map(([a, b]) => `${a.label} → ${b.label}`)], growthRows.map((r) => [r.label, ...r.cells]))
  : '(needs at least two of the 100 KB, 1 MB and 10 MB inputs)');
print('');
print('## Targets\n');
print(`- ${startedAt.toISOString()}, ${machine.cpu ?? 'unknown CPU'} × ${machine.cpus}, Node ${machine.node}${chromium ? `, ${chromium.browser}` : ''}; load average at start ${machine.loadavg.join(' ')}` +
  (config.quick ? '; --quick: fewer runs, noisier' : ''));
print('- native = precis_stages summarize (Google Benchmark), wasm = summarize(text, { sentences: 3 }) with the JSON round trip; "not measured" = leg skipped or input not run\n');
print(table(['target', 'measured', 'result'], targets.map((t) => [t.target, t.measured, t.verdict]), { left: true }));
print('');
for (const n of notes) print(`- note: ${n}`);
if (notes.length) print('');

writeJson('summary.json', {
  date: startedAt.toISOString(), finished: new Date().toISOString(), machine,
  config: { ...proto, quick: config.quick, callOptions: CALL_OPTIONS, sizes: config.sizes.map((s) => s.label), html: config.html },
  inputs: allInputs.map((i) => ({ label: i.label, file: relative(ROOT, i.path), bytes: i.bytes })),
  native: {
    summarize: allInputs.map((i) => ({ label: i.label, ...(stageSummarize(i.label) ?? {}) })),
    peak_memory: peak,
  },
  wasm_node: { calls: nodeCalls, startup: nodeStartup && { ...nodeStartup } },
  wasm_chromium: chromium ?? null,
  page: page ?? null,
  size,
  batch: batch ?? null,
  html: html ?? null,
  growth: growthRows.map((r) => ({ tool: r.label, steps: steps.map(([a, b]) => `${a.label} → ${b.label}`), factors: r.factors })),
  targets: targets.map(({ target, measured, met }) => ({ target, measured, met: met ?? null })),
  notes,
});
