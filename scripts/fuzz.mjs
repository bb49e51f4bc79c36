// Builds the libFuzzer targets (preset `native-asan`: clang, ASan + UBSan), their seed
// corpora, and runs each target for a given time (docs/FUZZING.md).
//
//   npm run fuzz -- [SECONDS] [TARGET...] [--jobs N] [--max-len BYTES] [--smoke] [--minimize]
//
// SECONDS per target (default 600); TARGET among decode, html, segment, summarize,
// batch_line (default all). --jobs 2 runs two targets at once (never more: two cores);
// a target named twice runs as two instances sharing its corpus (`summarize summarize
// --jobs 2`: twice the executions per second for a slow target), the second logging to
// <target>.2.log.
// --smoke: the short run of `npm test` (12 s per target unless SECONDS is given).
//
// Corpora: the seeds, build/fuzz/seeds/<target>/, written afresh each run from seeds/,
// tests/data/articles/ and the string literals of the project's tests (C++ and JS); the
// finds, build/fuzz/corpus/<target>/, kept between runs (libFuzzer adds to it; --minimize
// first merges it down to the inputs that add coverage). A smoke run starts from the seeds
// alone. Inputs under tests/fuzz/regressions/<target>/ are run first, every time.
// Crash, timeout (10 s), leak and out-of-memory artifacts: build/fuzz/artifacts/<target>/.
// Logs: build/fuzz/logs/<target>.log. Exit status 1 if any target failed. A target's
// run can be stopped early with SIGINT to its fuzz_<target> process: its figures are
// still reported, "(stopped early)".
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUILD = join(ROOT, 'build', 'fuzz');  // corpora, artifacts, logs
const BIN = join(ROOT, 'build', 'native-asan');  // the targets, beside the sanitized GoogleTest
const TARGETS = ['decode', 'html', 'segment', 'summarize', 'batch_line'];
let MAX_LEN = 64 * 1024;  // --max-len N: smaller inputs, more executions per second
// Which dictionaries (tests/fuzz/*.dict) each target mutates with.
const DICTS = { html: ['html'], summarize: ['html', 'json'], batch_line: ['json'] };

// ---- arguments ---------------------------------------------------------------------
let seconds = null;
let jobs = 1;
let smoke = false;
let minimize = false;
const targets = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  const a = argv[i];
  if (a === '--smoke') smoke = true;
  else if (a === '--minimize') minimize = true;
  else if (a === '--jobs' || a === '-j') jobs = Number(argv[++i]);
  else if (a === '--max-len') MAX_LEN = Number(argv[++i]);
  else if (/^\d+$/.test(a)) seconds = Number(a);
  else if (TARGETS.includes(a)) targets.push(a);
  else {
    console.error(`fuzz: unknown argument '${a}' (targets: ${TARGETS.join(', ')})`);
    process.exit(2);
  }
}
if (!(Number.isInteger(MAX_LEN) && MAX_LEN >= 16)) {
  console.error('fuzz: --max-len is a number of bytes, 16 or more');
  process.exit(2);
}
if (!(jobs >= 1 && jobs <= 2)) {
  console.error('fuzz: --jobs is 1 or 2 (the machine has two cores)');
  process.exit(2);
}
seconds ??= smoke ? 12 : 600;
if (targets.length === 0) targets.push(...TARGETS);

// ---- build -------------------------------------------------------------------------
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    console.error(`fuzz: ${cmd} ${args.join(' ')} failed`);
    process.exit(1);
  }
}
// A build folder configured otherwise (an older gcc native-asan) is configured afresh.
const cache = join(BIN, 'CMakeCache.txt');
if (!existsSync(cache) || !/^PRECIS_FUZZ:BOOL=ON$/m.test(readFileSync(cache, 'utf8'))) {
  rmSync(BIN, { recursive: true, force: true });
  run('cmake', ['--preset', 'native-asan']);
}
run('cmake', ['--build', '--preset', 'native-asan', '--target', ...TARGETS.map((t) => `fuzz_${t}`)]);

