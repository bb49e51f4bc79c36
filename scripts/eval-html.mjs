// Article extraction on real web pages: how much of a page's article Précis keeps, and
// how much of its boilerplate it leaves out, on the development pages of trafilatura's
// evaluation (../shared/eval/html/trafilatura_eval.dev.jsonl.gz; SOURCES.md there tells
// where they come from and the scoring rule), scored by scripts/snippets.mjs, the port of
// ../shared/tools/score_snippets.py (the same figures: --check proves it).
//
//   npm run eval:html                       # Précis on the HTML and on the copied text, and the visible text
//   npm run eval:html -- --readability      # and Mozilla Readability beside them
//   npm run eval:html -- --worst 10         # the 10 worst pages of the HTML mode, their misses and leaks
//   npm run eval:html -- --ids a,b          # only these pages (--limit N: the first N of the set)
//   npm run eval:html -- --per-page FILE    # every page's misses and leaks, per mode, as JSON Lines
//   npm run eval:html -- --write            # the tables into docs/QUALITY.md, between its eval:html markers
//   npm run eval:html -- --check            # also score the written files with score_snippets.py; exit 1 on a difference
//   npm run eval:html -- --no-text          # no Chromium: the HTML mode (and Readability) only
//   npm run eval:html -- --out DIR          # write the files to DIR instead of build/eval-html
//
// Rows (modes):
// - "html": the page's HTML through the wasm core, summarize(html, {input: 'html',
//   sentences: 3}). The extraction is the text of the result's sentences whose
//   block_type is in ARTICLE_TYPES, one per line.
// - "text": the page as a reader copies it (select all, copy): its visible text, the
//   innerText of the page's body in headless Chromium (Debian's /usr/bin/chromium through
//   playwright-core, JavaScript off, every request aborted), summarized as plain text
//   (input 'text'); the extraction is made by the same rule.
// - "readability" (--readability): Mozilla Readability 0.6.0 on jsdom 27.0.0 with
//   cssstyle 5.3.1, the textContent of `new Readability(document).parse()` (null: empty),
//   the baseline (b) of SOURCES.md. Installed in bench/peers (npm ci --prefix bench/peers).
// - "visible": the visible text itself (everything, no extraction), for scale.
// For Précis also: the share of the chosen summary sentences with fewer than 4 words, and
// the pages on which the core warned "no_article".
//
// Files in build/eval-html/: <mode>.jsonl, the extractions scored ({id, text}, and
// "error" when the page failed), for `/usr/bin/python3 ../shared/tools/score_snippets.py
// DEV build/eval-html/html.jsonl`; visible-text.jsonl.gz and readability.jsonl.gz, caches
// of the Chromium texts and of Readability's extractions (each about 100 s to make), keyed
// by page id and a hash of its HTML, so that a second run starts neither.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { configure, PrecisError, ready, summarize } from '../wasm/precis.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../bench/chromium.mjs';
import { pythonReport, readJsonl, score, summarizeRows } from './snippets.mjs';

// The block types that make up a page's article: its extraction is the text of the
// sentences in these blocks. The rest is the page's furniture (dateline, byline, caption,
// tagline, bio, navigation, promo, footer; see Sentence.block_type in wasm/precis.d.ts).
// (The core may come to say itself which types are the article; until then, this list.)
export const ARTICLE_TYPES = new Set(['title', 'heading', 'paragraph', 'list_item', 'quote']);

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHARED = process.env.PRECIS_SHARED ?? join(ROOT, '..', 'shared');
const DEV = join(SHARED, 'eval', 'html', 'trafilatura_eval.dev.jsonl.gz');
const SCORER = join(SHARED, 'tools', 'score_snippets.py');
const PYTHON = '/usr/bin/python3';
const PEERS = join(ROOT, 'bench', 'peers');
const QUALITY = join(ROOT, 'docs', 'QUALITY.md');
const SENTENCES = 3;
const SHORT_WORDS = 4; // a summary sentence of fewer words than this counts as short
const PAGE_TIMEOUT_MS = 30_000; // Chromium, per page
// Readability and what it runs on, pinned as SOURCES.md's baseline (b) was measured.
const READABILITY_PACKAGES = { '@mozilla/readability': '0.6.0', jsdom: '27.0.0', cssstyle: '5.3.1' };
// The declared languages shown on their own (in this order); the rest is "other".
const LANGS = ['de', 'en', 'null', 'es', 'fr', 'pl'];
export const SECTION_BEGIN = '<!-- eval:html begin -->';
export const SECTION_END = '<!-- eval:html end -->';
export const SECTION_HEADING = '## Article extraction on real web pages (npm run eval:html)';

