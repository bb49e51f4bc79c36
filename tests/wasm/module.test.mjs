// The npm package's surface in Node: the exports map, the types, what a bundler sees,
// configure()/ready(), the Summarizer facade ('precis/summarizer'), the Worker helper's
// request handling ('precis/worker') and the element module ('precis/element').
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { PrecisError, configure, load, ready, summarize } from 'precis';
import { Summarizer } from 'precis/summarizer';
import { createWorker, serve } from 'precis/worker';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const SEED = readFileSync(path.join(ROOT, 'seeds', '000_74440941a785ace3.txt'), 'utf8');
const ENTRIES = { precis: 'precis', summarizer: 'summarizer', worker: 'worker', element: 'element' };

// ---------------------------------------------------------------- exports and files

test('the exports map resolves every entry, its types and the .wasm', () => {
  const expected = {
    precis: ['./wasm/precis.mjs', './wasm/precis.d.ts'],
    'precis/summarizer': ['./wasm/summarizer.mjs', './wasm/summarizer.d.ts'],
    'precis/worker': ['./wasm/worker.mjs', './wasm/worker.d.ts'],
    'precis/element': ['./wasm/element.mjs', './wasm/element.d.ts'],
  };
  for (const [specifier, [entry, types]] of Object.entries(expected)) {
    const key = specifier === 'precis' ? '.' : `./${specifier.slice('precis/'.length)}`;
    assert.deepEqual(pkg.exports[key], { types, default: entry }, key);
    assert.equal(fileURLToPath(import.meta.resolve(specifier)), path.join(ROOT, entry), specifier);
    assert.ok(existsSync(path.join(ROOT, types)), types);
  }
  const wasm = fileURLToPath(import.meta.resolve('precis/precis-core.wasm'));
  assert.equal(wasm, path.join(ROOT, 'wasm', 'dist', 'precis-core.wasm'));
  assert.deepEqual([...readFileSync(wasm).subarray(0, 4)], [0, 0x61, 0x73, 0x6d], 'a WebAssembly binary');
  assert.equal(fileURLToPath(import.meta.resolve('precis/package.json')), path.join(ROOT, 'package.json'));
  assert.equal(pkg.types, './wasm/precis.d.ts');
});

test('the package holds what the exports point at, and nothing of the sources', () => {
  const [{ files }] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  const packed = new Set(files.map((f) => f.path));
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of targets) assert.ok(packed.has(target.slice(2)), `${target} is not in the package`);
  assert.ok(packed.has('wasm/dist/precis-core.mjs'), 'the emscripten glue that precis.mjs imports');
  for (const file of packed) {
    assert.ok(!/\.(cpp|hpp|h)$|^(core|tests|web|examples|scripts|bench)\//.test(file), `${file} should not be packed`);
  }
});

test('each .d.ts parses and declares every runtime export of its module', async () => {
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const dts = readFileSync(path.join(ROOT, 'wasm', `${name}.d.ts`), 'utf8');
    await esbuild.transform(dts, { loader: 'ts' }); // throws on a syntax error
    const runtime = Object.keys(await import(entry === 'precis' ? 'precis' : `precis/${entry}`));
    for (const key of runtime) {
      assert.match(dts, new RegExp(`export (declare )?(function|class|const|let) ${key}\\b`), `${name}.d.ts lacks ${key}`);
    }
  }
});

test('a browser bundle of every entry builds (no Node built-in gets in the way)', async () => {
  const contents = Object.values(ENTRIES)
    .map((e, i) => `import * as m${i} from '${e === 'precis' ? 'precis' : `precis/${e}`}'; globalThis.m${i} = m${i};`)
    .join('\n');
  const result = await esbuild.build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'entry.js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings.map((w) => w.text), []);
});

// ---------------------------------------------------------------- configure() and ready()

test('configure() sets how the default core loads; a failed load is retried', async () => {
  assert.throws(() => configure(null), (e) => e instanceof PrecisError && e.code === 'invalid_option');
  configure({ wasmBinary: readFileSync(path.join(ROOT, 'wasm', 'dist', 'precis-core.wasm')) });
  const core = await ready();
  assert.equal(typeof core.version, 'string');
  assert.equal(await ready(), core, 'one default core');
  assert.equal((await summarize('One sentence. Two sentences here.', { sentences: 1 })).summary.length, 1);

  configure({ wasmBinary: new Uint8Array([0, 1, 2, 3]) }); // not WebAssembly
  const quiet = console.warn;
  console.warn = () => {}; // emscripten reports the failure on console.warn as well
  try {
    await assert.rejects(ready());
  } finally {
    console.warn = quiet;
  }
  configure(); // back to the .wasm next to the module
  assert.equal((await summarize('One sentence. Two sentences here.', { sentences: 1 })).summary.length, 1);
});

// ---------------------------------------------------------------- the Summarizer facade