// ---- seed corpora ------------------------------------------------------------------
// The string literals of a C++ or JavaScript test file, decoded (escapes, adjacent C++
// literals joined, C++ raw strings): the small, pointed inputs the tests were written
// with (invalid UTF-8, broken markup, abbreviations, bad option JSON ...). A scanner,
// not a parser: comments are skipped so that their apostrophes open no literal.
function literals(source, cpp) {
  const out = [];
  let pending = null;  // C++: a literal that an adjacent one may continue
  const flush = () => {
    if (pending !== null) out.push(pending);
    pending = null;
  };
  const add = (bytes) => {
    if (cpp && pending !== null) pending = Buffer.concat([pending, bytes]);
    else {
      flush();
      pending = bytes;
    }
  };
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') ++i;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (cpp && c === 'R' && source[i + 1] === '"' && !/\w/.test(source[i - 1] ?? ' ')) {
      const open = source.indexOf('(', i + 2);
      const delim = source.slice(i + 2, open);
      const close = source.indexOf(`)${delim}"`, open + 1);
      if (open < 0 || close < 0) break;
      add(Buffer.from(source.slice(open + 1, close), 'utf8'));
      i = close + delim.length + 2;
    } else if (c === '"' || (!cpp && (c === "'" || c === '`'))) {
      const [bytes, end] = unescape(source, i + 1, c, cpp);
      if (!(c === '`' && bytes === null)) add(bytes ?? Buffer.alloc(0));
      i = end;
    } else if (cpp && c === "'") {
      // A char literal, or a digit separator (1'000) which has a digit before it.
      if (/[0-9a-fA-F]/.test(source[i - 1] ?? '')) ++i;
      else i = unescape(source, i + 1, "'", true)[1];
    } else {
      // C++: only white space may stand between two halves of one literal.
      if (cpp && pending !== null && !/\s/.test(c)) flush();
      ++i;
    }
  }
  flush();
  return out;
}

// Decodes a literal's body from `start` up to the closing `quote`; returns [Buffer, index
// after the quote]. A JS template with ${...} gives null (its text is not all there).
function unescape(s, start, quote, cpp) {
  const parts = [];
  let text = '';
  const flushText = () => {
    if (text) parts.push(Buffer.from(text, 'utf8'));
    text = '';
  };
  let templated = false;
  let i = start;
  while (i < s.length && s[i] !== quote) {
    if (quote !== '`' && s[i] === '\n') break;  // unterminated: give up at the line end
    if (quote === '`' && s[i] === '$' && s[i + 1] === '{') templated = true;
    if (s[i] !== '\\') {
      text += s[i++];
      continue;
    }
    const e = s[i + 1];
    i += 2;
    const simple = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', b: '\b', a: '\x07', '\\': '\\', '"': '"', "'": "'", '`': '`', '?': '?', '$': '$' };
    if (e in simple) text += simple[e];
    else if (e === 'x') {
      const m = (/^[0-9a-fA-F]+/.exec(s.slice(i, cpp ? i + 8 : i + 2)) ?? [''])[0];
      i += m.length;
      if (!m) text += 'x';
      else if (cpp) {
        flushText();
        parts.push(Buffer.from([parseInt(m, 16) & 0xff]));  // C++ \x: one byte
      } else text += String.fromCharCode(parseInt(m, 16));
    } else if (e === 'u' || e === 'U') {
      let hex;
      if (s[i] === '{') {
        const close = s.indexOf('}', i);
        hex = s.slice(i + 1, close);
        i = close + 1;
      } else {
        hex = s.slice(i, i + (e === 'u' ? 4 : 8));
        i += hex.length;
      }
      const cp = parseInt(hex, 16);
      // A lone surrogate (JS '\uD800') cannot be UTF-8: the encoder writes U+FFFD.
      text += Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    } else if (/[0-7]/.test(e)) {
      const m = /^[0-7]{0,2}/.exec(s.slice(i))[0];
      i += m.length;
      flushText();
      parts.push(Buffer.from([parseInt(e + m, 8) & 0xff]));
    } else if (e === '\n') {
      // a line continuation
    } else text += e;
  }
  flushText();
  return [templated ? null : Buffer.concat(parts), i + 1];
}