const MODES = {
  html: 'Précis, HTML (`input: \'html\'`)',
  text: 'Précis, copied text (`input: \'text\'`)',
  readability: 'Readability 0.6.0 (jsdom) textContent',
  visible: 'whole visible text (Chromium innerText)',
};

const log = (message) => process.stderr.write(`eval:html: ${message}\n`);

// ---- pieces (exported for tests/eval/eval-html.test.mjs) -------------------------------

/** A page's extraction from a summary result: its article sentences, one per line. */
export function extractionOf(result) {
  return result.sentences.filter((s) => ARTICLE_TYPES.has(s.block_type)).map((s) => s.text).join('\n');
}

/**
 * Words of a sentence, as the browser's own word segmenter counts them (Intl.Segmenter,
 * word-like segments): independent of the core's count, and right for text without
 * spaces (Chinese, Japanese), which a split at white space would count as one word.
 */
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
export function wordCount(text) {
  let n = 0;
  for (const s of WORDS.segment(text)) if (s.isWordLike) n += 1;
  return n;
}

/**
 * `markdown` with its eval:html section set to `body`: what is between the markers is
 * replaced; without the markers, the section (heading and markers) is appended.
 */
export function replaceSection(markdown, body) {
  const block = `${SECTION_BEGIN}\n${body.trim()}\n${SECTION_END}`;
  const begin = markdown.indexOf(SECTION_BEGIN);
  const end = markdown.indexOf(SECTION_END);
  if (begin >= 0 && end > begin) return markdown.slice(0, begin) + block + markdown.slice(end + SECTION_END.length);
  return `${markdown.trimEnd()}\n\n${SECTION_HEADING}\n\n${block}\n`;
}

const htmlHash = (html) => createHash('sha256').update(html).digest('hex').slice(0, 16);
const cacheKey = (page) => `${page.id}\u0000${htmlHash(page.html)}`;

// A cache: JSON Lines (gzip) of {id, hash, text, ms, error?}.
function readCache(path) {
  const cache = new Map();
  if (!existsSync(path)) return cache;
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line);
    cache.set(`${entry.id}\u0000${entry.hash}`, entry);
  }
  return cache;
}

function writeCache(path, cache) {
  const lines = [...cache.values()].map((e) => `${JSON.stringify(e)}\n`).join('');
  writeFileSync(path, gzipSync(lines));
}

// ---- the modes -----------------------------------------------------------------------

// Précis on each input; returns per page {id, text, summary, warnings, error} and the
// milliseconds of the summarize() calls.
async function runPrecis(pages, inputOf, input) {
  await ready();
  const rows = [];
  let ms = 0;
  for (const page of pages) {
    const source = inputOf(page);
    const t0 = performance.now();
    try {
      const result = await summarize(source, { input, sentences: SENTENCES });
      ms += performance.now() - t0;
      rows.push({
        id: page.id,
        text: extractionOf(result),
        summary: result.summary.map((i) => result.sentences[i].text),
        warnings: result.warnings ?? [],
      });
    } catch (e) {
      ms += performance.now() - t0;
      // A PrecisError is the core's refusal; anything else (a trap in the wasm) may leave
      // the core unusable, so the next page gets a fresh one.
      if (!(e instanceof PrecisError)) configure({});
      rows.push({ id: page.id, text: '', summary: [], warnings: [], error: { code: e.code ?? 'exception', message: String(e.message) } });
    }
  }
  return { rows, ms };
}

