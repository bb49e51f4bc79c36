// The page's options: summary types and lengths, the custom length, the format and the
// language, and how they travel in the URL's hash. Pure functions, no DOM: app.js wires
// them to the controls, and the tests can import them directly.
//
// Summary types follow Chrome's Summarizer API (types key-points, tldr, teaser, headline
// × lengths short, medium, long), mapped onto what an extractive summarizer can do:
// Précis quotes whole sentences, it never rewrites them. The mapping, also shown on the
// page under "What the types do":
//
//   type        short  medium  long   shown as              order
//   key points    3      5       7    bullets               article order
//   tl;dr         1      3       5    a paragraph           article order
//   teaser        1      2       3    a paragraph           best first (the top-scored
//                                                           sentences: the most enticing)
//   headline      1 line, whatever the length:              the article's title when it
//                                                           has one, else the shortest of
//                                                           the 3 top-ranked sentences
//   custom      a number of sentences, or a percentage of them (the core's `ratio`)
//
// The format (bullets or a paragraph) starts as the type's and can be changed.

/** @typedef {'keypoints'|'tldr'|'teaser'|'headline'|'custom'} SummaryType */
/** @typedef {'short'|'medium'|'long'} Length */

export const TYPES = {
  keypoints: { label: 'Key points', format: 'bullets', order: 'document', sentences: { short: 3, medium: 5, long: 7 } },
  tldr: { label: 'TL;DR', format: 'text', order: 'document', sentences: { short: 1, medium: 3, long: 5 } },
  teaser: { label: 'Teaser', format: 'text', order: 'score', sentences: { short: 1, medium: 2, long: 3 } },
  headline: { label: 'Headline', format: 'text', order: 'document', sentences: null },
  custom: { label: 'Custom', format: 'bullets', order: 'document', sentences: null },
};

export const LENGTHS = ['short', 'medium', 'long'];
export const FORMATS = ['bullets', 'text'];
export const MEASURES = ['sentences', 'ratio'];

/** How many top-ranked sentences a headline is picked from when the article has no title. */
export const HEADLINE_POOL = 3;

export const DEFAULT_STATE = Object.freeze({
  type: 'keypoints',
  length: 'short',
  measure: 'sentences', // custom: by a number of sentences or by a ratio
  sentences: 3,
  ratio: 0.3,
  format: 'bullets',
  lang: 'auto',
});

/** The format a type starts with. */
export function defaultFormat(type) {
  return TYPES[type]?.format ?? 'bullets';
}

/** A language tag as the core takes them ("en", "pt-BR", "zh-Hant"): shape only, the core decides. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The state in a URL hash ("#preset=keypoints-medium&lang=de", "#sentences=4&format=bullets",
 * "#ratio=0.25"). Unknown keys and unusable values are ignored, so a mangled link still opens
 * the page with the defaults for whatever it got wrong.
 */
export function parseHash(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const state = { ...DEFAULT_STATE };
  let explicitFormat = null;

  const preset = params.get('preset');
  const sentences = params.get('sentences');
  const ratio = params.get('ratio');
  if (preset !== null) {
    const [type, length] = preset.split('-');
    if (type in TYPES && type !== 'custom') {
      state.type = type;
      if (LENGTHS.includes(length)) state.length = length;
    }
  }
  if (sentences !== null && /^\d{1,4}$/.test(sentences) && Number(sentences) >= 1) {
    state.sentences = Number(sentences);
    if (preset === null) {
      state.type = 'custom';
      state.measure = 'sentences';
    }
  } else if (ratio !== null && /^(0?\.\d+|1(\.0*)?)$/.test(ratio) && Number(ratio) > 0) {
    state.ratio = Number(ratio);
    if (preset === null) {
      state.type = 'custom';
      state.measure = 'ratio';
    }
  }
  const format = params.get('format');
  if (FORMATS.includes(format)) explicitFormat = format;
  state.format = explicitFormat ?? defaultFormat(state.type);

  const lang = params.get('lang');
  if (lang !== null && (lang === 'auto' || LANGUAGE_TAG.test(lang))) state.lang = lang;
  return state;
}