function files(dir, filter) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(filter)
    .sort()
    .map((f) => join(dir, f));
}

// The test files whose literals seed each target: those that test its stages or its
// kind of input (all of them would be thousands of stemmer words for every target).
// Names without a folder are tests/core/*; the folder-less tests that a later commit
// adds or removes are simply found or not.
const TEST_SOURCES = {
  decode: ['decode_test.cpp', 'unicode_test.cpp', 'normalize_test.cpp', 'json_writer_test.cpp',
           'bad_input_test.cpp', 'word_break_test.cpp', 'sentence_break_test.cpp'],
  html: ['html_test.cpp', 'cues_test.cpp', 'classify_test.cpp', 'bad_input_test.cpp',
         'wasm/bad_input.test.mjs', 'web/page.test.mjs'],
  segment: ['segment_test.cpp', 'sentence_break_test.cpp', 'blocks_test.cpp', 'classify_test.cpp',
            'api_test.cpp', 'lang_test.cpp', 'bad_input_test.cpp'],
  summarize: ['api_test.cpp', 'algorithms_test.cpp', 'keyphrases_test.cpp', 'json_test.cpp', 'terms_test.cpp',
              'bad_input_test.cpp', 'wasm/api.test.mjs', 'wasm/bad_input.test.mjs', 'wasm/module.test.mjs'],
  batch_line: ['json_test.cpp', 'api_test.cpp', 'bad_input_test.cpp', 'wasm/cli.test.mjs', 'wasm/bad_input.test.mjs'],
};

function testLiterals(target) {
  const pieces = new Map();  // deduplicated
  for (const name of TEST_SOURCES[target]) {
    const file = join(ROOT, 'tests', name.includes('/') ? name : join('core', name));
    if (!existsSync(file)) continue;
    for (const b of literals(readFileSync(file, 'utf8'), file.endsWith('.cpp') || file.endsWith('.hpp'))) {
      if (b.length >= 2 && b.length <= MAX_LEN) pieces.set(b.toString('latin1'), b);
    }
  }
  return [...pieces.values()];
}

