// Rendering a packed result (see worker.js) into the page: the summary, the original with
// the chosen sentences highlighted and the article's furniture dimmed, the keywords, the
// figures, and the explanation of a sentence's score. User text only ever becomes text
// nodes (textContent, Text), never markup.

/** Block types the core can choose from; the rest is furniture (headline, byline, ...). */
export const BODY_TYPES = new Set(['paragraph', 'list_item', 'quote']);

const TYPE_NAMES = {
  paragraph: 'paragraph',
  list_item: 'list item',
  quote: 'quotation',
  title: 'headline',
  heading: 'heading',
  dateline: 'dateline',
  byline: 'byline',
  caption: 'photo caption',
  tagline: 'tag line',
  bio: 'author bio',
  navigation: 'navigation',
  promo: 'promotion',
  footer: 'footer',
};

/** Reading speed behind "reading time saved". */
export const WORDS_PER_MINUTE = 230;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function sentenceText(text, result, index) {
  return index < 0 ? result.title : text.slice(result.start[index], result.end[index]);
}

export function blockType(result, index) {
  return result.blockTypes[result.type[index]];
}

function signed(value) {
  // U+2212 MINUS SIGN: read as "minus" and as wide as the digits.
  return value < 0 ? `\u2212${Math.abs(value).toFixed(2)}` : value.toFixed(2);
}

/** "position 0.93, centrality 0.31, ..., redundancy −0.01", or "" when there are none. */
export function describeParts(result, index) {
  const k = result.partNames.length;
  const shown = [];
  for (let j = 0; j < k; j++) {
    const value = result.parts[index * k + j];
    if (!Number.isNaN(value)) shown.push(`${result.partNames[j]} ${signed(value)}`);
  }
  return shown.join(', ');
}

/**
 * The explanation of one sentence, as two lines: what it is and whether it was chosen,
 * then its score and why. `index` -1 is the article's title when it is not a sentence.
 */
export function explain(result, index, shown) {
  if (index < 0) return ['The article\u2019s title', 'Shown as the headline; titles are not scored.'];
  const type = blockType(result, index);
  const inSummary = shown.has(index);
  const body = BODY_TYPES.has(type);
  const status = inSummary
    ? type === 'title' ? 'the headline' : 'in the summary'
    : body ? 'not chosen' : 'not body text, never chosen';
  const head = `Sentence ${index + 1} of ${result.count} \u00b7 ${TYPE_NAMES[type] ?? type} \u00b7 ${status}`;
  const parts = describeParts(result, index);
  const score = `score ${signed(result.score[index])}`;
  return [head, parts ? `${score}: ${parts}` : `${score} (not scored)`];
}

/**
 * The summary: a bulleted list or a paragraph of the shown sentences, each focusable
 * (the Explainer describes the one with the focus). `notice`: a text shown instead
 * (hidden from assistive technology, which hears it from the page's status line).
 */
export function renderSummary(container, { text, result, shown, format, headline, notice = '' }) {
  const sentence = (tag, index) => {
    const node = el(tag, 'sentence', sentenceText(text, result, index));
    node.tabIndex = 0;
    node.dataset.sentence = String(index);
    return node;
  };
  container.classList.toggle('headline', headline);
  if (notice) {
    const note = el('p', 'summary-notice', notice);
    note.setAttribute('aria-hidden', 'true');
    container.replaceChildren(note);
    return;
  }
  if (shown.length === 0) {
    container.replaceChildren();
    return;
  }
  if (format === 'bullets') {
    const list = el('ul', 'summary-list');
    for (const index of shown) list.append(sentence('li', index));
    container.replaceChildren(list);
  } else {
    const paragraph = el('p', 'summary-text');
    shown.forEach((index, n) => {
      if (n > 0) paragraph.append(' ');
      paragraph.append(sentence('span', index));
    });
    container.replaceChildren(paragraph);
  }
}

/** Does the result carry the warning `code` (e.g. "no_article")? Cores before warnings: never. */
export function hasWarning(result, code) {
  return Array.isArray(result?.warnings) && result.warnings.some((warning) => warning?.code === code);
}

