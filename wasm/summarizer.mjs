// The shape of the Summarizer API built into Chrome (Summarizer.availability(),
// Summarizer.create(), summarize(), summarizeStreaming(), measureInputUsage(),
// destroy()), served by Précis. It is extractive: the summary quotes sentences of the
// input verbatim and never rewrites, shortens or translates them.
//
//   import { Summarizer } from 'precis/summarizer';
//   const summarizer = await Summarizer.create({ type: 'key-points', length: 'medium' });
//   const markdown = await summarizer.summarize(articleText);   // "- ...\n- ...\n- ..."
//
// Mapping (see summarizer.d.ts and the README):
//   type          short medium long   output
//   key-points      3     5     7     sentences, one a line ("- " bullets in markdown)
//   tldr            1     3     5     sentences joined by spaces, one paragraph
//   teaser          1     2     3     the article's opening sentences (its lede), one paragraph
//   headline        1     1     1     the article's headline if it has one, else its best sentence
// sharedContext and context are accepted and ignored; the summary is in the language
// of the input. The input is text; `Summarizer.create({ input: 'html' })` (a Précis
// extension, which Chrome's API does not have) takes a web page's HTML instead, whose
// article the core finds: a page without one (a home page, a login wall) gives "".
import { PrecisError, ready } from './precis.mjs';

const TYPES = ['key-points', 'tldr', 'tl;dr', 'teaser', 'headline'];
const FORMATS = ['markdown', 'plain-text'];
const LENGTHS = ['short', 'medium', 'long'];
/** What the input is (a Précis extension): the core's "input" option. */
const INPUTS = ['text', 'html'];
const SENTENCES = {
  'key-points': { short: 3, medium: 5, long: 7 },
  tldr: { short: 1, medium: 3, long: 5 },
  teaser: { short: 1, medium: 2, long: 3 },
  headline: { short: 1, medium: 1, long: 1 },
};
/** The core's default limit on input size, in UTF-8 bytes (max_input_bytes). */
const INPUT_QUOTA = 16 * 1024 * 1024;

const CONSTRUCT = Symbol('Summarizer.create');

function checkEnum(value, allowed, what) {
  if (!allowed.includes(value)) {
    throw new TypeError(`The provided value '${value}' is not a valid enum value of type ${what}.`);
  }
  return value;
}

function languageList(value, what) {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string' || typeof value[Symbol.iterator] !== 'function') {
    throw new TypeError(`${what} must be a sequence of language tags`);
  }
  return canonical([...value].map(String), what);
}

function canonical(tags, what) {
  try {
    return Intl.getCanonicalLocales(tags);
  } catch (err) {
    throw new TypeError(`${what}: ${err.message}`);
  }
}

/** Validates and canonicalizes create()/availability() options (WebIDL-like: TypeError). */
function readOptions(options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object') throw new TypeError('options must be an object');
  const outputLanguage = options.outputLanguage ?? null;
  return {
    type: checkEnum(options.type ?? 'key-points', TYPES, 'SummarizerType'),
    format: checkEnum(options.format ?? 'markdown', FORMATS, 'SummarizerFormat'),
    length: checkEnum(options.length ?? 'short', LENGTHS, 'SummarizerLength'),
    input: checkEnum(options.input ?? 'text', INPUTS, 'PrecisSummarizerInput'),
    expectedInputLanguages: languageList(options.expectedInputLanguages, 'expectedInputLanguages'),
    expectedContextLanguages: languageList(options.expectedContextLanguages, 'expectedContextLanguages'),
    outputLanguage: outputLanguage === null ? null : canonical([String(outputLanguage)], 'outputLanguage')[0],
  };
}

const primary = (tag) => tag.split('-')[0].toLowerCase();

/**
 * Every language is summarized (30 have their own sentence rules, the rest use the
 * English ones), but the summary quotes the input, so it cannot come out in a
 * language other than the input's.
 */
function availabilityOf(opts) {
  if (typeof WebAssembly !== 'object') return 'unavailable';
  if (opts.outputLanguage && opts.expectedInputLanguages.length > 0) {
    const wanted = primary(opts.outputLanguage);
    if (!opts.expectedInputLanguages.some((tag) => primary(tag) === wanted)) return 'unavailable';
  }
  return 'available';
}

