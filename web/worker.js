// Précis worker: owns the WebAssembly summarizer so the page never blocks on it.
//
// Protocol (messages from the page):   { id, text, options }
// Replies:                             { id, result }  or  { id, error: { code, message } }
// Plus one unsolicited message once loading settles:
//                                      { loaded: true }  or  { loaded: false, error }
//
// The result is the core's, packed for the trip to the page: a 5 MB article has tens of
// thousands of sentences, and copying that many objects into the page would stall it, so
// the per-sentence fields travel as typed arrays (transferred, not copied) and the
// sentences' text is left out (the page slices it from the text it sent):
//
//   { language, title, text?, summary, keywords, stats,      as the core gives them
//     warnings, byline?, published?, site_name?,             (warnings: [] when none)
//     count,                                                 number of sentences
//     start, end, block: Int32Array(count)                   UTF-16 offsets, block index
//     type: Uint8Array(count), blockTypes: string[]          block_type = blockTypes[type[i]]
//     score: Float64Array(count)
//     partNames: string[], parts: Float64Array(count × partNames.length)
//                                                            parts[i × k + j] = the part
//                                                            partNames[j] of sentence i,
//                                                            NaN when the core gave none
//     summaryWords: number[]  words of each summary sentence (Intl.Segmenter),
//     titleWords: number }    and of the title, for the page's "words out"

import { load } from './precis/precis.mjs';

// Start loading at once. The handler is installed synchronously below, so requests
// that arrive while the module is still loading wait for it instead of being lost.
const ready = load();

function toError(err) {
  return {
    code: typeof err?.code === 'string' ? err.code : 'internal',
    message: err?.message ? String(err.message) : String(err),
  };
}

ready.then(
  () => self.postMessage({ loaded: true }),
  (err) => self.postMessage({ loaded: false, error: toError(err) }),
);

/** Words as a reader counts them (Unicode word boundaries, words and numbers only). */
function wordCounter(language) {
  let segmenter = null;
  try {
    segmenter = new Intl.Segmenter(language && language !== 'und' ? language : undefined, { granularity: 'word' });
  } catch {
    // no Intl.Segmenter, or an unusable tag: fall back to whitespace below
  }
  return (text) => {
    if (!segmenter) return text.split(/\s+/).filter(Boolean).length;
    let words = 0;
    for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
    return words;
  };
}

function pack(result) {
  const { sentences } = result;
  if (!Array.isArray(sentences) || !Array.isArray(result.summary)) {
    throw Object.assign(new Error('the summarizer returned no sentences'), { code: 'bad_result' });
  }
  const count = sentences.length;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const block = new Int32Array(count);
  const type = new Uint8Array(count);
  const score = new Float64Array(count);
  const blockTypes = [];
  const typeCodes = new Map();
  const partNames = [];
  const partIndex = new Map();

  for (let i = 0; i < count; i++) {
    const s = sentences[i];
    for (const name of Object.keys(s.parts ?? {})) {
      if (!partIndex.has(name)) {
        partIndex.set(name, partNames.length);
        partNames.push(name);
      }
    }
  }
  const k = partNames.length;
  const parts = new Float64Array(count * k).fill(NaN);
  for (let i = 0; i < count; i++) {
    const s = sentences[i];
    start[i] = s.start;
    end[i] = s.end;
    block[i] = s.block;
    score[i] = s.score;
    let code = typeCodes.get(s.block_type);
    if (code === undefined) {
      code = blockTypes.length;
      typeCodes.set(s.block_type, code);
      blockTypes.push(s.block_type);
    }
    type[i] = code;
    if (s.parts) for (const [name, value] of Object.entries(s.parts)) parts[i * k + partIndex.get(name)] = value;
  }

  const countWords = wordCounter(result.language);
  const packed = {
    language: result.language,
    title: result.title ?? '',
    summary: result.summary,
    keywords: result.keywords ?? [],
    stats: result.stats,
    // [{ code, message }], e.g. "no_article" (a page without an article: no summary).
    // A core that predates warnings gives none.
    warnings: Array.isArray(result.warnings) ? result.warnings : [],
    count, start, end, block, type, blockTypes, score, partNames, parts,
    summaryWords: result.summary.map((i) => countWords(sentences[i].text)),
    titleWords: result.title ? countWords(result.title) : 0,
  };
  if (typeof result.text === 'string') packed.text = result.text;
  // Page metadata (input "html"), only when the core found it.
  for (const field of ['byline', 'published', 'site_name']) {
    if (typeof result[field] === 'string') packed[field] = result[field];
  }
  return { packed, transfer: [start.buffer, end.buffer, block.buffer, type.buffer, score.buffer, parts.buffer] };
}

self.addEventListener('message', async ({ data }) => {
  const { id, text, options } = data;
  try {
    const precis = await ready;
    const { packed, transfer } = pack(precis.summarize(text, options));
    self.postMessage({ id, result: packed }, transfer);
  } catch (err) {
    self.postMessage({ id, error: toError(err) });
  }
});
