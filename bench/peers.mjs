// Précis side by side with other extractive summarizers, used by bench/run.mjs (after the
// throughput table) unless --no-peers. See bench/README.md ("Peers").
//
// Every tool runs in its own process, once per input: JavaScript packages (and Précis
// wasm) through bench/peers/run-peer.mjs, OTS through bench/peers/ots_driver.c (compiled
// here when libots-dev is installed), Précis native through build/native/precis_bench
// under /usr/bin/time. Each process is killed after CAP_S seconds, reported as "> 60 s";
// a tool that hits the cap on one input is not run on the larger ones.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CAP_S = 60;
const BUDGET_S = CAP_S - 5; // the drivers stop starting calls after this (load time included)
const SENTENCES = 3;
const JS_PEERS = ['wink-nlp', 'lexrank', 'node-summarizer', 'text-summarization', 'node-summary'];
const PEER_PACKAGES = ['wink-nlp', 'wink-eng-lite-web-model', 'lexrank', 'node-summarizer', 'text-summarization', 'node-summary'];
export const TOOLS = ['precis-wasm', 'precis-native', ...JS_PEERS, 'ots'];

export const LABELS = {
  'precis-wasm': 'Précis (wasm, Node)',
  'precis-native': 'Précis (native)',
  'wink-nlp': 'wink-nlp (sentenceWiseImportance)',
  lexrank: 'lexrank',
  'node-summarizer': 'node-summarizer (frequency)',
  'text-summarization': 'text-summarization',
  'node-summary': 'node-summary (getSortedSentences)',
  ots: 'OTS (libots, C)',
};

const log = (message) => console.error(`bench: ${message}`);

function parseLastJson(stdout) {
  const line = stdout.split('\n').filter((l) => l.trim().startsWith('{')).pop();
  return line ? JSON.parse(line) : undefined;
}

// Installs bench/peers/node_modules from the lock file when a package is missing.
function ensurePeers(root, notes) {
  const dir = join(root, 'bench', 'peers');
  const missing = PEER_PACKAGES.filter((p) => !existsSync(join(dir, 'node_modules', p, 'package.json')));
  if (!missing.length) return true;
  log(`peers: installing ${missing.join(', ')} (npm ci --prefix bench/peers) ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: ['ignore', 2, 'inherit'] });
  if (r.status !== 0) {
    notes.push(`JavaScript peers skipped: \`npm ci --prefix bench/peers\` failed (exit ${r.status ?? r.signal}).`);
    return false;
  }
  return true;
}

// Compiles the OTS driver when libots-1 is known to pkg-config; returns its path or undefined.
function buildOts(root, outDir, notes) {
  const source = join(root, 'bench', 'peers', 'ots_driver.c');
  const binary = join(outDir, 'ots_driver');
  const flags = spawnSync('pkg-config', ['--cflags', '--libs', 'libots-1'], { encoding: 'utf8' });
  if (flags.status !== 0) {
    notes.push('OTS skipped: `pkg-config --cflags --libs libots-1` failed (on Debian: ' +
      '`apt-get install libots-dev libglib2.0-dev`; libots.h includes glib.h).');
    return undefined;
  }
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(source).mtimeMs) return binary;
  const cc = process.env.CC || 'gcc';
  const r = spawnSync(cc, ['-O2', '-o', binary, source, ...flags.stdout.trim().split(/\s+/)], { encoding: 'utf8' });
  if (r.status !== 0) {
    notes.push(`OTS skipped: compiling bench/peers/ots_driver.c failed:\n${r.stderr.trim()}`);
    return undefined;
  }
  return binary;
}

