// UAX #29 word boundaries, Unicode 15.0 (https://www.unicode.org/reports/tr29/).
//
// The default rules, with AHLetter = ALetter | Hebrew_Letter, MidNumLetQ = MidNumLet |
// Single_Quote and Newline* = Newline | CR | LF:
//   WB1   sot ÷ Any
//   WB2   Any ÷ eot
//   WB3   CR × LF
//   WB3a  Newline* ÷
//   WB3b  ÷ Newline*
//   WB3c  ZWJ × \p{Extended_Pictographic}
//   WB3d  WSegSpace × WSegSpace
//   WB4   X (Extend | Format | ZWJ)* → X        (X is anything but sot or Newline*)
//   WB5   AHLetter × AHLetter
//   WB6   AHLetter × (MidLetter | MidNumLetQ) AHLetter
//   WB7   AHLetter (MidLetter | MidNumLetQ) × AHLetter
//   WB7a  Hebrew_Letter × Single_Quote
//   WB7b  Hebrew_Letter × Double_Quote Hebrew_Letter
//   WB7c  Hebrew_Letter Double_Quote × Hebrew_Letter
//   WB8   Numeric × Numeric
//   WB9   AHLetter × Numeric
//   WB10  Numeric × AHLetter
//   WB11  Numeric (MidNum | MidNumLetQ) × Numeric
//   WB12  Numeric × (MidNum | MidNumLetQ) Numeric
//   WB13  Katakana × Katakana
//   WB13a (AHLetter | Numeric | Katakana | ExtendNumLet) × ExtendNumLet
//   WB13b ExtendNumLet × (AHLetter | Numeric | Katakana)
//   WB15  sot (RI RI)* RI × RI
//   WB16  [^RI] (RI RI)* RI × RI
//   WB999 Any ÷ Any
// The first rule that matches a position decides it.
//
// How this file implements them, in one forward pass over the code points:
//   * WB3–WB3d look at the raw code points on either side of a position: only the class
//     of the previous code point is kept for them (and cur's Extended_Pictographic is
//     looked up only after a ZWJ).
//   * WB4 groups each code point that is not Extend/Format/ZWJ with the Extend/Format/ZWJ
//     code points that follow it into a "unit" that takes the class of its first code
//     point (at sot or after a Newline* an Extend/Format/ZWJ code point starts a unit of
//     its own, with its own class). No boundary falls inside a unit (WB3a/WB3b, which
//     come before WB4, only break next to a Newline*, and a Newline* never groups), and
//     rules WB5–WB999 only see the unit sequence.
//   * The left-hand contexts of WB5–WB16 are the classes of the last two units and the
//     parity of the run of Regional_Indicator units that ends the text so far.
//   * The right-hand contexts of WB6, WB7b and WB12 ("... × Mid X") ask for the class of
//     the unit after cur: the first code point after cur that is not Extend/Format/ZWJ.
//     The scan passes over cur's own group only, and is made at most once per unit, so
//     every code point is scanned at most once more and the function stays linear in
//     end - begin.
#include "unicode/word_break.hpp"

#include "unicode/packed_ranges.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "unicode/unicode.hpp"

