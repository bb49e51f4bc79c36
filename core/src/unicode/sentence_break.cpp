// UAX #29 sentence boundaries, Unicode 15.0 (https://www.unicode.org/reports/tr29/).
//
// The default rules, with ParaSep = Sep | CR | LF and SATerm = STerm | ATerm:
//   SB1   sot ÷ Any
//   SB2   Any ÷ eot
//   SB3   CR × LF
//   SB4   ParaSep ÷
//   SB5   X (Extend | Format)* → X            (X is anything but sot or ParaSep)
//   SB6   ATerm × Numeric
//   SB7   (Upper | Lower) ATerm × Upper
//   SB8   ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
//   SB8a  SATerm Close* Sp* × (SContinue | SATerm)
//   SB9   SATerm Close* × (Close | Sp | ParaSep)
//   SB10  SATerm Close* Sp* × (Sp | ParaSep)
//   SB11  SATerm Close* Sp* ParaSep? ÷
//   SB998 Any × Any
// The first rule that matches a position decides it.
//
// How this file implements them, in one forward pass over the code points:
//   * SB5 groups each code point that is not Extend/Format with the Extend/Format code
//     points that follow it into a "unit" that takes the class of its first code point
//     (after sot or a ParaSep an Extend/Format code point starts a unit of its own, with
//     class Extend/Format). No boundary falls inside a unit, and rules SB6–SB998 only see
//     the unit sequence.
//   * The left-hand contexts of SB6–SB11 are kept as a tiny state: the classes of the
//     last two units and whether the units so far end in "SATerm Close*" or
//     "SATerm Close* Sp*" (and which SATerm).
//   * SB8's right-hand context, "¬(OLetter | Upper | Lower | ParaSep | SATerm)* Lower",
//     holds at a position exactly when the first code point at or after it whose class is
//     one of OLetter, Upper, Lower, ParaSep, SATerm (a "decisive" class) is Lower.
//     Extend/Format are never decisive, so the unit grouping does not matter here and the
//     raw code points can be scanned. The scan's answer is memoized: it stays valid for
//     every later position up to the decisive code point it found, so a run like
//     "a." followed by a million ')' scans the run once, not once per ')'. Scans
//     therefore never overlap and the whole function stays linear in end - begin.
#include "unicode/sentence_break.hpp"

#include "unicode/packed_ranges.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "unicode/unicode.hpp"

