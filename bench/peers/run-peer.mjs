// Times one summarizer on one file in this (fresh) Node process and prints one JSON line.
//
//   node bench/peers/run-peer.mjs <peer> <file> <sentences> [--min-runs N] [--min-time S]
//                                 [--max-time S] [--budget S]
//
// Peers: precis-wasm, wink-nlp, lexrank, node-summarizer, text-summarization, node-summary.
// Each is called through the API its README documents for an extractive summary of N
// sentences (see PEERS below). Loading the package (and its model) is not timed; each call
// is: the whole text in, N sentences out.
//
// Protocol (as bench/run.mjs, except that every tool, Précis wasm included, gets a single
// warm-up call where run.mjs warms its own wasm legs up for warmTime seconds): one warm-up
// call, then timed calls until at least --min-runs calls and --min-time seconds of timed
// work, or --max-time seconds; the figure is the median. No call is started that would
// likely end after --budget seconds from the start of the process; when the warm-up call
// alone uses more than half the budget it is the only measurement (runs: 1, cold: true).
// The parent (bench/run.mjs) kills this process after its own hard cap (60 s), which it
// reports as "> 60 s".
//
// Output (stdout, one line): {"peer","version","file","bytes","sentences","runs",
// "median_ms","min_ms","cold","load_ms","max_rss_kb","summary":[first 3 sentences, cut]}.
// max_rss_kb is process.resourceUsage().maxRSS: the peak of the whole process (Node
// itself, the text, the package, its model).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const require = createRequire(join(HERE, 'package.json'));
const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;

// Some packages print; keep stdout for the one result line.
console.log = console.info = console.warn = (...args) => process.stderr.write(args.join(' ') + '\n');

