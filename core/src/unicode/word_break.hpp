// UAX #29 word boundaries (Unicode 15.0): the Word_Break property, generated at build
// time from Debian's auxiliary/WordBreakProperty.txt, Extended_Pictographic from
// emoji/emoji-data.txt (core/data/gen/unicode.mjs), and the default boundary rules
// WB1–WB16 and WB999, checked against Unicode's own WordBreakTest.txt
// (tests/core/word_break_test.cpp).
//
// This is the plain, language-independent algorithm: it puts boundaries around every
// space and punctuation mark as well as around words ("can't" and "3.14" stay whole,
// "a, b" is five segments), and it does not split runs of ideographs or Thai into words
// (that needs a dictionary). Picking the word-like segments out is the caller's business.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace precis::unicode {

// Word_Break property values. Same order as WB in core/data/gen/unicode.mjs.
enum class WordBreak : std::uint8_t {
  Other, CR, LF, Newline, Extend, ZWJ, Regional_Indicator, Format, Katakana, Hebrew_Letter, ALetter,
  Single_Quote, Double_Quote, MidNumLet, MidLetter, MidNum, Numeric, ExtendNumLet, WSegSpace
};

// The Word_Break property of cp (Other for unlisted and out-of-range code points).
WordBreak word_break(char32_t cp);

// The Extended_Pictographic property of cp (emoji-data.txt; false out of range).
bool extended_pictographic(char32_t cp);

// Appends to `out`, in increasing order, the byte offset of every UAX #29 word boundary
// strictly inside (begin, end): text[begin, end) is segmented as a whole text (begin is
// sot, end is eot; nothing outside the range is looked at), and the trivial boundaries at
// begin and end (WB1, WB2) are not reported. `text` must be valid UTF-8 and begin/end code
// point boundaries; end is clamped to text.size(). Runs in time linear in end - begin and
// allocates nothing beyond `out`.
void word_boundaries(std::string_view text, std::size_t begin, std::size_t end, std::vector<std::size_t>& out);

}  // namespace precis::unicode
