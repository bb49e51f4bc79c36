// <precis-summary for="article-id" sentences="3">: the summary of another element of the
// page, kept up to date.
//
//   <script type="module">import 'precis/element';</script>
//   <article id="story">...</article>
//   <precis-summary for="story" sentences="3"></precis-summary>
//
// Importing this module defines the element (once). It reads the element whose id is
// `for`: an element of the page as HTML (its outerHTML, summarized with input "html",
// so that the core leaves out menus, asides, footers and the like inside it, as for a
// pasted web page), a textarea or input as the plain text of its value. It summarizes
// it with the default core of precis.mjs, and shows the chosen sentences in its shadow
// root, as a list (format="list", the default) or a paragraph (format="text"); for a
// page without an article (the core's "no_article" warning) it says "No article found
// on this page" instead. With the boolean attribute `metadata` it also shows the
// article's title, byline, publication date and site name above the summary, when the
// core found them. Text is only ever set through textContent; there are no inline
// styles (one constructed stylesheet), so it works under a strict
// Content-Security-Policy. It summarizes again when its attributes change and, 150 ms
// after the last change, when the source's content changes. After each summary it sets
// `.result` and dispatches a "precis-summary" event; on failure it sets `.error` and
// dispatches "precis-error".
//
// Attributes: for, sentences | ratio | words | characters, lang, algorithm (the options
// of summarize()), format, metadata. Style it from outside with ::part(list),
// ::part(sentence), ::part(text), ::part(notice) (the no-article message) and
// ::part(meta) (holding ::part(title) and ::part(meta-line), which holds
// ::part(byline), ::part(published) (a <time datetime>) and ::part(site-name)); its
// state is the `state` property and the custom states :state(loading), :state(ready),
// :state(error).
import { PrecisError, summarize } from './precis.mjs';

const TAG = 'precis-summary';
const NUMBER_ATTRIBUTES = ['sentences', 'ratio', 'words', 'characters'];
const STRING_ATTRIBUTES = ['lang', 'algorithm'];
const STATES = ['idle', 'loading', 'ready', 'error'];
/** Shown in place of the summary when the core says the page has no article. */
const NO_ARTICLE = 'No article found on this page';
/** Source attributes that change what the core sees in its HTML (hidden content is left out). */
const SOURCE_ATTRIBUTES = ['hidden', 'style', 'open'];
/** How long the source must stay unchanged before it is summarized again. */
const DEBOUNCE_MS = 150;

const Base = globalThis.HTMLElement ?? class {};

let sharedSheet = null;
function stylesheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(
      ':host { display: block; } :host([hidden]) { display: none; } p { margin: 0; } ul { margin: 0; }'
        + ' [part~="meta"] { margin-bottom: 0.5em; } [part~="title"] { font-weight: bold; }',
    );
  }
  return sharedSheet;
}

/**
 * What to summarize: a textarea's or input's value as plain text; any other element as
 * HTML (its outerHTML: the element's own tag, say <article> or <nav>, tells the core
 * what it is), so that the core finds the article in it and leaves the page's
 * furniture out.
 */
function readSource(source) {
  const { HTMLTextAreaElement, HTMLInputElement } = globalThis;
  if (source instanceof HTMLTextAreaElement || source instanceof HTMLInputElement) {
    return { text: source.value, input: 'text' };
  }
  if (typeof source.outerHTML === 'string') return { text: source.outerHTML, input: 'html' };
  return { text: source.textContent ?? '', input: 'text' };
}

const noArticle = (result) =>
  Array.isArray(result?.warnings) && result.warnings.some((warning) => warning?.code === 'no_article');

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO 8601 date or date-time as the reader writes dates (as the page does); else as it is. */
function formatPublished(iso) {
  try {
    const day = DATE_ONLY.exec(iso);
    if (day) {
      const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
      if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(day[2]) - 1) return iso;
      return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return iso;
    const time = Date.parse(iso);
    if (Number.isNaN(time)) return iso;
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(time));
  } catch {
    return iso;
  }
}

function toNumber(value) {
  const trimmed = value.trim();
  const number = Number(trimmed);
  // Anything that is not a plain number goes to the core as it is, which rejects it
  // with an "invalid_option" error that names the attribute.
  return trimmed !== '' && Number.isFinite(number) ? number : value;
}

/** An element of the shadow root, named for ::part(), holding `text` as text. */
function part(tag, name, text) {
  const node = document.createElement(tag);
  node.setAttribute('part', name);
  if (text !== undefined) node.textContent = text;
  return node;
}

export class PrecisSummaryElement extends Base {
  static observedAttributes = ['for', 'format', 'metadata', ...NUMBER_ATTRIBUTES, ...STRING_ATTRIBUTES];

