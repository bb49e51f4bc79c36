// Précis: extractive summarization in the browser, in Workers and in Node.
//
//   import { summarize } from 'precis';
//   const result = await summarize(articleText, { sentences: 3 });
//   for (const i of result.summary) console.log(result.sentences[i].text);
//
// The module loads its WebAssembly core (dist/precis-core.wasm, next to this file)
// on first use and never touches the network otherwise. All text logic lives in the
// core; this file only marshals strings and turns core errors into PrecisError.
import createPrecisCore from './dist/precis-core.mjs';

/** An error reported by the core, with a stable `code` (see precis.d.ts). */
export class PrecisError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'PrecisError';
    this.code = code;
  }
}

const isNode = typeof process === 'object' && typeof process.versions === 'object' && !!process.versions.node;

// JavaScript strings may hold lone surrogates, which have no UTF-8 form; emscripten's
// string copy would mangle the code unit after them. Replacing each by U+FFFD (one code
// unit, like the WHATWG TextEncoder does) keeps every UTF-16 index where it was.
// Text goes to the core as UTF-8 that TextEncoder writes (lone surrogates become
// U+FFFD, as the core's own repair would make them: one UTF-16 unit either way, so the
// offsets still index the caller's string).
const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Texts longer than this (UTF-8 bytes) are checked against the size limit before they
// are copied into the wasm memory (see #withText); shorter ones cost nothing to copy.
const LARGE = 1 << 20;

function unwrap(json) {
  const value = JSON.parse(json);
  if (value && value.error) throw new PrecisError(value.error.code, value.error.message);
  return value;
}

// Lone surrogates as U+FFFD, what the core's text holds where the caller's string had
// one. String.prototype.toWellFormed where the engine has it (Node 20, Chrome 111,
// Firefox 119, Safari 16.4); the pattern is the fallback (fixed-width lookarounds: linear).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function wellFormed(text) {
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

// For text input the core leaves every sentence's "text" null (SentenceTexts::kNull):
// it is the slice of the caller's string between the UTF-16 offsets, lone surrogates
// repaired as the core repaired them. (HTML input: the core writes the texts.)
function fillTexts(value, text) {
  const sentences = value && value.sentences;
  if (!Array.isArray(sentences) || sentences.length === 0 || sentences[0].text !== null) return value;
  const source = wellFormed(text);
  for (const s of sentences) s.text = source.slice(s.start, s.end);
  return value;
}

function checkArgs(text, options) {
  if (typeof text !== 'string') throw new PrecisError('invalid_input', 'text must be a string');
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new PrecisError('invalid_option', 'options must be an object');
  }
  return JSON.stringify(options ?? {});
}

/** A loaded core: synchronous calls. */
class Precis {
  #core;
  constructor(core) {
    this.#core = core;
  }
  // Calls fn(address, length) with the text's UTF-8 in the core's memory. A large text
  // is first checked against the size limit by the core (checkSize, with the call's
  // options): the wasm memory grows for good, so a text the core would refuse is never
  // copied in. fn returns a view of the core's reply (UTF-8 JSON in its memory), which
  // is decoded and released here. Returns the reply's JSON, or the core's error JSON.
  #withText(text, opts, fn) {
    const core = this.#core;
    const bytes = encoder.encode(text);
    if (bytes.length > LARGE) {
      const refusal = core.checkSize(bytes.length, opts);
      if (refusal) return refusal;
    }
    const at = core._malloc(bytes.length + 1);
    if (!at) throw new PrecisError('input_too_large', 'out of memory for the text');
    try {
      core.HEAPU8.set(bytes, at);  // HEAPU8 read after _malloc: memory may have grown
      return decoder.decode(fn(at, bytes.length));
    } finally {
      core.releaseReply();
      core._free(at);
    }
  }
  /** Summarizes text; offsets in the result are UTF-16 indices into `text`. */
  summarize(text, options) {
    const opts = checkArgs(text, options);
    return fillTexts(unwrap(this.#withText(text, opts, (at, n) => this.#core.summarize(at, n, opts))), text);
  }
  /** Splits text into sentences. */
  split(text, options) {
    const opts = checkArgs(text, options);
    return fillTexts(unwrap(this.#withText(text, opts, (at, n) => this.#core.split(at, n, opts))), text);
  }
  /** The core's own JSON with UTF-8 byte offsets, as `precis summarize --format json`. */
  summarizeJSON(text, options) {
    const opts = checkArgs(text, options);
    const json = this.#withText(text, opts, (at, n) => this.#core.summarizeBytes(at, n, opts));
    unwrap(json);
    return json;
  }
  get version() {
    return this.#core.version();
  }
}

let defaultOptions = {};
let defaultInstance = null;

/**
 * Loads the core. Options: `wasmURL` (string or URL of precis-core.wasm), or
 * `wasmBinary` (its bytes). Without them the .wasm next to this module is used.
 */
export async function load(options = {}) {
  const moduleArgs = {};
  if (options.wasmBinary) {
    moduleArgs.wasmBinary = options.wasmBinary;
  } else if (isNode && !options.wasmURL) {
    // In Node, read the file: fetch() of a file: URL is not available. The specifier is
    // computed so that bundlers building for the browser leave this import alone.
    const fsModule = 'node:fs/promises';
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fsModule);
    moduleArgs.wasmBinary = await readFile(new URL('./dist/precis-core.wasm', import.meta.url));
  } else {
    const url = options.wasmURL ? String(options.wasmURL) : new URL('./dist/precis-core.wasm', import.meta.url).href;
    moduleArgs.locateFile = () => url;
  }
  return new Precis(await createPrecisCore(moduleArgs));
}

function instance() {
  if (!defaultInstance) {
    const loading = load(defaultOptions);
    defaultInstance = loading;
    // A failed load (say, a network hiccup fetching the .wasm) is not remembered: the
    // next call tries again.
    loading.catch(() => {
      if (defaultInstance === loading) defaultInstance = null;
    });
  }
  return defaultInstance;
}

/**
 * Sets how the default core (the one behind summarize(), split(), the <precis-summary>
 * element and the Summarizer facade) is loaded: the same options as load(), e.g.
 * `configure({ wasmURL: '/assets/precis-core.wasm' })` when a bundler moved the .wasm.
 * Call it before the first summary; a default core already loaded is replaced.
 */
export function configure(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new PrecisError('invalid_option', 'configure() takes an options object');
  }
  defaultOptions = { ...options };
  defaultInstance = null;
}

/** The default core, loaded on first use (see configure()). */
export function ready() {
  return instance();
}

/** Summarizes text with the default core (loaded on first use). */
export async function summarize(text, options) {
  return (await instance()).summarize(text, options);
}

/** Splits text into sentences with the default core (loaded on first use). */
export async function split(text, options) {
  return (await instance()).split(text, options);
}
