// Generates the Unicode normalization tables (UAX #15 NFC, and toNFKC_Casefold) from
// Debian's unicode-data files, so no normalization data is typed by hand:
//   UnicodeData.txt               canonical decompositions (no <tag>), Canonical_Combining_Class,
//                                 the Hangul syllable block
//   DerivedNormalizationProps.txt NFC_QC, Full_Composition_Exclusion, NFKC_CF
//   CompositionExclusions.txt     cross-check of Full_Composition_Exclusion
//   Jamo.txt                      the conjoining jamo of the Hangul syllable algorithm
//   usage: node normalization.mjs /usr/share/unicode OUT.inc
// Output (C++ included by core/src/unicode/normalize.cpp):
//   kSBase, kLBase, kVBase, kTBase, kLCount, kVCount, kTCount, kSCount: the Hangul
//               syllable algorithm's constants (UAX #15, Unicode ch. 3.12), derived from
//               UnicodeData.txt and Jamo.txt.
//   kNormSimpleBelow: every code point below it has ccc 0 and NFC_QC=Yes.
//   kNormProps[]: sorted (start << 10 | NFC_QC << 8 | ccc) covering every code point, each
//               range running to the next start; NFC_QC is 0 Yes, 1 Maybe, 2 No.
//   kDecompKeys[] / kDecompFirst[]: the one-level canonical decompositions, sorted by code
//               point: key (cp << 11 | plane of first << 9 | index of second in
//               kDecompSeconds), and the low 16 bits of first. kDecompSeconds[0] is 0,
//               "no second" (a singleton). Hangul syllables are left to the algorithm.
//   kCompose[]: indices into kDecompKeys of the primary composites (two-code-point
//               decompositions that are not Full_Composition_Exclusion), sorted by
//               (first, second).
//   kCfKeys[] / kCfVals[]: the NFKC_CF mapping as sorted runs. A key is
//               (start << 11 | (span - 1) << 3 | kind), the run covering start .. start +
//               span - 1; the value depends on the kind:
//                 kind 0: every code point maps to nothing (default ignorables); value 0
//                 kind 1: start + k maps to the k-th sequence from kCfPool[value] on;
//                         each sequence is a byte length, then that many bytes of UTF-8
//                 kind 2: start + k maps to T + k, T the code point of plane 0 whose low 16
//                         bits are the value
//                 kind 3: as kind 2 in plane 1 (no run's targets cross a plane)
//                 kind 4, 5: as kinds 2 and 3 for every other code point (start, start +
//                         2, ...; start + 2k maps to T + 2k); the ones between are unchanged
//               Code points that have a canonical decomposition are left out: the C++
//               side applies NFKC_CF to the NFD of its input only (toNFKC_Casefold(X) =
//               NFC(NFKC_CF(NFD(X)))), so it never looks them up.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node normalization.mjs UNICODE_DIR OUT.inc');
  process.exit(2);
}

const check = (ok, message) => {
  if (!ok) throw new Error(`normalization.mjs: ${message}`);
};
const hex = (n) => '0x' + n.toString(16);
const hex4 = (n) => n.toString(16).toUpperCase().padStart(4, '0');
const parseRange = (s) => {
  const [lo, hi = lo] = s.split('..').map((h) => parseInt(h, 16));
  return [lo, hi];
};
// The data lines of a UCD file: fields split on ';' and trimmed, comments dropped.
const dataLines = (name) =>
  readFileSync(join(dir, name), 'utf8')
    .split('\n')
    .map((line) => line.split('#')[0].trim())
    .filter((body) => body)
    .map((body) => body.split(';').map((s) => s.trim()));

