// scripts/eval-html.mjs (npm run eval:html): its pieces (the extraction rule, the word
// count of the short-sentence figure, the docs/QUALITY.md section), and a short run of
// the HTML mode on three dev pages with --check (skipped, saying so, without
// ../shared/eval/html or /usr/bin/python3). The scorer itself: snippets.test.mjs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  ARTICLE_TYPES, extractionOf, replaceSection, SECTION_BEGIN, SECTION_END, SECTION_HEADING, wordCount,
} from '../../scripts/eval-html.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = process.env.PRECIS_SHARED ?? join(ROOT, '..', 'shared');
const DEV = join(SHARED, 'eval', 'html', 'trafilatura_eval.dev.jsonl.gz');
const SKIP_RUN = !existsSync(DEV) ? `${DEV} is missing (the shared folder is not beside the repository; set PRECIS_SHARED)`
  : !existsSync('/usr/bin/python3') ? '/usr/bin/python3 is missing (--check needs it)' : false;

test('the extraction: the sentences of article blocks, in order, one per line', () => {
  assert.deepEqual([...ARTICLE_TYPES].sort(), ['heading', 'list_item', 'paragraph', 'quote', 'title']);
  const sentence = (text, block_type) => ({ text, block_type });
  const result = {
    sentences: [
      sentence('Home News Sport', 'navigation'), sentence('The headline', 'title'), sentence('By A. Writer', 'byline'),
      sentence('First sentence.', 'paragraph'), sentence('Second one.', 'paragraph'), sentence('A photo.', 'caption'),
      sentence('A part', 'heading'), sentence('An item', 'list_item'), sentence('"Quoted."', 'quote'),
      sentence('Share this', 'promo'), sentence('© 2025', 'footer'),
    ],
  };
  assert.equal(extractionOf(result), 'The headline\nFirst sentence.\nSecond one.\nA part\nAn item\n"Quoted."');
  assert.equal(extractionOf({ sentences: [] }), '');
});

test('wordCount: word-like segments of Intl.Segmenter', () => {
  assert.equal(wordCount('Read more »'), 2);
  assert.equal(wordCount('  Das ist — ein Satz, 2025.  '), 5);
  assert.equal(wordCount(''), 0);
  assert.ok(wordCount('益水之阳，是名益阳。') >= 4); // no spaces, several words
});

test('replaceSection: appended with its heading when absent, replaced between the markers', () => {
  const doc = '# Quality\n\n## Other\n\nText.\n';
  const once = replaceSection(doc, 'Table one.');
  assert.equal(once, `# Quality\n\n## Other\n\nText.\n\n${SECTION_HEADING}\n\n${SECTION_BEGIN}\nTable one.\n${SECTION_END}\n`);
  const twice = replaceSection(`${once}\n## After\n`, '\nTable two.\n');
  assert.equal(twice, `# Quality\n\n## Other\n\nText.\n\n${SECTION_HEADING}\n\n${SECTION_BEGIN}\nTable two.\n${SECTION_END}\n\n## After\n`);
  assert.equal(replaceSection(twice, 'Table two.'), twice);
});

test('npm run eval:html on three pages (HTML mode, --check)', { skip: SKIP_RUN }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'precis-eval-html-'));
  try {
    const perPage = join(out, 'per-page.jsonl');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      join(ROOT, 'scripts', 'eval-html.mjs'), '--limit', '3', '--no-text', '--check', '--worst', '2',
      '--out', out, '--per-page', perPage,
    ], { cwd: ROOT, maxBuffer: 16 << 20 });
    assert.match(stdout, /^\| extractor \| with-recall \| without-avoid \| fully right \| pooled P \/ R \/ F1 \| pages \| time \|$/m);
    assert.match(stdout, /^\| Précis, HTML .* \| 3 \| [0-9.]+ s \|$/m);
    assert.match(stderr, /check: html\.jsonl: every figure as score_snippets\.py prints it/);
    const lines = readFileSync(join(out, 'html.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 3);
    for (const l of lines) assert.equal(typeof l.text, 'string');
    const rows = readFileSync(perPage, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(rows.map((r) => r.mode), ['html', 'html', 'html']);
    for (const r of rows) assert.ok(Array.isArray(r.missed_with) && Array.isArray(r.summary), JSON.stringify(r));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
