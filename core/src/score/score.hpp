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

struct Scored {
  std::vector<double> scores;         // by sentence; 0 when not eligible
  std::vector<SparseVector> vectors;  // by sentence; empty when not eligible
};

enum class Algorithm { kAuto, kLead, kTextRank, kLexRank, kCentroid, kSumBasic, kLuhn, kKlSum };

// The option names, in enum order ("auto", "lead", "textrank", ...).
inline constexpr std::string_view kAlgorithmNames[] = {"auto", "lead", "textrank", "lexrank",
                                                       "centroid", "sumbasic", "luhn", "klsum"};
// The algorithm of an option name; false for an unknown name.
bool parse_algorithm(std::string_view name, Algorithm* out);
// "\"auto\", \"lead\", ... or \"klsum\"", for error messages.
std::string algorithm_list();

// Scores the eligible sentences (eligible[i]). kAuto: cosine similarity of each
// sentence to the centroid of all other eligible sentences (TF-IDF centrality),
// combined with a prior that favours the first sentences of the body, and damped for
// very short sentences. kLead: the position prior alone. Linear in the number of terms.
// The classic algorithms (textrank, lexrank, ...) are in score/algorithms.hpp; the
// vectors (for the redundancy check of select) are the same for every algorithm.
Scored score_sentences(const terms::Analysis& analysis, const std::vector<bool>& eligible, Algorithm algorithm);

struct KeywordTerm {
  std::uint32_t term;
  double score;  // in (0, 1], the best is 1
};

// The `limit` best content terms of the document: frequency times inverse sentence
// frequency, over eligible sentences; no stopwords, numbers or one-letter words.
std::vector<KeywordTerm> keywords(const terms::Analysis& analysis, const std::vector<bool>& eligible, std::size_t limit);

}  // namespace precis::score