namespace precis::unicode {
namespace {
#include "precis_gen/unicode_tables.inc"

using WB = WordBreak;

constexpr std::array<WB, 128> kWbAscii = packed_ascii_table<WB>(kWbRanges);

// The first Extended_Pictographic code point: everything below it (ASCII, Latin-1 letters)
// answers without a search.
constexpr char32_t first_ext_pict() {
  for (const std::uint32_t r : kExtPictRanges) {
    if (r & 31u) return static_cast<char32_t>(r >> 5);
  }
  return 0x110000;
}
constexpr char32_t kFirstExtPict = first_ext_pict();

// Newline* = Newline | CR | LF (WB3a, WB3b; never grouped by WB4).
bool is_newline(WB c) { return c == WB::Newline || c == WB::CR || c == WB::LF; }
// What WB4 groups with the code point before it.
bool is_ignorable(WB c) { return c == WB::Extend || c == WB::Format || c == WB::ZWJ; }
// AHLetter = ALetter | Hebrew_Letter.
bool is_ah_letter(WB c) { return c == WB::ALetter || c == WB::Hebrew_Letter; }
// MidLetter | MidNumLetQ (WB6, WB7).
bool is_mid_letter_q(WB c) { return c == WB::MidLetter || c == WB::MidNumLet || c == WB::Single_Quote; }
// MidNum | MidNumLetQ (WB11, WB12).
bool is_mid_num_q(WB c) { return c == WB::MidNum || c == WB::MidNumLet || c == WB::Single_Quote; }

}  // namespace

WordBreak word_break(char32_t cp) {
  if (cp < 0x80) return kWbAscii[cp];
  if (cp > 0x10FFFF) return WB::Other;
  return static_cast<WB>(packed_value(kWbRanges, cp));
}

bool extended_pictographic(char32_t cp) {
  if (cp < kFirstExtPict || cp > 0x10FFFF) return false;
  return packed_value(kExtPictRanges, cp) != 0;
}

void word_boundaries(std::string_view text, std::size_t begin, std::size_t end, std::vector<std::size_t>& out) {
  end = std::min(end, text.size());
  if (begin >= end) return;
  // Decode only inside text[0, end): end is eot, and a code point cut by a bad `end` decodes
  // as U+FFFD instead of reading past it.
  const std::string_view s = text.substr(0, end);

  // WB1: no boundary reported at begin (sot). The first code point opens the first unit;
  // at sot even an Extend/Format/ZWJ code point is a unit of its own (WB4 needs an X before).
  std::size_t pos = begin;
  WB raw = word_break(next(s, pos));  // class of the previous code point (WB3–WB3d)
  WB prev = raw;                       // class of the last unit
  WB prev2 = WB::Other;                // class of the unit before it (Other at sot: WB7/WB7c/WB11 ask for letters and digits)
  bool ri_odd = prev == WB::Regional_Indicator;  // the units end in an odd run of RI (WB15, WB16)

  while (pos < end) {
    // Fast path, the inside of ASCII words and numbers: after a letter or a number unit,
    // an ASCII letter or digit never breaks (WB5, WB8, WB9, WB10; no WB3 rule applies
    // to it), so only the contexts move. The same state as the rules below would leave.
    if (prev == WB::ALetter || prev == WB::Hebrew_Letter || prev == WB::Numeric) {
      const auto byte = static_cast<unsigned char>(s[pos]);
      if (byte < 0x80 && (static_cast<unsigned char>((byte | 0x20) - 'a') < 26 || static_cast<unsigned char>(byte - '0') < 10)) {
        const WB cur = kWbAscii[byte];
        raw = cur;
        ri_odd = false;
        prev2 = prev;
        prev = cur;
        ++pos;
        continue;
      }
    }
    const std::size_t at = pos;  // candidate boundary: before the code point at `at`
    const char32_t cp = next(s, pos);
    const WB cur = word_break(cp);
    // WB4: Extend/Format/ZWJ join the unit before them, unless it is a Newline* (WB3a
    // breaks after it and they start a unit of their own).
    const bool grouped = is_ignorable(cur) && !is_newline(prev);

    // The class of the unit after cur (WB6, WB7b, WB12): the first code point after cur's
    // group, or Other at eot. Asked at most once per position, and only for cur a
    // MidLetter/MidNum/MidNumLet/Single_Quote/Double_Quote, which is never grouped.
    auto unit_after = [&]() {
      for (std::size_t q = pos; q < end;) {
        const WB c = word_break(next(s, q));
        if (!is_ignorable(c)) return c;
      }
      return WB::Other;
    };

    bool brk;
    if (raw == WB::CR && cur == WB::LF) {
      brk = false;  // WB3: CR × LF
    } else if (is_newline(raw)) {
      brk = true;  // WB3a: Newline* ÷
    } else if (is_newline(cur)) {
      brk = true;  // WB3b: ÷ Newline*
    } else if (raw == WB::ZWJ && extended_pictographic(cp)) {
      brk = false;  // WB3c: ZWJ × \p{Extended_Pictographic}
    } else if (raw == WB::WSegSpace && cur == WB::WSegSpace) {
      brk = false;  // WB3d: WSegSpace × WSegSpace
    } else if (grouped) {
      brk = false;  // WB4: X (Extend | Format | ZWJ)* → X
    } else if (is_ah_letter(prev) && is_ah_letter(cur)) {
      brk = false;  // WB5: AHLetter × AHLetter
    } else if (is_ah_letter(prev) && is_mid_letter_q(cur) && is_ah_letter(unit_after())) {
      brk = false;  // WB6: AHLetter × (MidLetter | MidNumLetQ) AHLetter
    } else if (is_ah_letter(prev2) && is_mid_letter_q(prev) && is_ah_letter(cur)) {
      brk = false;  // WB7: AHLetter (MidLetter | MidNumLetQ) × AHLetter
    } else if (prev == WB::Hebrew_Letter && cur == WB::Single_Quote) {
      brk = false;  // WB7a: Hebrew_Letter × Single_Quote
    } else if (prev == WB::Hebrew_Letter && cur == WB::Double_Quote && unit_after() == WB::Hebrew_Letter) {
      brk = false;  // WB7b: Hebrew_Letter × Double_Quote Hebrew_Letter
    } else if (prev2 == WB::Hebrew_Letter && prev == WB::Double_Quote && cur == WB::Hebrew_Letter) {
      brk = false;  // WB7c: Hebrew_Letter Double_Quote × Hebrew_Letter
    } else if (prev == WB::Numeric && cur == WB::Numeric) {
      brk = false;  // WB8: Numeric × Numeric
    } else if (is_ah_letter(prev) && cur == WB::Numeric) {
      brk = false;  // WB9: AHLetter × Numeric
    } else if (prev == WB::Numeric && is_ah_letter(cur)) {
      brk = false;  // WB10: Numeric × AHLetter
    } else if (prev2 == WB::Numeric && is_mid_num_q(prev) && cur == WB::Numeric) {
      brk = false;  // WB11: Numeric (MidNum | MidNumLetQ) × Numeric
    } else if (prev == WB::Numeric && is_mid_num_q(cur) && unit_after() == WB::Numeric) {
      brk = false;  // WB12: Numeric × (MidNum | MidNumLetQ) Numeric
    } else if (prev == WB::Katakana && cur == WB::Katakana) {
      brk = false;  // WB13: Katakana × Katakana
    } else if ((is_ah_letter(prev) || prev == WB::Numeric || prev == WB::Katakana || prev == WB::ExtendNumLet) &&
               cur == WB::ExtendNumLet) {
      brk = false;  // WB13a: (AHLetter | Numeric | Katakana | ExtendNumLet) × ExtendNumLet
    } else if (prev == WB::ExtendNumLet && (is_ah_letter(cur) || cur == WB::Numeric || cur == WB::Katakana)) {
      brk = false;  // WB13b: ExtendNumLet × (AHLetter | Numeric | Katakana)
    } else if (prev == WB::Regional_Indicator && cur == WB::Regional_Indicator && ri_odd) {
      brk = false;  // WB15, WB16: (sot | [^RI]) (RI RI)* RI × RI
    } else {
      brk = true;  // WB999: Any ÷ Any
    }
    if (brk) out.push_back(at);

    // Advance the raw context, and the unit context unless cur joined the last unit.
    raw = cur;
    if (grouped) continue;
    ri_odd = cur == WB::Regional_Indicator && !(prev == WB::Regional_Indicator && ri_odd);
    prev2 = prev;
    prev = cur;
  }
  // WB2: the boundary at end (eot) is not reported either.
}

}  // namespace precis::unicode