// Writes build/fuzz/seeds/<target>/ afresh: the documents (seeds/, tests/data/articles)
// and the test literals, each in the target's input layout (see tests/fuzz/*_fuzz.cpp).
function seedCorpus(target) {
  const texts = [];  // {bytes, html}: whole documents
  for (const f of [...files(join(ROOT, 'seeds'), (f) => f.endsWith('.txt')),
                   ...files(join(ROOT, 'tests', 'data', 'articles'), (f) => /\.(txt|html)$/.test(f))]) {
    texts.push({ bytes: readFileSync(f), html: f.endsWith('.html') });
  }
  const shorts = testLiterals(target);
  const all = [...texts.map((t) => t.bytes), ...shorts];
  const line = (obj) => Buffer.from(JSON.stringify(obj));
  const withMode = (mode, b) => Buffer.concat([Buffer.from([mode]), b]);
  let inputs;
  if (target === 'decode' || target === 'html') {
    inputs = all;
  } else if (target === 'segment') {
    // Byte 0 indexes languages_with_rules() (core/data/segment/*.txt, sorted), then
    // "auto" right after them.
    const ruleLanguages = files(join(ROOT, 'core', 'data', 'segment'), (f) => f.endsWith('.txt')).map((f) => basename(f, '.txt'));
    const langByte = (tag) => (tag === 'auto' ? ruleLanguages.length : ruleLanguages.indexOf(tag));
    inputs = [
      ...all.map((b) => withMode(langByte('auto'), b)),
      ...shorts.map((b) => withMode(langByte('en'), b)),
      ...texts.map((t) => withMode(langByte('de'), t.bytes)),
    ];
  } else if (target === 'summarize') {
    // Header bytes [mode, value, language, algorithm], or mode 0x80 + options JSON + NUL.
    const header = (...bytes) => Buffer.from(bytes);
    inputs = [
      ...texts.flatMap((t) => [
        // the default request, every algorithm, every budget, split, JSON options
        Buffer.concat([header(t.html ? 4 : 0, 3, 0, 0), t.bytes]),
        ...[1, 2, 3, 4, 5, 6, 7].map((alg) => Buffer.concat([header(0x10 | (t.html ? 4 : 0), 2, 1, alg), t.bytes])),
        Buffer.concat([header(0x21, 40, 0, 0), t.bytes]),
        Buffer.concat([header(0x22, 50, 0, 2), t.bytes]),
        Buffer.concat([header(0x03, 200, 0, 3), t.bytes]),
        Buffer.concat([header(0x38 | (t.html ? 4 : 0), 0, 0, 0), t.bytes]),
        Buffer.concat([Buffer.from([0x80]), line({ sentences: 2, input: t.html ? 'html' : 'text' }), Buffer.from([0]), t.bytes]),
      ]),
      ...shorts.flatMap((b) => [
        Buffer.concat([header(0, 3, 0, 0), b]),
        Buffer.concat([Buffer.from([0x80]), b, Buffer.from('\0The council met on Monday. It approved the budget.')]),
      ]),
    ];
  } else {
    // batch_line: byte 0 the command line's flags, then the line.
    const expectations = files(join(ROOT, 'tests', 'data', 'articles'), (f) => f.endsWith('.expect.json'))
      .map((f) => Buffer.from(JSON.stringify(JSON.parse(readFileSync(f, 'utf8')))));
    inputs = [
      ...texts.flatMap((t, k) => [
        withMode(0, line({ id: k, text: t.bytes.toString('utf8'), input: t.html ? 'html' : 'text' })),
        withMode(1, line({ id: `s${k}`, text: t.bytes.toString('utf8').slice(0, 2000) })),
        withMode(2, line({ id: [k, null, 1.5], text: t.bytes.toString('utf8').slice(0, 3000), words: 40, algorithm: 'textrank', lang: 'auto' })),
      ]),
      ...shorts.flatMap((b, k) => [withMode(0, b), withMode(0, line({ id: k, text: b.toString('utf8'), ratio: 0.5 }))]),
      ...expectations.map((b) => withMode(0, b)),
    ];
  }
  const dir = join(BUILD, 'seeds', target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const b of inputs) {
    const input = b.subarray(0, MAX_LEN);
    // Named by content, like libFuzzer's own files: a repeated input is one file.
    writeFileSync(join(dir, createHash('sha1').update(input).digest('hex')), input);
  }
  return dir;
}

// Dictionaries: a target with several gets them concatenated in build/fuzz/dict/.
function dictionary(target) {
  const names = DICTS[target];
  if (!names) return null;
  mkdirSync(join(BUILD, 'dict'), { recursive: true });
  const file = join(BUILD, 'dict', `${target}.dict`);
  writeFileSync(file, names.map((n) => readFileSync(join(ROOT, 'tests', 'fuzz', `${n}.dict`), 'utf8')).join('\n'));
  return file;
}

// ---- runs --------------------------------------------------------------------------
// A report: what libFuzzer printed last (cov/ft of its final status line, its final
// stats), and whether it stopped on a finding.
// A run stopped early on purpose (SIGINT to the fuzz binary, or Ctrl+C): libFuzzer says
// so and still prints its final stats; that is no finding.
const interrupted = (log) => /libFuzzer: run interrupted; exiting/.test(log);