const COUNTS = {
  'key-points': { short: 3, medium: 5, long: 7 },
  tldr: { short: 1, medium: 3, long: 5 },
  teaser: { short: 1, medium: 2, long: 3 },
  headline: { short: 1, medium: 1, long: 1 },
};

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

test('Summarizer.availability(): "available", "unavailable" only for an output language the input cannot be in', async () => {
  assert.equal(await Summarizer.availability(), 'available');
  assert.equal(await Summarizer.availability({ type: 'tldr', length: 'long', format: 'plain-text' }), 'available');
  assert.equal(await Summarizer.availability({ expectedInputLanguages: ['de', 'uk'], outputLanguage: 'de-AT' }), 'available');
  assert.equal(await Summarizer.availability({ expectedInputLanguages: ['en'], outputLanguage: 'fr' }), 'unavailable');
  await assert.rejects(Summarizer.availability({ type: 'abstract' }), TypeError);
  await assert.rejects(Summarizer.availability({ length: 'huge' }), TypeError);
  await assert.rejects(Summarizer.availability({ format: 'html' }), TypeError);
  await assert.rejects(Summarizer.availability({ expectedInputLanguages: ['not a tag'] }), TypeError);
  await assert.rejects(Summarizer.availability({ expectedInputLanguages: 'en' }), TypeError);
});

test('Summarizer.create(): defaults as in Chrome, the monitor, the attributes', async () => {
  const progress = [];
  const s = await Summarizer.create({
    monitor(m) {
      m.addEventListener('downloadprogress', (e) => progress.push([e.loaded, e.total]));
    },
  });
  assert.deepEqual(progress, [[0, 1], [1, 1]]);
  assert.deepEqual([s.type, s.format, s.length], ['key-points', 'markdown', 'short']);
  assert.equal(s.sharedContext, '');
  assert.equal(s.expectedInputLanguages, null);
  assert.equal(s.outputLanguage, null);
  assert.equal(s.inputQuota, 16 * 1024 * 1024);  // the core's default max_input_bytes

  const t = await Summarizer.create({ type: 'tl;dr', expectedInputLanguages: ['EN-us'], outputLanguage: 'en', sharedContext: 'news' });
  assert.equal(t.type, 'tl;dr');
  assert.deepEqual(t.expectedInputLanguages, ['en-US']);
  assert.ok(Object.isFrozen(t.expectedInputLanguages));
  assert.equal(t.sharedContext, 'news');

  await assert.rejects(Summarizer.create({ expectedInputLanguages: ['en'], outputLanguage: 'ja' }), { name: 'NotSupportedError' });
  await assert.rejects(Summarizer.create({ type: 'bullets' }), TypeError);
  assert.throws(() => new Summarizer(), TypeError);
});

test('summarize(): every type and length, quoting the article verbatim', async () => {
  const core = await load();
  for (const [type, lengths] of Object.entries(COUNTS)) {
    for (const [length, n] of Object.entries(lengths)) {
      for (const format of ['markdown', 'plain-text']) {
        const s = await Summarizer.create({ type, length, format });
        const out = await s.summarize(SEED, { context: 'ignored' });
        const label = `${type}/${length}/${format}`;
        const r = core.summarize(SEED, { sentences: n, algorithm: type === 'teaser' ? 'lead' : 'auto' });
        const chosen = r.summary.map((i) => r.sentences[i].text.replace(/\s*\n\s*/g, ' '));
        if (type === 'key-points') {
          const bullet = format === 'markdown' ? '- ' : '';
          assert.equal(out, chosen.map((c) => bullet + c).join('\n'), label);
          assert.equal(out.split('\n').length, n, label);
        } else if (type === 'headline') {
          assert.equal(out, r.title, label);
          assert.ok(!out.includes('\n'), label);
        } else {
          assert.equal(out, chosen.join(' '), label);
          assert.equal(chosen.length, n, label);
        }
        if (type === 'teaser') assert.equal(r.summary[0], r.sentences.findIndex((x) => x.parts.position !== undefined), label);
        s.destroy();
      }
    }
  }
});

test('headline without a title is the best sentence', async () => {
  const text = 'The river flooded the lower town overnight. Volunteers filled sandbags until dawn. The mayor thanked them.';
  const headline = await (await Summarizer.create({ type: 'headline' })).summarize(text);
  const tldr = await (await Summarizer.create({ type: 'tldr' })).summarize(text);
  assert.equal(headline, tldr);
  assert.ok(text.includes(headline));
});

test('summarizeStreaming(): one chunk a sentence, concatenating to summarize()', async () => {
  for (const type of Object.keys(COUNTS)) {
    for (const length of ['short', 'long']) {
      const s = await Summarizer.create({ type, length });
      const whole = await s.summarize(SEED);
      const chunks = await readAll(s.summarizeStreaming(SEED));
      assert.equal(chunks.join(''), whole, `${type}/${length}`);
      assert.equal(chunks.length, type === 'headline' ? 1 : COUNTS[type][length], `${type}/${length}`);
      assert.ok(chunks.every((c) => typeof c === 'string' && c.length > 0));
    }
  }
});

