// The native CLI's contract (DESIGN.md): commands, flags, formats, batch, exit codes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, precis } from './helpers.mjs';

const SEED = join(ROOT, 'seeds', '000_74440941a785ace3.txt');
const TEXT = 'The council met on Monday. It approved the budget for next year. Critics said the plan was rushed. The mayor disagreed.';

test('--help and bad usage', () => {
  const help = precis(['--help']);
  assert.equal(help.status, 0);
  for (const word of ['summarize', 'split', 'batch', '--sentences', '--ratio', '--words', '--characters', '--lang', '--algorithm', '--format', '--input', '--split']) {
    assert.ok(help.stdout.includes(word), word);
  }
  const cases = [
    [[], 2],
    [['frobnicate'], 2],
    [['summarize', '--bogus'], 2],
    [['summarize', '--sentences'], 2],
    [['summarize', '--sentences', 'x'], 2],
    [['summarize', '--sentences', '0'], 2],
    [['summarize', '--ratio', '2'], 2],
    [['summarize', '--format', 'pdf'], 2],
    [['summarize', '--lang', '!!'], 2],
    [['split', '--format', 'markdown'], 2],
    [['batch', 'file.jsonl'], 2],
    [['summarize', '--split'], 2],
    [['summarize', '/nonexistent/file.txt'], 1],
  ];
  for (const [args, status] of cases) {
    const r = precis(args, TEXT);
    assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.stderr.length > 0, `${args.join(' ')} says why`);
  }
});

test('summarize: file, stdin, and formats', () => {
  const fromFile = precis(['summarize', SEED, '--sentences', '2']);
  const fromStdin = precis(['summarize', '-', '--sentences', '2'], readFileSync(SEED));
  assert.equal(fromFile.status, 0);
  assert.equal(fromFile.stdout, fromStdin.stdout);
  assert.equal(fromFile.stdout.trimEnd().split('\n').length, 2);

  const md = precis(['summarize', '--sentences', '2', '--format', 'markdown'], TEXT);
  assert.equal(md.status, 0);
  const lines = md.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.ok(lines.every((l) => l.startsWith('- ')));
  // With a headline, Markdown starts with it as the heading.
  const titled = precis(['summarize', SEED, '--sentences', '2', '--format', 'markdown']).stdout.split('\n');
  assert.equal(titled[0], '# Yermak, Rubio discuss security guarantees, military cooperation ahead of Zelensky-Trump meeting');
  assert.equal(titled[1], '');
  assert.ok(titled[2].startsWith('- Presidential Office head Andriy Yermak'));

  const json = JSON.parse(precis(['summarize', '--format', 'json', '--sentences', '1'], TEXT).stdout);
  assert.equal(json.summary.length, 1);
  assert.equal(json.sentences.length, 4);
});

test('split: lines and json', () => {
  const lines = precis(['split'], TEXT);
  assert.equal(lines.status, 0);
  assert.deepEqual(lines.stdout.trimEnd().split('\n'), [
    'The council met on Monday.',
    'It approved the budget for next year.',
    'Critics said the plan was rushed.',
    'The mayor disagreed.',
  ]);
  const json = JSON.parse(precis(['split', '--format', 'json'], 'Ünï. Zwei.').stdout);
  assert.equal(json.sentences.length, 2);
  // Byte offsets natively: "Ünï." is 6 bytes.
  assert.deepEqual([json.sentences[0].start, json.sentences[0].end, json.sentences[1].start], [0, 6, 7]);
});

test('batch: one output line per input line, in order, errors per line', () => {
  const input = [
    JSON.stringify({ id: 'a', text: TEXT, sentences: 2 }),
    '{not json',
    JSON.stringify({ id: 7, title: 'no text here' }),
    JSON.stringify({ id: 'b', text: TEXT, sentences: 0 }),
    JSON.stringify({ id: 'c', text: TEXT, ratio: 0.5, lang: 'en', extra: 'ignored' }),
    JSON.stringify({ id: 'd', text: `<p>${TEXT}</p><footer>All rights reserved.</footer>`, input: 'html' }),
    JSON.stringify([1, 2]),
  ].join('\n') + '\n';
  const r = precis(['batch', '--sentences', '1'], input);
  assert.equal(r.status, 1, 'a failed line makes the exit status 1');
  const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 7);
  assert.deepEqual(Object.keys(out[0]), ['id', 'summary', 'selected', 'sentences', 'language']);
  assert.equal(out[0].id, 'a');
  assert.equal(out[0].selected.length, 2);
  assert.equal(out[0].summary, out[0].selected.map((i) => out[0].sentences[i]).join('\n'));
  assert.deepEqual(out[1], { id: null, error: { code: 'invalid_input', message: out[1].error.message } });
  assert.equal(out[2].id, 7);
  assert.equal(out[2].error.code, 'invalid_input');
  assert.equal(out[3].id, 'b');
  assert.equal(out[3].error.code, 'invalid_option');
  assert.equal(out[4].id, 'c');
  assert.equal(out[4].selected.length, 2);
  assert.equal(out[4].language, 'en');
  // HTML input: the visible text, tags and footer gone.
  assert.equal(out[5].id, 'd');
  assert.deepEqual(out[5].sentences.slice(0, 4), TEXT.match(/[^.]+\./g).map((s) => s.trim()));
  assert.ok(!out[5].summary.includes('<') && !out[5].summary.includes('rights'));
  assert.equal(out[6].error.code, 'invalid_input');
});