function anySignal(signals) {
  signals = signals.filter(Boolean);
  if (signals.length === 1) return signals[0];
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function quotaExceeded(requested) {
  const err = new DOMException(
    `The input is ${requested} bytes long; this summarizer takes at most ${INPUT_QUOTA}.`,
    'QuotaExceededError',
  );
  err.requested = requested;
  err.quota = INPUT_QUOTA;
  return err;
}

/** One line: sentences may span line breaks, which would break a bullet list. */
const oneLine = (text) => text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();

function monitorEvent(loaded) {
  if (typeof ProgressEvent === 'function') {
    return new ProgressEvent('downloadprogress', { loaded, total: 1, lengthComputable: true });
  }
  const event = new Event('downloadprogress');
  Object.defineProperties(event, {
    loaded: { value: loaded, enumerable: true },
    total: { value: 1, enumerable: true },
    lengthComputable: { value: true, enumerable: true },
  });
  return event;
}

/** An extractive stand-in for Chrome's built-in Summarizer, with the same API shape. */
export class Summarizer {
  #options;
  #sharedContext;
  #destroyed = new AbortController();

  constructor(token, options, sharedContext) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor: use Summarizer.create()');
    this.#options = options;
    this.#sharedContext = sharedContext;
  }

  /** Resolves to "available" (the core ships with the module; nothing to download), or "unavailable". */
  static async availability(options = {}) {
    return availabilityOf(readOptions(options));
  }

  /** Loads the core (on first use) and resolves to a Summarizer. */
  static async create(options = {}) {
    options ??= {};
    const signal = options.signal;
    signal?.throwIfAborted();
    const opts = readOptions(options);
    if (availabilityOf(opts) === 'unavailable') {
      throw new DOMException('Précis cannot summarize with these options (the summary is always in the language of its input)', 'NotSupportedError');
    }
    const monitor = new EventTarget();
    if (typeof options.monitor === 'function') options.monitor(monitor);
    monitor.dispatchEvent(monitorEvent(0));
    try {
      await ready();
    } catch (err) {
      const failure = new DOMException(`the Précis core did not load: ${err?.message ?? err}`, 'OperationError');
      failure.cause = err;
      throw failure;
    }
    monitor.dispatchEvent(monitorEvent(1));
    signal?.throwIfAborted();
    const summarizer = new Summarizer(CONSTRUCT, opts, options.sharedContext === undefined ? '' : String(options.sharedContext));
    signal?.addEventListener('abort', () => summarizer.#destroy(signal.reason), { once: true });
    return summarizer;
  }

  get type() {
    return this.#options.type;
  }
  get format() {
    return this.#options.format;
  }
  get length() {
    return this.#options.length;
  }
  /** "text" or "html" (a Précis extension, see create()). */
  get input() {
    return this.#options.input;
  }
  get sharedContext() {
    return this.#sharedContext;
  }
  get expectedInputLanguages() {
    const list = this.#options.expectedInputLanguages;
    return list.length ? Object.freeze([...list]) : null;
  }
  get expectedContextLanguages() {
    const list = this.#options.expectedContextLanguages;
    return list.length ? Object.freeze([...list]) : null;
  }
  get outputLanguage() {
    return this.#options.outputLanguage;
  }
  /** In UTF-8 bytes: the core's default max_input_bytes (16 MiB). */
  get inputQuota() {
    return INPUT_QUOTA;
  }

  /** Resolves to the summary, a string ("" for empty or blank input). */
  async summarize(input, options = {}) {
    return (await this.#chunks(input, options)).join('');
  }

  /**
   * The same summary as summarize(), as a ReadableStream of strings: one chunk a
   * sentence (a bullet for key-points), whose concatenation is the summary.
   */
  summarizeStreaming(input, options = {}) {
    const signal = anySignal([this.#destroyed.signal, options?.signal]);
    signal.throwIfAborted();
    let chunks = null;
    let next = 0;
    let onAbort = null;
    const drop = () => signal.removeEventListener('abort', onAbort);
    return new ReadableStream(
      {
        start: (controller) => {
          onAbort = () => {
            try {
              controller.error(signal.reason);
            } catch {
              // already closed
            }
          };
          signal.addEventListener('abort', onAbort, { once: true });
        },
        pull: async (controller) => {
          chunks ??= await this.#chunks(input, { ...options, signal });
          if (next < chunks.length) {
            controller.enqueue(chunks[next++]);
          } else {
            drop();
            controller.close();
          }
        },
        cancel: () => drop(),
      },
      { highWaterMark: 0 },
    );
  }

  /** Resolves to the input's size in UTF-8 bytes, the unit of inputQuota. */
  async measureInputUsage(input, options = {}) {
    const signal = anySignal([this.#destroyed.signal, options?.signal]);
    signal.throwIfAborted();
    return utf8Length(String(input));
  }

  /** Releases the summarizer: its pending and later calls reject with an "AbortError" DOMException. */
  destroy() {
    this.#destroy(new DOMException('The Summarizer was destroyed.', 'AbortError'));
  }

  #destroy(reason) {
    if (!this.#destroyed.signal.aborted) this.#destroyed.abort(reason);
  }

  /** The summary as the chunks summarizeStreaming() yields. */
  async #chunks(input, options) {
    const signal = anySignal([this.#destroyed.signal, options?.signal]);
    signal.throwIfAborted();
    const text = String(input);
    const requested = utf8Length(text);
    if (requested > INPUT_QUOTA) throw quotaExceeded(requested);
    const core = await ready();
    signal.throwIfAborted();
    if (text.trim() === '') return [];
    const { type, format, length, input: inputFormat } = this.#options;
    let result;
    try {
      const options = {
        sentences: SENTENCES[type === 'tl;dr' ? 'tldr' : type][length],
        algorithm: type === 'teaser' ? 'lead' : 'auto',
      };
      if (inputFormat === 'html') options.input = 'html';
      result = core.summarize(text, options);
    } catch (err) {
      if (err instanceof PrecisError && err.code === 'input_too_large') throw quotaExceeded(requested);
      const failure = new DOMException(err?.message ?? String(err), 'UnknownError');
      failure.cause = err;
      throw failure;
    }
    // A page without an article (a home page, search results, a login wall): nothing to
    // summarize, not even a headline, and not an error.
    if (Array.isArray(result.warnings) && result.warnings.some((w) => w?.code === 'no_article')) return [];
    const picked = result.summary.map((i) => oneLine(result.sentences[i].text)).filter(Boolean);
    if (type === 'headline') {
      const headline = oneLine(result.title) || picked[0];
      return headline ? [headline] : [];
    }
    if (type === 'key-points') {
      const bullet = format === 'markdown' ? '- ' : '';
      return picked.map((s, i) => (i ? '\n' : '') + bullet + s);
    }
    return picked.map((s, i) => (i ? ' ' : '') + s);
  }
}
