// Word tokens for the term layer: UAX #29 word boundaries (unicode/word_break.hpp) with
// two refinements a reader expects, and the normalized form that terms compare.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace precis::terms {

struct Token {
  std::size_t start = 0, end = 0;  // byte offsets into the original text
  enum Kind { kWord, kNumber, kIdeographic, kComplex } kind = kWord;
};

// The tokens of text[begin, end), in order:
//  - kWord / kNumber: UAX #29 word segments that hold a letter or a digit ("isn't",
//    "O’Brien", "U.S", "3.50"; "Zelensky-Trump" is two words);
//  - kIdeographic: runs of Han, Hiragana and Katakana become overlapping character
//    bigrams (a run of one character is one token), the usual unit for Chinese and
//    Japanese text without a dictionary;
//  - kComplex: runs of Thai, Lao, Khmer and Myanmar are kept whole, since breaking them
//    into words needs a dictionary and UAX #29 alone would cut them into letters.
// Linear in the text.
void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out);
// The same, with a caller's scratch buffer for the word boundaries (no allocation per
// call once it has grown).
void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out,
              std::vector<std::size_t>& scratch);

// The form terms are compared by: NFKC_Casefold (case, width, ligatures, compatibility
// forms folded; soft hyphens and zero-width characters dropped) with ’ and ʼ written '.
// Appends to `out`.
void normalize(std::string_view token, std::string& out);

}  // namespace precis::terms