/** What the page says in place of the summary when the core found no article. */
export const NO_ARTICLE = 'No article found on this page';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * An ISO 8601 date or date-time as the reader writes dates: "2025-03-14" is
 * "March 14, 2025" (in English), always that day whatever the reader's time zone;
 * "2025-03-14T09:30:00Z" is also given its time, in the reader's time zone. Anything
 * that does not parse is returned as it is. `locales` and `timeZone` are for tests
 * (default: the reader's).
 */
export function formatPublished(iso, { locales, timeZone } = {}) {
  const value = String(iso ?? '').trim();
  try {
    let match = DATE_ONLY.exec(value);
    if (match) {
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      if (date.getUTCMonth() !== Number(match[2]) - 1) return value; // "2025-02-30"
      return new Intl.DateTimeFormat(locales, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    }
    match = YEAR_MONTH.exec(value);
    if (match) {
      const month = Number(match[2]);
      if (month < 1 || month > 12) return value;
      const date = new Date(Date.UTC(Number(match[1]), month - 1, 1));
      return new Intl.DateTimeFormat(locales, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
    }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return value;
    const time = Date.parse(value);
    if (Number.isNaN(time)) return value;
    return new Intl.DateTimeFormat(locales, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(time));
  } catch {
    return value; // an unusable locale or time zone
  }
}

/** The page metadata of a result that has any: [[field, value], ...] in reading order. */
export function metadataOf(result, { withTitle = true } = {}) {
  const fields = withTitle ? ['title', 'byline', 'published', 'site_name'] : ['byline', 'published', 'site_name'];
  return fields
    .map((field) => [field, typeof result?.[field] === 'string' ? result[field].trim() : ''])
    .filter(([, value]) => value !== '');
}

/**
 * The article's metadata above the summary: its title, then "byline · date · site" on
 * one line, the date in a <time datetime="ISO"> shown as the reader writes dates. Text
 * only (textContent). Hidden when there is none.
 */
export function renderMeta(node, result, { withTitle = true } = {}) {
  const fields = metadataOf(result, { withTitle });
  const children = [];
  const line = el('p', 'meta-line');
  for (const [field, value] of fields) {
    if (field === 'title') {
      const title = el('p', 'meta-title', value);
      title.dataset.meta = field;
      children.push(title);
      continue;
    }
    if (line.childNodes.length > 0) line.append(' \u00b7 ');
    const item = field === 'published' ? el('time', null, formatPublished(value)) : el('span', null, value);
    if (field === 'published') item.dateTime = value;
    item.dataset.meta = field;
    line.append(item);
  }
  if (line.childNodes.length > 0) children.push(line);
  node.replaceChildren(...children);
  node.hidden = children.length === 0;
}

export function renderKeywords(list, keywords) {
  const items = keywords.map(({ text }) => el('li', 'chip', text));
  list.replaceChildren(...items);
}

/** "45 s", "3 min 20 s", "1 h 5 min". */
export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return s % 60 ? `${minutes} min ${s % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The figures: words in → out, reading time saved, sentences, milliseconds. */
export function renderStats(node, { result, shown }) {
  const wordsIn = result.stats.words;
  const wordsOut = shown.reduce((sum, index) => {
    if (index < 0) return sum + result.titleWords;
    const at = result.summary.indexOf(index);
    return sum + (at >= 0 ? result.summaryWords[at] : 0);
  }, 0);
  const saved = (Math.max(0, wordsIn - wordsOut) / WORDS_PER_MINUTE) * 60;
  // A page without an article has no summary: nothing was saved, only read.
  const noArticle = hasWarning(result, 'no_article');
  const items = [
    noArticle
      ? ['words', plural(wordsIn, 'word', 'words')]
      : ['words', `${plural(wordsIn, 'word', 'words')} \u2192 ${plural(wordsOut, 'word', 'words')}`],
    ...(noArticle ? [] : [['saved', `${formatDuration(saved)} of reading saved (at ${WORDS_PER_MINUTE} words a minute)`]]),
    ['sentences', plural(result.stats.sentences, 'sentence', 'sentences')],
    ['time', `${result.stats.milliseconds.toFixed(1)} ms`],
  ];
  node.replaceChildren(...items.map(([key, value]) => {
    const item = el('li', null, value);
    item.dataset.stat = key;
    return item;
  }));
}

// ---------------------------------------------------------------------------
// The original, with the chosen sentences highlighted
//
// Big inputs: a 5 MB article has tens of thousands of sentences. The text is cut into
// chunks of about CHUNK_CHARS characters (at a line break between sentences, so the cut
// does not show); each chunk is built in a DocumentFragment and appended whole, and the
// chunks are built in slices of about SLICE_MS between which the page handles input, so
// a long article appears top-down over a few frames instead of freezing the page. Every
// chunk after the first is `content-visibility: auto` (style.css): the browser lays out
// only the chunks near the viewport. The whole text is always rendered, nothing is cut
// (5 MB: about 250 chunks, built in well under a second, the page answering throughout).
// A short article is a single chunk, built at once.

const CHUNK_CHARS = 20_000;
const SLICE_MS = 12;

const nextTask = typeof globalThis.scheduler?.yield === 'function'
  ? () => globalThis.scheduler.yield()
  : () => new Promise((resolve) => setTimeout(resolve, 0));

export class OriginalView {
  #root;
  #generation = 0;

  constructor(root) {
    this.#root = root;
  }

  clear() {
    this.#generation++;
    this.#root.replaceChildren();
  }

  /**
   * Render `text` with the sentences of `result` wrapped (the shown ones in <mark>).
   * Resolves true when done, false when a newer render or clear() superseded it.
   */
  async render(text, result, shown) {
    const generation = ++this.#generation;
    const root = this.#root;
    const { count, start, end } = result;
    const body = result.blockTypes.map((type) => BODY_TYPES.has(type));
    let first = true;
    let cursor = 0;
    let i = 0;

    while (i < count || cursor < text.length) {
      const sliceStart = performance.now();
      const fragment = document.createDocumentFragment();
      do {
        const chunk = el('div', 'chunk');
        const chunkStart = cursor;
        for (; i < count; i++) {
          const from = Math.max(start[i], cursor);
          if (from > cursor) chunk.append(text.slice(cursor, from));
          const isShown = shown.has(i);
          const node = document.createElement(isShown ? 'mark' : 'span');
          node.className = body[result.type[i]] ? 's' : 's furniture';
          node.dataset.sentence = String(i);
          if (isShown) {
            node.id = `sentence-${i}`;
            node.tabIndex = 0;
          }
          node.textContent = text.slice(from, end[i]);
          chunk.append(node);
          cursor = Math.max(cursor, end[i]);
          // Close the chunk once it is big enough and the gap to the next sentence holds a
          // line break (or it has grown far too big to wait for one).
          if (cursor - chunkStart >= CHUNK_CHARS && i + 1 < count) {
            const gap = text.slice(cursor, start[i + 1]);
            if (gap.includes('\n') || cursor - chunkStart >= 8 * CHUNK_CHARS) {
              if (gap) chunk.append(gap);
              cursor = Math.max(cursor, start[i + 1]);
              i++;
              break;
            }
          }
        }
        if (i >= count && cursor < text.length) {
          chunk.append(text.slice(cursor));
          cursor = text.length;
        }
        fragment.append(chunk);
      } while ((i < count || cursor < text.length) && performance.now() - sliceStart < SLICE_MS);

      if (first) root.replaceChildren(fragment);
      else root.append(fragment);
      first = false;
      if (i < count || cursor < text.length) {
        await nextTask();
        if (generation !== this.#generation) return false;
      }
    }
    if (first) root.replaceChildren(); // nothing at all to show
    return generation === this.#generation;
  }

  /** The element of sentence `index` in the original, rendered or not yet. */
  find(index) {
    return this.#root.querySelector(`[data-sentence="${index}"]`);
  }
}

// ---------------------------------------------------------------------------
// The explanation: one tooltip shared by every sentence, shown next to the sentence that
// has the pointer or the keyboard focus. That sentence, and only it, names the tooltip in
// aria-describedby (set as it gets focus, before assistive technology asks), so a screen
// reader reads the explanation with the sentence and never a stale one.

export class Explainer {
  #tip;
  #head;
  #body;
  #hideTimer = 0;
  #anchor = null;

  constructor(tip) {
    this.#tip = tip;
    this.#head = el('p', 'explain-head');
    this.#body = el('p', 'explain-body');
    tip.replaceChildren(this.#head, this.#body);
    // Hovering the tooltip itself keeps it open (WCAG 1.4.13: hoverable).
    tip.addEventListener('mouseenter', () => clearTimeout(this.#hideTimer));
    tip.addEventListener('mouseleave', () => this.hideSoon());
  }

  get anchor() {
    return this.#anchor;
  }

  show(anchor, [head, body]) {
    clearTimeout(this.#hideTimer);
    this.#release();
    this.#anchor = anchor;
    anchor.classList.add('explained');
    anchor.setAttribute('aria-describedby', this.#tip.id);
    this.#head.textContent = head;
    this.#body.textContent = body;
    this.#tip.hidden = false;
    this.#place(anchor);
  }

  /** Keep the tooltip next to its sentence after the layout changed (a resize). */
  reposition() {
    if (this.#anchor?.isConnected) this.#place(this.#anchor);
    else if (this.#anchor) this.hide();
  }

  #release() {
    this.#anchor?.classList.remove('explained');
    this.#anchor?.removeAttribute('aria-describedby');
    this.#anchor = null;
  }

  hideSoon(delay = 200) {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => this.hide(), delay);
  }

  hide() {
    clearTimeout(this.#hideTimer);
    this.#release();
    this.#tip.hidden = true;
  }

  /** Below the sentence, or above it when there is no room below; always inside the viewport. */
  #place(anchor) {
    const tip = this.#tip;
    const margin = 8;
    const rect = anchor.getBoundingClientRect();
    const first = anchor.getClientRects()[0] ?? rect;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const viewportWidth = document.documentElement.clientWidth;
    let top = rect.bottom + margin;
    if (top + height > window.innerHeight && rect.top - height - margin >= 0) top = rect.top - height - margin;
    const left = Math.min(Math.max(margin, first.left), Math.max(margin, viewportWidth - width - margin));
    // CSSOM, not a style attribute: allowed by the page's style-src 'self'.
    tip.style.top = `${Math.round(top + window.scrollY)}px`;
    tip.style.left = `${Math.round(left + window.scrollX)}px`;
  }
}