test('batch: all good lines exit 0; --split writes id, sentences, language', () => {
  const input = [{ id: 1, text: TEXT }, { id: 2, text: 'Short one. Another.' }].map((o) => JSON.stringify(o)).join('\n');
  const r = precis(['batch', '--split'], input);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(Object.keys(out[0]), ['id', 'sentences', 'language']);
  assert.deepEqual(out[1].sentences, ['Short one.', 'Another.']);
  const summarized = precis(['batch'], input);
  assert.equal(summarized.status, 0);
  assert.equal(JSON.parse(summarized.stdout.split('\n')[0]).selected.length, 3, 'default 3 sentences');
});

test('batch: many lines of every size come back in order, each as it would alone', () => {
  // Lines run in parallel on every core: order and content must not depend on it.
  const seed = readFileSync(SEED, 'utf8');
  const texts = [TEXT, seed, 'One.', '', seed.repeat(6), 'Bonjour. Le conseil a voté le budget. Les critiques ont protesté.'];
  const lines = [];
  for (let i = 0; i < 120; i++) lines.push(JSON.stringify({ id: i, text: texts[(i * 7) % texts.length], sentences: 1 + (i % 4) }));
  lines.splice(50, 0, '{broken');
  const r = precis(['batch'], lines.join('\n') + '\n');
  assert.equal(r.status, 1, 'the broken line makes the exit status 1');
  const out = r.stdout.split('\n');
  assert.equal(out.pop(), '', 'ends with a newline');
  assert.equal(out.length, lines.length);
  for (let k = 0; k < lines.length; k += 1) {
    if (k === 50) {
      assert.equal(JSON.parse(out[k]).error.code, 'invalid_input');
      continue;
    }
    const id = JSON.parse(lines[k]).id;
    assert.equal(JSON.parse(out[k]).id, id, `line ${k}`);
    if (id < 8 || id % 29 === 0) assert.equal(out[k] + '\n', precis(['batch'], lines[k] + '\n').stdout, `line ${k} alone`);
  }
});

test('empty input: no sentences, exit 0', () => {
  assert.deepEqual(precis(['summarize'], ''), { status: 0, stdout: '', stderr: '' });
  const json = JSON.parse(precis(['summarize', '--format', 'json'], '').stdout);
  assert.deepEqual([json.sentences, json.summary], [[], []]);
});

test('--encoding reads legacy character sets through Boost.Locale', () => {
  // "Привет. Пока." in Windows-1251, bytes written out by hand.
  const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2e, 0x20, 0xcf, 0xee, 0xea, 0xe0, 0x2e]);
  const r1 = precis(['split', '--encoding', 'cp1251'], cp1251);
  assert.equal(r1.status, 0, r1.stderr);
  assert.deepEqual(r1.stdout.trimEnd().split('\n'), ['Привет.', 'Пока.']);

  const r2 = precis(['split', '--encoding', 'latin1'], Buffer.from('Café au lait. Très bien.', 'latin1'));
  assert.deepEqual(r2.stdout.trimEnd().split('\n'), ['Café au lait.', 'Très bien.']);

  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Straße. Gut.', 'utf16le')]);
  const r3 = precis(['split', '--encoding', 'utf-16'], utf16);
  assert.deepEqual(r3.stdout.trimEnd().split('\n'), ['Straße.', 'Gut.']);

  // Without --encoding the same bytes are invalid UTF-8 and get repaired, not rejected.
  const r4 = precis(['split'], cp1251);
  assert.equal(r4.status, 0);
  assert.ok(r4.stdout.includes('\uFFFD'));

  assert.equal(precis(['split', '--encoding', 'no-such-charset'], 'x').status, 2);
  assert.equal(precis(['batch', '--encoding', 'cp1251'], '').status, 2);
  assert.equal(precis(['summarize', '--encoding'], '').status, 2);
});
