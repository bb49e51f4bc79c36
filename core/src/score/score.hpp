// Stage 5: terms -> sentence scores and keywords.
#pragma once

#include <cstddef>
#include <string>
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

enum class Algorithm { kAuto, kLead };

// Scores the eligible sentences (eligible[i]). kAuto: cosine similarity of each
// sentence to the centroid of all other eligible sentences (TF-IDF centrality),
// combined with a prior that favours the first sentences of the body, and damped for
// very short sentences. kLead: the position prior alone. Linear in the number of terms.
Scored score_sentences(const terms::Analysis& analysis, const std::vector<bool>& eligible, Algorithm algorithm);

struct KeywordTerm {
  std::uint32_t term;
  double score;  // in (0, 1], the best is 1
};

// The `limit` best content terms of the document: frequency times inverse sentence
// frequency, over eligible sentences; no stopwords, numbers or one-letter words.
std::vector<KeywordTerm> keywords(const terms::Analysis& analysis, const std::vector<bool>& eligible, std::size_t limit);

}  // namespace precis::score