function report(target, log, code, signal) {
  const stat = (name) => Number((new RegExp(`stat::${name}:\\s*(\\d+)`).exec(log) ?? [])[1] ?? NaN);
  const statusLines = [...log.matchAll(/^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)\/(\S+)/gm)];
  const last = statusLines.at(-1);
  const artifacts = [...log.matchAll(/Test unit written to (\S+)/g)].map((m) => m[1]);
  const finding =
    /ERROR: libFuzzer: timeout/.test(log) ? 'timeout' :
    /ERROR: libFuzzer: out-of-memory/.test(log) ? 'out-of-memory' :
    /ERROR: LeakSanitizer/.test(log) ? 'leak' :
    /FUZZ CHECK FAILED/.test(log) ? 'check failed' :
    /runtime error:/.test(log) ? 'undefined behaviour' :
    /ERROR: AddressSanitizer/.test(log) ? 'address error' :
    /ERROR: libFuzzer: deadly signal/.test(log) ? 'crash' :
    interrupted(log) ? null :
    code !== 0 ? `exit ${code ?? signal}` : null;
  return {
    target,
    execs: stat('number_of_executed_units'),
    execPerSec: stat('average_exec_per_sec'),
    newUnits: stat('new_units_added'),
    rss: stat('peak_rss_mb'),
    cov: last ? Number(last[2]) : NaN,
    ft: last ? Number(last[3]) : NaN,
    corpus: last ? Number(last[4]) : NaN,
    finding,
    stoppedEarly: interrupted(log),
    artifacts,
    // What went wrong, and where: the report's headlines and its first stack frames in
    // the project's own sources (not libFuzzer's or the sanitizers' frames).
    excerpt: finding
      ? [
          ...log.split('\n').filter((l) => /ERROR:|runtime error|FUZZ CHECK|SUMMARY:/.test(l)).slice(0, 4),
          ...log.split('\n').filter((l) => /^\s+#\d+ 0x/.test(l) && (l.includes(`${ROOT}core/`) || l.includes(`${ROOT}tests/`))).slice(0, 8),
        ].join('\n')
      : '',
  };
}

const ENV = {
  ...process.env,
  // Symbolized stacks even when only llvm-14's own folder has the symbolizer.
  ...(existsSync('/usr/lib/llvm-14/bin/llvm-symbolizer') && !process.env.ASAN_SYMBOLIZER_PATH
    ? { ASAN_SYMBOLIZER_PATH: '/usr/lib/llvm-14/bin/llvm-symbolizer' } : {}),
  // A UBSan report with its stack, like ASan's.
  UBSAN_OPTIONS: process.env.UBSAN_OPTIONS ?? 'print_stacktrace=1',
};
const COMMON = [
  '-timeout=10',  // an input that takes 10 s is a hang: a failure
  '-rss_limit_mb=2048',
  `-max_len=${MAX_LEN}`,
];

// Runs a fuzz binary; resolves with what it printed (head and tail) and how it ended.
function libfuzzer(target, args, logFile, limitSeconds) {
  return new Promise((resolve) => {
    const log = createWriteStream(logFile);
    let text = '';
    const child = spawn(join(BIN, `fuzz_${target}`), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
    // A safety net over libFuzzer's own clock, which starts after the corpus replay.
    const killer = setTimeout(() => child.kill('SIGKILL'), limitSeconds * 1000);
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        log.write(chunk);
        // Keep the head (startup, first report) and the tail (final stats) in memory.
        text += chunk.toString('latin1');
        if (text.length > 4 << 20) text = text.slice(0, 1 << 20) + '\n...\n' + text.slice(-(2 << 20));
      });
    }
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      log.end();
      resolve({ text, code, signal });
    });
  });
}

// Instances started so far per target, and each target's folders and dictionary, prepared
// once (a second instance must not rewrite the seeds or the dictionary the first is reading).
const instances = new Map();
const prepared = new Map();

