// Précis bench: the inputs: the English news corpus the segmentation benchmark runs on,
// and the web pages of the html leg (at the end of this file).
//
// Articles are read at run time from the shared evaluation data (never copied into the
// repository): the "text" field of every line of
//   $PRECIS_SHARED/eval/summ/{cnndm_frank,summeval,bbc_news_summary}.dev.jsonl
// where PRECIS_SHARED defaults to <repo>/../shared. Inputs of a given size are built by
// concatenating whole articles, separated by a blank line, in file order, starting over
// from the first article until the size is reached (so a 10 MB input repeats articles).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SHARED = resolve(process.env.PRECIS_SHARED || join(ROOT, '..', 'shared'));
export const SOURCES = ['cnndm_frank.dev.jsonl', 'summeval.dev.jsonl', 'bbc_news_summary.dev.jsonl'];

/** Input sizes (decimal: 1 MB = 1e6 bytes, as in MB/s). */
export const SIZES = [
  { label: '100 KB', bytes: 100_000 },
  { label: '1 MB', bytes: 1_000_000 },
  { label: '10 MB', bytes: 10_000_000 },
];

/** The articles, in file order; throws a clear error if a source file is missing. */
export function readArticles(shared = SHARED) {
  const articles = [];
  for (const name of SOURCES) {
    const path = join(shared, 'eval', 'summ', name);
    if (!existsSync(path)) {
      throw new Error(`bench corpus: ${path} not found (set PRECIS_SHARED to the folder holding eval/summ/)`);
    }
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = JSON.parse(line).text;
      if (typeof text === 'string' && text.trim()) articles.push(text.trim());
    }
  }
  if (articles.length === 0) throw new Error('bench corpus: no articles found');
  return articles;
}

/** Whole articles joined by blank lines, cycling, until at least `bytes` UTF-8 bytes. */
export function buildInput(articles, bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i = (i + 1) % articles.length) {
    if (parts.length) size += 2; // "\n\n"
    parts.push(articles[i]);
    size += Buffer.byteLength(articles[i], 'utf8');
  }
  return parts.join('\n\n') + '\n';
}

/**
 * Builds every input of `sizes`, writes each to `dir` (for the native binary) and
 * returns [{ label, path, text, bytes }], bytes being the UTF-8 length of text.
 */
export function prepareCorpus(dir = join(ROOT, 'build', 'bench'), sizes = SIZES) {
  const articles = readArticles();
  mkdirSync(dir, { recursive: true });
  return sizes.map(({ label, bytes }) => {
    const text = buildInput(articles, bytes);
    const path = join(dir, `news-${label.replace(/\s+/g, '')}.txt`);
    const buffer = Buffer.from(text, 'utf8');
    let same = false;
    try {
      same = readFileSync(path).equals(buffer);
    } catch {}
    if (!same) writeFileSync(path, buffer);
    return { label, path, text, bytes: buffer.length, articles: articles.length };
  });
}

// ---- web pages (the html leg of bench/run.mjs) ---------------------------------------
// Real pages from $PRECIS_SHARED/eval/html/trafilatura_eval.dev.jsonl.gz (gzip JSON
// Lines, one page per line in its "html" field; see SOURCES.md there), read at run time,
// never copied into the repository. Three inputs are written to `dir`:
//   html-page.html     "page": the median-size dev page, as is (pages ranked by UTF-8
//                      bytes, ties in file order; of n pages the one at (n - 1) >> 1).
//   html-1MiB.html     "1 MB page": the <body> contents of the pages, in file order,
//                      concatenated inside one "<!doctype html><html><body>\n" …
//                      "\n</body></html>\n", until the whole file would pass 1 MiB
//                      (1,048,576 bytes); the contents are cut just before the last tag
//                      ("<" followed by a letter, "/" or "!") that leaves the file ≤ 1 MiB,
//                      so no tag is split (the last page is partial). A page's body
//                      contents are what lies between the end of its first <body …> tag
//                      and its last </body>; without <body>, what follows </head> (or the
//                      whole page) less any doctype and <html>/</html> tags.
//   html-largest.html  "largest page": the largest dev page, as is.
export const HTML_PAGES = join('eval', 'html', 'trafilatura_eval.dev.jsonl.gz');
export const MIB = 1_048_576;

