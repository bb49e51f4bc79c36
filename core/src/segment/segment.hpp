// Stage 3: blocks -> sentences.
//
// Two layers. The first is Unicode's own sentence-boundary algorithm (UAX #29,
// unicode/sentence_break.hpp), language-independent and conformant. The second, here,
// applies what a reader knows on top of it, from per-language data
// (core/data/segment/<lang>.txt): abbreviations, initials and honorifics, ordinals,
// times, ellipses, quotations and brackets, list markers, URLs and file names, and the
// line structure found by the blocks stage. Where the second layer has no opinion,
// the UAX #29 boundary stands.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "blocks/blocks.hpp"

namespace precis::segment {

// What a period after a word means (see core/data/segment/README.md).
enum class AbbrevClass { kNone, kTitle, kNumber, kMonth, kCommon, kTime, kFinal };

// Per-language splitter data, parsed once from the compiled-in data files.
struct Rules {
  std::unordered_map<std::string, AbbrevClass> abbreviations;  // case-folded, no final '.'
  std::unordered_set<std::string> starters;                    // case-folded
  std::unordered_set<std::string> capitalized;                 // always capitalized ("i")
  std::unordered_set<std::string> continuers;                  // continue after a time
  std::unordered_set<std::string> prepositions;                // open a leading phrase
  std::u32string terminals;                                    // extra sentence-final characters
  std::u32string word_final;                                   // letters only whole words end with
  bool ordinal_dot = false;                                    // "3. Oktober"

  AbbrevClass lookup(std::string_view folded) const;
  bool is_starter(std::string_view folded) const { return contains(starters, folded); }
  bool is_terminal(char32_t cp) const { return terminals.find(cp) != std::u32string::npos; }
  static bool contains(const std::unordered_set<std::string>& set, std::string_view word) {
    return set.count(std::string(word)) != 0;
  }
};

// The rules for a language tag ("en", "en-GB" -> en data). Languages without data of
// their own get the English rules; every language knows the titles Dr., Prof., Mr.
// and Mrs. unless its data says otherwise.
const Rules& rules_for(std::string_view language);

// Languages with a data file, sorted ("bg", "da", "de", "en", ...).
std::vector<std::string> languages_with_rules();

struct Span {
  std::size_t start, end;  // byte offsets, trimmed
  std::uint32_t block;
};

// Splits every block into sentences and appends them to `out`. Linear in the text.
void split_blocks(std::string_view text, const std::vector<blocks::Block>& blocks, const Rules& rules,
                  std::vector<Span>& out);

}  // namespace precis::segment