async function fuzz(target) {
  const instance = (instances.get(target) ?? 0) + 1;
  instances.set(target, instance);
  if (!prepared.has(target)) prepared.set(target, prepare(target));
  const { artifacts, seedDir, corpus, dict } = await prepared.get(target);
  const args = [
    `-max_total_time=${seconds}`,
    ...COMMON,
    '-print_final_stats=1',
    `-artifact_prefix=${artifacts}/`,
  ];
  if (dict) args.push(`-dict=${dict}`);
  args.push(corpus, seedDir);
  // Regressions: one more corpus folder, read (and so run) every time, never written.
  const regressions = join(ROOT, 'tests', 'fuzz', 'regressions', target);
  if (existsSync(regressions) && readdirSync(regressions).length) args.push(regressions);
  const logFile = join(BUILD, 'logs', `${target}${instance > 1 ? `.${instance}` : ''}.log`);
  const { text, code, signal } = await libfuzzer(target, args, logFile, seconds + 600);
  return { ...report(target, text, code, signal), logFile };
}

async function prepare(target) {
  const artifacts = join(BUILD, 'artifacts', target);
  mkdirSync(artifacts, { recursive: true });
  mkdirSync(join(BUILD, 'logs'), { recursive: true });
  const seedDir = seedCorpus(target);
  // The folder libFuzzer adds its finds to: the kept corpus, or for a smoke run a fresh
  // one, so that `npm test` replays a bounded corpus (the seeds) however long the last
  // full run was.
  const corpus = join(BUILD, smoke ? 'smoke' : 'corpus', target);
  if (smoke) rmSync(corpus, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  if (minimize && !smoke) {
    // Keep only the inputs that add coverage (libFuzzer's merge), so that the replay at
    // the start of each run stays short as the corpus grows.
    const merged = `${corpus}.merged`;
    rmSync(merged, { recursive: true, force: true });
    mkdirSync(merged);
    const m = await libfuzzer(target, ['-merge=1', ...COMMON, merged, corpus, seedDir],
                              join(BUILD, 'logs', `${target}.merge.log`), 3600);
    if (m.code === 0) {
      rmSync(corpus, { recursive: true, force: true });
      renameSync(merged, corpus);
    }
  }
  return { artifacts, seedDir, corpus, dict: dictionary(target) };
}

const fmt = (n) => (Number.isFinite(n) ? n.toLocaleString('en-US') : '?');
function printReport(r) {
  const crashes = r.finding ? 1 : 0;
  console.log(
    `fuzz ${r.target.padEnd(10)} executions ${fmt(r.execs).padStart(12)}  exec/s ${fmt(r.execPerSec).padStart(7)}  ` +
      `cov ${fmt(r.cov).padStart(5)}  ft ${fmt(r.ft).padStart(6)}  corpus ${fmt(r.corpus).padStart(5)}  ` +
      `rss ${fmt(r.rss)} MB  crashes ${crashes}${r.finding ? ` (${r.finding})` : ''}${r.stoppedEarly ? '  (stopped early)' : ''}`,
  );
  if (r.finding) {
    console.log(r.excerpt.replace(/^/gm, '    '));
    for (const a of r.artifacts) console.log(`    reproducer: ${a}\n    replay: ${join(BIN, `fuzz_${r.target}`)} ${a}`);
    console.log(`    log: ${r.logFile}`);
  }
}

console.log(`fuzz: ${targets.join(', ')} for ${seconds} s each${jobs > 1 ? `, ${jobs} at a time` : ''} (ASan + UBSan)`);
const queue = [...targets];
const results = [];
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    while (queue.length) {
      const r = await fuzz(queue.shift());
      printReport(r);
      results.push(r);
    }
  }),
);
const failed = results.filter((r) => r.finding);
const total = results.reduce((s, r) => s + (r.execs || 0), 0);
for (const [target, n] of instances) {
  if (n < 2) continue;
  const sum = results.filter((r) => r.target === target).reduce((s, r) => s + (r.execs || 0), 0);
  console.log(`fuzz ${target}: ${fmt(sum)} executions by its ${n} instances`);
}
console.log(`fuzz: ${fmt(total)} executions in all; ${failed.length ? `FAILED: ${failed.map((r) => r.target).join(', ')}` : 'no crashes, sanitizer reports, leaks or hangs'}`);
process.exit(failed.length ? 1 : 0);
