#!/usr/bin/env node
// Same answer everywhere (DESIGN.md): native and wasm give byte-identical JSON for every
// document of every ../shared/eval/summ/*.dev.jsonl file, and for every web page of
// ../shared/eval/html/trafilatura_eval.dev.jsonl.gz (gzip JSON Lines {id, html, ...}),
// summarized as HTML: `input: 'html'` for wasm, `--input html` for `precis summarize`
// and `"input": "html"` on the page's `precis batch` line. The pages go through the same
// option sets and the same three comparisons as the documents (the option set's own
// `input` is overridden: a page is always read as HTML). Without the page file the check
// runs on the documents alone, with a note.
//
//   npm run determinism                      # every document and page with the default
//                                            # options, every 10th document of each file
//                                            # and every 10th page with every option set
//   npm run determinism -- --every 1         # every option set on every document (slow)
//   npm run determinism -- --every 0         # the default options only
//   PRECIS_SHARED=/path/to/shared npm run determinism
//
// Per document and option set, three comparisons:
//   json    `precis summarize - --format json [flags]` (the native CLI) against the wasm
//           core's own JSON text for the same call (Precis#summarizeJSON: the same writer,
//           UTF-8 byte offsets), byte for byte. stats.milliseconds is the one field that
//           legitimately differs between runs: it is set to 0 on both sides first.
//   object  the JS API's result, summarize(text, options) (UTF-16 offsets), against the
//           native JSON parsed with its byte offsets turned into UTF-16 indices; both
//           serialized with JSON.stringify in the core's key order, timing set to 0.
//   batch   `precis batch` (the threaded JSONL path; it carries no offsets, scores or
//           keywords) against the fields of the wasm result it does carry.
// A difference is reported with the document id, the options and the first differing
// field. Exit status 1 if anything differs. Batch is not usable for the `json` check
// itself: its lines hold the summary, not the full result. The wasm core is loaded once
// and the CLI run afresh for each document: a rebuild of either during the run (the core
// edited meanwhile) is reported, as its differences may be those of two builds: run the
// check again then.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { load } from 'precis';
import { CLI, ROOT, SHARED, readJsonl, withoutTiming } from '../tests/wasm/helpers.mjs';

export const EVAL_DIR = join(SHARED, 'eval', 'summ');
export const HTML_FILE = join(SHARED, 'eval', 'html', 'trafilatura_eval.dev.jsonl.gz');

/** Every option set the check covers; the first (the defaults) runs on every document. */
export const OPTION_SETS = [
  {},
  { sentences: 1 },
  { sentences: 5 },
  { ratio: 0.2 },
  { words: 50 },
  { characters: 400 },
  ...['lead', 'textrank', 'lexrank', 'centroid', 'sumbasic', 'luhn', 'klsum'].map((algorithm) => ({ algorithm })),
  { lang: 'ru' }, // the wrong language for most documents: still the same answer
  { input: 'html', sentences: 2 }, // plain text read as HTML (entities, stray '<')
];

/** The dev files: [{file, docs: [{id, text}]}], sorted by name. */
export function devFiles(dir = EVAL_DIR) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.dev.jsonl')).sort();
  if (files.length === 0) throw new Error(`no *.dev.jsonl in ${dir}`);
  // Only the text goes in: each record's "lang" and "title" are left to the core, as
  // for a user (and as tests/wasm/parity.test.mjs does).
  return files.map((file) => ({ file, docs: readJsonl(join(dir, file)).map(({ id, text }) => ({ id, text })) }));
}

/** The web pages of the gzipped JSON Lines dev file, {file, docs: [{id, text, input:
 *  'html'}]} (the page's `html` as the text; its other fields left out), or null when the
 *  file is missing. */
export function htmlPages(path = HTML_FILE) {
  if (!existsSync(path)) return null;
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean);
  const docs = lines.map((l) => {
    const { id, html } = JSON.parse(l);
    return { id, text: html, input: 'html' };
  });
  if (docs.length === 0) throw new Error(`no pages in ${path}`);
  return { file: basename(path), docs };
}

/** The options a document is summarized with: an option set, with `input` set for a
 *  document that says how to read it (a web page: 'html'). */
