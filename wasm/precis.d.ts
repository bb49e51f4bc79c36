// Précis: extractive summarization (ES module + WebAssembly).

export interface SummarizeOptions {
  /** Number of sentences in the summary (default 3). Give only one of sentences/ratio/words/characters. */
  sentences?: number;
  /** Share of the sentences, in (0, 1]. */
  ratio?: number;
  /** As many top sentences as fit in this many words; never cuts a sentence. */
  words?: number;
  /** As many top sentences as fit in this many characters (code points); never cuts a sentence. */
  characters?: number;
  /** "auto" (default) or a language tag such as "en", "de", "pt-BR". */
  lang?: string;
  /**
   * "auto" (default): position, centrality, keywords, title overlap, length and
   * quotations, weighted (see docs/QUALITY.md); "lead": the first sentences; the
   * classic unsupervised scorers: "textrank", "lexrank", "centroid", "sumbasic",
   * "luhn", "klsum".
   */
  algorithm?: 'auto' | 'lead' | 'textrank' | 'lexrank' | 'centroid' | 'sumbasic' | 'luhn' | 'klsum';
  /**
   * "text" (default) or "html": the page's visible text is summarized (scripts, styles,
   * navigation and footers left out; headings, captions and links known from the markup),
   * and the result's `text` holds it: offsets refer to it, not to the HTML.
   */
  input?: 'text' | 'html';
  /** Inputs longer than this many UTF-8 bytes fail with "input_too_large" (default 16 MiB; texts of more than 1,000,000 lines or sentences fail the same way). */
  max_input_bytes?: number;
}

export interface Sentence {
  text: string;
  /** UTF-16 index into the input string (inclusive). */
  start: number;
  /** UTF-16 index into the input string (exclusive): text === input.slice(start, end). */
  end: number;
  /** Index of the block (paragraph, headline, byline line, ...) holding the sentence. */
  block: number;
  /**
   * What that block is. Only body text ("paragraph", "list_item", "quote") is ever chosen;
   * the rest is the article's furniture: the headline ("title"), "heading", "dateline",
   * "byline", photo "caption", "tagline", author "bio", "navigation", "promo" (share,
   * subscribe, newsletter, cookies, ads, "Read more") and "footer".
   */
  block_type: 'paragraph' | 'list_item' | 'quote' | 'title' | 'heading' | 'dateline' | 'byline' | 'caption'
    | 'tagline' | 'bio' | 'navigation' | 'promo' | 'footer';
  /** Higher is more summary-worthy; 0 for sentences that cannot be chosen. The sum of `parts` but "redundancy". */
  score: number;
  selected: boolean;
  /**
   * Why: the parts of the score. Algorithm "auto": "position", "centrality",
   * "keywords", "lead", "title", "length", "quote" (only those that are not 0); "lead":
   * "position"; the classic scorers: their own name. "redundancy" (negative) is the
   * penalty a chosen sentence paid for resembling the ones chosen before it. Empty for
   * sentences that cannot be chosen (headlines, bylines, fragments).
   */
  parts: Record<string, number>;
}

export interface Keyword {
  text: string;
  /** In (0, 1]; the best keyword scores 1. */
  score: number;
}

/**
 * Something the core wants the caller to know about the input, with a stable `code`
 * (the `message` is for people and may change):
 *
 * - "no_article": input "html" only: the page has no article (a home page, search
 *   results, a login wall, nothing but navigation); the result's `summary` is empty.
 *
 * More codes may come: treat an unknown code as information, not as an error.
 */
export interface PrecisWarning {
  code: 'no_article' | string;
  message: string;
}

export interface SummaryResult {
  /** Language tag used ("en", or "und" when undetermined). */
  language: string;
  /** The article's headline when it has one (used for scoring, never repeated in the summary); else "". */
  title: string;
  /** Input "html": the author line (e.g. "By Helen Marsh"), only when the page has one. */
  byline?: string;
  /** Input "html": when the article was published, an ISO 8601 date or date-time ("2025-03-14", "2025-03-14T09:30:00Z"), only when the page says. */
  published?: string;
  /** Input "html": the name of the site or publication ("The Ledger"), only when the page has one. */
  site_name?: string;
  /** Input "html" only: the text the page shows, which `start`/`end` index. */
  text?: string;
  sentences: Sentence[];
  /** Indices into `sentences` of the summary, in document order (empty for a page without an article: see `warnings`). */
  summary: number[];
  keywords: Keyword[];
  stats: { characters: number; words: number; sentences: number; milliseconds: number };
  /**
   * What the core noticed about the input, in order (empty when nothing): e.g.
   * `{ code: "no_article", message: "..." }` first when a page has no article, in which
   * case `summary` is empty.
   */
  warnings: PrecisWarning[];
}

export interface SplitResult {
  language: string;
  sentences: Array<Pick<Sentence, 'text' | 'start' | 'end' | 'block'>>;
}

/** Stable error codes. */
export type PrecisErrorCode =
  | 'invalid_option'
  | 'invalid_language'
  | 'input_too_large'
  | 'invalid_input'
  | 'unsupported'
  | 'internal_error';

export class PrecisError extends Error {
  readonly code: PrecisErrorCode;
}

export interface LoadOptions {
  /** Where to fetch precis-core.wasm from (default: next to this module). */
  wasmURL?: string | URL;
  /** The bytes of precis-core.wasm, if you have them already. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

/** A loaded core; its calls are synchronous. */
export interface Precis {
  summarize(text: string, options?: SummarizeOptions): SummaryResult;
  split(text: string, options?: Pick<SummarizeOptions, 'lang' | 'input' | 'max_input_bytes'>): SplitResult;
  /** The core's JSON with UTF-8 byte offsets (identical to `precis summarize --format json`). */
  summarizeJSON(text: string, options?: SummarizeOptions): string;
  readonly version: string;
}

/** Loads a core of its own (independent of the default one). */
export function load(options?: LoadOptions): Promise<Precis>;
/**
 * Sets how the default core is loaded: the core behind summarize(), split(), the
 * <precis-summary> element ("precis/element") and the Summarizer facade
 * ("precis/summarizer"). Call it before the first summary, e.g. when a bundler put
 * precis-core.wasm somewhere else: `configure({ wasmURL: new URL('./precis-core.wasm', import.meta.url) })`.
 * A default core already loaded is replaced.
 */
export function configure(options?: LoadOptions): void;
/** The default core, loaded on first use (a failed load is retried on the next call). */
export function ready(): Promise<Precis>;
/** Summarizes text with the default core (loaded on first use). */
export function summarize(text: string, options?: SummarizeOptions): Promise<SummaryResult>;
/** Splits text into sentences with the default core (loaded on first use). */
export function split(text: string, options?: Pick<SummarizeOptions, 'lang' | 'input' | 'max_input_bytes'>): Promise<SplitResult>;
