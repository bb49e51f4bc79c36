// Stage 6: scores -> the summary, within a budget.
#pragma once

#include <cstddef>
#include <vector>

#include "precis/precis.hpp"
#include "score/score.hpp"

namespace precis::select {

// Chooses sentences by score within the budget of `options`, greedily, each time the
// best score minus a redundancy penalty (maximal marginal relevance: a share of the
// highest cosine with the sentences already chosen), skipping a sentence too similar
// (cosine > 0.65) to one already chosen while others are left. Returns indices in
// document order. At least one sentence when any is eligible; never more than there
// are. O(n log n) with a bounded redundancy check (at most 64 comparisons each).
// `redundancy`, if given, receives the penalty (<= 0) each chosen sentence paid.
std::vector<std::size_t> choose(const score::Scored& scored, const std::vector<bool>& eligible,
                                const std::vector<std::uint32_t>& cost, const Options& options,
                                std::vector<double>* redundancy = nullptr);

}  // namespace precis::select
