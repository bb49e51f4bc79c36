// Précis bench: the wasm module in Chromium, used by bench/run.mjs unless --no-chromium.
// A figure, not a test: nothing here checks time or fails because something is slow.
//
//   node bench/chromium.mjs [--quick] FILE...      (by hand: prints one JSON object)
//
// Serves wasm/ (read at request time, so a rebuilt module is picked up), the inputs and
// an empty bench page from 127.0.0.1 with node:http, and drives Debian's /usr/bin/chromium
// with playwright-core (headless). Responses carry COOP same-origin + COEP require-corp, so
// the page is cross-origin isolated and performance.now() has Chromium's fine (5 µs)
// resolution instead of the coarse (100 µs) one; nothing else depends on it.
//
// Per input, in a fresh browser context (a fresh renderer and wasm instance):
//   fetch the input as text (untimed), `await load()` (untimed), then warm-up: a first
//   call of precis.summarize(text, options), timed on its own ("first call"), and more
//   untimed calls until warmTime seconds have been spent warming up (V8 compiles wasm with
//   its baseline compiler and tiers hot functions up in the background: on the seed the
//   first ~20 calls are several times slower than the rest). Then timed calls until at
//   least minRuns calls and minTime seconds of timed work, or maxTime seconds: the same
//   protocol as the Node leg of bench/run.mjs. The figure is the median of
//   performance.now() around each call.
//   Memory: the module's WebAssembly.Memory buffer byteLength after the calls (the wasm
//   linear memory never shrinks, so this is its peak for that input; it excludes the JS
//   heap and the strings). performance.measureUserAgentSpecificMemory() gives current, not
//   peak, memory and is not used.
// Instantiation: in each of `instances` fresh contexts, time `await import(precis.mjs)`,
//   then the first `await load()` (fetch + compile + instantiate + the core's start-up),
//   then `repeats` more load() calls in the same page. Responses are sent with
//   Cache-Control: no-store, so every load() fetches and compiles the .wasm again.
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium through playwright-core (imported here, so --no-chromium needs neither). */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found (apt-get install -y --no-install-recommends chromium)`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Keeps the WebAssembly.Memory of the latest instance created through
 * WebAssembly.instantiate / instantiateStreaming in globalThis.__precisBenchMemory
 * (exported by the module, or else imported). Runs in Node (bench/run.mjs) and, as an
 * init script, in the page: it must stay self-contained.
 */
export function recordWasmMemory() {
  const g = globalThis;
  if (g.__precisBenchMemoryHook) return;
  g.__precisBenchMemoryHook = true;
  const find = (values) => Object.values(values ?? {}).find((v) => v instanceof WebAssembly.Memory);
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (source, imports) {
      return original.call(this, source, imports).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
        const memory = find(instance?.exports) ?? Object.values(imports ?? {}).map(find).find(Boolean);
        if (memory) g.__precisBenchMemory = memory;
        return result;
      });
    };
  }
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Précis bench</title></head>
<body></body></html>
`;

