// Précis bench: the English news corpus the segmentation benchmark runs on.
//
// Articles are read at run time from the shared evaluation data (never copied into the
// repository): the "text" field of every line of
//   $PRECIS_SHARED/eval/summ/{cnndm_frank,summeval,bbc_news_summary}.dev.jsonl
// where PRECIS_SHARED defaults to <repo>/../shared. Inputs of a given size are built by
// concatenating whole articles, separated by a blank line, in file order, starting over
// from the first article until the size is reached (so a 10 MB input repeats articles).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