  #root;
  #internals = null;
  #result = null;
  #error = null;
  #state = 'idle';
  #timer = 0;
  #run = 0;
  #source = null;
  #sourceObserver = null;
  #waitObserver = null;
  #onInput = () => this.#schedule(DEBOUNCE_MS);

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    try {
      this.#root.adoptedStyleSheets = [stylesheet()];
    } catch {
      // No constructable stylesheets: unstyled, which is fine.
    }
    try {
      this.#internals = this.attachInternals();
    } catch {
      this.#internals = null;
    }
  }

  connectedCallback() {
    this.#schedule(0);
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    this.#run++; // a summary still on its way is dropped
    this.#unwatch();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'format' || name === 'metadata') this.#render();
    else this.#schedule(0);
  }

  /** The last result of summarize() (null before the first, and after an error). */
  get result() {
    return this.#result;
  }

  /** The texts of the chosen sentences, in document order (none for a page without an article). */
  get sentences() {
    const r = this.#result;
    return r && !noArticle(r) ? r.summary.map((i) => r.sentences[i].text) : [];
  }

  /** The last error (a PrecisError, or null). */
  get error() {
    return this.#error;
  }

  /** "idle", "loading", "ready" or "error". */
  get state() {
    return this.#state;
  }

  /** Summarizes now (without waiting for the debounce); resolves to the result, or null. */
  refresh() {
    clearTimeout(this.#timer);
    return this.#update();
  }

  #schedule(delay) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#update(), delay);
  }

  #findSource() {
    const id = this.getAttribute('for');
    if (!id) return null;
    const root = this.getRootNode();
    return (typeof root.getElementById === 'function' ? root.getElementById(id) : null) ?? document.getElementById(id);
  }

  /** Observes `source` (or, while it is missing, the document, until it appears). */
  #watch(source) {
    if (source === this.#source && (source || this.#waitObserver)) return;
    this.#unwatch();
    this.#source = source;
    if (source) {
      this.#sourceObserver = new MutationObserver(() => this.#schedule(DEBOUNCE_MS));
      this.#sourceObserver.observe(source, {
        childList: true, subtree: true, characterData: true, attributeFilter: SOURCE_ATTRIBUTES,
      });
      source.addEventListener('input', this.#onInput);
    } else if (this.getAttribute('for')) {
      this.#waitObserver = new MutationObserver(() => {
        if (this.#findSource()) this.#schedule(0);
      });
      this.#waitObserver.observe(this.getRootNode(), { childList: true, subtree: true });
    }
  }

  #unwatch() {
    this.#sourceObserver?.disconnect();
    this.#waitObserver?.disconnect();
    this.#source?.removeEventListener('input', this.#onInput);
    this.#sourceObserver = this.#waitObserver = this.#source = null;
  }

  #options() {
    const options = {};
    for (const name of NUMBER_ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) options[name] = toNumber(value);
    }
    for (const name of STRING_ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null && value.trim() !== '') options[name] = value.trim();
    }
    return options;
  }

  async #update() {
    const run = ++this.#run;
    if (!this.isConnected) return null;
    const source = this.#findSource();
    this.#watch(source);
    if (!source) {
      if (this.getAttribute('for')) {
        this.#fail(new PrecisError('invalid_input', `<${TAG}>: no element with id "${this.getAttribute('for')}"`));
      } else {
        this.#result = this.#error = null;
        this.#render();
        this.#setState('idle');
      }
      return null;
    }
    this.#setState('loading');
    try {
      const { text, input } = readSource(source);
      const options = this.#options();
      if (input === 'html') options.input = 'html';
      const result = await summarize(text, options);
      if (run !== this.#run) return null; // superseded by a newer run
      this.#result = result;
      this.#error = null;
      this.#render();
      this.#setState('ready');
      this.dispatchEvent(
        new CustomEvent('precis-summary', { detail: { result, sentences: this.sentences }, bubbles: true, composed: true }),
      );
      return result;
    } catch (err) {
      if (run === this.#run) this.#fail(err);
      return null;
    }
  }

  #fail(error) {
    this.#result = null;
    this.#error = error;
    this.#render();
    this.#setState('error');
    this.dispatchEvent(new CustomEvent('precis-error', { detail: { error }, bubbles: true, composed: true }));
  }

  #setState(state) {
    this.#state = state;
    if (state === 'loading') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    const states = this.#internals?.states;
    if (!states) return;
    try {
      for (const s of STATES) states.delete(s);
      states.add(state);
    } catch {
      // Browsers that only know the older "--name" custom states: use `state` instead.
    }
  }

  #render() {
    const result = this.#result;
    const nodes = [];
    if (result && this.hasAttribute('metadata')) {
      const meta = this.#renderMeta(result);
      if (meta) nodes.push(meta);
    }
    const sentences = this.sentences;
    if (result && noArticle(result)) {
      const notice = part('p', 'notice', NO_ARTICLE);
      notice.setAttribute('role', 'status');
      nodes.push(notice);
    } else if (sentences.length === 0) {
      // nothing to show
    } else if (this.getAttribute('format') === 'text') {
      nodes.push(part('p', 'text', sentences.join(' ')));
    } else {
      const list = part('ul', 'list');
      for (const sentence of sentences) list.append(part('li', 'sentence', sentence));
      nodes.push(list);
    }
    this.#root.replaceChildren(...nodes);
  }

  /** The title, then "byline · date · site name", of what the core found; null when it found none. */
  #renderMeta(result) {
    const text = (field) => (typeof result[field] === 'string' ? result[field].trim() : '');
    const header = part('header', 'meta');
    if (text('title')) header.append(part('p', 'title', text('title')));
    const line = part('p', 'meta-line');
    for (const [field, name] of [['byline', 'byline'], ['published', 'published'], ['site_name', 'site-name']]) {
      const value = text(field);
      if (!value) continue;
      if (line.childNodes.length > 0) line.append(' \u00b7 ');
      const item = field === 'published' ? part('time', name, formatPublished(value)) : part('span', name, value);
      if (field === 'published') item.dateTime = value;
      line.append(item);
    }
    if (line.childNodes.length > 0) header.append(line);
    return header.childNodes.length > 0 ? header : null;
  }
}

if (globalThis.customElements && !customElements.get(TAG)) {
  customElements.define(TAG, PrecisSummaryElement);
}