const MIME = { '.mjs': 'text/javascript; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/** Serves / (the page), /wasm/** (from <root>/wasm) and /input/<i> (inputs[i].path). */
function startServer(root, inputs) {
  const wasmDir = path.join(root, 'wasm');
  const server = http.createServer(async (req, res) => {
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    const send = (status, type, body) => {
      res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (url.pathname === '/' || url.pathname === '/bench.html') return send(200, 'text/html; charset=utf-8', PAGE);
      const input = /^\/input\/(\d+)$/.exec(url.pathname);
      if (input && inputs[Number(input[1])]) {
        return send(200, 'text/plain; charset=utf-8', await readFile(inputs[Number(input[1])].path));
      }
      if (url.pathname.startsWith('/wasm/')) {
        const file = path.resolve(wasmDir, '.' + decodeURIComponent(url.pathname.slice('/wasm'.length)));
        const type = MIME[path.extname(file)];
        if (type && file.startsWith(wasmDir + path.sep)) return send(200, type, await readFile(file));
      }
      send(404, 'text/plain; charset=utf-8', 'not found');
    } catch (error) {
      send(error.code === 'ENOENT' ? 404 : 500, 'text/plain; charset=utf-8', String(error.message));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

// In the page: the timing loop (the same protocol as the Node leg of bench/run.mjs).
async function measureInPage({ url, options, proto }) {
  const text = await (await fetch(url)).text();
  const { load } = await import('/wasm/precis.mjs');
  const precis = await load();
  const memory = globalThis.__precisBenchMemory;
  // Warm-up: the first call (timed on its own), then untimed calls until warmTime seconds:
  // V8 starts with baseline code and tiers hot wasm functions up in the background.
  const t = performance.now();
  const warm = precis.summarize(text, options);
  const firstCall = performance.now() - t;
  let warmCalls = 1;
  for (let spent = firstCall; spent < proto.warmTime * 1e3; warmCalls++) {
    const a = performance.now();
    precis.summarize(text, options);
    spent += performance.now() - a;
  }
  const ms = [];
  let total = 0;
  while (ms.length === 0 || ((ms.length < proto.minRuns || total < proto.minTime * 1e3) && total < proto.maxTime * 1e3)) {
    const t0 = performance.now();
    const result = precis.summarize(text, options);
    const t1 = performance.now();
    if (result.sentences.length !== warm.sentences.length) throw new Error('inconsistent result between runs');
    ms.push(t1 - t0);
    total += t1 - t0;
  }
  ms.sort((a, b) => a - b);
  const n = ms.length;
  return {
    runs: n,
    warm_up_calls: warmCalls,
    first_call_ms: firstCall,
    median_ms: n % 2 ? ms[(n - 1) / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2,
    min_ms: ms[0],
    sentences: warm.sentences.length,
    summary: warm.summary,
    language: warm.language,
    wasm_memory_bytes: memory ? memory.buffer.byteLength : null,
    isolated: globalThis.crossOriginIsolated === true,
  };
}

// In the page: import time, first load() and repeated load() calls.
async function instantiateInPage(repeats) {
  const t0 = performance.now();
  const { load } = await import('/wasm/precis.mjs');
  const t1 = performance.now();
  await load();
  const t2 = performance.now();
  const repeat = [];
  for (let i = 0; i < repeats; i++) {
    const a = performance.now();
    await load();
    repeat.push(performance.now() - a);
  }
  return { import_ms: t1 - t0, first_ms: t2 - t1, repeat_ms: repeat };
}

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : undefined;
};

/**
 * inputs: [{ label, path, bytes }]; config: { minRuns, minTime, maxTime };
 * options: what precis.summarize gets. Returns { browser, isolated, instantiate, results }.
 */
export async function runChromium({ root = ROOT, inputs, config, options, instances = 5, repeats = 5, log = () => {} }) {
  const { server, origin } = await startServer(root, inputs);
  const browser = await launchBrowser();
  const proto = { warmTime: config.warmTime, minRuns: config.minRuns, minTime: config.minTime, maxTime: config.maxTime };
  const open = async () => {
    const context = await browser.newContext();
    await context.addInitScript(recordWasmMemory);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const response = await page.goto(`${origin}/bench.html`);
    if (response.status() !== 200) throw new Error(`bench page: HTTP ${response.status()}`);
    return { context, page, errors };
  };
  try {
    const results = [];
    for (const [i, input] of inputs.entries()) {
      log(`chromium: summarize ${input.label} ...`);
      const { context, page } = await open();
      try {
        const r = await page.evaluate(measureInPage, { url: `/input/${i}`, options, proto });
        results.push({ label: input.label, file: path.relative(root, input.path), bytes: input.bytes, ...r });
      } finally {
        await context.close();
      }
    }
    log('chromium: instantiation ...');
    const samples = [];
    for (let k = 0; k < instances; k++) {
      const { context, page } = await open();
      try {
        samples.push(await page.evaluate(instantiateInPage, repeats));
      } finally {
        await context.close();
      }
    }
    return {
      browser: `Chromium ${browser.version()}`,
      isolated: results.every((r) => r.isolated),
      instantiate: summarizeInstantiation(samples),
      results,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/** Medians of import / first load() / repeated load() samples (Node or Chromium). */
export function summarizeInstantiation(samples) {
  return {
    samples: samples.length,
    import_ms: median(samples.map((s) => s.import_ms)),
    first_ms: median(samples.map((s) => s.first_ms)),
    first_min_ms: Math.min(...samples.map((s) => s.first_ms)),
    first_max_ms: Math.max(...samples.map((s) => s.first_ms)),
    repeat_ms: median(samples.flatMap((s) => s.repeat_ms)),
    repeats: samples.reduce((n, s) => n + s.repeat_ms.length, 0),
    raw: samples,
  };
}

// By hand: node bench/chromium.mjs [--quick] FILE...
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const files = args.filter((a) => !a.startsWith('--'));
  if (!files.length) {
    console.error('usage: node bench/chromium.mjs [--quick] FILE...');
    process.exit(2);
  }
  const inputs = files.map((f) => ({ label: path.basename(f), path: path.resolve(f), bytes: readFileSync(f).length }));
  const config = quick ? { warmTime: 0.3, minRuns: 3, minTime: 0.2, maxTime: 2 } : { warmTime: 1, minRuns: 5, minTime: 1, maxTime: 10 };
  runChromium({ inputs, config, options: { sentences: 3 }, instances: quick ? 3 : 5, log: (m) => console.error(`bench: ${m}`) })
    .then((r) => console.log(JSON.stringify({ ...r, instantiate: { ...r.instantiate, raw: undefined } }, null, 2)))
    .catch((error) => {
      console.error(`bench/chromium.mjs: ${error.message}`);
      process.exit(1);
    });
}
