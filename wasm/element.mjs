// <precis-summary for="article-id" sentences="3">: the summary of another element of the
// page, kept up to date.
//
//   <script type="module">import 'precis/element';</script>
//   <article id="story">...</article>
//   <precis-summary for="story" sentences="3"></precis-summary>
//
// Importing this module defines the element (once). It reads the text of the element
// whose id is `for` (its rendered text, or the value of a textarea or input), summarizes
// it with the default core of precis.mjs, and shows the chosen sentences in its shadow
// root, as a list (format="list", the default) or a paragraph (format="text"). Text is
// only ever set through textContent; there are no inline styles (one constructed
// stylesheet), so it works under a strict Content-Security-Policy. It summarizes again
// when its attributes change and, 150 ms after the last change, when the source's
// content changes. After each summary it sets `.result` and dispatches a
// "precis-summary" event; on failure it sets `.error` and dispatches "precis-error".
//
// Attributes: for, sentences | ratio | words | characters, lang, algorithm (the options
// of summarize()), format. Style it from outside with ::part(list), ::part(sentence)
// and ::part(text); its state is the `state` property and the custom states
// :state(loading), :state(ready), :state(error).
import { PrecisError, summarize } from './precis.mjs';

const TAG = 'precis-summary';
const NUMBER_ATTRIBUTES = ['sentences', 'ratio', 'words', 'characters'];
const STRING_ATTRIBUTES = ['lang', 'algorithm'];
const STATES = ['idle', 'loading', 'ready', 'error'];
/** How long the source must stay unchanged before it is summarized again. */
const DEBOUNCE_MS = 150;

const Base = globalThis.HTMLElement ?? class {};

let sharedSheet = null;
function stylesheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(
      ':host { display: block; } :host([hidden]) { display: none; } p { margin: 0; } ul { margin: 0; }',
    );
  }
  return sharedSheet;
}

function readText(source) {
  const { HTMLTextAreaElement, HTMLInputElement } = globalThis;
  if (source instanceof HTMLTextAreaElement || source instanceof HTMLInputElement) return source.value;
  // innerText keeps the breaks between paragraphs, which tell the core where blocks end.
  return typeof source.innerText === 'string' ? source.innerText : (source.textContent ?? '');
}

function toNumber(value) {
  const trimmed = value.trim();
  const number = Number(trimmed);
  // Anything that is not a plain number goes to the core as it is, which rejects it
  // with an "invalid_option" error that names the attribute.
  return trimmed !== '' && Number.isFinite(number) ? number : value;
}

export class PrecisSummaryElement extends Base {
  static observedAttributes = ['for', 'format', ...NUMBER_ATTRIBUTES, ...STRING_ATTRIBUTES];

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
    if (name === 'format') this.#render();
    else this.#schedule(0);
  }

  /** The last result of summarize() (null before the first, and after an error). */
  get result() {
    return this.#result;
  }

  /** The texts of the chosen sentences, in document order. */
  get sentences() {
    const r = this.#result;
    return r ? r.summary.map((i) => r.sentences[i].text) : [];
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
      this.#sourceObserver.observe(source, { childList: true, subtree: true, characterData: true });
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
      const result = await summarize(readText(source), this.#options());
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
    const sentences = this.sentences;
    if (sentences.length === 0) {
      this.#root.replaceChildren();
      return;
    }
    if (this.getAttribute('format') === 'text') {
      const p = document.createElement('p');
      p.setAttribute('part', 'text');
      p.textContent = sentences.join(' ');
      this.#root.replaceChildren(p);
      return;
    }
    const list = document.createElement('ul');
    list.setAttribute('part', 'list');
    for (const sentence of sentences) {
      const item = document.createElement('li');
      item.setAttribute('part', 'sentence');
      item.textContent = sentence;
      list.append(item);
    }
    this.#root.replaceChildren(list);
  }
}

if (globalThis.customElements && !customElements.get(TAG)) {
  customElements.define(TAG, PrecisSummaryElement);
}