test('blank input gives "" and no chunks; measureInputUsage() counts UTF-8 bytes', async () => {
  const s = await Summarizer.create();
  for (const blank of ['', '  \n\t ']) {
    assert.equal(await s.summarize(blank), '');
    assert.deepEqual(await readAll(s.summarizeStreaming(blank)), []);
  }
  assert.equal(await s.measureInputUsage('héllo 😀'), 11);
  assert.equal(await s.measureInputUsage(''), 0);
});

test('input over inputQuota rejects with a QuotaExceededError', async () => {
  const s = await Summarizer.create();
  const big = 'a'.repeat(s.inputQuota + 1);
  await assert.rejects(s.summarize(big), (e) => e.name === 'QuotaExceededError' && e.requested === s.inputQuota + 1);
});

test('destroy() and abort signals: AbortError, as in Chrome', async () => {
  const s = await Summarizer.create();
  const pending = s.summarize(SEED);
  s.destroy();
  await assert.rejects(pending, { name: 'AbortError' });
  await assert.rejects(s.summarize(SEED), { name: 'AbortError' });
  await assert.rejects(s.measureInputUsage(SEED), { name: 'AbortError' });
  assert.throws(() => s.summarizeStreaming(SEED), { name: 'AbortError' });
  s.destroy(); // twice is fine

  const reason = new Error('stop');
  await assert.rejects(Summarizer.create({ signal: AbortSignal.abort(reason) }), (e) => e === reason);

  const controller = new AbortController();
  const t = await Summarizer.create({ signal: controller.signal });
  assert.equal(await t.summarize('One sentence here.'), '- One sentence here.');
  controller.abort(reason); // aborting the create() signal later destroys the summarizer
  await assert.rejects(t.summarize(SEED), (e) => e === reason);

  const u = await Summarizer.create();
  await assert.rejects(u.summarize(SEED, { signal: AbortSignal.abort(reason) }), (e) => e === reason);
  const call = new AbortController();
  const stream = u.summarizeStreaming(SEED, { signal: call.signal });
  const reader = stream.getReader();
  assert.equal(typeof (await reader.read()).value, 'string');
  call.abort(reason);
  await assert.rejects(reader.read(), (e) => e === reason);
  assert.equal(await u.summarize('One sentence here.'), '- One sentence here.', 'the summarizer itself lives on');
});

// ---------------------------------------------------------------- the Worker helper

test('createWorker() in Node: "unsupported" (no Web Workers)', () => {
  assert.equal(typeof globalThis.Worker, 'undefined');
  assert.throws(() => createWorker(), (e) => e instanceof PrecisError && e.code === 'unsupported');
});

test(
  'createWorker() spawns a module worker and summarizes in it',
  { skip: 'Node 20 has no Web Worker global (only worker_threads); covered in Chromium by tests/web/embed.test.mjs' },
  () => {},
);

test('the worker protocol, served on a stand-in scope: {id, text, options} -> {id, result | error}', async () => {
  const scope = new EventTarget();
  const replies = [];
  let arrived;
  scope.postMessage = (message) => {
    replies.push(structuredClone(message));
    arrived?.();
  };
  serve(scope);
  serve(scope); // a second call does not answer twice
  const send = async (data, count) => {
    const done = new Promise((resolve) => {
      arrived = () => replies.length >= count && resolve();
    });
    scope.dispatchEvent(new MessageEvent('message', { data }));
    await done;
  };
  await send({ load: {} }, 1);
  assert.deepEqual(replies[0], { loaded: true });
  await send({ id: 7, text: SEED, options: { sentences: 2 } }, 2);
  assert.equal(replies[1].id, 7);
  assert.equal(replies[1].result.summary.length, 2);
  assert.deepEqual(replies[1].result, await summarize(SEED, { sentences: 2 }).then((r) => ({ ...r, stats: { ...r.stats, milliseconds: replies[1].result.stats.milliseconds } })));
  await send({ id: 'b', text: 'One sentence.', options: { sentences: 0 } }, 3);
  assert.equal(replies[2].id, 'b');
  assert.equal(replies[2].error.code, 'invalid_option');
  await send({ id: 9, text: 42 }, 4);
  assert.equal(replies[3].error.code, 'invalid_input');
  scope.dispatchEvent(new MessageEvent('message', { data: 'not a request' }));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(replies.length, 4, 'anything else is ignored');
});

// ---------------------------------------------------------------- the element module

test('precis/element imports in Node without defining anything', async () => {
  const { PrecisSummaryElement } = await import('precis/element');
  assert.equal(typeof PrecisSummaryElement, 'function');
  assert.deepEqual(PrecisSummaryElement.observedAttributes.slice().sort(), [
    'algorithm', 'characters', 'for', 'format', 'lang', 'metadata', 'ratio', 'sentences', 'words',
  ]);
});