// The visible text of each page (Chromium innerText), from the cache or from Chromium.
// Returns {texts: Map id -> {text, ms, error?}, ms, cached} or undefined without Chromium.
async function visibleTexts(pages, outDir) {
  const path = join(outDir, 'visible-text.jsonl.gz');
  const cache = readCache(path);
  const todo = pages.filter((p) => !cache.has(cacheKey(p)));
  if (todo.length) {
    if (!existsSync(CHROMIUM)) {
      log(`${CHROMIUM} not found (apt-get install --no-install-recommends chromium): no text mode, no visible-text row`);
      return undefined;
    }
    log(`Chromium: the visible text of ${todo.length} page(s) ...`);
    const t0 = performance.now();
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      await context.route('**/*', (route) => route.abort());
      let tab = await context.newPage();
      for (const [n, page] of todo.entries()) {
        const entry = { id: page.id, hash: htmlHash(page.html), text: '', ms: 0 };
        const t1 = performance.now();
        try {
          await tab.setContent(page.html, { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT_MS });
          entry.text = await tab.evaluate(() => (document.body ? document.body.innerText : ''));
        } catch (e) {
          entry.error = { code: 'chromium', message: String(e.message).split('\n')[0] };
          log(`Chromium: ${page.id}: ${entry.error.message}`);
          await tab.close().catch(() => {});
          tab = await context.newPage();
        }
        entry.ms = performance.now() - t1;
        cache.set(cacheKey(page), entry);
        if ((n + 1) % 50 === 0) log(`Chromium: ${n + 1}/${todo.length}`);
      }
    } finally {
      await browser.close();
    }
    writeCache(path, cache);
    log(`Chromium: ${todo.length} page(s) in ${seconds(performance.now() - t0)} (start-up included)`);
  }
  const texts = new Map(pages.map((p) => [p.id, cache.get(cacheKey(p))]));
  const ms = [...texts.values()].reduce((sum, e) => sum + e.ms, 0);
  return { texts, ms, cached: todo.length === 0 };
}

