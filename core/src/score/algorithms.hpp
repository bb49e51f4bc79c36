// Stage 5, continued: the classic unsupervised sentence scorers, selectable with the
// `algorithm` option. Each returns a score by sentence (0 when not eligible; higher is
// better) and is deterministic: no unordered iteration, ties broken by sentence index,
// so native and wasm builds give identical results. None is quadratic: the sentence
// graph of textrank and lexrank is built through an inverted index over terms, with
// very common terms left out and at most kMaxNeighbours edges kept per sentence.
#pragma once

#include <cstddef>
#include <vector>

#include "score/score.hpp"
#include "terms/terms.hpp"

namespace precis::score {

// Graph bounds: at most this many strongest neighbours per sentence (before making the
// graph symmetric) ...
inline constexpr std::size_t kMaxNeighbours = 50;
// ... and a term links sentences only when it occurs in at most
// max(kMinPostings, min(kMaxPostingsShare * eligible, kMaxPostings)) of them.
inline constexpr std::size_t kMinPostings = 64;
inline constexpr double kMaxPostingsShare = 0.3;
inline constexpr std::size_t kMaxPostings = 1000;

// TextRank (Mihalcea & Tarau 2004): weighted PageRank (damping 0.85, until the L1
// change is below 1e-6, at most 100 iterations) over the graph whose edge weight is
// the number of shared content terms / (log |Si| + log |Sj|), |S| in words. Scaled so
// that the best sentence has 1.
std::vector<double> textrank(const terms::Analysis& analysis, const std::vector<bool>& eligible);

// Continuous LexRank (Erkan & Radev 2004): the same PageRank over the graph of TF-IDF
// cosine similarities (`vectors`: the unit vectors of score_sentences). Best is 1.
std::vector<double> lexrank(const terms::Analysis& analysis, const std::vector<bool>& eligible,
                            const std::vector<SparseVector>& vectors);

// Centroid (Radev et al. 2004): cosine of the sentence's TF-IDF vector with the
// document centroid (the sum of all sentence vectors). No position prior.
std::vector<double> centroid(const terms::Analysis& analysis, const std::vector<bool>& eligible,
                             const std::vector<SparseVector>& vectors);

// SumBasic (Nenkova & Vanderwende 2005): p(w) = the term's share of all content term
// tokens; a sentence scores the average p of its tokens. Greedy with the squaring
// update for the first kSumBasicGreedy picks (a picked sentence keeps the score it
// had when picked, so scores fall along the greedy order); the rest score their
// average under the final probabilities.
inline constexpr std::size_t kSumBasicGreedy = 64;
std::vector<double> sumbasic(const terms::Analysis& analysis, const std::vector<bool>& eligible);

// Luhn (1958): significant words are content terms (not numbers) occurring at least
// twice in the document; a cluster is a run of words whose significant words are at
// most 4 insignificant words apart; the sentence scores its best cluster's
// significant² / span length.
std::vector<double> luhn(const terms::Analysis& analysis, const std::vector<bool>& eligible);

// KL-Sum (Haghighi & Vanderwende 2009) as a per-sentence score: 1 / (1 + KL(P_doc ||
// Q_s)), Q_s = the sentence's unigram distribution interpolated half and half with
// P_doc (so that the divergence is finite). Linear: the terms absent from the
// sentence contribute a constant computed once.
std::vector<double> klsum(const terms::Analysis& analysis, const std::vector<bool>& eligible);

// Dispatch for score_sentences (any algorithm but kAuto and kLead).
std::vector<double> algorithm_scores(Algorithm algorithm, const terms::Analysis& analysis,
                                     const std::vector<bool>& eligible, const std::vector<SparseVector>& vectors);

}  // namespace precis::score