namespace precis::unicode {
namespace {
#include "precis_gen/unicode_tables.inc"

using SB = SentenceBreak;

constexpr std::array<SB, 128> kSbAscii = packed_ascii_table<SB>(kSbRanges);

// ParaSep = Sep | CR | LF.
bool is_para_sep(SB c) { return c == SB::Sep || c == SB::CR || c == SB::LF; }

// The classes that end SB8's look-ahead: OLetter | Upper | Lower | ParaSep | SATerm.
bool is_decisive(SB c) {
  switch (c) {
    case SB::OLetter:
    case SB::Upper:
    case SB::Lower:
    case SB::Sep:
    case SB::CR:
    case SB::LF:
    case SB::STerm:
    case SB::ATerm:
      return true;
    default:
      return false;
  }
}

// What the units so far end with, for the left-hand sides of SB8–SB11.
enum class Tail : std::uint8_t {
  None,         // not "SATerm Close* Sp*"
  TermClose,    // "SATerm Close*"      (SB9, and SB8a/SB10/SB11 with no Sp)
  TermCloseSp,  // "SATerm Close* Sp+"  (SB8a, SB10, SB11 only)
};

}  // namespace

SentenceBreak sentence_break(char32_t cp) {
  if (cp < 0x80) return kSbAscii[cp];
  if (cp > 0x10FFFF) return SB::Other;
  return static_cast<SB>(packed_value(kSbRanges, cp));
}

void sentence_boundaries(std::string_view text, std::size_t begin, std::size_t end, std::vector<std::size_t>& out) {
  end = std::min(end, text.size());
  if (begin >= end) return;
  // Decode only inside text[0, end): end is eot, and a code point cut by a bad `end` decodes
  // as U+FFFD instead of reading past it.
  const std::string_view s = text.substr(0, end);

  // SB8 look-ahead memo: no decisive code point lies in [scanned_from, decisive_at), and
  // the code point at decisive_at has class `decisive` (decisive_at == end: none, eot).
  bool memo_valid = false;
  std::size_t decisive_at = 0;
  SB decisive = SB::Other;
  auto lower_follows = [&](std::size_t at) {
    // Positions are queried in increasing order, so the memo answers any `at` up to
    // decisive_at; past it, scan afresh from `at` (never over already-scanned bytes).
    if (!memo_valid || at > decisive_at) {
      memo_valid = true;
      decisive_at = end;
      decisive = SB::Other;
      for (std::size_t q = at; q < end;) {
        const std::size_t here = q;
        const SB c = sentence_break(next(s, q));
        if (is_decisive(c)) {
          decisive_at = here;
          decisive = c;
          break;
        }
      }
    }
    return decisive == SB::Lower;
  };

  // SB1: no boundary reported at begin (sot). The first code point opens the first unit;
  // at sot even an Extend/Format code point is a unit of its own (SB5 needs an X before).
  std::size_t pos = begin;
  SB prev = sentence_break(next(s, pos));  // class of the last unit
  SB prev2 = SB::Other;                    // class of the unit before it (Other at sot; SB7 only asks for Upper/Lower)
  bool aterm = prev == SB::ATerm;          // the SATerm of a non-None tail is an ATerm (SB8)
  Tail tail = (prev == SB::ATerm || prev == SB::STerm) ? Tail::TermClose : Tail::None;

  while (pos < end) {
    const std::size_t at = pos;  // candidate boundary: before the code point at `at`
    const SB cur = sentence_break(next(s, pos));

    // SB5: Extend and Format join the unit before them (no boundary), unless that unit is
    // a ParaSep; after a ParaSep, SB4 breaks and they start a unit of their own below.
    if ((cur == SB::Extend || cur == SB::Format) && !is_para_sep(prev)) continue;

    bool brk;
    if (prev == SB::CR && cur == SB::LF) {
      brk = false;  // SB3: CR × LF
    } else if (is_para_sep(prev)) {
      brk = true;  // SB4: ParaSep ÷
    } else if (prev == SB::ATerm && cur == SB::Numeric) {
      brk = false;  // SB6: ATerm × Numeric
    } else if ((prev2 == SB::Upper || prev2 == SB::Lower) && prev == SB::ATerm && cur == SB::Upper) {
      brk = false;  // SB7: (Upper | Lower) ATerm × Upper
    } else if (tail != Tail::None && aterm && lower_follows(at)) {
      brk = false;  // SB8: ATerm Close* Sp* × ¬(OLetter | Upper | Lower | ParaSep | SATerm)* Lower
    } else if (tail != Tail::None && (cur == SB::SContinue || cur == SB::STerm || cur == SB::ATerm)) {
      brk = false;  // SB8a: SATerm Close* Sp* × (SContinue | SATerm)
    } else if (tail == Tail::TermClose && (cur == SB::Close || cur == SB::Sp || is_para_sep(cur))) {
      brk = false;  // SB9: SATerm Close* × (Close | Sp | ParaSep)
    } else if (tail != Tail::None && (cur == SB::Sp || is_para_sep(cur))) {
      brk = false;  // SB10: SATerm Close* Sp* × (Sp | ParaSep)
    } else if (tail != Tail::None) {
      // SB11: SATerm Close* Sp* ParaSep? ÷ — the "ParaSep?" case is already SB4's
      // (a ParaSep after the tail is kept by SB9/SB10, then SB4 breaks after it).
      brk = true;
    } else {
      brk = false;  // SB998: Any × Any
    }
    if (brk) out.push_back(at);

    // Advance the left-hand context to end with the unit `cur`.
    prev2 = prev;
    prev = cur;
    if (cur == SB::ATerm || cur == SB::STerm) {
      tail = Tail::TermClose;  // a new SATerm restarts "SATerm Close* Sp*"
      aterm = cur == SB::ATerm;
    } else if (cur == SB::Close && tail == Tail::TermClose) {
      // still "SATerm Close*"
    } else if (cur == SB::Sp && tail != Tail::None) {
      tail = Tail::TermCloseSp;
    } else {
      tail = Tail::None;
    }
  }
  // SB2: the boundary at end (eot) is not reported either.
}

}  // namespace precis::unicode
