// The shape of Chrome's built-in Summarizer API, served by Précis ("precis/summarizer").
//
// EXTRACTIVE: the summary quotes sentences of the input verbatim; nothing is rewritten,
// shortened or translated, and no model is downloaded (the WebAssembly core ships with
// the package). What the options mean here:
//
//   type          length: short  medium  long   the summary
//   "key-points"           3      5       7     that many sentences, one a line;
//                                               format "markdown": each as a "- " bullet
//   "tldr"                 1      3       5     that many sentences, joined by spaces
//   "teaser"               1      2       3     the article's opening sentences (its lede), joined by spaces
//   "headline"             1      1       1     the article's headline if it has one, else its best sentence
//
// "tl;dr" (the spelling of the specification draft) is accepted as "tldr". Format
// "plain-text" never adds markup; "markdown" adds it only to key-points. Sentences that
// span line breaks are put on one line. Sentences are not Markdown-escaped.
// sharedContext and context are accepted and ignored; expectedInputLanguages may be any
// language (30 have their own sentence rules, the rest use the English ones); the summary
// is always in the language of the input, so an outputLanguage that none of the
// expectedInputLanguages share makes availability() "unavailable" and create() reject
// with a "NotSupportedError" DOMException.
//
// Précis extension: `input: "html"` in create() options makes the summarizer take a web
// page's HTML (the core finds its article and leaves menus, asides and footers out);
// summarize() of a page without an article (the core's "no_article" warning: a home
// page, search results, a login wall) resolves to "" (no chunk when streaming), as for
// blank input; it never rejects for that. Chrome's own Summarizer ignores the option.

export type SummarizerType = 'key-points' | 'tldr' | 'tl;dr' | 'teaser' | 'headline';
export type SummarizerFormat = 'markdown' | 'plain-text';
export type SummarizerLength = 'short' | 'medium' | 'long';
/** Précis extension: what summarize() takes, plain text (default) or a web page's HTML. */
export type SummarizerInput = 'text' | 'html';
/** What availability() can resolve to. Précis never says "downloadable" or "downloading". */
export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface SummarizerCreateCoreOptions {
  /** Default "key-points". */
  type?: SummarizerType;
  /** Default "markdown". */
  format?: SummarizerFormat;
  /** Default "short" (as in Chrome). */
  length?: SummarizerLength;
  /** BCP 47 tags; invalid ones reject with a TypeError. */
  expectedInputLanguages?: string[];
  expectedContextLanguages?: string[];
  outputLanguage?: string;
  /**
   * Précis extension: what the input is, "text" (default) or "html" (a web page, whose
   * article is summarized). Any other value rejects with a TypeError.
   */
  input?: SummarizerInput;
}

/** What the monitor dispatches: "downloadprogress" with `loaded` 0, then 1 once the core is loaded (`total` 1). */
export interface DownloadProgressEvent extends Event {
  readonly loaded: number;
  readonly total: number;
}

/** The monitor handed to `monitor`: listen for "downloadprogress" (a DownloadProgressEvent). */
export type CreateMonitor = EventTarget;

export interface SummarizerCreateOptions extends SummarizerCreateCoreOptions {
  /** Aborting it before create() settles rejects it; afterwards it destroys the summarizer. */
  signal?: AbortSignal;
  monitor?: (monitor: CreateMonitor) => void;
  /** Accepted and ignored (an extractive summary has no prompt to put it in). */
  sharedContext?: string;
}

export interface SummarizerSummarizeOptions {
  signal?: AbortSignal;
  /** Accepted and ignored. */
  context?: string;
}

export class Summarizer {
  /** Not constructible: use Summarizer.create(). */
  private constructor();
  /** "available" (nothing to download), or "unavailable" for an outputLanguage the input cannot be in. */
  static availability(options?: SummarizerCreateCoreOptions): Promise<Availability>;
  /** Loads the default core (see configure() in "precis") and resolves to a summarizer. */
  static create(options?: SummarizerCreateOptions): Promise<Summarizer>;

  /**
   * The summary ("" for empty or blank input, and with input "html" for a page without
   * an article). Rejects with an "AbortError" DOMException
   * after destroy(), with the signal's reason when it aborts, and with a
   * "QuotaExceededError" DOMException for inputs over inputQuota.
   */
  summarize(input: string, options?: SummarizerSummarizeOptions): Promise<string>;
  /**
   * The same summary as a stream of chunks, one a sentence (a bullet for key-points);
   * their concatenation equals what summarize() resolves to. No chunk for blank input.
   * Throws the abort reason at once if the summarizer is destroyed or the signal aborted.
   */
  summarizeStreaming(input: string, options?: SummarizerSummarizeOptions): ReadableStream<string>;
  /** The input's size in UTF-8 bytes, the unit of inputQuota. */
  measureInputUsage(input: string, options?: SummarizerSummarizeOptions): Promise<number>;
  /** 16777216: the core's default max_input_bytes (16 MiB of UTF-8). */
  readonly inputQuota: number;

  readonly type: SummarizerType;
  readonly format: SummarizerFormat;
  readonly length: SummarizerLength;
  /** Précis extension: "text" or "html", as given to create(). */
  readonly input: SummarizerInput;
  readonly sharedContext: string;
  readonly expectedInputLanguages: ReadonlyArray<string> | null;
  readonly expectedContextLanguages: ReadonlyArray<string> | null;
  readonly outputLanguage: string | null;

  /** Releases the summarizer: pending and later calls reject with an "AbortError" DOMException. */
  destroy(): void;
}
