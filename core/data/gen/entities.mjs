// Generates the HTML5 named character reference table for core/src/html from the npm
// package `entities` (fb55, a pinned devDependency).
//   usage: node entities.mjs ENTITIES_PACKAGE_DIR OUT.inc
//
// `entities` ships the table only in its own packed decoder format (front-coded names,
// see its src/internal/decode-data-format.ts); this reads the names and values from it
// and then checks every one against the package's public decoder, so a change of that
// format fails the build instead of producing a wrong table.
//
// Output, for a binary search over the sorted names:
//   kEntityNames    all names (without '&' and ';') concatenated in byte order
//   kEntityNameEnd  one past the end of name i in kEntityNames (name i starts at the
//                   end of name i-1)
//   kEntityValue    bits 0-20: the first code point; bits 21-24: index in
//                   kEntitySecond of the second code point (0: none); bit 25: the name
//                   is also recognised without ';' (HTML5's legacy forms, "&amp", "&copy")
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node entities.mjs ENTITIES_PACKAGE_DIR OUT.inc');
  process.exit(2);
}
const fail = (message) => {
  console.error(`entities.mjs: ${message}`);
  process.exit(1);
};
const load = (file) => import(pathToFileURL(join(dir, file)).href);
const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const { htmlDecodeData } = await load('dist/generated/decode-data-html.js');
const { decodeHTML, decodeHTMLStrict } = await load('dist/index.js');

// The packed format: a header of 6 chars (name count, suffix bytes, bucket count, two
// base-64 digits each, biased by 0x30), the front-coded name suffixes, then two meta
// chars per name (biased by 0x23): meta0 = prefix length shared with the previous
// name | 0x20 if legacy; meta1 = suffix length | (value length - 1) << 5. The values
// (1 or 2 UTF-16 units each) follow one another in the second string.
const [data, values] = htmlDecodeData;
const num = (at) => ((data.charCodeAt(at) - 0x30) << 6) | (data.charCodeAt(at + 1) - 0x30);
const count = num(0);
const metaStart = 6 + num(2);
const entities = [];
let name = '';
let suffixAt = 6;
let valueAt = 0;
for (let i = 0; i < count; i++) {
  const meta0 = data.charCodeAt(metaStart + 2 * i) - 0x23;
  const meta1 = data.charCodeAt(metaStart + 2 * i + 1) - 0x23;
  const prefix = meta0 & 31;
  const suffix = meta1 & 31;
  const valueLength = (meta1 >> 5) + 1;
  name = name.slice(0, prefix) + data.slice(suffixAt, suffixAt + suffix);
  suffixAt += suffix;
  const value = values.slice(valueAt, valueAt + valueLength);
  valueAt += valueLength;
  entities.push({ name, codePoints: [...value].map((c) => c.codePointAt(0)), legacy: (meta0 & 0x20) !== 0 });
}
if (suffixAt !== metaStart || valueAt !== values.length) fail('unexpected layout of the packed data');

// The HTML5 table (https://html.spec.whatwg.org/entities.json) has 2231 entries: 2125
// names with ';', 106 of which also work without it.
const legacyCount = entities.filter((e) => e.legacy).length;
if (entities.length !== 2125 || legacyCount !== 106) {
  fail(`expected 2125 names (106 legacy), read ${entities.length} (${legacyCount} legacy)`);
}
for (const { name: n, codePoints, legacy } of entities) {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(n)) fail(`odd name ${n}`);
  const value = String.fromCodePoint(...codePoints);
  if (decodeHTMLStrict(`&${n};`) !== value) fail(`&${n}; does not decode as read`);
  // At the end of the input, "&name" decodes to the value only for a legacy name.
  if ((decodeHTML(`&${n}`) === value) !== legacy) fail(`legacy flag of ${n} disagrees`);
  if (codePoints.length < 1 || codePoints.length > 2) fail(`&${n}; has ${codePoints.length} code points`);
}

entities.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const seconds = [0, ...new Set(entities.filter((e) => e.codePoints.length > 1).map((e) => e.codePoints[1]))];
if (seconds.length > 16) fail(`${seconds.length - 1} distinct second code points: more than 4 bits`);
const names = entities.map((e) => e.name).join('');
if (names.length >= 65536) fail('names do not fit 16-bit offsets');

const hex = (v) => '0x' + v.toString(16).toUpperCase();
const rows = (items, perLine) => {
  const lines = [];
  for (let i = 0; i < items.length; i += perLine) lines.push('  ' + items.slice(i, i + perLine).join(', ') + ',');
  return lines.join('\n');
};
const ends = [];
let end = 0;
for (const e of entities) ends.push((end += e.name.length));
const packed = entities.map((e) => {
  const second = e.codePoints.length > 1 ? seconds.indexOf(e.codePoints[1]) : 0;
  return hex(e.codePoints[0] | (second << 21) | ((e.legacy ? 1 : 0) << 25));
});
const nameLines = [];
for (let i = 0; i < names.length; i += 96) nameLines.push(`  "${names.slice(i, i + 96)}"`);
const maxName = Math.max(...entities.map((e) => e.name.length));
const maxLegacy = Math.max(...entities.filter((e) => e.legacy).map((e) => e.name.length));

writeFileSync(out, `// Generated by core/data/gen/entities.mjs from entities ${version}. Do not edit.
// ${entities.length} HTML5 named character references (${legacyCount} also without ';').
static constexpr std::size_t kEntityCount = ${entities.length};
static constexpr std::size_t kEntityMaxName = ${maxName};
static constexpr std::size_t kEntityMaxLegacyName = ${maxLegacy};
static constexpr char kEntityNames[] =
${nameLines.join('\n')};
static constexpr std::uint16_t kEntityNameEnd[kEntityCount] = {
${rows(ends, 16)}
};
static constexpr std::uint32_t kEntityValue[kEntityCount] = {
${rows(packed, 10)}
};
static constexpr char32_t kEntitySecond[${seconds.length}] = {${seconds.map(hex).join(', ')}};
`);
