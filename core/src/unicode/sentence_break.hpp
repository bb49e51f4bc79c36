// UAX #29 sentence boundaries (Unicode 15.0): the Sentence_Break property, generated at
// build time from Debian's auxiliary/SentenceBreakProperty.txt (core/data/gen/unicode.mjs),
// and the default boundary rules SB1–SB11 and SB998, checked against Unicode's own
// SentenceBreakTest.txt (tests/core/sentence_break_test.cpp).
//
// This is the plain, language-independent algorithm: it breaks after the period of "Mr."
// in "Mr. Smith", for instance (abbreviation handling is core/src/segment's business).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace precis::unicode {

// Sentence_Break property values. Same order as SB in core/data/gen/unicode.mjs.
enum class SentenceBreak : std::uint8_t {
  Other, CR, LF, Extend, Sep, Format, Sp, Lower, Upper, OLetter, Numeric, ATerm, SContinue, STerm, Close
};

// The Sentence_Break property of cp (Other for unlisted and out-of-range code points).
SentenceBreak sentence_break(char32_t cp);

// Appends to `out`, in increasing order, the byte offset of every UAX #29 sentence
// boundary strictly inside (begin, end): text[begin, end) is segmented as a whole text
// (begin is sot, end is eot; nothing outside the range is looked at), and the trivial
// boundaries at begin and end (SB1, SB2) are not reported. `text` must be valid UTF-8 and
// begin/end code point boundaries; end is clamped to text.size(). Runs in time linear in
// end - begin and allocates nothing beyond `out`.
void sentence_boundaries(std::string_view text, std::size_t begin, std::size_t end, std::vector<std::size_t>& out);

}  // namespace precis::unicode
