// Stage 5: terms -> sentence scores and keywords.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "terms/terms.hpp"

namespace precis::score {

// A sentence as a unit-length TF-IDF vector over content terms, sorted by term id.
using SparseVector = std::vector<std::pair<std::uint32_t, double>>;

double dot(const SparseVector& a, const SparseVector& b);  // linear merge

// One named part of a sentence's score, for explanations. `name` points to a static
// string ("position", "centrality", ...); a score is the sum of its parts.
struct Part {
  std::string_view name;
  double value = 0;
};

struct Scored {
  std::vector<double> scores;         // by sentence; 0 when not eligible
  std::vector<SparseVector> vectors;  // by sentence; empty when not eligible
  // The parts of each eligible sentence's score: parts[part_begin[s], part_begin[s + 1]).
  std::vector<Part> parts;
  std::vector<std::uint32_t> part_begin;  // size: sentences + 1
};

// What the document says about its sentences beyond their words.
struct Signals {
  // The sentence that titles the document (a headline before the body), or -1. It is
  // never eligible itself; the sentences that share its terms score higher.
  std::ptrdiff_t title = -1;
  // By sentence: 1 when the sentence quotes someone (contains quotation marks).
  std::vector<std::uint8_t> quoted;
};

enum class Algorithm { kAuto, kLead, kTextRank, kLexRank, kCentroid, kSumBasic, kLuhn, kKlSum };

// The option names, in enum order ("auto", "lead", "textrank", ...).
inline constexpr std::string_view kAlgorithmNames[] = {"auto", "lead", "textrank", "lexrank",
                                                       "centroid", "sumbasic", "luhn", "klsum"};
// The algorithm of an option name; false for an unknown name.
bool parse_algorithm(std::string_view name, Algorithm* out);
// "\"auto\", \"lead\", ... or \"klsum\"", for error messages.
std::string algorithm_list();

// Scores the eligible sentences (eligible[i]). kAuto: a weighted sum of parts (see
// kAutoWeights in score.cpp and docs/QUALITY.md):
//   position    a prior 1/sqrt(1 + rank) among eligible sentences, stronger when the
//               first sentence is central (a lead that summarizes the article);
//   centrality  cosine of the sentence's TF-IDF vector with the centroid of the others;
//   keywords    the share of the document's keyword weight the sentence covers;
//   lead        cosine with the first sentence;
//   title       cosine with the title (Signals::title);
//   length      log(1 + words);
//   quote       a quotation.
// kLead: the position prior alone. Linear in the number of terms. The classic
// algorithms (textrank, lexrank, ...) are in score/algorithms.hpp, with one part named
// after the algorithm; the vectors (for the redundancy check of select) are the same
// for every algorithm.
Scored score_sentences(const terms::Analysis& analysis, const std::vector<bool>& eligible, Algorithm algorithm,
                       const Signals& signals = {});

struct KeywordTerm {
  std::uint32_t term;
  double score;  // in (0, 1], the best is 1
};

// The `limit` best content terms of the document: frequency times inverse sentence
// frequency, over eligible sentences; no stopwords, numbers or one-letter words.
std::vector<KeywordTerm> keywords(const terms::Analysis& analysis, const std::vector<bool>& eligible, std::size_t limit);

}  // namespace precis::score
