// Stage 4: sentences -> terms (word tokens, case-folded, stopwords marked).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "segment/segment.hpp"
#include "terms/words.hpp"
#include "util/string_index.hpp"

namespace precis::terms {

// Calls fn(start, end, normalized) for every token of text[start, end) (see
// words.hpp: UAX #29 words, CJK bigrams, complex-script runs), with its normalized
// form (NFKC_Casefold, apostrophes as ').
template <class Fn>
void for_each_word(std::string_view text, std::size_t start, std::size_t end, Fn&& fn);

// A language's stopword list: the words, and a hash index over them.
class Stopwords {
 public:
  void add(std::string_view word) {
    if (index_.insert(word, static_cast<std::uint32_t>(words_.size())) == words_.size()) words_.emplace_back(word);
  }
  std::size_t count(std::string_view word) const { return index_.find(word) != util::StringIndex::kMissing; }
  bool empty() const { return words_.empty(); }
  std::size_t size() const { return words_.size(); }
  auto begin() const { return words_.begin(); }
  auto end() const { return words_.end(); }

 private:
  std::vector<std::string> words_;
  util::StringIndex index_;
};

// Stopwords of a language ("en"), from stopwords-iso; empty for languages without a list.
const Stopwords& stopwords_for(std::string_view language);
// Calls fn for every word of that list, in sorted order, without building the set.
void for_each_stopword(std::string_view language, const std::function<void(std::string_view)>& fn);

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
  // Every word token in order: its term id (stopwords included), or kNoTerm for a token
  // with an empty normal form. For position-aware scorers (Luhn's clusters).
  std::vector<std::uint32_t> sequence;
  std::uint32_t first_token = 0;  // its tokens: Analysis::tokens[first_token, + sequence.size())
};

inline constexpr std::uint32_t kNoTerm = 0xFFFFFFFFu;

struct Analysis {
  Vocabulary vocabulary;
  std::vector<SentenceTerms> sentences;
  std::vector<Token> tokens;  // every sentence's tokens, in order (see SentenceTerms)
  std::size_t words = 0;
};

// Tokenizes every sentence. Stopwords count as words but are not terms; English
// possessives ("Zelensky's") are reduced to the noun; the Snowball stemmer of the
// language, where there is one, reduces words to their stems ("guarantees" and
// "guarantee", "гарантії" and "гарантій" stay apart only without one).
Analysis analyze(std::string_view text, const std::vector<segment::Span>& sentences, std::string_view language);

// ---- implementation of the template ----
template <class Fn>
void for_each_word(std::string_view text, std::size_t start, std::size_t end, Fn&& fn) {
  std::vector<Token> tokens;
  tokenize(text, start, end, tokens);
  std::string normalized;
  for (const Token& t : tokens) {
    normalized.clear();
    normalize(text.substr(t.start, t.end - t.start), normalized);
    fn(t.start, t.end, std::string_view(normalized));
  }
}

}  // namespace precis::terms
