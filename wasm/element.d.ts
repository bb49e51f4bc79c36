// <precis-summary> ("precis/element"): importing the module defines the element.
//
//   <precis-summary for="story" sentences="3" format="list"></precis-summary>
//
// Attributes: `for` (id of the element to summarize: an element of the page is read as
// HTML, its outerHTML, and summarized with input "html", so the core leaves out the
// menus, asides and footers inside it as it does for a pasted web page; a textarea or
// input is read as the plain text of its value), `sentences` | `ratio` | `words` |
// `characters`, `lang`, `algorithm` (as in summarize()), `format` ("list", the default,
// or "text"), and `metadata` (boolean: also show the article's title, byline,
// publication date and site name above the summary, those the core found). It
// summarizes again when they change, and 150 ms after the source's content last changed.
//
// A page without an article (the result's warnings hold "no_article": a home page, a
// list of links, a login wall) shows "No article found on this page" (a role="status"
// paragraph, ::part(notice)) instead of the summary; `sentences` is then empty.
//
// Parts, for styling from outside: list, sentence (format "list"), text (format "text"),
// notice, and with `metadata`: meta (a header) holding title and meta-line, which holds
// byline, published (a <time datetime="ISO 8601">, shown as the reader writes dates)
// and site-name.
import type { PrecisError, SummaryResult } from './precis.js';

export interface PrecisSummaryEventDetail {
  result: SummaryResult;
  /** The chosen sentences' texts, in document order (empty when `result.warnings` holds "no_article"). */
  sentences: string[];
}

export class PrecisSummaryElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The last result (null before the first summary and after an error). */
  readonly result: SummaryResult | null;
  /** The chosen sentences' texts, in document order (what is shown; empty for a page without an article). */
  readonly sentences: string[];
  /** The last error: a PrecisError (bad attribute, missing source) or null. */
  readonly error: PrecisError | Error | null;
  /** Also exposed as the custom states :state(loading), :state(ready), :state(error). */
  readonly state: 'idle' | 'loading' | 'ready' | 'error';
  /** Summarizes now; resolves to the result (null on error or when superseded). */
  refresh(): Promise<SummaryResult | null>;
}

declare global {
  interface HTMLElementTagNameMap {
    'precis-summary': PrecisSummaryElement;
  }
  interface HTMLElementEventMap {
    /** Bubbles and crosses shadow roots. */
    'precis-summary': CustomEvent<PrecisSummaryEventDetail>;
    'precis-error': CustomEvent<{ error: PrecisError | Error }>;
  }
}
