// Stage 5b: key phrases of a document ("security guarantees", "Marco Rubio", "Yermak"),
// multi-word and single-word, from the terms of stage 4. See keyphrases.cpp for the
// method (YAKE-style statistical features, no training data, no dictionary).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "segment/segment.hpp"
#include "terms/terms.hpp"

namespace precis::score {

struct Keyphrase {
  // Byte range in the text of its most representative occurrence, as written: the first
  // one not at the start of a sentence (where the casing is the word's own), else the
  // first. An English possessive "'s" at the end is left out ("Zelensky" of
  // "Zelensky's"); an abbreviation keeps its final period ("U.S.").
  std::size_t start, end;
  double score;  // in (0, 1], descending, the best is 1
};

// The `limit` best key phrases of the eligible sentences (eligible[i]), best first.
// Candidates are runs of one to three word tokens within a sentence, with nothing but
// spaces (or one hyphen, "Zelensky-Trump") between them, neither starting nor ending
// with a stopword or a number; a stopword or number inside ("Bank of America") only in
// a capitalized phrase seen twice. Occurrences that differ only in case or inflection
// (same term ids: analysis stems) are one phrase. A phrase whose words are all in a
// better one is dropped; a better phrase is shown in its longer form when that form is
// its usual one ("Rubio" -> "Marco Rubio"). For Chinese and Japanese (character
// bigram tokens) a phrase is two to four characters of one run seen at least twice;
// Thai-like runs are single tokens. `sentences` and `analysis` are those of
// terms::analyze on `text`. Deterministic, and for any limit up to 32 the head of one
// list; linear in the number of tokens (times `limit` for the duplicate check).
std::vector<Keyphrase> keyphrases(std::string_view text, const std::vector<segment::Span>& sentences,
                                  const terms::Analysis& analysis, const std::vector<bool>& eligible,
                                  std::size_t limit);

}  // namespace precis::score