// Installs bench/peers from its lock file when Readability, jsdom or cssstyle is missing
// or not the pinned version (as bench/peers.mjs does for the summarizers); returns
// require() of bench/peers, or undefined (said why).
async function peersRequire() {
  const version = (name) => {
    const file = join(PEERS, 'node_modules', name, 'package.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
  };
  const wrong = () => Object.entries(READABILITY_PACKAGES).filter(([name, v]) => version(name) !== v);
  if (wrong().length) {
    log(`installing ${wrong().map(([n, v]) => `${n}@${v}`).join(', ')} (npm ci --prefix bench/peers) ...`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    try {
      await promisify(execFile)(npm, ['ci', '--prefix', PEERS, '--no-audit', '--no-fund'], { maxBuffer: 64 << 20 });
    } catch (e) {
      log(`Readability skipped: \`npm ci --prefix bench/peers\` failed: ${String(e.message).split('\n')[0]}`);
      return undefined;
    }
    if (wrong().length) {
      log(`Readability skipped: bench/peers has ${wrong().map(([n]) => `${n}@${version(n)}`).join(', ')}`);
      return undefined;
    }
  }
  return createRequire(join(PEERS, 'package.json'));
}

// Readability's extraction of each page, from the cache or computed (in this process).
async function readabilityTexts(pages, outDir) {
  const path = join(outDir, 'readability.jsonl.gz');
  const cache = readCache(path);
  const todo = pages.filter((p) => !cache.has(cacheKey(p)));
  if (todo.length) {
    const require = await peersRequire();
    if (!require) return undefined;
    const { Readability } = require('@mozilla/readability');
    const { JSDOM, VirtualConsole } = require('jsdom');
    log(`Readability: ${todo.length} page(s) (about a quarter of a second each) ...`);
    const t0 = performance.now();
    for (const [n, page] of todo.entries()) {
      const entry = { id: page.id, hash: htmlHash(page.html), text: '', ms: 0 };
      const t1 = performance.now();
      let dom;
      try {
        // A virtual console of its own: jsdom's complaints about the pages' CSS unsaid.
        dom = new JSDOM(page.html, { virtualConsole: new VirtualConsole() });
        const article = new Readability(dom.window.document).parse();
        entry.text = article?.textContent ?? '';
        if (!article) entry.null = true;
      } catch (e) {
        entry.error = { code: 'exception', message: String(e.message).split('\n')[0] };
        log(`Readability: ${page.id}: ${entry.error.message}`);
      } finally {
        dom?.window.close();
      }
      entry.ms = performance.now() - t1;
      cache.set(cacheKey(page), entry);
      if ((n + 1) % 50 === 0) log(`Readability: ${n + 1}/${todo.length}`);
    }
    writeCache(path, cache);
    log(`Readability: ${todo.length} page(s) in ${seconds(performance.now() - t0)}`);
  }
  const texts = new Map(pages.map((p) => [p.id, cache.get(cacheKey(p))]));
  const ms = [...texts.values()].reduce((sum, e) => sum + e.ms, 0);
  return { texts, ms, cached: todo.length === 0 };
}

// ---- report --------------------------------------------------------------------------

const f4 = (x) => (x === undefined ? '–' : x.toFixed(4));
const seconds = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);

function langGroup(page) {
  const lang = page.lang || 'null';
  return LANGS.includes(lang) ? lang : 'other';
}

// Markdown tables and notes for the evaluated modes.
function report(pages, modes) {
  const out = [];
  out.push('| extractor | with-recall | without-avoid | fully right | pooled P / R / F1 | pages | time |');
  out.push('|---|---:|---:|---:|---|---:|---:|');
  for (const [key, m] of Object.entries(modes)) {
    const s = m.result;
    const p = s.pooled;
    const time = `${seconds(m.ms)}${m.cached ? ' (cached)' : ''}`;
    out.push(`| ${MODES[key]} | ${f4(s.withRecall)} | ${f4(s.withoutAvoid)} | ${f4(s.fullyRight)} | `
      + `${f4(p.precision)} / ${f4(p.recall)} / ${f4(p.f1)} | ${s.pages} | ${time} |`);
  }
  out.push('');
  for (const key of ['html', 'text']) {
    const m = modes[key];
    if (!m) continue;
    const chosen = m.rows.flatMap((r) => r.summary);
    const short = chosen.filter((t) => wordCount(t) < SHORT_WORDS).length;
    const noArticle = m.rows.filter((r) => r.warnings.some((w) => w.code === 'no_article')).length;
    const errors = m.rows.filter((r) => r.error).length;
    out.push(`- ${MODES[key]}: ${short} of ${chosen.length} summary sentences `
      + `(${chosen.length ? ((100 * short) / chosen.length).toFixed(1) : '0.0'}%) have fewer than ${SHORT_WORDS} words; `
      + `${noArticle} page(s) with the warning \`no_article\`; ${errors} error(s).`);
  }
  for (const key of ['readability', 'visible']) {
    const m = modes[key];
    if (!m) continue;
    const failed = [...m.texts.values()].filter((e) => e.error).length;
    const nulls = [...m.texts.values()].filter((e) => e.null).length;
    const notes = [failed && `${failed} page(s) failed`, nulls && `parse() returned null on ${nulls} page(s)`].filter(Boolean);
    if (notes.length) out.push(`- ${MODES[key]}: ${notes.join('; ')}.`);
  }
  if (modes.text) out.push(`- The visible text took Chromium ${seconds(modes.visible.ms)} for ${pages.length} pages${modes.visible.cached ? ' (cached)' : ''}; Précis text's time is the summaries alone.`);
  out.push('');
  out.push('Per declared language (each cell: with-recall / without-avoid / fully right):');
  out.push('');
  const keys = Object.keys(modes);
  out.push(`| lang | pages | ${keys.map((k) => MODES[k]).join(' | ')} |`);
  out.push(`|---|---:|${keys.map(() => '---|').join('')}`);
  for (const lang of [...LANGS, 'other']) {
    const ids = new Set(pages.filter((p) => langGroup(p) === lang).map((p) => p.id));
    if (!ids.size) continue;
    const cells = keys.map((k) => {
      const s = summarizeRows(modes[k].result.perPage.filter((r) => ids.has(r.id)));
      return `${f4(s.withRecall)} / ${f4(s.withoutAvoid)} / ${f4(s.fullyRight)}`;
    });
    const label = lang === 'other'
      ? `other (${[...new Set(pages.filter((p) => ids.has(p.id)).map((p) => p.lang))].join(', ')})` : lang;
    out.push(`| ${label} | ${ids.size} | ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}

function worstPages(pages, mode, n) {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const rows = mode.result.perPage
    .map((r, i) => ({ ...r, i, bad: r.missedWith.length + r.leakedWithout.length }))
    .filter((r) => r.bad > 0)
    .sort((a, b) => b.bad - a.bad || a.i - b.i)
    .slice(0, n);
  const clip = (s) => JSON.stringify(s.length > 120 ? `${s.slice(0, 117)}...` : s);
  const out = [`The ${rows.length} worst pages of ${MODES.html}, by missed + leaked snippets:`];
  const details = new Map(mode.rows.map((r) => [r.id, r]));
  for (const r of rows) {
    const d = details.get(r.id);
    const warn = d.warnings.length ? `; warnings: ${d.warnings.map((w) => w.code).join(', ')}` : '';
    const err = d.error ? `; error: ${d.error.code}` : '';
    out.push(`- ${r.id} (${byId.get(r.id).lang ?? 'null'}): ${r.missedWith.length} missed, ${r.leakedWithout.length} leaked${warn}${err}`);
    for (const s of r.missedWith) out.push(`    missed: ${clip(s)}`);
    for (const s of r.leakedWithout) out.push(`    leaked: ${clip(s)}`);
  }
  return out.join('\n');
}

// ---- main ----------------------------------------------------------------------------

const USAGE = 'usage: npm run eval:html -- [--readability] [--no-text] [--ids a,b | --limit N] '
  + '[--per-page FILE] [--worst N] [--write] [--check] [--out DIR]';

function parseArgs(argv) {
  const opts = { readability: false, text: true, write: false, check: false, outDir: join(ROOT, 'build', 'eval-html') };
  const value = (i) => {
    if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--readability') opts.readability = true;
    else if (a === '--no-text') opts.text = false;
    else if (a === '--write') opts.write = true;
    else if (a === '--check') opts.check = true;
    else if (a === '--ids') (opts.ids ??= []).push(value(i++));
    else if (a === '--limit') opts.limit = Number(value(i++));
    else if (a === '--worst') opts.worst = Number(value(i++));
    else if (a === '--per-page') opts.perPage = value(i++);
    else if (a === '--out') opts.outDir = value(i++);
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['limit', 'worst']) {
    if (opts[k] !== undefined && !(Number.isInteger(opts[k]) && opts[k] > 0)) throw new Error(`--${k} takes a positive whole number`);
  }
  return opts;
}

// Runs the reference scorer on each written file (with --by-lang) and compares every
// figure with ours; returns the number of files that differ.
async function check(devPath, modes, outDir) {
  let bad = 0;
  await Promise.all(Object.keys(modes).map(async (key) => {
    const file = join(outDir, `${key}.jsonl`);
    const { stdout } = await promisify(execFile)(PYTHON, [SCORER, devPath, file, '--by-lang'], { maxBuffer: 64 << 20 });
    const theirs = JSON.parse(stdout);
    const ours = JSON.parse(pythonReport(modes[key].result, { byLang: true }));
    const diffs = [];
    const walk = (a, b, path) => {
      if (a && typeof a === 'object' && b && typeof b === 'object') {
        for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], `${path}.${k}`);
      } else if (a !== b) {
        diffs.push(`${path}: ours ${a}, score_snippets.py ${b}`);
      }
    };
    walk(ours, theirs, key);
    if (diffs.length) {
      bad++;
      log(`check: ${key}.jsonl differs from score_snippets.py:\n  ${diffs.join('\n  ')}`);
    } else {
      log(`check: ${key}.jsonl: every figure as score_snippets.py prints it (${theirs.pages} pages, by language too)`);
    }
  }));
  return bad;
}

async function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(DEV)) {
    process.stderr.write(`${DEV} not found: the shared folder must be beside the repository (or set PRECIS_SHARED)\n`);
    return 1;
  }
  if (opts.check && (!existsSync(PYTHON) || !existsSync(SCORER))) {
    process.stderr.write(`--check needs ${PYTHON} and ${SCORER}\n`);
    return 1;
  }
  mkdirSync(opts.outDir, { recursive: true });

  const t0 = performance.now();
  let pages = readJsonl(DEV);
  log(`${pages.length} dev pages read in ${seconds(performance.now() - t0)}`);
  if (opts.ids) {
    // Ids separated by commas; a value that is an id as a whole is that id (a few ids
    // have commas). --ids may be given more than once.
    const known = new Set(pages.map((p) => p.id));
    const ids = opts.ids.flatMap((v) => (known.has(v) ? [v] : v.split(',').filter(Boolean)));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) {
      process.stderr.write(`not in the dev set: ${unknown.join(', ')}\n`);
      return 2;
    }
    const wanted = new Set(ids);
    pages = pages.filter((p) => wanted.has(p.id));
  }
  if (opts.limit) pages = pages.slice(0, opts.limit);

  // modes[key] = {lines: [{id, text, error?}], result (scored), ms, cached?, rows (Précis), texts (caches)}
  const modes = {};
  {
    const { rows, ms } = await runPrecis(pages, (p) => p.html, 'html');
    modes.html = { rows, ms };
    log(`Précis html: ${pages.length} pages in ${seconds(ms)}`);
  }
  if (opts.text) {
    const visible = await visibleTexts(pages, opts.outDir);
    if (visible) {
      const { rows, ms } = await runPrecis(pages, (p) => visible.texts.get(p.id).text, 'text');
      modes.text = { rows, ms };
      log(`Précis text: ${pages.length} pages in ${seconds(ms)}`);
      modes.visible = { ...visible, rows: pages.map((p) => ({ id: p.id, ...visible.texts.get(p.id) })) };
    }
  } else {
    log('--no-text: no Chromium, no text mode');
  }
  if (opts.readability) {
    const r = await readabilityTexts(pages, opts.outDir);
    if (r) modes.readability = { ...r, rows: pages.map((p) => ({ id: p.id, ...r.texts.get(p.id) })) };
  }
  // Rows in the order of the table.
  const ordered = {};
  for (const key of Object.keys(MODES)) if (modes[key]) ordered[key] = modes[key];

  for (const [key, m] of Object.entries(ordered)) {
    m.lines = m.rows.map((r) => ({ id: r.id, text: r.text, ...(r.error ? { error: r.error } : {}) }));
    m.result = score(pages, m.lines);
    writeFileSync(join(opts.outDir, `${key}.jsonl`), m.lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  const table = report(pages, ordered);
  process.stdout.write(`\nArticle extraction on ${pages.length} dev pages of ${relative(ROOT, DEV)}\n\n${table}\n`);
  if (opts.worst && ordered.html) process.stdout.write(`\n${worstPages(pages, ordered.html, opts.worst)}\n`);
  log(`extractions written to ${relative(ROOT, opts.outDir) || '.'}/{${Object.keys(ordered).join(',')}}.jsonl`);

  if (opts.perPage) {
    const lines = [];
    for (const [key, m] of Object.entries(ordered)) {
      const details = new Map(m.rows.map((r) => [r.id, r]));
      for (const r of m.result.perPage) {
        const d = details.get(r.id);
        lines.push(JSON.stringify({
          mode: key, id: r.id, lang: r.lang,
          with_recall: r.withRecall, without_avoid: r.withoutAvoid, fully_right: r.fullyRight,
          missed_with: r.missedWith, leaked_without: r.leakedWithout,
          ...(d.summary ? { summary: d.summary, warnings: d.warnings } : {}),
          ...(d.error ? { error: d.error } : {}),
        }));
      }
    }
    writeFileSync(opts.perPage, lines.map((l) => `${l}\n`).join(''));
    log(`per-page misses and leaks written to ${opts.perPage}`);
  }

  if (opts.write) {
    const command = `npm run eval:html${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
    const date = new Date().toISOString().slice(0, 10);
    const body = [
      `Measured ${date} with \`${command}\` on the ${pages.length} development pages of`,
      '`../shared/eval/html` (real pages from trafilatura\'s evaluation, each with snippets the',
      'article must contain, "with", and boilerplate it must not, "without"; see its SOURCES.md),',
      'scored as `../shared/tools/score_snippets.py` scores (`scripts/snippets.mjs`, checked',
      'figure for figure by `--check`). with-recall and without-avoid are means over pages,',
      '"fully right" the share of pages with every "with" and no "without" snippet; pooled',
      'P / R / F1 count snippets over all pages. Précis\'s extraction is the text of its',
      `sentences in ${[...ARTICLE_TYPES].join(', ')} blocks (\`ARTICLE_TYPES\` in`,
      '`scripts/eval-html.mjs`); HTML is the page given to the core, copied text its visible',
      'text (Chromium\'s innerText, JavaScript off) given as plain text.',
      '',
      table,
    ].join('\n');
    const before = existsSync(QUALITY) ? readFileSync(QUALITY, 'utf8') : '';
    writeFileSync(QUALITY, replaceSection(before, body));
    log(`section written to ${relative(ROOT, QUALITY)}`);
  }

  if (opts.check) {
    let devPath = DEV;
    if (opts.ids || opts.limit) {
      // The scorer scores every page of its dev file: give it the evaluated ones.
      devPath = join(opts.outDir, 'dev.subset.jsonl');
      writeFileSync(devPath, pages.map(({ html, ...rest }) => `${JSON.stringify(rest)}\n`).join(''));
    }
    const t1 = performance.now();
    const bad = await check(devPath, ordered, opts.outDir);
    log(`check took ${seconds(performance.now() - t1)}`);
    if (bad) return 1;
  }
  return 0;
}

// Run as a command (not when imported by a test); realpath, as import.meta.url has it.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
