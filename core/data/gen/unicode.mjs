// Generates core/src/unicode tables from Debian's unicode-data files (UnicodeData.txt,
// CaseFolding.txt, Scripts.txt, auxiliary/SentenceBreakProperty.txt,
// auxiliary/WordBreakProperty.txt, emoji/emoji-data.txt), so no Unicode property is typed
// by hand.
//   usage: node unicode.mjs /usr/share/unicode OUT.inc
// Output (C++ included by core/src/unicode/unicode.cpp):
//   kGcRanges[]: sorted (start << 5 | category) — each range runs to the next start;
//                category indexes kGcNames (same order as enum GeneralCategory).
//   kFoldKeys[] / kFoldVals[]: full case folding (status C + F). A value is
//                (length << 24 | code point) when length == 1, else (length << 24 | offset
//                into kFoldExtra).
//   kSbRanges[]: sorted (start << 5 | Sentence_Break value) covering every code point —
//                each range runs to the next start; unlisted code points are Other. The
//                value indexes SB (same order as enum class SentenceBreak in
//                core/src/unicode/sentence_break.hpp). Included by sentence_break.cpp.
//   kWbRanges[]: the same, for Word_Break (auxiliary/WordBreakProperty.txt); the value
//                indexes WB (same order as enum class WordBreak in
//                core/src/unicode/word_break.hpp). Included by word_break.cpp.
//   kExtPictRanges[]: the same packing, value 1 for Extended_Pictographic=Yes and 0 for
//                No (emoji/emoji-data.txt), for rule WB3c. Included by word_break.cpp.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node unicode.mjs UNICODE_DIR OUT.inc');
  process.exit(2);
}

// Must match enum class GeneralCategory in core/src/unicode/unicode.hpp.
const GC = ['Cn', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No',
  'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Zs', 'Zl', 'Zp',
  'Cc', 'Cf', 'Cs', 'Co'];
const gcIndex = new Map(GC.map((g, i) => [g, i]));

const cats = new Uint8Array(0x110000); // 0 = Cn (unassigned)
let rangeStart = -1;
for (const line of readFileSync(join(dir, 'UnicodeData.txt'), 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split(';');
  const cp = parseInt(f[0], 16);
  const gc = gcIndex.get(f[2]);
  if (gc === undefined) throw new Error(`unknown category ${f[2]} at ${f[0]}`);
  if (f[1].endsWith(', First>')) { rangeStart = cp; continue; }
  if (f[1].endsWith(', Last>')) {
    cats.fill(gc, rangeStart, cp + 1);
    rangeStart = -1;
    continue;
  }
  cats[cp] = gc;
}
const ranges = [];
for (let cp = 0; cp < 0x110000; cp++) {
  if (cp === 0 || cats[cp] !== cats[cp - 1]) ranges.push(((cp << 5) | cats[cp]) >>> 0);
}

// Must match enum class SentenceBreak in core/src/unicode/sentence_break.hpp.
const SB = ['Other', 'CR', 'LF', 'Extend', 'Sep', 'Format', 'Sp', 'Lower', 'Upper',
  'OLetter', 'Numeric', 'ATerm', 'SContinue', 'STerm', 'Close'];
const sbIndex = new Map(SB.map((v, i) => [v, i]));

const sb = new Uint8Array(0x110000); // 0 = Other (the file's @missing default)
for (const line of readFileSync(join(dir, 'auxiliary', 'SentenceBreakProperty.txt'), 'utf8').split('\n')) {
  const body = line.split('#')[0].trim();
  if (!body) continue;
  const [cps, value] = body.split(';').map((s) => s.trim());
  const v = sbIndex.get(value);
  if (v === undefined) throw new Error(`unknown Sentence_Break value ${value} at ${cps}`);
  const [lo, hi = lo] = cps.split('..').map((h) => parseInt(h, 16));
  sb.fill(v, lo, hi + 1);
}
const sbRanges = [];
for (let cp = 0; cp < 0x110000; cp++) {
  if (cp === 0 || sb[cp] !== sb[cp - 1]) sbRanges.push(((cp << 5) | sb[cp]) >>> 0);
}

// A property file "RANGE ; VALUE # comment" read into one value per code point (0 for
// unlisted code points, the files' @missing default) and packed like kSbRanges.
// `index` maps a value name to its number; names it does not know throw, unless
// `skipUnknown` (a file that holds several properties, of which only one is wanted).
function propertyRanges(file, index, what, skipUnknown = false) {
  const values = new Uint8Array(0x110000);
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const body = line.split('#')[0].trim();
    if (!body) continue;
    const [cps, value] = body.split(';').map((s) => s.trim());
    const v = index.get(value);
    if (v === undefined) {
      if (skipUnknown) continue;
      throw new Error(`unknown ${what} value ${value} at ${cps}`);
    }
    const [lo, hi = lo] = cps.split('..').map((h) => parseInt(h, 16));
    values.fill(v, lo, hi + 1);
  }
  const packed = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp === 0 || values[cp] !== values[cp - 1]) packed.push(((cp << 5) | values[cp]) >>> 0);
  }
  return packed;
}

