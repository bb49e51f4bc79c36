// Stage 4: sentences -> terms (word tokens, case-folded, stopwords marked).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "segment/segment.hpp"

namespace precis::terms {

// Calls fn(start, end, folded) for every word token in text[start, end): a run of
// letters, marks, digits and connectors, with apostrophes inside it ("isn't", "O’Brien").
// `folded` is the full case folding, with ’ written as '.
template <class Fn>
void for_each_word(std::string_view text, std::size_t start, std::size_t end, Fn&& fn);

// Stopwords of a language ("en"), from stopwords-iso; empty for languages without a list.
const std::unordered_set<std::string>& stopwords_for(std::string_view language);

struct Vocabulary {
  std::vector<std::string> folded;   // by term id
  std::vector<std::size_t> first;    // byte offset of the first occurrence
  std::vector<std::uint32_t> first_length;
  std::vector<bool> stopword;
  std::vector<bool> numeric;         // digits only
};

struct SentenceTerms {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;  // (term id, count), by id; content terms only
  std::uint32_t words = 0;                                      // all word tokens
};

struct Analysis {
  Vocabulary vocabulary;
  std::vector<SentenceTerms> sentences;
  std::size_t words = 0;
};

// Tokenizes every sentence. Stopwords count as words but are not terms; English
// possessives ("Zelensky's") are reduced to the noun.
Analysis analyze(std::string_view text, const std::vector<segment::Span>& sentences, std::string_view language);

// ---- implementation of the template ----
bool is_apostrophe(char32_t cp);
char32_t next_cp(std::string_view text, std::size_t& i);
bool word_char(char32_t cp);
void fold_into(char32_t cp, std::string& out);

template <class Fn>
void for_each_word(std::string_view text, std::size_t start, std::size_t end, Fn&& fn) {
  std::size_t i = start;
  std::string folded;
  while (i < end) {
    std::size_t at = i;
    char32_t cp = next_cp(text, i);
    if (!word_char(cp)) continue;
    std::size_t word_start = at, word_end = i;
    folded.clear();
    fold_into(cp, folded);
    while (i < end) {
      std::size_t k = i;
      char32_t c = next_cp(text, k);
      if (word_char(c)) {
        fold_into(c, folded);
        i = word_end = k;
        continue;
      }
      if (is_apostrophe(c) && k < end) {  // inside a word only
        std::size_t k2 = k;
        char32_t c2 = next_cp(text, k2);
        if (word_char(c2)) {
          folded.push_back('\'');
          fold_into(c2, folded);
          i = word_end = k2;
          continue;
        }
      }
      break;
    }
    fn(word_start, word_end, std::string_view(folded));
  }
}

}  // namespace precis::terms