function runOne(tool, input, ctx) {
  const { root, config, ots } = ctx;
  const proto = { minRuns: config.minRuns, minTime: config.minTime, maxTime: config.maxTime };
  let cmd;
  let args;
  if (tool === 'precis-native') {
    // precis_bench times split, then summarize (default options: 3 sentences), lang en.
    const bench = join(root, 'build', 'native', 'precis_bench');
    const protoArgs = ['--min-time', String(proto.minTime), '--min-runs', String(proto.minRuns), '--max-time', String(proto.maxTime)];
    const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    cmd = timeBin ?? bench;
    args = timeBin ? ['-f', 'peak_rss_kb=%M', 'timeout', '-s', 'KILL', String(CAP_S), bench, ...protoArgs, input.path] : [...protoArgs, input.path];
  } else if (tool === 'ots') {
    cmd = ots;
    args = [input.path, String(SENTENCES), String(proto.minRuns), String(proto.minTime), String(proto.maxTime), String(BUDGET_S)];
  } else {
    cmd = process.execPath;
    args = [join(root, 'bench', 'peers', 'run-peer.mjs'), tool, input.path, String(SENTENCES),
      '--min-runs', String(proto.minRuns), '--min-time', String(proto.minTime), '--max-time', String(proto.maxTime),
      '--budget', String(BUDGET_S)];
  }
  const t0 = Date.now();
  const r = spawnSync(cmd, args, {
    encoding: 'utf8', timeout: CAP_S * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wall = (Date.now() - t0) / 1000;
  const timedOut = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL' || (tool === 'precis-native' && r.status === 137);
  if (timedOut) return { tool, input: input.label, bytes: input.bytes, capped: true, wall_s: wall };
  if (r.status !== 0) {
    const err = (r.stderr || String(r.error ?? '')).trim().split('\n').slice(-3).join(' / ');
    return { tool, input: input.label, bytes: input.bytes, error: `exit ${r.status ?? r.signal}: ${err}`, wall_s: wall };
  }
  if (tool === 'precis-native') {
    const m = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((x) => x.op === 'summarize');
    const rss = /peak_rss_kb=(\d+)/.exec(r.stderr);
    return {
      tool, input: input.label, bytes: input.bytes, version: 'build/native/precis_bench', runs: m.runs,
      median_ms: m.median_ms, min_ms: m.min_ms, max_rss_kb: rss ? Number(rss[1]) : undefined, wall_s: wall,
    };
  }
  const m = parseLastJson(r.stdout);
  if (!m) return { tool, input: input.label, bytes: input.bytes, error: 'no result line', wall_s: wall };
  return { ...m, tool, input: input.label, file: relative(root, input.path), wall_s: wall };
}

// inputs: [{ label, path, bytes }] smallest first. Returns { results, notes, tools }.
export function runPeers({ root, outDir, inputs, config }) {
  const notes = [];
  let tools = config.peers ?? TOOLS;
  if (tools.some((t) => JS_PEERS.includes(t)) && !ensurePeers(root, notes)) {
    tools = tools.filter((t) => !JS_PEERS.includes(t));
  }
  let ots;
  if (tools.includes('ots')) {
    ots = buildOts(root, outDir, notes);
    if (!ots) tools = tools.filter((t) => t !== 'ots');
  }
  const results = [];
  for (const tool of tools) {
    let capped = false;
    for (const input of inputs) {
      if (capped) {
        results.push({ tool, input: input.label, bytes: input.bytes, capped: true, skipped: true });
        continue;
      }
      log(`peers: ${tool} on ${input.label} ...`);
      const result = runOne(tool, input, { root, config, ots });
      if (result.error) log(`peers: ${tool} on ${input.label} failed: ${result.error}`);
      capped = !!result.capped;
      results.push(result);
    }
  }
  return { results, notes, tools };
}

// ---- report --------------------------------------------------------------------------
const fmtMs = (r) => {
  if (!r) return '–';
  if (r.error) return 'error';
  if (r.capped) return r.skipped ? `> ${CAP_S} s (not run)` : `> ${CAP_S} s`;
  const ms = r.median_ms;
  const s = ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s`
    : ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
  return r.cold ? `${s} (1 cold run)` : r.runs < 3 ? `${s} (${r.runs} run${r.runs === 1 ? "" : "s"})` : s;
};
const fmtMem = (r) => (r?.max_rss_kb ? `${(r.max_rss_kb / 1024).toFixed(0)} MB` : '–');
const num = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function ratio(r, base) {
  if (!r || !base || base.error || base.capped || r.error) return '–';
  if (r.tool === 'precis-wasm') return '1';
  if (r.capped) return `> ${num((CAP_S * 1000) / base.median_ms)}`;
  return num(r.median_ms / base.median_ms);
}

export function growth(small, large) {
  if (!small || !large || small.error || large.error || small.capped) return '–';
  if (large.capped) return `> ${num((CAP_S * 1000) / small.median_ms)}`;
  return num(large.median_ms / small.median_ms);
}

// withGrowth: false leaves out the growth table (bench/run.mjs prints its own, with the
// Précis legs and the peers together).
export function peersMarkdown({ results, notes, tools }, inputs, { withGrowth = true } = {}) {
  const lines = [];
  const get = (tool, input) => results.find((r) => r.tool === tool && r.input === input.label);
  lines.push('## Précis and other extractive summarizers\n');
  lines.push(`- ${SENTENCES}-sentence summary of the whole input; one process per tool and input; load time not counted`);
  lines.push('- median of ≥ 5 calls after 1 warm-up (fewer when calls are slow); ' +
    `each process is killed after ${CAP_S} s ("> ${CAP_S} s"; larger inputs are then not run)`);
  lines.push('- peak memory = max RSS of the whole process (Node ≈ 40–50 MB of it for the JavaScript tools)');
  lines.push('- "Précis wasm × faster" = tool median / Précis wasm median on the same input\n');
  for (const input of inputs) {
    lines.push(`### ${input.label} (${input.bytes.toLocaleString('en-US')} B)\n`);
    lines.push('| tool | median call | peak memory | Précis wasm × faster |');
    lines.push('|---|---:|---:|---:|');
    const base = get('precis-wasm', input);
    for (const tool of tools) {
      const r = get(tool, input);
      lines.push(`| ${LABELS[tool] ?? tool} | ${fmtMs(r)} | ${fmtMem(r)} | ${ratio(r, base)} |`);
    }
    lines.push('');
  }
  const sized = inputs.filter((i) => /^(100 ?KB|1 ?MB|10 ?MB)$/i.test(i.label.replace(/\s+/g, ' ')));
  if (withGrowth && sized.length >= 2) {
    lines.push('### Growth of the call time with input size (×10 bytes per step; linear ≈ 10, quadratic ≈ 100)\n');
    const steps = sized.slice(1).map((b, k) => [sized[k], b]);
    lines.push(`| tool | ${steps.map(([a, b]) => `${a.label} → ${b.label}`).join(' | ')} |`);
    lines.push(`|---|${steps.map(() => '---:').join('|')}|`);
    for (const tool of tools) {
      lines.push(`| ${LABELS[tool] ?? tool} | ${steps.map(([a, b]) => growth(get(tool, a), get(tool, b))).join(' | ')} |`);
    }
    lines.push('');
  }
  for (const note of notes) lines.push(`- note: ${note}`);
  if (notes.length) lines.push('');
  return lines.join('\n');
}
