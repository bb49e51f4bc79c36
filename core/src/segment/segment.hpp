// Stage 3: blocks -> sentences.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "blocks/blocks.hpp"

namespace precis::segment {

// What a period after a word means (core/data/abbreviations/<lang>.txt).
enum class AbbrevClass { kNone, kTitle, kNumber, kMonth, kCommon };

// Per-language splitter data, parsed once from the compiled-in data files.
struct Rules {
  std::unordered_map<std::string, AbbrevClass> abbreviations;  // case-folded, no final '.'
  std::unordered_set<std::string> starters;                    // case-folded
  AbbrevClass lookup(std::string_view folded) const;
  bool is_starter(std::string_view folded) const;
};

// The rules for a language tag ("en", "en-GB" -> en data); languages without data get
// empty rules (punctuation, case and line structure only).
const Rules& rules_for(std::string_view language);

struct Span {
  std::size_t start, end;  // byte offsets, trimmed
  std::uint32_t block;
};

// Splits every block into sentences and appends them to `out`. A sentence ends at
// terminal punctuation (plus closing quotes/brackets) followed by space, when what
// follows starts a sentence; at CJK full stops without space; and at the end of its
// block. Linear in the text.
void split_blocks(std::string_view text, const std::vector<blocks::Block>& blocks, const Rules& rules,
                  std::vector<Span>& out);

}  // namespace precis::segment