// ---- UnicodeData.txt: ccc, canonical decompositions, Hangul syllables ----------------
const ccc = new Uint8Array(0x110000);
const decomp = new Map(); // cp -> [first] or [first, second]
let hangulFirst = -1, hangulLast = -1, rangeStart = -1;
for (const line of readFileSync(join(dir, 'UnicodeData.txt'), 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split(';');
  const cp = parseInt(f[0], 16);
  const cc = Number(f[3]);
  if (f[1].endsWith(', First>')) {
    rangeStart = cp;
    if (f[1] === '<Hangul Syllable, First>') hangulFirst = cp;
    continue;
  }
  if (f[1].endsWith(', Last>')) {
    ccc.fill(cc, rangeStart, cp + 1);
    if (f[1] === '<Hangul Syllable, Last>') hangulLast = cp;
    continue;
  }
  ccc[cp] = cc;
  if (f[5] && !f[5].startsWith('<')) {
    const cps = f[5].split(' ').map((h) => parseInt(h, 16));
    check(cps.length === 1 || cps.length === 2, `U+${hex4(cp)}: canonical decomposition of ${cps.length} code points`);
    check(cps.every((c) => c > 0 && c < 0x200000), `U+${hex4(cp)}: decomposition out of range`);
    decomp.set(cp, cps);
  }
}
check(hangulFirst > 0 && hangulLast > hangulFirst, 'no Hangul syllable range in UnicodeData.txt');

// ---- Jamo.txt: the three runs of conjoining jamo (L, V, T) of the syllable algorithm -----
const jamo = dataLines('Jamo.txt').map((f) => parseInt(f[0], 16)).sort((a, b) => a - b);
const jamoRuns = [];
for (const cp of jamo) {
  const last = jamoRuns[jamoRuns.length - 1];
  if (last && last.end === cp - 1) last.end = cp;
  else jamoRuns.push({ start: cp, end: cp });
}
check(jamoRuns.length === 3, `Jamo.txt: expected 3 runs (L, V, T), found ${jamoRuns.length}`);
const hangul = {
  kSBase: hangulFirst,
  kLBase: jamoRuns[0].start,
  kVBase: jamoRuns[1].start,
  kTBase: jamoRuns[2].start - 1, // TBase itself stands for "no trailing consonant"
  kLCount: jamoRuns[0].end - jamoRuns[0].start + 1,
  kVCount: jamoRuns[1].end - jamoRuns[1].start + 1,
  kTCount: jamoRuns[2].end - jamoRuns[2].start + 2,
  kSCount: hangulLast - hangulFirst + 1,
};
check(hangul.kLCount * hangul.kVCount * hangul.kTCount === hangul.kSCount,
  'Jamo.txt runs do not multiply to the Hangul syllable count');

// ---- DerivedNormalizationProps.txt: NFC_QC, Full_Composition_Exclusion, NFKC_CF ------
const QC = { Y: 0, M: 1, N: 2 };
const qc = new Uint8Array(0x110000); // @missing: Yes
const fce = new Set();
const cf = new Map(); // cp -> [code points] (empty: removed)
for (const [range, prop, value] of dataLines('DerivedNormalizationProps.txt')) {
  const [lo, hi] = parseRange(range);
  for (let cp = lo; cp <= hi; cp++) {
    if (prop === 'NFC_QC') {
      check(value in QC, `NFC_QC value ${value}`);
      qc[cp] = QC[value];
    } else if (prop === 'Full_Composition_Exclusion') {
      fce.add(cp);
    } else if (prop === 'NFKC_CF') {
      cf.set(cp, value ? value.split(/\s+/).map((h) => parseInt(h, 16)) : []);
    }
  }
}
check(fce.size > 1000 && cf.size > 5000, 'DerivedNormalizationProps.txt: missing properties');

// Cross-checks: the exclusions file agrees, and NFC_QC=No is exactly "decomposes and
// does not recompose" among decomposable code points.
for (const [range] of dataLines('CompositionExclusions.txt')) {
  const [lo, hi] = parseRange(range);
  for (let cp = lo; cp <= hi; cp++) check(fce.has(cp), `U+${hex4(cp)} excluded but not Full_Composition_Exclusion`);
}
for (const [cp] of decomp) {
  check((qc[cp] === QC.N) === fce.has(cp), `U+${hex4(cp)}: NFC_QC and Full_Composition_Exclusion disagree`);
}
for (const cp of fce) check(decomp.has(cp), `U+${hex4(cp)}: excluded but has no canonical decomposition`);

// The C++ side splits text before any code point with ccc 0 and NFC_QC=Yes: nothing
// before such a code point composes or reorders with it or anything after it. That holds
// if its full decomposition also starts with one.
const firstOfNfd = (cp) => {
  while (decomp.has(cp)) cp = decomp.get(cp)[0];
  return cp;
};
for (let cp = 0; cp < 0x110000; cp++) {
  if (ccc[cp] === 0 && qc[cp] === QC.Y) {
    const f = firstOfNfd(cp);
    check(ccc[f] === 0 && qc[f] === QC.Y, `U+${hex4(cp)} is a Yes starter whose decomposition is not`);
  }
}

// ---- kNormProps ------------------------------------------------------------------------
const props = [];
for (let cp = 0; cp < 0x110000; cp++) {
  if (cp === 0 || ccc[cp] !== ccc[cp - 1] || qc[cp] !== qc[cp - 1]) {
    props.push(((cp << 10) | (qc[cp] << 8) | ccc[cp]) >>> 0);
  }
}
let simpleBelow = 0;
while (ccc[simpleBelow] === 0 && qc[simpleBelow] === QC.Y) simpleBelow++;

// ---- kDecompKeys / kDecompFirst / kDecompSeconds / kCompose -----------------------------
const decompCps = [...decomp.keys()].sort((a, b) => a - b);
const seconds = [0, ...new Set([...decomp.values()].filter((v) => v.length === 2).map((v) => v[1]))].sort((a, b) => a - b);
const secondIndex = new Map(seconds.map((c, i) => [c, i]));
check(seconds.length <= 512, 'too many distinct second code points');
const decompKeys = [];
const decompFirst = [];
for (const cp of decompCps) {
  const [first, second = 0] = decomp.get(cp);
  check(first < 0x40000, `U+${hex4(cp)}: first code point beyond plane 3`);
  decompKeys.push(((cp << 11) | ((first >> 16) << 9) | secondIndex.get(second)) >>> 0);
  decompFirst.push(first & 0xFFFF);
}
const pairKey = (i) => {
  const [first, second] = decomp.get(decompCps[i]);
  return first * 0x200000 + second;
};
const compose = decompCps
  .map((cp, i) => i)
  .filter((i) => decomp.get(decompCps[i]).length === 2 && !fce.has(decompCps[i]))
  .sort((a, b) => pairKey(a) - pairKey(b));
check(decompCps.length < 65536, 'too many decompositions for uint16 indices');
// The composer keeps its last starter in place of the pair: a composite must be a starter.
for (const i of compose) check(ccc[decompCps[i]] === 0, `primary composite U+${hex4(decompCps[i])} is not a starter`);
// The composer only tries to compose a code point with NFC_QC=Maybe onto its starter.
for (const i of compose) {
  const second = decomp.get(decompCps[i])[1];
  check(qc[second] === QC.M, `U+${hex4(second)} composes but is not NFC_QC=Maybe`);
}
for (let k = 0; k < hangul.kVCount; k++) check(qc[hangul.kVBase + k] === QC.M, 'Hangul V jamo not NFC_QC=Maybe');
for (let k = 1; k < hangul.kTCount; k++) check(qc[hangul.kTBase + k] === QC.M, 'Hangul T jamo not NFC_QC=Maybe');

// ---- kCfKeys / kCfVals / kCfPool ---------------------------------------------------------
const MAX_SPAN = 1 << 8;
const cfCps = [...cf.keys()].filter((cp) => !decomp.has(cp)).sort((a, b) => a - b);
for (const cp of cfCps) check(cp < hangul.kSBase || cp >= hangul.kSBase + hangul.kSCount, 'NFKC_CF of a Hangul syllable');
const utf8Bytes = (cps) => [...Buffer.from(String.fromCodePoint(...cps), 'utf8')];
// Pass 1: runs of removed code points, runs of code points shifted by a constant
// (step 1 or 2), and one sequence run per longer mapping.
let runs = []; // { kind: 'remove' | 'seq' | 'shift', start, end, step, target (of start) }
for (const cp of cfCps) {
  const v = cf.get(cp);
  const last = runs[runs.length - 1];
  const fits = last && cp - last.start < MAX_SPAN;
  if (v.length === 0) {
    if (fits && last.kind === 'remove' && last.end === cp - 1) last.end = cp;
    else runs.push({ kind: 'remove', start: cp, end: cp });
  } else if (v.length === 1) {
    const samePlane = last && last.kind === 'shift' && (last.target >> 16) === (v[0] >> 16);
    if (fits && samePlane && v[0] - cp === last.target - last.start) {
      const step = cp - last.end;
      if (last.start === last.end && (step === 1 || step === 2)) last.step = step;
      if (step === last.step) {
        last.end = cp;
        continue;
      }
    }
    check(v[0] < 0x20000, `U+${hex4(cp)}: NFKC_CF target beyond plane 1`);
    runs.push({ kind: 'shift', start: cp, end: cp, step: 1, target: v[0] });
  } else {
    check(utf8Bytes(v).length < 256, `U+${hex4(cp)}: NFKC_CF mapping too long`);
    runs.push({ kind: 'seq', start: cp, end: cp });
  }
}
// Pass 2: neighbouring sequence runs and one-code-point shift runs (Kangxi radicals,
// Arabic presentation forms, squared words, ...) become one sequence run when that is
// smaller (6 bytes a run; a sequence costs its UTF-8 and a length byte).
const RUN_BYTES = 6;
const poolCost = (cp) => 1 + utf8Bytes(cf.get(cp)).length;
const merged = [];
for (let i = 0; i < runs.length;) {
  const mergeable = (r) => r.kind === 'seq' || (r.kind === 'shift' && r.start === r.end);
  let j = i + 1;
  if (mergeable(runs[i])) {
    while (j < runs.length && mergeable(runs[j]) && runs[j].start === runs[j - 1].end + 1 &&
           runs[j].end - runs[i].start < MAX_SPAN) j++;
  }
  const group = runs.slice(i, j);
  const separate = group.reduce((sum, r) => sum + RUN_BYTES + (r.kind === 'seq' ? poolCost(r.start) : 0), 0);
  const together = RUN_BYTES + group.reduce((sum, r) => sum + poolCost(r.start), 0);
  if (group.length > 1 && together < separate) merged.push({ kind: 'seq', start: group[0].start, end: group[group.length - 1].end });
  else merged.push(...group);
  i = j;
}
runs = merged;
const pool = [];
for (const r of runs) {
  if (r.kind !== 'seq') continue;
  r.offset = pool.length;
  for (let cp = r.start; cp <= r.end; cp++) {
    const bytes = utf8Bytes(cf.get(cp));
    pool.push(bytes.length, ...bytes);
  }
}
check(pool.length < 65536, 'NFKC_CF pool too large for uint16 offsets');
const cfKind = (r) =>
  r.kind === 'remove' ? 0 : r.kind === 'seq' ? 1 : (r.step === 2 ? 4 : 2) + (r.target >> 16);
const cfKeys = runs.map((r) => ((r.start << 11) | ((r.end - r.start) << 3) | cfKind(r)) >>> 0);
const cfVals = runs.map((r) => (r.kind === 'seq' ? r.offset : r.kind === 'shift' ? r.target & 0xFFFF : 0));

// ---- output ----------------------------------------------------------------------------
const rows = (arr, per = 12, fmt = hex) => {
  const lines = [];
  for (let i = 0; i < arr.length; i += per) lines.push('  ' + arr.slice(i, i + per).map(fmt).join(', ') + ',');
  return lines.join('\n');
};
const src = `// Generated by core/data/gen/normalization.mjs from ${dir}. Do not edit.
${Object.entries(hangul).map(([k, v]) => `static constexpr char32_t ${k} = ${hex(v)};`).join('\n')}
static constexpr char32_t kNormSimpleBelow = ${hex(simpleBelow)};
static constexpr uint32_t kNormProps[] = {
${rows(props)}
};
static constexpr uint32_t kDecompKeys[] = {
${rows(decompKeys)}
};
static constexpr uint16_t kDecompFirst[] = {
${rows(decompFirst)}
};
static constexpr char32_t kDecompSeconds[] = {
${rows(seconds)}
};
static constexpr uint16_t kCompose[] = {
${rows(compose, 16, String)}
};
static constexpr uint32_t kCfKeys[] = {
${rows(cfKeys)}
};
static constexpr uint16_t kCfVals[] = {
${rows(cfVals)}
};
static constexpr unsigned char kCfPool[] = {
${rows(pool, 16)}
};
`;
writeFileSync(out, src);
console.log(`normalization tables: ${props.length} ccc/NFC_QC ranges, ${decompKeys.length} decompositions, ` +
  `${compose.length} compositions, ${runs.length} NFKC_CF runs (${cfCps.length} code points), ` +
  `${pool.length} pool bytes`);