/** The hash for a state, without "#": only what it takes to get the state back. */
export function formatHash(state) {
  const params = new URLSearchParams();
  if (state.type === 'custom') {
    if (state.measure === 'ratio') params.set('ratio', String(state.ratio));
    else params.set('sentences', String(state.sentences));
  } else if (state.type === 'headline') {
    params.set('preset', 'headline');
  } else {
    params.set('preset', `${state.type}-${state.length}`);
  }
  if (state.format !== defaultFormat(state.type)) params.set('format', state.format);
  if (state.lang !== 'auto') params.set('lang', state.lang);
  return params.toString();
}

/**
 * What to ask the core for, and how to show its answer.
 *   options: the core's summarize options (one of sentences/ratio, and lang)
 *   order:   "document" or "score" (teaser: best first)
 *   pick:    "summary" (what the core chose) or "headline" (one line, see pickShown)
 */
export function planFor(state) {
  const options = {};
  const type = TYPES[state.type] ? state.type : DEFAULT_STATE.type;
  if (type === 'custom') {
    if (state.measure === 'ratio') options.ratio = state.ratio;
    else options.sentences = state.sentences;
  } else if (type === 'headline') {
    options.sentences = HEADLINE_POOL;
  } else {
    options.sentences = TYPES[type].sentences[state.length] ?? TYPES[type].sentences.short;
  }
  if (state.lang && state.lang !== 'auto') options.lang = state.lang;
  return {
    options,
    type,
    order: TYPES[type].order,
    pick: type === 'headline' ? 'headline' : 'summary',
    format: FORMATS.includes(state.format) ? state.format : defaultFormat(type),
  };
}

/**
 * The sentences to show, as indices into the result's sentences (-1: the title, when it is
 * not one of them). `result` is the worker's packed result: summary (indices in document
 * order), start, end, score, type (block-type codes), blockTypes (their names) and title.
 */
export function pickShown(result, plan) {
  const { summary } = result;
  if (plan.pick === 'headline') {
    if (result.title) {
      const titleCode = result.blockTypes.indexOf('title');
      let index = -1;
      for (let i = 0; i < result.count && titleCode >= 0; i++) {
        if (result.type[i] === titleCode) {
          index = i;
          break;
        }
      }
      return [index];
    }
    // No title: the shortest of the top-ranked sentences (ties: the better scored one).
    let best = -1;
    for (const i of summary) {
      const length = result.end[i] - result.start[i];
      const bestLength = best < 0 ? Infinity : result.end[best] - result.start[best];
      if (length < bestLength || (length === bestLength && result.score[i] > result.score[best])) best = i;
    }
    return best < 0 ? [] : [best];
  }
  if (plan.order === 'score') {
    // Best first; equal scores keep the article's order.
    return [...summary].sort((a, b) => result.score[b] - result.score[a] || a - b);
  }
  return [...summary];
}

/**
 * Languages offered besides "Auto": those the core's detector can name (core/src/lang),
 * plus Icelandic, which it splits with its own rules. Any other tag still works through
 * the hash (#lang=...): the page adds it to the list.
 */
export const LANGUAGES = [
  'am', 'ar', 'bg', 'bn', 'bo', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr',
  'gu', 'he', 'hi', 'hr', 'hu', 'hy', 'id', 'is', 'it', 'ja', 'ka', 'kk', 'km', 'kn', 'ko', 'lo',
  'lt', 'lv', 'ml', 'mr', 'my', 'nl', 'no', 'or', 'pa', 'pl', 'pt', 'ro', 'ru', 'si', 'sk', 'sl',
  'sv', 'ta', 'te', 'th', 'tr', 'uk', 'ur', 'zh',
];