export function optionsFor(doc, options) {
  return doc.input ? { ...options, input: doc.input } : options;
}

/** `count` documents per file, spread evenly over each file. */
export function sample(files, count) {
  return files.flatMap(({ file, docs }) =>
    Array.from({ length: Math.min(count, docs.length) }, (_, i) => ({ file, ...docs[Math.floor((i * docs.length) / count)] })),
  );
}

/** CLI flags for an options object: {sentences: 3} -> ['--sentences', '3']. */
export function flagsFor(options) {
  return Object.entries(options).flatMap(([k, v]) => [`--${k}`, String(v)]);
}

/** Runs the native CLI without blocking, so that several run at once. */
export async function runNative(args, input) {
  // A rebuild replaces the binary now and then (EACCES/ETXTBSY while it is written,
  // ENOENT in between): wait for it, up to two minutes, rather than fail the run.
  for (let waited = 0; ; waited += 2) {
    try {
      return await runNativeOnce(args, input);
    } catch (e) {
      if (!['ENOENT', 'EACCES', 'ETXTBSY'].includes(e.code) || waited >= 120) throw e;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

function runNativeOnce(args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(CLI, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    // EPIPE: the CLI exited before reading all of its input; its status tells why.
    child.stdin.on('error', (e) => (e.code === 'EPIPE' ? undefined : reject(e)));
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(input);
  });
}

/** For each UTF-8 byte offset of `text` that starts a character (and its end), the
 *  UTF-16 index of that character: the conversion the wasm adapter makes for JS. */
export function byteToUtf16(text) {
  const map = new Map();
  let bytes = 0;
  let units = 0;
  for (const ch of text) {
    map.set(bytes, units);
    const cp = ch.codePointAt(0);
    // Lone surrogates are sent as U+FFFD (3 bytes), as TextEncoder writes them.
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    units += ch.length;
  }
  map.set(bytes, units);
  return map;
}

/** The native JSON result as the JS API should return it: offsets as UTF-16 indices
 *  (into the input, or into the visible text of HTML input), timing set to 0. */
export function nativeAsJs(nativeJson, input) {
  const r = JSON.parse(nativeJson);
  const map = byteToUtf16(typeof r.text === 'string' ? r.text : input);
  const at = (offset) => {
    const units = map.get(offset);
    if (units === undefined) throw new Error(`byte offset ${offset} is not at a character boundary`);
    return units;
  };
  for (const s of r.sentences) {
    s.start = at(s.start);
    s.end = at(s.end);
  }
  if (r.stats) r.stats.milliseconds = 0;
  return r;
}

/** The path of the first difference between two parsed JSON values ('' when equal),
 *  e.g. `sentences[3].score: 0.512 (native) vs 0.513 (wasm)`. */
export function firstDifference(a, b, path = '') {
  const show = (v) => JSON.stringify(v)?.slice(0, 120);
  if (a === b) return '';
  const kind = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if (kind(a) !== kind(b) || (kind(a) !== 'array' && kind(a) !== 'object')) {
    return `${path || '(root)'}: ${show(a)} (native) vs ${show(b)} (wasm)`;
  }
  if (kind(a) === 'array') {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? '' : `${path}.length: ${a.length} (native) vs ${b.length} (wasm)`;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    if (ka[i] !== kb[i]) return `${path || '(root)'} key #${i}: ${show(ka[i])} (native) vs ${show(kb[i])} (wasm)`;
    const d = firstDifference(a[ka[i]], b[kb[i]], path ? `${path}.${ka[i]}` : ka[i]);
    if (d) return d;
  }
  return '';
}

// A PrecisError as {code}, so that an input both sides reject compares equal.
function attempt(fn) {
  try {
    return { value: fn() };
  } catch (e) {
    if (e?.name !== 'PrecisError') throw e;
    return { error: e.code };
  }
}

/** A sentence on one line, as `precis batch` writes it into "summary" (so that "\n"
 *  separates sentences): a line break and the blanks around it become one space. The
 *  same rule as one_line() in core/cli/batch.cpp. */
export function oneLine(s) {
  return s.replace(/[ \t]*[\r\n][ \t\r\n]*/g, ' ');
}

/** What `precis batch` should write for a document, from the wasm result (or error). */
function batchLineFor(id, object) {
  if (object.error) return { id, error: object.error };
  const r = object.value;
  const line = {
    id,
    summary: r.summary.map((k) => oneLine(r.sentences[k].text)).join('\n'),
    selected: r.summary,
    sentences: r.sentences.map((s) => s.text),
    language: r.language,
  };
  // The core's warnings ("no_article", ...), only when there are some.
  if (Array.isArray(r.warnings) && r.warnings.length > 0) line.warnings = r.warnings;
  return line;
}

/**
 * Compares one document under one option set, given the native CLI's output for it
 * ({status, stdout, stderr} of `precis summarize - --format json ...`) and, optionally,
 * its parsed `precis batch` line. Returns [] when all agree, else a list of
 * {check, id, options, where} problems.
 */
export function compareOne(core, doc, options, native, batchLine) {
  const problems = [];
  const report = (check, where) => problems.push({ check, id: doc.id, options, where });
  const json = attempt(() => core.summarizeJSON(doc.text, options));
  const object = attempt(() => core.summarize(doc.text, options));
  if (batchLine) {
    const got = batchLine.error ? { id: batchLine.id, error: batchLine.error.code } : batchLine;
    const where = firstDifference(got, batchLineFor(doc.id, object));
    if (where) report('batch', where);
  }
  if (native.status !== 0) {
    // The CLI rejected the input (status 1): the wasm must have rejected it too.
    if (!json.error) report('json', `native exit ${native.status} (${native.stderr.trim()}), wasm gave a result`);
    if (!object.error) report('object', `native exit ${native.status}, wasm gave a result`);
    return problems;
  }
  const nativeText = withoutTiming(native.stdout.replace(/\n$/, ''));
  if (json.error) {
    report('json', `wasm threw ${json.error}, native gave a result`);
  } else {
    const wasmText = withoutTiming(json.value);
    if (wasmText !== nativeText) {
      let at = 0;
      while (at < wasmText.length && wasmText[at] === nativeText[at]) at++;
      const field = firstDifference(JSON.parse(nativeText), JSON.parse(wasmText)) || '(same values, different text)';
      report('json', `${field}; texts differ from character ${at}: ` +
        `${JSON.stringify(nativeText.slice(at, at + 40))} vs ${JSON.stringify(wasmText.slice(at, at + 40))}`);
    }
  }
  if (object.error) {
    report('object', `wasm threw ${object.error}, native gave a result`);
  } else {
    let expected;
    try {
      expected = nativeAsJs(nativeText, doc.text);
    } catch (e) {
      report('object', `native JSON: ${e.message}`); // an offset inside a character
    }
    const got = { ...object.value, stats: { ...object.value.stats, milliseconds: 0 } };
    if (expected && JSON.stringify(got) !== JSON.stringify(expected)) {
      report('object', firstDifference(expected, got) || '(key order)');
    }
  }
  return problems;
}

/** Runs `precis batch` with `options` as flags over `docs`: one parsed line per document.
 *  A document with an `input` field (a web page) carries it on its line, `"input": "html"`. */
export async function runBatch(docs, options) {
  const line = (d) => JSON.stringify(d.input ? { id: d.id, text: d.text, input: d.input } : { id: d.id, text: d.text });
  const input = docs.map(line).join('\n') + '\n';
  const out = await runNative(['batch', ...flagsFor(options)], input);
  if (out.status !== 0 && out.status !== 1) throw new Error(`precis batch exited ${out.status}: ${out.stderr}`);
  const lines = out.stdout.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  if (lines.length !== docs.length) throw new Error(`precis batch wrote ${lines.length} lines for ${docs.length} documents`);
  return lines;
}

// ---------------------------------------------------------------------------- the CLI

async function main(argv) {
  const every = argv.includes('--every') ? Number(argv[argv.indexOf('--every') + 1]) : 10;
  if (!Number.isInteger(every) || every < 0) throw new Error('--every takes an integer >= 0');
  const started = performance.now();
  // The builds compared: a rebuild of either during the run is reported at the end.
  const builds = [CLI, join(ROOT, 'wasm', 'dist', 'precis-core.wasm')];
  const builtAt = () => builds.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0));
  const before = builtAt();
  const core = await load();
  const summ = devFiles();
  const pages = htmlPages();
  if (!pages) process.stderr.write(`note: ${HTML_FILE} is missing: no web pages compared, the documents only\n`);
  const files = pages ? [...summ, pages] : summ;
  const perFile = new Map(files.map(({ file, docs }) => [file, { documents: docs.length, comparisons: 0, differing: 0 }]));
  const problems = [];
  let done = 0;
  for (const [n, options] of OPTION_SETS.entries()) {
    // The defaults on every document and page; the other sets on every `every`-th one
    // of each file.
    const docs = files.flatMap(({ file, docs: all }) =>
      all.filter((_, i) => n === 0 || (every > 0 && i % every === 0)).map((doc) => ({ file, ...doc })),
    );
    if (docs.length === 0) continue;
    const lines = await runBatch(docs, options);
    const jobs = docs.map((doc, i) => ({ doc, line: lines[i] }));
    // One CLI process per document, as many at once as there are cores; the wasm side
    // runs in this thread while they work.
    const workers = Array.from({ length: availableParallelism() }, async () => {
      while (jobs.length) {
        const { doc, line } = jobs.shift();
        const effective = optionsFor(doc, options);
        const native = await runNative(['summarize', '-', '--format', 'json', ...flagsFor(effective)], doc.text);
        const found = compareOne(core, doc, effective, native, line);
        const row = perFile.get(doc.file);
        row.comparisons++;
        if (found.length) row.differing++;
        problems.push(...found.map((p) => ({ file: doc.file, ...p })));
        if (++done % 1000 === 0) process.stderr.write(`  ${done} comparisons\n`);
      }
    });
    await Promise.all(workers);
  }
  const seconds = (performance.now() - started) / 1000;
  const rebuilt = builds.filter((_, i) => builtAt()[i] !== before[i]);

  const total = [...perFile.values()].reduce((a, r) => ({
    documents: a.documents + r.documents,
    comparisons: a.comparisons + r.comparisons,
    differing: a.differing + r.differing,
  }), { documents: 0, comparisons: 0, differing: 0 });
  console.log(`## Native vs wasm, ${summ.length} files of ${EVAL_DIR}` +
    (pages ? ` and the ${pages.docs.length} web pages of ${HTML_FILE}\n` : `\n\n(no web pages: ${HTML_FILE} is missing)\n`));
  console.log(`Option sets: the defaults on every document; ${every ? `all ${OPTION_SETS.length} on every ${every === 1 ? '' : `${every}th `}document of each file` : 'no others'}:`);
  console.log(`${OPTION_SETS.map((o) => JSON.stringify(o)).join(' ')}`);
  if (pages) console.log(`Web pages (${pages.file}) are read as HTML under every set: {"input":"html"} added.`);
  console.log('A comparison = one document with one option set: json (byte-identical core JSON, timing');
  console.log('set to 0), object (the JS API result, UTF-16 offsets) and batch (the `precis batch` line).\n');
  console.log('| file | documents | comparisons | differing |');
  console.log('|---|---:|---:|---:|');
  for (const [file, r] of perFile) console.log(`| ${file} | ${r.documents} | ${r.comparisons} | ${r.differing} |`);
  console.log(`| **all** | ${total.documents} | ${total.comparisons} | ${total.differing} |\n`);
  console.log(`${problems.length} problems; ${seconds.toFixed(1)} s\n`);
  if (rebuilt.length) {
    const note = `Rebuilt during the run: ${rebuilt.join(', ')}. Differences may be between two builds, not native vs wasm: run the check again.`;
    console.log(`${note}\n`);
    process.stderr.write(`note: ${note}\n`);
  }
  for (const p of problems.slice(0, 30)) {
    console.log(`- ${p.check} ${p.file} ${p.id} ${JSON.stringify(p.options)}: ${p.where}`);
  }
  if (problems.length > 30) console.log(`- ... and ${problems.length - 30} more`);
  process.exitCode = problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 2;
  });
}