/** The dev pages' HTML, in file order; throws if the file is missing or holds none. */
export function readHtmlPages(shared = SHARED) {
  const path = join(shared, HTML_PAGES);
  if (!existsSync(path)) throw new Error(`${path} not found`);
  const pages = [];
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const { id, html } = JSON.parse(line);
    if (typeof html === 'string' && html) pages.push({ id, html, bytes: Buffer.byteLength(html, 'utf8') });
  }
  if (!pages.length) throw new Error(`${path}: no pages`);
  return pages;
}

/** What lies inside a page's <body> (see above). */
export function bodyContents(html) {
  const open = /<body(?:\s[^>]*)?>/i.exec(html);
  if (open) {
    const from = open.index + open[0].length;
    const close = html.toLowerCase().lastIndexOf('</body');
    return html.slice(from, close >= from ? close : html.length);
  }
  const head = html.toLowerCase().lastIndexOf('</head>');
  return (head >= 0 ? html.slice(head + '</head>'.length) : html)
    .replace(/<!doctype[^>]*>/gi, '')
    .replace(/<\/?html(?:\s[^>]*)?>/gi, '');
}

/** The pages' body contents joined inside one document, cut at a tag to ≤ `limit` bytes. */
export function joinPages(pages, limit = MIB) {
  const head = Buffer.from('<!doctype html><html><body>\n', 'utf8');
  const tail = Buffer.from('\n</body></html>\n', 'utf8');
  const budget = limit - head.length - tail.length;
  const parts = [];
  let size = 0;
  for (const page of pages) {
    if (size > budget) break;
    const part = Buffer.from(bodyContents(page.html), 'utf8');
    parts.push(part);
    size += part.length;
  }
  let body = Buffer.concat(parts);
  if (body.length > budget) {
    // the last "<" that starts a tag at or before the budget: cutting there splits no
    // tag and no UTF-8 sequence ("<" is ASCII)
    let cut = budget;
    while (cut > 0 && !(body[cut] === 0x3c && /[A-Za-z/!]/.test(String.fromCharCode(body[cut + 1] ?? 0)))) cut--;
    body = body.subarray(0, cut);
  }
  return Buffer.concat([head, body, tail]);
}

/**
 * Builds the three html inputs (above), writes each to `dir` (only when it changed) and
 * returns [{ label, path, text, bytes }] plus { pages }, the number of dev pages read.
 */
export function prepareHtmlInputs(dir = join(ROOT, 'build', 'bench')) {
  const pages = readHtmlPages();
  const bySize = pages.map((p, k) => ({ p, k })).sort((a, b) => a.p.bytes - b.p.bytes || a.k - b.k).map((x) => x.p);
  const median = bySize[(bySize.length - 1) >> 1];
  const largest = bySize[bySize.length - 1];
  mkdirSync(dir, { recursive: true });
  const inputs = [
    { label: 'page', file: 'html-page.html', buffer: Buffer.from(median.html, 'utf8'), source: median.id },
    { label: '1 MB page', file: 'html-1MiB.html', buffer: joinPages(pages, MIB), source: 'dev pages joined, in file order' },
    { label: 'largest page', file: 'html-largest.html', buffer: Buffer.from(largest.html, 'utf8'), source: largest.id },
  ];
  return {
    pages: pages.length,
    inputs: inputs.map(({ label, file, buffer, source }) => {
      const path = join(dir, file);
      let same = false;
      try {
        same = readFileSync(path).equals(buffer);
      } catch {}
      if (!same) writeFileSync(path, buffer);
      return { label, path, text: buffer.toString('utf8'), bytes: buffer.length, source };
    }),
  };
}
