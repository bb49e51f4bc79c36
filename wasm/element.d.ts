// <precis-summary> ("precis/element"): importing the module defines the element.
//
//   <precis-summary for="story" sentences="3" format="list"></precis-summary>
//
// Attributes: `for` (id of the element to summarize: its rendered text, or the value of
// a textarea/input), `sentences` | `ratio` | `words` | `characters`, `lang`, `algorithm`
// (as in summarize()), `format` ("list", the default, or "text"). It summarizes again
// when they change, and 150 ms after the source's content last changed.
import type { PrecisError, SummaryResult } from './precis.js';

export interface PrecisSummaryEventDetail {
  result: SummaryResult;
  /** The chosen sentences' texts, in document order. */
  sentences: string[];
}

export class PrecisSummaryElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The last result (null before the first summary and after an error). */
  readonly result: SummaryResult | null;
  /** The chosen sentences' texts, in document order (what is shown). */
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