function version(name) {
  return JSON.parse(readFileSync(join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
}

// Each entry: load() returns an async function (text, n) -> array of summary sentences.
const PEERS = {
  // Précis itself, the same way a page or a Node program calls it.
  'precis-wasm': {
    version: () => JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    async load() {
      const { load } = await import(join(ROOT, 'wasm', 'precis.mjs'));
      const precis = await load();
      return (text, n) => {
        const r = precis.summarize(text, { lang: 'en', sentences: n });
        return r.summary.map((i) => r.sentences[i].text);
      };
    },
  },
  // wink-nlp README / showcase: readDoc, then its.sentenceWiseImportance, top N by importance.
  'wink-nlp': {
    version: () => `${version('wink-nlp')} + wink-eng-lite-web-model ${version('wink-eng-lite-web-model')}`,
    async load() {
      const winkNLP = require('wink-nlp');
      const model = require('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      const its = nlp.its;
      return (text, n) => {
        const doc = nlp.readDoc(text);
        const importance = doc.out(its.sentenceWiseImportance);
        const top = importance.slice().sort((a, b) => b.importance - a.importance).slice(0, n)
          .map((e) => e.index).sort((a, b) => a - b);
        const sentences = doc.sentences();
        return top.map((i) => sentences.itemAt(i).out());
      };
    },
  },
  // lexrank README: lexrank.summarize(text, lineCount, callback(err, toplines, text)).
  lexrank: {
    version: () => version('lexrank'),
    async load() {
      const lexrank = require('lexrank');
      return (text, n) => new Promise((resolve, reject) => {
        lexrank.summarize(text, n, (err, toplines) => (err ? reject(err) : resolve(toplines.map((t) => t.text))));
      });
    },
  },
  // node-summarizer README: new SummarizerManager(text, n).getSummaryByFrequency().summary
  // (the frequency method; its TextRank method is not measured).
  'node-summarizer': {
    version: () => version('node-summarizer'),
    async load() {
      const { SummarizerManager } = require('node-summarizer');
      return (text, n) => {
        const result = new SummarizerManager(text, n).getSummaryByFrequency();
        if (result.summary instanceof Error) throw result.summary;
        return [result.summary];
      };
    },
  },
  // text-summarization README: await summarize({ text, numSentences }) -> { extractive }.
  'text-summarization': {
    version: () => version('text-summarization'),
    async load() {
      const summarize = require('text-summarization');
      return async (text, n) => (await summarize({ text, numSentences: n })).extractive;
    },
  },
  // node-summary README: getSortedSentences(content, n, callback(err, sorted_sentences)).
  // Its published lib/summary.js mixes `import` lines with CommonJS (it was meant to run
  // under babel-register, which is not a dependency), so plain require() fails. Its three
  // import lines are rewritten to require() in memory here; the file is otherwise run
  // unchanged.
  'node-summary': {
    version: () => version('node-summary'),
    async load() {
      const file = join(HERE, 'node_modules', 'node-summary', 'lib', 'summary.js');
      const source = readFileSync(file, 'utf8')
        .replace(/^import (\w+) from '([^']+)'/gm, "const $1 = (m => m && m.__esModule ? m.default : m)(require('$2'))");
      const mod = new Module(file, null);
      mod.filename = file;
      mod.paths = Module._nodeModulePaths(dirname(file));
      mod._compile(source, file);
      const summary = mod.exports;
      return (text, n) => new Promise((resolve, reject) => {
        summary.getSortedSentences(text, n, (err, sorted) => (err ? reject(err) : resolve(String(sorted).split('\n'))));
      });
    },
  },
};

// ---- arguments -----------------------------------------------------------------------
const [peer, file, n, ...rest] = process.argv.slice(2);
const config = { minRuns: 5, minTime: 1.0, maxTime: 10.0, budget: 55 };
for (let i = 0; i < rest.length; i += 2) {
  const key = { '--min-runs': 'minRuns', '--min-time': 'minTime', '--max-time': 'maxTime', '--budget': 'budget' }[rest[i]];
  if (!key || rest[i + 1] === undefined) {
    console.error(`run-peer: unknown argument ${rest[i]}`);
    process.exit(2);
  }
  config[key] = Number(rest[i + 1]);
}
if (!PEERS[peer] || !file || !(Number(n) > 0)) {
  console.error(`usage: node bench/peers/run-peer.mjs <${Object.keys(PEERS).join('|')}> <file> <sentences> ` +
    '[--min-runs N] [--min-time S] [--max-time S] [--budget S]');
  process.exit(2);
}
const sentences = Number(n);

// ---- measure -------------------------------------------------------------------------
const text = readFileSync(file, 'utf8');
const t0 = elapsed();
const fn = await PEERS[peer].load();
const loadMs = (elapsed() - t0) * 1e3;

async function timed() {
  const a = process.hrtime.bigint();
  const out = await fn(text, sentences);
  return { seconds: Number(process.hrtime.bigint() - a) / 1e9, out };
}

const warm = await timed();
let seconds = [];
let cold = false;
if (warm.seconds > (config.budget - elapsed()) || warm.seconds > config.budget / 2) {
  seconds = [warm.seconds];
  cold = true;
} else {
  let total = 0;
  while (seconds.length === 0 || ((seconds.length < config.minRuns || total < config.minTime) && total < config.maxTime)) {
    const last = seconds.length ? seconds[seconds.length - 1] : warm.seconds;
    if (seconds.length && elapsed() + last * 1.5 > config.budget) break;
    const { seconds: s } = await timed();
    seconds.push(s);
    total += s;
  }
}
const sorted = [...seconds].sort((a, b) => a - b);
const m = sorted.length;
const median = m % 2 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;

process.stdout.write(JSON.stringify({
  peer,
  version: PEERS[peer].version(),
  file,
  bytes: Buffer.byteLength(text),
  sentences,
  runs: seconds.length,
  median_ms: median * 1e3,
  min_ms: sorted[0] * 1e3,
  cold,
  load_ms: loadMs,
  max_rss_kb: process.resourceUsage().maxRSS,
  summary: (Array.isArray(warm.out) ? warm.out : [String(warm.out)]).slice(0, 3)
    .map((s) => String(s).replace(/\s+/g, ' ').trim().slice(0, 160)),
}) + '\n');
// Some packages keep handles open (e.g. wordpos, request); do not wait for them.
process.exit(0);