// Must match enum class WordBreak in core/src/unicode/word_break.hpp.
const WB = ['Other', 'CR', 'LF', 'Newline', 'Extend', 'ZWJ', 'Regional_Indicator', 'Format',
  'Katakana', 'Hebrew_Letter', 'ALetter', 'Single_Quote', 'Double_Quote', 'MidNumLet',
  'MidLetter', 'MidNum', 'Numeric', 'ExtendNumLet', 'WSegSpace'];
const wbRanges = propertyRanges(join(dir, 'auxiliary', 'WordBreakProperty.txt'),
  new Map(WB.map((v, i) => [v, i])), 'Word_Break');
// emoji-data.txt lists several properties (Emoji, Emoji_Presentation, ...); only
// Extended_Pictographic is kept.
const extPictRanges = propertyRanges(join(dir, 'emoji', 'emoji-data.txt'),
  new Map([['Extended_Pictographic', 1]]), 'emoji', true);

const fold = [];
const extra = [];
for (const line of readFileSync(join(dir, 'CaseFolding.txt'), 'utf8').split('\n')) {
  const body = line.split('#')[0].trim();
  if (!body) continue;
  const [code, status, mapping] = body.split(';').map((s) => s.trim());
  if (status !== 'C' && status !== 'F') continue;
  const cps = mapping.split(/\s+/).map((h) => parseInt(h, 16));
  const cp = parseInt(code, 16);
  if (cps.length === 1) fold.push([cp, ((1 << 24) | cps[0]) >>> 0]);
  else {
    fold.push([cp, ((cps.length << 24) | extra.length) >>> 0]);
    extra.push(...cps);
  }
}
fold.sort((a, b) => a[0] - b[0]);

const hex = (n) => '0x' + n.toString(16);
const rows = (arr) => {
  const lines = [];
  for (let i = 0; i < arr.length; i += 12) lines.push('  ' + arr.slice(i, i + 12).map(hex).join(', ') + ',');
  return lines.join('\n');
};
// Scripts.txt: the scripts the language detector tells apart; every other script
// (and Common/Inherited) is Other. Must match enum class Script in unicode.hpp.
const SCRIPTS = ['Other', 'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic',
  'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada',
  'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Georgian', 'Hangul',
  'Ethiopic', 'Khmer', 'Hiragana', 'Katakana', 'Han'];
const scriptIndex = new Map(SCRIPTS.map((n, i) => [n, i]));
const scripts = new Uint8Array(0x110000);
for (const line of readFileSync(join(dir, 'Scripts.txt'), 'utf8').split('\n')) {
  const body = line.split('#')[0].trim();
  if (!body) continue;
  const [range, name] = body.split(';').map((x) => x.trim());
  const id = scriptIndex.get(name);
  if (id === undefined) continue;
  const [a, b] = range.split('..').map((h) => parseInt(h, 16));
  scripts.fill(id, a, (b ?? a) + 1);
}
const scriptRanges = [];
for (let cp = 0; cp < 0x110000; cp++) {
  if (cp === 0 || scripts[cp] !== scripts[cp - 1]) scriptRanges.push(((cp << 5) | scripts[cp]) >>> 0);
}

const src = `// Generated by core/data/gen/unicode.mjs from ${dir}. Do not edit.
static constexpr const char* kGcNames[] = {${GC.map((g) => `"${g}"`).join(', ')}};
static constexpr uint32_t kGcRanges[] = {
${rows(ranges)}
};
static constexpr uint32_t kFoldKeys[] = {
${rows(fold.map((f) => f[0]))}
};
static constexpr uint32_t kFoldVals[] = {
${rows(fold.map((f) => f[1]))}
};
static constexpr uint32_t kFoldExtra[] = {
${rows(extra)}
};
static constexpr uint32_t kSbRanges[] = {
${rows(sbRanges)}
};
static constexpr uint32_t kScriptRanges[] = {
${rows(scriptRanges)}
};
static constexpr uint32_t kWbRanges[] = {
${rows(wbRanges)}
};
static constexpr uint32_t kExtPictRanges[] = {
${rows(extPictRanges)}
};
`;
writeFileSync(out, src);
console.log(`unicode tables: ${ranges.length} category ranges, ${fold.length} case foldings, ` +
  `${sbRanges.length} sentence-break ranges, ${scriptRanges.length} script ranges, ` +
  `${wbRanges.length} word-break ranges, ${extPictRanges.length} Extended_Pictographic ranges`);
